// Package store holds all of Atbalsts's SQL: one file per aggregate, batch queries for the
// dataloaders, and the transactions that enforce the domain rules.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Store reads and writes Atbalsts's data in PostgreSQL.
type Store struct {
	db     *sqlx.DB
	stmts  *stmtCache    // prepared statements by query text, for the pool
	audit  *auditWriter  // group-commits the audit rows of reads
	tokens *tokenToucher // notes token use at most once a minute per token
	// replica is the read replica of statistics (WithReplica, replica.go); nil without one
	replica *replica
}

// New returns a Store over an open database. Close stops its background writers.
func New(db *sqlx.DB) *Store {
	return &Store{db: db, stmts: newStmtCache(stmtCacheSize), audit: newAuditWriter(db), tokens: newTokenToucher(db)}
}

// Close writes what the background writers hold and stops them; the database stays open.
// Call it after the last request has ended.
func (s *Store) Close() {
	s.closeReplica()
	s.audit.close()
	s.tokens.close()
}

// AuditQueueDepth is how many read-audit rows wait to be committed.
func (s *Store) AuditQueueDepth() int { return s.audit.depth() }

// EnsureAuditPartitions creates the audit log's monthly partitions from last month to three
// months ahead, those missing (an insert into a month without one would fail).
func (s *Store) EnsureAuditPartitions(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `SELECT audit_event_ensure_partitions((now() - interval '1 month')::date, (now() + interval '3 months')::date)`)
	return wrap("audit partitions", err)
}

// DB is the underlying database handle.
func (s *Store) DB() *sqlx.DB { return s.db }

// StatementTimeout is the backstop for a statement of the server's pool: PostgreSQL cancels
// it after this long even if nobody cancelled its request (a request has its own, shorter
// deadline, which cancels its SQL first; see graph.RequestTimeout).
const StatementTimeout = 30 * time.Second

// Open connects to the PostgreSQL server of dsn, with at most maxConns connections whose
// statements PostgreSQL cancels after statementTimeout (0: never, for migrations), and checks
// that it answers.
func Open(ctx context.Context, dsn string, maxConns int, statementTimeout time.Duration) (*sqlx.DB, error) {
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if cfg.Runtime == nil {
		cfg.Runtime = map[string]string{}
	}
	cfg.Runtime["statement_timeout"] = fmt.Sprint(statementTimeout.Milliseconds())
	connector, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(connector), "postgres")
	// As many idle as open: database/sql keeps only 2 idle by default, and a request whose
	// loaders run in parallel would dial (fork a PostgreSQL backend) for every other.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	return db, nil
}

// Tx is a transaction that a store method hands to a callback of the caller (which passes it
// back to store functions; the caller writes no SQL).
type Tx = sqlx.Tx
