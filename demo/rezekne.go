package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// Rēzekne's year 2021 in "DI Latgalē". The city's social service reported for 1 January to
// 11 November 2021 (seeds/004): 32 children with functional impairments received 1,146
// rehabilitation sessions for EUR 35,791.00 (physiotherapy 477, speech therapy 202,
// canistherapy 10, occupational therapy 24, massage 207, psychologist 86, BAK 30, ABA 106, sand
// therapy 4), and 21 of them, who have a special care need, 9,988 hours of home care for
// EUR 37,867.98. The demo records made-up children's deliveries that add up to exactly these,
// verifies them, and takes the city's claim for the period through approval and payment, so
// that the claim reproduces the report from recorded data.
//
// The prices make the money come out: the catalogue's default prices give EUR 35,715.00 for
// the sessions, and the provider's canistherapy price of 42.60 adds the remaining 76.00. The
// home-care provider's 3.79 an hour rises to 3.80 from homeCareRise, and the hours after it
// are exactly rezekneHoursAfterRise: 8,642 x 3.79 + 1,346 x 3.80 = 37,867.98.

// The report's period.
var rezekneFrom, rezekneTo = day("2021-01-01"), day("2021-11-11")

// rezekneSessions are the report's sessions per service, children's and parents' together;
// rezekneParentSessions of the physiotherapy went to parents, as the report says parents
// mostly used physiotherapy.
var rezekneSessions = []struct {
	code  string
	units int
}{
	// The services few children use come first, so that they find room under each child's
	// session cap before physiotherapy, which every child has, takes what remains.
	{"ABA_THERAPY", 106}, {"BAK_THERAPY", 30}, {"CANISTHERAPY", 10}, {"SAND_THERAPY", 4}, {"OCCUPATIONAL_THERAPY", 24},
	{"PSYCHOLOGIST", 86}, {"SPEECH_THERAPY", 202}, {"MASSAGE", 207}, {"PHYSIOTHERAPY", 477},
}

const (
	rezekneParentSessions = 60
	rezekneHomeCareHours  = 9988
	rezekneHoursAfterRise = 1346
)

// homeCareRise is the day the home-care provider's price rises from 3.79 to 3.80.
var homeCareRise = day("2021-10-04")

// The made-up providers of Rēzekne's services.
const (
	rezekneRehab = "DEMO-0003" // the sessions, and the assessments
	rezekneCare  = "DEMO-0004" // home care
)

// rezekneChild is a made-up child of Rēzekne and the services they use besides physiotherapy
// (which every one of them has). Children up to 4 years old may get more home care a week.
type rezekneChild struct {
	first, last, sex, born string
	careNeed               bool
	impairments            string // ImpairmentKinds, space-separated
	services               string // service codes' short names: see rezekneServiceCodes
	parent                 [2]string
}

var rezekneServiceCodes = map[string]string{"aba": "ABA_THERAPY", "bak": "BAK_THERAPY", "canis": "CANISTHERAPY", "sand": "SAND_THERAPY",
	"ot": "OCCUPATIONAL_THERAPY", "psych": "PSYCHOLOGIST", "speech": "SPEECH_THERAPY", "massage": "MASSAGE"}

var rezekneChildren = []rezekneChild{
	// Up to 4 years old in 2021, with a special care need; their parents use physiotherapy too.
	{"Luīze", "Daukste", "FEMALE", "2018-02-11", true, "DEVELOPMENTAL MOBILITY", "speech massage", [2]string{"Ilze", "Daukste"}},
	{"Maksims", "Sergejevs", "MALE", "2017-05-23", true, "MOBILITY", "massage ot speech", [2]string{"Natālija", "Sergejeva"}},
	{"Amēlija", "Puncule", "FEMALE", "2019-01-30", true, "DEVELOPMENTAL", "speech ot massage", [2]string{"Kristīne", "Puncule"}},
	{"Nikita", "Volkovs", "MALE", "2017-12-04", true, "MOBILITY INTELLECTUAL", "massage bak", [2]string{"Tatjana", "Volkova"}},
	{"Evelīna", "Kuzmina", "FEMALE", "2018-08-17", true, "DEVELOPMENTAL HEARING", "speech massage", [2]string{"Oksana", "Kuzmina"}},
	{"Markuss", "Lazdāns", "MALE", "2019-04-09", true, "MOBILITY", "massage canis", [2]string{"Evija", "Lazdāne"}},
	// 5 to 17 years old, with a special care need.
	{"Anastasija", "Smirnova", "FEMALE", "2009-03-02", true, "INTELLECTUAL MOBILITY", "massage psych", [2]string{"Irina", "Smirnova"}},
	{"Kristiāns", "Ruskulis", "MALE", "2012-10-14", true, "MOBILITY", "massage speech", [2]string{"Dace", "Ruskule"}},
	{"Diāna", "Kokoreviča", "FEMALE", "2014-06-21", true, "BEHAVIOURAL DEVELOPMENTAL", "aba speech", [2]string{"Ludmila", "Kokoreviča"}},
	{"Daniils", "Pavlovs", "MALE", "2011-01-08", true, "INTELLECTUAL", "psych massage", [2]string{"Jekaterina", "Pavlova"}},
	{"Sintija", "Zepa", "FEMALE", "2013-09-27", true, "MOBILITY VISION", "massage ot", [2]string{"Ieva", "Zepa"}},
	{"Artjoms", "Jakovļevs", "MALE", "2015-02-19", true, "BEHAVIOURAL DEVELOPMENTAL", "aba speech", [2]string{"Olga", "Jakovļeva"}},
	{"Patrīcija", "Gailuma", "FEMALE", "2010-07-05", true, "MOBILITY", "massage psych", [2]string{"Inga", "Gailuma"}},
	{"Gļebs", "Orlovs", "MALE", "2008-11-30", true, "INTELLECTUAL BEHAVIOURAL", "psych bak", [2]string{"Svetlana", "Orlova"}},
	{"Elīna", "Stikute", "FEMALE", "2012-04-16", true, "MOBILITY SPEECH_AND_LANGUAGE", "speech massage", [2]string{"Līga", "Stikute"}},
	{"Mareks", "Ūdris", "MALE", "2007-08-09", true, "MOBILITY", "massage", [2]string{"Ruta", "Ūdre"}},
	{"Valērija", "Fjodorova", "FEMALE", "2014-12-01", true, "DEVELOPMENTAL", "speech canis", [2]string{"Marina", "Fjodorova"}},
	{"Rainers", "Kalvišs", "MALE", "2010-05-24", true, "INTELLECTUAL", "psych speech", [2]string{"Sarmīte", "Kalviša"}},
	{"Karīna", "Belova", "FEMALE", "2013-03-13", true, "HEARING MOBILITY", "speech massage", [2]string{"Jeļena", "Belova"}},
	{"Edgars", "Mežulis", "MALE", "2006-09-18", true, "MOBILITY", "massage", [2]string{"Agita", "Mežule"}},
	{"Marija", "Tutāne", "FEMALE", "2011-12-07", true, "INTELLECTUAL MOBILITY", "psych massage", [2]string{"Vineta", "Tutāne"}},
	// Rehabilitation only.
	{"Kirills", "Grigorjevs", "MALE", "2015-07-03", false, "BEHAVIOURAL", "aba speech", [2]string{"Anna", "Grigorjeva"}},
	{"Annija", "Rimša", "FEMALE", "2012-02-28", false, "SPEECH_AND_LANGUAGE", "speech psych", [2]string{"Daiga", "Rimša"}},
	{"Renārs", "Soms", "MALE", "2014-11-11", false, "BEHAVIOURAL DEVELOPMENTAL", "aba sand psych", [2]string{"Baiba", "Soma"}},
	{"Alīna", "Morozova", "FEMALE", "2009-06-15", false, "VISION", "psych", [2]string{"Larisa", "Morozova"}},
	{"Toms", "Bleidelis", "MALE", "2013-01-22", false, "SPEECH_AND_LANGUAGE", "speech", [2]string{"Madara", "Bleidele"}},
	{"Adriana", "Laizāne", "FEMALE", "2016-03-30", false, "DEVELOPMENTAL", "speech massage", [2]string{"Aija", "Laizāne"}},
	{"Deniss", "Kozlovs", "MALE", "2010-10-10", false, "MOBILITY", "massage ot", [2]string{"Natalja", "Kozlova"}},
	{"Ērika", "Pudāne", "FEMALE", "2011-08-01", false, "HEARING", "speech", [2]string{"Solvita", "Pudāne"}},
	{"Vladislavs", "Zujevs", "MALE", "2008-04-04", false, "BEHAVIOURAL", "psych bak", [2]string{"Gaļina", "Zujeva"}},
	{"Linda", "Kriviņa", "FEMALE", "2015-10-19", false, "SPEECH_AND_LANGUAGE DEVELOPMENTAL", "speech massage", [2]string{"Zanda", "Kriviņa"}},
	{"Ričards", "Vucāns", "MALE", "2012-12-24", false, "MOBILITY", "massage speech", [2]string{"Ilona", "Vucāne"}},
}

// rezekneCodeBase numbers the Rēzekne families' personal codes after the other demo families'.
const rezekneCodeBase = 100

// rezekneUse is what one child uses in the period.
type rezekneUse struct {
	sessions       map[string]int // the child's sessions per service code
	parentSessions int            // the parents' physiotherapy
	homeCare       []int          // the home-care hours of each week of weeksOf(rezekneFrom, rezekneTo)
}

// weeksOf returns the Mondays from the first one on or after from to the last one up to to.
// (The report's period starts on 1 January 2021, a Friday and a holiday.)
func weeksOf(from, to time.Time) []time.Time {
	monday, _ := domain.WeekOf(from)
	if monday.Before(from) {
		monday = monday.AddDate(0, 0, 7)
	}
	var out []time.Time
	for ; !monday.After(to); monday = monday.AddDate(0, 0, 7) {
		out = append(out, monday)
	}
	return out
}

// planRezekne shares the report's figures among the children: each service's sessions among
// the children who use it, by weights drawn from rng, within each child's session cap of the
// project (so the caps hold however rng falls); the home-care hours among the weeks and the
// children with a special care need, within the weekly cap by age, so many before homeCareRise
// and rezekneHoursAfterRise from it.
func planRezekne(project *domain.Project, rng *rand.Rand) ([]rezekneUse, error) {
	uses := make([]rezekneUse, len(rezekneChildren))
	room := make([]int, len(rezekneChildren)) // sessions left under each child's cap
	for i, rc := range rezekneChildren {
		uses[i].sessions = map[string]int{}
		room[i] = 1000
		if r, ok := domain.CapInForce(project.CapRules, domain.CapChildSessions, rezekneFrom, domain.AgeOn(day(rc.born), rezekneFrom)); ok && r.Limit != nil {
			room[i] = *r.Limit
		}
	}
	// The parents of the youngest share the parents' physiotherapy, under the parents' cap.
	var young []int
	for i, rc := range rezekneChildren {
		if domain.AgeOn(day(rc.born), rezekneTo) <= 4 {
			young = append(young, i)
		}
	}
	parentRoom := make([]int, len(young))
	for k, i := range young {
		parentRoom[k] = 1000
		if r, ok := domain.CapInForce(project.CapRules, domain.CapParentSessions, rezekneFrom, domain.AgeOn(day(rezekneChildren[i].born), rezekneFrom)); ok && r.Limit != nil {
			parentRoom[k] = *r.Limit
		}
	}
	parents, err := distribute(rezekneParentSessions, parentRoom, weights(len(young), 0.8, 1.2, rng))
	if err != nil {
		return nil, fmt.Errorf("parents' physiotherapy: %w", err)
	}
	for k, i := range young {
		uses[i].parentSessions = parents[k]
	}
	for _, svc := range rezekneSessions {
		var who []int
		for i, rc := range rezekneChildren {
			if svc.code == "PHYSIOTHERAPY" || slices.ContainsFunc(strings.Fields(rc.services), func(s string) bool { return rezekneServiceCodes[s] == svc.code }) {
				who = append(who, i)
			}
		}
		units := svc.units
		if svc.code == "PHYSIOTHERAPY" {
			units -= rezekneParentSessions
		}
		caps := make([]int, len(who))
		for k, i := range who {
			caps[k] = room[i]
		}
		shares, err := distribute(units, caps, weights(len(who), 0.6, 1.4, rng))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", svc.code, err)
		}
		for k, i := range who {
			uses[i].sessions[svc.code] = shares[k]
			room[i] -= shares[k]
		}
	}

	// Home care: a cell is one child's week; its weight is the child's usual hours (more for
	// the youngest, who may have more) varied from week to week.
	weeks := weeksOf(rezekneFrom, rezekneTo)
	type cell struct{ child, week int }
	var before, after []cell
	var beforeCaps, afterCaps []int
	var beforeW, afterW []float64
	for i, rc := range rezekneChildren {
		if !rc.careNeed {
			continue
		}
		uses[i].homeCare = make([]int, len(weeks))
		usual := 3 + 4*rng.Float64()
		if domain.AgeOn(day(rc.born), rezekneTo) <= 4 {
			usual = 20 + 14*rng.Float64()
		}
		for w, monday := range weeks {
			limit := 1000
			for _, d := range workdays(monday, rezekneTo) {
				if r, ok := domain.CapInForce(project.CapRules, domain.CapHomeCareWeekly, d, domain.AgeOn(day(rc.born), d)); ok && r.Limit != nil {
					limit = min(limit, *r.Limit)
				}
			}
			weight := usual * (0.75 + 0.5*rng.Float64())
			if monday.Before(homeCareRise) {
				before, beforeCaps, beforeW = append(before, cell{i, w}), append(beforeCaps, limit), append(beforeW, weight)
			} else {
				after, afterCaps, afterW = append(after, cell{i, w}), append(afterCaps, limit), append(afterW, weight)
			}
		}
	}
	hoursBefore, err := distribute(rezekneHomeCareHours-rezekneHoursAfterRise, beforeCaps, beforeW)
	if err != nil {
		return nil, fmt.Errorf("home care: %w", err)
	}
	hoursAfter, err := distribute(rezekneHoursAfterRise, afterCaps, afterW)
	if err != nil {
		return nil, fmt.Errorf("home care: %w", err)
	}
	cells, hours := append(before, after...), append(hoursBefore, hoursAfter...)
	for k, c := range cells {
		uses[c.child].homeCare[c.week] = hours[k]
	}
	return uses, nil
}

// workdays returns the Monday to Friday of monday's week, up to last.
func workdays(monday, last time.Time) []time.Time {
	var out []time.Time
	for d := monday; d.Before(monday.AddDate(0, 0, 5)) && !d.After(last); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// weights draws n weights between lo and hi.
func weights(n int, lo, hi float64, rng *rand.Rand) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = lo + (hi-lo)*rng.Float64()
	}
	return w
}

// distribute shares total whole units among cells in proportion to their weights, none above its
// cap: what a full cell cannot take goes to the others.
func distribute(total int, caps []int, weights []float64) ([]int, error) {
	out := make([]int, len(caps))
	for left := total; left > 0; {
		var sum float64
		for i := range caps {
			if out[i] < caps[i] {
				sum += weights[i]
			}
		}
		if sum == 0 {
			return nil, fmt.Errorf("%d units do not fit under the caps", total)
		}
		given := 0
		for i := range caps {
			if out[i] < caps[i] {
				n := min(int(float64(left)*weights[i]/sum), caps[i]-out[i])
				out[i] += n
				given += n
			}
		}
		if given == 0 {
			// Shares of less than a unit each: one unit to each cell with room, in order.
			for i := range caps {
				if given < left && out[i] < caps[i] {
					out[i]++
					given++
				}
			}
		}
		left -= given
	}
	return out, nil
}

// loadRezekne enrols the Rēzekne children in "DI Latgalē" (applications of November 2020,
// assessments in December) with plans active through 2021 whose lines and budgets fit what
// they use, records the period's deliveries, verifies them, and takes the city's claim for
// the period through approval and payment.
func loadRezekne(ctx context.Context, s *store.Store, dl *recorder, refs references, latgale *domain.Project,
	providerIDs map[string]int, typeID map[string]int) error {
	uses, err := planRezekne(latgale, dl.rng)
	if err != nil {
		return err
	}
	rehab, care := providerIDs[rezekneRehab], providerIDs[rezekneCare]
	city := refs.municipalities["Rēzekne"]
	weeks := weeksOf(rezekneFrom, rezekneTo)
	var visits []visit
	for i, rc := range rezekneChildren {
		born := day(rc.born)
		d := domain.ChildData{FirstName: rc.first, LastName: rc.last, BirthDate: born, Sex: domain.Sex(rc.sex), MunicipalityID: city,
			LivingArrangement: domain.LivingFamily, DisabilityFrom: &born}
		for _, k := range strings.Fields(rc.impairments) {
			d.Impairments = append(d.Impairments, domain.ImpairmentKind(k))
		}
		if rc.careNeed {
			d.SpecialCareNeedFrom = &born
		}
		child, parent, err := family(ctx, dl, rezekneCodeBase+i+1, d, rc.parent)
		if err != nil {
			return fmt.Errorf("Rēzekne child %d: %w", i, err)
		}
		app, err := dl.svc.Applications.Submit(ctx, domain.Application{ChildID: child.ID, ProjectID: latgale.ID, ApplicantID: &parent.ID,
			SubmittedOn: day("2020-11-16")})
		if err != nil {
			return err
		}
		if err := decide(ctx, dl, app, domain.AppAccepted, nil, day("2020-11-27")); err != nil {
			return fmt.Errorf("Rēzekne child %d: %w", i, err)
		}

		// The plan's lines: what the child uses, with some room left, at the providers' prices.
		u := uses[i]
		var lines []domain.DraftLine
		var recommended []domain.Recommendation
		add := func(code string, recipient domain.Recipient, provider, units, planned int) {
			if units == 0 {
				return
			}
			lines = append(lines, domain.DraftLine{ServiceTypeID: typeID[code], Recipient: recipient, ProviderID: &provider, PlannedUnits: planned})
			recommended = append(recommended, domain.Recommendation{ServiceTypeID: typeID[code], Recipient: recipient, Units: planned})
		}
		for _, svc := range rezekneSessions {
			n := u.sessions[svc.code]
			add(svc.code, domain.RecipientChild, rehab, n, n+(n+9)/10)
		}
		add("PHYSIOTHERAPY", domain.RecipientParents, rehab, u.parentSessions, u.parentSessions)
		hours := 0
		for _, h := range u.homeCare {
			hours += h
		}
		add("HOME_CARE", domain.RecipientChild, care, hours, (hours/50+1)*50)

		as, err := assess(ctx, dl, child.ID, rehab, day("2020-12-01"), day("2020-12-04"), recommended)
		if err != nil {
			return fmt.Errorf("Rēzekne child %d: %w", i, err)
		}
		kind := domain.PlanKind("SOCIAL_REHABILITATION")
		if rc.careNeed {
			kind = "SOCIAL_CARE"
		}
		validFrom, validTo := day("2021-01-01"), day("2021-12-31")
		rev, err := dl.svc.Plans.Create(ctx, domain.NewPlan{AssessmentID: as.ID, ProjectID: latgale.ID, Kind: kind, ValidFrom: validFrom,
			ValidTo: validTo})
		if err != nil {
			return err
		}
		// The budget is the lines' sum at the prices of the plan's first day, and EUR 100 for
		// price changes (home care costs a cent more from October), in whole tens of euros.
		var total domain.Money
		for _, l := range lines {
			price, _ := domain.LinePrice(dl.types[l.ServiceTypeID], l.ProviderID, dl.prices, validFrom)
			total += domain.Money(l.PlannedUnits) * price
		}
		draft := domain.DraftContent{ValidFrom: validFrom, ValidTo: validTo, Lines: lines, Budget: (total + 10000 + 999) / 1000 * 1000,
			Goals: []domain.PlanGoal{{Text: "Uzlabot pašaprūpes prasmes ikdienā", Indicator: "Patstāvīgi paēd un daļēji apģērbjas",
				TargetDate: &validTo, Status: "IN_PROGRESS"}}}
		if rev, err = dl.svc.Plans.UpdateDraft(ctx, rev.ID, rev.Version, draft); err != nil {
			return fmt.Errorf("Rēzekne child %d: %w", i, err)
		}
		for _, st := range []domain.PlanStep{domain.StepSubmit, domain.StepApprove, domain.StepActivate} {
			if rev, err = dl.svc.Plans.Step(ctx, rev.ID, rev.Version, st, nil, nil); err != nil {
				return fmt.Errorf("Rēzekne child %d: %w", i, err)
			}
		}

		// The deliveries: each service's sessions spread over the period's working days; home
		// care as each week's hours from the carer's timesheet, on the week's last working day
		// (one delivery a week rather than one a visit: recording a delivery takes a
		// transaction of a dozen statements, and the year's visits would slow the first start
		// by seconds; the weekly cap is checked on the week's hours all the same).
		for _, l := range rev.Lines {
			st := dl.types[l.ServiceTypeID]
			v := visit{plan: rev.PlanID, line: l.Key, specialist: specialists[st.Code]}
			switch {
			case st.Code == "HOME_CARE":
				v.note = strp("Nedēļas stundas pēc aprūpētājas darba laika uzskaites lapas")
				for w, h := range u.homeCare {
					if h > 0 {
						days := workdays(weeks[w], rezekneTo)
						v.date, v.units = days[len(days)-1], h
						visits = append(visits, v)
					}
				}
				continue
			case l.Recipient == domain.RecipientParents:
				v.parent = &parent.ID
			}
			n := u.sessions[st.Code]
			if l.Recipient == domain.RecipientParents {
				n = u.parentSessions
			}
			for _, d := range spread(day("2021-01-04"), rezekneTo, n, dl.rng) {
				v.date, v.units = d, 1
				visits = append(visits, v)
			}
		}
	}
	first := len(dl.done)
	if err := dl.record(ctx, visits); err != nil {
		return err
	}
	refsOf := make([]domain.DeliveryRef, 0, len(dl.done)-first)
	for _, d := range dl.done[first:] {
		refsOf = append(refsOf, domain.DeliveryRef{ID: d.ID, Version: d.Version})
	}
	if _, err := dl.verify(ctx, refsOf); err != nil {
		return err
	}
	claim, err := dl.claim(ctx, city, latgale.ID, [2]string{rezekneFrom.Format(domain.DateLayout), rezekneTo.Format(domain.DateLayout)})
	if err != nil {
		return err
	}
	for _, step := range []domain.ClaimStep{domain.ClaimStepApprove, domain.ClaimStepPay} {
		if claim, err = dl.svc.Claims.Step(ctx, claim.ID, claim.Version, step, nil); err != nil {
			return err
		}
	}
	return nil
}
