package server

import "encoding/json"

// The authorization matrix rows of the offline package: only those who record in the field
// (the municipality's workers, the line's provider's specialists) get one, with the inside
// child (Liepāja, p1's active plan) and never the outside one (Rēzeknes novads, p2).

func init() {
	offline := expect("denied/denied", "denied/denied", "denied/denied", "denied/denied", "ok/hidden", "denied/denied", "ok/hidden")
	matrix["offlinePackage"], matrix["changes"] = offline, offline
	for _, op := range []string{"offlinePackage", "changes"} {
		cases[op] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
			child := gid("Child", f.c.child[side(in)].ID)
			held := "" // every page, as a device pulls them
			r := gqlResponse{}
			for cursor, pages := "o1.", 0; pages < 100; pages++ {
				if op == "offlinePackage" && pages == 0 {
					r = a.do(f.as(role), `{ page: offlinePackage { children { id } hasMore cursor } }`, nil)
				} else {
					r = a.do(f.as(role), `query($s: String!) { page: changes(since: $s) { children { id } hasMore cursor } }`,
						map[string]any{"s": cursor})
				}
				if r.code() != "" {
					return outcome(a.t, r, nil)
				}
				held += string(r.Data)
				var data struct {
					Page struct {
						HasMore bool
						Cursor  string
					}
				}
				if err := json.Unmarshal(r.Data, &data); err != nil {
					a.t.Fatal(err)
				}
				if !data.Page.HasMore {
					break
				}
				cursor = data.Page.Cursor
			}
			return outcome(a.t, r, contains(gqlResponse{Data: []byte(held)}, child))
		}
	}
}
