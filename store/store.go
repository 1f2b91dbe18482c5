// Package store holds all of Atbalsts's SQL: one file per aggregate, batch queries for the
// dataloaders, and the transactions that enforce the domain rules.
package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver
)

// Store reads and writes Atbalsts's data in PostgreSQL.
type Store struct {
	db *sqlx.DB
}

// New returns a Store over an open database.
func New(db *sqlx.DB) *Store { return &Store{db: db} }

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
