package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// selects tells whether the current field's selection reaches path (field names, each below
// the one before, through fragments of any type), so that a resolver queues the next level's
// reads only when they were asked for: a children page that shows no plans reads none.
func selects(ctx context.Context, path ...string) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false
	}
	set := fc.Field.Selections
	for _, name := range path {
		var next ast.SelectionSet
		if !collect(set, name, &next) {
			return false
		}
		set = next
	}
	return true
}

// selectsAny tells whether the current field's selection reaches path followed by any of last.
func selectsAny(ctx context.Context, path []string, last ...string) bool {
	for _, name := range last {
		if selects(ctx, append(path[:len(path):len(path)], name)...) {
			return true
		}
	}
	return false
}

// collect appends the selections of the fields called name in set to out, and tells whether
// there was one.
func collect(set ast.SelectionSet, name string, out *ast.SelectionSet) bool {
	found := false
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == name {
				found = true
				*out = append(*out, s.SelectionSet...)
			}
		case *ast.InlineFragment:
			found = collect(s.SelectionSet, name, out) || found
		case *ast.FragmentSpread:
			if s.Definition != nil {
				found = collect(s.Definition.SelectionSet, name, out) || found
			}
		}
	}
	return found
}

// revisionFields are the fields of a support plan that read its revisions.
var revisionFields = []string{"current", "pending", "usage", "viewerCan"}
