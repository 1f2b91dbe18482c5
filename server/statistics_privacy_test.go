package server

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"atbalsts/dbtest"
	"atbalsts/domain"
)

// The statistics over the demo as its users get them: what an analyst cannot work out of the
// suppressed cells, that no answer names a person, the errors, each role's scope, Liepāja's
// published figures, and the audit of every request. One demo load for all.

// statisticsIDsQuery reads each row's values with what its coarser groupings need: a
// municipality's region and a service type's category.
const statisticsIDsQuery = `query($f: StatisticsFilter!, $g: [StatisticsDimension!]!) {
	statistics(filter: $f, groupBy: $g) {
		minCount
		total { ...m }
		rows { region { name } municipality { name region { name } } project { name } serviceType { code category }
			serviceCategory recipient fundingSource period ageBand sex impairment livingArrangement measures { ...m } }
	}
}
fragment m on StatisticsMeasures { children families parents childrenWithPlans sessions hours days deliveries cost
	fundingShares { code amount } suppressed }`

type statIDRow struct {
	Region       *struct{ Name string }
	Municipality *struct {
		Name   string
		Region struct{ Name string }
	}
	Project                                                                                        *struct{ Name string }
	ServiceType                                                                                    *struct{ Code, Category string }
	ServiceCategory, Recipient, FundingSource, Period, AgeBand, Sex, Impairment, LivingArrangement *string
	Measures                                                                                       statMeasures
}

type statIDResult struct {
	MinCount *int
	Total    statMeasures
	Rows     []statIDRow
}

// statGroupings are every grouping of at most two of the dimensions (at most one of time).
var statDifferencingDims = []string{"REGION", "MUNICIPALITY", "PROJECT", "SERVICE_CATEGORY", "SERVICE_TYPE", "MONTH", "QUARTER",
	"YEAR", "SEX", "AGE_BAND", "LIVING_ARRANGEMENT"}

func isTimeDim(d string) bool { return d == "MONTH" || d == "QUARTER" || d == "YEAR" }

func statGroupings() [][]string {
	out := [][]string{{}}
	for i, a := range statDifferencingDims {
		out = append(out, []string{a})
		for _, b := range statDifferencingDims[i+1:] {
			if !(isTimeDim(a) && isTimeDim(b)) {
				out = append(out, []string{a, b})
			}
		}
	}
	return out
}

// values are a row's values of every dimension its grouping determines: its own and their
// parents (REGION of MUNICIPALITY, SERVICE_CATEGORY of SERVICE_TYPE, QUARTER and YEAR of MONTH,
// YEAR of QUARTER).
func (r statIDRow) values(dims []string) map[string]string {
	v := map[string]string{}
	s := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	for _, d := range dims {
		switch d {
		case "REGION":
			v[d] = r.Region.Name
		case "MUNICIPALITY":
			v[d], v["REGION"] = r.Municipality.Name, r.Municipality.Region.Name
		case "PROJECT":
			v[d] = r.Project.Name
		case "SERVICE_TYPE":
			v[d], v["SERVICE_CATEGORY"] = r.ServiceType.Code, r.ServiceType.Category
		case "SERVICE_CATEGORY":
			v[d] = s(r.ServiceCategory)
		case "MONTH":
			var y, m int
			fmt.Sscanf(*r.Period, "%d-%d", &y, &m)
			v[d], v["QUARTER"], v["YEAR"] = *r.Period, fmt.Sprintf("%04d-Q%d", y, (m+2)/3), (*r.Period)[:4]
		case "QUARTER":
			v[d], v["YEAR"] = *r.Period, (*r.Period)[:4]
		case "YEAR":
			v[d] = *r.Period
		case "SEX":
			v[d] = s(r.Sex)
		case "AGE_BAND":
			v[d] = s(r.AgeBand)
		case "LIVING_ARRANGEMENT":
			v[d] = s(r.LivingArrangement)
		}
	}
	return v
}

// coarserKey is the key in grouping `to` of a row with these values, and whether `to` is
// determined by them.
func coarserKey(values map[string]string, to []string) (string, bool) {
	var parts []string
	for _, d := range to {
		v, ok := values[d]
		if !ok {
			return "", false
		}
		parts = append(parts, d+"="+v)
	}
	return strings.Join(parts, "|"), true
}

func additive(m statMeasures) string {
	cost := "null"
	if m.Cost != nil {
		cost = *m.Cost
	}
	return fmt.Sprintf("sessions %s, hours %s, days %s, deliveries %s, cost %s", n(m.Sessions), n(m.Hours), n(m.Days), n(m.Deliveries), cost)
}

func TestStatisticsPrivacyOnTheDemo(t *testing.T) {
	t.Parallel()
	a, admin, analyst := demoAdminAndAnalyst(t)
	as := func(email, password string) caller {
		c, r := a.signIn(email, password, "")
		if r.code() != "" {
			t.Fatalf("sign in %s: %+v", email, r.Errors)
		}
		return c
	}
	liepajaWorker := as("darbiniece.liepaja@atbalsts.example", "liepaja-demo-2026")
	coordinator := as("koordinators.kurzeme@atbalsts.example", "koordinators-demo-2026")
	assessor := as("izvertetaja@atbalsts.example", "izvertetaja-demo-2026")
	specialist := as("specialists@atbalsts.example", "specialists-demo-2026")
	su := dbtest.Superuser(t, a.s.DB())

	var people []struct {
		First string `db:"first_name"`
		Last  string `db:"last_name"`
		Code  string `db:"personal_code"`
		Born  string `db:"birth_date"`
	}
	if err := su.Select(&people, `SELECT first_name, last_name, personal_code, birth_date::text FROM child
		UNION ALL SELECT first_name, last_name, coalesce(personal_code, ''), '' FROM parent`); err != nil {
		t.Fatal(err)
	}
	if len(people) < 100 {
		t.Fatalf("the demo has %d children and parents", len(people))
	}
	names, codes := map[string]bool{}, map[string]bool{}
	for _, p := range people {
		names[p.First], names[p.Last] = true, true
		if p.Code != "" {
			codes[p.Code] = true
		}
		if p.Born != "" {
			codes[p.Born] = true
		}
	}
	year2021 := map[string]any{"from": "2021-01-01", "to": "2021-12-31"}
	askIDs := func(c caller, filter map[string]any, groupBy []string) (statIDResult, gqlResponse) {
		t.Helper()
		if groupBy == nil {
			groupBy = []string{}
		}
		r := a.do(c, statisticsIDsQuery, map[string]any{"f": filter, "g": groupBy})
		if r.code() != "" {
			t.Fatalf("statistics %v by %v: %+v", filter, groupBy, r.Errors)
		}
		var out struct{ Statistics statIDResult }
		if err := json.Unmarshal(r.Data, &out); err != nil {
			t.Fatal(err)
		}
		return out.Statistics, r
	}

	// The analyst's answers for 2021, national, by every grouping of up to two dimensions.
	groupings := statGroupings()
	answers := make([]statIDResult, len(groupings))
	raw := make([]json.RawMessage, len(groupings))
	for i, g := range groupings {
		var r gqlResponse
		answers[i], r = askIDs(analyst, year2021, g)
		raw[i] = r.Data
	}

	// The admin's, the same figures exact: which suppressed cells have deliveries at all.
	exactAnswers := make([]statIDResult, len(groupings))
	for i, g := range groupings {
		exactAnswers[i], _ = askIDs(admin, year2021, g)
	}

	t.Run("differencing", func(t *testing.T) {
		suppressed, cells, pairs, coarseCells, alone := 0, 0, 0, 0, 0
		for _, res := range answers {
			for _, r := range res.Rows {
				cells++
				if r.Measures.Suppressed {
					suppressed++
				}
			}
		}
		if suppressed == 0 {
			t.Fatal("no cell of the analyst's 2021 is suppressed: the check proves nothing")
		}
		for fi, fine := range groupings {
			for ci, coarse := range groupings {
				if fi == ci || len(coarse) > len(fine) {
					continue
				}
				// Is coarse determined by fine (and coarser)?
				probe := map[string]string{}
				if len(answers[fi].Rows) > 0 {
					probe = answers[fi].Rows[0].values(fine)
				}
				if _, ok := coarserKey(probe, coarse); !ok || len(answers[fi].Rows) == 0 {
					continue
				}
				if len(coarse) == len(fine) && slices.Equal(fine, coarse) {
					continue
				}
				pairs++
				// The coarser cells, visible ones with their figures.
				visible := map[string]statMeasures{}
				if len(coarse) == 0 {
					if !answers[ci].Total.Suppressed {
						visible[""] = answers[ci].Total
					}
				}
				for _, r := range answers[ci].Rows {
					k, _ := coarserKey(r.values(coarse), coarse)
					if !r.Measures.Suppressed {
						visible[k] = r.Measures
					}
				}
				type acc struct {
					hidden   []string
					carrying int // of the hidden, those with deliveries
					shown    int // of the visible, those with deliveries
					n        int
					sessions int
				}
				deliveries := map[string]int{}
				for _, r := range exactAnswers[fi].Rows {
					fk, _ := coarserKey(r.values(fine), fine)
					deliveries[fk] = *r.Measures.Deliveries
				}
				into := map[string]*acc{}
				for _, r := range answers[fi].Rows {
					k, _ := coarserKey(r.values(fine), coarse)
					if into[k] == nil {
						into[k] = &acc{}
					}
					x := into[k]
					x.n++
					if r.Measures.Suppressed {
						fk, _ := coarserKey(r.values(fine), fine)
						x.hidden = append(x.hidden, fk)
						if deliveries[fk] > 0 {
							x.carrying++
						}
					} else if r.Measures.Sessions != nil {
						x.sessions += *r.Measures.Sessions
						if *r.Measures.Deliveries > 0 {
							x.shown++
						}
					}
				}
				for k, x := range into {
					m, ok := visible[k]
					if !ok {
						continue
					}
					coarseCells++
					switch {
					case len(x.hidden) == 1 && x.n == 1:
						// The coarser cell is the same figure as the finer one, suppressed to
						// protect a neighbour that had no other complement: a differencing
						// through a third grouping that suppression within one answer cannot
						// prevent (reported, not failed).
						if alone++; alone <= 10 {
							t.Logf("by %v, %s is suppressed but is by %v's %q alone (%s)", fine, x.hidden[0], coarse, k, additive(m))
						}
					case len(x.hidden) == 1:
						t.Errorf("by %v, %s = by %v's %q (%s) less the %d visible cells of it: of its %d cells only %s is suppressed",
							fine, x.hidden[0], coarse, k, additive(m), x.n-1, x.n, x.hidden[0])
					case len(x.hidden) > 1 && x.carrying == 1 && x.shown == 0:
						// The same: the one with deliveries has all of the coarser cell's.
						if alone++; alone <= 10 {
							t.Logf("by %v, of %v only one has deliveries, all of by %v's %q (%s)", fine, x.hidden, coarse, k, additive(m))
						}
					case len(x.hidden) > 1 && x.carrying == 1 && m.Deliveries != nil && *m.Deliveries > 0:
						t.Errorf("by %v, by %v's %q (%s) less its visible cells is one suppressed cell's figures: of %v only one has deliveries",
							fine, coarse, k, additive(m), x.hidden)
					case len(x.hidden) == 0 && m.Sessions != nil && *m.Sessions != x.sessions:
						t.Errorf("by %v, the cells of by %v's %q add up to %d sessions, it has %d", fine, coarse, k, x.sessions, *m.Sessions)
					}
				}
			}
		}
		t.Logf("%d groupings, %d cells, %d suppressed; %d pairs of a grouping and a coarser one, %d visible coarser cells checked; "+
			"%d suppressed cells the same as a visible coarser one (in its deliveries' figures)", len(groupings), cells, suppressed, pairs, coarseCells, alone)
	})

	t.Run("no person", func(t *testing.T) {
		bands := 0
		for i, data := range raw {
			var v any
			json.Unmarshal(data, &v)
			walkStrings(v, func(key, s string) {
				if names[s] {
					t.Errorf("by %v: the analyst's answer has %s %q, a child's or parent's name", groupings[i], key, s)
				}
				for _, w := range strings.Fields(s) {
					if names[w] && !slices.Contains([]string{"region", "name"}, key) {
						t.Errorf("by %v: %s %q has a child's or parent's name", groupings[i], key, s)
					}
				}
				if codes[s] || len(s) >= 10 && dateLike(s) {
					t.Errorf("by %v: the analyst's answer has %s %q: a personal code or a date", groupings[i], key, s)
				}
				if key == "ageBand" {
					bands++
					if !slices.Contains(domain.AgeBands, s) {
						t.Errorf("by %v: age band %q", groupings[i], s)
					}
				}
			})
		}
		if bands == 0 {
			t.Error("no age band in the answers")
		}
	})

	t.Run("suppressed cells", func(t *testing.T) {
		seen := 0
		for i, res := range answers {
			if res.MinCount == nil || *res.MinCount != graphDefaultMinCount {
				t.Errorf("by %v: the analyst's minCount %v, want %d", groupings[i], shown(res.MinCount), graphDefaultMinCount)
			}
			for _, r := range append([]statIDRow{{Measures: res.Total}}, res.Rows...) {
				m := r.Measures
				if !m.Suppressed {
					for _, c := range []*int{m.Children, m.Families, m.Parents, m.ChildrenWithPlans} {
						if c != nil && *c > 0 && *c < graphDefaultMinCount {
							t.Errorf("by %v: a visible cell of %d people", groupings[i], *c)
						}
					}
					continue
				}
				seen++
				if m.Children != nil || m.Families != nil || m.Parents != nil || m.ChildrenWithPlans != nil || m.Sessions != nil ||
					m.Hours != nil || m.Days != nil || m.Deliveries != nil || m.Cost != nil || m.FundingShares != nil {
					t.Errorf("by %v: a suppressed cell has figures: %+v", groupings[i], m)
				}
			}
		}
		if seen == 0 {
			t.Error("nothing suppressed")
		}
	})

	same := func(t *testing.T, what string, got, want statMeasures) {
		t.Helper()
		g, w := fmt.Sprintf("children %s, with plans %s, %s", n(got.Children), n(got.ChildrenWithPlans), additive(got)),
			fmt.Sprintf("children %s, with plans %s, %s", n(want.Children), n(want.ChildrenWithPlans), additive(want))
		if g != w {
			t.Errorf("%s: %s, want %s", what, g, w)
		}
	}
	ludza := gid("Municipality", a.municipalityID("Ludzas novads"))
	t.Run("Ludzas novads", func(t *testing.T) {
		all := map[string]any{"from": "2015-01-01", "to": "2026-12-31"}
		find := func(c caller) (*statIDRow, *int) {
			res, _ := askIDs(c, all, []string{"MUNICIPALITY"})
			for _, r := range res.Rows {
				if r.Municipality.Name == "Ludzas novads" {
					return &r, res.MinCount
				}
			}
			return nil, res.MinCount
		}
		exact, k := find(admin)
		if k != nil {
			t.Errorf("the admin's minCount %d", *k)
		}
		if exact == nil {
			// The one child of Ludzas novads was only assessed: no plan, no delivery, so no row.
			res, _ := askIDs(admin, map[string]any{"from": "2015-01-01", "to": "2026-12-31", "municipalityIds": []string{ludza}}, nil)
			t.Logf("Ludzas novads has no row for the admin either (its total: children %s, with plans %s)",
				n(res.Total.Children), n(res.Total.ChildrenWithPlans))
			if res.Total.Suppressed {
				t.Error("the admin's total is suppressed")
			}
		} else {
			m := exact.Measures
			if m.Suppressed || m.ChildrenWithPlans == nil || m.Children == nil {
				t.Fatalf("the admin's Ludzas novads: %+v", m)
			}
			t.Logf("the admin's Ludzas novads: children %s, with plans %s, %s", n(m.Children), n(m.ChildrenWithPlans), additive(m))
			got, k := find(analyst)
			if k == nil || *k != graphDefaultMinCount {
				t.Errorf("the analyst's minCount %v", shown(k))
			}
			if got == nil || !got.Measures.Suppressed {
				t.Errorf("the analyst's Ludzas novads: %+v", got)
			}
		}
		// Every municipality the admin sees small over the demo's years is suppressed for the
		// analyst; every one the analyst sees is the admin's exactly.
		ad, _ := askIDs(admin, all, []string{"MUNICIPALITY"})
		an, _ := askIDs(analyst, all, []string{"MUNICIPALITY"})
		if len(ad.Rows) != len(an.Rows) {
			t.Fatalf("the admin has %d municipalities, the analyst %d", len(ad.Rows), len(an.Rows))
		}
		smallOnes := 0
		for i, r := range ad.Rows {
			small := false
			for _, c := range []*int{r.Measures.Children, r.Measures.Families, r.Measures.Parents, r.Measures.ChildrenWithPlans} {
				small = small || *c > 0 && *c < graphDefaultMinCount
			}
			got := an.Rows[i]
			switch {
			case got.Municipality.Name != r.Municipality.Name:
				t.Fatalf("row %d: the admin's %s, the analyst's %s", i, r.Municipality.Name, got.Municipality.Name)
			case small:
				smallOnes++
				if !got.Measures.Suppressed {
					t.Errorf("the analyst sees %s: %+v", r.Municipality.Name, got.Measures)
				}
				t.Logf("%s is small (children %s, families %s, parents %s, with plans %s): the analyst's suppressed %v", r.Municipality.Name,
					n(r.Measures.Children), n(r.Measures.Families), n(r.Measures.Parents), n(r.Measures.ChildrenWithPlans), got.Measures.Suppressed)
			case !got.Measures.Suppressed:
				same(t, "the analyst's "+r.Municipality.Name, got.Measures, r.Measures)
			}
		}
		t.Logf("over the demo's years, by MUNICIPALITY: %d municipalities, %d small", len(ad.Rows), smallOnes)
		// Filtered to Ludzas novads alone, its total is small: suppressed for the analyst.
		f := map[string]any{"from": "2015-01-01", "to": "2026-12-31", "municipalityIds": []string{ludza}}
		for _, g := range [][]string{nil, {"SEX"}, {"AGE_BAND"}} {
			res, _ := askIDs(analyst, f, g)
			ad, _ := askIDs(admin, f, g)
			small := false
			for _, c := range []*int{ad.Total.Children, ad.Total.Families, ad.Total.Parents, ad.Total.ChildrenWithPlans} {
				small = small || c != nil && *c > 0 && *c < graphDefaultMinCount
			}
			if small != res.Total.Suppressed {
				t.Errorf("by %v: the admin's Ludzas novads total %+v, the analyst's suppressed %v", g, ad.Total, res.Total.Suppressed)
			}
			for _, r := range res.Rows {
				if !r.Measures.Suppressed {
					t.Errorf("by %v: the analyst sees a row of Ludzas novads: %+v", g, r.Measures)
				}
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		project := a.globalIDOf(t, "Project", "SELECT id FROM project ORDER BY id LIMIT 1")
		for _, tc := range []struct {
			name      string
			filter    map[string]any
			groupBy   any
			code      string
			field     string
			withField bool
		}{
			{"MunicipalityIdOfAProject", map[string]any{"from": "2021-01-01", "to": "2021-12-31", "municipalityIds": []string{project}},
				[]string{}, "BAD_USER_INPUT", "filter.municipalityIds.0", true},
			{"NotAnId", map[string]any{"from": "2021-01-01", "to": "2021-12-31", "regionIds": []string{"not-an-id"}},
				[]string{}, "BAD_USER_INPUT", "filter.regionIds.0", true},
			{"ToBeforeFrom", map[string]any{"from": "2021-12-31", "to": "2021-01-01"}, []string{}, "BAD_USER_INPUT", "filter.to", true},
			{"TwentyOneYears", map[string]any{"from": "2000-01-01", "to": "2021-01-01"}, []string{}, "BAD_USER_INPUT", "filter.to", true},
			{"FiveDimensions", year2021, []string{"REGION", "SEX", "AGE_BAND", "PROJECT", "RECIPIENT"}, "BAD_USER_INPUT", "groupBy", true},
			{"TwiceTheSame", year2021, []string{"SEX", "SEX"}, "BAD_USER_INPUT", "groupBy", true},
			{"TwoOfTime", year2021, []string{"YEAR", "MONTH"}, "BAD_USER_INPUT", "groupBy", true},
			{"NotADate", map[string]any{"from": "2021-02-30", "to": "2021-12-31"}, []string{}, "", "", false},
			{"UnknownDimension", year2021, []string{"PERSONAL_CODE"}, "", "", false},
			{"UnknownCategory", map[string]any{"from": "2021-01-01", "to": "2021-12-31", "serviceCategories": []string{"NOPE"}},
				[]string{}, "", "", false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := a.do(analyst, statisticsQuery, map[string]any{"f": tc.filter, "g": tc.groupBy})
				if len(r.Errors) == 0 {
					t.Fatalf("no error: %s", r.Data)
				}
				e := r.Errors[0]
				t.Logf("%s: code %v, field %v: %s", tc.name, e.Extensions["code"], e.Extensions["field"], e.Message)
				if tc.code != "" && r.code() != tc.code {
					t.Errorf("code %s, want %s: %s", r.code(), tc.code, e.Message)
				}
				if r.code() == "" || r.code() == "<nil>" || r.code() == "INTERNAL" {
					t.Errorf("code %q: %s", r.code(), e.Message)
				}
				if tc.withField && fmt.Sprint(e.Extensions["field"]) != tc.field {
					t.Errorf("field %v, want %s", e.Extensions["field"], tc.field)
				}
				var data struct{ Statistics *statIDResult }
				if len(r.Data) > 0 && json.Unmarshal(r.Data, &data) == nil && data.Statistics != nil {
					t.Errorf("data %s", r.Data)
				}
				for _, w := range strings.FieldsFunc(e.Message, func(r rune) bool { return r == ' ' || r == '"' || r == ',' || r == ':' }) {
					if names[w] || codes[w] {
						t.Errorf("the message %q has %q, a child's or parent's name or code", e.Message, w)
					}
				}
			})
		}
	})

	liepaja := gid("Municipality", a.municipalityID("Liepāja"))
	rezekne := gid("Municipality", a.municipalityID("Rēzekne"))
	kurzemeVisiem := a.globalIDOf(t, "Project", "SELECT id FROM project WHERE code = '9.2.2.1/15/I/002'")
	var regions []string
	for _, code := range domain.RegionCodes {
		regions = append(regions, gid("PlanningRegion", a.regionID(code)))
	}
	exact := func(t *testing.T, who string, res statIDResult) {
		t.Helper()
		if res.MinCount != nil {
			t.Errorf("%s: minCount %d", who, *res.MinCount)
		}
		if res.Total.Suppressed {
			t.Errorf("%s: the total is suppressed", who)
		}
		for _, r := range res.Rows {
			if r.Measures.Suppressed {
				t.Errorf("%s: a suppressed row", who)
			}
		}
	}

	t.Run("scope", func(t *testing.T) {
		period := map[string]any{"from": "2015-12-01", "to": "2023-12-31"}
		with := func(k string, v any) map[string]any {
			f := map[string]any{"from": period["from"], "to": period["to"]}
			f[k] = v
			return f
		}
		// The Liepāja worker: Liepāja's figures however the filter reads.
		adminLiepaja, _ := askIDs(admin, with("municipalityIds", []string{liepaja}), []string{"MUNICIPALITY"})
		if adminLiepaja.Total.Sessions == nil || *adminLiepaja.Total.Sessions == 0 {
			t.Fatalf("the admin's Liepāja: %+v", adminLiepaja.Total)
		}
		for name, f := range map[string]map[string]any{"national": period, "every region": with("regionIds", regions),
			"Liepāja": with("municipalityIds", []string{liepaja})} {
			res, _ := askIDs(liepajaWorker, f, []string{"MUNICIPALITY"})
			exact(t, "the Liepāja worker, "+name, res)
			same(t, "the Liepāja worker's total, "+name, res.Total, adminLiepaja.Total)
			if len(res.Rows) != 1 || res.Rows[0].Municipality.Name != "Liepāja" {
				var got []string
				for _, r := range res.Rows {
					got = append(got, r.Municipality.Name)
				}
				t.Errorf("the Liepāja worker, %s: rows of %v", name, got)
			}
		}
		res, _ := askIDs(liepajaWorker, with("municipalityIds", []string{rezekne}), []string{"MUNICIPALITY"})
		if len(res.Rows) != 0 || n(res.Total.Children) != "0" || n(res.Total.ChildrenWithPlans) != "0" ||
			additive(res.Total) != "sessions 0, hours 0, days 0, deliveries 0, cost 0.00" {
			t.Errorf("the Liepāja worker asking for Rēzekne: %d rows, total %+v", len(res.Rows), res.Total)
		}
		exact(t, "the Liepāja worker, Rēzekne", res)

		// The Kurzeme coordinator: "Kurzeme visiem" alone (in every partner municipality).
		adminKurzeme, _ := askIDs(admin, with("projectIds", []string{kurzemeVisiem}), []string{"PROJECT"})
		for name, f := range map[string]map[string]any{"national": period, "every region": with("regionIds", regions)} {
			res, _ := askIDs(coordinator, f, []string{"PROJECT"})
			exact(t, "the coordinator, "+name, res)
			same(t, "the coordinator's total, "+name, res.Total, adminKurzeme.Total)
			if len(res.Rows) != 1 || res.Rows[0].Project.Name != "Kurzeme visiem" {
				t.Errorf("the coordinator, %s: %d rows", name, len(res.Rows))
			}
		}
		var others int
		a.s.DB().Get(&others, `SELECT count(*) FROM project WHERE code <> '9.2.2.1/15/I/002'`)
		if others > 0 {
			other := a.globalIDOf(t, "Project", "SELECT id FROM project WHERE code <> '9.2.2.1/15/I/002' ORDER BY id LIMIT 1")
			res, _ := askIDs(coordinator, with("projectIds", []string{other}), []string{"PROJECT"})
			ad, _ := askIDs(admin, with("projectIds", []string{other}), []string{"PROJECT"})
			if len(res.Rows) != 0 || n(res.Total.Sessions) != "0" {
				t.Errorf("the coordinator asking for another project: %d rows, %s (the admin: %s)", len(res.Rows), additive(res.Total),
					additive(ad.Total))
			}
		}
		// By municipality the coordinator's rows are the project's partners, Liepāja's the same
		// as the admin's for the project.
		res, _ = askIDs(coordinator, period, []string{"MUNICIPALITY"})
		ad, _ := askIDs(admin, with("projectIds", []string{kurzemeVisiem}), []string{"MUNICIPALITY"})
		if len(res.Rows) != len(ad.Rows) {
			t.Errorf("the coordinator has %d municipalities, the admin's project %d", len(res.Rows), len(ad.Rows))
		}
		for i := range min(len(res.Rows), len(ad.Rows)) {
			same(t, "the coordinator's "+res.Rows[i].Municipality.Name, res.Rows[i].Measures, ad.Rows[i].Measures)
		}

		for who, c := range map[string]caller{"assessor": assessor, "specialist": specialist} {
			if r := a.do(c, statisticsQuery, map[string]any{"f": period, "g": []string{}}); r.code() != "FORBIDDEN" {
				t.Errorf("the %s: %q %s", who, r.code(), r.Data)
			}
		}
		if r := a.do(caller{}, statisticsQuery, map[string]any{"f": period, "g": []string{}}); r.code() != "UNAUTHENTICATED" {
			t.Errorf("anonymous: %q %s", r.code(), r.Data)
		}
	})

	t.Run("Liepāja in Kurzeme visiem", func(t *testing.T) {
		f := map[string]any{"from": "2015-12-01", "to": "2023-12-31", "municipalityIds": []string{liepaja}, "projectIds": []string{kurzemeVisiem}}
		for who, c := range map[string]caller{"admin": admin, "analyst": analyst, "Liepāja worker": liepajaWorker, "coordinator": coordinator} {
			res, _ := askIDs(c, f, nil)
			got := fmt.Sprintf("%s children with plans, %s families, %s parents", n(res.Total.ChildrenWithPlans), n(res.Total.Families),
				n(res.Total.Parents))
			if got != "79 children with plans, 63 families, 52 parents" {
				t.Errorf("the %s: %s; want 79, 63, 52", who, got)
			}
		}
	})

	t.Run("audit", func(t *testing.T) {
		var analystID int
		if err := su.Get(&analystID, `SELECT id FROM app_user WHERE email = 'analitikis@atbalsts.example'`); err != nil {
			t.Fatal(err)
		}
		f := map[string]any{"from": "2021-01-01", "to": "2021-06-30", "municipalityIds": []string{liepaja},
			"serviceCategories": []string{"SOCIAL_REHABILITATION"}, "recipient": "CHILD"}
		r := a.do(analyst, statisticsQuery, map[string]any{"f": f, "g": []string{"MUNICIPALITY", "SEX"}})
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		var rows []domain.AuditEvent
		for _, e := range a.auditRows(r.requestID) {
			if e.EntityType == "Statistics" {
				rows = append(rows, e)
			}
		}
		if len(rows) != 1 {
			t.Fatalf("%d audit rows of Statistics for the request, want 1", len(rows))
		}
		e := rows[0]
		if e.Action != domain.AuditRead || e.ActorID == nil || *e.ActorID != analystID || e.ActorRole == nil ||
			*e.ActorRole != domain.RoleMinistryAnalyst {
			t.Errorf("audit row: action %s, actor %v (%v), want READ by %d", e.Action, shown(e.ActorID), shown(e.ActorRole), analystID)
		}
		var details struct {
			Filter  map[string]any
			GroupBy []string
			Format  string
		}
		if e.Details == nil || json.Unmarshal([]byte(*e.Details), &details) != nil {
			t.Fatalf("details %v", shown(e.Details))
		}
		want := fmt.Sprintf("map[from:2021-01-01 municipalityIds:[%d] recipient:CHILD serviceCategories:[SOCIAL_REHABILITATION] to:2021-06-30]",
			a.municipalityID("Liepāja"))
		if fmt.Sprint(details.Filter) != want || !slices.Equal(details.GroupBy, []string{"MUNICIPALITY", "SEX"}) || details.Format != "graphql" {
			t.Errorf("details %s", *e.Details)
		}
		// Every request its row: three more, one of them by the admin.
		before := auditCount(t, su)
		for _, c := range []caller{analyst, analyst, admin} {
			if r := a.do(c, statisticsQuery, map[string]any{"f": year2021, "g": []string{}}); r.code() != "" {
				t.Fatal(r.Errors)
			}
		}
		if got := auditCount(t, su) - before; got != 3 {
			t.Errorf("three requests wrote %d audit rows of Statistics", got)
		}
	})
}

func auditCount(t *testing.T, db interface {
	Get(any, string, ...any) error
}) int {
	t.Helper()
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM audit_event WHERE entity_type = 'Statistics'`); err != nil {
		t.Fatal(err)
	}
	return n
}

// walkStrings calls f with every string in a decoded JSON value and the key it is under.
func walkStrings(v any, f func(key, s string)) {
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(k, x)
			}
		case []any:
			for _, x := range v {
				walk(key, x)
			}
		case string:
			f(key, v)
		}
	}
	walk("", v)
}

// dateLike tells whether a string starts with a date, "2016-03-04".
func dateLike(s string) bool {
	_, err := time.Parse(time.DateOnly, s[:10])
	return err == nil
}
