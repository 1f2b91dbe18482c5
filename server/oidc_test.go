package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// oidcApp is Atbalsts on a real listener, configured with the test provider.
type oidcApp struct {
	url string
}

// newOIDCApp starts Atbalsts over the store with sign-in through p. With publicURL, the
// redirect URI comes from the configured URL, else from the request's host.
func newOIDCApp(t *testing.T, s *store.Store, p *testOP, requireMFA, publicURL bool) *oidcApp {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	a := &oidcApp{url: "http://" + srv.Listener.Addr().String()}
	cfg := OIDCConfig{Issuer: p.issuer, ClientID: p.clientID, ClientSecret: p.secret, Name: "Testa IdP", RequireMFA: requireMFA}
	if publicURL {
		cfg.PublicURL = a.url
	}
	p.allowRedirect(a.url + "/auth/oidc/callback")
	srv.Config.Handler = Handler(NewLogger(io.Discard, "json"), s, fstest.MapFS{"index.html": {Data: []byte("app")}}, Options{OIDC: cfg})
	srv.Start()
	t.Cleanup(srv.Close)
	return a
}

// browser is a user agent with cookies that follows redirects one by one, so that a test can
// stop at, or change, any of them.
type browser struct {
	t   *testing.T
	c   *http.Client
	jar *cookiejar.Jar
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, jar: jar, c: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// follow opens u and follows the redirects until a page answers, and returns the page's URL.
// rewrite, when given, may change each URL before it is opened.
func (b *browser) follow(u string, rewrite func(*url.URL)) *url.URL {
	b.t.Helper()
	next, _ := url.Parse(u)
	for range 10 {
		if rewrite != nil {
			rewrite(next)
		}
		resp, err := b.c.Get(next.String())
		if err != nil {
			b.t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 300 || resp.StatusCode > 399 {
			if resp.StatusCode != http.StatusOK {
				b.t.Fatalf("GET %s: %s", next, resp.Status)
			}
			return next
		}
		loc, err := resp.Location()
		if err != nil {
			b.t.Fatal(err)
		}
		next = loc
	}
	b.t.Fatalf("too many redirects from %s", u)
	return nil
}

// signIn starts a sign-in at the app (start is the start path, with its query), signs in at
// the provider as the user, and returns the page the app sends the browser to at the end.
func (b *browser) signIn(a *oidcApp, start, user string, rewriteCallback func(*url.URL)) *url.URL {
	b.t.Helper()
	login := b.follow(a.url+start, nil)
	if login.Path != "/login" {
		b.t.Fatalf("the start led to %s, not the provider's login page", login)
	}
	form := url.Values{"id": {login.Query().Get("id")}, "username": {user}, "password": {testOPPassword}}
	resp, err := b.c.PostForm(login.Scheme+"://"+login.Host+"/login", form)
	if err != nil {
		b.t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := resp.Location()
	if err != nil {
		b.t.Fatalf("login: %s", resp.Status)
	}
	return b.follow(loc.String(), func(u *url.URL) {
		if u.Path == "/auth/oidc/callback" && rewriteCallback != nil {
			rewriteCallback(u)
		}
	})
}

// me is the email of the browser's signed-in user at the app, or "" when anonymous.
func (b *browser) me(a *oidcApp) string {
	b.t.Helper()
	var out struct {
		Data struct{ Me *struct{ Email string } }
	}
	b.query(a, meQuery, &out)
	if out.Data.Me == nil {
		return ""
	}
	return out.Data.Me.Email
}

func (b *browser) query(a *oidcApp, query string, out any) {
	b.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	resp, err := b.c.Post(a.url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) cookie(a *oidcApp, name string) string {
	u, _ := url.Parse(a.url)
	for _, c := range b.jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// refused checks that the browser ended on the sign-in page with the code, and is not signed in.
func refused(t *testing.T, b *browser, a *oidcApp, final *url.URL, code string) {
	t.Helper()
	if final.Path != "/sign-in" || final.Query().Get("error") != code {
		t.Errorf("ended at %s, want /sign-in?error=%s", final, code)
	}
	if got := b.me(a); got != "" {
		t.Errorf("signed in as %s after a refusal", got)
	}
}

func signedInAs(t *testing.T, b *browser, a *oidcApp, final *url.URL, path, email string) {
	t.Helper()
	if final.Path != path || final.RawQuery != "" {
		t.Errorf("ended at %s, want %s", final, path)
	}
	if got := b.me(a); got != email {
		t.Errorf("me = %q, want %q", got, email)
	}
}

func TestOIDCSignIn(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	p := newTestOP(t)
	app := newOIDCApp(t, api.s, p, false, true)
	analyst := domain.UserScope{Role: domain.RoleMinistryAnalyst}
	liga := api.createUser("liga@oidc.example", analyst)
	janis := api.createUser("janis@oidc.example", analyst)
	api.createUser("edgars@oidc.example", analyst)
	p.addUser(testOPUser{Subject: "liga", Email: "Liga@OIDC.example", EmailVerified: true, AMR: []string{"pwd"}})
	p.addUser(testOPUser{Subject: "edgars", Email: "edgars@oidc.example", EmailVerified: true})

	t.Run("FullFlow", func(t *testing.T) {
		b := newBrowser(t)
		var before string
		final := b.signIn(app, "/auth/oidc/start", "liga", func(*url.URL) { before = b.cookie(app, sessionCookie) })
		signedInAs(t, b, app, final, "/", "liga@oidc.example")
		// The started sign-in is a cookie of its own: an anonymous start writes no session.
		if before != "" {
			t.Errorf("the start made a session (token %q): an anonymous start must write nothing", before)
		}
		if after := b.cookie(app, sessionCookie); after == "" || after == before {
			t.Errorf("session token %q before the callback, %q after: want a new one", before, after)
		}
		if b.cookie(app, csrfCookie) == "" {
			t.Error("no CSRF cookie: the SPA could not send mutations")
		}
		var n int
		if err := api.s.DB().Get(&n, `SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN' AND actor_id = $1
			AND entity_id = $1 AND details ->> 'method' = 'oidc' AND details ->> 'issuer' = $2`, liga.ID, p.issuer); err != nil || n != 1 {
			t.Errorf("%d SIGN_IN rows with method oidc (%v), want 1", n, err)
		}
		var subject string
		api.s.DB().Get(&subject, `SELECT subject FROM user_identity WHERE user_id = $1 AND issuer = $2`, liga.ID, p.issuer)
		if subject != "liga" {
			t.Errorf("linked subject %q, want liga", subject)
		}
	})
	t.Run("ReturnPath", func(t *testing.T) {
		for start, want := range map[string]string{
			"/auth/oidc/start?return=%2Fchildren%3Fq%3D1":    "/children",
			"/auth/oidc/start?return=%2F%2Fevil.example":     "/",
			"/auth/oidc/start?return=https://evil.example":   "/",
			"/auth/oidc/start?return=%2F%5Cevil.example":     "/",
			"/auth/oidc/start?return=%2Fauth%2Foidc%2Fstart": "/",
		} {
			b := newBrowser(t)
			final := b.signIn(app, start, "edgars", nil)
			if final.Host != strings.TrimPrefix(app.url, "http://") || final.Path != want {
				t.Errorf("%s: ended at %s, want %s", start, final, want)
			}
		}
	})
	t.Run("StateMismatch", func(t *testing.T) {
		b := newBrowser(t)
		final := b.signIn(app, "/auth/oidc/start", "liga", func(u *url.URL) {
			q := u.Query()
			q.Set("state", q.Get("state")+"x")
			u.RawQuery = q.Encode()
		})
		refused(t, b, app, final, "OIDC_STATE")
	})
	t.Run("CallbackInAnotherBrowser", func(t *testing.T) {
		// A callback URL (code and state) given to another browser, e.g. a victim lured into
		// signing in as the attacker, is refused: the state belongs to the first browser.
		var callback string
		newBrowser(t).signIn(app, "/auth/oidc/start", "liga", func(u *url.URL) {
			callback = u.String()
			u.RawQuery = "" // the first browser does not use it
		})
		other := newBrowser(t)
		refused(t, other, app, other.follow(callback, nil), "OIDC_STATE")
	})
	t.Run("CallbackReplayed", func(t *testing.T) {
		b := newBrowser(t)
		var callback string
		b.signIn(app, "/auth/oidc/start", "liga", func(u *url.URL) { callback = u.String() })
		final := b.follow(callback, nil)
		if final.Path != "/sign-in" || final.Query().Get("error") != "OIDC_STATE" {
			t.Errorf("the same callback again ended at %s, want OIDC_STATE", final)
		}
	})
	t.Run("IDToken", func(t *testing.T) {
		for _, c := range []struct {
			name   string
			tamper func(map[string]any) bool
			code   string
		}{
			// The control: the tampering itself (decoding and signing again) keeps a valid token.
			{"Unchanged", func(map[string]any) bool { return false }, ""},
			{"AnotherAudience", func(c map[string]any) bool { c["aud"] = []string{"other-app"}; c["azp"] = "other-app"; return false }, "OIDC_INVALID"},
			{"AnotherIssuer", func(c map[string]any) bool { c["iss"] = "http://issuer.example"; return false }, "OIDC_INVALID"},
			{"Expired", func(c map[string]any) bool { c["exp"] = time.Now().Add(-time.Minute).Unix(); return false }, "OIDC_INVALID"},
			{"AnotherNonce", func(c map[string]any) bool { c["nonce"] = "replayed"; return false }, "OIDC_INVALID"},
			{"NotSignedByTheProvider", func(map[string]any) bool { return true }, "OIDC_INVALID"},
			{"NoSubject", func(c map[string]any) bool { delete(c, "sub"); return false }, "OIDC_INVALID"},
		} {
			t.Run(c.name, func(t *testing.T) {
				p.setTamper(c.tamper)
				defer p.setTamper(nil)
				b := newBrowser(t)
				final := b.signIn(app, "/auth/oidc/start", "liga", nil)
				if c.code == "" {
					signedInAs(t, b, app, final, "/", "liga@oidc.example")
				} else {
					refused(t, b, app, final, c.code)
				}
			})
		}
	})
	t.Run("UnknownEmail", func(t *testing.T) {
		p.addUser(testOPUser{Subject: "nobody", Email: "nobody@oidc.example", EmailVerified: true})
		b := newBrowser(t)
		refused(t, b, app, b.signIn(app, "/auth/oidc/start", "nobody", nil), "OIDC_NO_ACCOUNT")
		var reason string
		api.s.DB().Get(&reason, `SELECT details ->> 'reason' FROM audit_event WHERE action = 'SIGN_IN_FAILED'
			AND details ->> 'subject' = 'nobody' AND details ->> 'providerEmail' = 'nobody@oidc.example'`)
		if reason == "" {
			t.Error("the refusal is not audited as a failed sign-in")
		}
		var n int
		api.s.DB().Get(&n, `SELECT count(*) FROM app_user WHERE email = 'nobody@oidc.example'`)
		if n != 0 {
			t.Error("a user was created")
		}
	})
	t.Run("UnverifiedEmail", func(t *testing.T) {
		p.addUser(testOPUser{Subject: "janis-unverified", Email: "janis@oidc.example", EmailVerified: false})
		b := newBrowser(t)
		refused(t, b, app, b.signIn(app, "/auth/oidc/start", "janis-unverified", nil), "OIDC_EMAIL_UNVERIFIED")
	})
	t.Run("DeactivatedUser", func(t *testing.T) {
		zane1 := api.createUser("zane@oidc.example", analyst)
		zane := api.createUser("zane2@oidc.example", analyst)
		p.addUser(testOPUser{Subject: "zane", Email: "zane@oidc.example", EmailVerified: true})
		p.addUser(testOPUser{Subject: "zane2", Email: "zane2@oidc.example", EmailVerified: true})
		// zane2 signs in once (and so is linked), then both are deactivated.
		b := newBrowser(t)
		signedInAs(t, b, app, b.signIn(app, "/auth/oidc/start", "zane2", nil), "/", "zane2@oidc.example")
		for _, id := range []int{zane1.ID, zane.ID} {
			if _, err := api.svc().Users.SetActive(systemCtx(), id, false); err != nil {
				t.Fatal(err)
			}
		}
		for _, user := range []string{"zane", "zane2"} {
			b := newBrowser(t)
			refused(t, b, app, b.signIn(app, "/auth/oidc/start", user, nil), "OIDC_NO_ACCOUNT")
		}
	})
	t.Run("LinkedBySubject", func(t *testing.T) {
		// liga is linked (FullFlow). Her account's email at the provider becomes jānis's: she
		// still signs in as herself, not as jānis.
		p.mu.Lock()
		p.users["liga"].Email = janis.Email
		p.mu.Unlock()
		b := newBrowser(t)
		signedInAs(t, b, app, b.signIn(app, "/auth/oidc/start", "liga", nil), "/", "liga@oidc.example")
		// Another account of the provider that now has liga's email cannot take over her user.
		p.addUser(testOPUser{Subject: "impostor", Email: "liga@oidc.example", EmailVerified: true})
		b = newBrowser(t)
		refused(t, b, app, b.signIn(app, "/auth/oidc/start", "impostor", nil), "OIDC_NO_ACCOUNT")
	})
	t.Run("RequireMFA", func(t *testing.T) {
		// This app takes its redirect URI from the request's host (no public URL configured).
		strict := newOIDCApp(t, api.s, p, true, false)
		api.createUser("anna@oidc.example", analyst)
		api.createUser("karlis@oidc.example", analyst)
		p.addUser(testOPUser{Subject: "anna", Email: "anna@oidc.example", EmailVerified: true, AMR: []string{"pwd", "otp", "mfa"}})
		p.addUser(testOPUser{Subject: "karlis", Email: "karlis@oidc.example", EmailVerified: true, AMR: []string{"pwd"}})
		b := newBrowser(t)
		refused(t, b, strict, b.signIn(strict, "/auth/oidc/start", "karlis", nil), "OIDC_MFA_REQUIRED")
		b = newBrowser(t)
		signedInAs(t, b, strict, b.signIn(strict, "/auth/oidc/start", "anna", nil), "/", "anna@oidc.example")
	})
	t.Run("AuthProviders", func(t *testing.T) {
		var out struct {
			Data struct {
				AuthProviders []struct{ Name, StartURL string }
			}
		}
		newBrowser(t).query(app, `{ authProviders { name startUrl } }`, &out)
		if len(out.Data.AuthProviders) != 1 || out.Data.AuthProviders[0].Name != "Testa IdP" || out.Data.AuthProviders[0].StartURL != "/auth/oidc/start" {
			t.Errorf("authProviders = %+v", out.Data.AuthProviders)
		}
		r := api.do(caller{}, `{ authProviders { name } }`, nil)
		if r.code() != "" || string(r.Data) != `{"authProviders":[]}` {
			t.Errorf("without a provider: %s %+v", r.Data, r.Errors)
		}
	})
}

func TestOIDCProviderUnreachable(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	p := newTestOP(t)
	app := newOIDCApp(t, api.s, p, false, true)
	p.addUser(testOPUser{Subject: "liga", Email: "liga@oidc.example", EmailVerified: true})
	api.createUser("liga@oidc.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})

	// Down between the provider's login and the code exchange.
	b := newBrowser(t)
	final := b.signIn(app, "/auth/oidc/start", "liga", func(*url.URL) { p.srv.Close() })
	refused(t, b, app, final, "OIDC_UNAVAILABLE")

	// Down before the first sign-in of another instance: discovery fails.
	other := newOIDCApp(t, api.s, p, false, true)
	b = newBrowser(t)
	final = b.follow(other.url+"/auth/oidc/start", nil)
	if final.Path != "/sign-in" || final.Query().Get("error") != "OIDC_UNAVAILABLE" {
		t.Errorf("ended at %s, want /sign-in?error=OIDC_UNAVAILABLE", final)
	}
}

func TestParseConfig_OIDC(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, err := ParseConfig(nil, env(map[string]string{"ATBALSTS_OIDC_ISSUER": "https://id.example.lv/realms/vm",
		"ATBALSTS_OIDC_CLIENT_ID": "atbalsts", "ATBALSTS_OIDC_CLIENT_SECRET": "s", "ATBALSTS_PUBLIC_URL": "https://atbalsts.example.lv/",
		"ATBALSTS_OIDC_REQUIRE_MFA": "true"}), io.Discard)
	if err != nil || !c.OIDC.Enabled() || !c.OIDC.RequireMFA || c.OIDC.PublicURL != "https://atbalsts.example.lv" || c.OIDC.Name != "OpenID Connect" {
		t.Errorf("%+v, %v", c.OIDC, err)
	}
	var help strings.Builder
	ParseConfig([]string{"-help"}, env(map[string]string{"ATBALSTS_OIDC_CLIENT_SECRET": "very-secret"}), &help)
	if strings.Contains(help.String(), "very-secret") || !strings.Contains(help.String(), "oidc-client-secret") {
		t.Errorf("-help shows the client secret, or not its flag:\n%s", help.String())
	}
	if c, err := ParseConfig([]string{"--oidc-client-secret", "from-flag"}, env(map[string]string{"ATBALSTS_OIDC_CLIENT_SECRET": "from-env"}), io.Discard); err != nil || c.OIDC.ClientSecret != "from-flag" {
		t.Errorf("the flag does not win over the variable: %q, %v", c.OIDC.ClientSecret, err)
	}
	if c, err := ParseConfig(nil, env(nil), io.Discard); err != nil || c.OIDC.Enabled() {
		t.Errorf("without an issuer: %+v, %v; want off", c.OIDC, err)
	}
	for _, m := range []map[string]string{
		{"ATBALSTS_OIDC_ISSUER": "https://id.example.lv"}, // no client
		{"ATBALSTS_OIDC_ISSUER": "id.example.lv", "ATBALSTS_OIDC_CLIENT_ID": "a", "ATBALSTS_OIDC_CLIENT_SECRET": "s"},
		{"ATBALSTS_PUBLIC_URL": "atbalsts.example.lv"},
	} {
		if _, err := ParseConfig(nil, env(m), io.Discard); err == nil {
			t.Errorf("%v: accepted", m)
		}
	}
}
