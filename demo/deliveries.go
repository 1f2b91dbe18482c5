package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"atbalsts/domain"
	"atbalsts/service"
	"atbalsts/store"
)

// The demo's delivered services. Every delivery goes through the service's Deliveries.Record, so
// each one meets every rule of domain.CheckDelivery (active plan, the line's units, the caps
// in force on its day, the individual budget); then the usual work follows: most are verified,
// a few are rejected, one is corrected, and Liepāja claims compensation for them.

// visit is one delivery to record.
type visit struct {
	plan       int
	line       string
	date       time.Time
	units      int
	parent     *int // for a line for the parents: who came
	provider   *int // for a line that names no provider
	specialist string
	note       *string
}

// specialists are the made-up specialists who deliver each service.
var specialists = map[string]string{
	"PHYSIOTHERAPY":        "Daina Fizioterapeite",
	"SPEECH_THERAPY":       "Lelde Logopēde",
	"CANISTHERAPY":         "Kristīne Kanisterapeite",
	"OCCUPATIONAL_THERAPY": "Evita Ergoterapeite",
	"MASSAGE":              "Māris Masieris",
	"PSYCHOLOGIST":         "Pēteris Psihologs",
	"BAK_THERAPY":          "Baiba Bioakustiķe",
	"ABA_THERAPY":          "Agita Uzvedības Terapeite",
	"SAND_THERAPY":         "Sarmīte Smilškaste",
	"HOME_CARE":            "Gita Aprūpētāja",
	// Liepāja's (liepaja.go)
	"MUSIC_THERAPY":            "Marta Mūzikas Terapeite",
	"HYDROTHERAPY":             "Ivars Hidroterapeits",
	"ART_THERAPY":              "Rita Mākslas Terapeite",
	"REHABILITATION_PHYSICIAN": "Dr. Aldis Rehabilitologs",
	"PARENT_SUPPORT_GROUP":     "Inga Grupas Vadītāja",
}

// recorder records the demo's deliveries and keeps them, as recorded, for the work after.
type recorder struct {
	s      *store.Store
	svc    *service.Service // the use cases, on the demo's clock
	clock  *clock
	today  time.Time
	rng    *rand.Rand // seeded: every load makes the same deliveries
	types  map[int]*domain.ServiceType
	prices []domain.ProviderPrice // the providers' prices the demo sets
	done   []*domain.Delivery
}

var all = domain.CaseScope{All: true}

// record records the visits, each plan's in date order. Eight plans are recorded side by
// side: the store makes the deliveries of one child wait for each other, not those of
// different children, and a delivery takes a transaction of a dozen statements, mostly
// waiting on round trips. Rēzekne's 2,091 deliveries took 10 s one plan at a time on a
// two-core machine, 6 s this way. r.done keeps the plans' order whatever the timing.
func (r *recorder) record(ctx context.Context, visits []visit) error {
	// Recorded as of the demo's today, whatever day an earlier step moved the clock to.
	r.clock.set(r.today)
	var plans [][]visit
	at := map[int]int{}
	for _, v := range visits {
		i, ok := at[v.plan]
		if !ok {
			i = len(plans)
			at[v.plan] = i
			plans = append(plans, nil)
		}
		plans[i] = append(plans[i], v)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make([][]*domain.Delivery, len(plans))
	errs := make([]error, len(plans))
	slots := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, plan := range plans {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			if done[i], errs[i] = r.recordPlan(ctx, plan); errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	for i := range plans {
		if errs[i] != nil && !errors.Is(errs[i], context.Canceled) {
			return errs[i]
		}
		r.done = append(r.done, done[i]...)
	}
	return ctx.Err()
}

// recordPlan records one plan's visits in date order.
func (r *recorder) recordPlan(ctx context.Context, visits []visit) ([]*domain.Delivery, error) {
	slices.SortStableFunc(visits, func(a, b visit) int { return a.date.Compare(b.date) })
	out := make([]*domain.Delivery, 0, len(visits))
	for _, v := range visits {
		in := domain.DeliveryInput{PlanID: v.plan, LineKey: v.line, Date: v.date, Units: v.units, ParentID: v.parent,
			ProviderID: v.provider, SpecialistName: v.specialist, Note: v.note}
		d, err := r.svc.Deliveries.Record(ctx, nil, in)
		if err != nil {
			return nil, fmt.Errorf("delivery of plan %d on %s: %w", v.plan, v.date.Format(domain.DateLayout), err)
		}
		out = append(out, d)
	}
	return out, nil
}

// yearOf is a plausible year of a plan: most of each line's units, spread over the plan's
// period up to today; home care in visits of two to four hours. anyProvider delivers the lines
// that name no provider; parent comes for the lines for the parents.
func (r *recorder) yearOf(rev *domain.PlanRevision, parent, anyProvider int) []visit {
	last := rev.ValidTo
	if r.today.Before(last) {
		last = r.today
	}
	var out []visit
	for _, l := range rev.Lines {
		st := r.types[l.ServiceTypeID]
		// Some planned units stay unused, as they do: leave room for a correction too.
		units := l.PlannedUnits*3/4 + r.rng.IntN(max(l.PlannedUnits/5, 1))
		var sizes []int
		if st.Unit == "HOUR" {
			for units > 0 {
				n := min(2+r.rng.IntN(3), units)
				sizes = append(sizes, n)
				units -= n
			}
		} else {
			sizes = slices.Repeat([]int{1}, units)
		}
		v := visit{plan: rev.PlanID, line: l.Key, specialist: specialists[st.Code]}
		if l.ProviderID == nil {
			v.provider = &anyProvider
		}
		if l.Recipient == domain.RecipientParents {
			v.parent = &parent
		}
		for i, day := range spread(rev.ValidFrom, last, len(sizes), r.rng) {
			v.date, v.units = day, sizes[i]
			out = append(out, v)
		}
	}
	return out
}

// spread returns n working days between from and to, evenly apart with some jitter, in order.
func spread(from, to time.Time, n int, rng *rand.Rand) []time.Time {
	days := int(to.Sub(from).Hours()/24) + 1
	out := make([]time.Time, 0, n)
	for i := range n {
		d := from.AddDate(0, 0, int((float64(i)+0.2+0.6*rng.Float64())*float64(days)/float64(n)))
		out = append(out, workday(d, from, to))
	}
	return out
}

// workday moves a Saturday or Sunday to the Monday after, or to the Friday before when the
// Monday is past to; it stays within from..to.
func workday(d, from, to time.Time) time.Time {
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDate(0, 0, 2)
	case time.Sunday:
		d = d.AddDate(0, 0, 1)
	}
	for d.After(to) || d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	if d.Before(from) {
		return from
	}
	return d
}

// The days that divide the demo's work on the deliveries of the 2021/22 plans.
var (
	verifiedUpTo = day("2022-01-31") // later ones wait in the verification queue
	paidClaim    = [2]string{"2021-03-01", "2021-06-30"}
	pendingClaim = [2]string{"2021-07-01", "2021-09-30"} // awaits the Kurzeme coordinator
)

// work takes the recorded deliveries of the 2021/22 plans through verification: two of
// Liepāja's are rejected, one is corrected after its verification and verified again, every
// other one up to verifiedUpTo is verified. Then Liepāja claims the spring (approved and paid)
// and the summer (submitted); what is verified after that waits for a new claim.
func (r *recorder) work(ctx context.Context, liepaja, kurzeme int) error {
	var ofLiepaja []*domain.Delivery
	for _, d := range r.done {
		if d.MunicipalityID == liepaja {
			ofLiepaja = append(ofLiepaja, d)
		}
	}
	// Two are rejected: the first session in the queue, and the first speech therapy of May.
	rejected := map[int]string{}
	reject := func(reason string, which func(d *domain.Delivery, code string) bool) error {
		i := slices.IndexFunc(ofLiepaja, func(d *domain.Delivery) bool { return which(d, r.types[d.ServiceTypeID].Code) })
		if i < 0 {
			return fmt.Errorf("no delivery in Liepāja to reject: %s", reason)
		}
		rejected[ofLiepaja[i].ID] = reason
		return nil
	}
	if err := reject("Nodarbība nenotika: bērns slimoja, ieraksts veikts kļūdaini.", func(d *domain.Delivery, code string) bool {
		return d.Date.After(verifiedUpTo) && code != "HOME_CARE"
	}); err != nil {
		return err
	}
	if err := reject("Sniedzēja mēneša atskaitē šīs nodarbības nav.", func(d *domain.Delivery, code string) bool {
		return d.Date.Month() == time.May && code == "SPEECH_THERAPY"
	}); err != nil {
		return err
	}
	r.clock.set(r.today)
	var refs []domain.DeliveryRef
	for _, d := range r.done {
		if reason, ok := rejected[d.ID]; ok {
			if _, err := r.svc.Deliveries.Reject(ctx, d.ID, d.Version, reason); err != nil {
				return err
			}
		} else if !d.Date.After(verifiedUpTo) {
			refs = append(refs, domain.DeliveryRef{ID: d.ID, Version: d.Version})
		}
	}
	verified, err := r.verify(ctx, refs)
	if err != nil {
		return err
	}
	// A home-care visit of April was one hour longer than recorded: the carer's timesheet
	// shows it. Corrected, it is RECORDED again and verified again.
	i := slices.IndexFunc(verified, func(d *domain.Delivery) bool {
		return d.MunicipalityID == liepaja && d.Date.Month() == time.April && r.types[d.ServiceTypeID].Code == "HOME_CARE"
	})
	if i < 0 {
		return fmt.Errorf("no home-care visit of April in Liepāja to correct")
	}
	d := verified[i]
	in := domain.DeliveryInput{PlanID: d.PlanID, LineKey: d.LineKey, Date: d.Date, Units: d.Units + 1, SpecialistName: d.SpecialistName}
	reason := fmt.Sprintf("Aprūpētājas darba laika uzskaites lapā ir %d stundas, ne %d.", d.Units+1, d.Units)
	if d, err = r.svc.Deliveries.Correct(ctx, d.ID, d.Version, in, reason); err != nil {
		return err
	}
	if _, err := r.verify(ctx, []domain.DeliveryRef{{ID: d.ID, Version: d.Version}}); err != nil {
		return err
	}

	paid, err := r.claim(ctx, liepaja, kurzeme, paidClaim)
	if err != nil {
		return err
	}
	for _, step := range []domain.ClaimStep{domain.ClaimStepApprove, domain.ClaimStepPay} {
		if paid, err = r.svc.Claims.Step(ctx, paid.ID, paid.Version, step, nil); err != nil {
			return err
		}
	}
	_, err = r.claim(ctx, liepaja, kurzeme, pendingClaim)
	return err
}

// verify verifies deliveries in batches of the most the service takes (one transaction each).
func (r *recorder) verify(ctx context.Context, refs []domain.DeliveryRef) ([]*domain.Delivery, error) {
	var out []*domain.Delivery
	for batch := range slices.Chunk(refs, domain.MaxVerify) {
		ds, err := r.svc.Deliveries.Verify(ctx, batch)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	return out, nil
}

// claim submits a municipality's claim of a period on a project, as of the demo's today.
func (r *recorder) claim(ctx context.Context, municipality, project int, period [2]string) (*domain.Claim, error) {
	r.clock.set(r.today)
	return r.svc.Claims.Submit(ctx, nil, domain.ClaimPeriod{MunicipalityID: municipality, ProjectID: project,
		From: day(period[0]), To: day(period[1])})
}
