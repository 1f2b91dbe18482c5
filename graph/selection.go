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
	_, ok := selectionAt(ctx, path...)
	return ok
}

// selectionAt is the selection below path from the current field (through fragments of any
// type), and whether the query reaches path.
func selectionAt(ctx context.Context, path ...string) (ast.SelectionSet, bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil, false
	}
	set := fc.Field.Selections
	for _, name := range path {
		var next ast.SelectionSet
		if !collect(set, name, &next) {
			return nil, false
		}
		set = next
	}
	return set, true
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

// selectedPage is the page size that the fields at path (as selects) ask for with `first`
// and no `after`: the first page a loader can read ahead for every parent at once. ok is false
// when the path is not selected, asks for a later page, or gives an invalid `first` (which the
// field's resolver then reports).
func selectedPage(ctx context.Context, path ...string) (limit int, ok bool) {
	if len(path) == 0 {
		return 0, false
	}
	set, ok := selectionAt(ctx, path[:len(path)-1]...)
	if !ok {
		return 0, false
	}
	var fields []*ast.Field
	collectFields(set, path[len(path)-1], &fields)
	if len(fields) == 0 {
		return 0, false
	}
	args := fields[0].ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	if args["after"] != nil {
		return 0, false
	}
	var first *int
	if v, isInt := args["first"].(int64); isInt {
		n := int(v)
		first = &n
	}
	limit, err := pageSize(first)
	return limit, err == nil
}

// collectFields appends the fields called name in set (through fragments) to out.
func collectFields(set ast.SelectionSet, name string, out *[]*ast.Field) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == name {
				*out = append(*out, s)
			}
		case *ast.InlineFragment:
			collectFields(s.SelectionSet, name, out)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				collectFields(s.Definition.SelectionSet, name, out)
			}
		}
	}
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
