package server

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/domain"
	"atbalsts/fixture"
	"atbalsts/graph"
)

// The authorization matrix: every role (and the anonymous caller) x every GraphQL operation x
// an object inside and one outside the caller's scope. The operations are read from
// schema.graphql, so an operation added without a row here fails the test.
//
// Outcomes: ok (done, the object is seen), hidden (NOT_FOUND, null, or absent from the list),
// denied (FORBIDDEN or UNAUTHENTICATED), invalid (BAD_USER_INPUT).

const anonymous = "ANONYMOUS"

var matrixRoles = []string{anonymous, string(domain.RoleAdmin), string(domain.RoleMinistryAnalyst),
	string(domain.RoleRegionCoordinator), string(domain.RoleMunicipalityWorker), string(domain.RoleAssessor),
	string(domain.RoleProviderSpecialist)}

// expect gives "inside/outside" per role, in the order of matrixRoles.
func expect(anon, admin, analyst, coordinator, worker, assessor, specialist string) map[string]string {
	return map[string]string{anonymous: anon, "ADMIN": admin, "MINISTRY_ANALYST": analyst, "REGION_COORDINATOR": coordinator,
		"MUNICIPALITY_WORKER": worker, "ASSESSOR": assessor, "PROVIDER_SPECIALIST": specialist}
}

// everyone gives every role the same outcomes.
func everyone(o string) map[string]string { return expect(o, o, o, o, o, o, o) }

// signedIn gives the anonymous caller anon and every role o.
func signedIn(anon, o string) map[string]string { return expect(anon, o, o, o, o, o, o) }

// adminOnly gives ADMIN admin and everyone else denied.
func adminOnly(admin string) map[string]string {
	d := "denied/denied"
	return expect(d, admin, d, d, d, d, d)
}

var matrix = map[string]map[string]string{
	// Query
	"node":           expect("denied/denied", "ok/ok", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden"),
	"regions":        everyone("ok/ok"),
	"municipalities": everyone("ok/ok"),
	"serviceTypes":   everyone("ok/ok"),
	"me":             signedIn("hidden/hidden", "ok/ok"),
	"users":          adminOnly("ok/ok"),
	"providers":      signedIn("denied/denied", "ok/ok"),
	"auditEvents":    expect("denied/denied", "ok/ok", "denied/denied", "ok/hidden", "denied/denied", "denied/denied", "denied/denied"),
	"authProviders":  everyone("ok/ok"),
	// Mutation
	"signIn":            everyone("ok/denied"),
	"signOut":           everyone("ok/ok"),
	"changePassword":    signedIn("denied/denied", "ok/invalid"),
	"createUser":        adminOnly("ok/ok"),
	"updateUser":        adminOnly("ok/ok"),
	"setUserActive":     adminOnly("ok/ok"),
	"resetUserPassword": adminOnly("ok/ok"),
	"createApiToken":    expect("denied/denied", "ok/ok", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden"),
	"revokeApiToken":    expect("denied/denied", "ok/ok", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden"),

	// The case registry. Inside: a Liepāja child in a Kurzeme-led project, assessed by p1,
	// with an active plan line of p1; outside: a Rēzeknes novads child in a Latgale-led
	// project, assessed by and planned with p2.
	"projects": signedIn("denied/denied", "ok/ok"),
	"children": caseRead,
	// A search by personal data would tie the analyst's pseudonyms to persons.
	"possibleDuplicateChildren": expect("denied/denied", "ok/ok", "denied/denied", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden"),
	"parents":                   expect("denied/denied", "ok/ok", "denied/denied", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden"),
	"applications":              caseRead,
	"assessments":               caseRead,
	"supportPlans":              caseRead,
	"createProvider":            adminOnly("ok/ok"),
	"setProviderPrice":          adminOnly("ok/ok"),
	"createProject":             adminOnly("ok/ok"),
	"addProjectCapRule":         adminOnly("ok/ok"),
	// Registering a child in a municipality that is not the worker's own is forbidden: there is
	// no object to hide.
	"createChild":         expect("denied/denied", "ok/ok", "denied/denied", "denied/denied", "ok/denied", "denied/denied", "denied/denied"),
	"updateChild":         caseEdit,
	"createParent":        caseEdit,
	"updateParent":        caseEdit,
	"linkParent":          caseEdit,
	"unlinkParent":        caseEdit,
	"submitApplication":   caseEdit,
	"acceptApplication":   caseEdit,
	"rejectApplication":   caseEdit,
	"withdrawApplication": caseEdit,
	"scheduleAssessment":  caseEdit,
	"recordAssessment":    assessmentWork,
	"completeAssessment":  assessmentWork,
	"cancelAssessment":    caseEdit,
	"createSupportPlan":   caseEdit,
	"updatePlanDraft":     caseEdit,
	"submitPlan":          caseEdit,
	"approvePlan":         planDecision,
	"returnPlan":          planDecision,
	"activatePlan":        caseEdit,
	"closePlan":           caseEdit,
	"revisePlan":          caseEdit,
}

var (
	// caseRead: everyone signed in reads the case records in their scope; ADMIN and the analyst
	// (pseudonymously) all of them.
	caseRead = expect("denied/denied", "ok/ok", "ok/ok", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden")
	// caseEdit: the case work of a child is the municipality's (and ADMIN's); those who see the
	// child may not change it, those who do not get not found.
	caseEdit = expect("denied/denied", "ok/ok", "denied/denied", "denied/hidden", "ok/hidden", "denied/hidden", "denied/hidden")
	// assessmentWork: the assessor of the assessing provider records and completes, as does the
	// case worker.
	assessmentWork = expect("denied/denied", "ok/ok", "denied/denied", "denied/hidden", "ok/hidden", "ok/hidden", "denied/hidden")
	// planDecision: the coordinator of the project's lead region approves and returns.
	planDecision = expect("denied/denied", "ok/ok", "denied/denied", "ok/hidden", "denied/hidden", "denied/hidden", "denied/hidden")
)

// nodeMatrix: node(id) of each case record type, inside/outside, per role.
var nodeMatrix = map[string]map[string]string{
	"Project":      signedIn("denied/denied", "ok/ok"),
	"Child":        caseRead,
	"Parent":       expect("denied/denied", "ok/ok", "hidden/hidden", "ok/hidden", "ok/hidden", "ok/hidden", "ok/hidden"),
	"Application":  caseRead,
	"Assessment":   caseRead,
	"SupportPlan":  caseRead,
	"PlanRevision": caseRead,
}

// matrixFixture: one user per role inside Kurzeme / Liepāja / provider p1, and an outside
// user (a worker of Rēzeknes novads, Latgale).
type matrixFixture struct {
	users   map[string]*domain.User // by role; ANONYMOUS signs in as a user of its own
	tokens  map[string]string       // by role: the secret the role calls with
	outside *domain.User
	p1, p2  string // provider global ids
	counter int
	c       *matrixCases // the case records
}

// matrixCases are the case records of the matrix, [0] inside and [1] outside.
type matrixCases struct {
	fix          *fixture.F
	municipality [2]int
	lead         [2]domain.RegionCode
	provider     [2]int
	project      [2]*domain.Project
	child        [2]*domain.Child // GUARDIAN: the only such children
	sibling      [2]*domain.Child // another child of the same municipality
	parent       [2]*domain.Parent
	app          [2]*domain.Application // accepted
	assessment   [2]*domain.Assessment  // completed
	plan         [2]*domain.PlanRevision
	n            int // numbers what the cases create (codes, dates) unique within the matrix
}

// next is a number unique within the matrix.
func (m *matrixCases) next() int { m.n++; return m.n }

// side is the index of the inside (0) or outside (1) object.
func side(in bool) int {
	if in {
		return 0
	}
	return 1
}

func newMatrixCases(a *testAPI, fix *fixture.F, p1, p2 int) *matrixCases {
	m := &matrixCases{fix: fix, municipality: [2]int{a.municipalityID("Liepāja"), a.municipalityID("Rēzeknes novads")},
		lead: [2]domain.RegionCode{domain.RegionKurzeme, domain.RegionLatgale}, provider: [2]int{p1, p2}}
	guardian := func(d *domain.ChildData) { d.LivingArrangement = domain.LivingGuardian }
	for i := range 2 {
		m.project[i] = fix.Project(m.lead[i], m.municipality[i])
		m.child[i] = fix.Child(m.municipality[i], guardian)
		m.sibling[i] = fix.Child(m.municipality[i], nil)
		m.parent[i] = fix.Parent(m.child[i].ID)
		m.app[i] = fix.Enrol(m.child[i].ID, m.project[i].ID)
		m.assessment[i] = fix.Assessment(m.child[i].ID, m.provider[i], true, true)
		m.plan[i] = fix.Plan(m.assessment[i].ID, m.project[i].ID, m.provider[i], domain.PlanActive)
	}
	return m
}

// freshPlan is a new plan of the inside or outside child in the given status.
func (m *matrixCases) freshPlan(in bool, status domain.PlanStatus) *domain.PlanRevision {
	i := side(in)
	return m.fix.Plan(m.assessment[i].ID, m.project[i].ID, m.provider[i], status)
}

// matrixCase runs an operation as a role against the inside (in) or outside object and
// returns the outcome.
type matrixCase func(a *testAPI, f *matrixFixture, role string, in bool) string

func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	var ops []string
	for _, typ := range []*ast.Definition{schema.Query, schema.Mutation} {
		for _, f := range typ.Fields {
			if !strings.HasPrefix(f.Name, "__") {
				ops = append(ops, f.Name)
			}
		}
	}
	for _, op := range ops {
		if matrix[op] == nil || cases[op] == nil {
			t.Errorf("operation %s has no row in the authorization matrix: add its expectations and case", op)
		}
	}
	for op := range matrix {
		if !slices.Contains(ops, op) {
			t.Errorf("the matrix has a row for %s, which the schema does not have", op)
		}
	}
	if t.Failed() {
		return
	}

	a := newTestAPI(t)
	f := newMatrixFixture(a)
	for _, op := range ops {
		t.Run(op, func(t *testing.T) {
			a := &testAPI{t, a.h, a.s}
			for _, role := range matrixRoles {
				got := cases[op](a, f, role, true) + "/" + cases[op](a, f, role, false)
				if want := matrix[op][role]; got != want {
					t.Errorf("%s as %s: got %s, want %s (inside/outside)", op, role, got, want)
				}
			}
		})
	}
	for typ, row := range nodeMatrix {
		t.Run("node/"+typ, func(t *testing.T) {
			a := &testAPI{t, a.h, a.s}
			for _, role := range matrixRoles {
				got := nodeCase(a, f, typ, role, true) + "/" + nodeCase(a, f, typ, role, false)
				if want := row[role]; got != want {
					t.Errorf("node(%s) as %s: got %s, want %s (inside/outside)", typ, role, got, want)
				}
			}
		})
	}
}

// nodeIDs gives the database id of node types whose objects other files' fixtures make.
var nodeIDs func(f *matrixFixture, typ string, in bool) (int, bool)

// nodeCase fetches a case record of the type by node(id).
func nodeCase(a *testAPI, f *matrixFixture, typ, role string, in bool) string {
	i := side(in)
	m := f.c
	ids := map[string]int{"Project": m.project[i].ID, "Child": m.child[i].ID, "Parent": m.parent[i].ID, "Application": m.app[i].ID,
		"Assessment": m.assessment[i].ID, "SupportPlan": m.plan[i].PlanID, "PlanRevision": m.plan[i].ID}
	dbID := ids[typ]
	if nodeIDs != nil {
		if n, ok := nodeIDs(f, typ, in); ok {
			dbID = n
		}
	}
	id := gid(typ, dbID)
	r := a.do(f.as(role), `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
	return outcome(a.t, r, contains(r, id))
}

func newMatrixFixture(a *testAPI) *matrixFixture {
	// The ADMIN first: the fixtures act as it.
	admin := a.createUser("admin@matrix.example", domain.UserScope{Role: domain.RoleAdmin})
	fix := newFixture(a, admin)
	p1, p2 := fix.Provider(), fix.Provider()
	kurzeme := a.regionID(domain.RegionKurzeme)
	scopes := map[string]domain.UserScope{
		"ADMIN":               {Role: domain.RoleAdmin},
		"MINISTRY_ANALYST":    {Role: domain.RoleMinistryAnalyst},
		"REGION_COORDINATOR":  {Role: domain.RoleRegionCoordinator, RegionID: &kurzeme},
		"MUNICIPALITY_WORKER": {Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{a.municipalityID("Liepāja")}},
		"ASSESSOR":            {Role: domain.RoleAssessor, ProviderID: &p1.ID},
		"PROVIDER_SPECIALIST": {Role: domain.RoleProviderSpecialist, ProviderID: &p1.ID},
		// The anonymous caller's row of signIn signs in as this user.
		anonymous: {Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{a.municipalityID("Liepāja")}},
	}
	f := &matrixFixture{users: map[string]*domain.User{}, tokens: map[string]string{},
		p1: gid("Provider", p1.ID), p2: gid("Provider", p2.ID)}
	for role, sc := range scopes {
		if role == string(domain.RoleAdmin) {
			f.users[role] = admin
		} else {
			f.users[role] = a.createUser(strings.ToLower(role)+"@matrix.example", sc)
		}
		if role != anonymous {
			f.tokens[role], _ = a.token(f.users[role])
		}
	}
	f.outside = a.createUser("outside@matrix.example", domain.UserScope{Role: domain.RoleMunicipalityWorker,
		MunicipalityIDs: []int{a.municipalityID("Rēzeknes novads")}})
	f.c = newMatrixCases(a, fix, p1.ID, p2.ID)
	return f
}

// as is how role calls: with its token, or anonymously.
func (f *matrixFixture) as(role string) caller { return caller{token: f.tokens[role]} }

// self is the role's own user; for the anonymous caller, the admin (an object it cannot see).
func (f *matrixFixture) self(role string) *domain.User {
	if role == anonymous {
		return f.users["ADMIN"]
	}
	return f.users[role]
}

// target is the inside or outside user of an operation on users.
func (f *matrixFixture) target(role string, in bool) *domain.User {
	if in {
		return f.self(role)
	}
	return f.outside
}

func (f *matrixFixture) unique(prefix string) string {
	f.counter++
	return fmt.Sprintf("%s-%d", prefix, f.counter)
}

func gid(typ string, id int) string { return graph.GlobalID(typ, id) }

// outcome classifies a response; visible says whether the object was seen in its data.
func outcome(t testing.TB, r gqlResponse, visible func() bool) string {
	t.Helper()
	switch r.code() {
	case "":
		if visible == nil || visible() {
			return "ok"
		}
		return "hidden"
	case "FORBIDDEN", "UNAUTHENTICATED":
		return "denied"
	case "NOT_FOUND":
		return "hidden"
	case "BAD_USER_INPUT":
		return "invalid"
	}
	t.Fatalf("unexpected error %s: %+v", r.code(), r.Errors)
	return ""
}

// contains tells whether the raw data holds the text (an id, a name).
func contains(r gqlResponse, text string) func() bool {
	return func() bool { return strings.Contains(string(r.Data), text) }
}
