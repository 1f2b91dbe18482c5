package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
)

// What a MINISTRY_ANALYST sees is decided here, and only here, by the directives the schema
// puts on fields (schema.graphql documents them):
//
//   - @personal: personal data, free text or a person's name: null, or the neutral value of a
//     non-null field;
//   - @coarse(to: MONTH|YEAR): a date or time as the first day of its month or year;
//   - @minCount: a count below the threshold k is null, and a list (a connection) whose count is
//     below k has no rows.
//
// Everyone else gets every field as the resolver answers it. Which records an analyst sees at
// all (every child, no parents, no audit log) is the services' scope (domain/access.go); these
// directives decide what an analyst sees of the records in that scope. privacy_test.go walks the
// schema: a field an analyst can reach must carry a directive or be on the allow-list in
// privacy_allow.go.

// DefaultAnalystMinCount is the threshold k when the server is not configured otherwise: a
// count of fewer than 5 children (or of their records) is not told to an analyst.
const DefaultAnalystMinCount = 5

// pseudonymous tells whether the caller gets the analysts' view: everyone who may not see
// personal data (SeesPersonalData: analysts, and anonymous callers, who reach no case data
// anyway).
func pseudonymous(ctx context.Context) bool {
	return !domain.SeesPersonalData(domain.ActorFrom(ctx))
}

// minCount is the threshold k of the server.
func (r *Resolver) minCount() int {
	if r.Service != nil && r.Service.AnalystMinCount > 0 {
		return r.Service.AnalystMinCount
	}
	return DefaultAnalystMinCount
}

// directives implements the schema's privacy directives over this resolver (which counts
// lists).
func (r *Resolver) directives() DirectiveRoot {
	return DirectiveRoot{Personal: personal, Coarse: coarse, MinCount: r.minCountDirective}
}

// personal answers null for a nullable field, without running its resolver (which may read
// and audit records the analyst would not get). A non-null field answers a neutral value: an
// empty string or list, false or 0. The neutral value rather than a nullable field keeps the
// SPA's types, which rely on these fields being present for the roles that see them; it is
// neutral, not a made-up value: no text, no items.
func personal(ctx context.Context, _ any, next graphql.Resolver, _ string) (any, error) {
	if !pseudonymous(ctx) {
		return next(ctx)
	}
	t := graphql.GetFieldContext(ctx).Field.Definition.Type
	if !t.NonNull {
		return nil, nil
	}
	if t.Elem != nil {
		return graphql.Array{}, nil
	}
	switch t.NamedType {
	case "String", "ID":
		return graphql.MarshalString(""), nil
	case "Int":
		return graphql.MarshalInt(0), nil
	case "Boolean":
		return graphql.MarshalBoolean(false), nil
	}
	// privacy_test.go refuses such a mark, so this is not reached.
	return nil, fmt.Errorf("@personal on a non-null %s has no neutral value", t.NamedType)
}

// coarse answers a date (or time) as the first day of its month or year: a Date stays a date,
// only less exact. A Time becomes midnight of that day in Riga, whose calendar dates follow.
func coarse(ctx context.Context, _ any, next graphql.Resolver, to model.Coarseness) (any, error) {
	v, err := next(ctx)
	if err != nil || !pseudonymous(ctx) {
		return v, err
	}
	moment := graphql.GetFieldContext(ctx).Field.Definition.Type.NamedType == "Time"
	switch v := v.(type) {
	case time.Time:
		return coarsen(v, to, moment), nil
	case *time.Time:
		if v == nil {
			return v, nil
		}
		c := coarsen(*v, to, moment)
		return &c, nil
	}
	return nil, fmt.Errorf("@coarse on a field of Go type %T", v)
}

// coarsen is the first day of t's month or year; a moment is first put in Riga.
func coarsen(t time.Time, to model.Coarseness, moment bool) time.Time {
	if moment {
		t = t.In(domain.Riga)
	}
	month := t.Month()
	if to == model.CoarsenessYear {
		month = time.January
	}
	return time.Date(t.Year(), month, 1, 0, 0, 0, 0, t.Location())
}

// minCountDirective hides small counts from analysts. On a count (an Int) it answers null below
// k. On a field that returns a connection it answers the connection without rows (and without
// cursors) when the list holds fewer than k records: the rows could be counted, and one row
// of a list narrowed to a few children singles one out. The connection's totalCount carries
// the directive too, so it is null then.
func (r *Resolver) minCountDirective(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	v, err := next(ctx)
	if err != nil || !pseudonymous(ctx) {
		return v, err
	}
	k := r.minCount()
	switch v := v.(type) {
	case int:
		if v < k {
			return nil, nil
		}
		return v, nil
	case *int:
		if v == nil || *v < k {
			return nil, nil
		}
		return v, nil
	}
	small, err := r.smallList(ctx, v, k)
	if err != nil || !small {
		return v, err
	}
	return emptied(v), nil
}

// countedConnections are the connections @minCount may be put on (privacy_test.go checks the
// schema against it): those smallList can count and emptied can empty.
var countedConnections = map[string]bool{
	"ChildConnection": true, "ApplicationConnection": true, "AssessmentConnection": true,
	"SupportPlanConnection": true, "ServiceDeliveryConnection": true,
}

// smallList tells whether the list a connection is a page of holds fewer than k records. The
// page tells it without counting when it is the whole list (no `after`, no next page) or holds
// k rows already; else the list's totalCount resolver counts.
func (r *Resolver) smallList(ctx context.Context, conn any, k int) (bool, error) {
	var rows int
	var info *model.PageInfo
	var total func() (*int, error)
	switch c := conn.(type) {
	case *model.ChildConnection:
		rows, info, total = len(c.Edges), c.PageInfo, func() (*int, error) { return r.ChildConnection().TotalCount(ctx, c) }
	case *model.ApplicationConnection:
		rows, info, total = len(c.Edges), c.PageInfo, func() (*int, error) { return r.ApplicationConnection().TotalCount(ctx, c) }
	case *model.AssessmentConnection:
		rows, info, total = len(c.Edges), c.PageInfo, func() (*int, error) { return r.AssessmentConnection().TotalCount(ctx, c) }
	case *model.SupportPlanConnection:
		rows, info, total = len(c.Edges), c.PageInfo, func() (*int, error) { return r.SupportPlanConnection().TotalCount(ctx, c) }
	case *model.ServiceDeliveryConnection:
		rows, info, total = len(c.Edges), c.PageInfo, func() (*int, error) { return r.ServiceDeliveryConnection().TotalCount(ctx, c) }
	default:
		return false, fmt.Errorf("@minCount on a field of Go type %T", conn)
	}
	if rows >= k {
		return false, nil
	}
	if _, after := graphql.GetFieldContext(ctx).Args["after"].(*string); !after && (info == nil || !info.HasNextPage) {
		return true, nil // the page is the whole list
	}
	n, err := total()
	if err != nil || n == nil {
		return false, err
	}
	return *n < k, nil
}

// emptied is a copy of a connection without its rows and cursors; its filter stays, so that
// its totalCount still counts (and answers null).
func emptied(conn any) any {
	none := &model.PageInfo{}
	switch c := conn.(type) {
	case *model.ChildConnection:
		e := *c
		e.Edges, e.PageInfo = nil, none
		return &e
	case *model.ApplicationConnection:
		e := *c
		e.Edges, e.PageInfo = nil, none
		return &e
	case *model.AssessmentConnection:
		e := *c
		e.Edges, e.PageInfo = nil, none
		return &e
	case *model.SupportPlanConnection:
		e := *c
		e.Edges, e.PageInfo = nil, none
		return &e
	case *model.ServiceDeliveryConnection:
		e := *c
		e.Edges, e.PageInfo = nil, none
		return &e
	}
	return conn
}

// analystDateFilter widens the days of a filter to whole months for analysts: a list narrowed
// to one day, whose count is then compared with the next day's, would tell the exact day of a
// delivery (the rows themselves show only the month). Whole months are what an analyst's
// figures are about anyway.
func analystDateFilter(ctx context.Context, from, to **time.Time) {
	if !pseudonymous(ctx) {
		return
	}
	if *from != nil {
		f := coarsen(**from, model.CoarsenessMonth, false)
		*from = &f
	}
	if *to != nil {
		t := coarsen(**to, model.CoarsenessMonth, false).AddDate(0, 1, -1)
		*to = &t
	}
}

// Dated lists (applications, assessments, deliveries) are ordered by a date and continue after
// the position a cursor holds: a date and an id. An analyst's cursors hold the id alone, as
// the date would be exact; the position is read back from the record the id names. A date
// written into a cursor by hand is ignored, so that paging from a made-up day cannot find a
// record's exact day either.

// cursorDate is the date a cursor may hold for the caller: none for an analyst.
func cursorDate(ctx context.Context, date time.Time) time.Time {
	if pseudonymous(ctx) {
		return time.Time{}
	}
	return date
}

// cursorPosition sets the date of an analyst's cursor key from the record of its id.
func cursorPosition(ctx context.Context, date *time.Time, id int, dateOf func(context.Context, int) (time.Time, error)) error {
	if !pseudonymous(ctx) {
		return nil
	}
	d, err := dateOf(ctx, id)
	if err != nil {
		return domain.FieldErrorf("after", "not a cursor of this list")
	}
	*date = d
	return nil
}

func (r *Resolver) deliveryDate(ctx context.Context, id int) (time.Time, error) {
	d, err := r.Store.Delivery(ctx, id)
	if err != nil {
		return time.Time{}, err
	}
	return d.Date, nil
}

func (r *Resolver) applicationDate(ctx context.Context, id int) (time.Time, error) {
	a, err := r.Store.Application(ctx, id)
	if err != nil {
		return time.Time{}, err
	}
	return a.SubmittedOn, nil
}

func (r *Resolver) assessmentDate(ctx context.Context, id int) (time.Time, error) {
	a, err := loader.For(ctx).AssessmentByID.Load(ctx, id)
	if err != nil {
		return time.Time{}, err
	}
	return a.ScheduledOn, nil
}

// countOf is a count for a nullable totalCount: the field is nullable so that an analyst can
// be told nothing below the threshold (@minCount); everyone else gets the count.
func countOf(n int, err error) (*int, error) {
	if err != nil {
		return nil, err
	}
	return &n, nil
}
