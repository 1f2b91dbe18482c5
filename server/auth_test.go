package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"atbalsts/domain"
)

const meQuery = `{ me { id email } }`

// meID is the id of the signed-in caller, or "" when anonymous.
func meID(t *testing.T, r gqlResponse) string {
	t.Helper()
	var out struct{ Me *struct{ ID string } }
	r.decode(t, &out)
	if out.Me == nil {
		return ""
	}
	return out.Me.ID
}

func TestSession(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("liga@sessions.example", domain.UserScope{Role: domain.RoleAdmin})
	const tokenMutation = `mutation { createApiToken(input: {name: "x", expiresInDays: 1}) { secret } }`

	c, r := a.signIn("  Liga@Sessions.Example ", testPassword, "")
	if r.code() != "" {
		t.Fatalf("sign-in with the email in another case and spaces: %+v", r.Errors)
	}
	t.Run("Cookies", func(t *testing.T) {
		var session, csrf *http.Cookie
		for _, ck := range r.cookies {
			switch ck.Name {
			case sessionCookie:
				session = ck
			case csrfCookie:
				csrf = ck
			}
		}
		if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Secure {
			t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax, not Secure over http", session)
		}
		if csrf == nil || csrf.HttpOnly || csrf.Value == "" {
			t.Errorf("CSRF cookie %+v: want a value the SPA can read", csrf)
		}
	})
	t.Run("QueriesNeedNoCSRFToken", func(t *testing.T) {
		if got := meID(t, a.do(caller{cookies: c.cookies}, meQuery, nil)); got != gid("User", u.ID) {
			t.Errorf("me = %q, want the signed-in user", got)
		}
	})
	t.Run("MutationWithoutCSRFToken", func(t *testing.T) {
		r := a.do(caller{cookies: c.cookies}, tokenMutation, nil)
		if r.code() != "FORBIDDEN" || r.Data != nil && string(r.Data) != "null" {
			t.Errorf("no CSRF token: code %q, data %s; want FORBIDDEN and nothing done", r.code(), r.Data)
		}
		var n int
		a.s.DB().Get(&n, `SELECT count(*) FROM api_token WHERE user_id = $1`, u.ID)
		if n != 0 {
			t.Errorf("%d tokens created by refused mutations", n)
		}
	})
	t.Run("MutationWithWrongCSRFToken", func(t *testing.T) {
		if r := a.do(caller{cookies: c.cookies, csrf: c.csrf + "x"}, tokenMutation, nil); r.code() != "FORBIDDEN" {
			t.Errorf("wrong CSRF token: code %q, want FORBIDDEN", r.code())
		}
	})
	t.Run("MutationWithCSRFToken", func(t *testing.T) {
		if r := a.do(c, tokenMutation, nil); r.code() != "" {
			t.Errorf("with the CSRF token: %+v", r.Errors)
		}
	})
	t.Run("AnotherSessionsCSRFToken", func(t *testing.T) {
		other, _ := a.signIn("liga@sessions.example", testPassword, "")
		if r := a.do(caller{cookies: c.cookies, csrf: other.csrf}, tokenMutation, nil); r.code() != "FORBIDDEN" {
			t.Errorf("CSRF token of another session: code %q, want FORBIDDEN", r.code())
		}
	})
	t.Run("SignOut", func(t *testing.T) {
		s, _ := a.signIn("liga@sessions.example", testPassword, "")
		r := a.do(s, `mutation { signOut { ok } }`, nil)
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		if got := meID(t, a.do(caller{cookies: s.cookies}, meQuery, nil)); got != "" {
			t.Errorf("after sign-out the old cookie is still signed in as %s", got)
		}
		if got := meID(t, a.do(caller{cookies: c.cookies}, meQuery, nil)); got == "" {
			t.Errorf("signing out one session ended another")
		}
	})
	t.Run("ReadsDoNotRewriteTheSession", func(t *testing.T) {
		// Extending the idle expiry is written at most once a minute, not on every request.
		s, _ := a.signIn("liga@sessions.example", testPassword, "")
		version := func() (xmin string) {
			a.s.DB().Get(&xmin, `SELECT xmin::text FROM sessions WHERE token = $1`, s.cookies[0].Value)
			return xmin
		}
		before := version()
		for range 3 {
			if meID(t, a.do(caller{cookies: s.cookies}, meQuery, nil)) == "" {
				t.Fatal("not signed in")
			}
		}
		if after := version(); after != before || before == "" {
			t.Errorf("the session row was rewritten by reads (xmin %s, then %s)", before, after)
		}
	})
	t.Run("IdleExpiry", func(t *testing.T) {
		s, _ := a.signIn("liga@sessions.example", testPassword, "")
		// The session row's expiry is what idle and absolute expiry set; move it past.
		if _, err := a.s.DB().Exec(`UPDATE sessions SET expiry = now() - interval '1 second' WHERE token = $1`, s.cookies[0].Value); err != nil {
			t.Fatal(err)
		}
		if got := meID(t, a.do(caller{cookies: s.cookies}, meQuery, nil)); got != "" {
			t.Errorf("an expired session is still signed in")
		}
	})
	t.Run("DeactivatedUser", func(t *testing.T) {
		v := a.createUser("deactivated@sessions.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
		s, _ := a.signIn(v.Email, testPassword, "")
		secret, _ := a.token(v)
		if _, err := a.svc().Users.SetActive(systemCtx(), v.ID, false); err != nil {
			t.Fatal(err)
		}
		if got := meID(t, a.do(caller{cookies: s.cookies}, meQuery, nil)); got != "" {
			t.Errorf("a deactivated user's session still works")
		}
		if r := a.do(caller{token: secret}, meQuery, nil); r.status != http.StatusUnauthorized {
			t.Errorf("a deactivated user's token: status %d, want 401", r.status)
		}
		if _, r := a.signIn(v.Email, testPassword, ""); r.code() != "UNAUTHENTICATED" {
			t.Errorf("a deactivated user signs in: code %q", r.code())
		}
	})
	t.Run("SecureCookiesBehindTLS", func(t *testing.T) {
		h := Handler(NewLogger(&strings.Builder{}, "json"), a.s, nil, Options{SecureCookies: true})
		tls := &testAPI{t, h, a.s}
		_, r := tls.signIn("liga@sessions.example", testPassword, "")
		for _, ck := range r.cookies {
			if !ck.Secure {
				t.Errorf("cookie %s is not Secure with SecureCookies", ck.Name)
			}
		}
	})
}

func TestSignInFailures(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	a.createUser("janis@signin.example", domain.UserScope{Role: domain.RoleAdmin})

	t.Run("SameAnswerWhetherOrNotTheAccountExists", func(t *testing.T) {
		_, wrong := a.signIn("janis@signin.example", "not the password", "198.51.100.1:1000")
		_, nobody := a.signIn("nobody@signin.example", "not the password", "198.51.100.1:1000")
		_, malformed := a.signIn("not an email", "not the password", "198.51.100.1:1000")
		for _, r := range []gqlResponse{wrong, nobody, malformed} {
			if r.code() != "UNAUTHENTICATED" || r.Errors[0].Message != wrong.Errors[0].Message {
				t.Errorf("code %q, message %q; want UNAUTHENTICATED and the same message for all", r.code(), r.Errors[0].Message)
			}
		}
	})

	// The throttling of guesses: signin_test.go.
}

func TestTokens(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("tokens@tokens.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	secret, tok := a.token(u)

	t.Run("Works", func(t *testing.T) {
		if got := meID(t, a.do(caller{token: secret}, meQuery, nil)); got != gid("User", u.ID) {
			t.Errorf("me = %q", got)
		}
		// The use is noted off the request path: wait for it, then check that more uses within
		// the minute note nothing more (no UPDATE of the token's row per request).
		var lastUsed *time.Time
		waitFor(t, "last_used_at set after use", func() bool {
			a.s.DB().Get(&lastUsed, `SELECT last_used_at FROM api_token WHERE id = $1`, tok.ID)
			return lastUsed != nil
		})
		for range 3 {
			meID(t, a.do(caller{token: secret}, meQuery, nil))
		}
		time.Sleep(200 * time.Millisecond) // a wrongly queued touch would have run by now
		var again time.Time
		var uses int
		a.s.DB().Get(&again, `SELECT last_used_at FROM api_token WHERE id = $1`, tok.ID)
		a.s.DB().Get(&uses, `SELECT count(*) FROM audit_event WHERE action = 'TOKEN_USE' AND entity_id = $1`, tok.ID)
		if !again.Equal(*lastUsed) || uses != 1 {
			t.Errorf("after 4 uses within a minute: last_used_at %v (first %v), %d TOKEN_USE rows; want unchanged and 1", again, *lastUsed, uses)
		}
	})
	t.Run("StoredOnlyAsHash", func(t *testing.T) {
		var n int
		a.s.DB().Get(&n, `SELECT count(*) FROM api_token WHERE secret_hash = $1 AND prefix <> $2`, domain.HashTokenSecret(secret), secret)
		if n != 1 {
			t.Errorf("the token's row is not found by the hash of its secret")
		}
		var leaked int
		a.s.DB().Get(&leaked, `SELECT count(*) FROM api_token t WHERE position($1 in t::text) > 0`, secret[len(domain.TokenPrefix)+8:])
		if leaked != 0 {
			t.Errorf("the secret appears in the database")
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		for _, auth := range []string{"Bearer atb_nonsense", "Basic dXNlcjpwYXNz"} {
			r := a.doRaw(auth, meQuery)
			if r.status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" {
				t.Errorf("Authorization %q: status %d code %q, want 401 UNAUTHENTICATED", auth, r.status, r.code())
			}
		}
	})
	t.Run("Revoked", func(t *testing.T) {
		s2, t2 := a.token(u)
		r := a.do(caller{token: secret}, `mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { revokedAt } } }`,
			map[string]any{"id": gid("ApiToken", t2.ID)})
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		if r := a.do(caller{token: s2}, meQuery, nil); r.status != http.StatusUnauthorized {
			t.Errorf("revoked token: status %d, want 401", r.status)
		}
		if got := meID(t, a.do(caller{token: secret}, meQuery, nil)); got == "" {
			t.Errorf("revoking one token stopped another")
		}
	})
	t.Run("Expired", func(t *testing.T) {
		s3, t3 := a.token(u)
		a.s.DB().MustExec(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, t3.ID)
		if r := a.do(caller{token: s3}, meQuery, nil); r.status != http.StatusUnauthorized {
			t.Errorf("expired token: status %d, want 401", r.status)
		}
	})
	t.Run("Validation", func(t *testing.T) {
		for _, days := range []int{0, domain.MaxTokenDays + 1} {
			r := a.do(caller{token: secret}, `mutation($d: Int!) { createApiToken(input: {name: "x", expiresInDays: $d}) { secret } }`, map[string]any{"d": days})
			if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "expiresInDays" {
				t.Errorf("%d days: %+v", days, r.Errors)
			}
		}
	})
	t.Run("ListedWithoutSecret", func(t *testing.T) {
		r := a.do(caller{token: secret}, `{ me { apiTokens { id name prefix expiresAt lastUsedAt revokedAt } } }`, nil)
		var out struct {
			Me struct{ APITokens []map[string]any }
		}
		r.decode(t, &out)
		if len(out.Me.APITokens) < 3 {
			t.Errorf("tokens listed: %d", len(out.Me.APITokens))
		}
		if strings.Contains(string(r.Data), secret) {
			t.Errorf("a token's secret is listed")
		}
	})
}

// doRaw sends a query with a raw Authorization header.
func (a *testAPI) doRaw(authorization, query string) gqlResponse {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", authorization)
	req.RemoteAddr = "192.0.2.1:1234"
	return a.serve(req)
}
