package server

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"atbalsts/dbtest"
	"atbalsts/domain"
)

// auditLine is what a test compares of an audit row.
type auditLine struct {
	Action string
	Entity string // type:id, or type alone
	Actor  int    // 0: none
	Before string // compact JSON, "" when none
	After  string
	Reads  string // a read row's records, compact JSON
}

func lines(rows []domain.AuditEvent) []auditLine {
	if len(rows) == 0 {
		return nil
	}
	out := make([]auditLine, len(rows))
	for i, r := range rows {
		l := auditLine{Action: string(r.Action), Entity: r.EntityType}
		if r.EntityID != nil {
			l.Entity += fmt.Sprintf(":%d", *r.EntityID)
		}
		if r.ActorID != nil {
			l.Actor = *r.ActorID
		}
		l.Before, l.After, l.Reads = compactJSON(r.Before), compactJSON(r.After), compactJSON(r.Reads)
		out[i] = l
	}
	return out
}

func compactJSON(s *string) string {
	if s == nil {
		return ""
	}
	var v any
	json.Unmarshal([]byte(*s), &v)
	b, _ := json.Marshal(v) // sorted keys
	return string(b)
}

// TestAuditCompleteness: each audited action leaves exactly its rows, no more, no fewer.
func TestAuditCompleteness(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	admin := a.createUser("admin@audit.example", domain.UserScope{Role: domain.RoleAdmin})
	liepaja := a.municipalityID("Liepāja")
	w1 := a.createUser("w1@audit.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{liepaja}})
	w2 := a.createUser("w2@audit.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{liepaja}})
	secret, tok := a.token(admin)
	as := caller{token: secret, address: "192.0.2.44:4000"}
	// The token's use is noted once a minute off the request path (TestTokens), not in each
	// request's rows: let its first use be noted before the subtests count rows per request.
	a.do(as, `{ me { id } }`, nil)
	waitFor(t, "the token's first use noted", func() bool {
		var n int
		a.s.DB().Get(&n, `SELECT count(*) FROM audit_event WHERE action = 'TOKEN_USE' AND entity_id = $1`, tok.ID)
		return n == 1
	})
	user := func(u *domain.User) string { return fmt.Sprintf("User:%d", u.ID) }

	check := func(t *testing.T, r gqlResponse, want ...auditLine) {
		t.Helper()
		if r.code() != "" {
			t.Fatalf("request failed: %+v", r.Errors)
		}
		rows := a.auditRows(r.requestID)
		if diff := cmp.Diff(want, lines(rows)); diff != "" {
			t.Errorf("audit rows of the request (-want +got):\n%s", diff)
		}
		for _, row := range rows {
			if row.Address == nil || *row.Address != "192.0.2.44" && row.Action != "SIGN_IN_FAILED" {
				t.Errorf("row %s: address %v, want the caller's", row.Action, row.Address)
			}
		}
	}

	t.Run("ReadsOfOthersOnceInOneRow", func(t *testing.T) {
		// The list and node() both return w1, with two personal fields each: w1 and w2 once
		// each, in one row (they share a scope), none for the caller's own record.
		r := a.do(as, `query($id: ID!) {
			users(filter: {search: "@audit.example"}) { edges { node { name email } } }
			node(id: $id) { ... on User { name email } }
			me { name } }`, map[string]any{"id": gid("User", w1.ID)})
		check(t, r, auditLine{Action: "READ", Entity: "User", Actor: admin.ID, Reads: fmt.Sprintf(`{"User":[%d,%d]}`, w1.ID, w2.ID)})
	})
	t.Run("NoPersonalFieldsNoRead", func(t *testing.T) {
		r := a.do(as, `{ users { totalCount edges { node { id role } } } }`, nil)
		check(t, r)
	})
	var created struct {
		CreateUser struct{ User struct{ ID string } }
	}
	t.Run("CreateUser", func(t *testing.T) {
		r := a.do(as, `mutation($m: ID!) { createUser(input: {email: "new@audit.example", name: "Jauna Darbiniece",
			role: MUNICIPALITY_WORKER, municipalityIds: [$m], password: "a long enough password"}) { user { id name email } } }`,
			map[string]any{"m": gid("Municipality", liepaja)})
		r.decode(t, &created)
		id := strings.TrimPrefix(mustRawID(t, created.CreateUser.User.ID), "User:")
		check(t, r, auditLine{Action: "CREATE", Entity: "User:" + id, Actor: admin.ID,
			After: fmt.Sprintf(`{"active":true,"email":"new@audit.example","municipalityIds":[%d],"name":"Jauna Darbiniece","providerId":null,"regionId":null,"role":"MUNICIPALITY_WORKER"}`, liepaja)})
	})
	t.Run("UpdateUserRecordsOnlyChangedFields", func(t *testing.T) {
		r := a.do(as, `mutation($id: ID!) { updateUser(input: {id: $id, version: 1, name: "Jauna Vadītāja", role: ADMIN}) { user { id name } } }`,
			map[string]any{"id": created.CreateUser.User.ID})
		id := strings.TrimPrefix(mustRawID(t, created.CreateUser.User.ID), "User:")
		check(t, r, auditLine{Action: "UPDATE", Entity: "User:" + id, Actor: admin.ID,
			Before: fmt.Sprintf(`{"municipalityIds":[%d],"name":"Jauna Darbiniece","role":"MUNICIPALITY_WORKER"}`, liepaja),
			After:  `{"municipalityIds":null,"name":"Jauna Vadītāja","role":"ADMIN"}`})
	})
	t.Run("StaleVersionChangesAndRecordsNothing", func(t *testing.T) {
		r := a.do(as, `mutation($id: ID!) { updateUser(input: {id: $id, version: 1, name: "Vecā versija", role: ADMIN}) { user { id } } }`,
			map[string]any{"id": created.CreateUser.User.ID})
		if r.code() != "CONFLICT" {
			t.Fatalf("stale version: code %q, want CONFLICT", r.code())
		}
		if diff := cmp.Diff([]auditLine(nil), lines(a.auditRows(r.requestID))); diff != "" {
			t.Errorf("rows of a refused update (-want +got):\n%s", diff)
		}
		u, _ := a.s.ActiveUser(fixtureCtx(), w1.ID)
		if u.Name == "Vecā versija" {
			t.Errorf("a stale update overwrote the name")
		}
	})
	t.Run("Deactivate", func(t *testing.T) {
		r := a.do(as, `mutation($id: ID!) { setUserActive(input: {id: $id, active: false}) { user { active } } }`,
			map[string]any{"id": gid("User", w2.ID)})
		check(t, r, auditLine{Action: "UPDATE", Entity: user(w2), Actor: admin.ID, Before: `{"active":true}`, After: `{"active":false}`})
	})
	t.Run("ResetPasswordNeverRecordsIt", func(t *testing.T) {
		r := a.do(as, `mutation($id: ID!) { resetUserPassword(input: {id: $id, password: "another long password"}) { user { id } } }`,
			map[string]any{"id": gid("User", w1.ID)})
		check(t, r, auditLine{Action: "UPDATE", Entity: user(w1), Actor: admin.ID, Before: `{"password":"(hidden)"}`, After: `{"password":"(changed)"}`})
	})
	t.Run("Tokens", func(t *testing.T) {
		r := a.do(as, `mutation { createApiToken(input: {name: "skripts", expiresInDays: 7}) { token { id } } }`, nil)
		var out struct {
			CreateAPIToken struct{ Token struct{ ID string } }
		}
		r.decode(t, &out)
		rows := a.auditRows(r.requestID)
		if got := lines(rows); len(got) != 1 || got[0].Action != "CREATE" || !strings.HasPrefix(got[0].Entity, "ApiToken:") ||
			!strings.Contains(got[0].After, `"name":"skripts"`) {
			t.Errorf("create token rows: %+v", got)
		}
		r = a.do(as, `mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { id } } }`, map[string]any{"id": out.CreateAPIToken.Token.ID})
		if got := lines(a.auditRows(r.requestID)); len(got) != 1 || got[0].Action != "UPDATE" || got[0].Before != `{"revokedAt":null}` {
			t.Errorf("revoke token rows: %+v", got)
		}
	})
	t.Run("SignInAndOut", func(t *testing.T) {
		c, r := a.signIn("w1@audit.example", "another long password", "192.0.2.44:4001")
		check(t, r, auditLine{Action: "SIGN_IN", Entity: user(w1), Actor: w1.ID})
		c.address = "192.0.2.44:4001"
		r = a.do(c, `mutation { signOut { ok } }`, nil)
		check(t, r, auditLine{Action: "SIGN_OUT", Entity: user(w1), Actor: w1.ID})
	})
	t.Run("FailedSignIn", func(t *testing.T) {
		_, r := a.signIn("W1@audit.example", "wrong password", "192.0.2.44:4002")
		rows := a.auditRows(r.requestID)
		if got := lines(rows); len(got) != 1 || got[0].Action != "SIGN_IN_FAILED" || got[0].Actor != 0 || got[0].Entity != "User" {
			t.Fatalf("failed sign-in rows: %+v", got)
		}
		if d := compactJSON(rows[0].Details); d != `{"email":"w1@audit.example"}` {
			t.Errorf("details %s: want the email tried", d)
		}
	})
	t.Run("AnonymousReferenceReadsLeaveNoRows", func(t *testing.T) {
		r := a.do(caller{address: "192.0.2.44:1"}, `{ regions { name } }`, nil)
		check(t, r)
	})
}

// mustRawID decodes a global id to "Type:id".
func mustRawID(t *testing.T, gidText string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(gidText)
	if err != nil {
		t.Fatalf("%q is no global id: %v", gidText, err)
	}
	return string(raw)
}

// TestAuditLogIsAppendOnly: the database itself refuses to change or remove audit rows: to
// the server's role, which lacks the privileges and cannot switch the triggers off (it owns
// nothing), and, through the triggers, even to a superuser who has not switched them off.
func TestAuditLogIsAppendOnly(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	a.createUser("someone@append.example", domain.UserScope{Role: domain.RoleAdmin})
	su := dbtest.Superuser(t, a.s.DB())
	for _, stmt := range []string{
		`UPDATE audit_event SET action = 'READ'`,
		`DELETE FROM audit_event`,
		`TRUNCATE audit_event`,
		`UPDATE audit_event_y` + time.Now().UTC().Format("2006") + `m` + time.Now().UTC().Format("01") + ` SET action = 'READ'`,
		`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`,
		`DROP TRIGGER audit_event_no_truncate ON audit_event`,
		`CREATE TABLE smuggled (id int)`,
	} {
		if _, err := a.s.DB().Exec(stmt); err == nil || !strings.Contains(err.Error(), "42501") {
			t.Errorf("as the server: %s: err %v, want a refused privilege (42501)", stmt, err)
		}
	}
	for _, stmt := range []string{
		`UPDATE audit_event SET action = 'READ'`,
		`DELETE FROM audit_event`,
		`TRUNCATE audit_event`,
	} {
		if _, err := su.Exec(stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("as a superuser: %s: err %v, want the append-only refusal", stmt, err)
		}
	}
	var n int
	a.s.DB().Get(&n, `SELECT count(*) FROM audit_event`)
	if n != 1 {
		t.Errorf("%d audit rows after the refused statements, want 1", n)
	}
}
