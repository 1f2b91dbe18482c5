package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"atbalsts/domain"
	"atbalsts/service"
	"atbalsts/store"
)

// The demo case registry: the two projects of the sources ("Kurzeme visiem" led by Kurzeme,
// "DI Latgalē" led by Latgale) and made-up children and parents in their municipalities, with
// applications, assessments and plans in every status. Every person is invented; personal
// codes are of the 2017 format in the test range 329999-… (as the public test code
// 329999-99901), so none can belong to a real person's record by accident of a date.

// day parses a demo date.
func day(s string) time.Time {
	t, err := time.Parse(domain.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func intp(i int) *int { return &i }

// demoProjects are the two source projects. Figures the sources give are theirs: "Kurzeme
// visiem" EUR 7.70 M with 85 % ESF and 15 % state budget, its partners and targets, the child
// session cap of 40 raised to 100, 20 parent sessions; the amendments of 22 April 2022 removed
// the child session limit. Where the sources are silent (the project numbers, Latgale's
// budget, the day the cap was raised), the values are illustrative.
func demoProjects(refs references) []domain.NewProject {
	ms := func(names ...string) []int {
		ids := make([]int, len(names))
		for i, n := range names {
			ids[i] = refs.municipalities[n]
		}
		return ids
	}
	caps := func(raised bool) []domain.CapRule {
		rules := []domain.CapRule{
			{Kind: domain.CapChildSessions, ValidFrom: day("2016-01-01"), Limit: intp(40)},
			{Kind: domain.CapChildSessions, ValidFrom: day("2022-04-22"), Limit: nil},
			{Kind: domain.CapParentSessions, ValidFrom: day("2016-01-01"), Limit: intp(20)},
			{Kind: domain.CapHomeCareWeekly, ValidFrom: day("2016-01-01"), Limit: intp(50), MinAge: intp(0), MaxAge: intp(4)},
			{Kind: domain.CapHomeCareWeekly, ValidFrom: day("2016-01-01"), Limit: intp(10), MinAge: intp(5), MaxAge: intp(17)},
			{Kind: domain.CapRespiteDaysYearly, ValidFrom: day("2016-01-01"), Limit: intp(30)},
		}
		if raised {
			rules = append(rules, domain.CapRule{Kind: domain.CapChildSessions, ValidFrom: day("2020-09-01"), Limit: intp(100)})
		}
		return rules
	}
	return []domain.NewProject{
		{Project: domain.Project{Code: "9.2.2.1/15/I/002", Name: "Kurzeme visiem", LeadRegionID: refs.regions[domain.RegionKurzeme],
			StartDate: day("2015-12-01"), EndDate: day("2023-12-31"), TotalBudget: 770_000_000,
			FundingSources: []domain.FundingSource{{Code: domain.FundESF, ShareBP: 8500}, {Code: domain.FundState, ShareBP: 1500}},
			PartnerMunicipalityIDs: ms("Liepāja", "Ventspils", "Dienvidkurzemes novads", "Kuldīgas novads", "Saldus novads", "Talsu novads",
				"Tukuma novads", "Ventspils novads", "Aizkraukles novads", "Limbažu novads", "Smiltenes novads", "Jēkabpils novads"),
			Targets: []domain.ProjectTarget{{Group: "CHILDREN_ASSESSED", Count: 480}, {Group: "CHILDREN_SERVED", Count: 350},
				{Group: "CHILDREN_IN_INSTITUTIONS_ASSESSED", Count: 128}, {Group: "ADULTS_ASSESSED", Count: 482},
				{Group: "ADULTS_SERVED", Count: 297}, {Group: "ADULTS_INDEPENDENT_LIVING", Count: 35}},
			CapRules: caps(true)}},
		{Project: domain.Project{Code: "9.2.2.1/15/I/003", Name: "DI Latgalē", LeadRegionID: refs.regions[domain.RegionLatgale],
			StartDate: day("2015-12-01"), EndDate: day("2023-12-31"), TotalBudget: 600_000_000,
			FundingSources: []domain.FundingSource{{Code: domain.FundESF, ShareBP: 8600}, {Code: domain.FundState, ShareBP: 1400}},
			PartnerMunicipalityIDs: ms("Daugavpils", "Rēzekne", "Augšdaugavas novads", "Balvu novads", "Krāslavas novads", "Līvānu novads",
				"Ludzas novads", "Preiļu novads", "Rēzeknes novads"),
			Targets: []domain.ProjectTarget{{Group: "CHILDREN_ASSESSED", Count: 744}, {Group: "CHILDREN_SERVED", Count: 505},
				{Group: "CHILDREN_IN_INSTITUTIONS_ASSESSED", Count: 239}},
			CapRules: caps(false)}},
	}
}

// demoChild is a made-up child and what happens in its case.
type demoChild struct {
	first, last, sex, born, municipality string
	living                               domain.LivingArrangement
	impairments                          []domain.ImpairmentKind
	careNeed                             bool   // has a special care need opinion
	project                              int    // index into demoProjects; -1: none (application rejected)
	stage                                string // how far the case goes: see loadCase
	parent                               [2]string
}

var demoChildren = []demoChild{
	{"Elza", "Kalniņa", "FEMALE", "2012-03-14", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"MOBILITY"}, false, 0, "ACTIVE", [2]string{"Inese", "Kalniņa"}},
	{"Mārtiņš", "Ozols", "MALE", "2014-07-02", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"SPEECH_AND_LANGUAGE", "DEVELOPMENTAL"}, false, 0, "DRAFT", [2]string{"Dace", "Ozola"}},
	{"Katrīna", "Bērziņa", "FEMALE", "2011-11-20", "Liepāja", domain.LivingFosterFamily, []domain.ImpairmentKind{"INTELLECTUAL"}, false, 0, "SUBMITTED", [2]string{"Gunta", "Liepiņa"}},
	{"Roberts", "Kļaviņš", "MALE", "2016-01-09", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"BEHAVIOURAL"}, false, 0, "APPROVED", [2]string{"Ilona", "Kļaviņa"}},
	{"Anna", "Liepa", "FEMALE", "2013-05-30", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"HEARING"}, false, 0, "CLOSED", [2]string{"Sandra", "Liepa"}},
	{"Jēkabs", "Vītols", "MALE", "2018-09-12", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"MOBILITY", "INTELLECTUAL"}, true, 0, "REVISED", [2]string{"Laura", "Vītola"}},
	{"Marta", "Zariņa", "FEMALE", "2015-02-17", "Liepāja", domain.LivingGuardian, []domain.ImpairmentKind{"VISION"}, false, 0, "RETURNED", [2]string{"Valda", "Zariņa"}},
	{"Ralfs", "Krūmiņš", "MALE", "2010-12-01", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"DEVELOPMENTAL"}, false, 0, "ASSESSED", [2]string{"Ieva", "Krūmiņa"}},
	{"Paula", "Eglīte", "FEMALE", "2017-04-04", "Liepāja", domain.LivingFamily, []domain.ImpairmentKind{"SPEECH_AND_LANGUAGE"}, false, 0, "APPLIED", [2]string{"Zane", "Eglīte"}},
	{"Emīls", "Siliņš", "MALE", "2012-08-23", "Ventspils", domain.LivingFamily, []domain.ImpairmentKind{"BEHAVIOURAL"}, false, 0, "ACTIVE", [2]string{"Aija", "Siliņa"}},
	{"Sofija", "Lapiņa", "FEMALE", "2014-10-10", "Kuldīgas novads", domain.LivingFamily, []domain.ImpairmentKind{"MOBILITY"}, false, 0, "ACTIVE", [2]string{"Anita", "Lapiņa"}},
	{"Tomass", "Ābols", "MALE", "2013-06-06", "Limbažu novads", domain.LivingFamily, []domain.ImpairmentKind{"HEARING"}, false, 0, "SUBMITTED", [2]string{"Egija", "Ābola"}},
	{"Viktorija", "Ivanova", "FEMALE", "2012-01-25", "Rēzeknes novads", domain.LivingFamily, []domain.ImpairmentKind{"MOBILITY"}, true, 1, "ACTIVE", [2]string{"Olga", "Ivanova"}},
	{"Daniels", "Petrovs", "MALE", "2015-03-19", "Rēzeknes novads", domain.LivingFamily, []domain.ImpairmentKind{"DEVELOPMENTAL"}, false, 1, "ACTIVE", [2]string{"Jeļena", "Petrova"}},
	{"Alise", "Kokina", "FEMALE", "2013-09-08", "Rēzeknes novads", domain.LivingFosterFamily, []domain.ImpairmentKind{"INTELLECTUAL"}, false, 1, "SUBMITTED", [2]string{"Vija", "Kokina"}},
	{"Kristers", "Strods", "MALE", "2016-12-12", "Rēzeknes novads", domain.LivingFamily, []domain.ImpairmentKind{"SPEECH_AND_LANGUAGE"}, false, 1, "DRAFT", [2]string{"Rita", "Stroda"}},
	{"Laura", "Pauniņa", "FEMALE", "2011-04-28", "Rēzeknes novads", domain.LivingFamily, []domain.ImpairmentKind{"VISION"}, false, 1, "CLOSED", [2]string{"Ināra", "Pauniņa"}},
	{"Artūrs", "Locs", "MALE", "2014-02-14", "Daugavpils", domain.LivingInstitution, []domain.ImpairmentKind{"INTELLECTUAL", "BEHAVIOURAL"}, false, 1, "APPROVED", [2]string{"Svetlana", "Loca"}},
	{"Estere", "Vanaga", "FEMALE", "2019-06-30", "Ludzas novads", domain.LivingFamily, []domain.ImpairmentKind{"DEVELOPMENTAL"}, true, 1, "ASSESSED", [2]string{"Marina", "Vanaga"}},
	{"Kārlis", "Sproģis", "MALE", "2012-05-05", "Rīga", domain.LivingFamily, []domain.ImpairmentKind{"MOBILITY"}, false, -1, "REJECTED", [2]string{"Baiba", "Sproģe"}},
}

// loadCases adds the demo case registry to a database that has no projects yet.
func loadCases(ctx context.Context, s *store.Store, svc *service.Service, clk *clock, refs references, providerIDs map[string]int,
	today time.Time) (int, error) {
	if n, err := s.CountProjects(ctx, domain.ProjectFilter{}); err != nil || n > 0 {
		return 0, err
	}
	var projects []*domain.Project
	for _, np := range demoProjects(refs) {
		p, err := svc.Projects.Create(ctx, np)
		if err != nil {
			return 0, fmt.Errorf("demo project %s: %w", np.Name, err)
		}
		projects = append(projects, p)
	}
	piemers, tilts := providerIDs["DEMO-0001"], providerIDs["DEMO-0002"]
	types, err := s.ServiceTypes(ctx)
	if err != nil {
		return 0, err
	}
	typeID := map[string]int{}
	for _, t := range types {
		typeID[t.Code] = t.ID
	}
	prices := demoPrices(providerIDs, typeID)
	for _, p := range prices {
		if err := svc.Providers.SetPrice(ctx, p); err != nil {
			return 0, err
		}
	}
	byID := map[int]*domain.ServiceType{}
	for i := range types {
		byID[types[i].ID] = &types[i]
	}
	dl := &recorder{s: s, svc: svc, clock: clk, today: today, rng: rand.New(rand.NewPCG(2021, 1146)), types: byID, prices: prices}
	for i, dc := range demoChildren {
		child, parent, err := family(ctx, dl, i+1, dc.data(refs), dc.parent)
		if err != nil {
			return 0, fmt.Errorf("demo child %d: %w", i, err)
		}
		project := projects[max(dc.project, 0)]
		app, err := dl.svc.Applications.Submit(ctx, domain.Application{ChildID: child.ID, ProjectID: project.ID, ApplicantID: &parent.ID,
			SubmittedOn: day("2021-01-11")})
		if err != nil {
			return 0, fmt.Errorf("demo application %d: %w", i, err)
		}
		switch dc.stage {
		case "APPLIED":
			continue
		case "REJECTED":
			// Rīga is not a partner of either project: the eligibility check refuses it.
			reason := "Deklarētā dzīvesvieta nav projekta partnerpašvaldībā"
			if err := decide(ctx, dl, app, domain.AppRejected, &reason, day("2021-01-20")); err != nil {
				return 0, err
			}
			continue
		}
		if err := decide(ctx, dl, app, domain.AppAccepted, nil, day("2021-01-20")); err != nil {
			return 0, fmt.Errorf("demo acceptance %d: %w", i, err)
		}
		if err := loadCase(ctx, s, dl, child, parent.ID, project, dc, piemers, tilts, typeID, today); err != nil {
			return 0, fmt.Errorf("demo case %d: %w", i, err)
		}
	}
	// Liepāja's families of the source's figures, recorded before the work so that their
	// deliveries are verified and claimed with the others.
	if err := loadLiepaja(ctx, dl, refs, projects[0], providerIDs, typeID); err != nil {
		return 0, fmt.Errorf("demo Liepāja: %w", err)
	}
	if err := dl.work(ctx, refs.municipalities["Liepāja"], projects[0].ID); err != nil {
		return 0, fmt.Errorf("demo deliveries: %w", err)
	}
	if err := loadRezekne(ctx, s, dl, refs, projects[1], providerIDs, typeID); err != nil {
		return 0, fmt.Errorf("demo Rēzekne: %w", err)
	}
	current, err := loadToday(ctx, dl, refs, piemers, tilts, typeID)
	if err != nil {
		return 0, fmt.Errorf("demo today: %w", err)
	}
	return len(demoChildren) + liepajaChildren() + len(rezekneChildren) + current, nil
}

// demoPrices are the providers' own prices. "Piemērs" raised its physiotherapy price in 2022;
// Rēzekne's providers price canistherapy above the catalogue and raised home care by a cent
// in October 2021 (see rezekne.go: with them the sums come out as the report's).
func demoPrices(providerIDs map[string]int, typeID map[string]int) []domain.ProviderPrice {
	piemers, tilts := providerIDs["DEMO-0001"], providerIDs["DEMO-0002"]
	rehab, care := providerIDs[rezekneRehab], providerIDs[rezekneCare]
	start := day("2016-01-01")
	return []domain.ProviderPrice{
		{ProviderID: piemers, ServiceTypeID: typeID["PHYSIOTHERAPY"], UnitPrice: 2800, ValidFrom: start},
		{ProviderID: piemers, ServiceTypeID: typeID["PHYSIOTHERAPY"], UnitPrice: 3200, ValidFrom: day("2022-01-01")},
		{ProviderID: piemers, ServiceTypeID: typeID["SPEECH_THERAPY"], UnitPrice: 2900, ValidFrom: start},
		{ProviderID: tilts, ServiceTypeID: typeID["PSYCHOLOGIST"], UnitPrice: 3500, ValidFrom: start},
		{ProviderID: tilts, ServiceTypeID: typeID["HOME_CARE"], UnitPrice: 379, ValidFrom: start},
		{ProviderID: rehab, ServiceTypeID: typeID["CANISTHERAPY"], UnitPrice: 4260, ValidFrom: start},
		{ProviderID: care, ServiceTypeID: typeID["HOME_CARE"], UnitPrice: 379, ValidFrom: start},
		{ProviderID: care, ServiceTypeID: typeID["HOME_CARE"], UnitPrice: 380, ValidFrom: homeCareRise},
	}
}

func strp(s string) *string { return &s }

// data is the child's record.
func (dc demoChild) data(refs references) domain.ChildData {
	born := day(dc.born)
	d := domain.ChildData{FirstName: dc.first, LastName: dc.last, BirthDate: born, Sex: domain.Sex(dc.sex),
		MunicipalityID: refs.municipalities[dc.municipality], LivingArrangement: dc.living, DisabilityFrom: &born, Impairments: dc.impairments}
	if dc.careNeed {
		d.SpecialCareNeedFrom = &born
	}
	return d
}

// family registers a made-up child and their parent (the legal representative), on the
// day the demo loads. n numbers their personal codes in the test range: 329999-9nnnn for the
// child, 329999-8nnnn for the parent.
func family(ctx context.Context, dl *recorder, n int, d domain.ChildData, parentName [2]string) (*domain.Child, *domain.Parent, error) {
	dl.clock.set(dl.today)
	d.PersonalCode = fmt.Sprintf("329999-9%04d", n)
	child, err := dl.svc.Children.Create(ctx, d)
	if err != nil {
		return nil, nil, err
	}
	phone := fmt.Sprintf("+371 2%07d", 1000000+(n-1)*7919)
	pd := domain.ParentData{PersonalCode: strp(fmt.Sprintf("329999-8%04d", n)), FirstName: parentName[0], LastName: parentName[1], Phone: &phone}
	relation := domain.ParentRelation("MOTHER")
	switch d.LivingArrangement {
	case domain.LivingFosterFamily:
		relation = "FOSTER_PARENT"
	case domain.LivingGuardian:
		relation = "GUARDIAN"
	}
	parent, _, err := dl.svc.Parents.Create(ctx, domain.ParentLink{ChildID: child.ID, Relation: relation, LegalRepresentative: true}, pd)
	if err != nil {
		return nil, nil, fmt.Errorf("parent: %w", err)
	}
	return child, parent, nil
}

// decide decides an application on a past day (eligibility is checked on that day), then
// puts the clock back to the day the demo loads.
func decide(ctx context.Context, dl *recorder, app *domain.Application, next domain.ApplicationStatus, reason *string, on time.Time) error {
	dl.clock.set(on)
	defer dl.clock.set(dl.today)
	_, err := dl.svc.Applications.Decide(ctx, app.ID, app.Version, next, reason, nil)
	return err
}

// assess schedules the child's needs assessment by the provider's team, records it with the
// recommended services and completes it (on completed, checked on the day the demo loads).
func assess(ctx context.Context, dl *recorder, childID, provider int, scheduled, completed time.Time,
	recommended []domain.Recommendation) (*domain.Assessment, error) {
	team := []domain.TeamMember{{Name: "Ilze Izvērtētāja", Specialty: "SOCIAL_WORKER"}, {Name: "Pēteris Psihologs", Specialty: "PSYCHOLOGIST"},
		{Name: "Evita Ergoterapeite", Specialty: "OCCUPATIONAL_THERAPIST"}}
	dl.clock.set(dl.today)
	as, err := dl.svc.Assessments.Schedule(ctx, childID, provider, scheduled, team)
	if err != nil {
		return nil, err
	}
	rec := domain.AssessmentRecord{Team: team,
		Findings: []domain.Finding{
			{Area: "MOBILITY", Qualifier: 2, Note: "Pārvietojas ar atbalstu; nepieciešama fizioterapija."},
			{Area: "COMMUNICATION", Qualifier: 1, Note: "Vieglas grūtības izteikt vajadzības."},
			{Area: "SELF_CARE", Qualifier: 2, Note: "Ģērbjoties vajadzīga palīdzība."},
		},
		Recommendations: recommended}
	if as, err = dl.svc.Assessments.Record(ctx, as.ID, as.Version, rec); err != nil {
		return nil, err
	}
	return dl.svc.Assessments.Complete(ctx, as.ID, as.Version, completed)
}

// loadCase assesses the child and takes its plan as far as the stage says. An active plan gets
// its year of deliveries while it is active: a closed one before it is closed, a revised one
// partly before the revision and the rest after.
func loadCase(ctx context.Context, s *store.Store, dl *recorder, child *domain.Child, parent int, project *domain.Project, dc demoChild,
	provider, anyProvider int, typeID map[string]int, today time.Time) error {
	as, err := assess(ctx, dl, child.ID, provider, day("2021-02-01"), day("2021-02-05"), []domain.Recommendation{
		{ServiceTypeID: typeID["PHYSIOTHERAPY"], Recipient: domain.RecipientChild, Units: 20},
		{ServiceTypeID: typeID["SPEECH_THERAPY"], Recipient: domain.RecipientChild, Units: 10},
		{ServiceTypeID: typeID["PSYCHOLOGIST"], Recipient: domain.RecipientParents, Units: 5},
	})
	if err != nil || dc.stage == "ASSESSED" {
		return err
	}
	kind := domain.PlanKind("SOCIAL_REHABILITATION")
	if dc.careNeed {
		kind = "SOCIAL_CARE"
	}
	rev, err := dl.svc.Plans.Create(ctx, domain.NewPlan{AssessmentID: as.ID, ProjectID: project.ID, Kind: kind,
		ValidFrom: day("2021-03-01"), ValidTo: day("2022-02-28"), Budget: 150000})
	if err != nil {
		return err
	}
	target := day("2022-02-28")
	lines := []domain.DraftLine{
		{ServiceTypeID: typeID["PHYSIOTHERAPY"], Recipient: domain.RecipientChild, ProviderID: &provider, PlannedUnits: 20},
		{ServiceTypeID: typeID["SPEECH_THERAPY"], Recipient: domain.RecipientChild, ProviderID: &provider, PlannedUnits: 10},
		{ServiceTypeID: typeID["PSYCHOLOGIST"], Recipient: domain.RecipientParents, PlannedUnits: 5},
	}
	budget := domain.Money(150000)
	if dc.careNeed {
		lines = append(lines, domain.DraftLine{ServiceTypeID: typeID["HOME_CARE"], Recipient: domain.RecipientChild, PlannedUnits: 200})
		budget = 250000
	}
	draft := domain.DraftContent{ValidFrom: rev.ValidFrom, ValidTo: rev.ValidTo, Budget: budget,
		Goals: []domain.PlanGoal{
			{Text: "Patstāvīgi pārvietoties pa mājokli", Indicator: "Noiet 20 m bez atbalsta", TargetDate: &target, Status: "IN_PROGRESS"},
			{Text: "Izteikt savas vajadzības ar vārdiem", Indicator: "Lieto 50 vārdus ikdienā", TargetDate: &target, Status: "NOT_STARTED"},
		}, Lines: lines}
	if rev, err = dl.svc.Plans.UpdateDraft(ctx, rev.ID, rev.Version, draft); err != nil {
		return err
	}
	step := func(st domain.PlanStep, comment *string) error {
		rev, err = dl.svc.Plans.Step(ctx, rev.ID, rev.Version, st, comment, nil)
		return err
	}
	activate := func() ([]visit, error) {
		for _, st := range []domain.PlanStep{domain.StepSubmit, domain.StepApprove, domain.StepActivate} {
			if err := step(st, nil); err != nil {
				return nil, err
			}
		}
		return dl.yearOf(rev, parent, anyProvider), nil
	}
	switch dc.stage {
	case "SUBMITTED":
		return step(domain.StepSubmit, nil)
	case "RETURNED":
		if err := step(domain.StepSubmit, nil); err != nil {
			return err
		}
		return step(domain.StepReturn, strp("Lūdzu precizēt mērķu rādītājus un fizioterapijas apjomu."))
	case "APPROVED":
		if err := step(domain.StepSubmit, nil); err != nil {
			return err
		}
		return step(domain.StepApprove, nil)
	case "ACTIVE":
		year, err := activate()
		if err != nil {
			return err
		}
		return dl.record(ctx, year)
	case "CLOSED":
		year, err := activate()
		if err != nil {
			return err
		}
		if err := dl.record(ctx, year); err != nil {
			return err
		}
		return step(domain.StepClose, nil)
	case "REVISED":
		// An active plan updated in September by a second, approved revision (which takes the
		// first one's place as the active one; the first is SUPERSEDED). The lines keep their
		// keys, so the year's deliveries continue on them.
		year, err := activate()
		if err != nil {
			return err
		}
		revised := day("2021-09-01")
		before := slices.DeleteFunc(slices.Clone(year), func(v visit) bool { return !v.date.Before(revised) })
		if err := dl.record(ctx, before); err != nil {
			return err
		}
		if err := step(domain.StepRevise, nil); err != nil {
			return err
		}
		draft.Budget, draft.Lines[0].PlannedUnits = budget+40000, 30
		for i := range draft.Lines {
			draft.Lines[i].Key = rev.Lines[i].Key
		}
		for i := range draft.Goals {
			draft.Goals[i].Key = rev.Goals[i].Key
		}
		draft.Goals[0].Status = "ACHIEVED"
		if rev, err = dl.svc.Plans.UpdateDraft(ctx, rev.ID, rev.Version, draft); err != nil {
			return err
		}
		for _, st := range []domain.PlanStep{domain.StepSubmit, domain.StepApprove} {
			if err := step(st, nil); err != nil {
				return err
			}
		}
		return dl.record(ctx, slices.DeleteFunc(year, func(v visit) bool { return v.date.Before(revised) }))
	}
	return nil
}
