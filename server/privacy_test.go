package server

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"atbalsts/dbtest"
	"atbalsts/demo"
	"atbalsts/domain"
	"atbalsts/store"
)

// What a MINISTRY_ANALYST sees of the demo's cases (graph/privacy.go), asked over HTTP with the
// default threshold, side by side with an ADMIN's answer to the same query, so that every check
// also shows that the demo has what the analyst is denied.

// analystQueries name their fields by what the analyst must get, in aliases: hidden_* null or "" (or
// an empty list), month_* a date or time on the first of a month, year_* on the 1st of January.
var analystQueries = []string{`{
  supportPlans(first: 10) { totalCount edges { node {
    month_createdAt: createdAt
    child { year_disabilityFrom: disabilityFrom year_disabilityTo: disabilityTo
      year_specialCareNeedFrom: specialCareNeedFrom year_specialCareNeedTo: specialCareNeedTo
      hidden_birthDate: birthDate hidden_firstName: firstName hidden_personalCode: personalCode
      hidden_parents: parents { relation } month_childCreatedAt: createdAt }
    revisions { number month_validFrom: validFrom month_validTo: validTo month_submittedAt: submittedAt
      month_approvedAt: approvedAt month_revisionCreatedAt: createdAt hidden_returnComment: returnComment
      hidden_approvedBy: approvedBy { id }
      goals { key hidden_goalText: text hidden_indicator: indicator month_targetDate: targetDate status } }
  } } } }`, `{
  assessments(first: 30) { totalCount edges { node {
    month_scheduledOn: scheduledOn month_completedOn: completedOn hidden_cancelReason: cancelReason
    team { hidden_teamName: name specialty } findings { area qualifier hidden_findingNote: note }
    recommendations { units hidden_recommendationNote: note } } } } }`, `{
  applications(first: 50) { totalCount edges { node {
    month_submittedOn: submittedOn hidden_applicationReason: reason hidden_applicant: applicant { id }
    events { status month_eventAt: at hidden_comment: comment hidden_actor: actor { id } } } } } }`, `{
  deliveries(first: 100) { totalCount edges { node {
    month_date: date hidden_specialistName: specialistName hidden_deliveryNote: note
    hidden_rejectReason: rejectReason hidden_deliveryParent: parent { id }
    month_recordedAt: recordedAt month_verifiedAt: verifiedAt
    corrections { month_correctionAt: at hidden_correctionReason: reason month_correctionDate: date } } } } }`}

// demoAdminAndAnalyst is a test API over the demo data with the default threshold, and the
// demo's admin and analyst signed in.
func demoAdminAndAnalyst(t *testing.T) (a *testAPI, admin, analyst caller) {
	t.Helper()
	// The demo is loaded once per test run and copied for each test (dbtest.OpenFilled).
	db := dbtest.OpenFilled(t, "demo", func(ctx context.Context, dsn string) error {
		db, err := store.Open(ctx, dsn, 8, 0)
		if err != nil {
			return err
		}
		defer db.Close()
		s := store.New(db)
		defer s.Close()
		return demo.Load(ctx, s, slog.New(slog.NewTextHandler(io.Discard, nil)))
	})
	a = newTestAPIOver(t, db, Options{}) // the default threshold
	return a, demoCaller(t, a, "admin@atbalsts.example"), demoCaller(t, a, "analitikis@atbalsts.example")
}

// demoCaller signs a demo user in.
func demoCaller(t *testing.T, a *testAPI, email string) caller {
	t.Helper()
	for _, u := range demo.Users {
		if u.Email == email {
			c, r := a.signIn(u.Email, u.Password, "")
			if r.code() != "" {
				t.Fatalf("sign in %s: %+v", email, r.Errors)
			}
			return c
		}
	}
	t.Fatalf("no demo user %s", email)
	return caller{}
}

func TestAnalystPrivacyOnTheDemo(t *testing.T) {
	t.Parallel()
	a, admin, analyst := demoAdminAndAnalyst(t)

	t.Run("free text, names and dates", func(t *testing.T) {
		seen, denied := map[string][]any{}, map[string][]any{}
		for _, q := range analystQueries {
			adminAnswer, analystAnswer := a.do(admin, q, nil), a.do(analyst, q, nil)
			if adminAnswer.code() != "" || analystAnswer.code() != "" {
				t.Fatalf("%.30s: admin %+v, analyst %+v", q, adminAnswer.Errors, analystAnswer.Errors)
			}
			maps.Copy(seen, aliased(t, adminAnswer.Data))
			maps.Copy(denied, aliased(t, analystAnswer.Data))
		}
		// What the pages read of the demo has none of (no text, or only firsts of months): the
		// analyst's answer is still checked, but proves less for these.
		demoLacks := []string{"year_specialCareNeedFrom", "year_specialCareNeedTo", "year_disabilityTo", "month_validFrom",
			"month_scheduledOn", "hidden_recommendationNote", "hidden_returnComment", "hidden_cancelReason"}
		for alias, values := range seen {
			// The demo has something to deny: a text, or a date not on the first.
			if !slices.Contains(demoLacks, alias) && !slices.ContainsFunc(values, func(v any) bool { return !analystMay(alias, v) }) {
				t.Errorf("the demo gives the admin no %s the analyst would be denied: %v", alias, values[:min(3, len(values))])
			}
			if len(denied[alias]) == 0 {
				t.Errorf("the analyst got no %s at all (the query reads none)", alias)
			}
			for _, v := range denied[alias] {
				if !analystMay(alias, v) {
					t.Errorf("the analyst got %s = %v", alias, v)
					break
				}
			}
		}
	})

	t.Run("goal texts in a plan's diff", func(t *testing.T) {
		var plans struct {
			SupportPlans struct {
				Edges []struct {
					Node struct {
						ID        string
						Revisions []struct{ Number int }
					}
				}
			}
		}
		a.do(admin, `{ supportPlans(first: 50) { edges { node { id revisions { number } } } } }`, nil).decode(t, &plans)
		checked := 0
		for _, e := range plans.SupportPlans.Edges {
			if len(e.Node.Revisions) < 2 {
				continue
			}
			q := `query($id: ID!) { node(id: $id) { ... on SupportPlan { diff(from: 1, to: 2) {
				path hidden_label: label hidden_before: before hidden_after: after } } } }`
			seen := aliased(t, a.do(admin, q, map[string]any{"id": e.Node.ID}).Data)
			for alias, values := range aliased(t, a.do(analyst, q, map[string]any{"id": e.Node.ID}).Data) {
				for _, v := range values {
					if !analystMay(alias, v) {
						t.Errorf("the analyst gets a plan's diff with %s = %v", alias, v)
					}
				}
			}
			if slices.ContainsFunc(seen["hidden_label"], func(v any) bool { return v != nil }) {
				checked++
			}
		}
		if checked == 0 {
			t.Error("no plan of the demo's first page has a diff with a goal or line: the check proves nothing")
		}
	})

	ludza := gid("Municipality", a.municipalityID("Ludzas novads"))
	t.Run("a small list", func(t *testing.T) {
		const q = `query($m: ID!) {
			children(filter: {municipalityId: $m}) { totalCount pageInfo { endCursor } edges { node { id } } }
			node(id: $m) { ... on Municipality { children { totalCount edges { node { id } } } } } }`
		type page struct {
			TotalCount *int
			PageInfo   struct{ EndCursor *string }
			Edges      []struct{ Node struct{ ID string } }
		}
		var all, got struct {
			Children page
			Node     struct{ Children page }
		}
		a.do(admin, q, map[string]any{"m": ludza}).decode(t, &all)
		if n := all.Children.TotalCount; n == nil || *n < 1 || *n >= graphDefaultMinCount || len(all.Children.Edges) != *n {
			t.Fatalf("the admin sees %v children in Ludzas novads: the demo no longer has a small municipality", shown(n))
		}
		a.do(analyst, q, map[string]any{"m": ludza}).decode(t, &got)
		for _, p := range []page{got.Children, got.Node.Children} {
			if p.TotalCount != nil || len(p.Edges) > 0 || p.PageInfo.EndCursor != nil {
				t.Errorf("the analyst sees a list of %v children, rows %v, cursor %v", shown(p.TotalCount), p.Edges, shown(p.PageInfo.EndCursor))
			}
		}
		// A large list keeps its count and rows.
		var big struct{ Children page }
		a.do(analyst, `{ children(first: 5) { totalCount edges { node { id } } } }`, nil).decode(t, &big)
		if big.Children.TotalCount == nil || *big.Children.TotalCount < graphDefaultMinCount || len(big.Children.Edges) != 5 {
			t.Errorf("the analyst's whole list: %v children, %d rows", shown(big.Children.TotalCount), len(big.Children.Edges))
		}
	})

	t.Run("a day's deliveries are the month's", func(t *testing.T) {
		const q = `query($f: Date!, $t: Date!) { deliveries(filter: {from: $f, to: $t}) { totalCount } }`
		count := func(c caller, from, to string) *int {
			var d struct{ Deliveries struct{ TotalCount *int } }
			a.do(c, q, map[string]any{"f": from, "t": to}).decode(t, &d)
			return d.Deliveries.TotalCount
		}
		// The month with the demo's latest delivery.
		var latest struct {
			Deliveries struct {
				Edges []struct{ Node struct{ Date string } }
			}
		}
		a.do(admin, `{ deliveries(first: 1) { edges { node { date } } } }`, nil).decode(t, &latest)
		if len(latest.Deliveries.Edges) == 0 {
			t.Fatal("the demo has no deliveries")
		}
		day, _ := time.Parse(time.DateOnly, latest.Deliveries.Edges[0].Node.Date)
		first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		month := count(admin, first.Format(time.DateOnly), first.AddDate(0, 1, -1).Format(time.DateOnly))
		onDay := count(admin, day.Format(time.DateOnly), day.Format(time.DateOnly))
		if month == nil || onDay == nil || *month == *onDay {
			t.Fatalf("the demo's month of %s: %v deliveries, on the day %v: the check would prove nothing", day, shown(month), shown(onDay))
		}
		if got := count(analyst, day.Format(time.DateOnly), day.Format(time.DateOnly)); got == nil || *got != *month {
			t.Errorf("the analyst's deliveries of %s: %v, want the month's %d", day.Format(time.DateOnly), shown(got), *month)
		}
	})

	t.Run("cursors hold no date", func(t *testing.T) {
		for _, list := range []string{"deliveries", "applications", "assessments"} {
			q := `query($a: String) { list: ` + list + `(first: 3, after: $a) { edges { cursor node { id } } } }`
			type page struct {
				List struct {
					Edges []struct {
						Cursor string
						Node   struct{ ID string }
					}
				}
			}
			ids := func(c caller, after any) (out []string, cursors []string) {
				var p page
				a.do(c, q, map[string]any{"a": after}).decode(t, &p)
				for _, e := range p.List.Edges {
					out, cursors = append(out, e.Node.ID), append(cursors, e.Cursor)
				}
				return out, cursors
			}
			want, adminCursors := ids(admin, nil)
			more, _ := ids(admin, adminCursors[2])
			want = append(want, more...)
			got, cursors := ids(analyst, nil)
			for _, c := range cursors {
				raw, _ := base64.RawURLEncoding.DecodeString(c)
				if !strings.Contains(string(raw), `"0001-01-01T00:00:00Z"`) {
					t.Errorf("%s: the analyst's cursor %s holds a date", list, raw)
				}
			}
			next, _ := ids(analyst, cursors[2])
			got = append(got, next...)
			// A date written into the cursor by hand changes nothing.
			var key map[string]any
			raw, _ := base64.RawURLEncoding.DecodeString(cursors[2])
			json.Unmarshal(raw, &key)
			key["d"] = "2000-01-01T00:00:00Z"
			forged, _ := json.Marshal(key)
			again, _ := ids(analyst, base64.RawURLEncoding.EncodeToString(forged))
			if !slices.Equal(got, want) || !slices.Equal(again, next) {
				t.Errorf("%s: the analyst pages %v, with a made-up date %v; the admin %v", list, got, again, want)
			}
		}
	})

	t.Run("claims", func(t *testing.T) {
		const q = `{ claims(first: 100) { edges { node { childCount
			byServiceType { childCount } } } } }`
		type claims struct {
			Claims struct {
				Edges []struct {
					Node struct {
						ChildCount    *int
						ByServiceType []struct{ ChildCount *int }
					}
				}
			}
		}
		var all, got claims
		a.do(admin, q, nil).decode(t, &all)
		a.do(analyst, q, nil).decode(t, &got)
		small := 0
		for i, e := range all.Claims.Edges {
			counts := []*int{e.Node.ChildCount}
			analysts := []*int{got.Claims.Edges[i].Node.ChildCount}
			for j, s := range e.Node.ByServiceType {
				counts, analysts = append(counts, s.ChildCount), append(analysts, got.Claims.Edges[i].Node.ByServiceType[j].ChildCount)
			}
			for j, n := range counts {
				switch {
				case *n < graphDefaultMinCount && analysts[j] != nil:
					t.Errorf("the analyst sees a claim's child count %d", *analysts[j])
				case *n < graphDefaultMinCount:
					small++
				case analysts[j] == nil || *analysts[j] != *n:
					t.Errorf("the analyst sees a claim's child count %v, want %d", shown(analysts[j]), *n)
				}
			}
		}
		if small == 0 {
			t.Error("the demo's claims have no small child count: the check proves nothing")
		}
	})
}

// shown is what a pointer points to, or nil, for messages.
func shown[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// graphDefaultMinCount is the threshold the test's server has (Options{} leaves the default).
const graphDefaultMinCount = 5

// aliased collects the values of every hidden_, month_ and year_ alias in a GraphQL answer.
func aliased(t *testing.T, data json.RawMessage) map[string][]any {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out := map[string][]any{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if strings.HasPrefix(k, "hidden_") || strings.HasPrefix(k, "month_") || strings.HasPrefix(k, "year_") {
					out[k] = append(out[k], x)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return out
}

// analystMay tells whether an analyst may get v for the alias: hidden_ nothing, month_ the
// first of a month, year_ the 1st of January (a time: midnight in Riga of that day).
func analystMay(alias string, v any) bool {
	if v == nil {
		return true
	}
	if strings.HasPrefix(alias, "hidden_") {
		switch v := v.(type) {
		case string:
			return v == ""
		case []any:
			return len(v) == 0
		}
		return false
	}
	s, _ := v.(string)
	day, err := time.Parse(time.DateOnly, s)
	if err != nil {
		at, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return false
		}
		at = at.In(domain.Riga)
		if at.Hour() != 0 || at.Minute() != 0 || at.Second() != 0 || at.Nanosecond() != 0 {
			return false
		}
		day = at
	}
	if strings.HasPrefix(alias, "year_") {
		return day.Month() == time.January && day.Day() == 1
	}
	return day.Day() == 1
}

func TestParseConfig_AnalystMinCount(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  string
		args []string
		want int // 0: refused
	}{
		{"Default", "", nil, 5},
		{"Env", "10", nil, 10},
		{"FlagWins", "10", []string{"--analyst-min-count", "3"}, 3},
		{"ErrZero", "0", nil, 0},
		{"ErrNotANumber", "few", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"ATBALSTS_ANALYST_MIN_COUNT": tc.env}
			cfg, err := ParseConfig(tc.args, func(k string) string { return env[k] }, io.Discard)
			switch {
			case tc.want == 0 && err == nil:
				t.Errorf("accepted, threshold %d", cfg.AnalystMinCount)
			case tc.want == 0 && !strings.Contains(err.Error(), "ATBALSTS_ANALYST_MIN_COUNT"):
				t.Errorf("error %q does not name the setting", err)
			case tc.want != 0 && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != 0 && cfg.AnalystMinCount != tc.want:
				t.Errorf("threshold %d, want %d", cfg.AnalystMinCount, tc.want)
			}
		})
	}
}
