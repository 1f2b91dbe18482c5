package domain

import (
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
