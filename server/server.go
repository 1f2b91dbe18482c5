package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/jmoiron/sqlx"

	"atbalsts/demo"
	"atbalsts/frontend"
	"atbalsts/localpg"
	"atbalsts/metrics"
	"atbalsts/store"
)

// embeddedDatabase is the database the program creates in its embedded PostgreSQL.
const embeddedDatabase = "atbalsts"

// shutdownGrace is how long in-flight requests may take to finish once a stop is asked for.
const shutdownGrace = 20 * time.Second

// Run starts everything the configuration asks for, serves until ctx is done, and then stops
// in order: in-flight requests finish, the database pool closes, the embedded PostgreSQL
// stops. A failed start-up stops whatever it had started.
func Run(ctx context.Context, cfg Config, log *slog.Logger) error {
	// Before anything starts: a Config made in code has not been through ParseConfig.
	if cfg.DebugAddr != "" {
		if err := checkLoopback(cfg.DebugAddr); err != nil {
			return err
		}
	}
	dsn, ownerDSN := cfg.DatabaseURL, cfg.OwnerDatabaseURL
	var cluster *localpg.Cluster // the embedded PostgreSQL, when the program runs its own
	if dsn == "" {
		dataDir, err := filepath.Abs(cfg.DataDir)
		if err != nil {
			return err
		}
		cluster, err = localpg.Start(ctx, localpg.Options{
			Dir:     filepath.Join(dataDir, "postgres"),
			LogFile: filepath.Join(dataDir, "postgres.log"),
			Logger:  log,
		})
		if err != nil {
			return err
		}
		defer cluster.Stop()
		// The cluster restarts a postmaster that dies; when it gives up, the program stops
		// serving and exits non-zero, for its own supervisor to start both again.
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		go func() {
			select {
			case <-cluster.Failed():
				cancel()
			case <-ctx.Done():
			}
		}()
		if ownerDSN, dsn, err = prepareEmbedded(ctx, cluster); err != nil {
			return err
		}
	} else {
		log.Info("using the PostgreSQL server of DATABASE_URL")
	}
	if ownerDSN == "" {
		ownerDSN = dsn
	}
	if err := migrate(ctx, ownerDSN, dsn, cfg.AllowSuperuser, log); err != nil {
		return err
	}
	db, err := store.Open(ctx, dsn, cfg.DBMaxConns, store.StatementTimeout)
	if err != nil {
		return err
	}
	defer db.Close()
	var replica *sqlx.DB // statistics' read replica; closed after s.Close stops its checks
	if cfg.ReplicaURL != "" {
		if replica, err = store.OpenReplica(cfg.ReplicaURL); err != nil {
			return err
		}
		defer replica.Close()
	}
	s := store.New(db)
	defer s.Close() // after the last request (Serve returns then), before db.Close
	if err := s.EnsureAuditPartitions(ctx); err != nil {
		return err
	}
	if replica != nil {
		// Checked in the background: a replica that is down does not stop the start (nor
		// make /readyz fail); statistics read from the primary until it answers.
		log.Info("statistics read from the replica of ATBALSTS_REPLICA_URL while it answers")
		s.WithReplica(replica, log)
	}
	if cfg.Demo {
		if err := demo.Load(ctx, s, log); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}

	go sweepSessions(ctx, s, 5*time.Minute)
	go ensureAuditPartitions(ctx, s, 12*time.Hour)
	// The statistics cube's appended changes are folded in often, so that a reader adds few.
	go every(ctx, 5*time.Second, "statistics cube", func(ctx context.Context) error { _, err := s.CompactStatistics(ctx); return err })

	m := metrics.New(metrics.Options{DB: db.DB, AuditQueueDepth: s.AuditQueueDepth, Replica: replicaMetrics(s)})
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	var debugLn net.Listener
	if cfg.DebugAddr != "" {
		if debugLn, err = listenLoopback(cfg.DebugAddr); err != nil {
			ln.Close()
			return err
		}
		log.Info("metrics and profiles without authentication", "url", "http://"+debugLn.Addr().String()+"/metrics")
	}
	go CheckOIDC(ctx, log, cfg.OIDC) // logs whether the provider answers; never delays serving
	log.Info("Atbalsts is ready", "url", "http://"+ln.Addr().String()+"/")
	opts := Options{CORSOrigins: cfg.CORSOrigins, SecureCookies: cfg.SecureCookies, TrustProxy: cfg.TrustProxy, Metrics: m, OIDC: cfg.OIDC, AnalystMinCount: cfg.AnalystMinCount}
	if cluster != nil {
		opts.DatabaseUp = cluster.Up
	}
	h := Handler(log, s, frontend.Dist(), opts)
	if debugLn == nil {
		err = Serve(ctx, ln, h, log)
	} else {
		err = serveBoth(ctx, log, ln, h, debugLn, debugHandler(m, true))
	}
	if err == nil && cluster != nil {
		err = cluster.Err() // the database could not be restarted
	}
	return err
}

// replicaMetrics reads the store's read replica state for the metrics; nil without a replica.
func replicaMetrics(s *store.Store) func() (up bool, lagSeconds float64) {
	if _, ok := s.ReplicaState(); !ok {
		return nil
	}
	return func() (bool, float64) {
		st, _ := s.ReplicaState()
		if !st.Up || !st.LagKnown {
			return st.Up, math.NaN()
		}
		return true, st.Lag.Seconds()
	}
}

// serveBoth serves the main and the debug listener until ctx is done, or until either stops
// on its own (an error), which stops the other too.
func serveBoth(ctx context.Context, log *slog.Logger, ln net.Listener, h http.Handler, debugLn net.Listener, debug http.Handler) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)
	go func() { errc <- Serve(ctx, ln, h, log) }()
	go func() { errc <- Serve(ctx, debugLn, debug, log.With("listener", "debug")) }()
	err := <-errc
	cancel()
	if err2 := <-errc; err == nil {
		err = err2
	}
	return err
}

// Serve serves h on ln until ctx is done, then lets in-flight requests finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping: finishing in-flight requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
