package server

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/domain"
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
}

// matrixFixture: one user per role inside Kurzeme / Liepāja / provider TEST-1, and an outside
// user (a worker of Rēzeknes novads, Latgale).
type matrixFixture struct {
	users   map[string]*domain.User // by role; ANONYMOUS signs in as a user of its own
	tokens  map[string]string       // by role: the secret the role calls with
	outside *domain.User
	p1, p2  string // provider global ids
	counter int
}

// matrixCase runs an operation as a role against the inside (in) or outside object and
// returns the outcome.
type matrixCase func(a *testAPI, f *matrixFixture, role string, in bool) string

func TestAuthorizationMatrix(t *testing.T) {
	schemaText, err := os.ReadFile("../schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	schema, gqlErr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(schemaText)})
	if gqlErr != nil {
		t.Fatal(gqlErr)
	}
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
}

func newMatrixFixture(a *testAPI) *matrixFixture {
	ctx := fixtureCtx()
	p1, err := a.s.CreateProvider(ctx, "Test provider 1", "TEST-1")
	if err != nil {
		a.t.Fatal(err)
	}
	p2, err := a.s.CreateProvider(ctx, "Test provider 2", "TEST-2")
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
}
