package graph

import (
	"os"
	"testing"

	"github.com/vektah/gqlparser/v2"
)

// TestMobileOperationsWithinLimits: the example mobile client's operations (which native apps
// follow) validate against the schema and fit the cost and depth limits at their largest.
func TestMobileOperationsWithinLimits(t *testing.T) {
	src, err := os.ReadFile("../examples/mobile-client/operations.graphql")
	if err != nil {
		t.Fatal(err)
	}
	schema := NewExecutableSchema(Config{}).Schema()
	doc, errs := gqlparser.LoadQuery(schema, string(src))
	if errs != nil {
		t.Fatalf("the mobile operations do not validate: %v", errs)
	}
	for _, op := range doc.Operations {
		cost, depth, err := measure(op.SelectionSet, doc, map[string]any{}, 0, map[string]bool{})
		if err != nil {
			t.Fatalf("%s: %v", op.Name, err)
		}
		if cost > MaxCost || depth > MaxDepth {
			t.Errorf("the mobile %s costs %d at depth %d: over the limits (%d, %d)", op.Name, cost, depth, MaxCost, MaxDepth)
		}
		t.Logf("%s: cost %d, depth %d", op.Name, cost, depth)
	}
}
