package server

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// getStatisticsExport downloads /exports/statistics.<ext>?<query> as c (its token, else its
// session cookie).
func (a *testAPI) getStatisticsExport(c caller, ext string, q url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, "/exports/statistics."+ext+"?"+q.Encode(), nil)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// statCSVTable reads a statistics CSV: its header block (label → value) and its table (the
// header row first), and checks the Latvian Excel conventions on the way.
func statCSVTable(t *testing.T, rec *httptest.ResponseRecorder) (map[string]string, [][]string) {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	if ct, cd, cc := rec.Header().Get("Content-Type"), rec.Header().Get("Content-Disposition"), rec.Header().Get("Cache-Control"); ct != "text/csv; charset=utf-8" ||
		!strings.HasPrefix(cd, `attachment; filename="statistika-`) || !strings.HasSuffix(cd, `.csv"`) || cc != "no-store" {
		t.Errorf("headers: Content-Type %q, Content-Disposition %q, Cache-Control %q", ct, cd, cc)
	}
	body, ok := strings.CutPrefix(rec.Body.String(), "\ufeff")
	if !ok || strings.Count(body, "\r\n") != strings.Count(body, "\n") {
		t.Fatalf("no byte order mark, or not CRLF: %q", body[:min(60, len(body))])
	}
	head, table, ok := strings.Cut(body, "\r\n\r\n")
	if !ok {
		t.Fatalf("no empty line between the header block and the table: %q", body)
	}
	read := func(s string) [][]string {
		cr := csv.NewReader(strings.NewReader(s))
		cr.Comma, cr.FieldsPerRecord = ';', -1
		records, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return records
	}
	info := map[string]string{}
	for _, r := range read(head)[1:] {
		info[r[0]] = r[1]
	}
	return info, read(table)
}

// column is the index of a column by its header.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	i := slices.Index(header, name)
	if i < 0 {
		t.Fatalf("no column %q in %q", name, header)
	}
	return i
}

func TestStatisticsExport(t *testing.T) {
	t.Parallel()
	a, admin, analyst := demoAdminAndAnalyst(t)
	worker := demoCaller(t, a, "darbinieks.rezekne@atbalsts.example")
	rezekne := a.globalIDOf(t, "Municipality", "SELECT id FROM municipality WHERE name = 'Rēzekne'")
	rezekneQuery := url.Values{"from": {"2021-01-01"}, "to": {"2021-11-11"}, "municipalityId": {rezekne},
		"serviceCategory": {"SOCIAL_REHABILITATION"}, "groupBy": {"SERVICE_TYPE"}}

	t.Run("the Rēzekne figures in CSV", func(t *testing.T) {
		info, table := statCSVTable(t, a.getStatisticsExport(worker, "csv", rezekneQuery))
		for label, want := range map[string]string{"Periods": "01.01.2021–11.11.2021", "Pašvaldības": "Rēzekne",
			"Pakalpojumu kategorijas": "Sociālā rehabilitācija", "Grupēts pēc": "Pakalpojuma veids"} {
			if info[label] != want {
				t.Errorf("header %s: %q, want %q", label, info[label], want)
			}
		}
		if _, ok := info["Konfidencialitāte"]; ok || info["Dati uz"] == "" {
			t.Errorf("a worker's header block: %q", info)
		}
		header, total := table[0], table[len(table)-1]
		if header[0] != "Pakalpojuma veids" || slices.Contains(header, "Slēpts") {
			t.Errorf("header row %q", header)
		}
		children, sessions, cost := column(t, header, "Bērni"), column(t, header, "Nodarbības"), column(t, header, "Izmaksas, EUR")
		if got := total[0] + " " + total[children] + " " + total[sessions] + " " + total[cost]; got != "Kopā 32 1146 35791,00" {
			t.Errorf("total row %q", total)
		}
		bySession := map[string]string{}
		for _, r := range table[1 : len(table)-1] {
			bySession[r[0]] = r[sessions]
		}
		for name, want := range map[string]string{"Fizioterapija": "477", "Masāža": "207", "Smilšu terapija": "4", "Kanisterapija": "10"} {
			if bySession[name] != want {
				t.Errorf("%s: %q sessions, want %s (rows %v)", name, bySession[name], want, bySession)
			}
		}
		if len(bySession) != 9 {
			t.Errorf("%d service rows, want 9: %v", len(bySession), bySession)
		}
		// The funds' columns add up to the cost.
		esf, state := column(t, header, "Eiropas Sociālais fonds, EUR"), column(t, header, "Valsts budžets, EUR")
		if total[esf] == "" || total[state] == "" {
			t.Errorf("funds %q", total)
		}
	})

	t.Run("in English", func(t *testing.T) {
		q := url.Values{"lang": {"en"}}
		for k, v := range rezekneQuery {
			q[k] = v
		}
		rec := a.getStatisticsExport(worker, "csv", q)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, "Atbalsts — statistics") || !strings.Contains(body, "\r\nPhysiotherapy;") ||
			!strings.Contains(body, "\r\nTotal;32;") || !strings.Contains(body, ";35791,00;") ||
			!strings.Contains(rec.Header().Get("Content-Disposition"), "statistics-2021-01-01-2021-11-11.csv") {
			t.Errorf("English CSV: %d %q", rec.Code, body)
		}
	})

	t.Run("the same in XLSX", func(t *testing.T) {
		rec := a.getStatisticsExport(worker, "xlsx", rezekneQuery)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("status %d, %q: %.200s", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
		f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("XLSX does not open: %v", err)
		}
		defer f.Close()
		rows, err := f.GetRows("Statistika", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		headerAt := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "Pakalpojuma veids" })
		if headerAt < 0 {
			t.Fatalf("no table header row: %q", rows)
		}
		header, total := rows[headerAt], rows[len(rows)-1]
		children, sessions, cost := column(t, header, "Bērni"), column(t, header, "Nodarbības"), column(t, header, "Izmaksas, EUR")
		if got := total[0] + " " + total[children] + " " + total[sessions] + " " + total[cost]; got != "Kopā 32 1146 35791" {
			t.Errorf("total row %q", total)
		}
		cell, _ := excelize.CoordinatesToCellName(cost+1, len(rows))
		if got, _ := f.GetCellValue("Statistika", cell); got != "35,791.00" {
			t.Errorf("total cost %s shows %q, want 35,791.00", cell, got)
		}
		if panes, err := f.GetPanes("Statistika"); err != nil || !panes.Freeze || panes.YSplit != headerAt+1 {
			t.Errorf("panes %+v: the header row %d is not frozen", panes, headerAt+1)
		}
	})

	t.Run("an analyst's small cells", func(t *testing.T) {
		q := url.Values{"from": {"2015-01-01"}, "to": {"2030-12-31"}, "groupBy": {"MUNICIPALITY"}}
		filter := map[string]any{"from": "2015-01-01", "to": "2030-12-31"}
		// The admin sees municipalities with fewer than 5 people (Daugavpils, Ventspils...): the
		// check has something to hide.
		exact := a.statistics(admin, filter, "MUNICIPALITY")
		small := map[string]bool{}
		for _, r := range exact.Rows {
			m := r.Measures
			least := 0
			for _, p := range []*int{m.Children, m.Families, m.Parents, m.ChildrenWithPlans} {
				if *p > 0 && (least == 0 || *p < least) {
					least = *p
				}
			}
			if least > 0 && least < graphDefaultMinCount {
				small[r.Municipality.Name] = true
			}
		}
		if len(small) == 0 {
			t.Fatal("the demo has no small cell by municipality: the check proves nothing")
		}
		// Over GraphQL the analyst gets these cells suppressed; the export suppresses the same.
		suppressed := map[string]bool{}
		for _, r := range a.statistics(analyst, filter, "MUNICIPALITY").Rows {
			suppressed[r.Municipality.Name] = r.Measures.Suppressed
		}

		// A token, as the README's scripts use.
		var tok struct{ CreateApiToken struct{ Secret string } }
		a.do(analyst, `mutation { createApiToken(input: {name: "statistics", expiresInDays: 1}) { secret } }`, nil).decode(t, &tok)
		rec := a.getStatisticsExport(caller{token: tok.CreateApiToken.Secret}, "csv", q)
		info, table := statCSVTable(t, rec)
		if got := info["Konfidencialitāte"]; !strings.HasPrefix(got, "k = 5: šūnas ar mazāk nekā 5 personām nav parādītas") {
			t.Errorf("the header block says %q about the threshold", got)
		}
		header := table[0]
		hidden, children := column(t, header, "Slēpts"), column(t, header, "Bērni")
		if hidden != len(header)-1 {
			t.Errorf("the suppressed column is not the last: %q", header)
		}
		seen := 0
		for _, r := range table[1 : len(table)-1] {
			name := r[0]
			if r[hidden] == "jā" != suppressed[name] {
				t.Errorf("%s: suppressed %q in the export, %v over GraphQL", name, r[hidden], suppressed[name])
			}
			if small[name] && r[hidden] != "jā" {
				t.Errorf("%s has a small cell, shown: %q", name, r)
			}
			if r[hidden] == "jā" {
				seen++
				if strings.Join(r[1:hidden], "") != "" {
					t.Errorf("%s is suppressed but shows %q", name, r)
				}
			} else if r[children] == "" {
				t.Errorf("%s is shown without figures: %q", name, r)
			}
		}
		if seen == 0 {
			t.Error("no row is suppressed")
		}
		// No person's name: children's, parents' or users'.
		var names []string
		if err := a.s.DB().Select(&names, `SELECT first_name || ' ' || last_name FROM child UNION SELECT first_name || ' ' || last_name FROM parent
			UNION SELECT name FROM app_user`); err != nil {
			t.Fatal(err)
		}
		body := rec.Body.String()
		for _, n := range names {
			if strings.Contains(body, n) {
				t.Errorf("the analyst's export names %q", n)
			}
		}
		// The audit row says the figures went out as CSV, by this token.
		var audited int
		if err := a.s.DB().Get(&audited, `SELECT count(*) FROM audit_event e JOIN app_user u ON u.id = e.actor_id
			WHERE e.action = 'READ' AND e.entity_type = 'Statistics' AND e.details->>'format' = 'csv'
			AND e.details->'groupBy' = '["MUNICIPALITY"]' AND e.details ? 'tokenId' AND u.email = 'analitikis@atbalsts.example'`); err != nil {
			t.Fatal(err)
		}
		if audited != 1 {
			t.Errorf("%d audit rows of the analyst's CSV export, want 1", audited)
		}
	})

	t.Run("who may not, and bad parameters", func(t *testing.T) {
		assessor := demoCaller(t, a, "izvertetaja@atbalsts.example")
		for _, c := range []struct {
			name   string
			who    caller
			ext    string
			q      string
			status int
			says   string
		}{
			{"anonymous", caller{}, "csv", "from=2021-01-01&to=2021-12-31", http.StatusUnauthorized, ""},
			{"anonymous, bad parameters", caller{}, "xlsx", "from=x", http.StatusUnauthorized, ""},
			{"an assessor", assessor, "csv", "from=2021-01-01&to=2021-12-31", http.StatusForbidden, ""},
			{"a bad from", worker, "csv", "from=2021-13-01&to=2021-12-31", http.StatusBadRequest, "from"},
			{"no to", worker, "xlsx", "from=2021-01-01", http.StatusBadRequest, "to"},
			{"to before from", worker, "csv", "from=2021-02-01&to=2021-01-01", http.StatusBadRequest, "to"},
			{"an unknown dimension", worker, "csv", "from=2021-01-01&to=2021-12-31&groupBy=SERVICE", http.StatusBadRequest, "groupBy"},
			{"a dimension twice", worker, "csv", "from=2021-01-01&to=2021-12-31&groupBy=YEAR&groupBy=YEAR", http.StatusBadRequest, "groupBy"},
			{"a bad id", worker, "csv", "from=2021-01-01&to=2021-12-31&municipalityId=" + rezekne + "&municipalityId=xyz", http.StatusBadRequest, "municipalityId"},
			{"an id of another type", worker, "csv", "from=2021-01-01&to=2021-12-31&projectId=" + rezekne, http.StatusBadRequest, "projectId"},
			{"a bad category", worker, "csv", "from=2021-01-01&to=2021-12-31&serviceCategory=MASSAGE", http.StatusBadRequest, "serviceCategory"},
			{"a bad recipient", worker, "csv", "from=2021-01-01&to=2021-12-31&recipient=BOTH", http.StatusBadRequest, "recipient"},
			{"a bad language", worker, "csv", "from=2021-01-01&to=2021-12-31&lang=de", http.StatusBadRequest, "lang"},
		} {
			q, _ := url.ParseQuery(c.q)
			rec := a.getStatisticsExport(c.who, c.ext, q)
			if rec.Code != c.status || !strings.HasPrefix(rec.Body.String(), c.says) || rec.Header().Get("Cache-Control") != "no-store" {
				t.Errorf("%s: %d %q, want %d naming %q", c.name, rec.Code, rec.Body.String(), c.status, c.says)
			}
		}
		var audited int
		if err := a.s.DB().Get(&audited, `SELECT count(*) FROM audit_event e JOIN app_user u ON u.id = e.actor_id
			WHERE e.entity_type = 'Statistics' AND u.email = 'izvertetaja@atbalsts.example'`); err != nil {
			t.Fatal(err)
		}
		if audited != 0 {
			t.Errorf("%d statistics audit rows of the refused assessor", audited)
		}
	})
}
