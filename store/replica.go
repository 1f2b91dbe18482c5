package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// An optional read replica for statistics.
//
// A deployment may run a streaming-replication standby of the primary (ATBALSTS_REPLICA_URL).
// Statistics then read from it, through StatisticsDB, and say as of when the figures are,
// through ReplicaAsOf. Nothing else reads from the replica: every other read must see the
// writes just made, which a standby shows only once it has replayed them.
//
// Whether the replica serves is decided by a background check every ReplicaCheckInterval (a
// query on the replica), not per request: StatisticsDB costs an atomic load. While the last
// check failed, statistics read from the primary, and StatisticsDB says so in the log at most
// once a minute. A replica that dies between two checks fails the statistics requests until
// the next one, except that ReplicaAsOf notices it at once and switches to the primary.

// ReplicaMaxConns is the size of the replica's pool: statistics are few and heavy.
const ReplicaMaxConns = 4

// ReplicaCheckInterval is how often the replica is checked.
const ReplicaCheckInterval = 10 * time.Second

// replicaCheckTimeout bounds one check: a replica that takes longer is as good as down.
const replicaCheckTimeout = 3 * time.Second

// replicaWarnEvery bounds the warnings that statistics read from the primary.
const replicaWarnEvery = time.Minute

// ReplicaState is what the last check of the replica found.
type ReplicaState struct {
	// Up: the replica answered and is a standby in recovery; statistics read from it.
	Up bool
	// Lag is how far the replica's data trails the primary's: 0 while its WAL receiver runs
	// and it has replayed all it received, else the time since the commit it replayed last
	// (which, after the primary's last write, overstates the lag of an idle pair). Meaningful
	// when LagKnown.
	Lag      time.Duration
	LagKnown bool
	// Checked is when the check ran; zero before the first.
	Checked time.Time
	// Err is why the replica is not up.
	Err error
}

// replica is the store's read replica and its health.
type replica struct {
	db       *sqlx.DB
	state    atomic.Pointer[ReplicaState]
	lastWarn atomic.Int64 // unix nanoseconds of the last fallback warning
	checkMu  sync.Mutex   // one check at a time, so that transitions are logged once
	log      *slog.Logger
	stop     chan struct{}
	done     chan struct{}
}

// OpenReplica makes the pool of a read replica: at most ReplicaMaxConns connections, each
// read-only (default_transaction_read_only, so that even a DSN naming a primary writes
// nothing) with the pool's StatementTimeout. It does not connect: a replica that is down at
// start-up must not stop the server, and WithReplica's checks find out when it answers.
func OpenReplica(dsn string) (*sqlx.DB, error) {
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: replica: %w", err)
	}
	if cfg.Runtime == nil {
		cfg.Runtime = map[string]string{}
	}
	cfg.Runtime["statement_timeout"] = fmt.Sprint(StatementTimeout.Milliseconds())
	cfg.Runtime["default_transaction_read_only"] = "on"
	connector, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("store: replica: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(connector), "postgres")
	db.SetMaxOpenConns(ReplicaMaxConns)
	db.SetMaxIdleConns(ReplicaMaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}

// WithReplica makes db (from OpenReplica) the store's read replica for statistics and starts
// checking it: at once, then every ReplicaCheckInterval, until Close. Until the first check
// has passed, statistics read from the primary. The replica's changes of state, and reads
// that fall back to the primary, are logged to log (nil: slog.Default()). Call it once,
// before the store serves; the caller closes db after Close.
func (s *Store) WithReplica(db *sqlx.DB, log *slog.Logger) {
	if log == nil {
		log = slog.Default()
	}
	r := &replica{db: db, log: log, stop: make(chan struct{}), done: make(chan struct{})}
	r.state.Store(&ReplicaState{Err: errors.New("not checked yet")})
	s.replica = r
	go s.watchReplica(ReplicaCheckInterval)
}

func (s *Store) watchReplica(every time.Duration) {
	r := s.replica
	defer close(r.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-r.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		s.CheckReplica(ctx)
		cancel()
		select {
		case <-r.stop:
			return
		case <-t.C:
		}
	}
}

// closeReplica stops the checks.
func (s *Store) closeReplica() {
	if r := s.replica; r != nil {
		close(r.stop)
		<-r.done
	}
}

// StatisticsDB is the handle statistics read from: the replica, while it is configured and
// its last check passed (replica is then true), else the primary. Only reads may go through
// it: on the replica every transaction is read-only. The figures' time is ReplicaAsOf's
// answer; for one that belongs to this very handle whatever the checks find meanwhile, call
// AsOf on it (or in the same read-only transaction as the figures).
func (s *Store) StatisticsDB() (db *sqlx.DB, replica bool) {
	r := s.replica
	if r == nil {
		return s.db, false
	}
	st := r.state.Load()
	if st.Up {
		return r.db, true
	}
	if !st.Checked.IsZero() {
		r.warnFallback(st)
	}
	return s.db, false
}

// warnFallback logs that statistics read from the primary, at most once per replicaWarnEvery.
func (r *replica) warnFallback(st *ReplicaState) {
	now := time.Now().UnixNano()
	last := r.lastWarn.Load()
	if now-last < int64(replicaWarnEvery) || !r.lastWarn.CompareAndSwap(last, now) {
		return
	}
	r.log.Warn("statistics read from the primary: the read replica is down", "err", st.Err, "since_check", time.Since(st.Checked).Round(time.Second).String())
}

// ReplicaAsOf is the time the statistics of StatisticsDB are as of (AsOf on its handle).
// On the replica it is pg_last_xact_replay_timestamp(), the commit time (the primary's clock)
// of the last transaction the replica has replayed: its data holds every transaction
// committed until then. While the replica has replayed no transaction since it started, that
// is NULL and the replica's now() stands instead, which overstates how recent its data is by
// as much as the primary has been idle meanwhile (on an idle pair nothing newer exists, so the
// figures are right either way). On the primary it is now(), the start of the (or this
// statement's) transaction.
//
// Call it before the statistics queries: a replica only moves forward, so the time then is a
// lower bound of what they read. When the replica fails to answer here, it is marked down
// at once (statistics then read from the primary until a check passes) and the primary's
// time is returned.
func (s *Store) ReplicaAsOf(ctx context.Context) (time.Time, error) {
	db, replica := s.StatisticsDB()
	t, err := AsOf(ctx, db)
	if err != nil && replica && ctx.Err() == nil {
		s.replica.markDown(fmt.Errorf("as-of query: %w", err))
		return AsOf(ctx, s.db)
	}
	return t, err
}

// asOfQuery answers on a primary and on a standby alike (see ReplicaAsOf).
const asOfQuery = `SELECT CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_xact_replay_timestamp(), now()) ELSE now() END`

// AsOf is the time the data seen through q is as of, q being the replica, the primary or a
// transaction on either: see ReplicaAsOf.
func AsOf(ctx context.Context, q sqlx.QueryerContext) (time.Time, error) {
	var t time.Time
	err := q.QueryRowxContext(ctx, asOfQuery).Scan(&t)
	return t, wrap("as of", err)
}

// ReplicaState is what the last check of the replica found; configured is false without
// one (WithReplica).
func (s *Store) ReplicaState() (st ReplicaState, configured bool) {
	if s.replica == nil {
		return ReplicaState{}, false
	}
	return *s.replica.state.Load(), true
}

// CheckReplica checks the replica now, records and returns what it found, and logs when it
// goes up or down. The background checks call it; so may a caller that cannot wait for the
// next one.
func (s *Store) CheckReplica(ctx context.Context) ReplicaState {
	r := s.replica
	if r == nil {
		return ReplicaState{Err: errors.New("no read replica configured")}
	}
	r.checkMu.Lock()
	defer r.checkMu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, replicaCheckTimeout)
	defer cancel()
	st := ReplicaState{Checked: time.Now()}
	var (
		inRecovery, caughtUp bool
		sinceReplay          sql.NullFloat64
	)
	// caughtUp: a WAL receiver runs (its row is visible to any role; its details are not)
	// and everything received is replayed. Otherwise the lag is the age of the last
	// replayed commit.
	err := r.db.QueryRowxContext(ctx, `SELECT pg_is_in_recovery(),
		coalesce(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false) AND EXISTS (SELECT FROM pg_stat_wal_receiver),
		extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8`).Scan(&inRecovery, &caughtUp, &sinceReplay)
	switch {
	case err != nil:
		st.Err = err
	case !inRecovery:
		st.Err = errors.New("the server of ATBALSTS_REPLICA_URL is not a standby in recovery (promoted, or a primary): its data may no longer follow the primary's")
	default:
		st.Up = true
		switch {
		case caughtUp:
			st.LagKnown = true
		case sinceReplay.Valid:
			st.Lag, st.LagKnown = max(time.Duration(sinceReplay.Float64*float64(time.Second)), 0), true
		}
	}
	r.record(&st)
	return st
}

// markDown records a failure found outside a check; the next check decides again.
func (r *replica) markDown(err error) {
	r.checkMu.Lock()
	defer r.checkMu.Unlock()
	r.record(&ReplicaState{Checked: time.Now(), Err: err})
}

// record stores st, logging a change of Up (and the first check's finding). Under checkMu.
func (r *replica) record(st *ReplicaState) {
	prev := r.state.Swap(st)
	first := prev.Checked.IsZero()
	switch {
	case st.Up && (first || !prev.Up):
		args := []any{}
		if st.LagKnown {
			args = append(args, "lag", st.Lag.String())
		}
		r.log.Info("read replica up: statistics read from it", args...)
	case !st.Up && (first || prev.Up):
		r.log.Warn("read replica down: statistics read from the primary", "err", st.Err)
	}
}
