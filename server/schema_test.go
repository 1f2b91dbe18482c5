package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestPublishedSchema: GET /graphql/schema.graphql gives clients the whole contract as one
// document: it parses on its own, and has every query and mutation of every part of the
// schema in source (schema.graphql and schema/*.graphql).
func TestPublishedSchema(t *testing.T) {
	t.Parallel()
	h, _, _ := newTestHandler(t, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/graphql/schema.graphql", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("status %d, content type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	published, err := gqlparser.LoadSchema(&ast.Source{Name: "published.graphql", Input: rec.Body.String()})
	if err != nil {
		t.Fatalf("the published schema does not parse on its own: %v", err)
	}
	var sources []*ast.Source
	parts, _ := filepath.Glob("../schema/*.graphql")
	for _, name := range append([]string{"../schema.graphql"}, parts...) {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: name, Input: string(text)})
	}
	written, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) < 5 {
		t.Fatalf("%d schema parts, want one per aggregate", len(parts))
	}
	for _, root := range []struct{ written, published *ast.Definition }{{written.Query, published.Query}, {written.Mutation, published.Mutation}} {
		for _, f := range root.written.Fields {
			if root.published.Fields.ForName(f.Name) == nil {
				t.Errorf("%s.%s is not published", root.written.Name, f.Name)
			}
		}
	}
	if len(published.Types) != len(written.Types) {
		t.Errorf("%d types published, %d written", len(published.Types), len(written.Types))
	}
}
