package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"atbalsts/dbtest"
	"atbalsts/store"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestSPAHandler(t *testing.T) {
	dist := fstest.MapFS{
		"index.html":           {Data: []byte("<!doctype html><script src=/assets/app-1a2b.js></script>")},
		"assets/app-1a2b.js":   {Data: []byte("console.log(1)")},
		"assets/app-1a2b.css":  {Data: []byte("body{}")},
		"favicon.svg":          {Data: []byte("<svg/>")},
		"assets/fonts/x.woff2": {Data: []byte("font")},
	}
	h := spaHandler(dist)
	for _, tc := range []struct {
		name, method, path string
		status             int
		body, cache        string
	}{
		{"Root", "GET", "/", 200, "<!doctype html>", "no-cache"},
		{"IndexByName", "GET", "/index.html", 200, "<!doctype html>", "no-cache"},
		{"ClientRoute", "GET", "/regions", 200, "<!doctype html>", "no-cache"},
		{"DeepClientRoute", "GET", "/children/abc/plans", 200, "<!doctype html>", "no-cache"},
		{"HashedAsset", "GET", "/assets/app-1a2b.js", 200, "console.log(1)", "public, max-age=31536000, immutable"},
		{"OtherFile", "GET", "/favicon.svg", 200, "<svg/>", "no-cache"},
		{"MissingAsset", "GET", "/assets/app-old.js", 404, "", ""},
		{"MissingFileWithExtension", "GET", "/robots.txt", 404, "", ""},
		{"NoListingOfAssets", "GET", "/assets/", 200, "<!doctype html>", "no-cache"},
		{"NoListingOfSubdir", "GET", "/assets/fonts/", 404, "", ""},
		{"DotDotStaysInside", "GET", "/../../etc/passwd", 200, "<!doctype html>", "no-cache"},
		{"Post", "POST", "/", 405, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d (body %q)", rec.Code, tc.status, rec.Body.String())
			}
			if tc.body != "" && !strings.HasPrefix(rec.Body.String(), tc.body) {
				t.Errorf("body %q, want prefix %q", rec.Body.String(), tc.body)
			}
			if got := rec.Header().Get("Cache-Control"); tc.cache != "" && got != tc.cache {
				t.Errorf("Cache-Control %q, want %q", got, tc.cache)
			}
		})
	}
}

// TestSPAServiceWorkerAndManifest: the service worker is JavaScript that browsers check for a
// new version on every load (no-cache: a cached sw.js would keep an old release's worker),
// precompressed or not; the web app manifest has the type browsers require; and the CSP lets
// both load from the server itself.
func TestSPAServiceWorkerAndManifest(t *testing.T) {
	dist := fstest.MapFS{
		"index.html":              {Data: []byte("<!doctype html>")},
		"sw.js":                   {Data: []byte("self.addEventListener('fetch', () => {});")},
		"sw.js.gz":                {Data: gzipped(t, "self.addEventListener('fetch', () => {});")},
		"manifest.webmanifest":    {Data: []byte(`{"name":"Atbalsts"}`)},
		"manifest.webmanifest.gz": {Data: gzipped(t, `{"name":"Atbalsts"}`)},
		"icons/icon-192.png":      {Data: []byte("\x89PNG")},
		"assets/index-1a2b.js":    {Data: []byte("console.log(1)")},
	}
	h := withSecurityHeaders(spaHandler(dist), false)
	for _, tc := range []struct {
		name, path, encoding string
		contentType, cache   string
	}{
		{"ServiceWorker", "/sw.js", "", "text/javascript; charset=utf-8", "no-cache"},
		{"ServiceWorkerGzip", "/sw.js", "gzip", "text/javascript; charset=utf-8", "no-cache"},
		{"Manifest", "/manifest.webmanifest", "", "application/manifest+json", "no-cache"},
		{"ManifestGzip", "/manifest.webmanifest", "gzip", "application/manifest+json", "no-cache"},
		{"Icon", "/icons/icon-192.png", "", "image/png", "no-cache"},
		{"HashedScript", "/assets/index-1a2b.js", "", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			if tc.encoding != "" {
				req.Header.Set("Accept-Encoding", tc.encoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != tc.contentType {
				t.Errorf("Content-Type %q, want %q", got, tc.contentType)
			}
			if got := rec.Header().Get("Cache-Control"); got != tc.cache {
				t.Errorf("Cache-Control %q, want %q", got, tc.cache)
			}
			if got := rec.Header().Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.encoding)
			}
			csp := rec.Header().Get("Content-Security-Policy")
			for _, d := range []string{"worker-src 'self'", "manifest-src 'self'"} {
				if !strings.Contains(csp, d) {
					t.Errorf("CSP %q lacks %q", csp, d)
				}
			}
		})
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func newTestHandler(t *testing.T, origins []string) (http.Handler, *store.Store, *bytes.Buffer) {
	var logs bytes.Buffer
	s := store.New(dbtest.Open(t))
	return Handler(NewLogger(&logs, "json"), s, fstest.MapFS{"index.html": {Data: []byte("app")}}, Options{CORSOrigins: origins}), s, &logs
}

func TestCORS(t *testing.T) {
	t.Parallel()
	preflight := func(h http.Handler, origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	t.Run("NoneByDefault", func(t *testing.T) {
		h, _, _ := newTestHandler(t, nil)
		if got := preflight(h, "https://evil.example").Header().Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin = %q with no origins configured", got)
		}
	})
	t.Run("Configured", func(t *testing.T) {
		h, _, _ := newTestHandler(t, []string{"https://app.example.lv"})
		if got := preflight(h, "https://app.example.lv").Header().Get("Access-Control-Allow-Origin"); got != "https://app.example.lv" {
			t.Errorf("allowed origin: Access-Control-Allow-Origin = %q", got)
		}
		if got := preflight(h, "https://evil.example").Header().Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("other origin: Access-Control-Allow-Origin = %q", got)
		}
	})
}

func TestProbes(t *testing.T) {
	t.Parallel()
	h, s, logs := newTestHandler(t, nil)
	var body string
	get := func(path string) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		body = rec.Body.String()
		return rec.Code
	}
	if c := get("/healthz"); c != 200 {
		t.Errorf("healthz %d", c)
	}
	if c := get("/readyz"); c != 200 {
		t.Errorf("readyz %d on a migrated database", c)
	}
	// A database behind the binary's migrations is not ready; why is logged, not answered.
	if _, err := dbtest.Superuser(t, s.DB()).Exec(`DELETE FROM goose_db_version WHERE version_id = (SELECT max(version_id) FROM goose_db_version)`); err != nil {
		t.Fatal(err)
	}
	if c := get("/readyz"); c != http.StatusServiceUnavailable || body != "not ready\n" {
		t.Errorf("readyz %d %q on a database missing a migration, want 503 \"not ready\"", c, body)
	}
	if !strings.Contains(logs.String(), "binary needs") {
		t.Errorf("the reason is not logged: %s", logs.String())
	}
	// An unreachable database is not ready, and the answer names no socket or host.
	s.DB().Close()
	if c := get("/readyz"); c != http.StatusServiceUnavailable || body != "not ready\n" {
		t.Errorf("readyz %d %q with the database closed, want 503 \"not ready\"", c, body)
	}
}

// TestHealthz_DatabaseDown: /healthz fails while the database the program owns is down.
func TestHealthz_DatabaseDown(t *testing.T) {
	t.Parallel()
	var up atomic.Bool
	s := store.New(dbtest.Open(t))
	h := Handler(NewLogger(io.Discard, "text"), s, fstest.MapFS{}, Options{DatabaseUp: up.Load})
	for _, want := range []int{http.StatusServiceUnavailable, http.StatusOK} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		if rec.Code != want {
			t.Errorf("healthz with the database up=%v: %d, want %d", up.Load(), rec.Code, want)
		}
		up.Store(true)
	}
}

func TestRequestIDInLogs(t *testing.T) {
	t.Parallel()
	h, _, logs := newTestHandler(t, nil)
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ regions { code } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "mobile-0042-abcd")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("X-Request-Id"); got != "mobile-0042-abcd" {
		t.Errorf("X-Request-Id %q, want the client's", got)
	}
	if !strings.Contains(logs.String(), `"request_id":"mobile-0042-abcd"`) {
		t.Errorf("log has no request id: %s", logs.String())
	}

	// A request id with odd characters is replaced, not logged.
	req = httptest.NewRequest(http.MethodGet, "/healthz", nil)
	req.Header.Set("X-Request-Id", "x\n\"injected")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("X-Request-Id"); len(got) != 16 {
		t.Errorf("X-Request-Id %q, want a generated 16-hex id", got)
	}
}

// TestServe_GracefulShutdown: a request in flight when the stop comes still gets its answer.
func TestServe_GracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "finished")
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, slow, slog.New(slog.NewTextHandler(io.Discard, nil))) }()

	type result struct {
		body string
		err  error
	}
	resc := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			resc <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		resc <- result{string(b), err}
	}()
	<-started
	cancel()
	res := <-resc
	if res.err != nil || res.body != "finished" {
		t.Errorf("in-flight request: %q, %v", res.body, res.err)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("server still accepts requests after shutdown")
	}
}

func TestParseConfig(t *testing.T) {
	env := map[string]string{"ATBALSTS_ADDR": "0.0.0.0:9000", "ATBALSTS_CORS_ORIGINS": "https://a.lv, https://b.lv", "DATABASE_URL": "postgres://db/x",
		"ATBALSTS_SECURE_COOKIES": "true", "ATBALSTS_TRUST_PROXY": "1"}
	cfg, err := ParseConfig([]string{"--demo", "--data-dir", "/var/lib/atbalsts"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "0.0.0.0:9000" || !cfg.Demo || cfg.DataDir != "/var/lib/atbalsts" || cfg.DatabaseURL != "postgres://db/x" ||
		len(cfg.CORSOrigins) != 2 || cfg.CORSOrigins[1] != "https://b.lv" || !cfg.SecureCookies || !cfg.TrustProxy {
		t.Errorf("config %+v", cfg)
	}
	cfg, err = ParseConfig([]string{"--addr", "127.0.0.1:1"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil || cfg.Addr != "127.0.0.1:1" {
		t.Errorf("flag should win over env: %+v %v", cfg, err)
	}
	defaults, err := ParseConfig(nil, func(string) string { return "" }, io.Discard)
	if err != nil || defaults.Addr != "127.0.0.1:8080" || defaults.DataDir != "./data" || defaults.DatabaseURL != "" || len(defaults.CORSOrigins) != 0 || defaults.Demo ||
		defaults.SecureCookies || defaults.TrustProxy {
		t.Errorf("defaults %+v %v", defaults, err)
	}
	if _, err := ParseConfig(nil, func(k string) string {
		if k == "ATBALSTS_CORS_ORIGINS" {
			return "*"
		}
		return ""
	}, io.Discard); err == nil {
		t.Error("CORS origin * accepted")
	}
}

func TestParseConfig_DBMaxConns(t *testing.T) {
	def := defaultDBMaxConns(runtime.NumCPU())
	for _, tc := range []struct {
		name string
		env  string
		args []string
		want int // 0: refused
	}{
		{"Default", "", nil, def},
		{"Env", "12", nil, 12},
		{"FlagWins", "12", []string{"--db-max-conns", "7"}, 7},
		{"FlagWinsOverBadEnv", "many", []string{"--db-max-conns", "7"}, 7},
		{"ErrZero", "0", nil, 0},
		{"ErrNegative", "-3", nil, 0},
		{"ErrNotANumber", "many", nil, 0},
		{"ErrFraction", "", []string{"--db-max-conns", "2.5"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"ATBALSTS_DB_MAX_CONNS": tc.env}
			cfg, err := ParseConfig(tc.args, func(k string) string { return env[k] }, io.Discard)
			switch {
			case tc.want == 0 && err == nil:
				t.Errorf("accepted, pool size %d", cfg.DBMaxConns)
			case tc.want == 0 && !strings.Contains(err.Error(), "ATBALSTS_DB_MAX_CONNS"):
				t.Errorf("error %q does not name the setting", err)
			case tc.want != 0 && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != 0 && cfg.DBMaxConns != tc.want:
				t.Errorf("pool size %d, want %d", cfg.DBMaxConns, tc.want)
			}
		})
	}
}

func TestDefaultDBMaxConns(t *testing.T) {
	for cpus, want := range map[int]int{1: 32, 2: 32, 8: 32, 12: 48, 16: 64, 64: 64} {
		if got := defaultDBMaxConns(cpus); got != want {
			t.Errorf("%d cores: %d connections, want %d", cpus, got, want)
		}
	}
}

func TestClientAddress(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	req.RemoteAddr = "10.0.0.5:4321"
	req.Header.Set("X-Forwarded-For", "203.0.113.9, 198.51.100.7")
	if got := clientAddress(req, false); got != "10.0.0.5" {
		t.Errorf("untrusted proxy: %q, want the peer (a client can forge X-Forwarded-For)", got)
	}
	if got := clientAddress(req, true); got != "198.51.100.7" {
		t.Errorf("trusted proxy: %q, want the address the proxy appended", got)
	}
	req.Header.Set("X-Forwarded-For", "garbage")
	if got := clientAddress(req, true); got != "10.0.0.5" {
		t.Errorf("unparsable header: %q, want the peer", got)
	}
}
