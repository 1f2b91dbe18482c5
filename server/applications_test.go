package server

import (
	"testing"

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
	}{
		{"eligible", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "acceptApplication", nil, "", "", "ACCEPTED"},
		{"disability ended", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2019-01-01", "2022-12-31")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"disability not yet", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("2035-01-01", "")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"no disability", func() *domain.Child { return w.fix.Child(w.liepaja, disabled("", "")) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"non-partner municipality", func() *domain.Child { return w.fix.Child(w.rezekne, nil) }, w.project,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"project not running", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, ended,
			"acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"already enrolled", func() *domain.Child { return w.child }, w.project, "acceptApplication", nil, "BAD_USER_INPUT", "", "SUBMITTED"},
		{"reject with reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", fixture.Ptr("Nav iesniegti dokumenti"),
			"", "", "REJECTED"},
		{"reject without reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", nil,
			"BAD_USER_INPUT", "reason", "SUBMITTED"},
		{"reject with a blank reason", func() *domain.Child { return w.fix.Child(w.liepaja, nil) }, w.project, "rejectApplication", fixture.Ptr("  "),
			"BAD_USER_INPUT", "reason", "SUBMITTED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			app := w.fix.Application(tc.child().ID, tc.project.ID)
			r := w.a.do(w.admin, `mutation($id: ID!, $v: Int!, $r: String) { `+tc.mutation+`(input: {id: $id, version: $v, reason: $r}) {
				application { status } } }`, map[string]any{"id": gid("Application", app.ID), "v": app.Version, "r": tc.reason})
			if tc.code == "" {
				if r.code() != "" {
					t.Fatalf("%s: %+v", tc.mutation, r.Errors)
				}
			} else {
				wantError(t, r, tc.code, tc.field)
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
