package server

import (
	"context"
	"fmt"
	"time"

	"atbalsts/domain"
	"atbalsts/service"
)

// Fixtures of the case registry, written as an ADMIN through the services where they exist
// (as the demo loader does): projects, children, parents, applications, assessments and plans
// in the state a test needs.
// Every helper fails the test on an error.

// caseFix writes case records as an ADMIN (plan approvals record their approver).
type caseFix struct {
	a       *testAPI
	svc     *service.Service
	ctx     context.Context
	all     domain.CaseScope
	n       int
	service map[string]*domain.ServiceType // the catalogue by code
}

func newCaseFix(a *testAPI, admin *domain.User) *caseFix {
	a.t.Helper()
	f := &caseFix{a: a, svc: service.New(a.s, nil), ctx: domain.WithActor(fixtureCtx(), domain.ActorOf(admin, domain.AuthToken, 0)),
		all: domain.CaseScope{All: true}, service: map[string]*domain.ServiceType{}}
	sts, err := a.s.ServiceTypes(context.Background())
	f.check(err)
	for i := range sts {
		f.service[sts[i].Code] = &sts[i]
	}
	return f
}

func (f *caseFix) check(err error) {
	f.a.t.Helper()
	if err != nil {
		f.a.t.Fatalf("fixture: %v", err)
	}
}

func yes[T any](T) error { return nil }

func day(s string) time.Time {
	t, err := time.Parse(domain.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ptr[T any](v T) *T { return &v }

// next is a number unique within the fixture.
func (f *caseFix) next() int { f.n++; return f.n }

// code returns a fresh personal code of the 2017 format (no birth date in it).
func (f *caseFix) code() string { return fmt.Sprintf("32%04d-%05d", 0, f.next()) }

// project creates a project running 2020-2030 led by the region with the partners.
func (f *caseFix) project(lead domain.RegionCode, partners ...int) *domain.Project {
	f.a.t.Helper()
	return f.projectRunning(lead, "2020-01-01", "2030-12-31", partners...)
}

// projectRunning creates a project running from start to end.
func (f *caseFix) projectRunning(lead domain.RegionCode, start, end string, partners ...int) *domain.Project {
	f.a.t.Helper()
	np := domain.NewProject{Project: domain.Project{Code: fmt.Sprintf("TEST/%d", f.next()), Name: "Testa projekts",
		LeadRegionID: f.a.regionID(lead), StartDate: day(start), EndDate: day(end), TotalBudget: 100000000,
		FundingSources:         []domain.FundingSource{{Code: domain.FundESF, ShareBP: 8500}, {Code: domain.FundState, ShareBP: 1500}},
		PartnerMunicipalityIDs: partners}}
	f.check(np.Validate())
	p, err := f.svc.Projects.Create(f.ctx, np)
	f.check(err)
	return p
}

// childData is a valid child declared in the municipality, disabled since 2020.
func (f *caseFix) childData(municipalityID int) domain.ChildData {
	return domain.ChildData{PersonalCode: f.code(), FirstName: "Anna", LastName: fmt.Sprintf("Testa-%d", f.n), BirthDate: day("2015-05-05"),
		Sex: "FEMALE", MunicipalityID: municipalityID, LivingArrangement: domain.LivingFamily, DisabilityFrom: ptr(day("2020-01-01")),
		Impairments: []domain.ImpairmentKind{"MOBILITY"}}
}

// child registers a child; change adjusts the data first.
func (f *caseFix) child(municipalityID int, change func(*domain.ChildData)) *domain.Child {
	f.a.t.Helper()
	d := f.childData(municipalityID)
	if change != nil {
		change(&d)
	}
	c, err := f.svc.Children.Create(f.ctx, d)
	f.check(err)
	return c
}

// parent registers a parent of the child.
func (f *caseFix) parent(childID int) *domain.Parent {
	f.a.t.Helper()
	p, _, err := f.svc.Parents.Create(f.ctx, domain.ParentLink{ChildID: childID, Relation: "MOTHER", LegalRepresentative: true},
		domain.ParentData{FirstName: "Ilze", LastName: fmt.Sprintf("Vecāka-%d", f.next())})
	f.check(err)
	return p
}

// application submits an application of the child to the project.
func (f *caseFix) application(childID, projectID int) *domain.Application {
	f.a.t.Helper()
	app, err := f.svc.Applications.Submit(f.ctx, domain.Application{ChildID: childID, ProjectID: projectID,
		SubmittedOn: day("2021-01-04")})
	f.check(err)
	return app
}

// enrol submits and accepts an application of the child to the project.
func (f *caseFix) enrol(childID, projectID int) *domain.Application {
	f.a.t.Helper()
	app := f.application(childID, projectID)
	app, err := f.svc.Applications.Decide(f.ctx, app.ID, app.Version, domain.AppAccepted, nil)
	f.check(err)
	return app
}

// assessment schedules an assessment of the child by the provider; with findings, records a
// finding; complete completes it too.
func (f *caseFix) assessment(childID, providerID int, findings, complete bool) *domain.Assessment {
	f.a.t.Helper()
	team := []domain.TeamMember{{Name: "Dace Ozola", Specialty: "PHYSIOTHERAPIST"}}
	as, err := f.svc.Assessments.Schedule(f.ctx, childID, providerID, day("2021-02-01"), team)
	f.check(err)
	if findings || complete {
		rec := domain.AssessmentRecord{Team: team, Findings: []domain.Finding{{Area: "MOBILITY", Qualifier: 3, Note: "walks with support"}},
			Recommendations: []domain.Recommendation{{ServiceTypeID: f.service["PHYSIOTHERAPY"].ID, Recipient: "CHILD", Units: 20}}}
		as, err = f.svc.Assessments.Record(f.ctx, as.ID, as.Version, rec)
		f.check(err)
	}
	if complete {
		as, err = f.svc.Assessments.Complete(f.ctx, as.ID, as.Version, day("2021-02-01"))
		f.check(err)
	}
	return as
}

// draft is a plan draft for 2026 with one goal and one line of 10 physiotherapy sessions by
// the provider (0: none), with a budget of 1000 EUR.
func (f *caseFix) draft(providerID int) domain.DraftContent {
	line := domain.DraftLine{ServiceTypeID: f.service["PHYSIOTHERAPY"].ID, Recipient: "CHILD", PlannedUnits: 10}
	if providerID != 0 {
		line.ProviderID = &providerID
	}
	return domain.DraftContent{ValidFrom: day("2026-01-01"), ValidTo: day("2026-12-31"), Budget: 100000,
		Goals: []domain.PlanGoal{{Text: "Staigāt patstāvīgi", Indicator: "10 m bez atbalsta", Status: "NOT_STARTED"}},
		Lines: []domain.DraftLine{line}}
}

// plan creates a plan from a completed assessment of a child enrolled in the project, with
// the draft content of draft(providerID), and takes it to status (DRAFT, SUBMITTED, APPROVED,
// ACTIVE or CLOSED). It returns the first revision.
func (f *caseFix) plan(assessmentID, projectID, providerID int, status domain.PlanStatus) *domain.PlanRevision {
	f.a.t.Helper()
	rev, err := f.svc.Plans.Create(f.ctx, domain.NewPlan{AssessmentID: assessmentID, ProjectID: projectID, Kind: "SOCIAL_REHABILITATION",
		ValidFrom: day("2026-01-01"), ValidTo: day("2026-12-31"), Budget: 100000})
	f.check(err)
	rev, err = f.svc.Plans.UpdateDraft(f.ctx, rev.ID, rev.Version, f.draft(providerID))
	f.check(err)
	steps := map[domain.PlanStatus][]domain.PlanStep{
		domain.PlanDraft:     nil,
		domain.PlanSubmitted: {domain.StepSubmit},
		domain.PlanApproved:  {domain.StepSubmit, domain.StepApprove},
		domain.PlanActive:    {domain.StepSubmit, domain.StepApprove, domain.StepActivate},
		domain.PlanClosed:    {domain.StepSubmit, domain.StepApprove, domain.StepActivate, domain.StepClose},
	}
	for _, step := range steps[status] {
		rev, err = f.svc.Plans.Step(f.ctx, rev.ID, rev.Version, step, nil)
		f.check(err)
	}
	return rev
}

// revision reads a revision as it is now.
func (f *caseFix) revision(id int) *domain.PlanRevision {
	f.a.t.Helper()
	revs, errs := f.a.s.RevisionsByIDs(context.Background(), []int{id})
	if errs != nil {
		f.check(errs[0])
	}
	return revs[0]
}

// childNow reads a child as it is now.
func (f *caseFix) childNow(id int) *domain.Child {
	f.a.t.Helper()
	c, err := f.a.s.ChildInScope(context.Background(), f.all, id)
	f.check(err)
	return c
}

func dateVar(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Format(domain.DateLayout)
}

// childInput is the GraphQL ChildInput of a child's data as it is.
func childInput(c *domain.Child) map[string]any {
	imp := make([]string, len(c.Impairments))
	for i, k := range c.Impairments {
		imp[i] = string(k)
	}
	return map[string]any{"personalCode": string(c.PersonalCode), "firstName": c.FirstName, "lastName": c.LastName,
		"birthDate": c.BirthDate.Format(domain.DateLayout), "sex": string(c.Sex), "municipalityId": gid("Municipality", c.MunicipalityID),
		"livingArrangement": string(c.LivingArrangement), "disabilityFrom": dateVar(c.DisabilityFrom), "disabilityTo": dateVar(c.DisabilityTo),
		"specialCareNeedFrom": dateVar(c.SpecialCareNeedFrom), "specialCareNeedTo": dateVar(c.SpecialCareNeedTo), "impairments": imp}
}
