// Package store holds all of Atbalsts's SQL: one file per aggregate, batch queries for the
// dataloaders, and the transactions that enforce the domain rules.
package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Store reads and writes Atbalsts's data in PostgreSQL.
type Store struct {
	db    *sqlx.DB
	stmts sync.Map // query text -> *sqlx.Stmt, prepared once per pool
}

// New returns a Store over an open database.
func New(db *sqlx.DB) *Store { return &Store{db: db} }

// prepared returns the query prepared once for the pool. Queries come from constant strings
// in this package (filters combine a fixed set of conditions), so the cache stays small; a
// prepared query skips PostgreSQL's parse and plan on every call.
func (s *Store) prepared(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if st, ok := s.stmts.Load(query); ok {
		return st.(*sqlx.Stmt), nil
	}
	st, err := s.db.PreparexContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sqlx.Stmt), nil
	}
	return st, nil
}

// selectAll runs a prepared query and scans every row into dest, a pointer to a slice.
func (s *Store) selectAll(ctx context.Context, dest any, query string, args ...any) error {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return err
	}
	return st.SelectContext(ctx, dest, args...)
}

// getOne runs a prepared query and scans its one row into dest.
func (s *Store) getOne(ctx context.Context, dest any, query string, args ...any) error {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return err
	}
	return st.GetContext(ctx, dest, args...)
}

// DB is the underlying database handle.
func (s *Store) DB() *sqlx.DB { return s.db }

// Open connects to the PostgreSQL server of dsn and checks that it answers.
func Open(ctx context.Context, dsn string) (*sqlx.DB, error) {
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// Two cores: a few dozen connections keep PostgreSQL busy without thrashing it.
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	return db, nil
}

// byKey returns the items for keys in key order, as dataloaders need them: a missing item is
// nil with an error of its own.
func byKey[K comparable, V any](keys []K, items []V, key func(*V) K, missing func(K) error) ([]*V, []error) {
	index := make(map[K]*V, len(items))
	for i := range items {
		index[key(&items[i])] = &items[i]
	}
	out := make([]*V, len(keys))
	errs := make([]error, len(keys))
	for i, k := range keys {
		if v, ok := index[k]; ok {
			out[i] = v
		} else {
			errs[i] = missing(k)
		}
	}
	return out, errs
}

// groupByKey returns, for each key in order, the items whose key it is (nil when none).
func groupByKey[K comparable, V any](keys []K, items []V, key func(*V) K) [][]*V {
	groups := make(map[K][]*V, len(keys))
	for i := range items {
		k := key(&items[i])
		groups[k] = append(groups[k], &items[i])
	}
	out := make([][]*V, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}

// one is the single answer of a batch read of one key.
func one[V any](items []*V, errs []error) (*V, error) {
	if errs != nil && errs[0] != nil {
		return nil, errs[0]
	}
	return items[0], nil
}

// page cuts a list read with limit+1 rows to limit and tells whether more follow.
func page[T any](rows []T, limit int) ([]T, bool, error) {
	if len(rows) > limit {
		return rows[:limit], true, nil
	}
	return rows, false, nil
}

// inTx runs fn in a transaction, committed when fn returns nil and rolled back otherwise.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// isUniqueViolation tells whether err is PostgreSQL's unique_violation.
func isUniqueViolation(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "23505"
}

// Tx is a transaction that a store method hands to a callback of the caller (which passes it
// back to store functions; the caller writes no SQL).
type Tx = sqlx.Tx
