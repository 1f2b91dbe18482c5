package server

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// A real OpenID Connect provider for the tests: zitadel's op package (discovery, authorize,
// token, keys; PKCE, nonce, signed ID tokens) over an in-memory storage, with a login page
// that takes a user name and password, as an identity provider's does.

// testOPUser is an account at the test provider.
type testOPUser struct {
	Subject       string
	Password      string
	Email         string
	EmailVerified bool
	AMR           []string // how the provider says the person authenticated
}

// testOP is the provider, serving on its own httptest server.
type testOP struct {
	t        *testing.T
	srv      *httptest.Server
	issuer   string
	key      *rsa.PrivateKey
	clientID string
	secret   string

	mu        sync.Mutex
	redirects []string               // the client's registered redirect URIs
	users     map[string]*testOPUser // by user name
	requests  map[string]*testAuthRequest
	codes     map[string]string // code -> request id
	// tamper, when set, changes the claims of the ID tokens the token endpoint answers with
	// (re-signed with the provider's key, or with another key when it returns true), to show
	// what Atbalsts refuses.
	tamper func(claims map[string]any) (otherKey bool)
}

const testOPPassword = "provider-password"

// newTestOP starts a provider with a confidential client (clientID, secret).
func newTestOP(t *testing.T) *testOP {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &testOP{t: t, key: key, clientID: "atbalsts", secret: "client-secret-of-atbalsts",
		users: map[string]*testOPUser{}, requests: map[string]*testAuthRequest{}, codes: map[string]string{}}
	p.srv = httptest.NewUnstartedServer(nil)
	p.issuer = "http://" + p.srv.Listener.Addr().String()
	provider, err := op.NewOpenIDProvider(p.issuer, &op.Config{
		CryptoKey:      sha256.Sum256([]byte("test provider")),
		CodeMethodS256: true,
		AuthMethodPost: true,
	}, p, op.WithAllowInsecure())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /login", func(w http.ResponseWriter, r *http.Request) {
		// The provider's sign-in form; the test posts it as a browser would.
		fmt.Fprintf(w, `<form method="post" action="/login"><input type="hidden" name="id" value="%s">`+
			`<input name="username"><input name="password" type="password"></form>`, html.EscapeString(r.URL.Query().Get("id")))
	})
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		id := r.FormValue("id")
		if err := p.login(id, r.FormValue("username"), r.FormValue("password")); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		http.Redirect(w, r, op.AuthCallbackURL(provider)(r.Context(), id), http.StatusFound)
	})
	mux.Handle("POST /oauth/token", p.tampering(provider))
	mux.Handle("/", provider)
	p.srv.Config.Handler = mux
	p.srv.Start()
	t.Cleanup(p.srv.Close)
	return p
}

// addUser adds an account; its user name is its subject.
func (p *testOP) addUser(u testOPUser) *testOPUser {
	p.mu.Lock()
	defer p.mu.Unlock()
	u.Password = testOPPassword
	p.users[u.Subject] = &u
	return &u
}

// allowRedirect registers a redirect URI of the client.
func (p *testOP) allowRedirect(uri string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.redirects = append(p.redirects, uri)
}

func (p *testOP) setTamper(f func(map[string]any) bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tamper = f
}

func (p *testOP) login(id, username, password string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	req, ok := p.requests[id]
	u := p.users[username]
	if !ok || u == nil || u.Password != password {
		return errors.New("wrong user name or password")
	}
	req.user, req.done, req.authTime = u, true, time.Now()
	return nil
}

// tampering rewrites the ID token of a token response when a tamper is set.
func (p *testOP) tampering(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		tamper := p.tamper
		p.mu.Unlock()
		if tamper == nil {
			next.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body["id_token"] == nil {
			p.t.Errorf("token response %d %s", rec.Code, rec.Body)
			return
		}
		jws, err := jose.ParseSigned(body["id_token"].(string), []jose.SignatureAlgorithm{jose.RS256})
		if err != nil {
			p.t.Fatal(err)
		}
		var claims map[string]any
		if err := json.Unmarshal(jws.UnsafePayloadWithoutVerification(), &claims); err != nil {
			p.t.Fatal(err)
		}
		key := p.key
		if tamper(claims) {
			if key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
				p.t.Fatal(err)
			}
		}
		body["id_token"] = p.sign(key, claims)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(body)
	})
}

// sign makes a JWT of claims with the provider's key id.
func (p *testOP) sign(key *rsa.PrivateKey, claims map[string]any) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: &jose.JSONWebKey{Key: key, KeyID: "test-key"}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		p.t.Fatal(err)
	}
	payload, _ := json.Marshal(claims)
	jws, err := signer.Sign(payload)
	if err != nil {
		p.t.Fatal(err)
	}
	s, err := jws.CompactSerialize()
	if err != nil {
		p.t.Fatal(err)
	}
	return s
}

// The storage of the provider (op.Storage): what a sign-in in code flow needs; the rest
// (refresh tokens, token exchange, JWT profile) is not offered.

type testAuthRequest struct {
	id       string
	req      *oidc.AuthRequest
	user     *testOPUser
	done     bool
	authTime time.Time
}

func (a *testAuthRequest) GetID() string                      { return a.id }
func (a *testAuthRequest) GetACR() string                     { return "" }
func (a *testAuthRequest) GetAMR() []string                   { return a.user.AMR }
func (a *testAuthRequest) GetAudience() []string              { return []string{a.req.ClientID} }
func (a *testAuthRequest) GetAuthTime() time.Time             { return a.authTime }
func (a *testAuthRequest) GetClientID() string                { return a.req.ClientID }
func (a *testAuthRequest) GetNonce() string                   { return a.req.Nonce }
func (a *testAuthRequest) GetRedirectURI() string             { return a.req.RedirectURI }
func (a *testAuthRequest) GetScopes() []string                { return a.req.Scopes }
func (a *testAuthRequest) GetState() string                   { return a.req.State }
func (a *testAuthRequest) GetSubject() string                 { return a.user.Subject }
func (a *testAuthRequest) Done() bool                         { return a.done }
func (a *testAuthRequest) GetResponseMode() oidc.ResponseMode { return a.req.ResponseMode }
func (a *testAuthRequest) GetResponseType() oidc.ResponseType { return a.req.ResponseType }
func (a *testAuthRequest) GetCodeChallenge() *oidc.CodeChallenge {
	if a.req.CodeChallenge == "" {
		return nil
	}
	return &oidc.CodeChallenge{Challenge: a.req.CodeChallenge, Method: a.req.CodeChallengeMethod}
}

type notFound struct{ what string }

func (e notFound) Error() string { return e.what + " not found" }
func (notFound) IsNotFound()     {}

func (p *testOP) CreateAuthRequest(_ context.Context, req *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	a := &testAuthRequest{id: rand.Text(), req: req}
	p.requests[a.id] = a
	return a, nil
}

func (p *testOP) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if a, ok := p.requests[id]; ok {
		return a, nil
	}
	return nil, notFound{"auth request"}
}

func (p *testOP) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	p.mu.Lock()
	id, ok := p.codes[code]
	p.mu.Unlock()
	if !ok {
		return nil, notFound{"code"}
	}
	return p.AuthRequestByID(ctx, id)
}

func (p *testOP) SaveAuthCode(_ context.Context, id, code string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.codes[code] = id
	return nil
}

func (p *testOP) DeleteAuthRequest(_ context.Context, id string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.requests, id)
	for code, rid := range p.codes {
		if rid == id {
			delete(p.codes, code)
		}
	}
	return nil
}

func (p *testOP) CreateAccessToken(context.Context, op.TokenRequest) (string, time.Time, error) {
	return rand.Text(), time.Now().Add(5 * time.Minute), nil
}

func (p *testOP) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, errors.New("no refresh tokens")
}

func (p *testOP) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, op.ErrInvalidRefreshToken
}

func (p *testOP) TerminateSession(context.Context, string, string) error          { return nil }
func (p *testOP) RevokeToken(context.Context, string, string, string) *oidc.Error { return nil }
func (p *testOP) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

type testSigningKey struct{ key *rsa.PrivateKey }

func (k testSigningKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k testSigningKey) Key() any                                    { return k.key }
func (k testSigningKey) ID() string                                  { return "test-key" }

type testPublicKey struct{ key *rsa.PrivateKey }

func (k testPublicKey) ID() string                         { return "test-key" }
func (k testPublicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k testPublicKey) Use() string                        { return "sig" }
func (k testPublicKey) Key() any                           { return &k.key.PublicKey }

func (p *testOP) SigningKey(context.Context) (op.SigningKey, error) {
	return testSigningKey{p.key}, nil
}
func (p *testOP) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}
func (p *testOP) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{testPublicKey{p.key}}, nil
}

// testClient is Atbalsts's registration at the provider: a confidential web client.
type testClient struct{ p *testOP }

func (c testClient) GetID() string { return c.p.clientID }
func (c testClient) RedirectURIs() []string {
	c.p.mu.Lock()
	defer c.p.mu.Unlock()
	return append([]string(nil), c.p.redirects...)
}
func (c testClient) PostLogoutRedirectURIs() []string    { return nil }
func (c testClient) ApplicationType() op.ApplicationType { return op.ApplicationTypeWeb }
func (c testClient) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodBasic }
func (c testClient) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c testClient) GrantTypes() []oidc.GrantType         { return []oidc.GrantType{oidc.GrantTypeCode} }
func (c testClient) LoginURL(id string) string            { return "/login?id=" + id }
func (c testClient) AccessTokenType() op.AccessTokenType  { return op.AccessTokenTypeBearer }
func (c testClient) IDTokenLifetime() time.Duration       { return 5 * time.Minute }
func (c testClient) DevMode() bool                        { return false }
func (c testClient) IsScopeAllowed(string) bool           { return false }
func (c testClient) IDTokenUserinfoClaimsAssertion() bool { return true } // email in the ID token
func (c testClient) ClockSkew() time.Duration             { return 0 }
func (c testClient) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c testClient) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}

func (p *testOP) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	if id != p.clientID {
		return nil, notFound{"client"}
	}
	return testClient{p}, nil
}

func (p *testOP) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	if id != p.clientID || secret != p.secret {
		return errors.New("wrong client credentials")
	}
	return nil
}

func (p *testOP) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string, []string) error {
	return nil // deprecated by the library in favour of SetUserinfoFromRequest
}

// SetUserinfoFromRequest puts the account's email into the ID token.
func (p *testOP) SetUserinfoFromRequest(_ context.Context, info *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	return p.userinfo(info, req.GetSubject(), scopes)
}

func (p *testOP) SetUserinfoFromToken(_ context.Context, info *oidc.UserInfo, _, subject, _ string) error {
	return p.userinfo(info, subject, []string{oidc.ScopeEmail})
}

func (p *testOP) userinfo(info *oidc.UserInfo, subject string, scopes []string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	u := p.users[subject]
	if u == nil {
		return notFound{"user"}
	}
	info.Subject = u.Subject
	if strings.Contains(strings.Join(scopes, " "), oidc.ScopeEmail) {
		info.Email, info.EmailVerified = u.Email, oidc.Bool(u.EmailVerified)
	}
	return nil
}

func (p *testOP) SetIntrospectionFromToken(context.Context, *oidc.IntrospectionResponse, string, string, string) error {
	return nil
}
func (p *testOP) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return nil, nil
}
func (p *testOP) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errors.New("no JWT profile")
}
func (p *testOP) ValidateJWTProfileScopes(_ context.Context, _ string, scopes []string) ([]string, error) {
	return scopes, nil
}
func (p *testOP) Health(context.Context) error { return nil }
