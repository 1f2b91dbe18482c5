package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"atbalsts/domain"
	"atbalsts/graph"
	"atbalsts/store"
)

// Session and cookie settings.
const (
	sessionCookie   = "atbalsts_session" // HttpOnly: the session token
	csrfCookie      = "atbalsts_csrf"    // readable by the SPA, which echoes it in csrfHeader
	csrfHeader      = "X-CSRF-Token"
	sessionIdle     = 30 * time.Minute // signed out after this long without a request
	sessionLifetime = 12 * time.Hour   // and after this long in any case
	sessionUserKey  = "user_id"
	sessionCSRFKey  = "csrf"
	sessionStampKey = "password_stamp" // the user's password stamp when the session began
)

// newSessionManager keeps SPA sessions in PostgreSQL (sessionStore), so that every server
// instance shares them. Expired rows are swept by Run (sweepSessions), which can stop the
// sweeping.
func newSessionManager(s *store.Store, secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = newSessionStore(s, sm.Codec)
	sm.IdleTimeout = sessionIdle
	sm.Lifetime = sessionLifetime
	sm.Cookie.Name = sessionCookie
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Path = "/"
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		slog.ErrorContext(r.Context(), "session store", "err", err)
		writeGraphQLError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
	}
	return sm
}

// sessions implements graph.Sessions over the request's scs session.
type sessions struct{ sm *scs.SessionManager }

type responseKey struct{}

// Start renews the session token (so that a token planted before sign-in is worthless), binds
// the user, and sets a fresh CSRF token, also as a cookie the SPA can read.
func (s sessions) Start(ctx context.Context, user *domain.User) (string, error) {
	if err := s.sm.RenewToken(ctx); err != nil {
		return "", err
	}
	csrf := domain.NewCSRFToken()
	s.sm.Put(ctx, sessionUserKey, user.ID)
	s.sm.Put(ctx, sessionStampKey, user.PasswordStamp)
	s.sm.Put(ctx, sessionCSRFKey, csrf)
	if w, ok := ctx.Value(responseKey{}).(http.ResponseWriter); ok {
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: csrf, Path: "/", SameSite: http.SameSiteLaxMode,
			Secure: s.sm.Cookie.Secure, MaxAge: int(sessionLifetime.Seconds())})
	}
	return csrf, nil
}

// End destroys the session and clears both cookies.
func (s sessions) End(ctx context.Context) error {
	if w, ok := ctx.Value(responseKey{}).(http.ResponseWriter); ok {
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: "", Path: "/", MaxAge: -1})
	}
	return s.sm.Destroy(ctx)
}

// authenticate finds the caller of a GraphQL request and puts them, with the request's id and
// address, into the context. A bearer token wins over the cookie; a bad token is refused at
// once (401), a stale or unknown session is simply anonymous.
func authenticate(s *store.Store, sm *scs.SessionManager, trustProxy bool, next http.Handler) http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := domain.WithRequestInfo(r.Context(), domain.RequestInfo{ID: RequestID(r.Context()), Address: clientAddress(r, trustProxy)})
		ctx = context.WithValue(ctx, responseKey{}, w)

		if auth := r.Header.Get("Authorization"); auth != "" {
			secret, ok := strings.CutPrefix(auth, "Bearer ")
			if !ok {
				writeGraphQLError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "use Authorization: Bearer <token>")
				return
			}
			actor, err := s.AuthenticateToken(ctx, domain.HashTokenSecret(strings.TrimSpace(secret)))
			if err != nil {
				if domain.ErrorCode(err) == domain.EUNAUTHENTICATED {
					writeGraphQLError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "the token is unknown, revoked or expired")
				} else {
					slog.ErrorContext(ctx, "token authentication", "err", err)
					writeGraphQLError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
				}
				return
			}
			if actor.TokenKind == domain.TokenApp && r.URL.Path != "/graphql" {
				// An app token runs the API's trusted operations alone (graph/edge.go); the
				// exports and the observability endpoints are for sessions and personal tokens.
				writeGraphQLError(w, http.StatusForbidden, "FORBIDDEN", "an app token may only run the app's operations at /graphql: use a personal token or sign in")
				return
			}
			ctx = domain.WithActor(ctx, actor)
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}

		if userID := sm.GetInt(ctx, sessionUserKey); userID != 0 {
			user, err := s.ActiveUser(ctx, userID)
			if err == nil && user.PasswordStamp != sm.GetString(ctx, sessionStampKey) {
				// Begun before a password change or reset that it outlived (a sign-in with the
				// old password in flight while the sessions were ended): it ends now.
				err = domain.NotFound("user")
			}
			switch {
			case err == nil:
				ctx = domain.WithActor(ctx, domain.ActorOf(user, domain.AuthSession, 0))
				want := sm.GetString(ctx, sessionCSRFKey)
				got := r.Header.Get(csrfHeader)
				ctx = graph.WithCSRFChecked(ctx, want != "" && subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1)
			case domain.ErrorCode(err) == domain.ENOTFOUND:
				// Deactivated since signing in: the session ends now.
				if err := sm.Destroy(ctx); err != nil {
					slog.ErrorContext(ctx, "destroy session", "err", err)
				}
			default:
				slog.ErrorContext(ctx, "session user", "err", err)
				writeGraphQLError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
	return sm.LoadAndSave(h)
}

// clientAddress is the caller's IP address: the connection's peer, or behind a trusted proxy
// the last address the proxy appended to X-Forwarded-For.
func clientAddress(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
			parts := strings.Split(fwd, ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	return ""
}

// writeGraphQLError answers a request that never reached GraphQL in GraphQL's error format.
func writeGraphQLError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": message, "extensions": map[string]any{"code": code},
	}}})
}

// sweepSessions deletes expired sessions every interval until ctx is done.
func sweepSessions(ctx context.Context, s *store.Store, interval time.Duration) {
	every(ctx, interval, "sweep sessions", func(ctx context.Context) error {
		n, err := s.DeleteExpiredSessions(ctx)
		if n > 0 {
			slog.DebugContext(ctx, "expired sessions deleted", "count", n)
		}
		return err
	})
}

// ensureAuditPartitions creates the audit log's coming monthly partitions every interval until
// ctx is done; Run creates them once at start. A month without one would fail every insert.
func ensureAuditPartitions(ctx context.Context, s *store.Store, interval time.Duration) {
	every(ctx, interval, "audit partitions", s.EnsureAuditPartitions)
}

// every runs job every interval until ctx is done, and logs its failures.
func every(ctx context.Context, interval time.Duration, what string, job func(context.Context) error) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := job(ctx); err != nil && ctx.Err() == nil {
				slog.ErrorContext(ctx, what, "err", err)
			}
		}
	}
}
