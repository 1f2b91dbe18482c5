package graph

import (
	"slices"
	"sort"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// privacyMarks are the directives of privacy.go.
var privacyMarks = []string{"personal", "coarse", "minCount"}

// analystReachable walks the schema from Query, and from the results of every mutation, as an
// analyst's request could: every field of every object and interface type reached, with the
// implementations of an interface (node(id) reaches every Node). Mutation fields themselves are
// not listed: they are entry points, refused to analysts but for their own sign-in and tokens;
// what they answer is.
func analystReachable(s *ast.Schema) map[string]*ast.FieldDefinition {
	out := map[string]*ast.FieldDefinition{}
	seen := map[string]bool{}
	var visit func(name string, list bool)
	visit = func(name string, list bool) {
		def := s.Types[name]
		if def == nil || seen[name] || (def.Kind != ast.Object && def.Kind != ast.Interface) {
			return
		}
		seen[name] = true
		for _, impl := range s.PossibleTypes[name] {
			visit(impl.Name, true)
		}
		for _, f := range def.Fields {
			if len(f.Name) > 1 && f.Name[:2] == "__" {
				continue
			}
			if list {
				out[name+"."+f.Name] = f
			}
			visit(f.Type.Name(), true)
		}
	}
	visit(s.Query.Name, true)
	visit(s.Mutation.Name, false)
	return out
}

// TestEveryAnalystFieldIsDecided: every field an analyst can reach is marked with a privacy
// directive or on the allow-list (privacy_allow.go), not both; the allow-list names only such
// fields; and each directive sits where privacy.go can apply it.
func TestEveryAnalystFieldIsDecided(t *testing.T) {
	s := NewExecutableSchema(Config{}).Schema()
	reached := analystReachable(s)
	if len(reached) < 300 {
		t.Fatalf("the walk reached %d fields: it does not walk the schema", len(reached))
	}
	var names []string
	for name := range reached {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := reached[name]
		var marks []string
		for _, d := range privacyMarks {
			if f.Directives.ForName(d) != nil {
				marks = append(marks, "@"+d)
			}
		}
		_, safe := analystSafe[name]
		switch {
		case len(marks) == 0 && !safe:
			t.Errorf("%s (%s) is reachable by an analyst but neither marked (@personal, @coarse, @minCount) nor in analystSafe", name, f.Type)
		case len(marks) > 0 && safe:
			t.Errorf("%s is marked %v and in analystSafe: drop the entry", name, marks)
		case len(marks) > 1:
			t.Errorf("%s has several privacy marks %v: one decides", name, marks)
		}
		if msg := misplaced(s, f); msg != "" {
			t.Errorf("%s: %s", name, msg)
		}
		// A list of case records answers its rows to an analyst only through @minCount.
		if countedConnections[f.Type.Name()] && f.Directives.ForName("minCount") == nil {
			t.Errorf("%s returns a %s without @minCount: an analyst would get the rows of a small list", name, f.Type.Name())
		}
	}
	for name := range analystSafe {
		if _, ok := reached[name]; !ok {
			t.Errorf("analystSafe lists %s, which an analyst cannot reach (or the schema has no more): drop it", name)
		}
	}
	for name := range countedConnections {
		if f := s.Types[name].Fields.ForName("totalCount"); f == nil || f.Directives.ForName("minCount") == nil {
			t.Errorf("%s.totalCount is not @minCount", name)
		}
	}
}

// misplaced tells why a privacy directive cannot work on f, or "".
func misplaced(s *ast.Schema, f *ast.FieldDefinition) string {
	t := f.Type
	switch {
	case f.Directives.ForName("personal") != nil:
		if t.NonNull && t.Elem == nil && !slices.Contains([]string{"String", "ID", "Int", "Boolean"}, t.NamedType) {
			return "@personal on a non-null " + t.String() + ", which has no neutral value: make it nullable"
		}
	case f.Directives.ForName("coarse") != nil:
		if t.Elem != nil || (t.NamedType != "Date" && t.NamedType != "Time") {
			return "@coarse on " + t.String() + ", not a Date or Time"
		}
	case f.Directives.ForName("minCount") != nil:
		if t.NamedType == "Int" && t.NonNull {
			return "@minCount on a non-null Int: it must be nullable to answer null"
		}
		if t.NamedType != "Int" && !countedConnections[t.Name()] {
			return "@minCount on a " + t.String() + ", which privacy.go cannot count (countedConnections)"
		}
	}
	return ""
}
