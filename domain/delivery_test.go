package domain

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWeekOf(t *testing.T) {
	for day, monday := range map[string]string{"2026-03-09": "2026-03-09", "2026-03-15": "2026-03-09", "2026-03-16": "2026-03-16",
		"2021-01-01": "2020-12-28"} {
		m, s := WeekOf(d(day))
		if m.Format(DateLayout) != monday || s.Sub(m) != 6*24*time.Hour {
			t.Errorf("week of %s: %s to %s, want from %s", day, m.Format(DateLayout), s.Format(DateLayout), monday)
		}
	}
}

func TestRespiteDaysAcrossNewYear(t *testing.T) {
	// A stay from 28 December for 7 days has 4 days in the first year and 3 in the next.
	types := map[int]*ServiceType{1: {ID: 1, Category: RespiteCare}}
	stay := []CountedUnits{{ServiceTypeID: 1, Recipient: RecipientChild, Date: d("2025-12-28"), Units: 7}}
	if got := respiteDays(stay, types, 2025); got != 4 {
		t.Errorf("2025: %d days, want 4", got)
	}
	if got := respiteDays(stay, types, 2026); got != 3 {
		t.Errorf("2026: %d days, want 3", got)
	}
}

// The parts of a claim's total always add up to the total to the cent, whatever the amounts
// and shares, and no part is more than a cent away from its exact share.
func TestTotalClaimPartsAddUp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shares := [][]FundingSource{
		{{Code: FundESF, ShareBP: 8500}, {Code: FundState, ShareBP: 1500}},
		{{Code: FundESF, ShareBP: 8600}, {Code: FundState, ShareBP: 1400}},
		{{Code: FundESF, ShareBP: 3333}, {Code: FundState, ShareBP: 3333}, {Code: FundMunicipal, ShareBP: 3334}},
	}
	for range 2000 {
		var services []ServiceTotal
		for s := range 1 + r.IntN(5) {
			services = append(services, ServiceTotal{ServiceTypeID: s + 1, Units: 1 + r.IntN(50), Amount: Money(1 + r.Int64N(5_000_000)), Deliveries: 1})
		}
		sources := shares[r.IntN(len(shares))]
		total := TotalClaim(services, 1, sources)
		var sum, fundSum Money
		for _, s := range services {
			sum += s.Amount
		}
		for i, f := range total.ByFund {
			fundSum += f.Amount
			exact := float64(total.Total) * float64(sources[i].ShareBP) / 10000
			if diff := float64(f.Amount) - exact; diff <= -1 || diff >= 1 {
				t.Fatalf("%s of %s: %s, more than a cent from %.4f", f.Code, total.Total, f.Amount, exact/100)
			}
		}
		if total.Total != sum || fundSum != sum {
			t.Fatalf("total %s, funds %s, services %s: they must be equal", total.Total, fundSum, sum)
		}
	}
	// The sources' figure: EUR 73 658.98 at 86/14 is 63 346.72 + 10 312.26.
	got := TotalClaim([]ServiceTotal{{Amount: 7365898}}, 1, shares[1]).ByFund
	if got[0].Amount != 6334672 || got[1].Amount != 1031226 {
		t.Errorf("73658.98 at 86/14: %s + %s", got[0].Amount, got[1].Amount)
	}
}

func TestNextClaimStatus(t *testing.T) {
	ok := []struct {
		step     ClaimStep
		from, to ClaimStatus
	}{{ClaimStepApprove, ClaimSubmitted, ClaimApproved}, {ClaimStepReject, ClaimSubmitted, ClaimRejected}, {ClaimStepPay, ClaimApproved, ClaimPaid}}
	for _, c := range ok {
		if to, err := NextClaimStatus(c.step, c.from); err != nil || to != c.to {
			t.Errorf("%s from %s: %s %v, want %s", c.step, c.from, to, err, c.to)
		}
	}
	for _, c := range []struct {
		step ClaimStep
		from ClaimStatus
	}{{ClaimStepPay, ClaimSubmitted}, {ClaimStepApprove, ClaimPaid}, {ClaimStepReject, ClaimApproved}, {ClaimStepApprove, ClaimRejected}} {
		if _, err := NextClaimStatus(c.step, c.from); ErrorCode(err) != EINVALID {
			t.Errorf("%s from %s: %v, want refused", c.step, c.from, err)
		}
	}
}

// The service types of the CheckDelivery cases, by id.
const (
	stSession  = 1 // a rehabilitation session, for the child or the parents; counts towards session caps
	stHomeCare = 2 // home care, in hours
	stRespite  = 3 // respite care, in days
)

// deliveryCase returns a delivery that passes every rule, and the facts it is checked
// against: 2 sessions at 30.00 EUR on 10 March 2026 of an active plan for 2026 with a budget
// of 1000.00 EUR, a line of 50 sessions, caps of 40 child and 20 parent sessions, 20 home-care
// hours a week and 30 respite days a year, and nothing delivered yet.
func deliveryCase() (*Delivery, *DeliveryFacts) {
	careFrom := d("2025-01-01")
	limit := func(n int) *int { return &n }
	types := map[int]*ServiceType{
		stSession:  {ID: stSession, NameEn: "Physiotherapy", Category: SocialRehabilitation, Unit: UnitSession, CountsTowardsSessionCap: true, ForChild: true, ForParents: true},
		stHomeCare: {ID: stHomeCare, NameEn: "Home care", Category: HomeCare, Unit: UnitHour, ForChild: true},
		stRespite:  {ID: stRespite, NameEn: "Respite care", Category: RespiteCare, Unit: UnitDay, ForChild: true},
	}
	f := &DeliveryFacts{
		Child: &Child{ID: 1, BirthDate: d("2015-06-01"), SpecialCareNeedFrom: &careFrom},
		Project: &Project{ID: 1, CapRules: []CapRule{
			{Kind: CapChildSessions, ValidFrom: d("2025-01-01"), Limit: limit(40)},
			{Kind: CapParentSessions, ValidFrom: d("2025-01-01"), Limit: limit(20)},
			{Kind: CapHomeCareWeekly, ValidFrom: d("2025-01-01"), Limit: limit(20), MinAge: limit(0), MaxAge: limit(17)},
			{Kind: CapRespiteDaysYearly, ValidFrom: d("2025-01-01"), Limit: limit(30)},
		}},
		Revision:    &PlanRevision{ID: 1, PlanID: 1, Status: PlanActive, ValidFrom: d("2026-01-01"), ValidTo: d("2026-12-31"), Budget: 100000},
		Line:        &PlanLine{Key: "L1", ServiceTypeID: stSession, Recipient: RecipientChild, PlannedUnits: 50, UnitPrice: 3000},
		ServiceType: types[stSession],
		Parents:     []int{7},
		Types:       types,
	}
	dl := &Delivery{PlanID: 1, LineKey: "L1", ChildID: 1, ProjectID: 1, ServiceTypeID: stSession, Date: d("2026-03-10"),
		Units: 2, Recipient: RecipientChild, UnitPrice: 3000, Status: DeliveryRecorded}
	return dl, f
}

// asService makes the case's line, and the delivery, one of service type id for recipient r.
func asService(dl *Delivery, f *DeliveryFacts, id int, r Recipient) {
	f.ServiceType = f.Types[id]
	f.Line.ServiceTypeID, f.Line.Recipient = id, r
	dl.ServiceTypeID, dl.Recipient = id, r
	if r == RecipientParents {
		dl.ParentID = &f.Parents[0]
	}
}

// delivered is an earlier delivery of the child in project 1, on plan 1 (the case's plan) or
// another plan, of the service type st.
func delivered(plan int, line string, st int, r Recipient, day string, units int, amount Money) CountedUnits {
	return CountedUnits{ID: 100, ProjectID: 1, PlanID: plan, LineKey: line, ServiceTypeID: st, Recipient: r,
		Date: d(day), Units: units, Amount: amount}
}

func TestCheckDelivery(t *testing.T) {
	for _, tc := range []struct {
		name      string
		change    func(dl *Delivery, f *DeliveryFacts)
		code      string // "" for OK
		field     string // the field an EINVALID names
		remaining string // what the error says remains
	}{
		{name: "OK", change: func(*Delivery, *DeliveryFacts) {}},
		{name: "OKForTheParents", change: func(dl *Delivery, f *DeliveryFacts) { asService(dl, f, stSession, RecipientParents) }},
		{name: "OKLineUsedUpExactly", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stHomeCare, RecipientChild) // hours, which no session cap limits
			f.Others = []CountedUnits{delivered(1, "L1", stHomeCare, RecipientChild, "2026-02-02", 48, 0)}
		}},
		{name: "OKHomeCareUpToTheWeeklyCap", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stHomeCare, RecipientChild)
			dl.Units = 20
		}},
		{name: "OKRespiteBesideTheParentsSession", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stRespite, RecipientChild)
			f.Others = []CountedUnits{delivered(2, "P1", stSession, RecipientParents, "2026-03-10", 1, 3000)}
		}},

		{name: "ErrPlanNotActive/NoRevisionInForce", code: EPlanNotActive, change: func(dl *Delivery, f *DeliveryFacts) { f.Revision = nil }},
		{name: "ErrPlanNotActive/Approved", code: EPlanNotActive, change: func(dl *Delivery, f *DeliveryFacts) { f.Revision.Status = PlanApproved }},
		{name: "ErrPlanNotActive/Closed", code: EPlanNotActive, change: func(dl *Delivery, f *DeliveryFacts) { f.Revision.Status = PlanClosed }},
		{name: "ErrPlanNotActive/BeforeValidFrom", code: EPlanNotActive, change: func(dl *Delivery, f *DeliveryFacts) { dl.Date = d("2025-12-31") }},
		{name: "ErrPlanNotActive/AfterValidTo", code: EPlanNotActive, change: func(dl *Delivery, f *DeliveryFacts) { dl.Date = d("2027-01-01") }},
		{name: "ErrPlanNotActive/RespiteEndsAfterValidTo", code: EPlanNotActive, change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stRespite, RecipientChild)
			dl.Date, dl.Units = d("2026-12-30"), 3
		}},
		{name: "ErrInvalid/NoSuchLine", code: EINVALID, field: "lineKey", change: func(dl *Delivery, f *DeliveryFacts) { f.Line = nil }},
		{name: "ErrInvalid/ParentNotNamed", code: EINVALID, field: "parentId", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stSession, RecipientParents)
			dl.ParentID = nil
		}},
		{name: "ErrInvalid/NotAParent", code: EINVALID, field: "parentId", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stSession, RecipientParents)
			other := 8
			dl.ParentID = &other
		}},
		{name: "ErrInvalid/ParentOnAChildsLine", code: EINVALID, field: "parentId", change: func(dl *Delivery, f *DeliveryFacts) {
			dl.ParentID = &f.Parents[0]
		}},
		{name: "ErrLineUnits/OneLeft", code: ELineUnits, remaining: "1", change: func(dl *Delivery, f *DeliveryFacts) {
			f.Others = []CountedUnits{delivered(1, "L1", stSession, RecipientChild, "2026-02-01", 49, 0)}
		}},
		{name: "ErrLineUnits/OverdrawnShowsZero", code: ELineUnits, remaining: "0", change: func(dl *Delivery, f *DeliveryFacts) {
			// A revision that planned fewer units than were delivered under the one before.
			f.Line.PlannedUnits = 10
			f.Others = []CountedUnits{delivered(1, "L1", stSession, RecipientChild, "2026-02-01", 12, 0)}
		}},
		{name: "ErrChildSessionCap/OneLeft", code: EChildSessionCap, remaining: "1", change: func(dl *Delivery, f *DeliveryFacts) {
			f.Others = []CountedUnits{delivered(2, "X", stSession, RecipientChild, "2026-02-01", 39, 0)}
		}},
		{name: "ErrChildSessionCap/UsedUp", code: EChildSessionCap, remaining: "0", change: func(dl *Delivery, f *DeliveryFacts) {
			f.Others = []CountedUnits{delivered(2, "X", stSession, RecipientChild, "2026-02-01", 40, 0)}
		}},
		{name: "ErrParentSessionCap/OneLeft", code: EParentSessionCap, remaining: "1", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stSession, RecipientParents)
			f.Others = []CountedUnits{delivered(2, "P", stSession, RecipientParents, "2026-02-01", 19, 0)}
		}},
		{name: "ErrNoSpecialCareNeed", code: ENoSpecialCareNeed, change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stHomeCare, RecipientChild)
			f.Child.SpecialCareNeedFrom = nil
		}},
		{name: "ErrHomeCareWeeklyCap/TwoLeft", code: EHomeCareWeeklyCap, remaining: "2", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stHomeCare, RecipientChild)
			dl.Units = 3
			f.Others = []CountedUnits{delivered(1, "L1", stHomeCare, RecipientChild, "2026-03-09", 18, 0)} // Monday of the same week
		}},
		{name: "ErrHomeCareWeeklyCap/OverdrawnShowsZero", code: EHomeCareWeeklyCap, remaining: "0", change: func(dl *Delivery, f *DeliveryFacts) {
			// The week holds more hours than the cap (recorded under an earlier, higher cap, say).
			asService(dl, f, stHomeCare, RecipientChild)
			f.Others = []CountedUnits{delivered(1, "L1", stHomeCare, RecipientChild, "2026-03-09", 22, 0)}
		}},
		{name: "ErrRespiteOverlap/WithASession", code: ERespiteOverlap, change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stRespite, RecipientChild)
			dl.Units = 3
			f.Others = []CountedUnits{delivered(2, "X", stSession, RecipientChild, "2026-03-11", 1, 0)}
		}},
		{name: "ErrRespiteOverlap/ASessionDuringAStay", code: ERespiteOverlap, change: func(dl *Delivery, f *DeliveryFacts) {
			f.Others = []CountedUnits{delivered(2, "X", stRespite, RecipientChild, "2026-03-08", 5, 0)}
		}},
		{name: "ErrRespiteDays/TwoLeft", code: ERespiteDays, remaining: "2", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stRespite, RecipientChild)
			dl.Units = 3
			f.Others = []CountedUnits{delivered(2, "X", stRespite, RecipientChild, "2026-01-05", 28, 0)}
		}},
		{name: "ErrRespiteDays/UsedUp", code: ERespiteDays, remaining: "0", change: func(dl *Delivery, f *DeliveryFacts) {
			asService(dl, f, stRespite, RecipientChild)
			f.Others = []CountedUnits{delivered(2, "X", stRespite, RecipientChild, "2026-01-05", 31, 0)}
		}},
		{name: "ErrBudget/FiftyEuroLeft", code: EBudget, remaining: "50.00", change: func(dl *Delivery, f *DeliveryFacts) {
			f.Revision.Budget = 10000
			f.Others = []CountedUnits{delivered(1, "L0", stSession, RecipientChild, "2026-02-01", 1, 5000)}
		}},
		{name: "ErrBudget/OverspentShowsZero", code: EBudget, remaining: "0.00", change: func(dl *Delivery, f *DeliveryFacts) {
			f.Revision.Budget = 4000
			f.Others = []CountedUnits{delivered(1, "L0", stSession, RecipientChild, "2026-02-01", 1, 5000)}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dl, f := deliveryCase()
			tc.change(dl, f)
			err := CheckDelivery(dl, f)
			if tc.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a domain error %s", err, tc.code)
			}
			if e.Code != tc.code || e.Field != tc.field || e.Remaining != tc.remaining {
				t.Errorf("got code %q field %q remaining %q, want %q %q %q (%s)", e.Code, e.Field, e.Remaining, tc.code, tc.field, tc.remaining, e.Message)
			}
		})
	}
}

// TestDeliveryChangeRules: the preconditions the service checks on a locked delivery and on
// a claim, in the order the callers meet them.
func TestDeliveryChangeRules(t *testing.T) {
	for _, x := range []struct {
		status  DeliveryStatus
		version int
		change  string // CheckDeliveryChange's code ("" for none)
		verify  string // CheckVerify's code
	}{
		{DeliveryRecorded, 3, "", ""},
		{DeliveryVerified, 3, "", EINVALID},
		{DeliveryClaimed, 3, EDeliveryLocked, EDeliveryLocked},
		{DeliveryRejected, 3, EINVALID, EINVALID},
		{DeliveryRecorded, 2, ECONFLICT, ECONFLICT}, // a stale version comes first
		{DeliveryClaimed, 2, ECONFLICT, ECONFLICT},
	} {
		del := &Delivery{ID: 1, Status: x.status, Version: 3}
		code := func(err error) string {
			if err == nil {
				return ""
			}
			return ErrorCode(err)
		}
		if got := code(CheckDeliveryChange(del, x.version)); got != x.change {
			t.Errorf("change of a %s delivery at version %d: %q, want %q", x.status, x.version, got, x.change)
		}
		if got := code(CheckVerify(del, x.version)); got != x.verify {
			t.Errorf("verify of a %s delivery at version %d: %q, want %q", x.status, x.version, got, x.verify)
		}
	}
	if err := CheckVerifyRefs([]DeliveryRef{{ID: 1}, {ID: 2}, {ID: 1}}); ErrorCode(err) != EINVALID {
		t.Errorf("a delivery named twice: %v", err)
	}
	if err := CheckVerifyRefs(nil); ErrorCode(err) != EINVALID {
		t.Errorf("nothing to verify: %v", err)
	}
	if err := CheckBatch(MaxBatch + 1); ErrorCode(err) != EINVALID {
		t.Errorf("a batch over the limit: %v", err)
	}
	if next, reason, err := CheckClaimStep(ClaimStepReject, &Claim{Status: ClaimSubmitted}, nil); err == nil {
		t.Errorf("a rejection without a reason: %s %v", next, reason)
	}
	if next, _, err := CheckClaimStep(ClaimStepPay, &Claim{Status: ClaimApproved}, nil); err != nil || next != ClaimPaid {
		t.Errorf("pay an approved claim: %s %v", next, err)
	}
	if err := CheckClaimable(nil); ErrorCode(err) != ENothingToClaim {
		t.Errorf("a claim of nothing: %v", err)
	}
}
