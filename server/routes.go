package server

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/rs/cors"

	"atbalsts/graph"
	"atbalsts/metrics"
	"atbalsts/migrations"
	"atbalsts/service"
	"atbalsts/store"
)

// Options are the settings of the HTTP interface.
type Options struct {
	CORSOrigins   []string      // origins allowed to call the API from a browser
	SecureCookies bool          // mark cookies Secure (served over https)
	TrustProxy    bool          // take the caller's address from X-Forwarded-For
	Now           service.Clock // the clock of the services; nil is the system clock (tests fix the day)
	// Metrics observes the requests and serves /metrics; nil makes one over the store's pool.
	Metrics *metrics.Metrics
	// DatabaseUp reports whether the database the program runs itself (the embedded
	// PostgreSQL) is up; /healthz fails while it is not. Nil: the database is someone else's
	// (DATABASE_URL), whose outage a restart of this process would not mend.
	DatabaseUp func() bool
	OIDC       OIDCConfig // sign-in through an OpenID Connect provider; off without an issuer
	// AnalystMinCount is the threshold k of analysts' counts; 0 is graph.DefaultAnalystMinCount.
	AnalystMinCount int
}

// Handler is the whole HTTP interface: GraphQL, the probes, the metrics and profiles (for an
// ADMIN) and the SPA.
func Handler(log *slog.Logger, s *store.Store, spa fs.FS, opt Options) http.Handler {
	m := opt.Metrics
	if m == nil {
		m = metrics.New(metrics.Options{DB: s.DB().DB, AuditQueueDepth: s.AuditQueueDepth, Replica: replicaMetrics(s)})
	}
	mux := http.NewServeMux()
	sm := newSessionManager(s, opt.SecureCookies)
	// Answers are compressed as the client accepts (compress.go); the SPA's files come
	// precompressed from the build (spa.go).
	svc := service.New(s, opt.Now)
	svc.AnalystMinCount = opt.AnalystMinCount
	var gs graph.Sessions = sessions{sm}
	if opt.OIDC.Enabled() {
		o := newOIDCSignIn(opt.OIDC, sm, svc.Sessions, opt.TrustProxy)
		mux.Handle("GET /auth/oidc/start", sm.LoadAndSave(http.HandlerFunc(o.start)))
		mux.Handle("GET /auth/oidc/callback", sm.LoadAndSave(http.HandlerFunc(o.callback)))
		gs = oidcSessions{sessions{sm}, opt.OIDC.Name}
	}
	api := compress(noStore(limitBody(authenticate(s, sm, opt.TrustProxy, graph.NewHandler(svc, gs, m.GraphQL())))))
	mux.Handle("GET /graphql", api)
	mux.Handle("POST /graphql", api)
	mux.Handle("OPTIONS /graphql", api)
	mux.Handle("GET /graphql/schema.graphql", compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(graph.SDL()))
	})))
	mux.Handle("GET /exports/claims/{file}", compress(noStore(authenticate(s, sm, opt.TrustProxy, claimExport(s)))))
	mux.Handle("GET /exports/plans/{file}", compress(noStore(authenticate(s, sm, opt.TrustProxy, planExport(s)))))
	for _, ext := range []string{"csv", "xlsx"} {
		mux.Handle("GET /exports/statistics."+ext, compress(noStore(authenticate(s, sm, opt.TrustProxy, statisticsExport(svc, ext)))))
	}
	// Liveness: the process serves, and the database it owns is up. The supervisor's state,
	// not a query: a probe must stay cheap and must not fail because the pool is busy.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if opt.DatabaseUp != nil && !opt.DatabaseUp() {
			http.Error(w, "unhealthy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if err := ready(r.Context(), s); err != nil {
			// Why goes to the log only: it names sockets, hosts and versions.
			log.WarnContext(r.Context(), "not ready", "err", err)
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	observe := authenticate(s, sm, opt.TrustProxy, requireObserver(debugHandler(m, false)))
	mux.Handle("GET /metrics", observe)
	mux.Handle("GET /debug/pprof/", observe)
	mux.Handle("/", spaHandler(spa))

	h := m.InstrumentMux(mux)
	h = withSecurityHeaders(h, opt.SecureCookies)
	// rs/cors allows every origin when given none: without configured origins the API is
	// same-origin only, and no CORS handler runs at all.
	if len(opt.CORSOrigins) > 0 {
		h = cors.New(cors.Options{
			AllowedOrigins: opt.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost},
			AllowedHeaders: []string{"Content-Type", "Authorization", "X-Request-Id"},
			ExposedHeaders: []string{"X-Request-Id"},
			MaxAge:         600,
		}).Handler(h)
	}
	h = withAccessLog(log, h)
	return withRequestID(h)
}

// ready tells whether the database answers and has every migration this binary embeds. The
// read replica of statistics, if any, is not asked: statistics fall back to the primary while
// it is down (its state is in the log and in atbalsts_replica_up).
func ready(ctx context.Context, s *store.Store) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	current, err := migrations.Current(ctx, s.DB().DB)
	if err != nil {
		return err
	}
	if want := migrations.Latest(); current != want {
		return &migrationError{current, want}
	}
	return nil
}

type migrationError struct{ current, want int64 }

func (e *migrationError) Error() string {
	return "database at migration " + itoa(e.current) + ", binary needs " + itoa(e.want)
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// withSecurityHeaders sets the headers every response of a public-sector app should carry.
// With secure cookies the site is served over https only, and browsers are told to keep to it
// (HSTS), so that a first plain-http request cannot be intercepted; without them (a local
// install over http) the header would lock browsers out of the site for a year.
func withSecurityHeaders(next http.Handler, https bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if https {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		// Everything comes from this server: no CDN, no third-party script. Inline styles are
		// allowed because the UI library sets style attributes. The service worker (/sw.js)
		// and the web app manifest come from here too (worker-src, manifest-src).
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
			"img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; manifest-src 'self'; connect-src 'self'; "+
			"frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}

// maxRequestBody bounds a GraphQL request: the largest legitimate one (a plan draft with its
// goals and lines, a batch of a hundred records) is a few tens of kilobytes, and variables are
// not bounded by the parser's token limit.
const maxRequestBody = 1 << 20

// maxQueryString bounds a GET request's query string: the SPA sends a query by GET only while
// its URL stays under 2 KB (persisted queries), and the server refuses headers over 64 KB with
// a bare 431 (server.go), so that a long URL is answered here, as GraphQL, first.
const maxQueryString = 32 << 10

// limitBody refuses requests above the limits with 413 REQUEST_TOO_LARGE: at once when the
// declared length or the URL says so, else when reading the body passes maxRequestBody (the
// transport answers then, graph/edge.go).
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > maxRequestBody || len(r.URL.RawQuery) > maxQueryString {
			graph.RefuseTooLarge(w)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxRequestBody)
		next.ServeHTTP(w, r)
	})
}

// noStore marks a response that may carry personal data (GraphQL answers, claim and plan exports) as
// never to be stored by a browser or proxy. The session manager adds its own
// `no-cache="Set-Cookie"` when it writes the cookie, just before the header goes out, which
// would let a cache keep the body: the header is set again at that moment, replacing it.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(&noStoreWriter{ResponseWriter: w}, r)
	})
}

type noStoreWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *noStoreWriter) WriteHeader(status int) {
	if !w.wrote {
		w.wrote = true
		w.Header().Set("Cache-Control", "no-store")
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *noStoreWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *noStoreWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
