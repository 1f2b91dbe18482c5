package server

import (
	"encoding/json"
	"fmt"
	"testing"
)

const statisticsQuery = `query($f: StatisticsFilter!, $g: [StatisticsDimension!]!) {
	statistics(filter: $f, groupBy: $g) {
		minCount
		total { ...m }
		rows { region { name } municipality { name } project { name } serviceType { code } serviceCategory recipient
			fundingSource period ageBand sex impairment livingArrangement measures { ...m } }
	}
}
fragment m on StatisticsMeasures { children families parents childrenWithPlans sessions hours days deliveries cost
	fundingShares { code amount } suppressed }`

type statMeasures struct {
	Children, Families, Parents, ChildrenWithPlans, Sessions, Hours, Days, Deliveries *int
	Cost                                                                              *string
	FundingShares                                                                     []struct{ Code, Amount string }
	Suppressed                                                                        bool
}

type statRow struct {
	Region, Municipality, Project *struct{ Name string }
	ServiceType                   *struct{ Code string }
	ServiceCategory, Recipient    *string
	FundingSource, Period         *string
	AgeBand, Sex, Impairment      *string
	LivingArrangement             *string
	Measures                      statMeasures
}

type statResult struct {
	MinCount *int
	Total    statMeasures
	Rows     []statRow
}

func (a *testAPI) statistics(c caller, filter map[string]any, groupBy ...string) statResult {
	a.t.Helper()
	if groupBy == nil {
		groupBy = []string{}
	}
	r := a.do(c, statisticsQuery, map[string]any{"f": filter, "g": groupBy})
	if r.code() != "" {
		a.t.Fatalf("statistics %v by %v: %+v", filter, groupBy, r.Errors)
	}
	var out struct{ Statistics statResult }
	if err := json.Unmarshal(r.Data, &out); err != nil {
		a.t.Fatal(err)
	}
	return out.Statistics
}

func n(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

// TestStatisticsSeedFigures: the figures the sources publish come out of the demo's recorded
// data exactly (seeds/004 for Rēzekne, seeds/000 for Liepāja).
func TestStatisticsSeedFigures(t *testing.T) {
	t.Parallel()
	a, admin, _ := demoAdminAndAnalyst(t)
	rezekne := a.globalIDOf(t, "Municipality", "SELECT id FROM municipality WHERE name = 'Rēzekne'")

	t.Run("Rēzekne 2021 social rehabilitation", func(t *testing.T) {
		res := a.statistics(admin, map[string]any{"from": "2021-01-01", "to": "2021-11-11", "municipalityIds": []string{rezekne},
			"serviceCategories": []string{"SOCIAL_REHABILITATION"}}, "SERVICE_TYPE")
		if got := fmt.Sprintf("%s children, %s sessions, EUR %s", n(res.Total.Children), n(res.Total.Sessions), *res.Total.Cost); got != "32 children, 1146 sessions, EUR 35791.00" {
			t.Errorf("total: %s", got)
		}
		want := map[string]int{"PHYSIOTHERAPY": 477, "SPEECH_THERAPY": 202, "CANISTHERAPY": 10, "OCCUPATIONAL_THERAPY": 24,
			"MASSAGE": 207, "PSYCHOLOGIST": 86, "BAK_THERAPY": 30, "ABA_THERAPY": 106, "SAND_THERAPY": 4}
		got := map[string]int{}
		for _, r := range res.Rows {
			got[r.ServiceType.Code] = *r.Measures.Sessions
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("sessions by service: %v, want %v", got, want)
		}
	})
	t.Run("Rēzekne 2021 home care", func(t *testing.T) {
		res := a.statistics(admin, map[string]any{"from": "2021-01-01", "to": "2021-11-11", "municipalityIds": []string{rezekne},
			"serviceCategories": []string{"HOME_CARE"}})
		if got := fmt.Sprintf("%s children, %s hours, EUR %s", n(res.Total.Children), n(res.Total.Hours), *res.Total.Cost); got != "21 children, 9988 hours, EUR 37867.98" {
			t.Errorf("total: %s", got)
		}
	})
}

// globalIDOf is the global id of the row a query finds.
func (a *testAPI) globalIDOf(t *testing.T, typ, query string) string {
	t.Helper()
	var id int
	if err := a.s.DB().Get(&id, query); err != nil {
		t.Fatal(err)
	}
	return gid(typ, id)
}
