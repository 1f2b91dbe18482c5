package server

import (
	"strconv"
	"testing"
	"time"

	"atbalsts/domain"
	"atbalsts/graph"
)

// projectProgress over the demo: the answers are checked against figures worked out here from
// the raw rows (deliveries one by one, in Go), against the domain's forecast rule, and for each
// role's scope.

const progressQuery = `query($ids: [ID!], $on: Date) { projectProgress(projectIds: $ids, on: $on) {
	project { id name } on
	targets { group planned achieved recorded }
	funds { ...F }
	partners { municipality { id name } funds { ...F } }
} }
fragment F on FundsProgress { budget committed delivered claimed paid remaining monthlyPace exhaustedIn unspentAtEnd
	byMonth { month amount cumulative } }`

// progressBrief asks several projects' progress without the months (the whole would be above
// the cost limit: every partner's months of every project).
const progressBrief = `query($ids: [ID!], $on: Date) { projectProgress(projectIds: $ids, on: $on) {
	project { id name } on targets { group planned achieved recorded } funds { delivered }
} }`

// wireMoney is a Money field of an answer: a decimal string, or null.
type wireMoney struct {
	set bool
	m   domain.Money
}

func (w *wireMoney) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	s, err := strconv.Unquote(string(b))
	if err != nil {
		return err
	}
	w.set = true
	w.m, err = domain.ParseMoney(s)
	return err
}

type wireFunds struct {
	Budget, Committed, Delivered, Claimed, Paid, Remaining, MonthlyPace, UnspentAtEnd wireMoney
	ExhaustedIn                                                                       *string
	ByMonth                                                                           []struct {
		Month              string
		Amount, Cumulative wireMoney
	}
}

type wireProgress struct {
	Project struct{ ID, Name string }
	On      string
	Targets []struct {
		Group    string
		Planned  int
		Achieved *int
		Recorded bool
	}
	Funds    wireFunds
	Partners []struct {
		Municipality struct{ ID, Name string }
		Funds        wireFunds
	}
}

// progressAnswer asks projectProgress as c; ids nil asks for every project in scope.
func progressAnswer(t *testing.T, a *testAPI, c caller, query string, ids []string, on string) ([]wireProgress, gqlResponse) {
	t.Helper()
	vars := map[string]any{}
	if ids != nil {
		vars["ids"] = ids
	}
	if on != "" {
		vars["on"] = on
	}
	r := a.do(c, query, vars)
	if r.code() != "" {
		return nil, r
	}
	var out struct{ ProjectProgress []wireProgress }
	r.decode(t, &out)
	return out.ProjectProgress, r
}

// expectedFunds works a unit's money out from the raw rows: the deliveries (of the
// municipalities wanted; nil: all) one by one, and the plans' budgets.
func expectedFunds(t *testing.T, a *testAPI, projectID int, start time.Time, on time.Time, municipalities []int) domain.Funds {
	t.Helper()
	var rows []struct {
		MunicipalityID int          `db:"municipality_id"`
		Date           time.Time    `db:"date"`
		Units          int64        `db:"units"`
		UnitPrice      domain.Money `db:"unit_price"`
		Status         string       `db:"status"`
		ClaimStatus    *string      `db:"claim_status"`
	}
	if err := a.s.DB().Select(&rows, `SELECT d.municipality_id, d.date, d.units, d.unit_price, d.status, k.status AS claim_status
		FROM service_delivery d LEFT JOIN compensation_claim k ON k.id = d.claim_id WHERE d.project_id = $1`, projectID); err != nil {
		t.Fatal(err)
	}
	wanted := func(m int) bool {
		if municipalities == nil {
			return true
		}
		for _, w := range municipalities {
			if w == m {
				return true
			}
		}
		return false
	}
	month := func(d time.Time) string { return d.Format("2006-01") }
	var f domain.Funds
	byMonth := map[string]domain.Money{}
	thisMonth := time.Date(on.Year(), on.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, r := range rows {
		if !wanted(r.MunicipalityID) || r.Status == "REJECTED" || r.Date.After(on) {
			continue
		}
		cost := domain.Money(r.Units) * r.UnitPrice
		f.Delivered += cost
		if r.ClaimStatus != nil && *r.ClaimStatus != "REJECTED" {
			f.Claimed += cost
		}
		if r.ClaimStatus != nil && *r.ClaimStatus == "PAID" {
			f.Paid += cost
		}
		if r.Date.Before(thisMonth) && !r.Date.Before(thisMonth.AddDate(0, -6, 0)) {
			f.LastSixMonths += cost
		}
		m := month(r.Date)
		if r.Date.Before(start) {
			m = month(start)
		}
		byMonth[m] += cost
	}
	var cumulative domain.Money
	for m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(on); m = m.AddDate(0, 1, 0) {
		cumulative += byMonth[month(m)]
		f.ByMonth = append(f.ByMonth, domain.MonthAmount{Month: m, Amount: byMonth[month(m)], Cumulative: cumulative})
	}
	var plans []struct {
		Budget       domain.Money `db:"budget"`
		Municipality int          `db:"municipality_id"`
	}
	if err := a.s.DB().Select(&plans, `SELECT r.budget, c.municipality_id FROM plan_revision r
		JOIN support_plan sp ON sp.id = r.plan_id JOIN child c ON c.id = sp.child_id JOIN project p ON p.id = sp.project_id
		WHERE sp.project_id = $1 AND r.status IN ('APPROVED', 'ACTIVE', 'CLOSED') AND r.valid_to >= p.start_date AND r.valid_from <= p.end_date`,
		projectID); err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		if wanted(p.Municipality) {
			f.Committed += p.Budget
		}
	}
	return f
}

// checkFunds compares an answer's funds with the expected ones; budget is nil for a part of a
// project.
func checkFunds(t *testing.T, what string, got wireFunds, want domain.Funds, budget *domain.Money, on, end time.Time) {
	t.Helper()
	pace := (want.LastSixMonths + 3) / 6
	for _, c := range []struct {
		name      string
		got, want domain.Money
	}{{"committed", got.Committed.m, want.Committed}, {"delivered", got.Delivered.m, want.Delivered},
		{"claimed", got.Claimed.m, want.Claimed}, {"paid", got.Paid.m, want.Paid}, {"monthlyPace", got.MonthlyPace.m, pace}} {
		if c.got != c.want {
			t.Errorf("%s: %s = %s, want %s", what, c.name, c.got, c.want)
		}
	}
	if len(got.ByMonth) != len(want.ByMonth) {
		t.Fatalf("%s: %d months, want %d", what, len(got.ByMonth), len(want.ByMonth))
	}
	for i, m := range want.ByMonth {
		g := got.ByMonth[i]
		if g.Month != m.Month.Format("2006-01") || g.Amount.m != m.Amount || g.Cumulative.m != m.Cumulative {
			t.Errorf("%s: month %d = %s %s %s, want %s %s %s", what, i, g.Month, g.Amount.m, g.Cumulative.m,
				m.Month.Format("2006-01"), m.Amount, m.Cumulative)
			break
		}
	}
	if budget == nil {
		if got.Budget.set || got.Remaining.set || got.UnspentAtEnd.set || got.ExhaustedIn != nil {
			t.Errorf("%s: a part of a project has budget %v, remaining %v, unspent %v, exhausted in %v", what,
				got.Budget, got.Remaining, got.UnspentAtEnd, got.ExhaustedIn)
		}
		return
	}
	fc := domain.Forecast(*budget, want, on, end)
	if got.Budget.m != *budget || got.Remaining.m != fc.Remaining || got.UnspentAtEnd.m != fc.UnspentAtEnd || !got.UnspentAtEnd.set {
		t.Errorf("%s: budget %s, remaining %s, unspent %s; want %s, %s, %s", what, got.Budget.m, got.Remaining.m, got.UnspentAtEnd.m,
			*budget, fc.Remaining, fc.UnspentAtEnd)
	}
	if (fc.ExhaustedIn == nil) != (got.ExhaustedIn == nil) || (fc.ExhaustedIn != nil && fc.ExhaustedIn.Format("2006-01") != *got.ExhaustedIn) {
		t.Errorf("%s: exhausted in %v, want %v", what, got.ExhaustedIn, fc.ExhaustedIn)
	}
}

// expectedAchieved counts a project's children per recorded group from the raw rows: of the
// municipalities wanted (nil: all).
func expectedAchieved(t *testing.T, a *testAPI, projectID int, on time.Time, municipalities []int) map[string]int {
	t.Helper()
	var children []struct {
		ID       int    `db:"id"`
		Mun      int    `db:"municipality_id"`
		Living   string `db:"living_arrangement"`
		Enrolled bool   `db:"enrolled"`
		Assessed bool   `db:"assessed"`
		Served   bool   `db:"served"`
	}
	if err := a.s.DB().Select(&children, `SELECT c.id, c.municipality_id, c.living_arrangement,
		EXISTS (SELECT 1 FROM application a WHERE a.child_id = c.id AND a.project_id = $1 AND a.status = 'ACCEPTED') AS enrolled,
		EXISTS (SELECT 1 FROM assessment s WHERE s.child_id = c.id AND s.completed_on IS NOT NULL AND s.status = 'COMPLETED' AND s.completed_on <= $2) AS assessed,
		EXISTS (SELECT 1 FROM service_delivery d WHERE d.child_id = c.id AND d.project_id = $1 AND d.status <> 'REJECTED' AND d.date <= $2) AS served
		FROM child c`, projectID, on); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, c := range children {
		if municipalities != nil && c.Mun != municipalities[0] {
			continue
		}
		if c.Enrolled && c.Assessed {
			out["CHILDREN_ASSESSED"]++
			if c.Living == "INSTITUTION" {
				out["CHILDREN_IN_INSTITUTIONS_ASSESSED"]++
			}
		}
		if c.Served {
			out["CHILDREN_SERVED"]++
		}
	}
	return out
}

func TestProjectProgressOnTheDemo(t *testing.T) {
	t.Parallel()
	a, admin, analyst := demoAdminAndAnalyst(t)
	as := func(email string) caller { return demoCaller(t, a, email) }
	var projects []struct {
		ID        int          `db:"id"`
		Name      string       `db:"name"`
		Budget    domain.Money `db:"total_budget"`
		StartDate time.Time    `db:"start_date"`
		EndDate   time.Time    `db:"end_date"`
	}
	// The two source projects (the demo's current one, loadToday, comes third by its code).
	if err := a.s.DB().Select(&projects, `SELECT id, name, total_budget, start_date, end_date FROM project ORDER BY code LIMIT 2`); err != nil {
		t.Fatal(err)
	}
	if len(projects) != 2 || projects[0].Name != "Kurzeme visiem" || projects[1].Name != "DI Latgalē" {
		t.Fatalf("the demo's projects: %+v", projects)
	}
	kurzeme, latgale := projects[0], projects[1]
	var current int
	if err := a.s.DB().Get(&current, `SELECT id FROM project WHERE code = 'DEMO-2127-K-001'`); err != nil {
		t.Fatal(err)
	}
	currentID := graph.GlobalID("Project", current)
	kurzemeID, latgaleID := graph.GlobalID("Project", kurzeme.ID), graph.GlobalID("Project", latgale.ID)
	liepaja := a.municipalityID("Liepāja")
	today := domain.Today(time.Now())

	// A day amid Kurzeme's deliveries, so that `on` cuts them.
	var amid time.Time
	if err := a.s.DB().Get(&amid, `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY date) FROM service_delivery
		WHERE project_id = $1`, kurzeme.ID); err != nil {
		t.Fatal(err)
	}

	t.Run("Kurzeme visiem, whole", func(t *testing.T) {
		var delivered []domain.Money
		defer func() {
			if delivered[1] >= delivered[0] {
				t.Errorf("on %s delivered %s, today %s: the day does not cut the deliveries", amid.Format(domain.DateLayout), delivered[1], delivered[0])
			}
		}()
		// today (after the project's end), amid the deliveries, and before the project's start
		for _, on := range []time.Time{today, amid, kurzeme.StartDate.AddDate(0, -1, 0)} {
			got, r := progressAnswer(t, a, admin, progressQuery, []string{kurzemeID}, on.Format(domain.DateLayout))
			if r.code() != "" || len(got) != 1 {
				t.Fatalf("on %s: %+v %+v", on.Format(domain.DateLayout), r.Errors, got)
			}
			p := got[0]
			if p.Project.ID != kurzemeID || p.On != on.Format(domain.DateLayout) {
				t.Errorf("project %s on %s", p.Project.ID, p.On)
			}
			planned := map[string]int{"CHILDREN_ASSESSED": 480, "CHILDREN_SERVED": 350, "CHILDREN_IN_INSTITUTIONS_ASSESSED": 128,
				"ADULTS_ASSESSED": 482, "ADULTS_SERVED": 297, "ADULTS_INDEPENDENT_LIVING": 35}
			achieved := expectedAchieved(t, a, kurzeme.ID, on, nil)
			if len(p.Targets) != len(planned) {
				t.Errorf("targets %+v", p.Targets)
			}
			for _, tg := range p.Targets {
				adults := tg.Group[:6] == "ADULTS"
				if tg.Planned != planned[tg.Group] || tg.Recorded == adults || (tg.Achieved == nil) != adults {
					t.Errorf("target %s: planned %d, recorded %v, achieved %v", tg.Group, tg.Planned, tg.Recorded, tg.Achieved)
				}
				if !adults && *tg.Achieved != achieved[tg.Group] {
					t.Errorf("target %s on %s: achieved %d, counted %d", tg.Group, p.On, *tg.Achieved, achieved[tg.Group])
				}
			}
			whole := expectedFunds(t, a, kurzeme.ID, kurzeme.StartDate, on, nil)
			delivered = append(delivered, whole.Delivered)
			checkFunds(t, "Kurzeme visiem on "+p.On, p.Funds, whole, &kurzeme.Budget, on, kurzeme.EndDate)
			if on.Equal(today) && (whole.Delivered == 0 || whole.Claimed == whole.Paid || whole.Paid == 0) {
				t.Errorf("the demo has no deliveries, claims or payments to check: %+v", whole)
			}
			t.Logf("Kurzeme visiem on %s: committed %s, delivered %s, claimed %s, paid %s, pace %s, remaining %s, exhausted in %v, unspent %s; targets %v",
				p.On, p.Funds.Committed.m, p.Funds.Delivered.m, p.Funds.Claimed.m, p.Funds.Paid.m, p.Funds.MonthlyPace.m,
				p.Funds.Remaining.m, p.Funds.ExhaustedIn, p.Funds.UnspentAtEnd.m, achieved)

			var partners []struct {
				ID   int    `db:"id"`
				Name string `db:"name"`
			}
			if err := a.s.DB().Select(&partners, `SELECT m.id, m.name FROM project_municipality pm JOIN municipality m ON m.id = pm.municipality_id
				WHERE pm.project_id = $1 ORDER BY m.name COLLATE lv`, kurzeme.ID); err != nil {
				t.Fatal(err)
			}
			if len(p.Partners) != len(partners) {
				t.Fatalf("%d partners, want %d", len(p.Partners), len(partners))
			}
			var sum domain.Money
			for i, pm := range partners {
				got := p.Partners[i]
				if got.Municipality.Name != pm.Name || got.Municipality.ID != graph.GlobalID("Municipality", pm.ID) {
					t.Errorf("partner %d is %s, want %s", i, got.Municipality.Name, pm.Name)
				}
				checkFunds(t, pm.Name, got.Funds, expectedFunds(t, a, kurzeme.ID, kurzeme.StartDate, on, []int{pm.ID}), nil, on, kurzeme.EndDate)
				sum += got.Funds.Delivered.m
			}
			if sum != p.Funds.Delivered.m {
				t.Errorf("the partners delivered %s, the project %s", sum, p.Funds.Delivered.m)
			}
		}
	})

	t.Run("every project in scope, by code", func(t *testing.T) {
		for _, c := range []struct {
			who  caller
			name string
			want []string
		}{
			// The current project (demo/today.go: Kurzeme-led, Liepāja and Rēzekne among its
			// partners) comes last by its code.
			{admin, "admin", []string{kurzemeID, latgaleID, currentID}},
			{analyst, "analyst", []string{kurzemeID, latgaleID, currentID}},
			{as("koordinators.kurzeme@atbalsts.example"), "Kurzeme's coordinator", []string{kurzemeID, currentID}},
			{as("darbiniece.liepaja@atbalsts.example"), "Liepāja's worker", []string{kurzemeID, currentID}},
			{as("darbinieks.rezekne@atbalsts.example"), "Rēzekne's worker", []string{latgaleID, currentID}},
		} {
			got, r := progressAnswer(t, a, c.who, progressBrief, nil, "")
			if r.code() != "" {
				t.Fatalf("%s: %+v", c.name, r.Errors)
			}
			var ids []string
			for _, p := range got {
				ids = append(ids, p.Project.ID)
				if p.On != today.Format(domain.DateLayout) {
					t.Errorf("%s: on %s, want today", c.name, p.On)
				}
			}
			if len(ids) != len(c.want) || ids[0] != c.want[0] || ids[len(ids)-1] != c.want[len(c.want)-1] {
				t.Errorf("%s sees %v, want %v", c.name, ids, c.want)
			}
		}
	})

	t.Run("a worker gets their municipalities' figures", func(t *testing.T) {
		worker := as("darbiniece.liepaja@atbalsts.example")
		got, r := progressAnswer(t, a, worker, progressQuery, []string{kurzemeID}, "")
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		p := got[0]
		want := expectedFunds(t, a, kurzeme.ID, kurzeme.StartDate, today, []int{liepaja})
		checkFunds(t, "Liepāja's worker", p.Funds, want, nil, today, kurzeme.EndDate)
		if len(p.Partners) != 1 || p.Partners[0].Municipality.Name != "Liepāja" {
			t.Fatalf("partners %+v", p.Partners)
		}
		checkFunds(t, "Liepāja's worker's partner", p.Partners[0].Funds, want, nil, today, kurzeme.EndDate)
		achieved := expectedAchieved(t, a, kurzeme.ID, today, []int{liepaja})
		for _, tg := range p.Targets {
			if tg.Recorded && *tg.Achieved != achieved[tg.Group] {
				t.Errorf("%s: %d, counted %d", tg.Group, *tg.Achieved, achieved[tg.Group])
			}
		}
		t.Logf("Liepāja in Kurzeme visiem today: delivered %s, claimed %s, paid %s; targets %v", p.Funds.Delivered.m,
			p.Funds.Claimed.m, p.Funds.Paid.m, achieved)
	})

	t.Run("out of scope", func(t *testing.T) {
		for _, c := range []struct {
			who  caller
			name string
			ids  []string
			code string
		}{
			{as("darbiniece.liepaja@atbalsts.example"), "a worker of a non-partner", []string{kurzemeID, latgaleID}, "NOT_FOUND"},
			{as("koordinators.kurzeme@atbalsts.example"), "another region's coordinator", []string{latgaleID}, "NOT_FOUND"},
			{admin, "no such project", []string{graph.GlobalID("Project", 999999)}, "NOT_FOUND"},
			{admin, "not a project's id", []string{graph.GlobalID("Municipality", liepaja)}, "BAD_USER_INPUT"},
			{as("izvertetaja@atbalsts.example"), "an assessor", nil, "FORBIDDEN"},
			{as("specialists@atbalsts.example"), "a specialist", []string{kurzemeID}, "FORBIDDEN"},
			{caller{}, "anonymous", nil, "UNAUTHENTICATED"},
		} {
			if _, r := progressAnswer(t, a, c.who, progressBrief, c.ids, ""); r.code() != c.code {
				t.Errorf("%s: %q %+v, want %s", c.name, r.code(), r.Errors, c.code)
			}
		}
	})

	t.Run("an analyst gets no count below k", func(t *testing.T) {
		exact, r := progressAnswer(t, a, admin, progressBrief, nil, "")
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		got, r := progressAnswer(t, a, analyst, progressBrief, nil, "")
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		var small, large int
		for i, p := range got {
			for j, tg := range p.Targets {
				e := exact[i].Targets[j].Achieved
				switch {
				case e == nil:
					if tg.Achieved != nil {
						t.Errorf("%s %s: %d", p.Project.Name, tg.Group, *tg.Achieved)
					}
				case *e < graph.DefaultAnalystMinCount:
					small++
					if tg.Achieved != nil {
						t.Errorf("%s %s: the analyst got %d", p.Project.Name, tg.Group, *tg.Achieved)
					}
				default:
					large++
					if tg.Achieved == nil || *tg.Achieved != *e {
						t.Errorf("%s %s: the analyst got %v, want %d", p.Project.Name, tg.Group, tg.Achieved, *e)
					}
				}
			}
			if p.Funds.Delivered.m != exact[i].Funds.Delivered.m {
				t.Errorf("%s: the analyst's money differs", p.Project.Name)
			}
		}
		if small == 0 || large == 0 {
			t.Errorf("the demo has %d small and %d large counts: both are wanted", small, large)
		}
	})
}
