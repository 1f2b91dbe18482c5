package server

import (
	"encoding/json"
)

// The statistics and the projects' progress in the authorization matrix: figures of the
// inside project (a Kurzeme-led project of Liepāja) or of the outside one (Latgale-led, of
// Rēzeknes novads). Figures hold sums, not names: the analyst reads them nationally (cells
// below k suppressed); a worker gets their municipalities', a coordinator their projects'.
func init() {
	figures := expect("denied/denied", "ok/ok", "ok/ok", "ok/hidden", "ok/hidden", "denied/denied", "denied/denied")
	matrix["statistics"] = figures
	matrix["projectProgress"] = figures

	cases["statistics"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		f.c.freshDelivery(in, false)
		r := a.do(f.as(role), `query($p: ID!) { statistics(filter: {from: "2026-03-01", to: "2026-03-31", projectIds: [$p]}) {
			total { deliveries } } }`, map[string]any{"p": gid("Project", f.c.project[i].ID)})
		return outcome(a.t, r, func() bool {
			var out struct{ Statistics struct{ Total struct{ Deliveries *int } } }
			json.Unmarshal(r.Data, &out)
			return out.Statistics.Total.Deliveries != nil && *out.Statistics.Total.Deliveries > 0
		})
	}
	cases["projectProgress"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		id := gid("Project", f.c.project[side(in)].ID)
		r := a.do(f.as(role), `query($p: ID!) { projectProgress(projectIds: [$p]) { project { id } } }`, map[string]any{"p": id})
		return outcome(a.t, r, contains(r, id))
	}
}
