package server

import (
	"fmt"
	"testing"
	"time"
)

// An analyst sees a delivery's date as its month; a child's usage on a day the analyst picks
// must not tell the day either: the sessions used "up to the day", the week's hours and the
// limit of an age band (which changes on a birthday) would change from one day to the next.
func TestAnalystUsageOnADay(t *testing.T) {
	t.Parallel()
	a, admin, analyst := demoAdminAndAnalyst(t)

	var list struct {
		Deliveries struct {
			Edges []struct {
				Node struct {
					Date  string
					Child struct{ ID string }
				}
			}
		}
	}
	a.do(admin, `{ deliveries(first: 100) { edges { node { date child { id } } } } }`, nil).decode(t, &list)
	const q = `query($id: ID!, $before: Date!, $on: Date!) { node(id: $id) { ... on Child {
		before: usage(on: $before) { caps { kind limit used } } on: usage(on: $on) { caps { kind limit used } } } } }`
	type caps []struct {
		Kind  string
		Limit *int
		Used  int
	}
	// limits: the caps' kinds and limits, without what is used (which may change from one
	// month to the next).
	render := func(cs caps, used bool) string {
		out := ""
		for _, c := range cs {
			limit := "none"
			if c.Limit != nil {
				limit = fmt.Sprint(*c.Limit)
			}
			out += c.Kind + " " + limit
			if used {
				out += fmt.Sprint(" ", c.Used)
			}
			out += "; "
		}
		return out
	}
	differs := func(c caller, child string, day time.Time, limitsOnly bool) bool {
		var got struct {
			Node struct{ Before, On struct{ Caps caps } }
		}
		a.do(c, q, map[string]any{"id": child, "before": day.AddDate(0, 0, -1).Format(time.DateOnly),
			"on": day.Format(time.DateOnly)}).decode(t, &got)
		return render(got.Node.Before.Caps, !limitsOnly) != render(got.Node.On.Caps, !limitsOnly)
	}
	adminSees, checked := 0, 0
	for _, e := range list.Deliveries.Edges {
		day, err := time.Parse(time.DateOnly, e.Node.Date)
		if err != nil || day.Day() == 1 || checked == 30 {
			continue
		}
		checked++
		if differs(admin, e.Node.Child.ID, day, false) {
			adminSees++
		}
		if differs(analyst, e.Node.Child.ID, day, false) {
			t.Errorf("the analyst's usage of child %s on %s differs from the day before's: the delivery's day shows", e.Node.Child.ID, e.Node.Date)
		}
	}
	if adminSees == 0 {
		t.Fatalf("of %d deliveries, none changes the admin's usage from the day before: the check proves nothing", checked)
	}

	// The age bands of the demo's home-care cap (0-4, 5-17): the limit changes on the 5th
	// birthday, which the analyst, who gets the birth year alone, must not find.
	var kids struct {
		Children struct {
			Edges []struct {
				Node struct {
					ID        string
					BirthDate string
				}
			}
		}
	}
	a.do(admin, `{ children(first: 100) { edges { node { id birthDate } } } }`, nil).decode(t, &kids)
	adminSees = 0
	for _, e := range kids.Children.Edges {
		birth, err := time.Parse(time.DateOnly, e.Node.BirthDate)
		if err != nil || birth.Day() == 1 && birth.Month() == time.January {
			continue
		}
		fifth := birth.AddDate(5, 0, 0)
		if differs(admin, e.Node.ID, fifth, true) {
			adminSees++
		}
		for _, day := range []time.Time{fifth, time.Date(fifth.Year(), fifth.Month(), 1, 0, 0, 0, 0, time.UTC)} {
			if day.Month() != time.January || day.Day() != 1 {
				if differs(analyst, e.Node.ID, day, true) {
					t.Errorf("the analyst's usage of child %s changes on %s: a birthday (%s) shows", e.Node.ID, day.Format(time.DateOnly), e.Node.BirthDate)
				}
			}
		}
	}
	if adminSees == 0 {
		t.Fatal("no child's caps change on their 5th birthday for the admin: the check proves nothing")
	}
}
