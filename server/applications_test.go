package server

import (
	"fmt"
	"testing"
	"time"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// Applications through the API (see cases_test.go for the case world): eligibility.

func TestApplicationEligibility(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	ended := w.fix.ProjectRunning(domain.RegionKurzeme, "2018-01-01", "2022-12-31", w.liepaja)
	disabled := func(from, to string) func(*domain.ChildData) {
		return func(d *domain.ChildData) {
			d.DisabilityFrom, d.DisabilityTo = nil, nil
			if from != "" {
				d.DisabilityFrom = fixture.Ptr(fixture.Day(from))
			}
			if to != "" {
				d.DisabilityTo = fixture.Ptr(fixture.Day(to))
			}
		}
	}
	tests := []struct {
		name      string
		child     func() *domain.Child
		project   *domain.Project
		mutation  string
		reason    *string
		code      string
		field     string
		wantAfter string
		why       string // extensions.reason of a refusal
		decidedOn string // the decision's day, when given
	}{
		{"eligible", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "acceptApplication", nil, "", "", "ACCEPTED", "", ""},
		{"disability ended", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2019-01-01", "2022-12-31")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "decidedOn", "SUBMITTED", "DISABILITY_NOT_DETERMINED", ""},
		{"disability valid on the decision day, last year", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2019-01-01", "2022-12-31")) },
			w.project, "acceptApplication", nil, "", "", "ACCEPTED", "", "2022-06-01"},
		{"disability not yet", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2035-01-01", "")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "decidedOn", "SUBMITTED", "DISABILITY_NOT_DETERMINED", ""},
		{"no disability", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("", "")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "decidedOn", "SUBMITTED", "DISABILITY_NOT_DETERMINED", ""},
		{"non-partner municipality", func() *domain.Child { return w.fix.Child(w.rezekne, nil) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "id", "SUBMITTED", "NOT_A_PARTNER_MUNICIPALITY", ""},
		{"project not running", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, ended,
			"acceptApplication", nil, "BAD_USER_INPUT", "decidedOn", "SUBMITTED", "PROJECT_NOT_RUNNING", ""},
		{"project running on the decision day", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, ended,
			"acceptApplication", nil, "", "", "ACCEPTED", "", "2022-12-30"},
		{"decision in the future", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "decidedOn", "SUBMITTED", "IN_FUTURE", "2099-01-01"},
		{"decision before the application", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "decidedOn", "SUBMITTED", "BEFORE_RECORD", "2021-01-03"},
		{"already enrolled", func() *domain.Child { return w.child }, w.project, "acceptApplication", nil, "BAD_USER_INPUT", "id", "SUBMITTED",
			"ALREADY_ENROLLED", ""},
		{"reject with reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", fixture.Ptr("Nav iesniegti dokumenti"),
			"", "", "REJECTED", "", ""},
		{"reject without reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", nil,
			"BAD_USER_INPUT", "reason", "SUBMITTED", "", ""},
		{"reject with a blank reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", fixture.Ptr("  "),
			"BAD_USER_INPUT", "reason", "SUBMITTED", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			app := w.fix.Application(tc.child().ID, tc.project.ID)
			var on any
			if tc.decidedOn != "" {
				on = tc.decidedOn
			}
			r := w.a.do(w.admin, `mutation($id: ID!, $v: Int!, $r: String, $on: Date) { `+tc.mutation+`(input: {id: $id, version: $v, reason: $r, decidedOn: $on}) {
				application { status decidedOn events { status on } } } }`, map[string]any{"id": gid("Application", app.ID), "v": app.Version, "r": tc.reason, "on": on})
			if tc.code == "" {
				if r.code() != "" {
					t.Fatalf("%s: %+v", tc.mutation, r.Errors)
				}
				// The decision's day is kept: the one given, else today.
				want := tc.decidedOn
				if want == "" {
					want = domain.Today(time.Now()).Format(domain.DateLayout)
				}
				if got := fmt.Sprint(r.path(tc.mutation, "application", "decidedOn")); got != want {
					t.Errorf("decidedOn %s, want %s", got, want)
				}
			} else {
				wantError(t, r, tc.code, tc.field)
				if got := fmt.Sprint(r.Errors[0].Extensions["reason"]); tc.why != "" && got != tc.why {
					t.Errorf("reason %s, want %s (%+v)", got, tc.why, r.Errors)
				}
			}
			now, err := w.a.s.ApplicationInScope(fixtureCtx(), w.fix.All, app.ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(now.Status) != tc.wantAfter {
				t.Errorf("application %s, want %s", now.Status, tc.wantAfter)
			}
		})
	}
}
