package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"atbalsts/domain"
	"atbalsts/metrics"
)

// get sends a GET request for path as c.
func (a *testAPI) get(c caller, path string) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
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

// scrapeMetrics reads /metrics as an ADMIN's token.
func (a *testAPI) scrapeMetrics(adminToken string) string {
	a.t.Helper()
	rec := a.get(caller{token: adminToken}, "/metrics")
	if rec.Code != http.StatusOK {
		a.t.Fatalf("/metrics as ADMIN: status %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}

func wantMetricLine(t *testing.T, body, prefix string) {
	t.Helper()
	for line := range strings.Lines(body) {
		if strings.HasPrefix(line, prefix) {
			return
		}
	}
	t.Errorf("/metrics has no line starting with %q", prefix)
}

// TestObservability_Access: on the public port the metrics and profiles are an ADMIN's, by
// token or session; everyone else gets a bare refusal that shows none of them.
func TestObservability_Access(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	admin := a.createUser("admin@obs.example", domain.UserScope{Role: domain.RoleAdmin})
	worker := a.createUser("worker@obs.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{a.municipalityID("Liepāja")}})
	analyst := a.createUser("analyst@obs.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	adminToken, _ := a.token(admin)
	workerToken, _ := a.token(worker)
	analystToken, _ := a.token(analyst)
	adminSession, r := a.signIn("admin@obs.example", testPassword, "")
	if r.code() != "" {
		t.Fatalf("admin sign-in: %+v", r.Errors)
	}
	workerSession, r := a.signIn("worker@obs.example", testPassword, "")
	if r.code() != "" {
		t.Fatalf("worker sign-in: %+v", r.Errors)
	}

	paths := []string{"/metrics", "/debug/pprof/", "/debug/pprof/heap?debug=1", "/debug/pprof/goroutine?debug=2", "/debug/pprof/cmdline"}
	// What the metrics or a profile would show.
	leaks := regexp.MustCompile(`go_goroutines|atbalsts_|Types of profiles|goroutine \d|heap profile|/debug/pprof`)
	for _, tc := range []struct {
		name   string
		c      caller
		status int
	}{
		{"Anonymous", caller{}, http.StatusUnauthorized},
		{"UnknownToken", caller{token: "not-a-token"}, http.StatusUnauthorized},
		{"WorkerToken", caller{token: workerToken}, http.StatusForbidden},
		{"AnalystToken", caller{token: analystToken}, http.StatusForbidden},
		{"WorkerSession", workerSession, http.StatusForbidden},
	} {
		for _, path := range paths {
			rec := a.get(tc.c, path)
			if rec.Code != tc.status {
				t.Errorf("%s GET %s: status %d, want %d", tc.name, path, rec.Code, tc.status)
			}
			if body := rec.Body.String(); leaks.MatchString(body) {
				t.Errorf("%s GET %s: the refusal shows %q", tc.name, path, leaks.FindString(body))
			}
		}
	}

	for _, tc := range []struct {
		name string
		c    caller
	}{{"AdminToken", caller{token: adminToken}}, {"AdminSession", adminSession}} {
		for path, want := range map[string]string{
			"/metrics":                       "go_goroutines",
			"/debug/pprof/":                  "Types of profiles",
			"/debug/pprof/heap?debug=1":      "heap profile",
			"/debug/pprof/goroutine?debug=2": "goroutine ",
		} {
			rec := a.get(tc.c, path)
			if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
				t.Errorf("%s GET %s: status %d, body without %q", tc.name, path, rec.Code, want)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("%s GET %s: Cache-Control %q", tc.name, path, cc)
			}
		}
		// The program's arguments may hold --database-url: not for the web app's ADMINs.
		if rec := a.get(tc.c, "/debug/pprof/cmdline"); rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), os.Args[0]) {
			t.Errorf("%s GET /debug/pprof/cmdline: status %d, body %q; want 404", tc.name, rec.Code, rec.Body)
		}
	}
}

// TestMetrics_GraphQLOperations: a named query, a query that fails, and a mutation the CSRF
// guard refuses all show in /metrics, with their names and error codes.
func TestMetrics_GraphQLOperations(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	admin := a.createUser("admin@obs.example", domain.UserScope{Role: domain.RoleAdmin})
	adminToken, _ := a.token(admin)
	asAdmin := caller{token: adminToken}

	r := a.do(asAdmin, `query ObsRegions { regions { code } }`, nil)
	if r.code() != "" {
		t.Fatalf("ObsRegions: %+v", r.Errors)
	}
	r = a.do(asAdmin, `query ObsBadNode { node(id: "not-an-id") { id } }`, nil)
	if r.code() != "BAD_USER_INPUT" {
		t.Fatalf("ObsBadNode: code %q, want BAD_USER_INPUT", r.code())
	}
	session, _ := a.signIn("admin@obs.example", testPassword, "")
	session.csrf = "" // the guard refuses the mutation before any resolver runs
	r = a.do(session, `mutation ObsSignOut { signOut { ok } }`, nil)
	if r.code() != "FORBIDDEN" {
		t.Fatalf("ObsSignOut without the CSRF token: code %q, want FORBIDDEN", r.code())
	}

	if rec := a.get(caller{}, "/metrics"); rec.Code != http.StatusUnauthorized {
		t.Fatalf("anonymous /metrics: status %d", rec.Code)
	}

	body := a.scrapeMetrics(adminToken)
	for _, want := range []string{
		`atbalsts_graphql_operation_duration_seconds_count{operation="ObsRegions",type="query"} 1` + "\n",
		`atbalsts_graphql_operation_duration_seconds_bucket{operation="ObsRegions",type="query",le="+Inf"} 1` + "\n",
		`atbalsts_graphql_operation_duration_seconds_count{operation="ObsBadNode",type="query"} 1` + "\n",
		`atbalsts_graphql_operation_duration_seconds_count{operation="ObsSignOut",type="mutation"} 1` + "\n",
		`atbalsts_graphql_errors_total{code="BAD_USER_INPUT"} 1` + "\n",
		`atbalsts_graphql_errors_total{code="FORBIDDEN"} 1` + "\n",
		`atbalsts_http_request_duration_seconds_count{route="POST /graphql",status="2xx"} `,
		`atbalsts_http_request_duration_seconds_count{route="GET /metrics",status="4xx"} 1` + "\n",
		`go_sql_max_open_connections{db_name="atbalsts"} `,
		"atbalsts_audit_queue_depth ",
		`go_goroutines `,
		`process_resident_memory_bytes `,
	} {
		wantMetricLine(t, body, want)
	}
}

// TestMetrics_OperationNameFlood: a client that gives every request a new operation name
// cannot grow the operation label beyond its bound.
func TestMetrics_OperationNameFlood(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	admin := a.createUser("admin@obs.example", domain.UserScope{Role: domain.RoleAdmin})
	adminToken, _ := a.token(admin)
	for i := range metrics.MaxOperationNames + 60 {
		if r := a.do(caller{}, fmt.Sprintf(`query Flood%d { __typename }`, i), nil); r.code() != "" {
			t.Fatalf("Flood%d: %+v", i, r.Errors)
		}
	}
	names := map[string]bool{}
	label := regexp.MustCompile(`^atbalsts_graphql_operation_duration_seconds_count\{operation="([^"]*)"`)
	for line := range strings.Lines(a.scrapeMetrics(adminToken)) {
		if m := label.FindStringSubmatch(line); m != nil {
			names[m[1]] = true
		}
	}
	if len(names) > metrics.MaxOperationNames+1 || !names[metrics.Other] {
		t.Errorf("%d operation names (other: %v), want at most %d and the rest as %q",
			len(names), names[metrics.Other], metrics.MaxOperationNames, metrics.Other)
	}
}

func TestParseConfig_DebugAddr(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"", true},
		{"127.0.0.1:6060", true},
		{"127.0.0.2:6060", true},
		{"[::1]:6060", true},
		{"localhost:6060", true},
		{":6060", false},
		{"0.0.0.0:6060", false},
		{"[::]:6060", false},
		{"10.0.0.5:6060", false},
		{"192.0.2.1:6060", false},
		{"metrics.example.lv:6060", false},
		{"127.0.0.1", false},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			env := map[string]string{"ATBALSTS_DEBUG_ADDR": tc.addr}
			cfg, err := ParseConfig(nil, func(k string) string { return env[k] }, io.Discard)
			switch {
			case tc.ok && err != nil:
				t.Errorf("refused: %v", err)
			case tc.ok && cfg.DebugAddr != tc.addr:
				t.Errorf("DebugAddr %q", cfg.DebugAddr)
			case !tc.ok && err == nil:
				t.Errorf("accepted %q", tc.addr)
			case !tc.ok && !strings.Contains(err.Error(), "ATBALSTS_DEBUG_ADDR"):
				t.Errorf("error %q does not name the setting", err)
			}
		})
	}
	cfg, err := ParseConfig([]string{"--debug-addr", "127.0.0.1:7070"}, func(string) string { return "" }, io.Discard)
	if err != nil || cfg.DebugAddr != "127.0.0.1:7070" {
		t.Errorf("--debug-addr: %+v %v", cfg, err)
	}
}

// TestRun_RefusesPublicDebugAddr: a Config made in code is checked too, before anything starts.
func TestRun_RefusesPublicDebugAddr(t *testing.T) {
	dataDir := t.TempDir()
	err := Run(context.Background(), Config{Addr: "127.0.0.1:0", DebugAddr: "0.0.0.0:0", DataDir: dataDir}, NewLogger(io.Discard, "text"))
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("Run with a public debug address: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "postgres")); !os.IsNotExist(err) {
		t.Errorf("the embedded PostgreSQL was started before the debug address was refused (%v)", err)
	}
}

func TestListenLoopback(t *testing.T) {
	ln, err := listenLoopback("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if ln, err := listenLoopback("0.0.0.0:0"); err == nil {
		ln.Close()
		t.Error("listened on every interface")
	}
}
