package server

import (
	"fmt"
	"testing"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// Support plans through the API (see cases_test.go for the case world): the workflow, optimistic
// locking, the budget rule and unit prices.

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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
