package domain

import (
	"fmt"
	"time"
)

// The rules of a plan's workflow that need facts from the database: the service reads the
// facts inside the transaction that holds the plan, and these functions decide.

// CheckVersion refuses a change based on a version of what other than the current one: the
// caller must reload and make their change again (optimistic locking).
func CheckVersion(what string, current, given int) error {
	if current != given {
		return Errorf(ECONFLICT, "the %s was changed by someone else (now version %d): reload it and make your change again", what, current)
	}
	return nil
}

// NewPlan is a plan to create with its first draft revision.
type NewPlan struct {
	AssessmentID int       // a completed assessment of the child
	ProjectID    int       // a project the child is enrolled in
	Kind         PlanKind  // care or rehabilitation
	ValidFrom    time.Time // first day
	ValidTo      time.Time // last day
	Budget       Money     // the individual budget
}

// CheckNewPlan (after ValidatePlanKind, which needs no facts): a plan rests on a completed assessment of a child enrolled (an accepted
// application) in an existing project, within the project's period, with a budget.
// project is nil when there is no such project.
func CheckNewPlan(np NewPlan, a *Assessment, project *Project, enrolled bool) error {
	if a.Status != AssessmentCompleted {
		return FieldErrorf("assessmentId", "a plan rests on a completed assessment; this one is %s", a.Status)
	}
	if project == nil {
		return FieldErrorf("projectId", "no such project")
	}
	if !enrolled {
		return FieldErrorf("projectId", "the child has no accepted application to this project")
	}
	if err := ValidatePlanPeriod(np.ValidFrom, np.ValidTo, project); err != nil {
		return err
	}
	return CheckBudget(np.Budget, 0)
}

// MaxPlanLines is the most service lines a plan may have.
const MaxPlanLines = 100

// DraftContent is the whole content of a draft as the editor saves it.
type DraftContent struct {
	ValidFrom time.Time   // first day
	ValidTo   time.Time   // last day
	Budget    Money       // individual budget
	Goals     []PlanGoal  // goals, keys of continued goals kept
	Lines     []DraftLine // lines, keys of continued lines kept
}

// Validate checks what a draft says on its own, before anything is read.
func (d *DraftContent) Validate() error {
	if err := ValidateGoals(d.Goals); err != nil {
		return err
	}
	if len(d.Lines) > MaxPlanLines {
		return FieldErrorf("lines", "a plan may have at most %d service lines", MaxPlanLines)
	}
	return nil
}

// DraftFacts is what the rules of a draft need from the database, read while the plan is held.
type DraftFacts struct {
	Project   *Project             // the plan's project, for its period
	KnownKeys map[string]bool      // keys of every goal and line of the plan's revisions
	Earlier   []PlanLine           // the lines of the plan's other revisions (key, service, recipient)
	Types     map[int]*ServiceType // the service types the draft names that exist
	Prices    []ProviderPrice      // the prices of the providers the draft names
}

// ApplyDraft checks a draft against the revision it replaces and the facts, and returns the
// revision with the draft's content: unit prices from the provider's price in force on the
// first day, else the catalogue; the budget must cover the lines.
func ApplyDraft(old *PlanRevision, d DraftContent, f DraftFacts) (*PlanRevision, error) {
	if old.Status != PlanDraft {
		return nil, Errorf(EINVALID, "only a draft can be edited; this revision is %s", old.Status)
	}
	if err := ValidatePlanPeriod(d.ValidFrom, d.ValidTo, f.Project); err != nil {
		return nil, err
	}
	next := &PlanRevision{ID: old.ID, PlanID: old.PlanID, Number: old.Number, Status: old.Status, ValidFrom: d.ValidFrom,
		ValidTo: d.ValidTo, Budget: d.Budget}
	for i, g := range d.Goals {
		if g.Key != "" && !f.KnownKeys[g.Key] {
			return nil, FieldErrorf(fmt.Sprintf("goals.%d.key", i), "no goal of this plan has the key %q", g.Key)
		}
		next.Goals = append(next.Goals, g)
	}
	for i, l := range d.Lines {
		if l.Key != "" && !f.KnownKeys[l.Key] {
			return nil, FieldErrorf(fmt.Sprintf("lines.%d.key", i), "no line of this plan has the key %q", l.Key)
		}
		if err := CheckContinuedLine(i, l, f.Earlier); err != nil {
			return nil, err
		}
		st := f.Types[l.ServiceTypeID]
		if st == nil {
			return nil, FieldErrorf(fmt.Sprintf("lines.%d.serviceTypeId", i), "no such service type")
		}
		if err := ValidateLine(i, l, st); err != nil {
			return nil, err
		}
		price, source := LinePrice(st, l.ProviderID, f.Prices, d.ValidFrom)
		next.Lines = append(next.Lines, PlanLine{Key: l.Key, ServiceTypeID: l.ServiceTypeID, Recipient: l.Recipient,
			ProviderID: l.ProviderID, PlannedUnits: l.PlannedUnits, UnitPrice: price, PriceSource: source})
	}
	if err := CheckBudget(d.Budget, next.LinesTotal()); err != nil {
		return nil, err
	}
	return next, nil
}

// CheckPlanStep decides whether a workflow step may be taken on a revision of a plan and
// returns the status it leads to (for revise, the new draft's). Approval has a further rule
// on what was delivered (CheckRevisionCoversDeliveries), and a revision that replaces one in
// force takes that one's status.
func CheckPlanStep(step PlanStep, plan *SupportPlan, rev *PlanRevision) (PlanStatus, error) {
	next, err := NextStatus(step, rev.Status)
	if err != nil {
		return "", err
	}
	switch step {
	case StepSubmit:
		if len(rev.Goals) == 0 || len(rev.Lines) == 0 {
			return "", Errorf(EINVALID, "a plan needs at least one goal and one service line before it is submitted")
		}
	case StepClose:
		// A revision in preparation could never come into force on a closed plan.
		if plan.PendingID != nil {
			return "", Errorf(EINVALID, "the plan has a revision in preparation: it must be approved before the plan can be closed")
		}
	case StepRevise:
		if plan.PendingID != nil {
			return "", Errorf(EINVALID, "the plan has a revision in preparation already")
		}
	}
	return next, nil
}

// ErrPlanChanged is the answer when a concurrent step on the same plan won (a unique index
// on the plan's revisions refused the second).
var ErrPlanChanged = Errorf(ECONFLICT, "the plan changed meanwhile: reload it")

// DiffRevisionNumbers is DiffRevisions of the plan's revisions numbered from and to (a number
// the plan lacks is an input error on that argument).
func DiffRevisionNumbers(revs []*PlanRevision, from, to int, names func(kind string, id int) string) ([]FieldChange, error) {
	var a, b *PlanRevision
	for _, rev := range revs {
		if rev.Number == from {
			a = rev
		}
		if rev.Number == to {
			b = rev
		}
	}
	if a == nil {
		return nil, FieldErrorf("from", "the plan has no revision %d", from)
	}
	if b == nil {
		return nil, FieldErrorf("to", "the plan has no revision %d", to)
	}
	return DiffRevisions(a, b, names), nil
}
