package domain

import "time"

// The worklist: what waits for a user, by kind. Which kinds a role works on is decided here
// (WorklistKindsOf); what counts as waiting, in the store's one query per kind.

// WorklistKind is a kind of work on the worklist.
type WorklistKind string

// The kinds of work, in the order the worklist lists them.
const (
	WorkApplicationsToDecide           WorklistKind = "APPLICATIONS_TO_DECIDE"
	WorkApplicationsAwaitingAssessment WorklistKind = "APPLICATIONS_AWAITING_ASSESSMENT"
	WorkAssessmentsToRecord            WorklistKind = "ASSESSMENTS_TO_RECORD"
	WorkPlansToApprove                 WorklistKind = "PLANS_TO_APPROVE"
	WorkPlansReturned                  WorklistKind = "PLANS_RETURNED"
	WorkPlansToActivate                WorklistKind = "PLANS_TO_ACTIVATE"
	WorkDeliveriesToVerify             WorklistKind = "DELIVERIES_TO_VERIFY"
	WorkClaimsToDecide                 WorklistKind = "CLAIMS_TO_DECIDE"
	WorkClaimsToPay                    WorklistKind = "CLAIMS_TO_PAY"
	WorkPlansEnding                    WorklistKind = "PLANS_ENDING"
	WorkOpinionsExpiring               WorklistKind = "OPINIONS_EXPIRING"
	WorkChildrenNearCap                WorklistKind = "CHILDREN_NEAR_CAP"
)

// WorklistKinds lists every kind of work.
var WorklistKinds = []WorklistKind{WorkApplicationsToDecide, WorkApplicationsAwaitingAssessment, WorkAssessmentsToRecord,
	WorkPlansToApprove, WorkPlansReturned, WorkPlansToActivate, WorkDeliveriesToVerify, WorkClaimsToDecide,
	WorkClaimsToPay, WorkPlansEnding, WorkOpinionsExpiring, WorkChildrenNearCap}

// How far ahead the worklist looks, and when a cap counts as nearly used.
const (
	PlansEndingWithinDays      = 30 // a plan ending within this many days needs a new one or closing
	OpinionsExpiringWithinDays = 60 // a renewal of a disability opinion takes weeks
	NearCapPercent             = 80 // a child who has used this share of the sessions cap
	WorklistEntries            = 5  // entries listed per kind
)

// Worklist is what waits for a user on Today.
type Worklist struct {
	Today time.Time
	Items []WorklistItem
}

// WorklistItem is one kind of work: how many wait and the most urgent few.
type WorklistItem struct {
	Kind    WorklistKind
	Count   int
	Entries []WorklistEntry
}

// WorklistEntry is one thing that waits; the kind decides which ids are set.
type WorklistEntry struct {
	ChildID       *int       `db:"child_id"`
	RevisionID    *int       `db:"revision_id"`
	ApplicationID *int       `db:"application_id"`
	AssessmentID  *int       `db:"assessment_id"`
	ClaimID       *int       `db:"claim_id"`
	Due           *time.Time `db:"due"`
	Amount        *int       `db:"amount"`
}

// WorklistKindsOf lists the kinds of work the actor's role does, in the worklist's order. A
// kind is there when the actor may act on it somewhere; the store counts within the scope.
func WorklistKindsOf(a Actor) []WorklistKind {
	switch a.Role {
	case RoleAdmin:
		return WorklistKinds
	case RoleMunicipalityWorker:
		return []WorklistKind{WorkApplicationsToDecide, WorkApplicationsAwaitingAssessment, WorkAssessmentsToRecord,
			WorkPlansReturned, WorkPlansToActivate, WorkDeliveriesToVerify, WorkPlansEnding, WorkOpinionsExpiring,
			WorkChildrenNearCap}
	case RoleRegionCoordinator:
		return []WorklistKind{WorkPlansToApprove, WorkClaimsToDecide, WorkClaimsToPay}
	case RoleAssessor:
		return []WorklistKind{WorkAssessmentsToRecord}
	}
	return nil
}

// ChildOrder is an order of the children list.
type ChildOrder string

// The orders of the children list.
const (
	ChildNameAsc       ChildOrder = "NAME_ASC"
	ChildNameDesc      ChildOrder = "NAME_DESC"
	ChildBirthDateAsc  ChildOrder = "BIRTH_DATE_ASC"
	ChildBirthDateDesc ChildOrder = "BIRTH_DATE_DESC"
)

// ChildOrders lists every order of the children list.
var ChildOrders = []ChildOrder{ChildNameAsc, ChildNameDesc, ChildBirthDateAsc, ChildBirthDateDesc}
