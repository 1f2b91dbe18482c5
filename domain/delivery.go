package domain

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// DeliveryStatus is where a delivered session stands: RECORDED -> VERIFIED -> CLAIMED, or
// REJECTED.
type DeliveryStatus string

// The statuses of a delivery.
const (
	DeliveryRecorded DeliveryStatus = "RECORDED"
	DeliveryVerified DeliveryStatus = "VERIFIED"
	DeliveryClaimed  DeliveryStatus = "CLAIMED"
	DeliveryRejected DeliveryStatus = "REJECTED"
)

// DeliveryStatuses lists every delivery status.
var DeliveryStatuses = []DeliveryStatus{DeliveryRecorded, DeliveryVerified, DeliveryClaimed, DeliveryRejected}

// Counts tells whether a delivery in this status counts towards caps, budget and line: every
// one but a rejected one.
func (s DeliveryStatus) Counts() bool { return s != DeliveryRejected }

// Delivery is one delivered session, a number of hours or of days, for a line of a plan.
type Delivery struct {
	ID             int            `db:"id"`              // database id
	PlanID         int            `db:"plan_id"`         // the plan
	LineKey        string         `db:"line_key"`        // the plan line's key, stable across revisions
	ChildID        int            `db:"child_id"`        // the child
	ProjectID      int            `db:"project_id"`      // the paying project
	MunicipalityID int            `db:"municipality_id"` // the child's municipality when recorded: the one that claims it
	ServiceTypeID  int            `db:"service_type_id"` // the service
	Date           time.Time      `db:"date"`            // the day (respite: the first day)
	Units          int            `db:"units"`           // sessions, hours or days
	Recipient      Recipient      `db:"recipient"`       // child or parents
	ParentID       *int           `db:"parent_id"`       // the parent, for PARENTS
	ProviderID     int            `db:"provider_id"`     // who delivered it
	SpecialistName string         `db:"specialist_name"` // the specialist
	Note           *string        `db:"note"`            // a note
	UnitPrice      Money          `db:"unit_price"`      // price in force on Date
	PriceSource    PriceSource    `db:"price_source"`    // provider's or catalogue's
	Status         DeliveryStatus `db:"status"`          // where it stands
	RejectReason   *string        `db:"reject_reason"`   // why rejected
	ClaimID        *int           `db:"claim_id"`        // the claim it is in
	RecordedAt     time.Time      `db:"recorded_at"`     // when recorded
	VerifiedAt     *time.Time     `db:"verified_at"`     // when verified
	Version        int            `db:"version"`         // optimistic locking
	RegionID       int            `db:"region_id"`       // the municipality's region, for the audit log
}

// Amount is units x unit price.
func (d *Delivery) Amount() Money { return Money(int64(d.Units) * int64(d.UnitPrice)) }

// LastDay is the last day the delivery covers.
func (d *Delivery) LastDay(cat ServiceCategory) time.Time { return lastDay(d.Date, d.Units, cat) }

// lastDay is the last day units of a service from first cover: respite care of n days covers
// n days; every other service, its one day.
func lastDay(first time.Time, units int, cat ServiceCategory) time.Time {
	if cat == RespiteCare && units > 1 {
		return first.AddDate(0, 0, units-1)
	}
	return first
}

// CheckChangeable: a claimed delivery is locked (the claim holds it), a rejected one is final;
// recorded and verified ones may be corrected or rejected.
func (d *Delivery) CheckChangeable() error {
	switch d.Status {
	case DeliveryClaimed:
		return Errorf(EDeliveryLocked, "the delivery is in a compensation claim and can no longer change")
	case DeliveryRejected:
		return Errorf(EINVALID, "the delivery was rejected: record it anew if it took place")
	}
	return nil
}

// CheckVerifiable: only a recorded delivery is verified.
func (d *Delivery) CheckVerifiable() error {
	if err := d.CheckChangeable(); err != nil {
		return err
	}
	if d.Status != DeliveryRecorded {
		return Errorf(EINVALID, "delivery %d is %s already", d.ID, d.Status)
	}
	return nil
}

// CheckDeliveryChange refuses a change (correction, rejection, verification) of a delivery
// at a stale version, or one its status does not allow (Delivery.CheckChangeable).
func CheckDeliveryChange(d *Delivery, version int) error {
	if err := CheckVersion("delivery", d.Version, version); err != nil {
		return err
	}
	return d.CheckChangeable()
}

// CheckVerify: a delivery is verified at the version the verifier saw, and only a recorded one.
func CheckVerify(d *Delivery, version int) error {
	if err := CheckDeliveryChange(d, version); err != nil {
		return err
	}
	return d.CheckVerifiable()
}

// NewDelivery is the delivery a recording makes on a line of a plan, by the delivering
// provider, before its price is set.
func NewDelivery(plan *SupportPlan, line *PlanLine, providerID int, in DeliveryInput) *Delivery {
	return &Delivery{PlanID: plan.ID, LineKey: in.LineKey, ChildID: plan.ChildID, ProjectID: plan.ProjectID,
		MunicipalityID: plan.MunicipalityID, ServiceTypeID: line.ServiceTypeID, Date: in.Date, Units: in.Units,
		Recipient: line.Recipient, ParentID: in.ParentID, ProviderID: providerID, SpecialistName: in.SpecialistName,
		Note: in.Note, Status: DeliveryRecorded}
}

// Counted is what the delivery, recorded with id (now, if its RecordedAt is not set yet),
// contributes to the rules of later ones.
func (d *Delivery) Counted(id int) CountedUnits {
	at := d.RecordedAt
	if at.IsZero() {
		at = time.Now()
	}
	return CountedUnits{ID: id, ProjectID: d.ProjectID, PlanID: d.PlanID, LineKey: d.LineKey, ServiceTypeID: d.ServiceTypeID,
		Recipient: d.Recipient, Date: d.Date, Units: d.Units, Amount: d.UnitPrice * Money(d.Units), ProviderID: d.ProviderID, RecordedAt: at}
}

// Corrected is the delivery with a correction's values, RECORDED again (a verified one is
// checked anew); its price stays until the caller sets the one in force on the new date.
func (d Delivery) Corrected(in DeliveryInput) *Delivery {
	d.Date, d.Units, d.ParentID, d.SpecialistName, d.Note, d.Status = in.Date, in.Units, in.ParentID, in.SpecialistName, in.Note, DeliveryRecorded
	return &d
}

// DeliveryRef names a delivery at a version.
type DeliveryRef struct {
	ID      int // the delivery
	Version int // the version the caller saw
}

// MaxVerify is the most deliveries verified at a time (a page of the verification queue).
const MaxVerify = 100

// CheckVerifyRefs: 1 to MaxVerify deliveries are verified at a time, each named once.
func CheckVerifyRefs(refs []DeliveryRef) error {
	if len(refs) == 0 || len(refs) > MaxVerify {
		return FieldErrorf("deliveries", "verify 1 to %d deliveries at a time", MaxVerify)
	}
	seen := make(map[int]bool, len(refs))
	for _, ref := range refs {
		if seen[ref.ID] {
			return FieldErrorf("deliveries", "a delivery is given twice")
		}
		seen[ref.ID] = true
	}
	return nil
}

// MaxBatch is the most deliveries one batch records: a day or two of a specialist's offline
// work, and a bounded transaction count per request.
const MaxBatch = 100

// CheckBatch: a batch holds at most MaxBatch deliveries.
func CheckBatch(n int) error {
	if n > MaxBatch {
		return FieldErrorf("deliveries", "a batch holds at most %d deliveries, not %d", MaxBatch, n)
	}
	return nil
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// CheckUUID refuses a key that is not a UUID (it would otherwise reach SQL as one) and
// returns it in lower case, as PostgreSQL writes it, so that keys compare as the database does.
func CheckUUID(field, s string) (string, error) {
	if !uuidPattern.MatchString(s) {
		return "", FieldErrorf(field, "%q is not a UUID", s)
	}
	return strings.ToLower(s), nil
}

// DeliveringProvider is who delivered a line's service: the line's provider; a line without
// one takes the provider the recorder names.
func DeliveringProvider(line *PlanLine, given *int) (int, error) {
	switch {
	case line.ProviderID != nil:
		if given != nil && *given != *line.ProviderID {
			return 0, FieldErrorf("providerId", "the plan line names its provider: record the delivery for that one")
		}
		return *line.ProviderID, nil
	case given != nil:
		return *given, nil
	}
	return 0, FieldErrorf("providerId", "the plan line names no provider: say which provider delivered it")
}

// DeliveryCorrection keeps a delivery's values before a correction.
type DeliveryCorrection struct {
	DeliveryID int            `db:"delivery_id"` // the delivery
	At         time.Time      `db:"at"`          // when corrected
	Reason     string         `db:"reason"`      // why
	Date       time.Time      `db:"date"`        // date before
	Units      int            `db:"units"`       // units before
	Amount     Money          `db:"amount"`      // amount before
	Status     DeliveryStatus `db:"status"`      // status before
}

// DeliveryFilter selects deliveries.
type DeliveryFilter struct {
	Scope          CaseScope       // what the caller may see
	PlanID         *int            // of this plan
	ChildID        *int            // of this child
	MunicipalityID *int            // claimed by this municipality
	ProjectID      *int            // paid by this project
	ClaimID        *int            // in this claim
	Status         *DeliveryStatus // in this status
	From, To       *time.Time      // dated within
}

// DeliveryInput is what a client sends to record or correct a delivery.
type DeliveryInput struct {
	PlanID         int       // the plan
	LineKey        string    // the line
	Date           time.Time // the day
	Units          int       // how many
	ParentID       *int      // the parent, for a PARENTS line
	ProviderID     *int      // the provider, when the line has none
	SpecialistName string    // who delivered it
	Note           *string   // a note
}

// Validate checks what the input holds by itself: a plausible date not in the future, 1 to
// 1000 units, and short texts.
func (in *DeliveryInput) Validate(today time.Time) error {
	if err := CheckDate("date", in.Date); err != nil {
		return err
	}
	if in.Date.After(today) {
		return FieldErrorf("date", "a delivery cannot be recorded for a day that has not come (%s)", in.Date.Format(DateLayout))
	}
	if in.Units <= 0 || in.Units > 1000 {
		return FieldErrorf("units", "units are 1 to 1000")
	}
	in.SpecialistName = strings.TrimSpace(in.SpecialistName)
	if in.SpecialistName == "" || utf8.RuneCountInString(in.SpecialistName) > 200 {
		return FieldErrorf("specialistName", "the specialist's name is required, at most 200 characters")
	}
	if in.Note != nil {
		n := strings.TrimSpace(*in.Note)
		if utf8.RuneCountInString(n) > 2000 {
			return FieldErrorf("note", "a note is at most 2000 characters")
		}
		if n == "" {
			in.Note = nil
		} else {
			in.Note = &n
		}
	}
	return nil
}

// Reason cleans a required reason (rejection, correction), naming field.
func Reason(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 2000 {
		return "", FieldErrorf(field, "a reason is required, at most 2000 characters")
	}
	return s, nil
}

// DeliveryFacts is everything the delivery rules look at, read by the store inside the writing
// transaction while it holds the child's row, so that no other delivery of the child can
// change it before the new one commits.
type DeliveryFacts struct {
	Child       *Child         // the child
	Project     *Project       // the plan's project with its cap rules
	Revision    *PlanRevision  // the plan's revision in force (nil if none)
	Line        *PlanLine      // the line of that revision with the delivery's key (nil if none)
	ServiceType *ServiceType   // the line's service
	Parents     []int          // the child's parents
	Others      []CountedUnits // the child's other counting deliveries in every plan (care and respite are the child's, whatever the project)
	Types       map[int]*ServiceType
}

// ForLine is the facts for a delivery of the line with key in the revision in force: Line and
// ServiceType set (nil when the revision has no such line).
func (f *DeliveryFacts) ForLine(key string) *DeliveryFacts {
	out := *f
	out.Line, out.ServiceType = nil, nil
	if f.Revision != nil {
		for i := range f.Revision.Lines {
			if f.Revision.Lines[i].Key == key {
				out.Line = &f.Revision.Lines[i]
				out.ServiceType = f.Types[out.Line.ServiceTypeID]
			}
		}
	}
	return &out
}

// CountedUnits is what an earlier delivery contributes to the rules.
type CountedUnits struct {
	ID            int       `db:"id"`              // the delivery
	ProjectID     int       `db:"project_id"`      // its project: session caps are per project
	PlanID        int       `db:"plan_id"`         // its plan
	LineKey       string    `db:"line_key"`        // its line
	ServiceTypeID int       `db:"service_type_id"` // its service
	Recipient     Recipient `db:"recipient"`       // child or parents
	Date          time.Time `db:"date"`            // its day
	Units         int       `db:"units"`           // its units
	Amount        Money     `db:"amount"`          // its cost
	ProviderID    int       `db:"provider_id"`     // who delivered it
	RecordedAt    time.Time `db:"recorded_at"`     // when it was recorded
}

// DeliveryOutcome is what became of one delivery of a batch (recordDeliveries).
type DeliveryOutcome string

// The outcomes of a batch's delivery.
const (
	OutcomeRecorded        DeliveryOutcome = "RECORDED"         // recorded by this request
	OutcomeAlreadyRecorded DeliveryOutcome = "ALREADY_RECORDED" // by an earlier request with the same key
	OutcomeRefused         DeliveryOutcome = "REFUSED"          // refused: nothing recorded
)

// DeliveryOutcomes lists the outcomes.
var DeliveryOutcomes = []DeliveryOutcome{OutcomeRecorded, OutcomeAlreadyRecorded, OutcomeRefused}

// Limit codes: each broken rule of a delivery has its own code (and extensions.code).
const (
	EPlanNotActive     = "plan_not_active"
	ELineUnits         = "line_units_exceeded"
	EChildSessionCap   = "child_session_cap_exceeded"
	EParentSessionCap  = "parent_session_cap_exceeded"
	ENoSpecialCareNeed = "no_special_care_need"
	EHomeCareWeeklyCap = "home_care_weekly_cap_exceeded"
	ERespiteDays       = "respite_days_exceeded"
	ERespiteOverlap    = "respite_overlap"
	EBudget            = "budget_exceeded"
	EDeliveryLocked    = "delivery_locked"
	EIdempotencyReused = "idempotency_key_reused"
	ENothingToClaim    = "nothing_to_claim"
)

// limitError is a broken limit: its code, a message, and what remains (units, or EUR).
func limitError(code, remaining, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Remaining: remaining}
}

// usedBy adds to a broken limit its limit and the latest recorded delivery of others that
// counts towards it, so that a client that was offline can say who used it up and when.
func (e *Error) usedBy(limit string, others []CountedUnits, counts func(o *CountedUnits) bool) *Error {
	e.Limit = limit
	for i := range others {
		if o := &others[i]; counts(o) && (e.LastCounted == nil || o.RecordedAt.After(e.LastCounted.RecordedAt)) {
			e.LastCounted = o
		}
	}
	return e
}

// CheckLineInForce is the first rule of a delivery, which the others need: the plan is active
// on day, and its revision in force has the delivery's line.
func CheckLineInForce(day time.Time, f *DeliveryFacts) error {
	rev := f.Revision
	if rev == nil || rev.Status != PlanActive {
		return limitError(EPlanNotActive, "", "the plan is not active: deliveries are recorded only for an active plan")
	}
	if day.Before(rev.ValidFrom) || day.After(rev.ValidTo) {
		return limitError(EPlanNotActive, "", "the plan is active from %s to %s, not on %s",
			rev.ValidFrom.Format(DateLayout), rev.ValidTo.Format(DateLayout), day.Format(DateLayout))
	}
	if f.Line == nil {
		return FieldErrorf("lineKey", "the plan in force has no line with this key")
	}
	return nil
}

// CheckDelivery applies every rule a delivery must meet, in the order a user can act on:
// the plan is active on the day, the recipient is right, the line's planned units hold, the
// caps in force on the day hold (child sessions, parents' sessions, home care a week, respite
// days a year and no overlap with other care), and the individual budget holds. d is the
// delivery as it would be stored (price and amount set); f.Others excludes d itself.
func CheckDelivery(d *Delivery, f *DeliveryFacts) error {
	if err := CheckLineInForce(d.Date, f); err != nil {
		return err
	}
	rev := f.Revision
	st := f.ServiceType
	if last := d.LastDay(st.Category); last.After(rev.ValidTo) {
		return limitError(EPlanNotActive, "", "the plan ends on %s, before the last day %s", rev.ValidTo.Format(DateLayout), last.Format(DateLayout))
	}
	switch d.Recipient {
	case RecipientParents:
		if d.ParentID == nil {
			return FieldErrorf("parentId", "this service is for the parents: name the parent who received it")
		}
		found := false
		for _, p := range f.Parents {
			found = found || p == *d.ParentID
		}
		if !found {
			return FieldErrorf("parentId", "this person is not a parent of the child")
		}
	default:
		if d.ParentID != nil {
			return FieldErrorf("parentId", "this service is for the child: no parent is named")
		}
	}

	var lineUnits int
	var spent Money
	for _, o := range f.Others {
		if o.PlanID == d.PlanID {
			spent += o.Amount
			if o.LineKey == d.LineKey {
				lineUnits += o.Units
			}
		}
	}
	if left := f.Line.PlannedUnits - lineUnits; d.Units > left {
		return limitError(ELineUnits, fmt.Sprint(max(left, 0)), "the line plans %d units and %d are delivered: %d remain", f.Line.PlannedUnits, lineUnits, max(left, 0)).
			usedBy(fmt.Sprint(f.Line.PlannedUnits), f.Others, func(o *CountedUnits) bool { return o.PlanID == d.PlanID && o.LineKey == d.LineKey })
	}
	age := f.Child.AgeOn(d.Date)
	if st.CountsTowardsSessionCap {
		kind, code, whose := CapChildSessions, EChildSessionCap, "the child's"
		if d.Recipient == RecipientParents {
			kind, code, whose = CapParentSessions, EParentSessionCap, "the parents'"
		}
		if left, limit, on, ok := sessionsLeft(f.Others, f.Types, f.Project, kind, d.Recipient, d.Date); ok && d.Units > left {
			return limitError(code, fmt.Sprint(left), "%s sessions in the project are capped at %d on %s: %d remain", whose, limit,
				on.Format(DateLayout), left).usedBy(fmt.Sprint(limit), f.Others, func(o *CountedUnits) bool {
				ot := f.Types[o.ServiceTypeID]
				return ot != nil && ot.CountsTowardsSessionCap && o.ProjectID == f.Project.ID && o.Recipient == d.Recipient && !o.Date.After(on)
			})
		}
	}
	switch st.Category {
	case HomeCare:
		if !f.Child.SpecialCareNeedOn(d.Date) {
			return limitError(ENoSpecialCareNeed, "", "home care needs a valid special care need opinion (VDEĀVK) on %s", d.Date.Format(DateLayout))
		}
		if r, ok := CapInForce(f.Project.CapRules, CapHomeCareWeekly, d.Date, age); ok && r.Limit != nil {
			monday, _ := WeekOf(d.Date)
			used := homeCareHours(f.Others, f.Types, d.Date)
			if used+d.Units > *r.Limit {
				left := max(*r.Limit-used, 0)
				return limitError(EHomeCareWeeklyCap, fmt.Sprint(left), "home care is capped at %d hours a week at age %d; %d are used in the week from %s: %d remain",
					*r.Limit, age, used, monday.Format(DateLayout), left).usedBy(fmt.Sprint(*r.Limit), f.Others, func(o *CountedUnits) bool {
					ot := f.Types[o.ServiceTypeID]
					return ot != nil && ot.Category == HomeCare && !o.Date.Before(monday) && !o.Date.After(monday.AddDate(0, 0, 6))
				})
			}
		}
	}
	// Respite care is not given while the child gets any other service (care, rehabilitation,
	// day care) or another respite stay: checked both ways.
	first, last := d.Date, d.LastDay(st.Category)
	for _, o := range f.Others {
		ot := f.Types[o.ServiceTypeID]
		if ot == nil || o.Recipient != RecipientChild || d.Recipient != RecipientChild {
			continue
		}
		oFirst := o.Date
		oLast := lastDay(o.Date, o.Units, ot.Category)
		overlaps := !oLast.Before(first) && !oFirst.After(last)
		if overlaps && (st.Category == RespiteCare || ot.Category == RespiteCare) {
			return limitError(ERespiteOverlap, "", "respite care cannot overlap care, rehabilitation or day care: %s on %s", ot.NameEn, oFirst.Format(DateLayout))
		}
	}
	if st.Category == RespiteCare {
		for y := first.Year(); y <= last.Year(); y++ {
			r, ok := CapInForce(f.Project.CapRules, CapRespiteDaysYearly, d.Date, age)
			if !ok || r.Limit == nil {
				break
			}
			used := respiteDays(f.Others, f.Types, y)
			if add := daysInYear(first, last, y); used+add > *r.Limit {
				left := max(*r.Limit-used, 0)
				return limitError(ERespiteDays, fmt.Sprint(left), "respite care is capped at %d days in %d and %d are used: %d remain", *r.Limit, y, used, left).
					usedBy(fmt.Sprint(*r.Limit), f.Others, func(o *CountedUnits) bool {
						ot := f.Types[o.ServiceTypeID]
						return ot != nil && ot.Category == RespiteCare && daysInYear(o.Date, lastDay(o.Date, o.Units, RespiteCare), y) > 0
					})
			}
		}
	}
	if left := rev.Budget - spent; d.Amount() > left {
		return limitError(EBudget, max(left, 0).String(), "the individual budget is %s EUR and %s EUR is spent: %s EUR remain, this delivery costs %s EUR",
			rev.Budget, spent, max(left, 0), d.Amount()).usedBy(rev.Budget.String(), f.Others, func(o *CountedUnits) bool { return o.PlanID == d.PlanID })
	}
	return nil
}

// WeekOf returns the Monday and Sunday of day's week (ISO weeks).
func WeekOf(day time.Time) (time.Time, time.Time) {
	offset := (int(day.Weekday()) + 6) % 7
	monday := day.AddDate(0, 0, -offset)
	return monday, monday.AddDate(0, 0, 6)
}

// daysInYear counts the days of first..last that fall in year y.
func daysInYear(first, last time.Time, y int) int {
	from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	if first.After(from) {
		from = first
	}
	if last.Before(to) {
		to = last
	}
	if to.Before(from) {
		return 0
	}
	return int(to.Sub(from).Hours()/24) + 1
}

// The counting rules of the caps, shared by the check of a new delivery and the usage report.

// sessionsUsed counts the sessions of the project up to and including day that count towards
// the session caps, of the child or of the parents together.
func sessionsUsed(others []CountedUnits, types map[int]*ServiceType, projectID int, recipient Recipient, day time.Time) int {
	n := 0
	for _, o := range others {
		if ot := types[o.ServiceTypeID]; ot != nil && ot.CountsTowardsSessionCap && o.ProjectID == projectID && o.Recipient == recipient &&
			!o.Date.After(day) {
			n += o.Units
		}
	}
	return n
}

// sessionsLeft is how many sessions a delivery on day may still take under the session cap of
// kind. Each session must fit the cap in force on its own date, counting the sessions up to
// that date: so a session on day counts against day's cap and against the cap of every later
// session already recorded (a late entry for March must not push June over June's cap). The
// answer is the least room over those dates, with that date's limit; ok is false when no
// limit applies on any of them.
func sessionsLeft(others []CountedUnits, types map[int]*ServiceType, p *Project, kind CapKind, recipient Recipient, day time.Time) (left, limit int, on time.Time, ok bool) {
	dates := []time.Time{day}
	for _, o := range others {
		if ot := types[o.ServiceTypeID]; ot != nil && ot.CountsTowardsSessionCap && o.ProjectID == p.ID && o.Recipient == recipient && o.Date.After(day) {
			dates = append(dates, o.Date)
		}
	}
	for _, t := range dates {
		r, found := CapInForce(p.CapRules, kind, t, 0)
		if !found || r.Limit == nil {
			continue
		}
		room := max(*r.Limit-sessionsUsed(others, types, p.ID, recipient, t), 0)
		if !ok || room < left {
			left, limit, on, ok = room, *r.Limit, t, true
		}
	}
	return left, limit, on, ok
}

// homeCareHours counts the home-care hours of day's week.
func homeCareHours(others []CountedUnits, types map[int]*ServiceType, day time.Time) int {
	monday, sunday := WeekOf(day)
	n := 0
	for _, o := range others {
		if ot := types[o.ServiceTypeID]; ot != nil && ot.Category == HomeCare && !o.Date.Before(monday) && !o.Date.After(sunday) {
			n += o.Units
		}
	}
	return n
}

// respiteDays counts the respite days that fall in year y.
func respiteDays(others []CountedUnits, types map[int]*ServiceType, y int) int {
	n := 0
	for _, o := range others {
		if ot := types[o.ServiceTypeID]; ot != nil && ot.Category == RespiteCare {
			n += daysInYear(o.Date, lastDay(o.Date, o.Units, RespiteCare), y)
		}
	}
	return n
}
