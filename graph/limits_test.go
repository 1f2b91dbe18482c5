package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/graph/persisted"
)

// TestEveryListFieldHasACost: every list field of an output type has a page size (`first`) or
// a bound in listBounds, and every bound names a field that exists, so no list is free.
func TestEveryListFieldHasACost(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	for name, def := range schema.Types {
		if strings.HasPrefix(name, "__") || def.Kind != ast.Object && def.Kind != ast.Interface {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") || f.Type.Elem == nil || f.Arguments.ForName("first") != nil ||
				strings.HasSuffix(name, "Connection") && f.Name == "edges" {
				continue
			}
			if _, ok := listBounds[name+"."+f.Name]; !ok {
				t.Errorf("list field %s.%s has neither `first` nor a bound in listBounds", name, f.Name)
			}
		}
	}
	for key := range listBounds {
		typ, field, _ := strings.Cut(key, ".")
		def := schema.Types[typ]
		if def == nil || def.Fields.ForName(field) == nil || def.Fields.ForName(field).Type.Elem == nil {
			t.Errorf("listBounds has %s, which is no list field of the schema", key)
		}
	}
}

// spaDocuments returns the SPA's operations and fragments (what its build sends), read from
// the typed documents that `make generate` writes.
func spaDocuments(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	// Each document is a JSON string key of the `documents` map: "\n  query X { ... }\n": types.X
	var all strings.Builder
	for _, m := range regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"): types\.`).FindAllStringSubmatch(string(src), -1) {
		var doc string
		if err := json.Unmarshal([]byte(m[1]), &doc); err != nil {
			t.Fatalf("document %s: %v", m[1][:40], err)
		}
		all.WriteString(doc)
	}
	return all.String()
}

// TestTrustedOperationsWithinLimits: every trusted operation (the SPA's and the mobile
// clients', from the manifest the server runs them from), with its largest page (`first: 100`
// wherever a variable may set it), is within the cost and depth limits.
func TestTrustedOperationsWithinLimits(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	manifest := persisted.All()
	if len(manifest) < 40 {
		t.Fatalf("the manifest holds %d operations; is it generated?", len(manifest))
	}
	maxCost, maxDepth := 0, 0
	for _, text := range manifest {
		doc, errs := gqlparser.LoadQuery(schema, text)
		if errs != nil {
			t.Errorf("a trusted operation does not validate: %v\n%s", errs, text)
			continue
		}
		op := doc.Operations[0]
		vars := map[string]any{}
		for _, v := range op.VariableDefinitions {
			if v.Variable == "first" {
				vars["first"] = int64(maxPageSize)
			}
		}
		cost, depth, err := measure(op.SelectionSet, doc, vars, 0, map[string]bool{})
		if err != nil {
			t.Fatalf("%s: %v", op.Name, err)
		}
		if cost > MaxCost || depth > MaxDepth {
			t.Errorf("the trusted operation %s costs %d at depth %d: over the limits (%d, %d)", op.Name, cost, depth, MaxCost, MaxDepth)
		}
		maxCost, maxDepth = max(maxCost, cost), max(maxDepth, depth)
	}
	t.Logf("%d trusted operations: largest cost %d (limit %d), deepest %d (limit %d)", len(manifest), maxCost, MaxCost, maxDepth, MaxDepth)
}

// TestMeasure: what the cost counts, on small documents.
func TestMeasure(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	for _, c := range []struct {
		query       string
		cost, depth int
	}{
		{`{ regions { code } }`, 1 + 5*1, 2},
		{`{ regions { code name } __typename }`, 1 + 5*2, 2},
		// a connection counts its page; edges do not count again
		{`{ children(first: 10) { totalCount edges { node { id } } } }`, 1 + 10*(1+1+(1+1)), 4},
		{`query($n: Int) { children(first: $n) { edges { node { id } } } }`, 1 + defaultPageSize*3, 4},
		{`{ children(first: 1000) { edges { node { id } } } }`, 1 + maxPageSize*3, 4},
		// fragments count where they are spread
		{`{ regions { ...R } } fragment R on PlanningRegion { municipalities { name } }`, 1 + 5*(1+15*1), 3},
		// a list answered per id costs the ids given, else its bound
		{`{ projectProgress(projectIds: ["a"]) { targets { group } } }`, 1 + 1*(1+6*1), 3},
		{`{ projectProgress { on } }`, 1 + 10*1, 2},
		{`{ __schema { types { name fields { name type { ofType { ofType { name } } } } } } }`, introspectionCost, 0},
		{`{ a: __schema { types { name } } b: __type(name: "Child") { name } }`, 2 * introspectionCost, 0},
	} {
		doc, errs := gqlparser.LoadQuery(schema, c.query)
		if errs != nil {
			t.Fatalf("%s: %v", c.query, errs)
		}
		cost, depth, err := measure(doc.Operations[0].SelectionSet, doc, map[string]any{}, 0, map[string]bool{})
		if err != nil || cost != c.cost || depth != c.depth {
			t.Errorf("%s: cost %d depth %d (%v), want %d and %d", c.query, cost, depth, err, c.cost, c.depth)
		}
	}
}

// TestStoppedWorkIsNoError: a field cut short by the request's deadline or by the client
// leaving is answered TIMEOUT or CANCELLED, and nothing is logged as an error (a cancelled
// deep query once logged 58,579 ERROR lines).
func TestStoppedWorkIsNoError(t *testing.T) {
	var logged strings.Builder
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelError})))
	defer slog.SetDefault(prev)

	deadline, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-deadline.Done()
	gone, leave := context.WithCancel(context.Background())
	leave()
	for _, c := range []struct {
		ctx  context.Context
		err  error
		code string
	}{
		{deadline, fmt.Errorf("store: child: %w", context.DeadlineExceeded), "TIMEOUT"},
		{context.Background(), &pq.Error{Code: "57014", Message: "canceling statement due to statement timeout"}, "TIMEOUT"},
		{gone, fmt.Errorf("store: child: %w", context.Canceled), "CANCELLED"},
		{gone, &pq.Error{Code: "57014", Message: "canceling statement due to user request"}, "CANCELLED"},
	} {
		got := presentError(c.ctx, c.err)
		if got.Extensions["code"] != c.code {
			t.Errorf("%v: code %v, want %s", c.err, got.Extensions["code"], c.code)
		}
	}
	if logged.Len() > 0 {
		t.Errorf("stopped work was logged as an error:\n%s", logged.String())
	}
	// A real fault still is.
	if got := presentError(context.Background(), errors.New("boom")); got.Extensions["code"] != "INTERNAL" || logged.Len() == 0 {
		t.Errorf("an internal error: code %v, logged %q", got.Extensions["code"], logged.String())
	}
}
