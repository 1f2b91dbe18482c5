package domain

import (
	"fmt"
	"time"
)

// UsageFigures are planned, delivered, verified, claimed and remaining units and money.
// Delivered counts every delivery that is not rejected; verified counts verified and claimed.
type UsageFigures struct {
	PlannedUnits    int   // planned units
	DeliveredUnits  int   // not rejected
	VerifiedUnits   int   // verified or claimed
	ClaimedUnits    int   // claimed
	PlannedAmount   Money // a plan's budget, a line's planned amount
	DeliveredAmount Money // not rejected
	VerifiedAmount  Money // verified or claimed
	ClaimedAmount   Money // claimed
}

// Add counts a delivery in.
func (u *UsageFigures) Add(status DeliveryStatus, units int, amount Money) {
	if !status.Counts() {
		return
	}
	u.DeliveredUnits += units
	u.DeliveredAmount += amount
	if status == DeliveryVerified || status == DeliveryClaimed {
		u.VerifiedUnits += units
		u.VerifiedAmount += amount
	}
	if status == DeliveryClaimed {
		u.ClaimedUnits += units
		u.ClaimedAmount += amount
	}
}

// Plus returns the sum of two figures.
func (u UsageFigures) Plus(o UsageFigures) UsageFigures {
	return UsageFigures{u.PlannedUnits + o.PlannedUnits, u.DeliveredUnits + o.DeliveredUnits, u.VerifiedUnits + o.VerifiedUnits,
		u.ClaimedUnits + o.ClaimedUnits, u.PlannedAmount + o.PlannedAmount, u.DeliveredAmount + o.DeliveredAmount,
		u.VerifiedAmount + o.VerifiedAmount, u.ClaimedAmount + o.ClaimedAmount}
}

// RemainingUnits is planned - delivered.
func (u UsageFigures) RemainingUnits() int { return u.PlannedUnits - u.DeliveredUnits }

// RemainingAmount is planned - delivered.
func (u UsageFigures) RemainingAmount() Money { return u.PlannedAmount - u.DeliveredAmount }

// DeliverySum is what the usage report reads: the deliveries of a plan line in one status.
type DeliverySum struct {
	PlanID  int            `db:"plan_id"`  // the plan
	LineKey string         `db:"line_key"` // the line
	Status  DeliveryStatus `db:"status"`   // the status
	Units   int            `db:"units"`    // their units
	Amount  Money          `db:"amount"`   // their money
}

// CapUsage is what is used and what remains of a cap for a child on a day.
type CapUsage struct {
	ProjectID  int       // the project whose rule it is
	Kind       CapKind   // what is capped
	Limit      *int      // the limit in force; nil: no limit
	Used       int       // what counts towards it in the period
	PeriodFrom time.Time // the counted period
	PeriodTo   time.Time
}

// Remaining is limit - used, never below 0; nil when there is no limit.
func (c CapUsage) Remaining() *int {
	if c.Limit == nil {
		return nil
	}
	r := max(*c.Limit-c.Used, 0)
	return &r
}

// CapUsages reports, for each cap kind of the project with a rule in force on day, what the
// child has used and what remains, counted as CheckDelivery counts. counted holds the child's
// counting deliveries (in every project).
func CapUsages(child *Child, project *Project, counted []CountedUnits, types map[int]*ServiceType, day time.Time) []CapUsage {
	var out []CapUsage
	age := child.AgeOn(day)
	for _, kind := range CapKinds {
		r, ok := CapInForce(project.CapRules, kind, day, age)
		if !ok {
			continue
		}
		u := CapUsage{ProjectID: project.ID, Kind: kind, Limit: r.Limit, PeriodFrom: project.StartDate, PeriodTo: project.EndDate}
		switch kind {
		case CapChildSessions: // the sessions up to the day, as the rule counts them
			u.Used = sessionsUsed(counted, types, project.ID, RecipientChild, day)
		case CapParentSessions:
			u.Used = sessionsUsed(counted, types, project.ID, RecipientParents, day)
		case CapHomeCareWeekly:
			u.PeriodFrom, u.PeriodTo = WeekOf(day)
			u.Used = homeCareHours(counted, types, day)
		case CapRespiteDaysYearly:
			u.PeriodFrom, u.PeriodTo = time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(day.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
			u.Used = respiteDays(counted, types, day.Year())
		}
		out = append(out, u)
	}
	return out
}

// CheckRevisionCoversDeliveries: a revision that replaces the one in force may not plan less
// than was already delivered, line by line (by key) and in money, or the deliveries made
// under the old revision would break the new one.
func CheckRevisionCoversDeliveries(rev *PlanRevision, sums []DeliverySum) error {
	var spent Money
	units := map[string]int{}
	for _, s := range sums {
		if s.Status.Counts() {
			spent += s.Amount
			units[s.LineKey] += s.Units
		}
	}
	for i, l := range rev.Lines {
		if units[l.Key] > l.PlannedUnits {
			return &Error{Code: ELineUnits, Field: fmt.Sprintf("lines.%d.plannedUnits", i),
				Message: fmt.Sprintf("%d units of this line are delivered already: the revision cannot plan %d", units[l.Key], l.PlannedUnits)}
		}
	}
	if spent > rev.Budget {
		return &Error{Code: EBudget, Field: "budget", Message: fmt.Sprintf("%s EUR is spent already: the budget cannot be %s EUR", spent, rev.Budget)}
	}
	return nil
}
