package domain

import (
	"testing"
	"time"
)

func TestFunds_MonthlyPace(t *testing.T) {
	for _, tc := range []struct {
		name string
		six  Money
		want Money
	}{
		{"None", 0, 0},
		{"Exact", 600_00, 100_00},
		{"HalfUp", 3, 1},     // 0.5 cent
		{"BelowHalf", 2, 0},  // 0.33 cent
		{"AboveHalf", 4, 1},  // 0.67 cent
		{"OneAndHalf", 9, 2}, // 1.5 cents
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (Funds{LastSixMonths: tc.six}).MonthlyPace(); got != tc.want {
				t.Errorf("pace of %s over six months = %s, want %s", tc.six, got, tc.want)
			}
		})
	}
}

func TestForecast(t *testing.T) {
	d := func(s string) time.Time {
		t, err := ParseDate(s)
		if err != nil {
			panic(err)
		}
		return t
	}
	month := func(s string) *time.Time { m := d(s + "-01"); return &m }
	const budget Money = 1000_00
	pace100 := Money(600_00) // six months of 100.00 a month
	history := []MonthAmount{
		{Month: d("2022-11-01"), Amount: 500_00, Cumulative: 500_00},
		{Month: d("2022-12-01"), Amount: 450_00, Cumulative: 950_00},
		{Month: d("2023-01-01"), Amount: 150_00, Cumulative: 1100_00},
		{Month: d("2023-02-01"), Amount: 0, Cumulative: 1100_00},
	}
	for _, tc := range []struct {
		name      string
		delivered Money
		six       Money
		byMonth   []MonthAmount
		on, end   string
		remaining Money
		exhausted *time.Time
		unspent   Money
	}{
		{name: "PaceZero", delivered: 400_00, on: "2023-03-15", end: "2023-12-31",
			remaining: 600_00, unspent: 600_00},
		{name: "ExhaustedBeforeEnd", delivered: 400_00, six: pace100, on: "2023-03-15", end: "2023-12-31",
			// March adds the first 100.00: 500, 600, ..., 1000 at the end of August
			remaining: 600_00, exhausted: month("2023-08")},
		{name: "ExhaustedInTheEndMonth", delivered: 400_00, six: pace100, on: "2023-03-15", end: "2023-08-31",
			remaining: 600_00, exhausted: month("2023-08")},
		{name: "ExhaustedInTheEndMonthsFirstDay", delivered: 400_00, six: pace100, on: "2023-03-01", end: "2023-08-01",
			remaining: 600_00, exhausted: month("2023-08")},
		{name: "ExhaustedAMonthAfterTheEnd", delivered: 400_00, six: pace100, on: "2023-03-15", end: "2023-07-31",
			// March to July: 5 x 100.00 of the 600.00
			remaining: 600_00, unspent: 100_00},
		{name: "PartOfAMonthsPace", delivered: 399_99, six: pace100, on: "2023-03-15", end: "2023-12-31",
			remaining: 600_01, exhausted: month("2023-09")},
		{name: "OnInTheEndMonth", delivered: 950_00, six: pace100, on: "2023-12-31", end: "2023-12-31",
			remaining: 50_00, exhausted: month("2023-12")},
		{name: "OnAfterTheEnd", delivered: 400_00, six: pace100, on: "2024-02-10", end: "2023-12-31",
			remaining: 600_00, unspent: 600_00},
		{name: "OnAfterTheEndPaceZero", delivered: 400_00, on: "2026-12-02", end: "2023-12-31",
			remaining: 600_00, unspent: 600_00},
		{name: "AlreadyOverBudget", delivered: 1100_00, six: pace100, byMonth: history, on: "2023-02-20", end: "2023-12-31",
			remaining: -100_00, exhausted: month("2023-01")},
		{name: "AlreadyOverBudgetPaceZero", delivered: 1100_00, byMonth: history, on: "2023-02-20", end: "2023-12-31",
			remaining: -100_00, exhausted: month("2023-01")},
		{name: "BudgetReachedExactly", delivered: 1000_00, on: "2023-02-20", end: "2023-12-31",
			byMonth:   []MonthAmount{{Month: d("2023-02-01"), Amount: 1000_00, Cumulative: 1000_00}},
			remaining: 0, exhausted: month("2023-02")},
		{name: "OverBudgetWithoutMonths", delivered: 1100_00, on: "2023-02-20", end: "2023-12-31",
			remaining: -100_00, exhausted: month("2023-02")},
		{name: "OverBudgetAfterTheEnd", delivered: 1100_00, byMonth: history, on: "2023-02-20", end: "2022-12-31",
			remaining: -100_00}, // reached in January, after the end: not "by the end", and nothing unspent
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Funds{Delivered: tc.delivered, LastSixMonths: tc.six, ByMonth: tc.byMonth}
			got := Forecast(budget, f, d(tc.on), d(tc.end))
			if got.Remaining != tc.remaining || got.UnspentAtEnd != tc.unspent {
				t.Errorf("remaining %s, unspent %s; want %s, %s", got.Remaining, got.UnspentAtEnd, tc.remaining, tc.unspent)
			}
			switch {
			case (got.ExhaustedIn == nil) != (tc.exhausted == nil):
				t.Errorf("exhausted in %v, want %v", got.ExhaustedIn, tc.exhausted)
			case got.ExhaustedIn != nil && !got.ExhaustedIn.Equal(*tc.exhausted):
				t.Errorf("exhausted in %s, want %s", got.ExhaustedIn.Format(MonthLayout), tc.exhausted.Format(MonthLayout))
			}
		})
	}
}

func TestProgressOf(t *testing.T) {
	p := &Project{ID: 1, TotalBudget: 1000_00, EndDate: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC),
		Targets: []ProjectTarget{{Group: "ADULTS_ASSESSED", Count: 482}, {Group: "CHILDREN_SERVED", Count: 350}, {Group: "CHILDREN_ASSESSED", Count: 480}}}
	on := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	facts := ProgressFacts{Project: p, Achieved: map[TargetGroup]int{TargetChildrenAssessed: 7},
		Funds: Funds{Delivered: 400_00, LastSixMonths: 600_00}, Partners: []PartnerFacts{{Funds: Funds{LastSixMonths: 60_00}}}}

	t.Run("OK", func(t *testing.T) {
		got := ProgressOf(facts, on)
		want := []TargetProgress{{Group: TargetChildrenAssessed, Planned: 480, Recorded: true}, {Group: TargetChildrenServed, Planned: 350, Recorded: true},
			{Group: "ADULTS_ASSESSED", Planned: 482}}
		if len(got.Targets) != len(want) {
			t.Fatalf("targets %+v", got.Targets)
		}
		for i, w := range want {
			g := got.Targets[i]
			if g.Group != w.Group || g.Planned != w.Planned || g.Recorded != w.Recorded || (g.Achieved == nil) != !w.Recorded {
				t.Errorf("target %d = %+v, want %+v", i, g, w)
			}
		}
		if *got.Targets[0].Achieved != 7 || *got.Targets[1].Achieved != 0 {
			t.Errorf("achieved %d, %d; want 7, 0", *got.Targets[0].Achieved, *got.Targets[1].Achieved)
		}
		if got.Funds.Budget == nil || *got.Funds.Budget != 1000_00 || got.Funds.Forecast == nil || got.Funds.Forecast.ExhaustedIn == nil {
			t.Errorf("funds %+v", got.Funds)
		}
		if got.Funds.MonthlyPace != 100_00 || got.Partners[0].Funds.MonthlyPace != 10_00 || got.Partners[0].Funds.Budget != nil {
			t.Errorf("paces %s, %s", got.Funds.MonthlyPace, got.Partners[0].Funds.MonthlyPace)
		}
	})
	t.Run("Partial", func(t *testing.T) {
		f := facts
		f.Partial = true
		if got := ProgressOf(f, on); got.Funds.Budget != nil || got.Funds.Forecast != nil {
			t.Errorf("a part of the project has budget %v, forecast %v", got.Funds.Budget, got.Funds.Forecast)
		}
	})
}
