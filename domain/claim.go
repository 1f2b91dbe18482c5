package domain

import (
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
