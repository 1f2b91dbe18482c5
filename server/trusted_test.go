package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"atbalsts/domain"
	"atbalsts/graph/persisted"
)

// Trusted operations and app tokens: an APP token runs the manifest's operations by hash and
// nothing else; sessions and personal tokens keep ad-hoc queries and automatic persisted
// queries (APQ).

// mobileHash is the hash of a mobile operation as the mobile client reads it.
func mobileHash(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../examples/mobile-client/persisted.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Operations map[string]struct{ SHA256Hash string }
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	hash := m.Operations[name].SHA256Hash
	if hash == "" {
		t.Fatalf("persisted.json has no %s", name)
	}
	return hash
}

// spaHash is the manifest's hash of an operation of the SPA, found by the start of its text.
func spaHash(t *testing.T, start string) string {
	t.Helper()
	for hash, text := range persisted.All() {
		if strings.HasPrefix(text, start) {
			return hash
		}
	}
	t.Fatalf("the manifest has no operation starting %q", start)
	return ""
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// persistedQuery is the extensions of a request that names an operation by hash.
func persistedQuery(hash string) map[string]any {
	return map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
}

// send sends a GraphQL request of the given members (query, variables, extensions) as c, by
// POST, or by GET as the SPA sends a query by hash.
func (a *testAPI) send(c caller, method string, params map[string]any) gqlResponse {
	a.t.Helper()
	var req *http.Request
	if method == http.MethodGet {
		q := url.Values{}
		for k, v := range params {
			if s, ok := v.(string); ok {
				q.Set(k, s)
			} else {
				b, _ := json.Marshal(v)
				q.Set(k, string(b))
			}
		}
		req = httptest.NewRequest(http.MethodGet, "/graphql?"+q.Encode(), nil)
	} else {
		body, _ := json.Marshal(params)
		req = httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
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

func TestTrustedOperations(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("trusted@trusted.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	personal, _ := a.token(u)
	session, r := a.signIn(u.Email, testPassword, "")
	if r.code() != "" {
		t.Fatal(r.Errors)
	}

	// (e) An app token is made by createApiToken with kind APP, stored and listed with its kind;
	// without a kind a token is PERSONAL, as before kinds.
	create := `mutation($kind: ApiTokenKind) { createApiToken(input: {name: "Planšete", expiresInDays: 30, kind: $kind}) { secret token { id kind } } }`
	var created struct {
		CreateAPIToken struct {
			Secret string
			Token  struct{ ID, Kind string }
		} `json:"createApiToken"`
	}
	a.do(session, create, map[string]any{"kind": "APP"}).decode(t, &created)
	app, appID := created.CreateAPIToken.Secret, created.CreateAPIToken.Token.ID
	if created.CreateAPIToken.Token.Kind != "APP" {
		t.Errorf("created with kind APP: returned kind %q", created.CreateAPIToken.Token.Kind)
	}
	var stored string
	a.s.DB().Get(&stored, `SELECT kind FROM api_token WHERE secret_hash = $1`, domain.HashTokenSecret(app))
	if stored != "APP" {
		t.Errorf("an app token is stored with kind %q", stored)
	}
	a.do(session, create, nil).decode(t, &created)
	if created.CreateAPIToken.Token.Kind != "PERSONAL" {
		t.Errorf("created without a kind: %q, want PERSONAL", created.CreateAPIToken.Token.Kind)
	}
	var listed struct {
		Me struct{ APITokens []struct{ ID, Kind string } } `json:"me"`
	}
	a.do(caller{token: personal}, `{ me { apiTokens { id kind } } }`, nil).decode(t, &listed)
	for _, tok := range listed.Me.APITokens {
		if (tok.ID == appID) != (tok.Kind == "APP") {
			t.Errorf("listed token %s has kind %s", tok.ID, tok.Kind)
		}
	}

	mobileMe := mobileHash(t, "MobileMe")
	spaRegions := spaHash(t, "query Regions ")
	adHoc := `{ me { id } }`

	t.Run("AppTokenRunsManifestOperationsByHash", func(t *testing.T) { // (a)
		var me struct{ Me struct{ ID, Role string } }
		a.send(caller{token: app}, http.MethodPost, map[string]any{"extensions": persistedQuery(mobileMe)}).decode(t, &me)
		if me.Me.ID != gid("User", u.ID) || me.Me.Role != "MINISTRY_ANALYST" {
			t.Errorf("MobileMe by hash: %+v", me)
		}
		// As the SPA sends its queries: a GET with the hash and the operation's name alone.
		var regions struct{ Regions []struct{ Code string } }
		a.send(caller{token: app}, http.MethodGet, map[string]any{"operationName": "Regions", "extensions": persistedQuery(spaRegions)}).decode(t, &regions)
		if len(regions.Regions) != 5 {
			t.Errorf("Regions by hash: %d regions, want 5", len(regions.Regions))
		}
		// The manifest's very text may come along with its hash.
		text, _ := persisted.Document(mobileMe)
		a.send(caller{token: app}, http.MethodPost, map[string]any{"query": text, "extensions": persistedQuery(mobileMe)}).decode(t, &me)
	})

	t.Run("AppTokenRefusedAdHoc", func(t *testing.T) { // (b)
		other, _ := persisted.Document(spaRegions)
		for _, c := range []struct {
			name   string
			params map[string]any
		}{
			{"a query text", map[string]any{"query": adHoc}},
			{"a query text with its APQ hash", map[string]any{"query": adHoc, "extensions": persistedQuery(sha256Hex(adHoc))}},
			{"an unknown hash alone", map[string]any{"extensions": persistedQuery(sha256Hex(adHoc))}},
			{"a manifest hash with another text", map[string]any{"query": adHoc, "extensions": persistedQuery(mobileMe)}},
			{"a manifest text without its hash", map[string]any{"query": other}},
			{"introspection", map[string]any{"query": `{ __schema { types { name } } }`}},
			{"a mutation", map[string]any{"query": `mutation { createApiToken(input: {name: "more", expiresInDays: 1}) { secret } }`}},
		} {
			for _, method := range []string{http.MethodPost, http.MethodGet} {
				if method == http.MethodGet && c.name == "a mutation" {
					continue
				}
				r := a.send(caller{token: app}, method, c.params)
				if r.code() != "PERSISTED_QUERY_REQUIRED" || string(r.Data) != "" && string(r.Data) != "null" {
					t.Errorf("%s by %s: code %q, data %.100s; want PERSISTED_QUERY_REQUIRED and no data", c.name, method, r.code(), r.Data)
					continue
				}
				if msg := r.Errors[0].Message; !strings.Contains(msg, "app token") || !strings.Contains(msg, "sha256Hash") {
					t.Errorf("%s: the message does not say what to do: %q", c.name, msg)
				}
			}
		}
		// Refused before anything ran: the mutation made no token.
		var n int
		a.s.DB().Get(&n, `SELECT count(*) FROM api_token WHERE user_id = $1 AND name = 'more'`, u.ID)
		if n != 0 {
			t.Errorf("a refused mutation made %d tokens", n)
		}
	})

	t.Run("AppTokenRefusedOutsideTheAPI", func(t *testing.T) {
		for _, path := range []string{"/exports/statistics.csv", "/metrics"} {
			for _, c := range []struct {
				secret string
				want   int
			}{{app, http.StatusForbidden}, {personal, 0}} {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req.Header.Set("Authorization", "Bearer "+c.secret)
				rec := httptest.NewRecorder()
				a.h.ServeHTTP(rec, req)
				if got := rec.Code == http.StatusForbidden && strings.Contains(rec.Body.String(), "app token"); got != (c.want == http.StatusForbidden) {
					t.Errorf("%s with the %s token: status %d %.100s", path, map[bool]string{true: "app", false: "personal"}[c.secret == app], rec.Code, rec.Body.String())
				}
			}
		}
	})

	t.Run("SessionsAndPersonalTokensKeepAdHocAndAPQ", func(t *testing.T) { // (c)
		for _, c := range []struct {
			name string
			as   caller
		}{{"a personal token", caller{token: personal}}, {"a session", session}} {
			var me struct{ Me struct{ ID string } }
			a.send(c.as, http.MethodPost, map[string]any{"query": adHoc}).decode(t, &me)
			if me.Me.ID != gid("User", u.ID) {
				t.Errorf("%s, an ad-hoc query: %+v", c.name, me)
			}
			// APQ: an unknown hash alone is not found; sent with its text it runs and is
			// remembered, so that the hash alone runs it next.
			q := `{ me { id email } } # ` + c.name
			hash := sha256Hex(q)
			if r := a.send(c.as, http.MethodGet, map[string]any{"extensions": persistedQuery(hash)}); r.code() != "PERSISTED_QUERY_NOT_FOUND" {
				t.Errorf("%s, an unknown hash: %q %+v, want PERSISTED_QUERY_NOT_FOUND", c.name, r.code(), r.Errors)
			}
			a.send(c.as, http.MethodPost, map[string]any{"query": q, "extensions": persistedQuery(hash)}).decode(t, &me)
			me.Me.ID = ""
			a.send(c.as, http.MethodGet, map[string]any{"extensions": persistedQuery(hash)}).decode(t, &me)
			if me.Me.ID != gid("User", u.ID) {
				t.Errorf("%s, a remembered APQ hash: %+v", c.name, me)
			}
			// And the manifest's operations, by hash, as the SPA sends them.
			var regions struct{ Regions []struct{ Code string } }
			a.send(c.as, http.MethodGet, map[string]any{"operationName": "Regions", "extensions": persistedQuery(spaRegions)}).decode(t, &regions)
			if len(regions.Regions) != 5 {
				t.Errorf("%s, Regions by hash: %d regions", c.name, len(regions.Regions))
			}
		}
		// A wrong hash with a text is still the client's mistake, as before.
		if r := a.send(caller{token: personal}, http.MethodPost, map[string]any{"query": adHoc, "extensions": persistedQuery(mobileMe)}); r.code() != "BAD_REQUEST" {
			t.Errorf("a manifest hash with another text, by a personal token: %q, want BAD_REQUEST", r.code())
		}
	})
}
