package domain

import (
	"slices"
	"time"
)

// A project's progress on a day: its targets and its money. The store reads the facts (counts
// of children, sums of deliveries, claims and plans) within the caller's scope; the rules of
// what they mean (which targets are recorded, the pace, the forecast) are here.

// The target groups the system counts itself: children assessed, served, and assessed while
// in an institution. The adults' groups are kept outside Atbalsts.
const (
	TargetChildrenAssessed               TargetGroup = "CHILDREN_ASSESSED"
	TargetChildrenServed                 TargetGroup = "CHILDREN_SERVED"
	TargetChildrenInInstitutionsAssessed TargetGroup = "CHILDREN_IN_INSTITUTIONS_ASSESSED"
)

// Recorded tells whether Atbalsts records the group, so that it can count what was achieved.
func (g TargetGroup) Recorded() bool {
	return g == TargetChildrenAssessed || g == TargetChildrenServed || g == TargetChildrenInInstitutionsAssessed
}

// ClaimedStatuses are the statuses of a claim whose deliveries count as claimed (a rejected
// claim frees its deliveries).
var ClaimedStatuses = []ClaimStatus{ClaimSubmitted, ClaimApproved, ClaimPaid}

// MonthLayout is how a month is written on the API: "2021-01".
const MonthLayout = "2006-01"

// MonthOf is the first day of d's calendar month.
func MonthOf(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// monthsFrom counts the calendar months from from's month to to's month: 0 for the same month,
// negative when to's month is earlier.
func monthsFrom(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
}

// PaceMonths is how many whole calendar months before the day's month the pace averages.
const PaceMonths = 6

// PaceWindow is the first day and the day after the last of the PaceMonths whole calendar
// months before on's month.
func PaceWindow(on time.Time) (from, until time.Time) {
	until = MonthOf(on)
	return until.AddDate(0, -PaceMonths, 0), until
}

// MonthAmount is an amount of a month, with the total up to its end.
type MonthAmount struct {
	Month      time.Time `db:"month"`      // the first day of the month
	Amount     Money     `db:"amount"`     // the amount of the month
	Cumulative Money     `db:"cumulative"` // the amount up to the month's end
}

// Funds are the money facts of a project, or of a partner's part of it, on a day.
type Funds struct {
	Committed     Money         // budgets of the plan revisions in force
	Delivered     Money         // the cost of deliveries not rejected, up to the day
	Claimed       Money         // of that, the cost in claims submitted, approved or paid
	Paid          Money         // of that, the cost in paid claims
	LastSixMonths Money         // the delivered cost in the PaceMonths whole months before the day's month
	ByMonth       []MonthAmount // the delivered cost of each month from the project's start to the day's month
}

// MonthlyPace is the average delivered cost a month over the last six whole months, rounded
// to the cent (half up).
func (f Funds) MonthlyPace() Money {
	return divideHalfUp(f.LastSixMonths, PaceMonths)
}

// divideHalfUp is m / n rounded to the cent, halves away from zero (n > 0).
func divideHalfUp(m Money, n int64) Money {
	if m < 0 {
		return -divideHalfUp(-m, n)
	}
	return Money((int64(m) + n/2) / n)
}

// FundsForecast is where a budget stands on a day and where it goes at the recent pace.
type FundsForecast struct {
	Remaining    Money      // the budget less the delivered cost (negative when overspent)
	ExhaustedIn  *time.Time // the first day of the month the delivered cost reaches the budget, when that is by the project's end
	UnspentAtEnd Money      // what would be left at the project's end at that pace; 0 when the money runs out first
}

// Forecast is the burn-down rule. The budget less the delivered cost remains. At the monthly
// pace, counted from on's month on (on's month is the first to add a month's pace), the money
// runs out in the first month whose cumulative cost reaches the budget: when that month is
// on or before end's month, ExhaustedIn is it and nothing is left unspent; otherwise (or with
// no pace) ExhaustedIn is nil and UnspentAtEnd is what remains after the pace of every month
// from on's through end's (none when on is after the end), never below 0. A budget already
// reached by on was exhausted in the month the past cumulative cost reached it (f.ByMonth; on's
// month if the months do not show it), whatever the pace.
func Forecast(budget Money, f Funds, on, end time.Time) FundsForecast {
	out := FundsForecast{Remaining: budget - f.Delivered}
	endMonth := MonthOf(end)
	exhausted := func(m time.Time) {
		if !m.After(endMonth) {
			out.ExhaustedIn = &m
		}
	}
	if out.Remaining <= 0 {
		month := MonthOf(on)
		if i := slices.IndexFunc(f.ByMonth, func(m MonthAmount) bool { return m.Cumulative >= budget }); i >= 0 {
			month = MonthOf(f.ByMonth[i].Month)
		}
		exhausted(month)
		return out
	}
	pace := f.MonthlyPace()
	left := int64(monthsFrom(on, end)) + 1 // on's month through end's month
	if left < 0 {
		left = 0
	}
	if pace <= 0 {
		out.UnspentAtEnd = out.Remaining
		return out
	}
	// The k-th month from on's (k = 0 for on's own) ends with Delivered + (k+1) x pace.
	need := (int64(out.Remaining) + int64(pace) - 1) / int64(pace) // months until the budget is reached
	if need <= left {
		exhausted(MonthOf(on).AddDate(0, int(need-1), 0))
		return out
	}
	out.UnspentAtEnd = out.Remaining - Money(left)*pace
	return out
}

// FundsProgress is the money of a project, or of a partner's part of it, with its forecast.
type FundsProgress struct {
	Funds
	MonthlyPace Money          // the average delivered cost a month over the last six whole months
	Budget      *Money         // the project's budget; nil for a part of it (a partner, a worker's municipalities)
	Forecast    *FundsForecast // nil where the budget is
}

// TargetProgress is a target with what was achieved.
type TargetProgress struct {
	Group    TargetGroup // the group
	Planned  int         // the count the project promised
	Achieved *int        // the count reached; nil for a group Atbalsts does not record
	Recorded bool        // whether Atbalsts records the group
}

// PartnerFunds are a partner municipality's part of a project's money.
type PartnerFunds struct {
	Municipality Municipality // the partner
	Funds        FundsProgress
}

// ProgressFacts are what the store reads of a project for its progress on a day, within the
// caller's scope.
type ProgressFacts struct {
	Project  *Project            // the project
	Achieved map[TargetGroup]int // distinct children counted per recorded group
	Funds    Funds               // the money in scope: the whole project, or the caller's municipalities
	Partners []PartnerFacts      // the partner municipalities in scope, by name
	Partial  bool                // the figures are a part of the project's (a worker's municipalities): no budget
}

// PartnerFacts are a partner municipality's money facts.
type PartnerFacts struct {
	Municipality Municipality // the partner
	Funds        Funds        // the money of its deliveries and of its children's plans
}

// ProjectProgress is a project's progress on a day.
type ProjectProgress struct {
	Project  *Project         // the project
	On       time.Time        // the day
	Targets  []TargetProgress // every target of the project, in the order of TargetGroups
	Funds    FundsProgress    // the money in scope
	Partners []PartnerFunds   // each partner municipality in scope, by name
}

// ProgressOf is a project's progress on day on from the facts read: each target with the count
// achieved where the group is recorded, and the money with its pace, and the forecast where
// the budget is the project's whole one (the budget is not divided among partners).
func ProgressOf(f ProgressFacts, on time.Time) ProjectProgress {
	p := ProjectProgress{Project: f.Project, On: on}
	targets := slices.Clone(f.Project.Targets)
	slices.SortStableFunc(targets, func(a, b ProjectTarget) int {
		return slices.Index(TargetGroups, a.Group) - slices.Index(TargetGroups, b.Group)
	})
	for _, t := range targets {
		tp := TargetProgress{Group: t.Group, Planned: t.Count, Recorded: t.Group.Recorded()}
		if tp.Recorded {
			n := f.Achieved[t.Group]
			tp.Achieved = &n
		}
		p.Targets = append(p.Targets, tp)
	}
	p.Funds = FundsProgress{Funds: f.Funds, MonthlyPace: f.Funds.MonthlyPace()}
	if !f.Partial {
		budget := f.Project.TotalBudget
		forecast := Forecast(budget, f.Funds, on, f.Project.EndDate)
		p.Funds.Budget, p.Funds.Forecast = &budget, &forecast
	}
	for _, pf := range f.Partners {
		p.Partners = append(p.Partners, PartnerFunds{Municipality: pf.Municipality,
			Funds: FundsProgress{Funds: pf.Funds, MonthlyPace: pf.Funds.MonthlyPace()}})
	}
	return p
}

// WholeProjects tells whether the scope sees projects' whole figures (every partner's), or only
// those of its municipalities (a MUNICIPALITY_WORKER's), which are a part of the project's.
func (s ClaimScope) WholeProjects() bool { return s.All || s.LeadRegionID != 0 }
