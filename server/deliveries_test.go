package server

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// Deliveries and claims through the API: every rule at its boundary (exactly at the cap, and
// one over), a cap that changes on a date, concurrency, idempotent retries, batches, the
// lifecycle with its locks, and claims with their rounding.

// deliveryWorld is a case world whose project has the caps of "Kurzeme visiem" (child sessions
// 40, then 100 from 2026-06-01; parents 20; home care 50 h a week to age 4 and 10 h for 5-17;
// respite 30 days a year).
type deliveryWorld struct {
	*caseWorld
	specialist, otherSpecialist caller
	keys                        atomic.Int64 // concurrent writers make keys too
}

func newDeliveryWorld(t *testing.T) *deliveryWorld { return deliveryWorldOn(newCaseWorld(t)) }

// deliveryWorldOn adds the caps and the specialists to a case world.
func deliveryWorldOn(cw *caseWorld) *deliveryWorld {
	w := &deliveryWorld{caseWorld: cw}
	rules := []domain.CapRule{
		{Kind: domain.CapChildSessions, ValidFrom: fixture.Day("2020-01-01"), Limit: fixture.Ptr(40)},
		{Kind: domain.CapChildSessions, ValidFrom: fixture.Day("2026-06-01"), Limit: fixture.Ptr(100)},
		{Kind: domain.CapParentSessions, ValidFrom: fixture.Day("2020-01-01"), Limit: fixture.Ptr(20)},
		{Kind: domain.CapHomeCareWeekly, ValidFrom: fixture.Day("2020-01-01"), Limit: fixture.Ptr(50), MinAge: fixture.Ptr(0), MaxAge: fixture.Ptr(4)},
		{Kind: domain.CapHomeCareWeekly, ValidFrom: fixture.Day("2020-01-01"), Limit: fixture.Ptr(10), MinAge: fixture.Ptr(5), MaxAge: fixture.Ptr(17)},
		{Kind: domain.CapRespiteDaysYearly, ValidFrom: fixture.Day("2020-01-01"), Limit: fixture.Ptr(30)},
	}
	for _, r := range rules {
		_, err := w.fix.Svc.Projects.AddCapRule(w.fix.Ctx, w.project.ID, r)
		w.fix.Must(err)
	}
	spec := w.a.createUser("specialist@cases.example", domain.UserScope{Role: domain.RoleProviderSpecialist, ProviderID: &w.p1.ID})
	other := w.a.createUser("other.specialist@cases.example", domain.UserScope{Role: domain.RoleProviderSpecialist, ProviderID: &w.p2.ID})
	w.specialist.token, _ = w.a.token(spec)
	w.otherSpecialist.token, _ = w.a.token(other)
	return w
}

// line is a plan line to plan: service code, recipient, units.
type line struct {
	service   string
	recipient domain.Recipient
	units     int
}

// activePlan gives a new child of Liepāja (change adjusts it) an active 2026 plan with the
// lines (provider p1) and budget in cents, and returns the plan, the child and the lines' keys
// in order.
func (w *deliveryWorld) activePlan(change func(*domain.ChildData), budget domain.Money, lines ...line) (*domain.SupportPlan, *domain.Child, []string) {
	by := make([]*domain.Provider, len(lines))
	for i := range by {
		by[i] = w.p1
	}
	return w.activePlanBy(change, budget, lines, by)
}

// activePlanBy is activePlan with each line's provider given.
func (w *deliveryWorld) activePlanBy(change func(*domain.ChildData), budget domain.Money, lines []line, by []*domain.Provider) (*domain.SupportPlan, *domain.Child, []string) {
	f := w.fix
	f.T.Helper()
	c := f.Child(w.liepaja, change)
	f.Enrol(c.ID, w.project.ID)
	as := f.Assessment(c.ID, w.p1.ID, true, true)
	rev, err := f.Svc.Plans.Create(f.Ctx, domain.NewPlan{AssessmentID: as.ID, ProjectID: w.project.ID, Kind: "SOCIAL_REHABILITATION",
		ValidFrom: fixture.Day("2026-01-01"), ValidTo: fixture.Day("2026-12-31"), Budget: budget})
	f.Must(err)
	d := domain.DraftContent{ValidFrom: fixture.Day("2026-01-01"), ValidTo: fixture.Day("2026-12-31"), Budget: budget,
		Goals: []domain.PlanGoal{{Text: "Mērķis", Indicator: "Rādītājs", Status: "NOT_STARTED"}}}
	for i, l := range lines {
		d.Lines = append(d.Lines, domain.DraftLine{ServiceTypeID: f.Service[l.service].ID, Recipient: l.recipient, ProviderID: &by[i].ID, PlannedUnits: l.units})
	}
	rev, err = f.Svc.Plans.UpdateDraft(f.Ctx, rev.ID, rev.Version, d)
	f.Must(err)
	for _, step := range []domain.PlanStep{domain.StepSubmit, domain.StepApprove, domain.StepActivate} {
		rev, err = f.Svc.Plans.Step(f.Ctx, rev.ID, rev.Version, step, nil, nil)
		f.Must(err)
	}
	plan, err := f.Store.PlanInScope(f.Ctx, f.All, rev.PlanID)
	f.Must(err)
	keys := make([]string, len(rev.Lines))
	for i, l := range rev.Lines {
		keys[i] = l.Key
	}
	return plan, c, keys
}

// key makes a fresh idempotency key.
func (w *deliveryWorld) key() string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", w.keys.Add(1))
}

type deliveryData struct {
	ID          string
	Date        string
	Units       int
	UnitPrice   string
	Amount      string
	Status      string
	Version     int
	Corrections []struct {
		Date   string
		Units  int
		Amount string
		Status string
		Reason string
	}
	Claim *struct{ ID string }
}

const deliveryFields = `id date units unitPrice amount status version corrections { date units amount status reason } claim { id }`

// record records a delivery as c; extra adds input fields (parentId, idempotencyKey...).
func (w *deliveryWorld) record(c caller, plan *domain.SupportPlan, lineKey, date string, units int, extra map[string]any) gqlResponse {
	in := map[string]any{"idempotencyKey": w.key(), "planId": gid("SupportPlan", plan.ID), "lineKey": lineKey, "date": date, "units": units}
	for k, v := range extra {
		in[k] = v
	}
	return w.a.do(c, `mutation($in: RecordDeliveryInput!) { recordDelivery(input: $in) { delivery { `+deliveryFields+` } } }`,
		map[string]any{"in": in})
}

func (w *deliveryWorld) recordOK(t *testing.T, c caller, plan *domain.SupportPlan, lineKey, date string, units int, extra map[string]any) deliveryData {
	t.Helper()
	var data struct {
		RecordDelivery struct{ Delivery deliveryData }
	}
	w.record(c, plan, lineKey, date, units, extra).decode(t, &data)
	return data.RecordDelivery.Delivery
}

// wantLimit fails unless r is the limit error code with extensions.remaining.
func wantLimit(t *testing.T, r gqlResponse, code, remaining string) {
	t.Helper()
	wantError(t, r, code, "")
	if got := fmt.Sprint(r.Errors[0].Extensions["remaining"]); remaining != "" && got != remaining {
		t.Errorf("%s: remaining %s, want %s (%s)", code, got, remaining, r.Errors[0].Message)
	}
}

func TestDeliveryChildSessionCapChangesOnDate(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 10000000, line{"PHYSIOTHERAPY", "CHILD", 200}, line{"SPEECH_THERAPY", "CHILD", 200})
	// Under the rule of 40: 39, then exactly the 40th (another service counts too), then none.
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 39, nil)
	w.recordOK(t, w.worker, plan, keys[1], "2026-03-03", 1, nil)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-04", 1, nil), "CHILD_SESSION_CAP_EXCEEDED", "0")
	// From 2026-06-01 the cap is 100: 60 remain, asking for 61 says so, 60 fit exactly.
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-06-01", 61, nil), "CHILD_SESSION_CAP_EXCEEDED", "60")
	w.recordOK(t, w.worker, plan, keys[0], "2026-06-01", 60, nil)
	wantLimit(t, w.record(w.worker, plan, keys[1], "2026-06-02", 1, nil), "CHILD_SESSION_CAP_EXCEEDED", "0")
	// A session dated before the raise is still under the rule of 40.
	wantLimit(t, w.record(w.worker, plan, keys[1], "2026-05-29", 1, nil), "CHILD_SESSION_CAP_EXCEEDED", "0")

	var data struct {
		Node struct {
			Usage struct {
				Caps []struct {
					Kind             string
					Limit, Remaining *int
					Used             int
				}
			}
		}
	}
	w.a.do(w.worker, `query($id: ID!) { node(id: $id) { ... on Child { usage(on: "2026-06-02") { caps { kind limit used remaining } } } } }`,
		map[string]any{"id": gid("Child", plan.ChildID)}).decode(t, &data)
	found := false
	for _, c := range data.Node.Usage.Caps {
		if c.Kind == "CHILD_SESSIONS" {
			found = true
			if *c.Limit != 100 || c.Used != 100 || *c.Remaining != 0 {
				t.Errorf("child session cap usage %d/%d remaining %d, want 100/100 remaining 0", c.Used, *c.Limit, *c.Remaining)
			}
		}
	}
	if !found {
		t.Errorf("no CHILD_SESSIONS cap in usage: %+v", data.Node.Usage.Caps)
	}
}

func TestDeliveryParentCapAndRecipient(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, child, keys := w.activePlan(nil, 1000000, line{"PSYCHOLOGIST", "PARENTS", 50}, line{"PHYSIOTHERAPY", "CHILD", 50})
	mother := w.fix.Parent(child.ID)
	stranger := w.fix.Parent(w.child.ID) // a parent of another child
	wantError(t, w.record(w.worker, plan, keys[0], "2026-03-02", 1, nil), "BAD_USER_INPUT", "parentId")
	wantError(t, w.record(w.worker, plan, keys[0], "2026-03-02", 1, map[string]any{"parentId": gid("Parent", stranger.ID)}), "BAD_USER_INPUT", "parentId")
	wantError(t, w.record(w.worker, plan, keys[1], "2026-03-02", 1, map[string]any{"parentId": gid("Parent", mother.ID)}), "BAD_USER_INPUT", "parentId")
	by := map[string]any{"parentId": gid("Parent", mother.ID)}
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 19, by)
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-03", 1, by)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-04", 1, by), "PARENT_SESSION_CAP_EXCEEDED", "0")
	// The parents' sessions do not use the child's cap.
	w.recordOK(t, w.worker, plan, keys[1], "2026-03-04", 40, nil)
}

func TestDeliveryHomeCare(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"HOME_CARE", "CHILD", 500})
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-09", 2, nil), "NO_SPECIAL_CARE_NEED", "")

	plan, _, keys = w.activePlan(func(d *domain.ChildData) { d.SpecialCareNeedFrom = fixture.Ptr(fixture.Day("2026-01-01")) }, 1000000, line{"HOME_CARE", "CHILD", 500})
	// The child is 10: 10 hours a week. Monday 2026-03-09 to Sunday 2026-03-15.
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-09", 6, nil)
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-15", 4, nil)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-12", 1, nil), "HOME_CARE_WEEKLY_CAP_EXCEEDED", "0")
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-16", 10, nil) // the next week
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-22", 1, nil), "HOME_CARE_WEEKLY_CAP_EXCEEDED", "0")

	// A child of 3 may have 50 hours a week.
	plan, _, keys = w.activePlan(func(d *domain.ChildData) {
		d.BirthDate, d.SpecialCareNeedFrom = fixture.Day("2023-01-10"), fixture.Ptr(fixture.Day("2026-01-01"))
	}, 1000000, line{"HOME_CARE", "CHILD", 500})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-09", 50, nil)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-10", 1, nil), "HOME_CARE_WEEKLY_CAP_EXCEEDED", "0")
}

func TestDeliveryRespite(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(func(d *domain.ChildData) { d.SpecialCareNeedFrom = fixture.Ptr(fixture.Day("2026-01-01")) }, 1000000,
		line{"RESPITE_CARE", "CHILD", 60}, line{"PHYSIOTHERAPY", "CHILD", 20})
	w.recordOK(t, w.worker, plan, keys[1], "2026-03-10", 1, nil)
	// 2026-03-08 to 2026-03-12 would include the physiotherapy day.
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-08", 5, nil), "RESPITE_OVERLAP", "")
	w.recordOK(t, w.worker, plan, keys[0], "2026-04-06", 29, nil) // 6 April to 4 May
	wantLimit(t, w.record(w.worker, plan, keys[1], "2026-04-20", 1, nil), "RESPITE_OVERLAP", "")
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-05-04", 1, nil), "RESPITE_OVERLAP", "")
	w.recordOK(t, w.worker, plan, keys[0], "2026-05-10", 1, nil) // the 30th day of 2026
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-05-12", 1, nil), "RESPITE_DAYS_EXCEEDED", "0")
}

func TestDeliveryLineUnitsBudgetAndPlan(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"SPEECH_THERAPY", "CHILD", 5})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 4, nil)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-03", 2, nil), "LINE_UNITS_EXCEEDED", "1")
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-03", 1, nil)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-03-04", 1, nil), "LINE_UNITS_EXCEEDED", "0")

	// The budget covers the planned price (30.00 x 10); the provider's price rises to 45.00
	// from February: six sessions cost 270.00, a seventh would pass 300.00.
	plan, _, keys = w.activePlan(nil, 30000, line{"PHYSIOTHERAPY", "CHILD", 10})
	w.fix.Must(w.fix.Svc.Providers.SetPrice(w.fix.Ctx, domain.ProviderPrice{ProviderID: w.p1.ID, ServiceTypeID: w.fix.Service["PHYSIOTHERAPY"].ID,
		ValidFrom: fixture.Day("2026-02-01"), UnitPrice: 4500}))
	d := w.recordOK(t, w.worker, plan, keys[0], "2026-02-02", 6, nil)
	if d.UnitPrice != "45.00" || d.Amount != "270.00" {
		t.Errorf("price %s amount %s, want the price in force on the day, 45.00, and 270.00", d.UnitPrice, d.Amount)
	}
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-02-03", 1, nil), "BUDGET_EXCEEDED", "30.00")
	if d := w.recordOK(t, w.worker, plan, keys[0], "2026-01-20", 1, nil); d.UnitPrice != "30.00" {
		t.Errorf("a January session costs %s, want the catalogue's 30.00 (the provider's price starts in February)", d.UnitPrice)
	}

	// Outside the plan's period, in the future, or on a plan that is not active.
	wantError(t, w.record(w.worker, plan, keys[0], "2025-12-31", 1, nil), "PLAN_NOT_ACTIVE", "")
	wantError(t, w.record(w.worker, plan, keys[0], "2099-01-01", 1, nil), "BAD_USER_INPUT", "date")
	wantError(t, w.record(w.worker, plan, "00000000-0000-4000-8000-000000000000", "2026-03-02", 1, nil), "BAD_USER_INPUT", "lineKey")
	wantError(t, w.record(w.worker, plan, "not-a-key", "2026-03-02", 1, nil), "BAD_USER_INPUT", "lineKey")
	draft := w.fix.Plan(w.assessment.ID, w.project.ID, w.p1.ID, domain.PlanDraft)
	draftPlan, err := w.a.s.PlanInScope(w.fix.Ctx, w.fix.All, draft.PlanID)
	w.fix.Must(err)
	wantError(t, w.record(w.worker, draftPlan, draft.Lines[0].Key, "2026-03-02", 1, nil), "PLAN_NOT_ACTIVE", "")
}

func TestDeliveryAccess(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 20})
	// The line's provider's specialist records; another provider's does not see the child.
	w.recordOK(t, w.specialist, plan, keys[0], "2026-03-02", 1, nil)
	wantError(t, w.record(w.otherSpecialist, plan, keys[0], "2026-03-02", 1, nil), "NOT_FOUND", "")
	wantError(t, w.record(w.specialist, plan, keys[0], "2026-03-02", 1, map[string]any{"providerId": gid("Provider", w.p2.ID)}), "BAD_USER_INPUT", "providerId")
	// The coordinator sees the child but records nothing; the analyst neither.
	wantError(t, w.record(w.coordinator, plan, keys[0], "2026-03-02", 1, nil), "FORBIDDEN", "")
	wantError(t, w.record(w.analyst, plan, keys[0], "2026-03-02", 1, nil), "FORBIDDEN", "")
}

func TestDeliveryConcurrentWritersRaceForLastSessions(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 10000000, line{"PHYSIOTHERAPY", "CHILD", 200})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 35, nil) // 5 of the 40 remain
	const writers = 50
	responses := make([]gqlResponse, writers)
	ins := make([]map[string]any, writers)
	for i := range ins {
		ins[i] = map[string]any{"idempotencyKey": w.key(), "planId": gid("SupportPlan", plan.ID), "lineKey": keys[0], "date": "2026-03-03", "units": 1}
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			responses[i] = w.a.do(w.worker, `mutation($in: RecordDeliveryInput!) { recordDelivery(input: $in) { delivery { id } } }`, map[string]any{"in": ins[i]})
		}()
	}
	close(start)
	wg.Wait()
	ok, capped := 0, 0
	for _, r := range responses {
		switch r.code() {
		case "":
			ok++
		case "CHILD_SESSION_CAP_EXCEEDED":
			capped++
		default:
			t.Errorf("unexpected answer %+v", r.Errors)
		}
	}
	if ok != 5 || capped != 45 {
		t.Errorf("%d recorded and %d refused at the cap, want exactly 5 and 45", ok, capped)
	}
	var n int
	w.fix.Must(w.a.s.DB().Get(&n, `SELECT sum(units) FROM service_delivery WHERE child_id = $1`, plan.ChildID))
	if n != 40 {
		t.Errorf("%d sessions stored, want 40", n)
	}
}

// Fifty batches at once, each of four sessions of one child, share its last ten sessions:
// each batch's items share one transaction, and the cap still holds across batches.
func TestDeliveryConcurrentBatchesRaceForLastSessions(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 10000000, line{"PHYSIOTHERAPY", "CHILD", 200})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 30, nil) // 10 of the 40 remain
	const batches, perBatch = 50, 4
	results := make([][]string, batches)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for b := range batches {
		var items []map[string]any
		for i := range perBatch {
			items = append(items, map[string]any{"idempotencyKey": w.key(), "planId": gid("SupportPlan", plan.ID), "lineKey": keys[0],
				"date": fmt.Sprintf("2026-03-%02d", 3+i), "units": 1})
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			var data struct {
				RecordDeliveries struct {
					Results []struct {
						Delivery *struct{ ID string }
						Error    *struct{ Code string }
					}
				}
			}
			w.a.do(w.worker, `mutation($in: [RecordDeliveryInput!]!) { recordDeliveries(input: {deliveries: $in}) {
				results { delivery { id } error { code } } } }`, map[string]any{"in": items}).decode(t, &data)
			for _, r := range data.RecordDeliveries.Results {
				switch {
				case r.Delivery != nil:
					results[b] = append(results[b], "ok")
				case r.Error != nil:
					results[b] = append(results[b], r.Error.Code)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	ok, capped := 0, 0
	for _, rs := range results {
		if len(rs) != perBatch {
			t.Errorf("a batch answered %d items, want %d", len(rs), perBatch)
		}
		for _, r := range rs {
			switch r {
			case "ok":
				ok++
			case "CHILD_SESSION_CAP_EXCEEDED":
				capped++
			default:
				t.Errorf("unexpected answer %s", r)
			}
		}
	}
	if ok != 10 || capped != batches*perBatch-10 {
		t.Errorf("%d recorded and %d refused at the cap, want exactly 10 and %d", ok, capped, batches*perBatch-10)
	}
	var n int
	w.fix.Must(w.a.s.DB().Get(&n, `SELECT sum(units) FROM service_delivery WHERE child_id = $1`, plan.ChildID))
	if n != 40 {
		t.Errorf("%d sessions stored, want 40", n)
	}
}

func TestDeliveryIdempotentRetry(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 20})
	key := w.key()
	in := map[string]any{"idempotencyKey": key}
	first := w.recordOK(t, w.specialist, plan, keys[0], "2026-03-02", 2, in)
	// Ten retries at once, as a client on a bad connection might send them.
	var wg sync.WaitGroup
	ids := make([]string, 10)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var data struct {
				RecordDelivery struct{ Delivery deliveryData }
			}
			w.record(w.specialist, plan, keys[0], "2026-03-02", 2, in).decode(t, &data)
			ids[i] = data.RecordDelivery.Delivery.ID
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if id != first.ID {
			t.Errorf("a retry returned %s, want the first delivery %s", id, first.ID)
		}
	}
	var n int
	w.fix.Must(w.a.s.DB().Get(&n, `SELECT count(*) FROM service_delivery WHERE child_id = $1`, plan.ChildID))
	if n != 1 {
		t.Errorf("%d deliveries stored, want 1", n)
	}
	wantError(t, w.record(w.specialist, plan, keys[0], "2026-03-02", 3, in), "IDEMPOTENCY_KEY_REUSED", "idempotencyKey")
	wantError(t, w.record(w.specialist, plan, keys[0], "2026-03-02", 3, map[string]any{"idempotencyKey": "retry-1"}), "BAD_USER_INPUT", "idempotencyKey")
	// Keys are the user's own: the worker's same key is a new request.
	if d := w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 2, in); d.ID == first.ID {
		t.Error("another user's request with the same key returned the first user's delivery")
	}
}

func TestDeliveryBatch(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 200})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 38, nil)
	item := func(date string, units int, lineKey string) map[string]any {
		return map[string]any{"idempotencyKey": w.key(), "planId": gid("SupportPlan", plan.ID), "lineKey": lineKey, "date": date, "units": units}
	}
	items := []map[string]any{item("2026-03-03", 1, keys[0]), item("2026-03-04", 2, keys[0]), item("2026-03-05", 1, keys[0]),
		item("2026-03-06", 1, "00000000-0000-4000-8000-000000000000")}
	const batch = `mutation($in: [RecordDeliveryInput!]!) { recordDeliveries(input: {deliveries: $in}) {
		results { idempotencyKey delivery { id units } error { code field remaining } } } }`
	var data struct {
		RecordDeliveries struct {
			Results []struct {
				IdempotencyKey string
				Delivery       *struct{ Units int }
				Error          *struct {
					Code             string
					Field, Remaining *string
				}
			}
		}
	}
	w.a.do(w.specialist, batch, map[string]any{"in": items}).decode(t, &data)
	res := data.RecordDeliveries.Results
	if len(res) != 4 {
		t.Fatalf("%d results, want 4", len(res))
	}
	if res[0].Delivery == nil || res[0].IdempotencyKey != items[0]["idempotencyKey"] {
		t.Errorf("first item: %+v, want recorded", res[0])
	}
	if res[1].Error == nil || res[1].Error.Code != "CHILD_SESSION_CAP_EXCEEDED" || *res[1].Error.Remaining != "1" {
		t.Errorf("second item: %+v, want CHILD_SESSION_CAP_EXCEEDED with 1 remaining", res[1])
	}
	if res[2].Delivery == nil {
		t.Errorf("third item: %+v, want recorded (the last session)", res[2])
	}
	if res[3].Error == nil || res[3].Error.Code != "BAD_USER_INPUT" || *res[3].Error.Field != "lineKey" {
		t.Errorf("fourth item: %+v, want BAD_USER_INPUT on lineKey", res[3])
	}
	// The same batch again (a retry after a lost answer) records nothing new.
	w.a.do(w.specialist, batch, map[string]any{"in": items}).decode(t, &data)
	var n int
	w.fix.Must(w.a.s.DB().Get(&n, `SELECT sum(units) FROM service_delivery WHERE child_id = $1`, plan.ChildID))
	if n != 40 {
		t.Errorf("%d sessions stored after the retry, want 40", n)
	}
	var big []map[string]any
	for range 101 {
		big = append(big, item("2026-03-03", 1, keys[0]))
	}
	wantError(t, w.a.do(w.specialist, batch, map[string]any{"in": big}), "BAD_USER_INPUT", "deliveries")
}

// A session counts against the cap in force on its own date and on every later session's
// date: the order of entry does not matter (an offline batch may bring March after July).
func TestDeliveryCapOrderOfEntry(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 10000000, line{"PHYSIOTHERAPY", "CHILD", 200})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 30, nil)
	w.recordOK(t, w.worker, plan, keys[0], "2026-07-01", 50, nil) // 80 by July, within 100
	w.recordOK(t, w.worker, plan, keys[0], "2026-05-04", 10, nil) // 40 by May, within 40; 90 by July
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-05-05", 1, nil), "CHILD_SESSION_CAP_EXCEEDED", "0")
	// July has room for 10 more; a June session takes from it too.
	w.recordOK(t, w.worker, plan, keys[0], "2026-06-15", 6, nil)
	wantLimit(t, w.record(w.worker, plan, keys[0], "2026-06-16", 5, nil), "CHILD_SESSION_CAP_EXCEEDED", "4")
	// Keys are UUIDs in any case.
	w.recordOK(t, w.worker, plan, strings.ToUpper(keys[0]), "2026-07-02", 4, map[string]any{"idempotencyKey": "AAAAAAAA-0000-4000-8000-000000000001"})
}

// A revision keeps the meaning of what was delivered: a continued line keeps its service, and
// the new revision cannot plan less than is delivered.
func TestRevisionCoversDeliveries(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 120000, line{"PHYSIOTHERAPY", "CHILD", 40})
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 30, nil) // 900.00
	f := w.fix
	draft, err := f.Svc.Plans.Step(f.Ctx, plan.CurrentID, f.Revision(plan.CurrentID).Version, domain.StepRevise, nil, nil)
	f.Must(err)
	content := func(service string, units int, budget domain.Money) domain.DraftContent {
		return domain.DraftContent{ValidFrom: fixture.Day("2026-01-01"), ValidTo: fixture.Day("2026-12-31"), Budget: budget,
			Goals: []domain.PlanGoal{{Text: "Mērķis", Indicator: "Rādītājs", Status: "IN_PROGRESS"}},
			Lines: []domain.DraftLine{{Key: keys[0], ServiceTypeID: f.Service[service].ID, Recipient: "CHILD", ProviderID: &w.p1.ID, PlannedUnits: units}}}
	}
	_, err = f.Svc.Plans.UpdateDraft(f.Ctx, draft.ID, draft.Version, content("ABA_THERAPY", 40, 1000000))
	if e := (*domain.Error)(nil); !errors.As(err, &e) || e.Field != "lines.0.serviceTypeId" {
		t.Errorf("changing a continued line's service: %v, want refused on lines.0.serviceTypeId", err)
	}
	draft, err = f.Svc.Plans.UpdateDraft(f.Ctx, draft.ID, draft.Version, content("PHYSIOTHERAPY", 20, 100000))
	f.Must(err)
	draft, err = f.Svc.Plans.Step(f.Ctx, draft.ID, draft.Version, domain.StepSubmit, nil, nil)
	f.Must(err)
	if _, err = f.Svc.Plans.Step(f.Ctx, draft.ID, draft.Version, domain.StepApprove, nil, nil); domain.ErrorCode(err) != domain.ELineUnits {
		t.Errorf("approving 20 units over 30 delivered: %v, want LINE_UNITS_EXCEEDED", err)
	}
	draft, err = f.Svc.Plans.Step(f.Ctx, draft.ID, draft.Version, domain.StepReturn, fixture.Ptr("Par maz"), nil)
	f.Must(err)
	draft, err = f.Svc.Plans.UpdateDraft(f.Ctx, draft.ID, draft.Version, content("PHYSIOTHERAPY", 30, 90000))
	f.Must(err)
	draft, err = f.Svc.Plans.Step(f.Ctx, draft.ID, draft.Version, domain.StepSubmit, nil, nil)
	f.Must(err)
	if _, err = f.Svc.Plans.Step(f.Ctx, draft.ID, draft.Version, domain.StepApprove, nil, nil); err != nil {
		t.Errorf("approving exactly what is delivered (30 units, 900.00): %v", err)
	}
}

// Analysts get no free text of a delivery; those without a part in claims get no claim.
func TestDeliveryFieldsByRole(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 20})
	a := w.recordOK(t, w.specialist, plan, keys[0], "2026-03-02", 1, map[string]any{"note": "Anna bija nogurusi"})
	b := w.recordOK(t, w.specialist, plan, keys[0], "2026-03-03", 1, nil)
	w.verify(t, a)
	claimOf(t, w.submitClaim(w.worker, "2026-03-01", "2026-03-02"), "submitClaim")
	w.a.do(w.worker, `mutation($id: ID!, $v: Int!) { rejectDelivery(input: {deliveryId: $id, version: $v, reason: "Anna nebija mājās"}) { delivery { id } } }`,
		map[string]any{"id": b.ID, "v": b.Version}).decode(t, &struct{}{})
	const q = `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on ServiceDelivery { note specialistName claim { id } } }
		b: node(id: $b) { ... on ServiceDelivery { rejectReason } } }`
	type answer struct {
		A struct {
			Note, SpecialistName *string
			Claim                *struct{ ID string }
		}
		B struct{ RejectReason *string }
	}
	var got answer
	w.a.do(w.analyst, q, map[string]any{"a": a.ID, "b": b.ID}).decode(t, &got)
	if got.A.Note != nil || got.A.SpecialistName != nil || got.B.RejectReason != nil || got.A.Claim == nil {
		t.Errorf("analyst sees %+v, want no note, specialist or reason, and the claim", got)
	}
	got = answer{}
	w.a.do(w.specialist, q, map[string]any{"a": a.ID, "b": b.ID}).decode(t, &got)
	if got.A.Claim != nil || deref(got.A.Note) != "Anna bija nogurusi" || deref(got.B.RejectReason) != "Anna nebija mājās" {
		t.Errorf("specialist sees %+v, want the texts and no claim", got)
	}
}

// TestDeliveryAndClaimViewerCan: viewerCan answers what the caller may do with a delivery and
// a claim, as the mutations decide: the worker verifies, corrects and rejects; the line's
// specialist only corrects; the coordinator sees the child but changes nothing of it, and
// alone decides the claim of the project its region leads.
func TestDeliveryAndClaimViewerCan(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 20})
	d := w.recordOK(t, w.specialist, plan, keys[0], "2026-03-02", 1, nil)
	type deliveryCan struct{ Verify, Correct, Reject bool }
	deliveryAs := func(c caller) deliveryCan {
		var data struct {
			Node struct{ ViewerCan deliveryCan }
		}
		w.a.do(c, `query($id: ID!) { node(id: $id) { ... on ServiceDelivery { viewerCan { verify correct reject } } } }`,
			map[string]any{"id": d.ID}).decode(t, &data)
		return data.Node.ViewerCan
	}
	for _, x := range []struct {
		who    string
		caller caller
		want   deliveryCan
	}{
		{"worker", w.worker, deliveryCan{true, true, true}},
		{"specialist", w.specialist, deliveryCan{false, true, false}},
		{"coordinator", w.coordinator, deliveryCan{false, false, false}},
	} {
		if got := deliveryAs(x.caller); got != x.want {
			t.Errorf("%s: delivery viewerCan %+v, want %+v", x.who, got, x.want)
		}
	}

	w.verify(t, w.delivery(t, d.ID))
	cl := claimOf(t, w.submitClaim(w.worker, "2026-03-01", "2026-03-31"), "submitClaim")
	type claimCan struct{ Approve, Reject, MarkPaid bool }
	claimAs := func(c caller) claimCan {
		var data struct{ Node struct{ ViewerCan claimCan } }
		w.a.do(c, `query($id: ID!) { node(id: $id) { ... on CompensationClaim { viewerCan { approve reject markPaid } } } }`,
			map[string]any{"id": cl.ID}).decode(t, &data)
		return data.Node.ViewerCan
	}
	if got, want := claimAs(w.coordinator), (claimCan{true, true, true}); got != want {
		t.Errorf("coordinator: claim viewerCan %+v, want %+v", got, want)
	}
	if got, want := claimAs(w.worker), (claimCan{}); got != want {
		t.Errorf("worker: claim viewerCan %+v, want %+v", got, want)
	}
}
