package server

import (
	"atbalsts/domain"
	"atbalsts/fixture"
)

// The worklist and project amendments in the authorization matrix. The worklist is every
// signed-in user's own (counted in their scope; an analyst's is empty). A project is amended
// by an ADMIN or the coordinator of its lead region: the inside project is Kurzeme-led (the
// matrix's coordinator's), the outside one Latgale-led.
func init() {
	matrix["worklist"] = signedIn("denied/denied", "ok/ok")
	matrix["amendProject"] = expect("denied/denied", "ok/ok", "denied/denied", "ok/denied", "denied/denied", "denied/denied", "denied/denied")

	cases["worklist"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ worklist { today items { kind count } } }`, nil)
		return outcome(a.t, r, nil)
	}
	cases["amendProject"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.c.project[side(in)]
		var version int
		if err := a.s.DB().Get(&version, `SELECT version FROM project WHERE id = $1`, p.ID); err != nil {
			a.t.Fatal(err)
		}
		end := fixture.Day("2031-01-01").AddDate(0, 0, f.c.next())
		r := a.do(f.as(role), `mutation($p: ID!, $v: Int!, $e: Date!) { amendProject(input: {projectId: $p, version: $v,
			reason: "Grozījumi", endDate: $e}) { project { id } } }`,
			map[string]any{"p": gid("Project", p.ID), "v": version, "e": end.Format(domain.DateLayout)})
		return outcome(a.t, r, nil)
	}
}
