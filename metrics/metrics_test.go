package metrics

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/testserver"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// scrape returns the metrics as Prometheus's text format.
func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("scrape: status %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}

// wantLine fails unless the scrape has a sample line starting with prefix.
func wantLine(t *testing.T, body, prefix string) {
	t.Helper()
	for line := range strings.Lines(body) {
		if strings.HasPrefix(line, prefix) {
			return
		}
	}
	t.Errorf("no line starting with %q in:\n%s", prefix, body)
}

// labelValues are the distinct values of label in the samples of metric.
func labelValues(body, metric, label string) map[string]bool {
	re := regexp.MustCompile(`[{,]` + label + `="([^"]*)"`)
	values := map[string]bool{}
	for line := range strings.Lines(body) {
		if strings.HasPrefix(line, metric) {
			if m := re.FindStringSubmatch(line); m != nil {
				values[m[1]] = true
			}
		}
	}
	return values
}

func TestLabelBound(t *testing.T) {
	b := newLabelBound(3)
	for _, tc := range []struct{ name, want string }{
		{"", Anonymous},
		{"Children", "Children"},
		{"child-list", Other},
		{"Bērni", Other},
		{strings.Repeat("a", 64), strings.Repeat("a", 64)},
		{strings.Repeat("b", 65), Other},
		{"Plans_2", "Plans_2"},
		{"OneTooMany", Other},
		{"Children", "Children"}, // admitted before the bound: kept
	} {
		if got := b.value(tc.name); got != tc.want {
			t.Errorf("value(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestOperationNameFlood: clients that name every operation differently cannot grow the
// operation label beyond the bound.
func TestOperationNameFlood(t *testing.T) {
	m := New(Options{})
	for i := range 5 * MaxOperationNames {
		name := fmt.Sprintf("Op%x", rand.Uint64())
		if i%7 == 0 {
			name = "not a name " + name
		}
		typ := ast.Query
		if i%2 == 0 {
			typ = ast.Mutation
		}
		opCtx := &graphql.OperationContext{OperationName: name, Operation: &ast.OperationDefinition{Name: name, Operation: typ}}
		opCtx.Stats.OperationStart = graphql.Now()
		m.observeOperation(opCtx, &graphql.Response{})
	}
	names := labelValues(scrape(t, m), "atbalsts_graphql_operation_duration_seconds_count", "operation")
	if len(names) > MaxOperationNames+1 {
		t.Errorf("%d operation label values, want at most %d names and %q", len(names), MaxOperationNames, Other)
	}
	if !names[Other] {
		t.Errorf("no %q label after %d names", Other, 5*MaxOperationNames)
	}
}

// refuseMutations answers every mutation itself, as the project's CSRF guard does.
type refuseMutations struct{}

func (refuseMutations) ExtensionName() string                   { return "Refuse" }
func (refuseMutations) Validate(graphql.ExecutableSchema) error { return nil }
func (refuseMutations) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if graphql.GetOperationContext(ctx).Operation.Operation == ast.Mutation {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{Message: "no", Extensions: map[string]any{"code": "FORBIDDEN"}}}})
	}
	return next(ctx)
}

// TestGraphQLExtension: operations that run, that a guard refuses, and that never parse are all
// observed once, with their error codes.
func TestGraphQLExtension(t *testing.T) {
	m := New(Options{})
	srv := testserver.New()
	srv.AddTransport(transport.POST{})
	srv.Use(m.GraphQL())
	srv.Use(refuseMutations{})
	post := func(body string) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		srv.ServeHTTP(httptest.NewRecorder(), req)
	}
	post(`{"query":"query Names { name }"}`)
	post(`{"query":"query Names { name }"}`)
	post(`{"query":"{ name }"}`)
	post(`{"query":"mutation Rename { name }"}`)
	post(`{"query":"query Broken { name","operationName":"Broken"}`)
	post(`{"query":"query Unknown { nosuchfield }","operationName":"Unknown"}`)
	post(`not json`)

	body := scrape(t, m)
	for _, want := range []string{
		`atbalsts_graphql_operation_duration_seconds_count{operation="Names",type="query"} 2`,
		`atbalsts_graphql_operation_duration_seconds_count{operation="anonymous",type="query"} 1`,
		`atbalsts_graphql_operation_duration_seconds_count{operation="Rename",type="mutation"} 1`,
		`atbalsts_graphql_operation_duration_seconds_count{operation="Broken",type="unknown"} 1`,
		`atbalsts_graphql_operation_duration_seconds_count{operation="Unknown",type="unknown"} 1`,
		`atbalsts_graphql_errors_total{code="FORBIDDEN"} 1`,
		`atbalsts_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1`,
		`atbalsts_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1`,
		`atbalsts_graphql_errors_total{code="UNKNOWN"} 1`, // the body that is not JSON
	} {
		wantLine(t, body, want+"\n")
	}
}

func TestInstrumentMux(t *testing.T) {
	m := New(Options{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "0" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte("item"))
	})
	mux.HandleFunc("POST /items", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) })
	h := m.InstrumentMux(mux)
	for _, req := range []string{"GET /items/1", "GET /items/2", "GET /items/0", "POST /items", "GET /secret-path-of-a-client", "DELETE /items/1"} {
		method, path, _ := strings.Cut(req, " ")
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, path, nil))
	}
	body := scrape(t, m)
	for _, want := range []string{
		`atbalsts_http_request_duration_seconds_count{route="GET /items/{id}",status="2xx"} 2`,
		`atbalsts_http_request_duration_seconds_count{route="GET /items/{id}",status="4xx"} 1`,
		`atbalsts_http_request_duration_seconds_count{route="POST /items",status="2xx"} 1`,
		`atbalsts_http_request_duration_seconds_count{route="none",status="4xx"} 2`,
	} {
		wantLine(t, body, want+"\n")
	}
	if strings.Contains(body, "secret-path") {
		t.Error("an unmatched path became a label value")
	}
}

func TestAuditQueueDepth(t *testing.T) {
	if body := scrape(t, New(Options{})); strings.Contains(body, "atbalsts_audit_queue_depth") {
		t.Error("audit queue depth exported without a queue")
	}
	depth := 7
	m := New(Options{AuditQueueDepth: func() int { return depth }})
	wantLine(t, scrape(t, m), "atbalsts_audit_queue_depth 7\n")
	depth = 0
	wantLine(t, scrape(t, m), "atbalsts_audit_queue_depth 0\n")
}

func TestRuntimeMetrics(t *testing.T) {
	body := scrape(t, New(Options{}))
	wantLine(t, body, "go_goroutines ")
	wantLine(t, body, "go_memstats_heap_alloc_bytes ")
	wantLine(t, body, "process_resident_memory_bytes ")
}
