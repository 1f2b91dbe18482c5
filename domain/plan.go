package domain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// PlanKind is a social care or social rehabilitation plan.
type PlanKind string

// PlanStatus is where a plan revision stands.
type PlanStatus string

// The statuses of a revision. The workflow is DRAFT -> SUBMITTED -> APPROVED (or back to
// DRAFT, returned) -> ACTIVE -> CLOSED; an approved revision that replaces the one in force
// makes it SUPERSEDED.
const (
	PlanDraft      PlanStatus = "DRAFT"
	PlanSubmitted  PlanStatus = "SUBMITTED"
	PlanApproved   PlanStatus = "APPROVED"
	PlanActive     PlanStatus = "ACTIVE"
	PlanClosed     PlanStatus = "CLOSED"
	PlanSuperseded PlanStatus = "SUPERSEDED"
)

// PlanStatuses lists every revision status, in workflow order.
var PlanStatuses = []PlanStatus{PlanDraft, PlanSubmitted, PlanApproved, PlanActive, PlanClosed, PlanSuperseded}

// RevisionInForce are the statuses of a revision that took effect and was not replaced
// (a plan has at most one such revision). A closed revision counts: the deliveries made under
// it stay its deliveries, and it remains the plan's current revision.
var RevisionInForce = []PlanStatus{PlanApproved, PlanActive, PlanClosed}

// RevisionOpen are the statuses of a revision in force that is not closed: the one a newly
// approved revision replaces, and whose lines' providers see the child.
var RevisionOpen = []PlanStatus{PlanApproved, PlanActive}

// PlanKinds lists every plan kind.
var PlanKinds = []PlanKind{"SOCIAL_CARE", "SOCIAL_REHABILITATION"}

// GoalStatus is how far a goal is.
type GoalStatus string

// GoalStatuses lists every goal status.
var GoalStatuses = []GoalStatus{"NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "NOT_ACHIEVED"}

// PriceSource is where a line's unit price comes from.
type PriceSource string

// The price sources.
const (
	PriceFromProvider  PriceSource = "PROVIDER"
	PriceFromCatalogue PriceSource = "CATALOGUE"
)

// PriceSources lists every price source.
var PriceSources = []PriceSource{PriceFromProvider, PriceFromCatalogue}

// SupportPlan is a child's individual support plan in a project; its content is in revisions.
type SupportPlan struct {
	ID             int        `db:"id"`              // database id
	ChildID        int        `db:"child_id"`        // the child
	ProjectID      int        `db:"project_id"`      // the paying project
	AssessmentID   int        `db:"assessment_id"`   // the assessment it rests on
	Kind           PlanKind   `db:"kind"`            // care or rehabilitation
	CreatedAt      time.Time  `db:"created_at"`      // when created
	CurrentID      int        `db:"current_id"`      // the revision in force, else the first one
	PendingID      *int       `db:"pending_id"`      // the revision in preparation, if any
	Status         PlanStatus `db:"status"`          // the current revision's status
	MunicipalityID int        `db:"municipality_id"` // the child's municipality, for scope checks
	RegionID       int        `db:"region_id"`       // its region, for the audit log
	LeadRegionID   int        `db:"lead_region_id"`  // the project's lead region, who approves
}

// PlanRevision is one version of a plan's content.
type PlanRevision struct {
	ID            int        `db:"id"`             // database id
	PlanID        int        `db:"plan_id"`        // the plan
	Number        int        `db:"number"`         // 1, 2, ...
	Status        PlanStatus `db:"status"`         // where it stands
	ValidFrom     time.Time  `db:"valid_from"`     // first day
	ValidTo       time.Time  `db:"valid_to"`       // last day
	Budget        Money      `db:"budget"`         // the individual budget
	SubmittedAt   *time.Time `db:"submitted_at"`   // last submission
	ApprovedAt    *time.Time `db:"approved_at"`    // approval
	ApprovedBy    *int       `db:"approved_by"`    // the approver
	ApprovedOn    *time.Time `db:"approved_on"`    // the day the approval was decided
	ActivatedOn   *time.Time `db:"activated_on"`   // the day it was put into effect
	ClosedOn      *time.Time `db:"closed_on"`      // the day it was closed
	ReturnComment *string    `db:"return_comment"` // why it was returned
	CreatedAt     time.Time  `db:"created_at"`     // when started
	Version       int        `db:"version"`        // optimistic locking
	Goals         []PlanGoal `db:"-"`              // individual goals
	Lines         []PlanLine `db:"-"`              // planned services
}

// LinesTotal is the sum of the lines' amounts.
func (r *PlanRevision) LinesTotal() Money {
	var sum Money
	for _, l := range r.Lines {
		sum += l.Amount()
	}
	return sum
}

// PlanGoal is an individual goal.
type PlanGoal struct {
	Key        string     `json:"key"`        // stable across revisions
	Text       string     `json:"text"`       // what is to be achieved
	Indicator  string     `json:"indicator"`  // how it is measured
	TargetDate *time.Time `json:"targetDate"` // by when
	Status     GoalStatus `json:"status"`     // how far
}

// PlanLine is a planned service.
type PlanLine struct {
	ID            int         `json:"id"`            // database id
	Key           string      `json:"key"`           // stable across revisions
	ServiceTypeID int         `json:"serviceTypeId"` // the service
	Recipient     Recipient   `json:"recipient"`     // child or parents
	ProviderID    *int        `json:"providerId"`    // the provider, if chosen
	PlannedUnits  int         `json:"plannedUnits"`  // units planned
	UnitPrice     Money       `json:"unitPrice"`     // price of one unit
	PriceSource   PriceSource `json:"priceSource"`   // where the price comes from
}

// Amount is plannedUnits x unitPrice.
func (l *PlanLine) Amount() Money { return Money(int64(l.PlannedUnits) * int64(l.UnitPrice)) }

// SupportPlanFilter selects plans.
type SupportPlanFilter struct {
	Scope            CaseScope   // what the caller may see
	Status           *PlanStatus // the current revision's status
	ProjectID        *int        // only this project
	ChildID          *int        // only this child
	AwaitingApproval bool        // only plans with a submitted revision
}

// ValidatePlanKind checks a plan kind.
func ValidatePlanKind(k PlanKind) error {
	if !slices.Contains(PlanKinds, k) {
		return FieldErrorf("kind", "unknown plan kind %q", k)
	}
	return nil
}

// ValidatePlanPeriod checks a plan's validity against its project's period.
func ValidatePlanPeriod(from, to time.Time, p *Project) error {
	if to.Before(from) {
		return FieldErrorf("validTo", "the plan ends before it starts")
	}
	if from.Before(p.StartDate) || to.After(p.EndDate) {
		return FieldErrorf("validFrom", "the plan's period must lie within the project's (%s to %s)",
			p.StartDate.Format(DateLayout), p.EndDate.Format(DateLayout))
	}
	return nil
}

// CheckBudget is the rule of the individual budget: never below the sum of its lines.
func CheckBudget(budget, linesTotal Money) error {
	if budget < 0 {
		return FieldErrorf("budget", "the budget cannot be negative")
	}
	if budget < linesTotal {
		return FieldErrorf("budget", "the budget %s EUR is below the planned services' %s EUR", budget, linesTotal)
	}
	return nil
}

// DraftLine is a line as the editor sends it; the price is set by the store from the
// provider's or the catalogue's price.
type DraftLine struct {
	Key           string    // the line it continues, or empty
	ServiceTypeID int       // the service
	Recipient     Recipient // child or parents
	ProviderID    *int      // the provider
	PlannedUnits  int       // units
}

// ValidateGoals checks and cleans goals.
func ValidateGoals(goals []PlanGoal) error {
	if len(goals) > 50 {
		return FieldErrorf("goals", "a plan may have at most 50 goals")
	}
	for i := range goals {
		g := &goals[i]
		g.Text, g.Indicator = strings.TrimSpace(g.Text), strings.TrimSpace(g.Indicator)
		if g.Text == "" || utf8.RuneCountInString(g.Text) > 1000 {
			return FieldErrorf(fmt.Sprintf("goals.%d.text", i), "a goal needs a text of at most 1000 characters")
		}
		if g.Indicator == "" || utf8.RuneCountInString(g.Indicator) > 1000 {
			return FieldErrorf(fmt.Sprintf("goals.%d.indicator", i), "a goal needs an indicator of at most 1000 characters")
		}
		if g.TargetDate != nil {
			if err := CheckDate(fmt.Sprintf("goals.%d.targetDate", i), *g.TargetDate); err != nil {
				return err
			}
		}
		if !slices.Contains(GoalStatuses, g.Status) {
			return FieldErrorf(fmt.Sprintf("goals.%d.status", i), "unknown goal status %q", g.Status)
		}
	}
	return nil
}

// ValidateLine checks a line against its service type: units, and a recipient the service has.
func ValidateLine(i int, l DraftLine, st *ServiceType) error {
	if l.PlannedUnits <= 0 || l.PlannedUnits > 10000 {
		return FieldErrorf(fmt.Sprintf("lines.%d.plannedUnits", i), "planned units are 1 to 10000")
	}
	return st.CheckRecipient(fmt.Sprintf("lines.%d.recipient", i), l.Recipient)
}

// CheckContinuedLine: a line that continues an earlier line (by its key) keeps its service and
// recipient, because the deliveries recorded for the key were of that service to that
// recipient; another service is a new line.
func CheckContinuedLine(i int, l DraftLine, earlier []PlanLine) error {
	for _, e := range earlier {
		if e.Key == l.Key && (e.ServiceTypeID != l.ServiceTypeID || e.Recipient != l.Recipient) {
			return FieldErrorf(fmt.Sprintf("lines.%d.serviceTypeId", i), "a line keeps its service and recipient: add another service as a new line")
		}
	}
	return nil
}

// PlanStep is a workflow step of a revision.
type PlanStep string

// The steps.
const (
	StepSubmit   PlanStep = "submit"
	StepApprove  PlanStep = "approve"
	StepReturn   PlanStep = "return"
	StepActivate PlanStep = "activate"
	StepClose    PlanStep = "close"
	StepRevise   PlanStep = "revise"
)

// planSteps says from which status each step may be taken, and to which it leads.
var planSteps = map[PlanStep]struct {
	from []PlanStatus
	to   PlanStatus
}{
	StepSubmit:   {[]PlanStatus{PlanDraft}, PlanSubmitted},
	StepApprove:  {[]PlanStatus{PlanSubmitted}, PlanApproved},
	StepReturn:   {[]PlanStatus{PlanSubmitted}, PlanDraft},
	StepActivate: {[]PlanStatus{PlanApproved}, PlanActive},
	StepClose:    {[]PlanStatus{PlanActive}, PlanClosed},
	StepRevise:   {[]PlanStatus{PlanApproved, PlanActive}, PlanDraft},
}

// NextStatus returns the status step leads to from the revision's status, or an error naming
// the statuses the step needs. For revise, the result is the new revision's status.
func NextStatus(step PlanStep, from PlanStatus) (PlanStatus, error) {
	s, ok := planSteps[step]
	if !ok {
		return "", Errorf(EINVALID, "unknown step %q", step)
	}
	if !slices.Contains(s.from, from) {
		names := make([]string, len(s.from))
		for i, st := range s.from {
			names[i] = string(st)
		}
		return "", Errorf(EINVALID, "a %s revision cannot %s: that needs %s", from, step, strings.Join(names, " or "))
	}
	return s.to, nil
}

// FieldChange is one field that differs between two revisions.
type FieldChange struct {
	Path   string  // e.g. budget, goals[<key>].status
	Label  string  // the goal's text or the line's service, for a reader; empty for plan fields
	Before *string // nil: did not exist
	After  *string // nil: no longer exists
}

// DiffRevisions lists the fields that differ from a to b: the period and budget, then goals
// and lines matched by their keys (in b's order, then those only in a). Names resolves a
// service type or provider id to a readable name for the output.
func DiffRevisions(a, b *PlanRevision, names func(kind string, id int) string) []FieldChange {
	var out []FieldChange
	field := func(path, before, after string) {
		if before != after {
			out = append(out, FieldChange{Path: path, Before: &before, After: &after})
		}
	}
	field("validFrom", a.ValidFrom.Format(DateLayout), b.ValidFrom.Format(DateLayout))
	field("validTo", a.ValidTo.Format(DateLayout), b.ValidTo.Format(DateLayout))
	field("budget", a.Budget.String(), b.Budget.String())

	goalFields := func(g PlanGoal) [][2]string {
		target := ""
		if g.TargetDate != nil {
			target = g.TargetDate.Format(DateLayout)
		}
		return [][2]string{{"text", g.Text}, {"indicator", g.Indicator}, {"targetDate", target}, {"status", string(g.Status)}}
	}
	lineFields := func(l PlanLine) [][2]string {
		provider := ""
		if l.ProviderID != nil {
			provider = names("provider", *l.ProviderID)
		}
		return [][2]string{{"serviceType", names("serviceType", l.ServiceTypeID)}, {"recipient", string(l.Recipient)},
			{"provider", provider}, {"plannedUnits", strconv.Itoa(l.PlannedUnits)}, {"unitPrice", l.UnitPrice.String()},
			{"amount", l.Amount().String()}}
	}
	diffItems(&out, "goals", keyed(a.Goals, func(g PlanGoal) string { return g.Key }), keyed(b.Goals, func(g PlanGoal) string { return g.Key }),
		func(g PlanGoal) string { return g.Text }, goalFields)
	diffItems(&out, "lines", keyed(a.Lines, func(l PlanLine) string { return l.Key }), keyed(b.Lines, func(l PlanLine) string { return l.Key }),
		func(l PlanLine) string { return names("serviceType", l.ServiceTypeID) + " " + string(l.Recipient) }, lineFields)
	return out
}

type keyedItem[T any] struct {
	key  string
	item T
}

func keyed[T any](items []T, key func(T) string) []keyedItem[T] {
	out := make([]keyedItem[T], len(items))
	for i, it := range items {
		out[i] = keyedItem[T]{key(it), it}
	}
	return out
}

// diffItems compares two keyed lists: an item in both is compared field by field, an added or
// removed item is one change with its label.
func diffItems[T any](out *[]FieldChange, list string, a, b []keyedItem[T], label func(T) string, fields func(T) [][2]string) {
	inA := map[string]T{}
	for _, x := range a {
		inA[x.key] = x.item
	}
	inB := map[string]bool{}
	for _, y := range b {
		inB[y.key] = true
		path := fmt.Sprintf("%s[%s]", list, y.key)
		x, ok := inA[y.key]
		if !ok {
			after := label(y.item)
			*out = append(*out, FieldChange{Path: path, Label: after, After: &after})
			continue
		}
		fa, fb := fields(x), fields(y.item)
		for i := range fb {
			if fa[i][1] != fb[i][1] {
				before, after := fa[i][1], fb[i][1]
				*out = append(*out, FieldChange{Path: path + "." + fb[i][0], Label: label(y.item), Before: &before, After: &after})
			}
		}
	}
	for _, x := range a {
		if !inB[x.key] {
			before := label(x.item)
			*out = append(*out, FieldChange{Path: fmt.Sprintf("%s[%s]", list, x.key), Label: before, Before: &before})
		}
	}
}

// StepComment cleans the comment of a workflow step: trimmed, at most 2000 characters, nil
// when empty; returning a plan needs one (the coordinator says what must change).
func StepComment(step PlanStep, comment *string) (*string, error) {
	c := optionalText(comment)
	if c != nil && utf8.RuneCountInString(*c) > 2000 {
		return nil, FieldErrorf("comment", "a comment may have at most 2000 characters")
	}
	if step == StepReturn && c == nil {
		return nil, FieldErrorf("comment", "say why the plan is returned")
	}
	return c, nil
}

// StepTakesDay tells whether a step is a decision dated by its day: approval, activation and
// closing (submitting and returning are dated by when they are entered).
func StepTakesDay(step PlanStep) bool {
	return step == StepApprove || step == StepActivate || step == StepClose
}

// StepDay is the day a step on rev is decided: on, or today when the caller gave none (see
// DecisionDay). It may not precede the step before it: approval the submission, activation
// the approval, closing the activation. (Whether the plan's period fits the project is the
// draft's rule, checked when it is saved.)
func StepDay(step PlanStep, rev *PlanRevision, on *time.Time, today time.Time) (time.Time, error) {
	if !StepTakesDay(step) {
		if on != nil {
			return today, FieldErrorf("decidedOn", "only approving, activating and closing a plan take a decision day")
		}
		return today, nil
	}
	earliest := EarliestDate
	switch {
	case step == StepApprove && rev.SubmittedAt != nil:
		earliest = Today(*rev.SubmittedAt)
	case step == StepActivate && rev.ApprovedOn != nil:
		earliest = *rev.ApprovedOn
	case step == StepClose && rev.ActivatedOn != nil:
		earliest = *rev.ActivatedOn
	case step == StepClose && rev.ApprovedOn != nil:
		earliest = *rev.ApprovedOn
	}
	return DecisionDay("decidedOn", on, earliest, today)
}
