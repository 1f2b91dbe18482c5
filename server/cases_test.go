package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// The case registry's workflows and rules, through the GraphQL API over a real database:
// plan transitions, optimistic locking, the budget and price rules, application eligibility,
// duplicate children, read auditing and the analyst's pseudonymous view. Assertions are on
// extensions.code (and extensions.field), never on messages. Here the case world and the
// case audit scope; by subject, plans_test.go, applications_test.go and children_test.go.

// caseWorld: a Kurzeme-led project with Liepāja as partner, a Liepāja child enrolled in it with
// a completed assessment by provider p1, and the callers of the case work.
type caseWorld struct {
	a                                   *testAPI
	fix                                 *fixture.F
	admin, worker, coordinator, analyst caller
	workerUser                          *domain.User
	liepaja, rezekne                    int
	p1, p2                              *domain.Provider
	project                             *domain.Project
	child                               *domain.Child
	assessment                          *domain.Assessment
}

func newCaseWorld(t *testing.T) *caseWorld { return caseWorldOn(newTestAPI(t)) }

// caseWorldOn builds the case world in the test API's database.
func caseWorldOn(a *testAPI) *caseWorld {
	w := &caseWorld{a: a, liepaja: a.municipalityID("Liepāja"), rezekne: a.municipalityID("Rēzeknes novads")}
	admin := a.createUser("admin@cases.example", domain.UserScope{Role: domain.RoleAdmin})
	kurzeme := a.regionID(domain.RegionKurzeme)
	w.workerUser = a.createUser("worker@cases.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{w.liepaja}})
	coordinator := a.createUser("coordinator@cases.example", domain.UserScope{Role: domain.RoleRegionCoordinator, RegionID: &kurzeme})
	analyst := a.createUser("analyst@cases.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	for _, x := range []struct {
		c *caller
		u *domain.User
	}{{&w.admin, admin}, {&w.worker, w.workerUser}, {&w.coordinator, coordinator}, {&w.analyst, analyst}} {
		x.c.token, _ = a.token(x.u)
	}
	w.fix = newFixture(a, admin)
	w.p1, w.p2 = w.fix.Provider(), w.fix.Provider()
	w.project = w.fix.Project(domain.RegionKurzeme, w.liepaja)
	w.child = w.fix.Child(w.liepaja, nil)
	w.fix.Enrol(w.child.ID, w.project.ID)
	w.assessment = w.fix.Assessment(w.child.ID, w.p1.ID, true, true)
	return w
}

// field is the extensions.field of the first error.
func (r gqlResponse) field() string {
	if len(r.Errors) == 0 || r.Errors[0].Extensions["field"] == nil {
		return ""
	}
	return fmt.Sprint(r.Errors[0].Extensions["field"])
}

// wantError fails unless the response has the error code (and field, when given).
func wantError(t *testing.T, r gqlResponse, code, field string) {
	t.Helper()
	if r.code() != code {
		t.Fatalf("got code %q (%+v), want %s", r.code(), r.Errors, code)
	}
	if field != "" && r.field() != field {
		t.Errorf("got field %q, want %q", r.field(), field)
	}
}

// TestCaseAuditScope: a coordinator reads the audit rows of the case records they see (the
// partner municipalities of the projects their region leads, wherever those lie), and not
// those of a child of their region that only another region's project serves.
func TestCaseAuditScope(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	latgale := w.a.regionID(domain.RegionLatgale)
	latgaleUser := w.a.createUser("coordinator.latgale@cases.example", domain.UserScope{Role: domain.RoleRegionCoordinator, RegionID: &latgale})
	var latgaleCoordinator caller
	latgaleCoordinator.token, _ = w.a.token(latgaleUser)
	// A Kurzeme-led project with a Latgale partner, Rēzeknes novads, and a child there.
	w.fix.Project(domain.RegionKurzeme, w.rezekne)
	child := w.fix.Child(w.rezekne, nil)
	id := gid("Child", child.ID)
	node := `query($id: ID!) { node(id: $id) { id } }`
	if r := w.a.do(w.coordinator, node, map[string]any{"id": id}); !strings.Contains(string(r.Data), id) {
		t.Fatalf("the Kurzeme coordinator does not see the child of its project's partner: %s", r.Data)
	}
	if r := w.a.do(latgaleCoordinator, node, map[string]any{"id": id}); strings.Contains(string(r.Data), id) {
		t.Fatalf("the Latgale coordinator sees a child that no Latgale project serves: %s", r.Data)
	}
	events := `query($id: ID!) { auditEvents(filter: {entityId: $id}) { edges { node { action after } } } }`
	var data struct {
		AuditEvents struct {
			Edges []struct{ Node struct{ Action string } }
		}
	}
	r := w.a.do(w.coordinator, events, map[string]any{"id": id})
	if err := json.Unmarshal(r.Data, &data); err != nil || r.code() != "" {
		t.Fatalf("%s %v", r.code(), err)
	}
	actions := map[string]bool{}
	for _, e := range data.AuditEvents.Edges {
		actions[e.Node.Action] = true
	}
	if !actions["CREATE"] || !actions["READ"] {
		t.Errorf("the Kurzeme coordinator's audit rows of the child: %v, want its CREATE and READ", actions)
	}
	if r := w.a.do(latgaleCoordinator, events, map[string]any{"id": id}); strings.Contains(string(r.Data), "personalCode") ||
		strings.Contains(string(r.Data), "CREATE") {
		t.Errorf("the Latgale coordinator reads the audit rows of a child it may not see: %s", r.Data)
	}
}
