package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
	"atbalsts/service"
	"atbalsts/store"

	"github.com/jmoiron/sqlx"
)

// Helpers for tests that go through the whole HTTP interface: real sessions, tokens, CSRF and
// audit over a real PostgreSQL.

// gqlResponse is a GraphQL response with its data left raw.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	status    int
	requestID string
	cookies   []*http.Cookie
}

// code is the extensions.code of the first error, or "" when there is none.
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return fmt.Sprint(r.Errors[0].Extensions["code"])
}

// decode unmarshals the data into out, failing the test on errors.
func (r gqlResponse) decode(t *testing.T, out any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("GraphQL errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
}

// caller is how a test request authenticates: a token, or a session's cookies and CSRF token,
// or nothing; from an address.
type caller struct {
	token   string
	cookies []*http.Cookie
	csrf    string
	address string // host:port; httptest's default when empty
}

type testAPI struct {
	t testing.TB
	h http.Handler
	s *store.Store
}

// newTestAPI serves a fresh database. Its analysts get every count (a threshold of 1): the
// tests' worlds hold a few children each, and the threshold's own tests (privacy_test.go) use
// newTestAPIWith.
func newTestAPI(t testing.TB) *testAPI {
	return newTestAPIWith(t, Options{AnalystMinCount: 1})
}

// newTestAPIWith serves a fresh database with these options.
func newTestAPIWith(t testing.TB, opt Options) *testAPI {
	return newTestAPIOver(t, dbtest.Open(t), opt)
}

// newTestAPIOver serves the database of db.
func newTestAPIOver(t testing.TB, db *sqlx.DB, opt Options) *testAPI {
	s := store.New(db)
	var logs bytes.Buffer
	h := Handler(NewLogger(&logs, "json"), s, fstest.MapFS{"index.html": {Data: []byte("app")}}, opt)
	return &testAPI{t, h, s}
}

// do sends a GraphQL request as c.
func (a *testAPI) do(c caller, query string, vars map[string]any) gqlResponse {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.address != "" {
		req.RemoteAddr = c.address
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	if c.csrf != "" {
		req.Header.Set(csrfHeader, c.csrf)
	}
	return a.serve(req)
}

// serve runs a request through the handler and decodes the GraphQL response.
func (a *testAPI) serve(req *http.Request) gqlResponse {
	a.t.Helper()
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var r gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		a.t.Fatalf("status %d, body %q: %v", rec.Code, rec.Body.String(), err)
	}
	r.status = rec.Code
	r.requestID = rec.Header().Get("X-Request-Id")
	r.cookies = rec.Result().Cookies()
	return r
}

// testPassword is the password of every user the tests create, the fixtures' one.
const testPassword = fixture.Password

// fixtureCtx is the context the tests write fixtures in (no actor: like the demo loader).
func fixtureCtx() context.Context {
	return domain.WithRequestInfo(context.Background(), domain.RequestInfo{ID: "test-fixture"})
}

// systemCtx is a fixture's context acting as the program itself (domain.System), as the demo
// loader does before any user exists: its audit rows name no actor.
func systemCtx() context.Context { return domain.WithActor(fixtureCtx(), domain.System) }

// svc is the services over the test's store; new users get testPassword's one hash (argon2id
// is slow on purpose).
func (a *testAPI) svc() *service.Service {
	svc := service.New(a.s, nil)
	svc.Users.Hash = func(string) (string, error) { return testHash(), nil }
	return svc
}

// testHash is testPassword's hash, made once (tests run in parallel).
var testHash = sync.OnceValue(func() string {
	h, err := domain.HashPassword(testPassword)
	if err != nil {
		panic(err)
	}
	return h
})

// createUser makes a user with testPassword.
func (a *testAPI) createUser(email string, scope domain.UserScope) *domain.User {
	a.t.Helper()
	u, err := a.svc().Users.Create(systemCtx(), domain.NewUser{Email: email, Name: "Test " + email, Scope: scope, Password: testPassword})
	if err != nil {
		a.t.Fatalf("create user %s: %v", email, err)
	}
	return u
}

// token makes a personal access token for the user and returns its secret.
func (a *testAPI) token(u *domain.User) (string, *domain.APIToken) {
	a.t.Helper()
	// As a request finds the user (a token is made only under the password found).
	u, err := a.s.ActiveUser(context.Background(), u.ID)
	if err != nil {
		a.t.Fatal(err)
	}
	ctx := domain.WithActor(fixtureCtx(), domain.ActorOf(u, domain.AuthToken, 0))
	tok, secret, err := a.svc().Tokens.Create(ctx, domain.NewToken{UserID: u.ID, Name: "test", ExpiresInDays: 30})
	if err != nil {
		a.t.Fatal(err)
	}
	return secret, tok
}

// signIn signs in through the API and returns the session's caller.
func (a *testAPI) signIn(email, password, address string) (caller, gqlResponse) {
	a.t.Helper()
	c := caller{address: address}
	r := a.do(c, `mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { csrfToken user { id } } }`,
		map[string]any{"e": email, "p": password})
	for _, ck := range r.cookies {
		if ck.Name == sessionCookie {
			c.cookies = append(c.cookies, ck)
		}
		if ck.Name == csrfCookie {
			c.csrf = ck.Value
		}
	}
	return c, r
}

// regionID and municipalityID look reference data up by code and name.
func (a *testAPI) regionID(code domain.RegionCode) int {
	a.t.Helper()
	regions, err := a.s.Regions(context.Background())
	if err != nil {
		a.t.Fatal(err)
	}
	for _, r := range regions {
		if r.Code == code {
			return r.ID
		}
	}
	a.t.Fatalf("no region %s", code)
	return 0
}

func (a *testAPI) municipalityID(name string) int {
	a.t.Helper()
	ms, _, err := a.s.Municipalities(context.Background(), domain.MunicipalityFilter{NameContains: name}, nil, 10)
	if err != nil {
		a.t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == name {
			return m.ID
		}
	}
	a.t.Fatalf("no municipality %s", name)
	return 0
}

// auditRows returns the audit rows of one request, in order.
func (a *testAPI) auditRows(requestID string) []domain.AuditEvent {
	a.t.Helper()
	var rows []domain.AuditEvent
	err := a.s.DB().Select(&rows, `SELECT e.id, e.at, e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id,
		e.region_id, e.request_id, host(e.address) AS address, e.before::text AS before, e.after::text AS after,
		e.details::text AS details, e.reads::text AS reads FROM audit_event e WHERE e.request_id = $1 ORDER BY e.id`, requestID)
	if err != nil {
		a.t.Fatal(err)
	}
	return rows
}

// waitFor polls cond until it holds, for what happens off the request path; it fails the test
// after 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("not within 10 s: %s", what)
}

// path reads a value from the data by its keys ("" when absent).
func (r gqlResponse) path(keys ...string) any {
	var v any
	if err := json.Unmarshal(r.Data, &v); err != nil {
		return ""
	}
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	return v
}
