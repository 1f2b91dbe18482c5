// Package server is the program: configuration, routes, HTTP middleware, the SPA handler,
// and start-up and shutdown of the server and its embedded PostgreSQL.
package server

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"atbalsts/graph"
)

// Config is the program's configuration. Each setting is a flag and an environment
// variable; a flag given on the command line wins.
type Config struct {
	Addr        string // ATBALSTS_ADDR, --addr: where to listen
	DatabaseURL string // DATABASE_URL, --database-url: an existing PostgreSQL; empty starts the embedded one
	// ATBALSTS_OWNER_DATABASE_URL, --owner-database-url: the role that owns the tables and runs
	// the migrations, when DATABASE_URL's role is the server's own (README, "Database roles")
	OwnerDatabaseURL string
	// ATBALSTS_REPLICA_URL, --replica-url: a streaming-replication standby of DATABASE_URL's
	// server that statistics read from (store/replica.go); empty: they read from the primary
	ReplicaURL string
	// ATBALSTS_ALLOW_SUPERUSER, --allow-superuser: let the server connect as a superuser
	AllowSuperuser bool
	DataDir        string   // ATBALSTS_DATA_DIR, --data-dir: where the embedded PostgreSQL keeps its data
	CORSOrigins    []string // ATBALSTS_CORS_ORIGINS, --cors-origins: origins allowed to call the API from a browser
	Demo           bool     // ATBALSTS_DEMO, --demo: load demo data into an empty database
	LogFormat      string   // ATBALSTS_LOG_FORMAT, --log-format: text or json
	DBMaxConns     int      // ATBALSTS_DB_MAX_CONNS, --db-max-conns: the most connections the pool opens to PostgreSQL
	// ATBALSTS_SECURE_COOKIES, --secure-cookies: mark session cookies Secure (set it when users
	// reach the server over https, e.g. through a TLS-terminating proxy)
	SecureCookies bool
	// ATBALSTS_TRUST_PROXY, --trust-proxy: take the caller's address from X-Forwarded-For (set it
	// only behind a reverse proxy that sets that header)
	TrustProxy bool
	// ATBALSTS_DEBUG_ADDR, --debug-addr: a loopback address serving /metrics and /debug/pprof/
	// without authentication; empty serves them only on Addr, to an ADMIN
	DebugAddr string
	// Sign-in through an OpenID Connect identity provider (oidc.go); off without an issuer.
	OIDC OIDCConfig
	// ATBALSTS_ANALYST_MIN_COUNT, --analyst-min-count: the threshold k below which a
	// MINISTRY_ANALYST gets no count and no rows of a list (graph/privacy.go)
	AnalystMinCount int
}

// ParseConfig reads the configuration from the environment and the command-line arguments.
func ParseConfig(args []string, getenv func(string) string, stderr io.Writer) (Config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	var c Config
	var origins, maxConns, minCount string
	fs := flag.NewFlagSet("atbalsts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", env("ATBALSTS_ADDR", "127.0.0.1:8080"), "address to listen on (ATBALSTS_ADDR)")
	// Func flags, so that -help does not print a password from the environment as a default.
	c.DatabaseURL, c.OwnerDatabaseURL = getenv("DATABASE_URL"), getenv("ATBALSTS_OWNER_DATABASE_URL")
	c.ReplicaURL = getenv("ATBALSTS_REPLICA_URL")
	fs.Func("database-url", "PostgreSQL connection string; empty starts an embedded PostgreSQL (DATABASE_URL)",
		func(v string) error { c.DatabaseURL = v; return nil })
	fs.Func("owner-database-url", "PostgreSQL connection string of the role that owns the tables and runs the migrations; default DATABASE_URL (ATBALSTS_OWNER_DATABASE_URL)",
		func(v string) error { c.OwnerDatabaseURL = v; return nil })
	fs.Func("replica-url", "PostgreSQL connection string of a streaming read replica of DATABASE_URL's server, for statistics only; none by default (ATBALSTS_REPLICA_URL)",
		func(v string) error { c.ReplicaURL = v; return nil })
	fs.BoolVar(&c.AllowSuperuser, "allow-superuser", truthy(getenv("ATBALSTS_ALLOW_SUPERUSER")), "let the server connect to PostgreSQL as a superuser (ATBALSTS_ALLOW_SUPERUSER)")
	fs.StringVar(&c.DataDir, "data-dir", env("ATBALSTS_DATA_DIR", "./data"), "directory of the embedded PostgreSQL's data (ATBALSTS_DATA_DIR)")
	fs.StringVar(&origins, "cors-origins", getenv("ATBALSTS_CORS_ORIGINS"), "comma-separated origins allowed to call the API from a browser; none by default (ATBALSTS_CORS_ORIGINS)")
	fs.BoolVar(&c.Demo, "demo", truthy(getenv("ATBALSTS_DEMO")), "load demo data into an empty database (ATBALSTS_DEMO)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", truthy(getenv("ATBALSTS_SECURE_COOKIES")), "mark session cookies Secure: set it when the server is reached over https (ATBALSTS_SECURE_COOKIES)")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", truthy(getenv("ATBALSTS_TRUST_PROXY")), "take the caller's address from X-Forwarded-For set by a reverse proxy (ATBALSTS_TRUST_PROXY)")
	fs.StringVar(&c.DebugAddr, "debug-addr", getenv("ATBALSTS_DEBUG_ADDR"), "loopback address serving /metrics and /debug/pprof/ without authentication; none by default (ATBALSTS_DEBUG_ADDR)")
	fs.StringVar(&minCount, "analyst-min-count", env("ATBALSTS_ANALYST_MIN_COUNT", strconv.Itoa(graph.DefaultAnalystMinCount)),
		"counts below this are not told to analysts, nor the rows of such lists (ATBALSTS_ANALYST_MIN_COUNT)")
	fs.StringVar(&c.LogFormat, "log-format", env("ATBALSTS_LOG_FORMAT", "text"), "log format: text or json (ATBALSTS_LOG_FORMAT)")
	fs.StringVar(&maxConns, "db-max-conns", getenv("ATBALSTS_DB_MAX_CONNS"),
		fmt.Sprintf("most connections to PostgreSQL; default %d, from the CPU count (ATBALSTS_DB_MAX_CONNS)", defaultDBMaxConns(runtime.NumCPU())))
	oidcFlags(fs, &c.OIDC, getenv)
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	for _, o := range strings.Split(origins, ",") {
		o = strings.TrimSpace(o)
		if o == "*" {
			// Every origin would mean any web page could call the API with the user's
			// credentials once there is sign-in: refuse rather than allow silently.
			return c, fmt.Errorf("ATBALSTS_CORS_ORIGINS: list origins explicitly; * is not allowed")
		}
		if o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	if c.OwnerDatabaseURL != "" && c.DatabaseURL == "" {
		return c, fmt.Errorf("ATBALSTS_OWNER_DATABASE_URL is for an existing PostgreSQL: set DATABASE_URL too (the embedded one makes its own roles)")
	}
	if c.ReplicaURL != "" && c.DatabaseURL == "" {
		return c, fmt.Errorf("ATBALSTS_REPLICA_URL is a standby of an existing PostgreSQL: set DATABASE_URL too (the embedded one has no replica)")
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return c, fmt.Errorf("log format must be text or json, not %q", c.LogFormat)
	}
	if c.DebugAddr != "" {
		if err := checkLoopback(c.DebugAddr); err != nil {
			return c, err
		}
	}
	if err := c.OIDC.check(); err != nil {
		return c, err
	}
	if n, err := strconv.Atoi(strings.TrimSpace(minCount)); err == nil && n > 0 {
		c.AnalystMinCount = n
	} else {
		return c, fmt.Errorf("ATBALSTS_ANALYST_MIN_COUNT, --analyst-min-count: the threshold must be a positive integer, not %q", minCount)
	}
	c.DBMaxConns = defaultDBMaxConns(runtime.NumCPU())
	if maxConns != "" {
		n, err := strconv.Atoi(strings.TrimSpace(maxConns))
		if err != nil || n <= 0 {
			return c, fmt.Errorf("ATBALSTS_DB_MAX_CONNS, --db-max-conns: the most database connections must be a positive integer, not %q", maxConns)
		}
		c.DBMaxConns = n
	}
	return c, nil
}

// defaultDBMaxConns is the pool size for a machine of cpus cores: 4 a core, as a request's
// dataloaders run queries in parallel and a connection mostly waits on PostgreSQL's I/O, not
// a core. At least 32, the size tuned on the two-core machines Atbalsts runs on; at most 64,
// well inside PostgreSQL's default max_connections of 100, which psql, backups and a second
// instance during a deploy also need.
func defaultDBMaxConns(cpus int) int {
	return min(max(4*cpus, 32), 64)
}

// truthy reads a boolean environment variable: true, 1 or yes.
func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes":
		return true
	}
	return false
}
