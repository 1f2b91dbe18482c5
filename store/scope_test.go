package store_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
)

// TestCaseScope: the SQL of every kind of domain.CaseScope lets in exactly the children it
// should, in lists (store.Children, CountChildren, store.Plans) and single reads
// (ChildInScope, PlanInScope, which answer ENOTFOUND outside). The scopes are made from users
// of each role by domain.CanReadCases, as a request makes them; each is tried against the same
// children, seeded to sit just inside or just outside some scope.
func TestCaseScope(t *testing.T) {
	t.Parallel()
	f := fixture.New(t, dbtest.Open(t))
	ctx := context.Background()

	liepaja := f.Municipality("Liepāja").ID       // Kurzeme; partner of Kurzeme's project
	ventspils := f.Municipality("Ventspils").ID   // Kurzeme, but partner only of Latgale's project
	daugavpils := f.Municipality("Daugavpils").ID // Latgale, but partner only of Kurzeme's project
	jurmala := f.Municipality("Jūrmala").ID       // Rīga; partner of no project
	ledByKurzeme := f.Project(domain.RegionKurzeme, liepaja, daugavpils)
	ledByLatgale := f.Project(domain.RegionLatgale, ventspils)
	p, q := f.Provider().ID, f.Provider().ID

	// The children, by what sets each apart. "assessed by" is the assessor; "line of" the
	// provider named on the plan's line.
	children := map[string]*domain.Child{}
	plans := map[string]int{} // child -> its plan
	addCase := func(name string, project *domain.Project, m, assessor, provider int, status domain.PlanStatus) fixture.Case {
		c := f.Case(project.ID, m, assessor, provider, status)
		children[name], plans[name] = c.Child, c.Plan.PlanID
		return c
	}
	addCase("activeP", ledByKurzeme, liepaja, p, p, domain.PlanActive)                   // assessed by P, active line of P
	addCase("approvedP", ledByKurzeme, daugavpils, q, p, domain.PlanApproved)            // approved line of P
	addCase("draftP", ledByLatgale, ventspils, q, p, domain.PlanDraft)                   // a draft line of P only
	addCase("submittedP", ledByLatgale, ventspils, q, p, domain.PlanSubmitted)           // a submitted line of P only
	addCase("closedP", ledByKurzeme, daugavpils, q, p, domain.PlanClosed)                // a closed line of P only
	addCase("activeQ", ledByKurzeme, daugavpils, q, q, domain.PlanActive)                // active line of Q
	addCase("noProvider", ledByKurzeme, liepaja, q, 0, domain.PlanActive)                // an active line of no provider
	superseded := addCase("supersededP", ledByKurzeme, liepaja, q, p, domain.PlanActive) // P's line replaced by Q's
	pending := addCase("pendingQ", ledByKurzeme, liepaja, q, p, domain.PlanActive)       // P active, Q only in a submitted revision
	for _, c := range []fixture.Case{superseded, pending} {
		rev := f.Step(c.Plan, domain.StepRevise)
		rev, err := f.Svc.Plans.UpdateDraft(f.Ctx, rev.ID, rev.Version, f.Draft(q))
		if err != nil {
			t.Fatal(err)
		}
		rev = f.Step(rev, domain.StepSubmit)
		if c.Child == superseded.Child {
			f.Step(rev, domain.StepApprove)
		}
	}
	if got := f.Revision(superseded.Plan.ID).Status; got != domain.PlanSuperseded {
		t.Fatalf("the first revision of supersededP is %s, want SUPERSEDED", got)
	}
	scheduled := f.Child(liepaja, nil) // assessed by P, not yet completed, no plan
	f.Assessment(scheduled.ID, p, false, false)
	children["scheduledP"] = scheduled
	children["outside"] = f.Child(jurmala, nil) // in no project, never assessed

	every := slices.Sorted(maps.Keys(children))
	for _, tc := range []struct {
		name  string
		scope domain.CaseScope
		want  []string
	}{
		{"Admin", f.Scope(f.User(domain.RoleAdmin)), every},
		{"Analyst", f.Scope(f.User(domain.RoleMinistryAnalyst)), every},
		{"WorkerOfOne", f.Scope(f.User(domain.RoleMunicipalityWorker, liepaja)),
			[]string{"activeP", "noProvider", "pendingQ", "scheduledP", "supersededP"}},
		{"WorkerOfTwo", f.Scope(f.User(domain.RoleMunicipalityWorker, daugavpils, jurmala)),
			[]string{"activeQ", "approvedP", "closedP", "outside"}},
		// A coordinator sees the partners of the projects their region leads, wherever the
		// partner lies, and not the rest of their own region.
		{"CoordinatorKurzeme", f.Scope(f.User(domain.RoleRegionCoordinator, f.Region(domain.RegionKurzeme))),
			[]string{"activeP", "activeQ", "approvedP", "closedP", "noProvider", "pendingQ", "scheduledP", "supersededP"}},
		{"CoordinatorLatgale", f.Scope(f.User(domain.RoleRegionCoordinator, f.Region(domain.RegionLatgale))),
			[]string{"draftP", "submittedP"}},
		{"CoordinatorLeadingNothing", f.Scope(f.User(domain.RoleRegionCoordinator, f.Region(domain.RegionRiga))), nil},
		// An assessor sees whom their provider assesses, completed or not.
		{"AssessorP", f.Scope(f.User(domain.RoleAssessor, p)), []string{"activeP", "scheduledP"}},
		{"AssessorQ", f.Scope(f.User(domain.RoleAssessor, q)),
			[]string{"activeQ", "approvedP", "closedP", "draftP", "noProvider", "pendingQ", "submittedP", "supersededP"}},
		// A specialist sees the children with a line of their provider in force: approved or
		// active, not drafted, submitted, closed or superseded.
		{"SpecialistP", f.Scope(f.User(domain.RoleProviderSpecialist, p)), []string{"activeP", "approvedP", "pendingQ"}},
		{"SpecialistQ", f.Scope(f.User(domain.RoleProviderSpecialist, q)), []string{"activeQ", "supersededP"}},
		{"Empty", domain.CaseScope{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			inside := map[int]bool{}
			var wantChildren, wantPlans []int
			for _, name := range tc.want {
				c := children[name]
				inside[c.ID] = true
				wantChildren = append(wantChildren, c.ID)
				if id, ok := plans[name]; ok {
					wantPlans = append(wantPlans, id)
				}
			}
			slices.Sort(wantChildren)
			slices.Sort(wantPlans)

			list, more, err := f.Store.Children(ctx, domain.ChildFilter{Scope: tc.scope}, nil, 100)
			if err != nil || more {
				t.Fatalf("children: more %v, %v", more, err)
			}
			if got := slices.Sorted(slices.Values(idsOf(list, func(c domain.Child) int { return c.ID }))); !slices.Equal(got, wantChildren) {
				t.Errorf("children %v\nwant     %v (%v)", got, wantChildren, tc.want)
			}
			if n, err := f.Store.CountChildren(ctx, domain.ChildFilter{Scope: tc.scope}); err != nil || n != len(wantChildren) {
				t.Errorf("count children %d, %v; want %d", n, err, len(wantChildren))
			}
			planList, more, err := f.Store.Plans(ctx, domain.SupportPlanFilter{Scope: tc.scope}, nil, 100)
			if err != nil || more {
				t.Fatalf("plans: more %v, %v", more, err)
			}
			if got := slices.Sorted(slices.Values(idsOf(planList, func(p domain.SupportPlan) int { return p.ID }))); !slices.Equal(got, wantPlans) {
				t.Errorf("plans %v\nwant  %v", got, wantPlans)
			}
			if n, err := f.Store.CountPlans(ctx, domain.SupportPlanFilter{Scope: tc.scope}); err != nil || n != len(wantPlans) {
				t.Errorf("count plans %d, %v; want %d", n, err, len(wantPlans))
			}

			for _, name := range every {
				c := children[name]
				got, err := f.Store.ChildInScope(ctx, tc.scope, c.ID)
				switch {
				case inside[c.ID] && (err != nil || got.ID != c.ID):
					t.Errorf("ChildInScope(%s): %v, want the child", name, err)
				case !inside[c.ID] && domain.ErrorCode(err) != domain.ENOTFOUND:
					t.Errorf("ChildInScope(%s) = %v, %v; want %s", name, got, err, domain.ENOTFOUND)
				}
				id, ok := plans[name]
				if !ok {
					continue
				}
				plan, err := f.Store.PlanInScope(ctx, tc.scope, id)
				switch {
				case inside[c.ID] && (err != nil || plan.ID != id):
					t.Errorf("PlanInScope(plan of %s): %v, want the plan", name, err)
				case !inside[c.ID] && domain.ErrorCode(err) != domain.ENOTFOUND:
					t.Errorf("PlanInScope(plan of %s) = %v, %v; want %s", name, plan, err, domain.ENOTFOUND)
				}
			}
		})
	}
}
