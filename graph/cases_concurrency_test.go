package graph_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
	"atbalsts/graph"
)

// TestCases_Concurrent: fifty clients at once never break a rule. They race to save the same
// draft version (exactly one wins, the others get CONFLICT and change nothing), and to accept
// fifty applications of one child to one project (exactly one child enrolment).
func TestCases_Concurrent(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	f := fixture.New(t, db)
	svc := f.Svc
	c := &client{t, as(f.Admin, graph.NewHandler(svc, nil))}
	ctx := f.Ctx // the fixtures act as their ADMIN, as the handler's caller does
	provider := f.Provider()
	// A project of Kurzeme with Liepāja as partner that ended on 2023-12-31.
	liepaja := f.Municipality("Liepāja").ID
	project := f.ProjectRunning(domain.RegionKurzeme, "2020-01-01", "2023-12-31", liepaja)
	born := time.Date(2014, 5, 5, 0, 0, 0, 0, time.UTC)
	child := f.Child(liepaja, func(d *domain.ChildData) {
		*d = domain.ChildData{PersonalCode: "329999-90001", FirstName: "Anna", LastName: "Liepa", BirthDate: born,
			Sex: "FEMALE", MunicipalityID: liepaja, LivingArrangement: domain.LivingFamily, DisabilityFrom: &born}
	})

	t.Run("FiftyAcceptancesAfterTheProjectEnded", func(t *testing.T) {
		var apps []*domain.Application
		for range 50 {
			a, err := svc.Applications.Submit(ctx, domain.Application{ChildID: child.ID, ProjectID: project.ID,
				SubmittedOn: time.Date(2021, 1, 11, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			apps = append(apps, a)
		}
		codes := race(len(apps), func(i int) response {
			return c.post(map[string]any{"query": `mutation($id: ID!, $v: Int!) { acceptApplication(input: {id: $id, version: $v}) { application { status } } }`,
				"variables": map[string]any{"id": graph.GlobalID("Application", apps[i].ID), "v": apps[i].Version}})
		})
		// The decision day is today, after the test project ended: eligibility refuses all.
		if codes[""] != 0 || codes["BAD_USER_INPUT"] != 50 {
			t.Fatalf("outcomes %v: the project does not run today", codes)
		}
	})

	t.Run("FiftyAcceptancesToARunningProject", func(t *testing.T) {
		// No service moves a project's end: the test does, so that the project runs today.
		db.MustExec(`UPDATE project SET end_date = '2099-12-31' WHERE id = $1`, project.ID)
		var apps []*domain.Application
		for range 50 {
			a, err := svc.Applications.Submit(ctx, domain.Application{ChildID: child.ID, ProjectID: project.ID,
				SubmittedOn: time.Date(2021, 1, 11, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			apps = append(apps, a)
		}
		codes := race(len(apps), func(i int) response {
			return c.post(map[string]any{"query": `mutation($id: ID!, $v: Int!) { acceptApplication(input: {id: $id, version: $v}) { application { status } } }`,
				"variables": map[string]any{"id": graph.GlobalID("Application", apps[i].ID), "v": apps[i].Version}})
		})
		if codes[""] != 1 || codes["BAD_USER_INPUT"] != 49 {
			t.Errorf("outcomes %v, want exactly one acceptance and 49 BAD_USER_INPUT", codes)
		}
		var accepted int
		db.Get(&accepted, `SELECT count(*) FROM application WHERE child_id = $1 AND status = 'ACCEPTED'`, child.ID)
		if accepted != 1 {
			t.Errorf("%d accepted applications of one child to one project, want 1", accepted)
		}
	})

	t.Run("FiftyEditorsOfOneVersion", func(t *testing.T) {
		as := f.Assessment(child.ID, provider.ID, true, true)
		rev, err := svc.Plans.Create(ctx, domain.NewPlan{AssessmentID: as.ID, ProjectID: project.ID, Kind: "SOCIAL_REHABILITATION",
			ValidFrom: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC), Budget: 100000})
		if err != nil {
			t.Fatal(err)
		}
		codes := race(50, func(i int) response {
			return c.post(map[string]any{"query": `mutation($id: ID!, $v: Int!, $units: Int!) { updatePlanDraft(input: {revisionId: $id, version: $v,
				validFrom: "2021-03-01", validTo: "2021-12-31", budget: "2000.00", goals: [{text: "Iet", indicator: "20 m", status: NOT_STARTED}],
				lines: [{serviceTypeId: "` + graph.GlobalID("ServiceType", 1) + `", recipient: CHILD, plannedUnits: $units}]}) { revision { version } } }`,
				"variables": map[string]any{"id": graph.GlobalID("PlanRevision", rev.ID), "v": rev.Version, "units": i + 1}})
		})
		if codes[""] != 1 || codes["CONFLICT"] != 49 {
			t.Errorf("outcomes %v, want one save and 49 CONFLICT", codes)
		}
		var lines, version int
		db.Get(&lines, `SELECT count(*) FROM plan_line WHERE revision_id = $1`, rev.ID)
		db.Get(&version, `SELECT version FROM plan_revision WHERE id = $1`, rev.ID)
		if lines != 1 || version != rev.Version+1 {
			t.Errorf("after the race: %d lines at version %d, want 1 line at version %d", lines, version, rev.Version+1)
		}
	})
}

// race runs n requests at once and counts their outcomes by error code ("" for success).
func race(n int, do func(i int) response) map[string]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	codes := map[string]int{}
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			r := do(i)
			code := ""
			if len(r.Errors) > 0 {
				code = fmt.Sprint(r.Errors[0].Extensions["code"])
			}
			mu.Lock()
			codes[code]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return codes
}
