package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"atbalsts/graph/persisted"
)

// TestManifestHoldsEveryClientOperation: the manifest of trusted operations holds every
// operation of the SPA (its graphql() documents) and of the mobile clients
// (examples/mobile-client/operations.graphql), each once, as the same selections as its source
// (the SPA's with the __typename its client adds), under the SHA-256 of its text, and nothing
// else; the mobile client's persisted.json gives the same hashes and texts. `make
// check-generated` keeps the files fresh; this says they hold what they should.
func TestManifestHoldsEveryClientOperation(t *testing.T) {
	manifest := persisted.All()
	byName := map[string]string{} // operation name -> manifest text
	for hash, text := range manifest {
		if sum := sha256.Sum256([]byte(text)); hex.EncodeToString(sum[:]) != hash {
			t.Errorf("the manifest's %.12s… is not the SHA-256 of its text", hash)
		}
		doc, err := parser.ParseQuery(&ast.Source{Input: text})
		if err != nil || len(doc.Operations) != 1 {
			t.Errorf("the manifest's %.12s… is not one operation (%v):\n%s", hash, err, text)
			continue
		}
		name := doc.Operations[0].Name
		if _, dup := byName[name]; dup {
			t.Errorf("two trusted operations are named %s", name)
		}
		byName[name] = text
	}

	// Each source operation, from the documents the clients are built from.
	sources := map[string]string{} // operation name -> its selections in the source
	spa := parseDocuments(t, "the SPA's documents", spaDocuments(t))
	for _, op := range spa.Operations {
		sources[op.Name] = selections(spa, op, true)
	}
	mobileSource, err := os.ReadFile("../examples/mobile-client/operations.graphql")
	if err != nil {
		t.Fatal(err)
	}
	mobile := parseDocuments(t, "operations.graphql", string(mobileSource))
	for _, op := range mobile.Operations {
		if _, dup := sources[op.Name]; dup {
			t.Errorf("the SPA and the mobile client both have an operation %s", op.Name)
		}
		sources[op.Name] = selections(mobile, op, false)
	}
	if len(spa.Operations) < 40 || len(mobile.Operations) < 4 {
		t.Fatalf("found %d SPA and %d mobile operations: a reader is broken", len(spa.Operations), len(mobile.Operations))
	}

	for name, want := range sources {
		text, ok := byName[name]
		if !ok {
			t.Errorf("the manifest lacks the operation %s: run make generate", name)
			continue
		}
		doc := parseDocuments(t, name, text)
		if got := selections(doc, doc.Operations[0], false); got != want {
			t.Errorf("the manifest's %s differs from its source: run make generate\nmanifest: %s\nsource:   %s", name, got, want)
		}
	}
	for name := range byName {
		if _, ok := sources[name]; !ok {
			t.Errorf("the manifest holds %s, which no client has: run make generate", name)
		}
	}

	// The mobile client reads its operations from persisted.json: the manifest's hashes and texts.
	b, err := os.ReadFile("../examples/mobile-client/persisted.json")
	if err != nil {
		t.Fatal(err)
	}
	var forMobile struct {
		Operations map[string]struct {
			SHA256Hash string `json:"sha256Hash"`
			Document   string `json:"document"`
		} `json:"operations"`
	}
	if err := json.Unmarshal(b, &forMobile); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, op := range forMobile.Operations {
		names = append(names, name)
		if text, ok := persisted.Document(op.SHA256Hash); !ok || text != op.Document || byName[name] != text {
			t.Errorf("persisted.json's %s is not the manifest's (hash %.12s…)", name, op.SHA256Hash)
		}
	}
	var want []string
	for _, op := range mobile.Operations {
		want = append(want, op.Name)
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("persisted.json has %v, operations.graphql %v", names, want)
	}
}

func parseDocuments(t *testing.T, what, text string) *ast.QueryDocument {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Name: what, Input: text})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return doc
}

// selections is what an operation asks, independent of layout and order: its variables and
// every field's path with its arguments and directives, fragments followed where spread,
// sorted. addTypename adds __typename below the root as the SPA's client does (codegen.ts).
func selections(doc *ast.QueryDocument, op *ast.OperationDefinition, addTypename bool) string {
	var paths []string
	for _, v := range op.VariableDefinitions {
		paths = append(paths, "$"+v.Variable+": "+v.Type.String())
	}
	var walk func(set ast.SelectionSet, path string)
	walk = func(set ast.SelectionSet, path string) {
		if addTypename && path != string(op.Operation) {
			paths = append(paths, path+"/__typename")
		}
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				p := path + "/" + sel.Alias
				if sel.Alias != sel.Name {
					p += ":" + sel.Name
				}
				for _, a := range sel.Arguments {
					p += " " + a.Name + "=" + a.Value.String()
				}
				for _, d := range sel.Directives {
					p += " @" + d.Name
					for _, a := range d.Arguments {
						p += " " + a.Name + "=" + a.Value.String()
					}
				}
				paths = append(paths, p)
				if len(sel.SelectionSet) > 0 {
					walk(sel.SelectionSet, p)
				}
			case *ast.InlineFragment:
				walk(sel.SelectionSet, path+"/on "+sel.TypeCondition)
			case *ast.FragmentSpread:
				if f := doc.Fragments.ForName(sel.Name); f != nil {
					walk(f.SelectionSet, path+"/..."+sel.Name+" on "+f.TypeCondition)
				} else {
					paths = append(paths, path+"/... unknown fragment "+sel.Name)
				}
			}
		}
	}
	walk(op.SelectionSet, string(op.Operation))
	slices.Sort(paths)
	return strings.Join(slices.Compact(paths), "\n")
}
