package domain

import (
	"slices"
	"time"
)

// ClaimStatus is where a compensation claim stands: SUBMITTED -> APPROVED or REJECTED -> PAID.
type ClaimStatus string

// The statuses of a claim.
const (
	ClaimSubmitted ClaimStatus = "SUBMITTED"
	ClaimApproved  ClaimStatus = "APPROVED"
	ClaimRejected  ClaimStatus = "REJECTED"
	ClaimPaid      ClaimStatus = "PAID"
)

// ClaimStatuses lists every claim status.
var ClaimStatuses = []ClaimStatus{ClaimSubmitted, ClaimApproved, ClaimRejected, ClaimPaid}

// ClaimStep is a decision on a claim.
type ClaimStep string

// The decisions.
const (
	ClaimStepApprove ClaimStep = "approve"
	ClaimStepReject  ClaimStep = "reject"
	ClaimStepPay     ClaimStep = "pay"
)

// claimSteps says from which status each decision may be taken, and to which it leads.
var claimSteps = map[ClaimStep]struct{ from, to ClaimStatus }{
	ClaimStepApprove: {ClaimSubmitted, ClaimApproved},
	ClaimStepReject:  {ClaimSubmitted, ClaimRejected},
	ClaimStepPay:     {ClaimApproved, ClaimPaid},
}

// NextClaimStatus returns the status a decision leads to from status, or an error.
func NextClaimStatus(step ClaimStep, from ClaimStatus) (ClaimStatus, error) {
	s, ok := claimSteps[step]
	if !ok {
		return "", Errorf(EINVALID, "unknown step %q", step)
	}
	if s.from != from {
		return "", Errorf(EINVALID, "a %s claim cannot be %sd: that needs a %s one", from, step, s.from)
	}
	return s.to, nil
}

// ClaimStepReason cleans a decision's reason: a rejection needs one (the municipality must
// learn why); the other decisions take none.
func ClaimStepReason(step ClaimStep, reason *string) (*string, error) {
	if step != ClaimStepReject {
		return nil, nil
	}
	text := ""
	if reason != nil {
		text = *reason
	}
	clean, err := Reason("reason", text)
	if err != nil {
		return nil, err
	}
	return &clean, nil
}

// Claim is a municipality's compensation claim for the verified deliveries of a period of a
// project. Its totals are frozen when it is submitted.
type Claim struct {
	ID             int         `db:"id"`              // database id
	MunicipalityID int         `db:"municipality_id"` // who claims
	ProjectID      int         `db:"project_id"`      // who pays
	PeriodFrom     time.Time   `db:"period_from"`     // first day
	PeriodTo       time.Time   `db:"period_to"`       // last day
	Status         ClaimStatus `db:"status"`          // where it stands
	Total          Money       `db:"total"`           // the deliveries' sum
	DeliveryCount  int         `db:"delivery_count"`  // how many deliveries
	ChildCount     int         `db:"child_count"`     // for how many children
	SubmittedAt    time.Time   `db:"submitted_at"`    // when submitted
	DecidedAt      *time.Time  `db:"decided_at"`      // approved or rejected
	RejectReason   *string     `db:"reject_reason"`   // why rejected
	PaidAt         *time.Time  `db:"paid_at"`         // when paid
	Version        int         `db:"version"`         // optimistic locking
	LeadRegionID   int         `db:"lead_region_id"`  // the project's lead region, who decides
	RegionID       int         `db:"region_id"`       // the municipality's region
	Totals         ClaimTotals `db:"-"`               // per service type and fund
}

// ClaimFilter selects claims.
type ClaimFilter struct {
	Scope          ClaimScope   // what the caller may see
	MunicipalityID *int         // of this municipality
	ProjectID      *int         // of this project
	Status         *ClaimStatus // in this status
}

// ServiceTotal is a claim's sum for one service type.
type ServiceTotal struct {
	ServiceTypeID int   `json:"serviceTypeId" db:"service_type_id"` // the service
	Units         int   `json:"units" db:"units"`                   // its units
	Amount        Money `json:"amount" db:"amount"`                 // its money
	Deliveries    int   `json:"deliveries" db:"deliveries"`         // how many deliveries
	Children      int   `json:"children" db:"children"`             // for how many children
}

// FundAmount is a fund's part of a sum.
type FundAmount struct {
	Code    FundingSourceCode `json:"code"`    // the fund
	ShareBP int               `json:"shareBp"` // its share
	Amount  Money             `json:"amount"`  // its part, to the cent
}

// ClaimTotals are a claim's (or a preview's) figures.
type ClaimTotals struct {
	Total      Money          `json:"total"`      // the sum
	Deliveries int            `json:"deliveries"` // how many deliveries
	Children   int            `json:"children"`   // for how many children
	ByService  []ServiceTotal `json:"byService"`  // per service type; they add up to Total
	ByFund     []FundAmount   `json:"byFund"`     // per fund by the project's shares; they add up to Total
}

// TotalClaim sums the per-service totals and splits the sum by the project's funding shares
// (largest remainder, so the parts add up to the cent). children is the number of distinct
// children over all services.
func TotalClaim(byService []ServiceTotal, children int, sources []FundingSource) ClaimTotals {
	t := ClaimTotals{ByService: byService, Children: children}
	for _, s := range byService {
		t.Total += s.Amount
		t.Deliveries += s.Deliveries
	}
	for i, part := range SplitBy(t.Total, sources) {
		t.ByFund = append(t.ByFund, FundAmount{Code: sources[i].Code, ShareBP: sources[i].ShareBP, Amount: part})
	}
	return t
}

// ValidateClaimPeriod checks a claim's period: a plausible one, not ending in the future, and
// within the project's.
func ValidateClaimPeriod(from, to, today time.Time, p *Project) error {
	if err := CheckDate("periodFrom", from); err != nil {
		return err
	}
	if err := CheckDate("periodTo", to); err != nil {
		return err
	}
	if to.Before(from) {
		return FieldErrorf("periodTo", "the period ends before it starts")
	}
	if to.After(today) {
		return FieldErrorf("periodTo", "a period that has not ended cannot be claimed")
	}
	if to.Before(p.StartDate) || from.After(p.EndDate) {
		return FieldErrorf("periodFrom", "the period lies outside the project's (%s to %s)", p.StartDate.Format(DateLayout), p.EndDate.Format(DateLayout))
	}
	return nil
}

// ClaimPeriod is a period of a project a municipality claims.
type ClaimPeriod struct {
	MunicipalityID int       // who claims
	ProjectID      int       // who pays
	From, To       time.Time // the period
}

// CheckClaimPeriod: a claim's period is valid (ValidateClaimPeriod) and the municipality is a
// partner of the project.
func CheckClaimPeriod(cp ClaimPeriod, today time.Time, p *Project) error {
	if err := ValidateClaimPeriod(cp.From, cp.To, today, p); err != nil {
		return err
	}
	if !p.HasPartner(cp.MunicipalityID) {
		return FieldErrorf("municipalityId", "the municipality is not a partner of the project")
	}
	return nil
}

// Claimable is a verified, unclaimed delivery of a period, as a claim sums it.
type Claimable struct {
	ID            int   `db:"id"`              // the delivery
	ChildID       int   `db:"child_id"`        // its child
	ServiceTypeID int   `db:"service_type_id"` // its service
	Units         int   `db:"units"`           // its units
	Amount        Money `db:"amount"`          // its cost
}

// CheckClaimable: a claim holds at least one delivery.
func CheckClaimable(rows []Claimable) error {
	if len(rows) == 0 {
		return Errorf(ENothingToClaim, "the period has no verified, unclaimed deliveries")
	}
	return nil
}

// ClaimTotalsOf sums deliveries per service type (in catalogue id order) and splits the total
// by the project's funding shares.
func ClaimTotalsOf(rows []Claimable, p *Project) ClaimTotals {
	byType := map[int]*ServiceTotal{}
	children := map[int]bool{}
	childrenOf := map[int]map[int]bool{}
	for _, r := range rows {
		t := byType[r.ServiceTypeID]
		if t == nil {
			t = &ServiceTotal{ServiceTypeID: r.ServiceTypeID}
			byType[r.ServiceTypeID], childrenOf[r.ServiceTypeID] = t, map[int]bool{}
		}
		t.Units += r.Units
		t.Amount += r.Amount
		t.Deliveries++
		childrenOf[r.ServiceTypeID][r.ChildID] = true
		children[r.ChildID] = true
	}
	var list []ServiceTotal
	for id, t := range byType {
		t.Children = len(childrenOf[id])
		list = append(list, *t)
	}
	slices.SortFunc(list, func(a, b ServiceTotal) int { return a.ServiceTypeID - b.ServiceTypeID })
	return TotalClaim(list, len(children), p.FundingSources)
}

// CheckClaimStep decides a step on a claim: the status it leads to, and the step's reason
// (ClaimStepReason: a rejection needs one).
func CheckClaimStep(step ClaimStep, c *Claim, reason *string) (ClaimStatus, *string, error) {
	next, err := NextClaimStatus(step, c.Status)
	if err != nil {
		return "", nil, err
	}
	reason, err = ClaimStepReason(step, reason)
	return next, reason, err
}
