package demo

import (
	"context"
	"fmt"
	"time"

	"atbalsts/domain"
)

// The demo's present: a project of the 2021-2027 programme period running on the day the demo
// loads, with Liepāja and Rēzekne among its partners, so that a newcomer can walk the whole
// chain today (register a child, apply, assess, plan, approve, activate, record, verify,
// claim), and a few cases whose work waits today, so that every role's worklist has something
// in it. The sources give no figures of this period: the project's number, budget, targets and
// caps are made up (the caps as in the 2014-2020 projects after their amendments). Every date
// below is counted from the day the demo loads.

// todayCodeBase numbers these families' personal codes after the Liepāja ones.
const todayCodeBase = 400

// currentProject is the made-up project of 2021-2027.
func currentProject(refs references) domain.NewProject {
	ms := func(names ...string) []int {
		ids := make([]int, len(names))
		for i, n := range names {
			ids[i] = refs.municipalities[n]
		}
		return ids
	}
	return domain.NewProject{Project: domain.Project{Code: "DEMO-2127-K-001", Name: "Ģimeniska vide Kurzemē un Latgalē",
		LeadRegionID: refs.regions[domain.RegionKurzeme], StartDate: day("2024-01-01"), EndDate: day("2029-12-31"), TotalBudget: 420_000_000,
		FundingSources:         []domain.FundingSource{{Code: domain.FundESF, ShareBP: 8500}, {Code: domain.FundState, ShareBP: 1500}},
		PartnerMunicipalityIDs: ms("Liepāja", "Ventspils", "Kuldīgas novads", "Rēzekne", "Rēzeknes novads", "Daugavpils"),
		Targets: []domain.ProjectTarget{{Group: "CHILDREN_ASSESSED", Count: 400}, {Group: "CHILDREN_SERVED", Count: 300},
			{Group: "CHILDREN_IN_INSTITUTIONS_ASSESSED", Count: 60}},
		CapRules: []domain.CapRule{
			{Kind: domain.CapChildSessions, ValidFrom: day("2024-01-01"), Limit: intp(100)},
			{Kind: domain.CapParentSessions, ValidFrom: day("2024-01-01"), Limit: intp(20)},
			{Kind: domain.CapHomeCareWeekly, ValidFrom: day("2024-01-01"), Limit: intp(50), MinAge: intp(0), MaxAge: intp(4)},
			{Kind: domain.CapHomeCareWeekly, ValidFrom: day("2024-01-01"), Limit: intp(10), MinAge: intp(5), MaxAge: intp(17)},
			{Kind: domain.CapRespiteDaysYearly, ValidFrom: day("2024-01-01"), Limit: intp(30)},
		}}}
}

// loadToday creates the current project and its cases waiting today:
//   - Līva (Liepāja): an active plan ending in 20 days, 85 of her 100 sessions used (near the
//     cap; one more was rejected), the last two weeks' sessions waiting for verification, her
//     disability opinion expiring in 45 days;
//   - Niks (Rēzekne): a plan submitted for the Kurzeme coordinator's approval;
//   - Amēlija (Liepāja): an application received three days ago, to decide;
//   - Gustavs (Rēzekne): accepted ten days ago, waiting for an assessment;
//   - Teodors (Liepāja): an assessment by "Piemērs" scheduled in five days, for its assessor.
func loadToday(ctx context.Context, dl *recorder, refs references, provider, otherProvider int, typeID map[string]int) (int, error) {
	today := dl.today
	on := func(days int) time.Time { return today.AddDate(0, 0, days) }
	dl.clock.set(today)
	project, err := dl.svc.Projects.Create(ctx, currentProject(refs))
	if err != nil {
		return 0, fmt.Errorf("current project: %w", err)
	}
	type child struct {
		first, last, sex, born, municipality string
		impairment                           domain.ImpairmentKind
		parent                               [2]string
	}
	children := []child{
		{"Līva", "Jansone", "FEMALE", "2016-08-15", "Liepāja", "MOBILITY", [2]string{"Evija", "Jansone"}},
		{"Niks", "Bērziņš", "MALE", "2019-02-03", "Rēzekne", "SPEECH_AND_LANGUAGE", [2]string{"Olga", "Bērziņa"}},
		{"Amēlija", "Ozoliņa", "FEMALE", "2017-11-21", "Liepāja", "DEVELOPMENTAL", [2]string{"Kristīne", "Ozoliņa"}},
		{"Gustavs", "Kalējs", "MALE", "2015-06-09", "Rēzekne", "BEHAVIOURAL", [2]string{"Linda", "Kalēja"}},
		{"Teodors", "Liepiņš", "MALE", "2018-04-27", "Liepāja", "HEARING", [2]string{"Anna", "Liepiņa"}},
	}
	apps := make([]*domain.Application, len(children))
	parents := make([]int, len(children))
	kids := make([]*domain.Child, len(children))
	for i, c := range children {
		born := day(c.born)
		d := domain.ChildData{FirstName: c.first, LastName: c.last, BirthDate: born, Sex: domain.Sex(c.sex),
			MunicipalityID: refs.municipalities[c.municipality], LivingArrangement: domain.LivingFamily, DisabilityFrom: &born,
			Impairments: []domain.ImpairmentKind{c.impairment}}
		if i == 0 {
			d.DisabilityTo = timep(on(45)) // to be renewed
		}
		kid, parent, err := family(ctx, dl, todayCodeBase+i+1, d, c.parent)
		if err != nil {
			return 0, fmt.Errorf("current child %d: %w", i, err)
		}
		submitted := map[int]int{0: -420, 1: -60, 2: -3, 3: -20, 4: -30}[i]
		app, err := dl.svc.Applications.Submit(ctx, domain.Application{ChildID: kid.ID, ProjectID: project.ID, ApplicantID: &parent.ID,
			SubmittedOn: on(submitted)})
		if err != nil {
			return 0, fmt.Errorf("current application %d: %w", i, err)
		}
		kids[i], apps[i], parents[i] = kid, app, parent.ID
		if i == 2 {
			continue // waits for a decision
		}
		decided := map[int]int{0: -415, 1: -55, 3: -10, 4: -25}[i]
		if apps[i], err = dl.svc.Applications.Decide(ctx, app.ID, app.Version, domain.AppAccepted, nil, timep(on(decided))); err != nil {
			return 0, fmt.Errorf("current acceptance %d: %w", i, err)
		}
	}
	team := []domain.TeamMember{{Name: "Ilze Izvērtētāja", Specialty: "SOCIAL_WORKER"}, {Name: "Daina Fizioterapeite", Specialty: "PHYSIOTHERAPIST"}}
	// Teodors: scheduled, for the assessor to record.
	if _, err := dl.svc.Assessments.Schedule(ctx, kids[4].ID, provider, on(5), team); err != nil {
		return 0, fmt.Errorf("current assessment: %w", err)
	}
	// Līva and Niks: assessed, with a plan.
	plan := func(k *domain.Child, assessed, from, to int, lines []domain.DraftLine, budget domain.Money) (*domain.PlanRevision, error) {
		as, err := assess(ctx, dl, k.ID, provider, on(assessed-5), on(assessed), []domain.Recommendation{
			{ServiceTypeID: typeID["PHYSIOTHERAPY"], Recipient: domain.RecipientChild, Units: 80},
			{ServiceTypeID: typeID["SPEECH_THERAPY"], Recipient: domain.RecipientChild, Units: 20}})
		if err != nil {
			return nil, err
		}
		rev, err := dl.svc.Plans.Create(ctx, domain.NewPlan{AssessmentID: as.ID, ProjectID: project.ID, Kind: "SOCIAL_REHABILITATION",
			ValidFrom: on(from), ValidTo: on(to), Budget: budget})
		if err != nil {
			return nil, err
		}
		target := on(to)
		draft := domain.DraftContent{ValidFrom: rev.ValidFrom, ValidTo: rev.ValidTo, Budget: budget, Lines: lines,
			Goals: []domain.PlanGoal{{Text: "Patstāvīgi pārvietoties pa mājokli un pagalmu", Indicator: "Noiet 50 m bez atbalsta",
				TargetDate: &target, Status: "IN_PROGRESS"}}}
		if rev, err = dl.svc.Plans.UpdateDraft(ctx, rev.ID, rev.Version, draft); err != nil {
			return nil, err
		}
		return dl.svc.Plans.Step(ctx, rev.ID, rev.Version, domain.StepSubmit, nil, nil)
	}
	lines := []domain.DraftLine{
		{ServiceTypeID: typeID["PHYSIOTHERAPY"], Recipient: domain.RecipientChild, ProviderID: &provider, PlannedUnits: 80},
		{ServiceTypeID: typeID["SPEECH_THERAPY"], Recipient: domain.RecipientChild, ProviderID: &provider, PlannedUnits: 20},
	}
	// Līva's plan has her parents' sessions with the psychologist too, and occupational therapy
	// by another provider ("Atbalsta tilts", nothing delivered yet): her child sessions cap can
	// then be used up by a provider other than "Piemērs" (the specialists' offline test,
	// frontend/e2e/mysessions.test.mjs, does that while the specialist is offline).
	livaLines := append(lines[:2:2], domain.DraftLine{ServiceTypeID: typeID["PSYCHOLOGIST"], Recipient: domain.RecipientParents,
		ProviderID: &provider, PlannedUnits: 5},
		domain.DraftLine{ServiceTypeID: typeID["OCCUPATIONAL_THERAPY"], Recipient: domain.RecipientChild, ProviderID: &otherProvider, PlannedUnits: 15})
	liva, err := plan(kids[0], -400, -395, 20, livaLines, 400_000)
	if err != nil {
		return 0, fmt.Errorf("current plan of Līva: %w", err)
	}
	for _, st := range []struct {
		step domain.PlanStep
		on   int
	}{{domain.StepApprove, -398}, {domain.StepActivate, -395}} {
		// Approved and put into effect on their days: the clock goes back to each.
		dl.clock.set(on(st.on))
		liva, err = dl.svc.Plans.Step(ctx, liva.ID, liva.Version, st.step, nil, nil)
		dl.clock.set(today)
		if err != nil {
			return 0, fmt.Errorf("current plan of Līva, %s: %w", st.step, err)
		}
	}
	// Niks's plan began three days ago: once approved and put into effect, sessions are
	// recorded from then (the example mobile client's test does so).
	if _, err := plan(kids[1], -30, -3, 362, lines[:1], 300_000); err != nil {
		return 0, fmt.Errorf("current plan of Niks: %w", err)
	}
	// Līva's 86 sessions so far: 71 of physiotherapy (one to be rejected) and 15 of speech
	// therapy, up to yesterday, some with the specialist's note; and three of her mother's with
	// the psychologist.
	var visits []visit
	for i, n := range []int{71, 15, 3} {
		code := []string{"PHYSIOTHERAPY", "SPEECH_THERAPY", "PSYCHOLOGIST"}[i]
		for j, d := range spread(on(-394), on(-1), n, dl.rng) {
			v := visit{plan: liva.PlanID, line: liva.Lines[i].Key, date: d, units: 1, specialist: specialists[code]}
			if code == "PSYCHOLOGIST" {
				v.parent = &parents[0]
			}
			if j%10 == 3 {
				v.note = strp("Vingrinājumi mājās veikti; progress labs.")
			}
			visits = append(visits, v)
		}
	}
	done, err := dl.recordPlan(ctx, visits)
	if err != nil {
		return 0, fmt.Errorf("current deliveries: %w", err)
	}
	// The first session was recorded twice by mistake: it is rejected.
	var refs2 []domain.DeliveryRef
	for i, d := range done {
		if i == 0 {
			if _, err := dl.svc.Deliveries.Reject(ctx, d.ID, d.Version, "Ieraksts dublējas: nodarbība reģistrēta divreiz."); err != nil {
				return 0, fmt.Errorf("current rejection: %w", err)
			}
			continue
		}
		if d.Date.Before(on(-14)) {
			refs2 = append(refs2, domain.DeliveryRef{ID: d.ID, Version: d.Version})
		}
	}
	if _, err := dl.verify(ctx, refs2); err != nil {
		return 0, fmt.Errorf("current verification: %w", err)
	}
	return len(children), nil
}

func timep(t time.Time) *time.Time { return &t }
