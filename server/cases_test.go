package server

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// The case registry's workflows and rules, through the GraphQL API over a real database:
// plan transitions, optimistic locking, the budget and price rules, application eligibility,
// duplicate children, read auditing and the analyst's pseudonymous view. Assertions are on
// extensions.code (and extensions.field), never on messages.

// caseWorld: a Kurzeme-led project with Liepāja as partner, a Liepāja child enrolled in it with
// a completed assessment by provider TEST-1, and the callers of the case work.
type caseWorld struct {
	a                                   *testAPI
	fix                                 *fixture.F
	admin, worker, coordinator, analyst caller
	workerUser                          *domain.User
	liepaja, rezekne                    int
	p1, p2                              *domain.Provider
	project                             *domain.Project
	child                               *domain.Child
	assessment                          *domain.Assessment
}

func newCaseWorld(t *testing.T) *caseWorld {
	a := newTestAPI(t)
	w := &caseWorld{a: a, liepaja: a.municipalityID("Liepāja"), rezekne: a.municipalityID("Rēzeknes novads")}
	admin := a.createUser("admin@cases.example", domain.UserScope{Role: domain.RoleAdmin})
	kurzeme := a.regionID(domain.RegionKurzeme)
	w.workerUser = a.createUser("worker@cases.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{w.liepaja}})
	coordinator := a.createUser("coordinator@cases.example", domain.UserScope{Role: domain.RoleRegionCoordinator, RegionID: &kurzeme})
	analyst := a.createUser("analyst@cases.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	for _, x := range []struct {
		c *caller
		u *domain.User
	}{{&w.admin, admin}, {&w.worker, w.workerUser}, {&w.coordinator, coordinator}, {&w.analyst, analyst}} {
		x.c.token, _ = a.token(x.u)
	}
	var err error
	if w.p1, err = a.svc().Providers.Create(systemCtx(), "Test provider 1", "TEST-1"); err != nil {
		t.Fatal(err)
	}
	if w.p2, err = a.svc().Providers.Create(systemCtx(), "Test provider 2", "TEST-2"); err != nil {
		t.Fatal(err)
	}
	w.fix = newFixture(a, admin)
	w.project = w.fix.Project(domain.RegionKurzeme, w.liepaja)
	w.child = w.fix.Child(w.liepaja, nil)
	w.fix.Enrol(w.child.ID, w.project.ID)
	w.assessment = w.fix.Assessment(w.child.ID, w.p1.ID, true, true)
	return w
}

// field is the extensions.field of the first error.
func (r gqlResponse) field() string {
	if len(r.Errors) == 0 || r.Errors[0].Extensions["field"] == nil {
		return ""
	}
	return fmt.Sprint(r.Errors[0].Extensions["field"])
}

// wantError fails unless the response has the error code (and field, when given).
func wantError(t *testing.T, r gqlResponse, code, field string) {
	t.Helper()
	if r.code() != code {
		t.Fatalf("got code %q (%+v), want %s", r.code(), r.Errors, code)
	}
	if field != "" && r.field() != field {
		t.Errorf("got field %q, want %q", r.field(), field)
	}
}

type lineData struct {
	Key          string
	PlannedUnits int
	UnitPrice    string
	PriceSource  string
	Amount       string
	Provider     *struct{ ID string }
}

type revisionData struct {
	ID            string
	Number        int
	Status        string
	Version       int
	Budget        string
	LinesTotal    string
	ReturnComment *string
	Goals         []struct{ Key, Text string }
	Lines         []lineData
	Plan          struct{ ID string }
}

const revisionFields = `id number status version budget linesTotal returnComment goals { key text }
	lines { key plannedUnits unitPrice priceSource amount provider { id } } plan { id }`

// revisionPayload decodes the revision of a PlanRevisionPayload named by the mutation.
func revisionPayload(t *testing.T, r gqlResponse, mutation string) revisionData {
	t.Helper()
	var data map[string]struct{ Revision revisionData }
	r.decode(t, &data)
	return data[mutation].Revision
}

// revision reads a revision by node(id).
func (w *caseWorld) revision(t *testing.T, id string) revisionData {
	t.Helper()
	var data struct{ Node revisionData }
	w.a.do(w.admin, `query($id: ID!) { node(id: $id) { ... on PlanRevision { `+revisionFields+` } } }`, map[string]any{"id": id}).decode(t, &data)
	return data.Node
}

type planData struct {
	Status    string
	Current   struct{ ID string }
	Pending   *struct{ ID string }
	Revisions []struct {
		Number int
		Status string
	}
}

func (w *caseWorld) plan(t *testing.T, id string) planData {
	t.Helper()
	var data struct{ Node planData }
	w.a.do(w.admin, `query($id: ID!) { node(id: $id) { ... on SupportPlan { status current { id } pending { id } revisions { number status } } } }`,
		map[string]any{"id": id}).decode(t, &data)
	return data.Node
}

// createPlan creates a plan of the world's child through the API as the worker.
func (w *caseWorld) createPlan(t *testing.T) revisionData {
	t.Helper()
	r := w.a.do(w.worker, `mutation($a: ID!, $p: ID!) { createSupportPlan(input: {assessmentId: $a, projectId: $p, kind: SOCIAL_REHABILITATION,
		validFrom: "2026-01-01", validTo: "2026-12-31", budget: "1000.00"}) { revision { `+revisionFields+` } } }`,
		map[string]any{"a": gid("Assessment", w.assessment.ID), "p": gid("Project", w.project.ID)})
	return revisionPayload(t, r, "createSupportPlan")
}

// draftVars are updatePlanDraft's variables: one goal, and lines of (provider global id or
// "", units, key or "") of physiotherapy for the child.
type draftLine struct {
	provider string
	units    int
	key      string
}

func (w *caseWorld) saveDraft(c caller, rev revisionData, from, budget string, lines ...draftLine) gqlResponse {
	var ls []map[string]any
	for _, l := range lines {
		m := map[string]any{"serviceTypeId": gid("ServiceType", w.fix.Service["PHYSIOTHERAPY"].ID), "recipient": "CHILD", "plannedUnits": l.units}
		if l.provider != "" {
			m["providerId"] = l.provider
		}
		if l.key != "" {
			m["key"] = l.key
		}
		ls = append(ls, m)
	}
	goals := []map[string]any{{"text": "Staigāt patstāvīgi", "indicator": "10 m bez atbalsta", "status": "NOT_STARTED"}}
	if len(rev.Goals) > 0 {
		goals[0]["key"] = rev.Goals[0].Key
	}
	return w.a.do(c, `mutation($id: ID!, $v: Int!, $from: Date!, $b: Money!, $g: [PlanGoalInput!]!, $l: [PlanLineInput!]!) {
		updatePlanDraft(input: {revisionId: $id, version: $v, validFrom: $from, validTo: "2026-12-31", budget: $b, goals: $g, lines: $l}) {
		revision { `+revisionFields+` } } }`,
		map[string]any{"id": rev.ID, "v": rev.Version, "from": from, "b": budget, "g": goals, "l": ls})
}

// step takes a workflow step on a revision.
func (w *caseWorld) step(c caller, mutation string, rev revisionData, comment *string) gqlResponse {
	return w.a.do(c, `mutation($id: ID!, $v: Int!, $c: String) { `+mutation+`(input: {revisionId: $id, version: $v, comment: $c}) {
		revision { `+revisionFields+` } } }`, map[string]any{"id": rev.ID, "v": rev.Version, "c": comment})
}

// stepOK takes a step that must succeed and returns the revision it leaves in front.
func (w *caseWorld) stepOK(t *testing.T, c caller, mutation string, rev revisionData, comment *string) revisionData {
	t.Helper()
	return revisionPayload(t, w.step(c, mutation, rev, comment), mutation)
}

// planIn makes a plan through the API and takes it to status.
func (w *caseWorld) planIn(t *testing.T, status string) revisionData {
	t.Helper()
	rev := w.createPlan(t)
	rev = revisionPayload(t, w.saveDraft(w.worker, rev, "2026-01-01", "1000.00", draftLine{provider: gid("Provider", w.p1.ID), units: 10}), "updatePlanDraft")
	path := []struct {
		status, mutation string
		as               caller
	}{{"SUBMITTED", "submitPlan", w.worker}, {"APPROVED", "approvePlan", w.coordinator}, {"ACTIVE", "activatePlan", w.worker},
		{"CLOSED", "closePlan", w.worker}}
	for _, p := range path {
		if rev.Status == status {
			break
		}
		rev = w.stepOK(t, p.as, p.mutation, rev, nil)
		if rev.Status != p.status {
			t.Fatalf("%s: status %s, want %s", p.mutation, rev.Status, p.status)
		}
	}
	if rev.Status != status {
		t.Fatalf("plan in %s, want %s", rev.Status, status)
	}
	return rev
}

func TestPlanWorkflow(t *testing.T) {
	w := newCaseWorld(t)

	t.Run("legal path", func(t *testing.T) {
		rev := w.createPlan(t)
		if rev.Status != "DRAFT" || rev.Number != 1 {
			t.Fatalf("new plan: revision %d %s, want 1 DRAFT", rev.Number, rev.Status)
		}
		rev = revisionPayload(t, w.saveDraft(w.worker, rev, "2026-01-01", "1000.00", draftLine{units: 10}), "updatePlanDraft")
		for _, s := range []struct {
			mutation string
			as       caller
			want     string
		}{
			{"submitPlan", w.worker, "SUBMITTED"},
			{"approvePlan", w.coordinator, "APPROVED"},
			{"activatePlan", w.worker, "ACTIVE"},
			{"closePlan", w.worker, "CLOSED"},
		} {
			before := rev.Version
			rev = w.stepOK(t, s.as, s.mutation, rev, nil)
			if rev.Status != s.want || rev.Version <= before {
				t.Errorf("%s: %s version %d, want %s with a version after %d", s.mutation, rev.Status, rev.Version, s.want, before)
			}
			if got := w.plan(t, rev.Plan.ID).Status; got != s.want {
				t.Errorf("%s: the plan's status is %s, want %s", s.mutation, got, s.want)
			}
		}
	})

	t.Run("return with comment", func(t *testing.T) {
		rev := w.planIn(t, "SUBMITTED")
		rev = w.stepOK(t, w.coordinator, "returnPlan", rev, fixture.Ptr("Precizējiet mērķa rādītāju"))
		if rev.Status != "DRAFT" || rev.ReturnComment == nil || *rev.ReturnComment != "Precizējiet mērķa rādītāju" {
			t.Errorf("returned: %s with comment %v, want DRAFT with the comment", rev.Status, rev.ReturnComment)
		}
		// It can be edited and submitted again, and approval clears the comment.
		rev = revisionPayload(t, w.saveDraft(w.worker, rev, "2026-01-01", "1000.00", draftLine{units: 12}), "updatePlanDraft")
		rev = w.stepOK(t, w.worker, "submitPlan", rev, nil)
		rev = w.stepOK(t, w.coordinator, "approvePlan", rev, nil)
		if rev.Status != "APPROVED" || rev.ReturnComment != nil {
			t.Errorf("approved after return: %s with comment %v, want APPROVED without", rev.Status, rev.ReturnComment)
		}
	})

	for _, from := range []string{"APPROVED", "ACTIVE"} {
		t.Run("revise "+from, func(t *testing.T) {
			r1 := w.planIn(t, from)
			r2 := w.stepOK(t, w.worker, "revisePlan", r1, nil)
			if r2.Number != 2 || r2.Status != "DRAFT" || r2.ID == r1.ID {
				t.Fatalf("revision: %d %s, want a new revision 2 DRAFT", r2.Number, r2.Status)
			}
			if len(r2.Lines) != 1 || r2.Lines[0].Key != r1.Lines[0].Key || r2.Budget != r1.Budget {
				t.Fatalf("revision 2 is not a copy of 1: %+v", r2)
			}
			p := w.plan(t, r1.Plan.ID)
			if p.Status != from || p.Current.ID != r1.ID || p.Pending == nil || p.Pending.ID != r2.ID {
				t.Errorf("while revising: plan %s, current %s, pending %v; want %s, %s, %s", p.Status, p.Current.ID, p.Pending, from, r1.ID, r2.ID)
			}
			if got := w.revision(t, r1.ID).Status; got != from {
				t.Errorf("revision 1 while revising: %s, want it in force as %s", got, from)
			}

			r2 = revisionPayload(t, w.saveDraft(w.worker, r2, "2026-01-01", "1200.00",
				draftLine{provider: gid("Provider", w.p1.ID), units: 15, key: r1.Lines[0].Key}), "updatePlanDraft")
			r2 = w.stepOK(t, w.worker, "submitPlan", r2, nil)
			r2 = w.stepOK(t, w.coordinator, "approvePlan", r2, nil)
			if r2.Status != from {
				t.Errorf("approved revision 2: %s, want the status of the one it replaces, %s", r2.Status, from)
			}
			if got := w.revision(t, r1.ID).Status; got != "SUPERSEDED" {
				t.Errorf("revision 1 after approval of 2: %s, want SUPERSEDED", got)
			}
			p = w.plan(t, r1.Plan.ID)
			if p.Status != from || p.Current.ID != r2.ID || p.Pending != nil {
				t.Errorf("after approval: plan %s, current %s, pending %v; want %s, %s, none", p.Status, p.Current.ID, p.Pending, from, r2.ID)
			}

			// The diff lists the budget and the line's planned units.
			var data struct {
				Node struct {
					Diff []struct {
						Path          string
						Before, After *string
					}
				}
			}
			w.a.do(w.worker, `query($id: ID!) { node(id: $id) { ... on SupportPlan { diff(from: 1, to: 2) { path before after } } } }`,
				map[string]any{"id": r1.Plan.ID}).decode(t, &data)
			got := map[string]string{}
			for _, c := range data.Node.Diff {
				got[c.Path] = fmt.Sprintf("%v -> %v", deref(c.Before), deref(c.After))
			}
			want := map[string]string{"budget": "1000.00 -> 1200.00", "lines[" + r1.Lines[0].Key + "].plannedUnits": "10 -> 15"}
			for path, change := range want {
				if got[path] != change {
					t.Errorf("diff %s: %q, want %q (all: %v)", path, got[path], change, got)
				}
			}
			if _, ok := got["validFrom"]; ok {
				t.Errorf("diff lists an unchanged validFrom: %v", got)
			}
		})
	}

	illegal := []struct {
		name     string
		from     string
		mutation string
		as       func() caller
		comment  *string
		field    string
	}{
		{"approve a draft", "DRAFT", "approvePlan", func() caller { return w.coordinator }, nil, ""},
		{"activate a submitted", "SUBMITTED", "activatePlan", func() caller { return w.worker }, nil, ""},
		{"submit a submitted", "SUBMITTED", "submitPlan", func() caller { return w.worker }, nil, ""},
		{"close an approved", "APPROVED", "closePlan", func() caller { return w.worker }, nil, ""},
		{"revise a draft", "DRAFT", "revisePlan", func() caller { return w.worker }, nil, ""},
		{"revise a closed", "CLOSED", "revisePlan", func() caller { return w.worker }, nil, ""},
		{"return an approved", "APPROVED", "returnPlan", func() caller { return w.coordinator }, fixture.Ptr("zu spät"), ""},
		{"return without comment", "SUBMITTED", "returnPlan", func() caller { return w.coordinator }, nil, "comment"},
		{"return with a blank comment", "SUBMITTED", "returnPlan", func() caller { return w.coordinator }, fixture.Ptr("   "), "comment"},
	}
	for _, tc := range illegal {
		t.Run(tc.name, func(t *testing.T) {
			rev := w.planIn(t, tc.from)
			wantError(t, w.step(tc.as(), tc.mutation, rev, tc.comment), "BAD_USER_INPUT", tc.field)
			if now := w.revision(t, rev.ID); now.Status != tc.from || now.Version != rev.Version {
				t.Errorf("after the refused step: %s version %d, want it unchanged (%s, %d)", now.Status, now.Version, tc.from, rev.Version)
			}
		})
	}

	t.Run("edit a submitted", func(t *testing.T) {
		rev := w.planIn(t, "SUBMITTED")
		wantError(t, w.saveDraft(w.worker, rev, "2026-01-01", "2000.00", draftLine{units: 20}), "BAD_USER_INPUT", "")
		if now := w.revision(t, rev.ID); now.Budget != "1000.00" || now.Lines[0].PlannedUnits != 10 || now.Version != rev.Version {
			t.Errorf("the submitted revision changed: %+v", now)
		}
	})

	t.Run("revise with a pending revision", func(t *testing.T) {
		r1 := w.planIn(t, "ACTIVE")
		w.stepOK(t, w.worker, "revisePlan", r1, nil)
		wantError(t, w.step(w.worker, "revisePlan", w.revision(t, r1.ID), nil), "BAD_USER_INPUT", "")
		if n := len(w.plan(t, r1.Plan.ID).Revisions); n != 2 {
			t.Errorf("the plan has %d revisions, want 2", n)
		}
	})

	t.Run("close with a pending revision", func(t *testing.T) {
		r1 := w.planIn(t, "ACTIVE")
		w.stepOK(t, w.worker, "revisePlan", r1, nil)
		wantError(t, w.step(w.worker, "closePlan", w.revision(t, r1.ID), nil), "BAD_USER_INPUT", "")
		if now := w.revision(t, r1.ID); now.Status != "ACTIVE" {
			t.Errorf("the plan was closed with a revision in preparation: %s", now.Status)
		}
	})

	t.Run("stale version of a step", func(t *testing.T) {
		rev := w.planIn(t, "DRAFT")
		stale := rev
		stale.Version--
		wantError(t, w.step(w.worker, "submitPlan", stale, nil), "CONFLICT", "")
		if now := w.revision(t, rev.ID); now.Status != "DRAFT" {
			t.Errorf("a stale submit moved the revision to %s", now.Status)
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestStaleVersionConflict(t *testing.T) {
	w := newCaseWorld(t)

	t.Run("updatePlanDraft", func(t *testing.T) {
		rev := w.planIn(t, "DRAFT")
		first := w.saveDraft(w.worker, rev, "2026-01-01", "1100.00", draftLine{units: 11})
		if first.code() != "" {
			t.Fatalf("first save: %+v", first.Errors)
		}
		wantError(t, w.saveDraft(w.worker, rev, "2026-01-01", "1200.00", draftLine{units: 12}), "CONFLICT", "")
		want := revisionPayload(t, first, "updatePlanDraft")
		now := w.revision(t, rev.ID)
		if now.Budget != "1100.00" || len(now.Lines) != 1 || now.Lines[0].PlannedUnits != 11 || now.Version != want.Version {
			t.Errorf("stored draft %+v, want the first save's content %+v", now, want)
		}
	})

	t.Run("updateChild", func(t *testing.T) {
		c := w.fix.ChildNow(w.child.ID)
		update := func(first string) gqlResponse {
			in := childInput(c)
			in["firstName"] = first
			return w.a.do(w.worker, `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) {
				child { firstName version } } }`, map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": in})
		}
		if r := update("Marta"); r.code() != "" {
			t.Fatalf("first update: %+v", r.Errors)
		}
		wantError(t, update("Līga"), "CONFLICT", "")
		if now := w.fix.ChildNow(c.ID); now.FirstName != "Marta" || now.Version != c.Version+1 {
			t.Errorf("stored child %s version %d, want Marta at version %d", now.FirstName, now.Version, c.Version+1)
		}
	})
}

func TestPlanBudgetRule(t *testing.T) {
	w := newCaseWorld(t)
	rev := w.planIn(t, "DRAFT") // 10 sessions at the catalogue's 30.00 = 300.00 of a 1000.00 budget
	tests := []struct {
		name, budget string
		units        int
		code         string
	}{
		{"below the lines", "299.99", 10, "BAD_USER_INPUT"},
		{"lines grow past the budget", "1000.00", 34, "BAD_USER_INPUT"},
		{"negative", "-1.00", 1, "BAD_USER_INPUT"},
		{"equal to the lines", "300.00", 10, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := w.revision(t, rev.ID)
			r := w.saveDraft(w.worker, before, "2026-01-01", tc.budget, draftLine{units: tc.units})
			if tc.code == "" {
				if r.code() != "" {
					t.Fatalf("save: %+v", r.Errors)
				}
				got := revisionPayload(t, r, "updatePlanDraft")
				if got.Budget != tc.budget || got.LinesTotal != "300.00" {
					t.Errorf("saved budget %s, lines %s; want %s, 300.00", got.Budget, got.LinesTotal, tc.budget)
				}
				return
			}
			wantError(t, r, tc.code, "budget")
			now := w.revision(t, rev.ID)
			if now.Version != before.Version || now.Budget != before.Budget || now.Lines[0].PlannedUnits != before.Lines[0].PlannedUnits {
				t.Errorf("a refused draft was stored: %+v, before %+v", now, before)
			}
		})
	}
}

func TestPlanUnitPrice(t *testing.T) {
	w := newCaseWorld(t)
	physio := gid("ServiceType", w.fix.Service["PHYSIOTHERAPY"].ID)
	catalogue := w.fix.Service["PHYSIOTHERAPY"].DefaultUnitPrice.String()
	setPrice := func(p *domain.Provider, price, from string) {
		t.Helper()
		r := w.a.do(w.admin, `mutation($p: ID!, $s: ID!, $u: Money!, $d: Date!) { setProviderPrice(input: {providerId: $p, serviceTypeId: $s,
			unitPrice: $u, validFrom: $d}) { provider { id } } }`, map[string]any{"p": gid("Provider", p.ID), "s": physio, "u": price, "d": from})
		if r.code() != "" {
			t.Fatalf("set price: %+v", r.Errors)
		}
	}
	setPrice(w.p1, "40.00", "2025-01-01")
	setPrice(w.p1, "45.00", "2026-01-02") // from the plan's second day: not in force on its first
	setPrice(w.p2, "50.00", "2027-01-01") // not yet in force in 2026

	p1, p2 := gid("Provider", w.p1.ID), gid("Provider", w.p2.ID)
	tests := []struct {
		name, from, provider string
		price, source        string
	}{
		{"provider price in force on the first day", "2026-01-01", p1, "40.00", "PROVIDER"},
		{"a later price of the provider", "2026-01-02", p1, "45.00", "PROVIDER"},
		{"provider without a price then", "2026-01-01", p2, catalogue, "CATALOGUE"},
		{"no provider", "2026-01-01", "", catalogue, "CATALOGUE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rev := w.createPlan(t)
			r := w.saveDraft(w.worker, rev, tc.from, "1000.00", draftLine{provider: tc.provider, units: 10})
			got := revisionPayload(t, r, "updatePlanDraft").Lines
			if len(got) != 1 || got[0].UnitPrice != tc.price || got[0].PriceSource != tc.source {
				t.Fatalf("lines %+v, want unit price %s from %s", got, tc.price, tc.source)
			}
			m, _ := domain.ParseMoney(tc.price)
			if want := (m * 10).String(); got[0].Amount != want {
				t.Errorf("amount %s, want %s", got[0].Amount, want)
			}
		})
	}
}

func TestApplicationEligibility(t *testing.T) {
	w := newCaseWorld(t)
	ended := w.fix.ProjectRunning(domain.RegionKurzeme, "2018-01-01", "2022-12-31", w.liepaja)
	disabled := func(from, to string) func(*domain.ChildData) {
		return func(d *domain.ChildData) {
			d.DisabilityFrom, d.DisabilityTo = nil, nil
			if from != "" {
				d.DisabilityFrom = fixture.Ptr(fixture.Day(from))
			}
			if to != "" {
				d.DisabilityTo = fixture.Ptr(fixture.Day(to))
			}
		}
	}
	tests := []struct {
		name      string
		child     func() *domain.Child
		project   *domain.Project
		mutation  string
		reason    *string
		code      string
		field     string
		wantAfter string
	}{
		{"eligible", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "acceptApplication", nil, "", "", "ACCEPTED"},
		{"disability ended", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2019-01-01", "2022-12-31")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"disability not yet", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2035-01-01", "")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"no disability", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("", "")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"non-partner municipality", func() *domain.Child { return w.fix.Child(w.rezekne, nil) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"project not running", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, ended,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"already enrolled", func() *domain.Child { return w.child }, w.project, "acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"reject with reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", fixture.Ptr("Nav iesniegti dokumenti"),
			"", "", "REJECTED"},
		{"reject without reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", nil,
			"BAD_USER_INPUT", "reason", "SUBMITTED"},
		{"reject with a blank reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", fixture.Ptr("  "),
			"BAD_USER_INPUT", "reason", "SUBMITTED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			app := w.fix.Application(tc.child().ID, tc.project.ID)
			r := w.a.do(w.admin, `mutation($id: ID!, $v: Int!, $r: String) { `+tc.mutation+`(input: {id: $id, version: $v, reason: $r}) {
				application { status } } }`, map[string]any{"id": gid("Application", app.ID), "v": app.Version, "r": tc.reason})
			if tc.code == "" {
				if r.code() != "" {
					t.Fatalf("%s: %+v", tc.mutation, r.Errors)
				}
			} else {
				wantError(t, r, tc.code, tc.field)
			}
			now, err := w.a.s.ApplicationInScope(fixtureCtx(), w.fix.All, app.ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(now.Status) != tc.wantAfter {
				t.Errorf("application %s, want %s", now.Status, tc.wantAfter)
			}
		})
	}
}

// oldCode makes an old-format personal code with its check digit: ddmmyy, the century digit
// and a three-digit serial.
func oldCode(ddmmyy string, century, serial int) string {
	digits := fmt.Sprintf("%s%d%03d", ddmmyy, century, serial)
	weights := []int{1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += w * int(digits[i]-'0')
	}
	return fmt.Sprintf("%s-%s%d", digits[:6], digits[6:], (1101-sum)%11%10)
}

func TestChildDuplicates(t *testing.T) {
	w := newCaseWorld(t)
	code := oldCode("150314", 2, 417)
	create := func(code, first, last string) gqlResponse {
		in := childInput(&domain.Child{PersonalCode: domain.PersonalCode(code), FirstName: first, LastName: last, BirthDate: fixture.Day("2014-03-15"),
			Sex: "MALE", MunicipalityID: w.liepaja, LivingArrangement: domain.LivingFamily, Impairments: []domain.ImpairmentKind{"SPEECH_AND_LANGUAGE"}})
		return w.a.do(w.worker, `mutation($c: ChildInput!) { createChild(input: {child: $c}) { child { id } } }`, map[string]any{"c": in})
	}
	var created struct {
		CreateChild struct{ Child struct{ ID string } }
	}
	create(code, "Jānis", "Bērziņš").decode(t, &created)
	id := created.CreateChild.Child.ID

	t.Run("createChild with a registered personal code", func(t *testing.T) {
		for _, c := range []string{code, strings.ReplaceAll(code, "-", "")} {
			r := create(c, "Pēteris", "Kalniņš")
			wantError(t, r, "BAD_USER_INPUT", "personalCode")
			if reason := r.Errors[0].Extensions["reason"]; reason != "registered" {
				t.Errorf("extensions.reason %v, want registered", reason)
			}
		}
		var n int
		if err := w.a.s.DB().Get(&n, `SELECT count(*) FROM child WHERE personal_code = $1`, code); err != nil || n != 1 {
			t.Errorf("%d children with the code (%v), want 1", n, err)
		}
	})

	t.Run("updateChild to a registered personal code", func(t *testing.T) {
		c := w.fix.ChildNow(w.child.ID)
		in := childInput(c)
		in["personalCode"], in["birthDate"] = code, "2014-03-15"
		r := w.a.do(w.worker, `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`,
			map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": in})
		wantError(t, r, "BAD_USER_INPUT", "personalCode")
	})

	tests := []struct {
		name  string
		input map[string]any
		found bool
	}{
		{"same birth date, name without diacritics", map[string]any{"birthDate": "2014-03-15", "firstName": "Janis", "lastName": "Berzins"}, true},
		{"same birth date, names swapped", map[string]any{"birthDate": "2014-03-15", "firstName": "Bērziņš", "lastName": "Jānis"}, true},
		{"same birth date, a typo", map[string]any{"birthDate": "2014-03-15", "firstName": "Jānis", "lastName": "Bērziņs"}, true},
		{"the personal code", map[string]any{"personalCode": strings.ReplaceAll(code, "-", "")}, true},
		{"same birth date, another child", map[string]any{"birthDate": "2014-03-15", "firstName": "Pēteris", "lastName": "Kalniņš"}, false},
		{"same name, another birth date", map[string]any{"birthDate": "2014-03-16", "firstName": "Jānis", "lastName": "Bērziņš"}, false},
	}
	for _, tc := range tests {
		t.Run("possibleDuplicateChildren: "+tc.name, func(t *testing.T) {
			var data struct{ PossibleDuplicateChildren []struct{ ID string } }
			w.a.do(w.worker, `query($in: DuplicateCheckInput!) { possibleDuplicateChildren(input: $in) { id } }`,
				map[string]any{"in": tc.input}).decode(t, &data)
			found := slices.ContainsFunc(data.PossibleDuplicateChildren, func(c struct{ ID string }) bool { return c.ID == id })
			if found != tc.found || len(data.PossibleDuplicateChildren) > 1 {
				t.Errorf("got %v, want Jānis Bērziņš found: %v", data.PossibleDuplicateChildren, tc.found)
			}
		})
	}

	t.Run("possibleDuplicateChildren without birth date or code", func(t *testing.T) {
		r := w.a.do(w.worker, `{ possibleDuplicateChildren(input: {firstName: "Jānis"}) { id } }`, nil)
		wantError(t, r, "BAD_USER_INPUT", "birthDate")
	})
}

func TestWorkerMovesChild(t *testing.T) {
	w := newCaseWorld(t)
	tests := []struct {
		name         string
		municipality int
		code         string
	}{
		{"to a municipality of their own", w.liepaja, ""},
		{"to another municipality", w.rezekne, "BAD_USER_INPUT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := w.fix.ChildNow(w.child.ID)
			in := childInput(c)
			in["municipalityId"] = gid("Municipality", tc.municipality)
			r := w.a.do(w.worker, `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`,
				map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": in})
			if tc.code == "" && r.code() != "" {
				t.Fatalf("update: %+v", r.Errors)
			}
			if tc.code != "" {
				wantError(t, r, tc.code, "municipalityId")
				if now := w.fix.ChildNow(c.ID); now.MunicipalityID != c.MunicipalityID || now.Version != c.Version {
					t.Errorf("the refused move was stored")
				}
			}
		})
	}
}

func TestChildReadAudit(t *testing.T) {
	w := newCaseWorld(t)
	w.fix.Parent(w.child.ID)
	w.planIn(t, "ACTIVE")
	id := gid("Child", w.child.ID)
	// The child is reached five ways in one request: node, the list, and through its
	// applications, assessments and plans.
	query := `query($id: ID!, $m: ID!) {
		node(id: $id) { ... on Child { id firstName parents { parent { id } } applications { child { id lastName } }
			assessments { child { id } } supportPlans { child { personalCode } } } }
		children(filter: {municipalityId: $m}) { edges { node { id firstName } } }
		applications(filter: {childId: $id}) { edges { node { child { id } } } }
		supportPlans(filter: {childId: $id}) { edges { node { child { id } } } } }`
	for _, c := range []struct {
		name string
		as   caller
	}{{"worker", w.worker}, {"coordinator", w.coordinator}, {"analyst", w.analyst}, {"worker again", w.worker}} {
		t.Run(c.name, func(t *testing.T) {
			r := w.a.do(c.as, query, map[string]any{"id": id, "m": gid("Municipality", w.liepaja)})
			if r.code() != "" {
				t.Fatalf("query: %+v", r.Errors)
			}
			reads := 0
			for _, row := range w.a.auditRows(r.requestID) {
				if row.Action == domain.AuditRead && row.EntityType == domain.EntityChild && row.EntityID != nil && *row.EntityID == int64(w.child.ID) {
					reads++
				}
			}
			if reads != 1 {
				t.Errorf("%d READ rows for the child in the request, want exactly 1", reads)
			}
		})
	}
}

func TestAnalystSeesNoPersonalData(t *testing.T) {
	w := newCaseWorld(t)
	w.fix.Parent(w.child.ID)
	w.a.do(w.admin, `mutation($c: ID!, $p: ID!) { submitApplication(input: {childId: $c, projectId: $p, submittedOn: "2021-03-01"}) {
		application { id } } }`, map[string]any{"c": gid("Child", w.child.ID), "p": gid("Project", w.project.ID)})
	const childFields = `id personalCode firstName lastName birthDate birthYear parents { parent { id } }`
	r := w.a.do(w.analyst, `query($id: ID!, $m: ID!) {
		node(id: $id) { ... on Child { `+childFields+` } }
		children(filter: {municipalityId: $m}) { edges { node { `+childFields+` } } }
		applications(filter: {childId: $id}) { edges { node { applicant { id } child { `+childFields+` } } } } }`,
		map[string]any{"id": gid("Child", w.child.ID), "m": gid("Municipality", w.liepaja)})
	var data struct {
		Node     json.RawMessage
		Children struct {
			Edges []struct{ Node json.RawMessage }
		}
		// Applications' applicant must be null for the analyst too.
		Applications struct {
			Edges []struct {
				Node struct {
					Applicant *struct{ ID string }
					Child     json.RawMessage
				}
			}
		}
	}
	r.decode(t, &data)
	seen := []json.RawMessage{data.Node}
	for _, e := range data.Children.Edges {
		seen = append(seen, e.Node)
	}
	for _, e := range data.Applications.Edges {
		seen = append(seen, e.Node.Child)
		if e.Node.Applicant != nil {
			t.Errorf("the analyst sees the applicant %s", e.Node.Applicant.ID)
		}
	}
	if len(seen) < 3 {
		t.Fatalf("the analyst saw %d records of the child, want at least 3", len(seen))
	}
	for _, raw := range seen {
		var c struct {
			ID                                string
			PersonalCode, FirstName, LastName *string
			BirthDate                         *string
			BirthYear                         int
			Parents                           []any
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		if c.PersonalCode != nil || c.FirstName != nil || c.LastName != nil || c.BirthDate != nil || len(c.Parents) > 0 {
			t.Errorf("the analyst sees personal data: %s", raw)
		}
		if c.ID != gid("Child", w.child.ID) || c.BirthYear != 2015 {
			t.Errorf("the analyst's pseudonymous record: %s, want the id and birth year 2015", raw)
		}
	}
	if strings.Contains(string(r.Data), w.child.LastName) || strings.Contains(string(r.Data), string(w.child.PersonalCode)) {
		t.Errorf("the response holds the child's name or code: %s", r.Data)
	}

	// Searching by personal data would re-identify the pseudonyms.
	searches := []struct {
		name, query string
		vars        map[string]any
	}{
		{"children by name", `query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }`, map[string]any{"s": w.child.LastName}},
		{"children by personal code", `query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }`,
			map[string]any{"s": string(w.child.PersonalCode)}},
		{"possible duplicates by code", `query($s: String) { possibleDuplicateChildren(input: {personalCode: $s}) { id } }`,
			map[string]any{"s": string(w.child.PersonalCode)}},
		{"possible duplicates by birth date and name", `query($l: String) { possibleDuplicateChildren(input: {birthDate: "2015-05-05", lastName: $l}) { id } }`,
			map[string]any{"l": w.child.LastName}},
	}
	for _, s := range searches {
		t.Run("search "+s.name, func(t *testing.T) {
			r := w.a.do(w.analyst, s.query, s.vars)
			wantError(t, r, "FORBIDDEN", "")
			if strings.Contains(string(r.Data), gid("Child", w.child.ID)) {
				t.Errorf("the search found the child: %s", r.Data)
			}
		})
	}
}

// TestChildrenPlanStatusFilter: children(filter: {planStatus}) goes by the plan's current
// revision, as supportPlans(filter: {status}) does; superseded and pending revisions do not
// count.
func TestChildrenPlanStatusFilter(t *testing.T) {
	w := newCaseWorld(t)
	r1 := w.planIn(t, "ACTIVE")
	r2 := w.stepOK(t, w.worker, "revisePlan", r1, nil)
	r2 = w.stepOK(t, w.worker, "submitPlan", r2, nil)
	r2 = w.stepOK(t, w.coordinator, "approvePlan", r2, nil) // revision 1 SUPERSEDED, 2 ACTIVE
	r3 := w.stepOK(t, w.worker, "revisePlan", r2, nil)
	w.stepOK(t, w.worker, "submitPlan", r3, nil) // revision 3 SUBMITTED, pending
	id := gid("Child", w.child.ID)
	for _, tc := range []struct {
		status string
		found  bool
	}{{"ACTIVE", true}, {"SUPERSEDED", false}, {"SUBMITTED", false}, {"DRAFT", false}, {"APPROVED", false}} {
		t.Run(tc.status, func(t *testing.T) {
			var data struct {
				Children struct {
					Edges []struct{ Node struct{ ID string } }
				}
				SupportPlans struct{ TotalCount int }
			}
			w.a.do(w.worker, `query($s: PlanStatus, $c: ID) { children(filter: {planStatus: $s}) { edges { node { id } } }
				supportPlans(filter: {status: $s, childId: $c}) { totalCount } }`, map[string]any{"s": tc.status, "c": id}).decode(t, &data)
			found := slices.ContainsFunc(data.Children.Edges, func(e struct{ Node struct{ ID string } }) bool { return e.Node.ID == id })
			if found != tc.found || (data.SupportPlans.TotalCount > 0) != tc.found {
				t.Errorf("children found: %v, plans: %d; want found %v", found, data.SupportPlans.TotalCount, tc.found)
			}
		})
	}
}

// TestUnlinkedParent: a parent whose last link is removed stays on record: an ADMIN still
// finds them and can link them again; a worker, whose scope goes through children, does not.
func TestUnlinkedParent(t *testing.T) {
	w := newCaseWorld(t)
	p := w.fix.Parent(w.child.ID)
	pid := gid("Parent", p.ID)
	r := w.a.do(w.worker, `mutation($c: ID!, $p: ID!) { unlinkParent(input: {childId: $c, parentId: $p}) { child { parents { parent { id } } } } }`,
		map[string]any{"c": gid("Child", w.child.ID), "p": pid})
	if r.code() != "" || strings.Contains(string(r.Data), pid) {
		t.Fatalf("unlink: %s %s", r.code(), r.Data)
	}
	node := `query($id: ID!) { node(id: $id) { id } }`
	if r := w.a.do(w.admin, node, map[string]any{"id": pid}); !strings.Contains(string(r.Data), pid) {
		t.Errorf("the admin cannot find the unlinked parent: %s %s", r.code(), r.Data)
	}
	if r := w.a.do(w.worker, node, map[string]any{"id": pid}); strings.Contains(string(r.Data), pid) {
		t.Errorf("the worker still sees the parent of no child of theirs: %s", r.Data)
	}
	r = w.a.do(w.admin, `mutation($c: ID!, $p: ID!) { linkParent(input: {childId: $c, parentId: $p, relation: MOTHER, legalRepresentative: true}) { child { id } } }`,
		map[string]any{"c": gid("Child", w.child.ID), "p": pid})
	if r.code() != "" {
		t.Errorf("the admin cannot link the parent again: %s", r.code())
	}
}

// TestChildCursors: an analyst's cursors carry no names and the order is by id, so that
// neither the order nor a hand-made cursor tells a name; every page of a municipality's
// children reports the same total.
func TestChildCursors(t *testing.T) {
	w := newCaseWorld(t)
	for range 3 {
		w.fix.Child(w.liepaja, nil)
	}
	var data struct {
		Children struct {
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
		}
	}
	r := w.a.do(w.analyst, `{ children(first: 10) { edges { cursor node { id } } } }`, nil)
	if err := json.Unmarshal(r.Data, &data); err != nil || r.code() != "" {
		t.Fatalf("%s %v", r.code(), err)
	}
	for _, e := range data.Children.Edges {
		raw, _ := base64.RawURLEncoding.DecodeString(e.Cursor)
		if strings.Contains(string(raw), `"l"`) || strings.Contains(string(raw), `"f"`) {
			t.Errorf("the analyst's cursor %s carries a name", raw)
		}
	}
	// A cursor made by hand with a name is read by id alone.
	forged := base64.RawURLEncoding.EncodeToString([]byte(`{"l":"Zzz","f":"Zzz","i":0}`))
	r = w.a.do(w.analyst, `query($a: String) { children(first: 10, after: $a) { edges { node { id } } } }`, map[string]any{"a": forged})
	if err := json.Unmarshal(r.Data, &data); err != nil || len(data.Children.Edges) < 4 {
		t.Errorf("a name in the analyst's cursor changed the page: %d children", len(data.Children.Edges))
	}

	q := `query($m: ID!, $a: String) { node(id: $m) { ... on Municipality { children(first: 2, after: $a) {
		totalCount pageInfo { hasNextPage endCursor } } } } }`
	var after any
	for page := 1; ; page++ {
		var m struct {
			Node struct {
				Children struct {
					TotalCount int
					PageInfo   struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		r := w.a.do(w.worker, q, map[string]any{"m": gid("Municipality", w.liepaja), "a": after})
		if err := json.Unmarshal(r.Data, &m); err != nil || r.code() != "" {
			t.Fatalf("page %d: %s %v", page, r.code(), err)
		}
		if m.Node.Children.TotalCount != 4 {
			t.Errorf("page %d: totalCount %d, want 4", page, m.Node.Children.TotalCount)
		}
		if !m.Node.Children.PageInfo.HasNextPage || page > 3 {
			break
		}
		after = m.Node.Children.PageInfo.EndCursor
	}
}

// TestCaseAuditScope: a coordinator reads the audit rows of the case records they see (the
// partner municipalities of the projects their region leads, wherever those lie), and not
// those of a child of their region that only another region's project serves.
func TestCaseAuditScope(t *testing.T) {
	w := newCaseWorld(t)
	latgale := w.a.regionID(domain.RegionLatgale)
	latgaleUser := w.a.createUser("coordinator.latgale@cases.example", domain.UserScope{Role: domain.RoleRegionCoordinator, RegionID: &latgale})
	var latgaleCoordinator caller
	latgaleCoordinator.token, _ = w.a.token(latgaleUser)
	// A Kurzeme-led project with a Latgale partner, Rēzeknes novads, and a child there.
	w.fix.Project(domain.RegionKurzeme, w.rezekne)
	child := w.fix.Child(w.rezekne, nil)
	id := gid("Child", child.ID)
	node := `query($id: ID!) { node(id: $id) { id } }`
	if r := w.a.do(w.coordinator, node, map[string]any{"id": id}); !strings.Contains(string(r.Data), id) {
		t.Fatalf("the Kurzeme coordinator does not see the child of its project's partner: %s", r.Data)
	}
	if r := w.a.do(latgaleCoordinator, node, map[string]any{"id": id}); strings.Contains(string(r.Data), id) {
		t.Fatalf("the Latgale coordinator sees a child that no Latgale project serves: %s", r.Data)
	}
	events := `query($id: ID!) { auditEvents(filter: {entityId: $id}) { edges { node { action after } } } }`
	var data struct {
		AuditEvents struct {
			Edges []struct{ Node struct{ Action string } }
		}
	}
	r := w.a.do(w.coordinator, events, map[string]any{"id": id})
	if err := json.Unmarshal(r.Data, &data); err != nil || r.code() != "" {
		t.Fatalf("%s %v", r.code(), err)
	}
	actions := map[string]bool{}
	for _, e := range data.AuditEvents.Edges {
		actions[e.Node.Action] = true
	}
	if !actions["CREATE"] || !actions["READ"] {
		t.Errorf("the Kurzeme coordinator's audit rows of the child: %v, want its CREATE and READ", actions)
	}
	if r := w.a.do(latgaleCoordinator, events, map[string]any{"id": id}); strings.Contains(string(r.Data), "personalCode") ||
		strings.Contains(string(r.Data), "CREATE") {
		t.Errorf("the Latgale coordinator reads the audit rows of a child it may not see: %s", r.Data)
	}
}
