package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEdgeRefusals: hostile or broken input is refused at the edge with its own status and
// code, naming the field where there is one, before anything is stored, and nothing of it is
// logged as an error (it is the client's doing, not a fault of ours). Not parallel: it captures
// the process's default logger, which the GraphQL layer logs its faults to.
func TestEdgeRefusals(t *testing.T) {
	w := newCaseWorld(t)
	var logs, faults bytes.Buffer
	w.a.h = Handler(NewLogger(&logs, "json"), w.a.s, fstest.MapFS{"index.html": {Data: []byte("app")}}, Options{})
	prev := slog.Default()
	slog.SetDefault(NewLogger(&faults, "json"))
	defer slog.SetDefault(prev)

	admin := w.admin
	child := w.fix.ChildNow(w.child.ID)
	childID := gid("Child", child.ID)
	in := func(change map[string]any) map[string]any {
		c := childInput(child)
		for k, v := range change {
			c[k] = v
		}
		return c
	}
	body := func(query string, vars map[string]any) string {
		b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
		w.fix.Must(err)
		return string(b)
	}
	const update = `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`
	const updateWhole = `mutation($in: UpdateChildInput!) { updateChild(input: $in) { child { id } } }`
	updateVars := func(change map[string]any) map[string]any {
		return map[string]any{"id": childID, "v": child.Version, "c": in(change)}
	}
	wholeVars := func(version any) map[string]any {
		return map[string]any{"in": map[string]any{"id": childID, "version": version, "child": in(nil)}}
	}
	const project = `mutation($b: Money!) { createProject(input: {code: "X-1", name: "X", leadRegionId: "x", startDate: "2026-01-01",
		endDate: "2027-01-01", totalBudget: $b, fundingSources: [], partnerMunicipalityIds: [], targets: [], capRules: []}) { project { id } } }`
	// A body with a byte that is not UTF-8 inside the first name.
	latin1 := strings.Replace(body(update, updateVars(map[string]any{"firstName": "J-nis"})), "J-nis", "J\xe2nis", 1)
	bigNote := strings.Repeat("a", 1<<20)
	deliveries := body(`mutation($d: [RecordDeliveryInput!]!) { recordDeliveries(input: {deliveries: $d}) { results { idempotencyKey } } }`,
		map[string]any{"d": []any{
			map[string]any{"idempotencyKey": "k1", "planId": "p", "lineKey": "l", "date": "2026-03-02", "units": 1, "note": "fine"},
			map[string]any{"idempotencyKey": "k2", "planId": "p", "lineKey": "l", "date": "2026-03-02", "units": 1, "note": "bad\x00"},
		}})

	type request struct {
		method, target, contentType, body string
		chunked                           bool
		as                                caller
		upgrade                           string // an Upgrade header, as curl --http2 sends over http
	}
	post := func(body string) request {
		return request{http.MethodPost, "/graphql", "application/json", body, false, w.worker, ""}
	}
	get := func(query string, vars string) request {
		v := url.Values{"query": {query}}
		if vars != "" {
			v.Set("variables", vars)
		}
		return request{http.MethodGet, "/graphql?" + v.Encode(), "", "", false, w.worker, ""}
	}
	asAdmin := func(r request) request { r.as = admin; return r }
	chunked := func(r request) request { r.chunked = true; return r }

	for _, tc := range []struct {
		name   string
		req    request
		status int
		code   string
		field  string
	}{
		// NUL and broken encodings, in variables and literals, nested in objects and lists
		{"NUL in a variable's nested string", post(body(update, updateVars(map[string]any{"firstName": "Jā\x00nis"}))), 200, "BAD_USER_INPUT", "input.child.firstName"},
		{"NUL in a literal (an escape)", post(body(`mutation($id: ID!) { createParent(input: {childId: $id, relation: MOTHER, legalRepresentative: true,
			parent: {firstName: "Ilze\u0000", lastName: "Ozola"}}) { parent { id } } }`, map[string]any{"id": childID})), 200, "BAD_USER_INPUT", "input.parent.firstName"},
		{"NUL in a filter", post(body(`{ children(filter: {search: "Bē\u0000"}) { edges { node { id } } } }`, nil)), 200, "BAD_USER_INPUT", "filter.search"},
		{"NUL in a list item", post(deliveries), 200, "BAD_USER_INPUT", "input.deliveries.1.note"},
		{"NUL in a GET variable", get(`query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }`, `{"s":"a\u0000"}`), 200, "BAD_USER_INPUT", "filter.search"},
		{"invalid UTF-8 in the body", post(latin1), 200, "BAD_USER_INPUT", "input.child.firstName"},
		{"U+FFFD, a broken encoding's trace", post(body(update, updateVars(map[string]any{"lastName": "Bērzi\ufffdš"}))), 200, "BAD_USER_INPUT", "input.child.lastName"},

		// sizes
		{"a body over 1 MB", post(body(update, updateVars(map[string]any{"firstName": bigNote}))), 413, "REQUEST_TOO_LARGE", ""},
		{"a body of 10 MB", post(`{"query":"` + strings.Repeat("{", 10<<20) + `"}`), 413, "REQUEST_TOO_LARGE", ""},
		{"a body over 1 MB without a length", chunked(post(body(update, updateVars(map[string]any{"firstName": bigNote})))), 413, "REQUEST_TOO_LARGE", ""},
		{"a GET over 32 KB", get(`{ regions { code } }`+strings.Repeat(" ", 40<<10), ""), 413, "REQUEST_TOO_LARGE", ""},

		// bodies that are not a GraphQL request in JSON
		{"malformed JSON", post(`{"query": "mutation { signOut }",`), 400, "BAD_REQUEST", ""},
		{"an empty body", post(``), 400, "BAD_REQUEST", ""},
		{"JSON that is not an object", post(`["mutation { signOut }"]`), 400, "BAD_REQUEST", ""},
		{"a query that is not a string", post(`{"query": 5}`), 400, "BAD_REQUEST", ""},
		{"more after the object", post(body(update, updateVars(nil)) + `{"query": "x"}`), 400, "BAD_REQUEST", ""},
		{"variables not an object", post(`{"query": "{ regions { code } }", "variables": [1]}`), 400, "BAD_REQUEST", ""},
		{"a persisted query of another version", post(`{"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "x"}}}`), 200, "BAD_REQUEST", ""},
		{"a persisted query with another's hash", post(`{"query": "{ regions { code } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}`), 200, "BAD_REQUEST", ""},
		{"another content type", request{http.MethodPost, "/graphql", "text/plain", body(update, updateVars(nil)), false, w.worker, ""}, 415, "BAD_REQUEST", ""},
		{"an Upgrade header is no other transport", request{http.MethodPost, "/graphql", "application/json", `{"query": "{ regions { code"}`, false, w.worker, "h2c"}, 422, "GRAPHQL_PARSE_FAILED", ""},
		{"GET variables that are not JSON", get(`query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }`, `{s:`), 400, "BAD_REQUEST", ""},
		{"a mutation by GET", get(`mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`, mustJSON(t, updateVars(nil))), 405, "BAD_REQUEST", ""},

		// strict scalars
		{"an Int as a string variable", post(body(update, map[string]any{"id": childID, "v": "1", "c": in(nil)})), 200, "BAD_USER_INPUT", "input.version"},
		{"an Int as a string in an object", post(body(updateWhole, wholeVars("1"))), 200, "BAD_USER_INPUT", "input.version"},
		{"an Int beyond 32 bits", post(body(updateWhole, wholeVars(int64(1)<<33))), 200, "BAD_USER_INPUT", "input.version"},
		{"an Int as a fraction", post(body(updateWhole, wholeVars(1.5))), 422, "GRAPHQL_VALIDATION_FAILED", ""},
		{"an Int literal as a string", post(body(`mutation($id: ID!, $c: ChildInput!) { updateChild(input: {id: $id, version: "1", child: $c}) { child { id } } }`,
			map[string]any{"id": childID, "c": in(nil)})), 422, "GRAPHQL_VALIDATION_FAILED", ""},
		{"a String as a number", post(body(update, updateVars(map[string]any{"firstName": 1234}))), 200, "BAD_USER_INPUT", "input.child.firstName"},
		{"a Boolean as a string", post(body(`mutation($id: ID!, $l: Boolean!) { createParent(input: {childId: $id, relation: MOTHER, legalRepresentative: $l,
			parent: {firstName: "Ilze", lastName: "Ozola"}}) { parent { id } } }`, map[string]any{"id": childID, "l": "true"})), 422, "GRAPHQL_VALIDATION_FAILED", ""},
		{"an ID as a Boolean", post(body(updateWhole, map[string]any{"in": map[string]any{"id": true, "version": child.Version, "child": in(nil)}})), 422, "GRAPHQL_VALIDATION_FAILED", ""},
		{"a date that is no day", post(body(update, updateVars(map[string]any{"birthDate": "2014-02-30"}))), 200, "BAD_USER_INPUT", "input.child.birthDate"},
		{"a date in another format", post(body(update, updateVars(map[string]any{"disabilityFrom": "15.03.2014"}))), 200, "BAD_USER_INPUT", "input.child.disabilityFrom"},
		{"a date as a number", post(body(update, updateVars(map[string]any{"specialCareNeedFrom": 20140315}))), 200, "BAD_USER_INPUT", "input.child.specialCareNeedFrom"},
		{"a date in a list item", post(body(`mutation($d: [RecordDeliveryInput!]!) { recordDeliveries(input: {deliveries: $d}) { results { idempotencyKey } } }`,
			map[string]any{"d": []any{map[string]any{"idempotencyKey": "k1", "planId": "p", "lineKey": "l", "date": "2026-3-2", "units": 1}}})), 200, "BAD_USER_INPUT", "input.deliveries.0.date"},
		{"a time that is no time", asAdmin(post(body(`{ auditEvents(filter: {from: "yesterday"}) { edges { node { id } } } }`, nil))), 200, "BAD_USER_INPUT", "filter.from"},
		{"money as a fraction", asAdmin(post(body(project, map[string]any{"b": 12.5}))), 200, "BAD_USER_INPUT", "input.totalBudget"},
		{"a forged cursor with a NUL", post(body(`query($a: String) { children(after: $a) { edges { node { id } } } }`,
			map[string]any{"a": base64.RawURLEncoding.EncodeToString([]byte(`{"l":"a\u0000","i":1}`))})), 200, "BAD_USER_INPUT", "after"},
		{"a forged cursor beyond 32-bit ids", post(body(`query($a: String) { applications(after: $a) { edges { node { id } } } }`,
			map[string]any{"a": base64.RawURLEncoding.EncodeToString([]byte(`{"d":"2026-01-01T00:00:00Z","i":10000000000}`))})), 200, "BAD_USER_INPUT", "after"},
		{"money with three decimals", asAdmin(post(body(project, map[string]any{"b": "12.505"}))), 200, "BAD_USER_INPUT", "input.totalBudget"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := childRow(t, w)
			logs.Reset()
			faults.Reset()
			var req *http.Request
			if tc.req.body != "" || tc.req.method == http.MethodPost {
				req = httptest.NewRequest(tc.req.method, tc.req.target, strings.NewReader(tc.req.body))
			} else {
				req = httptest.NewRequest(tc.req.method, tc.req.target, nil)
			}
			if tc.req.contentType != "" {
				req.Header.Set("Content-Type", tc.req.contentType)
			}
			if tc.req.upgrade != "" {
				req.Header.Set("Upgrade", tc.req.upgrade)
			}
			if tc.req.chunked {
				req.ContentLength = -1
			}
			req.Header.Set("Authorization", "Bearer "+tc.req.as.token)
			rec := httptest.NewRecorder()
			w.a.h.ServeHTTP(rec, req)
			var r gqlResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
				t.Fatalf("status %d, not a GraphQL response: %q", rec.Code, rec.Body.String()[:min(200, rec.Body.Len())])
			}
			if rec.Code != tc.status || r.code() != tc.code || r.field() != tc.field {
				t.Errorf("status %d, code %q, field %q (%+v), want %d %s %q", rec.Code, r.code(), r.field(), r.Errors, tc.status, tc.code, tc.field)
			}
			if len(r.Errors) > 0 && strings.Contains(r.Errors[0].Message, "\x00") {
				t.Errorf("the message repeats the input: %q", r.Errors[0].Message)
			}
			if after := childRow(t, w); after != before {
				t.Errorf("the child changed: %s, then %s", before, after)
			}
			for _, line := range strings.Split(logs.String()+faults.String(), "\n") {
				if strings.Contains(line, `"level":"ERROR"`) {
					t.Errorf("logged as an error: %s", line)
				}
			}
		})
	}
	// The table's requests reached the edge: a proper update still goes through.
	r := w.a.do(w.worker, update, updateVars(map[string]any{"firstName": "Jānis"}))
	if r.code() != "" {
		t.Fatalf("a proper update: %+v", r.Errors)
	}
	if row := childRow(t, w); !strings.Contains(row, "Jānis") {
		t.Errorf("a proper update did not store: %s", row)
	}
}

// childRow is what is stored of the test's child and how many records there are, to tell that
// a refused request changed nothing.
func childRow(t *testing.T, w *caseWorld) string {
	t.Helper()
	var row struct {
		Version   int    `db:"version"`
		FirstName string `db:"first_name"`
		LastName  string `db:"last_name"`
		Children  int    `db:"children"`
		Parents   int    `db:"parents"`
		Projects  int    `db:"projects"`
	}
	w.fix.Must(w.a.s.DB().Get(&row, `SELECT version, first_name, last_name, (SELECT count(*) FROM child) AS children,
		(SELECT count(*) FROM parent) AS parents, (SELECT count(*) FROM project) AS projects FROM child WHERE id = $1`, w.child.ID))
	return mustJSON(t, row)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
