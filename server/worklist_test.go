package server

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// Issue 14 through the API: the worklist per role, dated plan decisions, project amendments
// and the children list's order (see cases_test.go for the case world).

type worklistData struct {
	Worklist struct {
		Today string
		Items []struct {
			Kind    string
			Count   int
			Entries []struct {
				Child        *struct{ ID, FirstName string }
				PlanRevision *struct{ ID string }
				Application  *struct{ ID string }
				Assessment   *struct{ ID string }
				Claim        *struct{ ID string }
				Due          *string
				Amount       *int
			}
		}
	}
}

const worklistQuery = `{ worklist { today items { kind count entries { child { id firstName } planRevision { id } application { id }
	assessment { id } claim { id } due amount } } } }`

func worklistOf(t *testing.T, w *caseWorld, c caller) worklistData {
	t.Helper()
	var d worklistData
	w.a.do(c, worklistQuery, nil).decode(t, &d)
	return d
}

// kinds lists the kinds with their counts, as "KIND=n".
func (d worklistData) kinds() []string {
	var out []string
	for _, it := range d.Worklist.Items {
		out = append(out, fmt.Sprintf("%s=%d", it.Kind, it.Count))
	}
	return out
}

func TestWorklistPerRole(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	// An application to decide (Liepāja), a plan submitted for approval, a scheduled assessment
	// of p1, and a Rēzekne application the Liepāja worker must not see.
	waiting := w.fix.Application(w.fix.Child(w.liepaja, nil).ID, w.project.ID)
	rev := w.fix.Plan(w.assessment.ID, w.project.ID, w.p1.ID, domain.PlanSubmitted)
	other := w.fix.Project(domain.RegionKurzeme, w.rezekne)
	w.fix.Application(w.fix.Child(w.rezekne, nil).ID, other.ID)
	scheduled := w.fix.Assessment(w.fix.Child(w.liepaja, nil).ID, w.p1.ID, false, false)
	w.fix.Assessment(w.fix.Child(w.liepaja, nil).ID, w.p2.ID, false, false)

	worker := worklistOf(t, w, w.worker)
	if want := []string{"APPLICATIONS_TO_DECIDE=1", "APPLICATIONS_AWAITING_ASSESSMENT=0", "ASSESSMENTS_TO_RECORD=2", "PLANS_RETURNED=0",
		"PLANS_TO_ACTIVATE=0", "DELIVERIES_TO_VERIFY=0", "PLANS_ENDING=0", "OPINIONS_EXPIRING=0", "CHILDREN_NEAR_CAP=0"}; !slices.Equal(worker.kinds(), want) {
		t.Errorf("worker's worklist %v, want %v", worker.kinds(), want)
	}
	if got := worker.Worklist.Items[0].Entries[0].Application.ID; got != gid("Application", waiting.ID) {
		t.Errorf("worker's application to decide %s, want %s", got, gid("Application", waiting.ID))
	}
	if worker.Worklist.Today != domain.Today(time.Now()).Format(domain.DateLayout) {
		t.Errorf("today %s", worker.Worklist.Today)
	}

	coordinator := worklistOf(t, w, w.coordinator)
	if want := []string{"PLANS_TO_APPROVE=1", "CLAIMS_TO_DECIDE=0", "CLAIMS_TO_PAY=0"}; !slices.Equal(coordinator.kinds(), want) {
		t.Errorf("coordinator's worklist %v, want %v", coordinator.kinds(), want)
	}
	e := coordinator.Worklist.Items[0].Entries[0]
	if e.PlanRevision == nil || e.PlanRevision.ID != gid("PlanRevision", rev.ID) || e.Child == nil || e.Child.FirstName != "Anna" {
		t.Errorf("coordinator's plan to approve %+v, want revision %d of the child", e, rev.ID)
	}

	// The assessor of p1 sees p1's scheduled assessment only.
	assessorUser := w.a.createUser("assessor@worklist.example", domain.UserScope{Role: domain.RoleAssessor, ProviderID: &w.p1.ID})
	var assessor caller
	assessor.token, _ = w.a.token(assessorUser)
	as := worklistOf(t, w, assessor)
	if want := []string{"ASSESSMENTS_TO_RECORD=1"}; !slices.Equal(as.kinds(), want) {
		t.Errorf("assessor's worklist %v, want %v", as.kinds(), want)
	} else if got := as.Worklist.Items[0].Entries[0].Assessment.ID; got != gid("Assessment", scheduled.ID) {
		t.Errorf("assessor's assessment %s, want %s", got, gid("Assessment", scheduled.ID))
	}

	// An analyst has no work here, and an admin sees every kind, Rēzekne's application too.
	if a := worklistOf(t, w, w.analyst); len(a.Worklist.Items) != 0 {
		t.Errorf("analyst's worklist %v, want none", a.kinds())
	}
	admin := worklistOf(t, w, w.admin)
	if len(admin.Worklist.Items) != 12 || admin.Worklist.Items[0].Count != 2 {
		t.Errorf("admin's worklist %v, want 12 kinds and 2 applications to decide", admin.kinds())
	}
}

func TestWorklistDeliveriesPlansAndCaps(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	rev := w.fix.Plan(w.assessment.ID, w.project.ID, w.p1.ID, domain.PlanActive)
	// Two sessions recorded (waiting for verification) on the plan's line.
	for _, day := range []string{"2026-03-02", "2026-03-03"} {
		if _, err := w.fix.Svc.Deliveries.Record(w.fix.Ctx, nil, domain.DeliveryInput{PlanID: rev.PlanID, LineKey: rev.Lines[0].Key,
			Date: fixture.Day(day), Units: 1, SpecialistName: "Daina Fizioterapeite"}); err != nil {
			t.Fatal(err)
		}
	}
	d := worklistOf(t, w, w.worker)
	byKind := map[string]int{}
	for i, it := range d.Worklist.Items {
		byKind[it.Kind] = i
	}
	verify := d.Worklist.Items[byKind["DELIVERIES_TO_VERIFY"]]
	if verify.Count != 1 || *verify.Entries[0].Amount != 2 || *verify.Entries[0].Due != "2026-03-02" {
		t.Errorf("deliveries to verify %+v, want the child with 2 from 2026-03-02", verify)
	}
	// The fixture's plan ends on 2026-12-31: it is "ending" within the 30 days before.
	ending := d.Worklist.Items[byKind["PLANS_ENDING"]]
	end := fixture.Day("2026-12-31")
	today := domain.Today(time.Now())
	want := 0
	if !today.After(end) && today.AddDate(0, 0, domain.PlansEndingWithinDays).After(end.AddDate(0, 0, -1)) {
		want = 1
	}
	if ending.Count != want {
		t.Errorf("plans ending %d, want %d (today %s)", ending.Count, want, today.Format(domain.DateLayout))
	}
	// The project's cap is 100 sessions: 2 of them is not near it; a cap of 2 is.
	if near := d.Worklist.Items[byKind["CHILDREN_NEAR_CAP"]]; near.Count != 0 {
		t.Errorf("children near the cap %d, want 0", near.Count)
	}
	r := w.a.do(w.admin, `mutation($p: ID!, $v: Int!) { amendProject(input: {projectId: $p, version: $v, reason: "Grozījumi Nr. 1",
		addCapRules: [{kind: CHILD_SESSIONS, validFrom: "2026-01-01", limit: 2}]}) { project { version } } }`,
		map[string]any{"p": gid("Project", w.project.ID), "v": w.project.Version})
	if r.code() != "" {
		t.Fatalf("amend: %+v", r.Errors)
	}
	d = worklistOf(t, w, w.worker)
	if near := d.Worklist.Items[byKind["CHILDREN_NEAR_CAP"]]; near.Count != 1 || *near.Entries[0].Amount != 0 {
		t.Errorf("children near the cap %+v, want the child with 0 left", near)
	}
}

func TestPlanDecisionDays(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	rev := w.fix.Plan(w.assessment.ID, w.project.ID, w.p1.ID, domain.PlanSubmitted)
	today := domain.Today(time.Now())
	step := func(c caller, mutation string, on any) gqlResponse {
		cur := w.fix.Revision(rev.ID)
		return w.a.do(c, `mutation($id: ID!, $v: Int!, $on: Date) { `+mutation+`(input: {revisionId: $id, version: $v, decidedOn: $on}) {
			revision { status approvedOn activatedOn closedOn } } }`, map[string]any{"id": gid("PlanRevision", rev.ID), "v": cur.Version, "on": on})
	}
	// Not before the submission (entered today), not in the future.
	wantError(t, step(w.coordinator, "approvePlan", today.AddDate(0, 0, -1).Format(domain.DateLayout)), "BAD_USER_INPUT", "decidedOn")
	wantError(t, step(w.coordinator, "approvePlan", today.AddDate(0, 0, 1).Format(domain.DateLayout)), "BAD_USER_INPUT", "decidedOn")
	r := step(w.coordinator, "approvePlan", today.Format(domain.DateLayout))
	if got := r.path("approvePlan", "revision", "approvedOn"); got != today.Format(domain.DateLayout) {
		t.Fatalf("approvedOn %v (%+v), want today", got, r.Errors)
	}
	r = step(w.worker, "activatePlan", nil)
	if got := r.path("activatePlan", "revision", "activatedOn"); got != today.Format(domain.DateLayout) {
		t.Fatalf("activatedOn %v (%+v), want today", got, r.Errors)
	}
	// The audit row of the approval keeps the day besides its own time.
	var n int
	if err := w.a.s.DB().Get(&n, `SELECT count(*) FROM audit_event WHERE entity_type = 'PlanRevision' AND entity_id = $1
		AND after->>'decidedOn' = $2`, rev.ID, today.Format(domain.DateLayout)); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d audit rows with the decision's day, want 2 (approval, activation)", n)
	}
}

func TestAmendProject(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	rev := w.fix.Plan(w.assessment.ID, w.project.ID, w.p1.ID, domain.PlanActive) // 2026, EUR 1000.00
	latgale := w.a.regionID(domain.RegionLatgale)
	latgaleUser := w.a.createUser("coordinator.latgale@amend.example", domain.UserScope{Role: domain.RoleRegionCoordinator, RegionID: &latgale})
	var latgaleCoordinator caller
	latgaleCoordinator.token, _ = w.a.token(latgaleUser)
	amend := func(c caller, fields string, vars map[string]any) gqlResponse {
		var p struct{ Version int }
		if err := w.a.s.DB().Get(&p, `SELECT version FROM project WHERE id = $1`, w.project.ID); err != nil {
			t.Fatal(err)
		}
		all := map[string]any{"p": gid("Project", w.project.ID), "v": p.Version}
		for k, v := range vars {
			all[k] = v
		}
		return w.a.do(c, `mutation($p: ID!, $v: Int!, $end: Date, $budget: Money, $partners: [ID!], $on: Date, $reason: String!) {
			amendProject(input: {projectId: $p, version: $v, reason: $reason, endDate: $end, totalBudget: $budget,
				partnerMunicipalityIds: $partners, decidedOn: $on`+fields+`}) {
			project { endDate totalBudget version viewerCan { manage }
				amendments { number decidedOn reason actor { id } changes { field before after } } } } }`, all)
	}
	reason := map[string]any{"reason": "Grozījumi Nr. 1"}
	with := func(kv ...any) map[string]any {
		m := map[string]any{"reason": "Grozījumi"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	// Who: not a worker, not another region's coordinator.
	wantError(t, amend(w.worker, "", with("end", "2031-12-31")), "FORBIDDEN", "")
	wantError(t, amend(latgaleCoordinator, "", with("end", "2031-12-31")), "FORBIDDEN", "")
	// What is recorded must still fit.
	wantError(t, amend(w.coordinator, "", with("end", "2026-06-30")), "BAD_USER_INPUT", "endDate")
	wantError(t, amend(w.coordinator, "", with("budget", "999.99")), "BAD_USER_INPUT", "totalBudget")
	wantError(t, amend(w.coordinator, "", with("partners", []string{gid("Municipality", w.rezekne)})), "BAD_USER_INPUT", "partnerMunicipalityIds")
	wantError(t, amend(w.coordinator, "", with("end", "2031-12-31", "on", "2099-01-01")), "BAD_USER_INPUT", "decidedOn")
	wantError(t, amend(w.coordinator, "", with("reason", " ", "end", "2031-12-31")), "BAD_USER_INPUT", "reason")
	wantError(t, amend(w.coordinator, "", reason), "BAD_USER_INPUT", "")
	// The lead region's coordinator extends the project and adds a partner.
	r := amend(w.coordinator, "", with("reason", "Grozījumi Nr. 1", "end", "2031-12-31", "on", "2026-11-20",
		"partners", []string{gid("Municipality", w.liepaja), gid("Municipality", w.rezekne)}))
	var d struct {
		AmendProject struct {
			Project struct {
				EndDate    string
				Amendments []struct {
					Number    int
					DecidedOn string
					Reason    string
					Changes   []struct {
						Field         string
						Before, After *string
					}
				}
			}
		}
	}
	r.decode(t, &d)
	p := d.AmendProject.Project
	if p.EndDate != "2031-12-31" || len(p.Amendments) != 1 || p.Amendments[0].Number != 1 || p.Amendments[0].DecidedOn != "2026-11-20" {
		t.Fatalf("amended project %+v", p)
	}
	changes := map[string][2]string{}
	for _, c := range p.Amendments[0].Changes {
		changes[c.Field] = [2]string{deref(c.Before), deref(c.After)}
	}
	if changes["endDate"] != [2]string{"2030-12-31", "2031-12-31"} || changes["partnerMunicipalities"] != [2]string{"Liepāja", "Liepāja; Rēzeknes novads"} {
		t.Errorf("changes %v", changes)
	}
	// A later amendment may not be dated before the previous one; a stale version conflicts.
	wantError(t, amend(w.coordinator, "", with("end", "2032-12-31", "on", "2026-11-19")), "BAD_USER_INPUT", "decidedOn")
	stale := w.a.do(w.coordinator, `mutation($p: ID!) { amendProject(input: {projectId: $p, version: 1, reason: "x", endDate: "2033-12-31"}) {
		project { id } } }`, map[string]any{"p": gid("Project", w.project.ID)})
	wantError(t, stale, "CONFLICT", "")
	_ = rev
}

func TestChildrenOrder(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	born := func(day string) func(*domain.ChildData) {
		return func(d *domain.ChildData) { d.BirthDate = fixture.Day(day) }
	}
	w.fix.Child(w.liepaja, born("2012-01-01"))
	w.fix.Child(w.liepaja, born("2019-01-01"))
	w.fix.Child(w.liepaja, born("2016-01-01"))
	list := func(c caller, order string) []string {
		var all []string
		var after any
		for {
			var d struct {
				Children struct {
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
					Edges []struct {
						Node struct{ ID, BirthDate string }
					}
				}
			}
			w.a.do(c, `query($after: String, $o: ChildOrder) { children(first: 2, after: $after, orderBy: $o) {
				pageInfo { hasNextPage endCursor } edges { node { id birthDate } } } }`, map[string]any{"after": after, "o": order}).decode(t, &d)
			for _, e := range d.Children.Edges {
				all = append(all, e.Node.BirthDate)
			}
			if !d.Children.PageInfo.HasNextPage {
				return all
			}
			after = d.Children.PageInfo.EndCursor
		}
	}
	if got := list(w.worker, "BIRTH_DATE_DESC"); !slices.Equal(got, []string{"2019-01-01", "2016-01-01", "2015-05-05", "2012-01-01"}) {
		t.Errorf("youngest first, in pages of 2: %v", got)
	}
	if got := list(w.worker, "BIRTH_DATE_ASC"); !slices.Equal(got, []string{"2012-01-01", "2015-05-05", "2016-01-01", "2019-01-01"}) {
		t.Errorf("oldest first, in pages of 2: %v", got)
	}
	// By name downwards: the fixture's last names Testa-N in reverse.
	asc, desc := list(w.worker, "NAME_ASC"), list(w.worker, "NAME_DESC")
	slices.Reverse(desc)
	if !slices.Equal(asc, desc) {
		t.Errorf("by name %v, reversed %v", asc, desc)
	}
}

// TestAmendProjectConcurrentDrafts: an amendment that shortens a project while plan drafts
// are saved with periods up to the old end never leaves a plan outside the project: either a
// draft is saved first and the amendment is refused, or the amendment first and the draft
// refused. Rounds start the amendment at different moments amid the drafts' transactions.
func TestAmendProjectConcurrentDrafts(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	const n = 10
	outcomes := map[string]int{}
	for round := range 6 {
		project := w.fix.Project(domain.RegionKurzeme, w.liepaja) // to 2030-12-31
		drafts := make([]*domain.PlanRevision, n)
		for i := range drafts {
			child := w.fix.Child(w.liepaja, nil)
			w.fix.Enrol(child.ID, project.ID)
			as := w.fix.Assessment(child.ID, w.p1.ID, true, true)
			drafts[i] = w.fix.Plan(as.ID, project.ID, w.p1.ID, domain.PlanDraft)
		}
		var wg sync.WaitGroup
		errs := make([]error, n+1)
		start := make(chan struct{})
		for i, rev := range drafts {
			wg.Go(func() {
				<-start
				d := w.fix.Draft(w.p1.ID)
				d.ValidTo = fixture.Day("2030-06-30") // inside the project as it was
				_, errs[i] = w.fix.Svc.Plans.UpdateDraft(w.fix.Ctx, rev.ID, rev.Version, d)
			})
		}
		wg.Go(func() {
			<-start
			time.Sleep(time.Duration(round) * time.Millisecond)
			_, errs[n] = w.fix.Svc.Projects.Amend(w.fix.Ctx, project.ID, project.Version,
				domain.Amendment{Reason: "Saīsināts", EndDate: fixture.Ptr(fixture.Day("2029-12-31"))})
		})
		close(start)
		wg.Wait()
		saved := 0
		for i, err := range errs {
			switch {
			case err == nil && i < n:
				saved++
			case err != nil && domain.ErrorCode(err) != domain.EINVALID:
				t.Errorf("write %d: %v", i, err)
			}
		}
		var end, latest time.Time
		if err := w.a.s.DB().Get(&end, `SELECT end_date FROM project WHERE id = $1`, project.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.a.s.DB().Get(&latest, `SELECT max(r.valid_to) FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id
			WHERE sp.project_id = $1`, project.ID); err != nil {
			t.Fatal(err)
		}
		if latest.After(end) {
			t.Errorf("round %d: a plan runs to %s, after the project's end %s", round, latest.Format(domain.DateLayout), end.Format(domain.DateLayout))
		}
		outcomes[fmt.Sprintf("%d saved, amended %v", saved, errs[n] == nil)]++
	}
	t.Logf("outcomes of the rounds: %v", outcomes)
}
