package server

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"atbalsts/domain"
	"atbalsts/graph/model"
	"atbalsts/service"
)

// Sign-in through an OpenID Connect identity provider, the way ministries and municipalities
// federate their staff accounts: the authorization code flow with PKCE, state and nonce.
//
//	GET /auth/oidc/start     redirects the browser to the provider
//	GET /auth/oidc/callback  takes the provider's answer, verifies the ID token, signs the
//	                         matched user in (an SPA session, as a password sign-in makes)
//	                         and redirects to the app; a refusal redirects to the sign-in
//	                         page with ?error=<code>, which the page shows in words
//
// Which user an account signs in as is service.Sessions.SignInOIDC's (and domain's) rule.

// OIDCConfig is the identity provider's configuration; sign-in through it is off without an
// issuer.
type OIDCConfig struct {
	Issuer       string // ATBALSTS_OIDC_ISSUER, --oidc-issuer: the provider's issuer URL
	ClientID     string // ATBALSTS_OIDC_CLIENT_ID, --oidc-client-id: Atbalsts's client at the provider
	ClientSecret string // ATBALSTS_OIDC_CLIENT_SECRET, --oidc-client-secret
	// ATBALSTS_PUBLIC_URL, --public-url: the URL browsers reach Atbalsts at (the redirect URI is
	// it + /auth/oidc/callback); empty takes the request's host
	PublicURL string
	Name      string // ATBALSTS_OIDC_NAME, --oidc-name: the provider's name on the sign-in button
	// ATBALSTS_OIDC_REQUIRE_MFA, --oidc-require-mfa: refuse a sign-in whose ID token does not say
	// (amr "mfa") that the provider used multi-factor authentication
	RequireMFA bool
}

// Enabled tells whether sign-in through a provider is configured.
func (c OIDCConfig) Enabled() bool { return c.Issuer != "" }

// oidcFlags defines the provider's flags, defaulting to the environment.
func oidcFlags(fs *flag.FlagSet, c *OIDCConfig, getenv func(string) string) {
	fs.StringVar(&c.Issuer, "oidc-issuer", getenv("ATBALSTS_OIDC_ISSUER"), "issuer URL of an OpenID Connect provider to sign in through; none by default (ATBALSTS_OIDC_ISSUER)")
	fs.StringVar(&c.ClientID, "oidc-client-id", getenv("ATBALSTS_OIDC_CLIENT_ID"), "client id of Atbalsts at the OpenID Connect provider (ATBALSTS_OIDC_CLIENT_ID)")
	// A Func flag, so that -help does not print the secret from the environment as its default.
	c.ClientSecret = getenv("ATBALSTS_OIDC_CLIENT_SECRET")
	fs.Func("oidc-client-secret", "client secret of Atbalsts at the OpenID Connect provider; prefer the variable (ATBALSTS_OIDC_CLIENT_SECRET)",
		func(v string) error { c.ClientSecret = v; return nil })
	fs.StringVar(&c.PublicURL, "public-url", getenv("ATBALSTS_PUBLIC_URL"), "URL browsers reach Atbalsts at, e.g. https://atbalsts.example.lv; empty takes the request's host (ATBALSTS_PUBLIC_URL)")
	name := getenv("ATBALSTS_OIDC_NAME")
	if name == "" {
		name = "OpenID Connect"
	}
	fs.StringVar(&c.Name, "oidc-name", name, "name of the OpenID Connect provider on the sign-in button (ATBALSTS_OIDC_NAME)")
	fs.BoolVar(&c.RequireMFA, "oidc-require-mfa", truthy(getenv("ATBALSTS_OIDC_REQUIRE_MFA")), "refuse sign-ins the provider did not make with multi-factor authentication (ATBALSTS_OIDC_REQUIRE_MFA)")
}

// check refuses an incomplete or malformed configuration at start.
func (c *OIDCConfig) check() error {
	c.PublicURL = strings.TrimRight(strings.TrimSpace(c.PublicURL), "/")
	if c.PublicURL != "" {
		if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("ATBALSTS_PUBLIC_URL, --public-url: want an http(s) URL, not %q", c.PublicURL)
		}
	}
	if !c.Enabled() {
		return nil
	}
	if u, err := url.Parse(c.Issuer); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("ATBALSTS_OIDC_ISSUER, --oidc-issuer: want an http(s) URL, not %q", c.Issuer)
	}
	if c.ClientID == "" || c.ClientSecret == "" {
		return fmt.Errorf("ATBALSTS_OIDC_ISSUER is set: ATBALSTS_OIDC_CLIENT_ID and ATBALSTS_OIDC_CLIENT_SECRET are needed too")
	}
	if strings.TrimSpace(c.Name) == "" {
		c.Name = "OpenID Connect"
	}
	return nil
}

// Sign-in refusals the server itself decides (the rules' are in domain/oidc.go). The sign-in
// page shows each in words.
const (
	oidcUnavailable = "OIDC_UNAVAILABLE" // the provider could not be reached
	oidcState       = "OIDC_STATE"       // no sign-in was started in this browser, or it was another one
	oidcDenied      = "OIDC_DENIED"      // the provider answered with an error (e.g. the user cancelled)
	oidcInvalid     = "OIDC_INVALID"     // the code exchange failed or the ID token is not valid
)

// A started sign-in (its state, nonce, PKCE verifier and return path) lives in a short-lived
// cookie of its own, not in a server session: an anonymous visitor who opens the start (or a
// script that opens it a million times) writes nothing to the database. The callback clears
// the cookie, so an answer of the provider is used once; a callback in a browser that did not
// start the sign-in has no cookie and is refused.
const (
	oidcFlowCookie = "atbalsts_oidc"
	oidcFlowPath   = "/auth/oidc/"
	oidcFlowAge    = 10 * time.Minute // time enough to sign in at the provider, multi-factor too
)

type oidcFlow struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"`
	Return   string `json:"r"`
}

func (o *oidcSignIn) flowCookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: oidcFlowCookie, Value: value, Path: oidcFlowPath, MaxAge: maxAge,
		HttpOnly: true, Secure: o.sm.Cookie.Secure, SameSite: http.SameSiteLaxMode}
}

// setFlow keeps a started sign-in in the browser.
func (o *oidcSignIn) setFlow(w http.ResponseWriter, f oidcFlow) {
	b, _ := json.Marshal(f) // strings only: cannot fail
	http.SetCookie(w, o.flowCookie(base64.RawURLEncoding.EncodeToString(b), int(oidcFlowAge.Seconds())))
}

// popFlow takes the browser's started sign-in and clears it; none (the zero flow, refused as
// OIDC_STATE) when the cookie is missing or not one of ours.
func (o *oidcSignIn) popFlow(w http.ResponseWriter, r *http.Request) oidcFlow {
	http.SetCookie(w, o.flowCookie("", -1))
	var f oidcFlow
	c, err := r.Cookie(oidcFlowCookie)
	if err != nil {
		return f
	}
	b, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || json.Unmarshal(b, &f) != nil {
		return oidcFlow{}
	}
	return f
}

// oidcSignIn serves the two routes.
type oidcSignIn struct {
	cfg        OIDCConfig
	sm         *scs.SessionManager
	sessions   *service.Sessions
	trustProxy bool
	client     *http.Client // for the provider's discovery, token and key endpoints

	mu       sync.Mutex
	provider *oidc.Provider // nil until discovery succeeds
	failed   time.Time      // when discovery last failed
	err      error          // and how
}

// discoveryRetry is how long a failed discovery is answered from memory: sign-ins while the
// provider is down fail at once instead of each waiting for it.
const discoveryRetry = 10 * time.Second

func newOIDCSignIn(cfg OIDCConfig, sm *scs.SessionManager, sessions *service.Sessions, trustProxy bool) *oidcSignIn {
	return &oidcSignIn{cfg: cfg, sm: sm, sessions: sessions, trustProxy: trustProxy,
		client: &http.Client{Timeout: 10 * time.Second}}
}

// discover returns the provider's metadata, fetched at the first sign-in and kept once it
// succeeds. Lazily, not at start: a provider that is down when Atbalsts starts (or restarts
// after a crash) must not keep password sign-in and the API down with it; a failed discovery
// is retried at the next sign-in, and Run logs at start whether discovery works (CheckOIDC).
func (o *oidcSignIn) discover() (*oidc.Provider, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.provider != nil {
		return o.provider, nil
	}
	if time.Since(o.failed) < discoveryRetry {
		return nil, o.err
	}
	// The context carries the client: go-oidc uses it for the key set's later fetches too.
	p, err := oidc.NewProvider(oidc.ClientContext(context.Background(), o.client), o.cfg.Issuer)
	if err != nil {
		o.failed, o.err = time.Now(), err
		return nil, err
	}
	o.provider = p
	return p, nil
}

// CheckOIDC fetches the provider's metadata once, so that the start-up log says whether the
// configured provider answers. It neither stops nor delays the start (see discover).
func CheckOIDC(ctx context.Context, log *slog.Logger, cfg OIDCConfig) {
	if !cfg.Enabled() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := oidc.NewProvider(oidc.ClientContext(ctx, &http.Client{Timeout: 10 * time.Second}), cfg.Issuer); err != nil {
		log.Error("OpenID Connect provider does not answer: sign-in through it fails until it does", "issuer", cfg.Issuer, "err", err)
		return
	}
	log.Info("sign-in through OpenID Connect", "issuer", cfg.Issuer, "name", cfg.Name, "require_mfa", cfg.RequireMFA)
}

// oauth2Config is the client's configuration for a request (the redirect URI can depend on
// the request's host).
func (o *oidcSignIn) oauth2Config(r *http.Request, p *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     o.cfg.ClientID,
		ClientSecret: o.cfg.ClientSecret,
		Endpoint:     p.Endpoint(),
		RedirectURL:  o.publicURL(r) + "/auth/oidc/callback",
		Scopes:       []string{oidc.ScopeOpenID, "email"},
	}
}

// publicURL is where browsers reach Atbalsts: the configured URL, else the request's host
// (the provider accepts only the redirect URIs registered for the client, so a forged Host
// header cannot send the code elsewhere).
func (o *oidcSignIn) publicURL(r *http.Request) string {
	if o.cfg.PublicURL != "" {
		return o.cfg.PublicURL
	}
	scheme := "http"
	if r.TLS != nil || o.trustProxy && r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// start sends the browser to the provider, with a fresh state (against a forged callback),
// nonce (against a replayed ID token) and PKCE verifier (against a stolen code), kept in the
// browser's session.
func (o *oidcSignIn) start(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := o.discover()
	if err != nil {
		slog.ErrorContext(ctx, "oidc discovery", "issuer", o.cfg.Issuer, "err", err)
		o.refuse(w, r, oidcUnavailable)
		return
	}
	state, nonce, verifier := domain.NewCSRFToken(), domain.NewCSRFToken(), oauth2.GenerateVerifier()
	o.setFlow(w, oidcFlow{State: state, Nonce: nonce, Verifier: verifier, Return: localPath(r.URL.Query().Get("return"))})
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, o.oauth2Config(r, p).AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), http.StatusFound)
}

// callback takes the provider's answer: checks the state, exchanges the code (with the PKCE
// verifier), verifies the ID token (signature by the provider's published keys, issuer,
// audience, expiry; the nonce here), and signs in the user the account matches.
func (o *oidcSignIn) callback(w http.ResponseWriter, r *http.Request) {
	ctx := domain.WithRequestInfo(r.Context(), domain.RequestInfo{ID: RequestID(r.Context()), Address: clientAddress(r, o.trustProxy)})
	ctx = context.WithValue(ctx, responseKey{}, w)
	r = r.WithContext(ctx)
	w.Header().Set("Cache-Control", "no-store")

	f := o.popFlow(w, r)
	// The return path again: the cookie is the browser's to change.
	state, nonce, verifier, target := f.State, f.Nonce, f.Verifier, localPath(f.Return)
	q := r.URL.Query()
	if state == "" || subtle.ConstantTimeCompare([]byte(state), []byte(q.Get("state"))) != 1 {
		slog.WarnContext(ctx, "oidc callback without its state", "started", state != "")
		o.refuse(w, r, oidcState)
		return
	}
	if e := q.Get("error"); e != "" {
		slog.WarnContext(ctx, "oidc provider refused", "error", e, "description", q.Get("error_description"))
		o.refuse(w, r, oidcDenied)
		return
	}
	p, err := o.discover()
	if err != nil {
		slog.ErrorContext(ctx, "oidc discovery", "issuer", o.cfg.Issuer, "err", err)
		o.refuse(w, r, oidcUnavailable)
		return
	}
	claims, err := o.verify(ctx, r, p, q.Get("code"), verifier, nonce)
	if errors.Is(err, errProviderDown) {
		slog.ErrorContext(ctx, "oidc sign-in", "err", err)
		o.refuse(w, r, oidcUnavailable)
		return
	}
	if err != nil {
		slog.WarnContext(ctx, "oidc sign-in not verified", "err", err)
		o.refuse(w, r, oidcInvalid)
		return
	}
	user, err := o.sessions.SignInOIDC(ctx, claims, o.cfg.RequireMFA)
	var refusal *domain.OIDCRefusal
	switch {
	case errors.As(err, &refusal):
		slog.WarnContext(ctx, "oidc sign-in refused", "code", refusal.Code, "reason", refusal.Reason, "subject", claims.Subject)
		o.refuse(w, r, refusal.Code)
		return
	case err != nil:
		slog.ErrorContext(ctx, "oidc sign-in", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	// The same session a password sign-in starts: a new session token, the user, a CSRF token.
	if _, err := (sessions{o.sm}).Start(ctx, user); err != nil {
		slog.ErrorContext(ctx, "oidc session", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// errProviderDown is a code exchange that got no answer from the provider.
var errProviderDown = errors.New("the provider did not answer")

// verify exchanges the code and returns the verified ID token's claims.
func (o *oidcSignIn) verify(ctx context.Context, r *http.Request, p *oidc.Provider, code, verifier, nonce string) (domain.OIDCClaims, error) {
	var c domain.OIDCClaims
	if code == "" {
		return c, errors.New("no code")
	}
	tok, err := o.oauth2Config(r, p).Exchange(oidc.ClientContext(ctx, o.client), code, oauth2.VerifierOption(verifier))
	var refused *oauth2.RetrieveError
	switch {
	case errors.As(err, &refused): // the provider answered, and refused the code
		return c, fmt.Errorf("code exchange: %w", err)
	case err != nil:
		return c, fmt.Errorf("%w: code exchange: %v", errProviderDown, err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return c, errors.New("no id_token in the token response")
	}
	idToken, err := p.Verifier(&oidc.Config{ClientID: o.cfg.ClientID}).Verify(ctx, raw)
	if err != nil {
		return c, err
	}
	if nonce == "" || subtle.ConstantTimeCompare([]byte(idToken.Nonce), []byte(nonce)) != 1 {
		return c, errors.New("the ID token's nonce is not this sign-in's")
	}
	if idToken.Subject == "" {
		// The account is known by its subject: without one, it could not be told from others.
		return c, errors.New("the ID token has no subject")
	}
	var fields struct {
		Email         string   `json:"email"`
		EmailVerified any      `json:"email_verified"`
		AMR           []string `json:"amr"`
	}
	if err := idToken.Claims(&fields); err != nil {
		return c, err
	}
	// A JSON true, or the string "true" that some providers send; anything else is unverified.
	verified := fields.EmailVerified == true || fields.EmailVerified == "true"
	return domain.OIDCClaims{Issuer: idToken.Issuer, Subject: idToken.Subject, Email: fields.Email,
		EmailVerified: verified, AMR: fields.AMR}, nil
}

// refuse sends the browser to the sign-in page, which shows the code in words.
func (o *oidcSignIn) refuse(w http.ResponseWriter, r *http.Request, code string) {
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, "/sign-in?error="+url.QueryEscape(code), http.StatusSeeOther)
}

// localPath is a path of this app to return to after signing in, else "/": never another
// site ("//host" and "/\host" are URLs of another host to a browser), nor the sign-in page or
// these routes (a sign-in that starts another would loop through the provider).
//
// No backslash or control character at all: a browser removes tabs and newlines from a
// Location and reads a backslash as a slash, so "/<tab>/host" is "//host" to it. And the path
// is checked as http.Redirect sends it, cleaned: "/x/../\host" goes out as "/\host".
func localPath(p string) string {
	if strings.ContainsFunc(p, func(r rune) bool { return r == '\\' || r < 0x20 || r == 0x7f }) {
		return "/"
	}
	clean, _, _ := strings.Cut(p, "?")
	for _, q := range []string{p, path.Clean(clean)} {
		if !strings.HasPrefix(q, "/") || strings.HasPrefix(q, "//") ||
			strings.HasPrefix(q, "/sign-in") || strings.HasPrefix(q, "/auth/") {
			return "/"
		}
	}
	return p
}

// oidcSessions are the SPA's sessions with the provider to offer on the sign-in page
// (graph.AuthProviders).
type oidcSessions struct {
	sessions
	name string
}

func (s oidcSessions) AuthProviders() []*model.AuthProvider {
	return []*model.AuthProvider{{Name: s.name, StartURL: "/auth/oidc/start"}}
}
