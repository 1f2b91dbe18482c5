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

	// The case registry. Inside: a Liepāja child in a Kurzeme-led project, assessed by TEST-1,
	// with an active plan line of TEST-1; outside: a Rēzeknes novads child in a Latgale-led
	// project, assessed by and planned with TEST-2.
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

// matrixFixture: one user per role inside Kurzeme / Liepāja / provider TEST-1, and an outside
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

func newMatrixCases(a *testAPI, admin *domain.User, p1, p2 int) *matrixCases {
	fix := newFixture(a, admin)
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
	ctx, svc := systemCtx(), a.svc()
	p1, err := svc.Providers.Create(ctx, "Test provider 1", "TEST-1")
	if err != nil {
		a.t.Fatal(err)
	}
	p2, err := svc.Providers.Create(ctx, "Test provider 2", "TEST-2")
	if err != nil {
		a.t.Fatal(err)
	}
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
		f.users[role] = a.createUser(strings.ToLower(role)+"@matrix.example", sc)
		if role != anonymous {
			f.tokens[role], _ = a.token(f.users[role])
		}
	}
	f.outside = a.createUser("outside@matrix.example", domain.UserScope{Role: domain.RoleMunicipalityWorker,
		MunicipalityIDs: []int{a.municipalityID("Rēzeknes novads")}})
	f.c = newMatrixCases(a, f.users["ADMIN"], p1.ID, p2.ID)
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

var cases = map[string]matrixCase{
	"node": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		id := gid("User", f.target(role, in).ID)
		r := a.do(f.as(role), `query($id: ID!) { node(id: $id) { id ... on User { name } } }`, map[string]any{"id": id})
		return outcome(a.t, r, contains(r, id))
	},
	"regions": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ regions { code } }`, nil)
		return outcome(a.t, r, contains(r, "KURZEME"))
	},
	"municipalities": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ municipalities(filter: {nameContains: "Liep"}) { edges { node { name } } } }`, nil)
		return outcome(a.t, r, contains(r, "Liepāja"))
	},
	"serviceTypes": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ serviceTypes { code } }`, nil)
		return outcome(a.t, r, contains(r, "PHYSIOTHERAPY"))
	},
	"me": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ me { id } }`, nil)
		return outcome(a.t, r, contains(r, gid("User", f.self(role).ID)))
	},
	"users": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		r := a.do(f.as(role), `query($s: String) { users(filter: {search: $s}) { edges { node { id email } } } }`, map[string]any{"s": u.Email})
		return outcome(a.t, r, contains(r, gid("User", u.ID)))
	},
	"providers": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.p1
		if !in {
			p = f.p2
		}
		r := a.do(f.as(role), `{ providers { edges { node { id } } } }`, nil)
		return outcome(a.t, r, contains(r, p))
	},
	"auditEvents": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		// The creation of a Liepāja worker is a Kurzeme event; of the outside user, a Latgale one.
		u := f.users["MUNICIPALITY_WORKER"]
		if !in {
			u = f.outside
		}
		r := a.do(f.as(role), `query($id: ID!) { auditEvents(filter: {entityId: $id, action: CREATE}) { edges { node { id entityId } } } }`,
			map[string]any{"id": gid("User", u.ID)})
		return outcome(a.t, r, contains(r, gid("User", u.ID)))
	},
	"signIn": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		password := testPassword
		if !in {
			password = "a wrong password"
		}
		_, r := a.signIn(f.users[role].Email, password, "")
		return outcome(a.t, r, contains(r, gid("User", f.users[role].ID)))
	},
	"signOut": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		return outcome(a.t, a.do(f.as(role), `mutation { signOut { ok } }`, nil), nil)
	},
	"changePassword": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		current := testPassword
		if !in {
			current = "not the password"
		}
		r := a.do(f.as(role), `mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) { user { id } } }`,
			map[string]any{"c": current, "n": testPassword})
		return outcome(a.t, r, nil)
	},
	"createUser": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		m := a.municipalityID("Liepāja")
		if !in {
			m = a.municipalityID("Rēzeknes novads")
		}
		email := f.unique("created") + "@matrix.example"
		r := a.do(f.as(role), `mutation($e: String!, $m: ID!, $p: String!) { createUser(input: {email: $e, name: "Jauns Lietotājs",
			role: MUNICIPALITY_WORKER, municipalityIds: [$m], password: $p}) { user { email } } }`,
			map[string]any{"e": email, "m": gid("Municipality", m), "p": testPassword})
		return outcome(a.t, r, contains(r, email))
	},
	"updateUser": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		current, err := a.s.ActiveUser(fixtureCtx(), u.ID)
		if err != nil {
			a.t.Fatal(err)
		}
		vars := map[string]any{"id": gid("User", u.ID), "v": current.Version, "role": string(current.Role)}
		var ms []string
		for _, m := range current.MunicipalityIDs {
			ms = append(ms, gid("Municipality", m))
		}
		vars["ms"] = ms
		if current.RegionID != nil {
			vars["region"] = gid("PlanningRegion", *current.RegionID)
		}
		if current.ProviderID != nil {
			vars["provider"] = gid("Provider", *current.ProviderID)
		}
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $role: Role!, $ms: [ID!], $region: ID, $provider: ID) {
			updateUser(input: {id: $id, version: $v, name: "Pārdēvēts", role: $role, municipalityIds: $ms, regionId: $region, providerId: $provider}) { user { id } } }`, vars)
		return outcome(a.t, r, nil)
	},
	"setUserActive": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		r := a.do(f.as(role), `mutation($id: ID!) { setUserActive(input: {id: $id, active: true}) { user { active } } }`,
			map[string]any{"id": gid("User", u.ID)})
		return outcome(a.t, r, nil)
	},
	"resetUserPassword": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		r := a.do(f.as(role), `mutation($id: ID!, $p: String!) { resetUserPassword(input: {id: $id, password: $p}) { user { id } } }`,
			map[string]any{"id": gid("User", u.ID), "p": testPassword})
		return outcome(a.t, r, nil)
	},
	"createApiToken": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		vars := map[string]any{}
		if !in {
			vars["u"] = gid("User", f.outside.ID)
		}
		r := a.do(f.as(role), `mutation($u: ID) { createApiToken(input: {name: "matrix", expiresInDays: 1, userId: $u}) { secret } }`, vars)
		return outcome(a.t, r, nil)
	},
	"revokeApiToken": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		owner := f.outside
		if in && role != anonymous {
			owner = f.users[role]
		}
		_, tok := a.token(owner) // a spare token: never the one the role calls with
		r := a.do(f.as(role), `mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { revokedAt } } }`,
			map[string]any{"id": gid("ApiToken", tok.ID)})
		return outcome(a.t, r, nil)
	},

	// The case registry.
	"projects": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		id := gid("Project", f.c.project[side(in)].ID)
		r := a.do(f.as(role), `{ projects(first: 100) { edges { node { id } } } }`, nil)
		return outcome(a.t, r, contains(r, id))
	},
	"children": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		r := a.do(f.as(role), `query($m: ID!) { children(filter: {municipalityId: $m, livingArrangement: GUARDIAN}, first: 100) {
			edges { node { id } } } }`, map[string]any{"m": gid("Municipality", c.MunicipalityID)})
		return outcome(a.t, r, contains(r, gid("Child", c.ID)))
	},
	"possibleDuplicateChildren": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		r := a.do(f.as(role), `query($b: Date!, $f: String, $l: String) {
			possibleDuplicateChildren(input: {birthDate: $b, firstName: $f, lastName: $l}) { id } }`,
			map[string]any{"b": c.BirthDate.Format(domain.DateLayout), "f": c.FirstName, "l": c.LastName})
		return outcome(a.t, r, contains(r, gid("Child", c.ID)))
	},
	"parents": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.c.parent[side(in)]
		r := a.do(f.as(role), `query($s: String) { parents(filter: {search: $s}) { edges { node { id } } } }`,
			map[string]any{"s": p.LastName})
		return outcome(a.t, r, contains(r, gid("Parent", p.ID)))
	},
	"applications": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		app := f.c.app[side(in)]
		r := a.do(f.as(role), `query($p: ID) { applications(filter: {projectId: $p, status: ACCEPTED}, first: 100) { edges { node { id } } } }`,
			map[string]any{"p": gid("Project", app.ProjectID)})
		return outcome(a.t, r, contains(r, gid("Application", app.ID)))
	},
	"assessments": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		as := f.c.assessment[side(in)]
		r := a.do(f.as(role), `query($c: ID) { assessments(filter: {childId: $c, status: COMPLETED}, first: 100) { edges { node { id } } } }`,
			map[string]any{"c": gid("Child", as.ChildID)})
		return outcome(a.t, r, contains(r, gid("Assessment", as.ID)))
	},
	"supportPlans": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		id := gid("SupportPlan", f.c.plan[side(in)].PlanID)
		r := a.do(f.as(role), `query($c: ID) { supportPlans(filter: {childId: $c, status: ACTIVE}, first: 100) { edges { node { id } } } }`,
			map[string]any{"c": gid("Child", c.ID)})
		return outcome(a.t, r, contains(r, id))
	},
	"createProvider": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `mutation($n: String!) { createProvider(input: {name: "Jauns sniedzējs", registrationNumber: $n}) { provider { id } } }`,
			map[string]any{"n": fmt.Sprintf("REG-%d", f.c.next())})
		return outcome(a.t, r, nil)
	},
	"setProviderPrice": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.p1
		if !in {
			p = f.p2
		}
		from := fixture.Day("2020-01-01").AddDate(0, 0, f.c.next())
		r := a.do(f.as(role), `mutation($p: ID!, $s: ID!, $d: Date!) { setProviderPrice(input: {providerId: $p, serviceTypeId: $s,
			unitPrice: "31.50", validFrom: $d}) { provider { id } } }`,
			map[string]any{"p": p, "s": gid("ServiceType", f.c.fix.Service["PHYSIOTHERAPY"].ID), "d": from.Format(domain.DateLayout)})
		return outcome(a.t, r, nil)
	},
	"createProject": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($c: String!, $r: ID!, $m: ID!) { createProject(input: {code: $c, name: "Jauns projekts",
			leadRegionId: $r, startDate: "2020-01-01", endDate: "2030-12-31", totalBudget: "1000000.00",
			fundingSources: [{code: ESF, sharePercent: "85"}, {code: STATE_BUDGET, sharePercent: "15"}], partnerMunicipalityIds: [$m],
			targets: [{group: CHILDREN_SERVED, count: 10}], capRules: [{kind: CHILD_SESSIONS, validFrom: "2020-01-01", limit: 40}]}) { project { id } } }`,
			map[string]any{"c": fmt.Sprintf("NEW/%d", f.c.next()), "r": gid("PlanningRegion", a.regionID(f.c.lead[i])),
				"m": gid("Municipality", f.c.municipality[i])})
		return outcome(a.t, r, nil)
	},
	"addProjectCapRule": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		from := fixture.Day("2021-01-01").AddDate(0, 0, f.c.next())
		r := a.do(f.as(role), `mutation($p: ID!, $d: Date!) { addProjectCapRule(input: {projectId: $p,
			rule: {kind: CHILD_SESSIONS, validFrom: $d, limit: 100}}) { project { id } } }`,
			map[string]any{"p": gid("Project", f.c.project[side(in)].ID), "d": from.Format(domain.DateLayout)})
		return outcome(a.t, r, nil)
	},
	"createChild": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		d := f.c.fix.ChildData(f.c.municipality[side(in)])
		c := &domain.Child{PersonalCode: domain.PersonalCode(d.PersonalCode), FirstName: d.FirstName, LastName: d.LastName, BirthDate: d.BirthDate,
			Sex: d.Sex, MunicipalityID: d.MunicipalityID, LivingArrangement: d.LivingArrangement, DisabilityFrom: d.DisabilityFrom,
			Impairments: d.Impairments}
		r := a.do(f.as(role), `mutation($c: ChildInput!) { createChild(input: {child: $c}) { child { id } } }`,
			map[string]any{"c": childInput(c)})
		return outcome(a.t, r, nil)
	},
	"updateChild": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.fix.ChildNow(f.c.child[side(in)].ID)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`,
			map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": childInput(c)})
		return outcome(a.t, r, nil)
	},
	"createParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `mutation($c: ID!) { createParent(input: {childId: $c, relation: FATHER, legalRepresentative: true,
			parent: {firstName: "Jānis", lastName: "Tēvs", phone: "+371 20000000"}}) { parent { id } } }`,
			map[string]any{"c": gid("Child", f.c.child[side(in)].ID)})
		return outcome(a.t, r, nil)
	},
	"updateParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p, err := a.s.ParentInScope(fixtureCtx(), f.c.fix.All, f.c.parent[side(in)].ID)
		f.c.fix.Must(err)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $l: String!) { updateParent(input: {id: $id, version: $v,
			parent: {firstName: "Ilze", lastName: $l, email: "ilze@example.lv"}}) { parent { id } } }`,
			map[string]any{"id": gid("Parent", p.ID), "v": p.Version, "l": p.LastName})
		return outcome(a.t, r, nil)
	},
	"linkParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		p := f.c.fix.Parent(f.c.sibling[i].ID) // the sibling's parent, seen through the sibling
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { linkParent(input: {childId: $c, parentId: $p, relation: MOTHER,
			legalRepresentative: true}) { child { id } } }`, map[string]any{"c": gid("Child", f.c.child[i].ID), "p": gid("Parent", p.ID)})
		return outcome(a.t, r, nil)
	},
	"unlinkParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		p := f.c.fix.Parent(c.ID)
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { unlinkParent(input: {childId: $c, parentId: $p}) { child { id } } }`,
			map[string]any{"c": gid("Child", c.ID), "p": gid("Parent", p.ID)})
		return outcome(a.t, r, nil)
	},
	"submitApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { submitApplication(input: {childId: $c, projectId: $p, submittedOn: "2021-03-01"}) {
			application { id } } }`, map[string]any{"c": gid("Child", f.c.child[i].ID), "p": gid("Project", f.c.project[i].ID)})
		return outcome(a.t, r, nil)
	},
	"acceptApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		// A project of its own: the child is enrolled in the matrix project already.
		i := side(in)
		p := f.c.fix.Project(f.c.lead[i], f.c.municipality[i])
		return decideApplication(a, f, role, "acceptApplication", f.c.fix.Application(f.c.child[i].ID, p.ID), nil)
	},
	"rejectApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		return decideApplication(a, f, role, "rejectApplication", f.c.fix.Application(f.c.child[i].ID, f.c.project[i].ID), fixture.Ptr("Nav dokumentu"))
	},
	"withdrawApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		return decideApplication(a, f, role, "withdrawApplication", f.c.fix.Application(f.c.child[i].ID, f.c.project[i].ID), nil)
	},
	"scheduleAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { scheduleAssessment(input: {childId: $c, providerId: $p, scheduledOn: "2021-05-01",
			team: [{name: "Dace Ozola", specialty: PSYCHOLOGIST}]}) { assessment { id } } }`,
			map[string]any{"c": gid("Child", f.c.child[i].ID), "p": gid("Provider", f.c.provider[i])})
		return outcome(a.t, r, nil)
	},
	"recordAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		as := f.c.fix.Assessment(f.c.child[i].ID, f.c.provider[i], false, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $s: ID!) { recordAssessment(input: {id: $id, version: $v,
			team: [{name: "Dace Ozola", specialty: PHYSIOTHERAPIST}], findings: [{area: MOBILITY, qualifier: 2, note: "ar atbalstu"}],
			recommendations: [{serviceTypeId: $s, recipient: CHILD, units: 10}]}) { assessment { id } } }`,
			map[string]any{"id": gid("Assessment", as.ID), "v": as.Version, "s": gid("ServiceType", f.c.fix.Service["PHYSIOTHERAPY"].ID)})
		return outcome(a.t, r, nil)
	},
	"completeAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		as := f.c.fix.Assessment(f.c.child[i].ID, f.c.provider[i], true, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { completeAssessment(input: {id: $id, version: $v, completedOn: "2021-02-02"}) {
			assessment { id } } }`, map[string]any{"id": gid("Assessment", as.ID), "v": as.Version})
		return outcome(a.t, r, nil)
	},
	"cancelAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		as := f.c.fix.Assessment(f.c.child[i].ID, f.c.provider[i], false, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { cancelAssessment(input: {id: $id, version: $v, reason: "Slimība"}) {
			assessment { id } } }`, map[string]any{"id": gid("Assessment", as.ID), "v": as.Version})
		return outcome(a.t, r, nil)
	},
	"createSupportPlan": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($a: ID!, $p: ID!) { createSupportPlan(input: {assessmentId: $a, projectId: $p, kind: SOCIAL_REHABILITATION,
			validFrom: "2026-01-01", validTo: "2026-12-31", budget: "500.00"}) { revision { id } } }`,
			map[string]any{"a": gid("Assessment", f.c.assessment[i].ID), "p": gid("Project", f.c.project[i].ID)})
		return outcome(a.t, r, nil)
	},
	"updatePlanDraft": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		rev := f.c.freshPlan(in, domain.PlanDraft)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $s: ID!) { updatePlanDraft(input: {revisionId: $id, version: $v,
			validFrom: "2026-01-01", validTo: "2026-12-31", budget: "900.00",
			goals: [{text: "Runāt teikumos", indicator: "5 vārdu teikumi", status: IN_PROGRESS}],
			lines: [{serviceTypeId: $s, recipient: CHILD, plannedUnits: 12}]}) { revision { id } } }`,
			map[string]any{"id": gid("PlanRevision", rev.ID), "v": rev.Version, "s": gid("ServiceType", f.c.fix.Service["PHYSIOTHERAPY"].ID)})
		return outcome(a.t, r, nil)
	},
	"submitPlan":   planStep("submitPlan", domain.PlanDraft, nil),
	"approvePlan":  planStep("approvePlan", domain.PlanSubmitted, nil),
	"returnPlan":   planStep("returnPlan", domain.PlanSubmitted, fixture.Ptr("Precizēt mērķus")),
	"activatePlan": planStep("activatePlan", domain.PlanApproved, nil),
	"closePlan":    planStep("closePlan", domain.PlanActive, nil),
	"revisePlan":   planStep("revisePlan", domain.PlanActive, nil),
}

// decideApplication runs an application decision as role.
func decideApplication(a *testAPI, f *matrixFixture, role, mutation string, app *domain.Application, reason *string) string {
	r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $r: String) { `+mutation+`(input: {id: $id, version: $v, reason: $r}) {
		application { id } } }`, map[string]any{"id": gid("Application", app.ID), "v": app.Version, "r": reason})
	return outcome(a.t, r, nil)
}

// planStep is the case of a plan workflow mutation on a fresh plan in the status the step needs.
func planStep(mutation string, from domain.PlanStatus, comment *string) matrixCase {
	return func(a *testAPI, f *matrixFixture, role string, in bool) string {
		rev := f.c.freshPlan(in, from)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $c: String) { `+mutation+`(input: {revisionId: $id, version: $v, comment: $c}) {
			revision { id } } }`, map[string]any{"id": gid("PlanRevision", rev.ID), "v": rev.Version, "c": comment})
		return outcome(a.t, r, nil)
	}
}
