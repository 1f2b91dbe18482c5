package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// This file holds the store's generic SQL helpers: building WHERE clauses, prepared
// statements, batch results in key order, transactions and PostgreSQL's error codes.

// conds is a WHERE clause under construction: conditions joined by AND, and the arguments
// of their placeholders in order.
type conds struct {
	where []string // the conditions, placeholders numbered
	args  []any    // every placeholder's argument, $1 first
}

// add appends a condition with its arguments. cond is a fmt format whose %d verbs receive
// the placeholder numbers of args in order ("a.x = $%d", or "$%[1]d" to repeat one), so that
// no condition counts placeholders itself; a literal % is written %%.
func (c *conds) add(cond string, args ...any) {
	c.where = append(c.where, bind(&c.args, cond, args...))
}

// param appends an argument used outside the conditions (a LIMIT) and returns its placeholder.
func (c *conds) param(v any) string { return bind(&c.args, "$%d", v) }

// sql is " WHERE cond AND ...", or nothing without conditions.
func (c *conds) sql() string { return and(c.where) }

// bind appends args to *all and returns cond with its %d verbs replaced by the placeholder
// numbers they got: the one place that numbers $n. The scope conditions (caseScopeSQL and
// the like) use it directly, as they also serve queries that number their own first arguments.
func bind(all *[]any, cond string, args ...any) string {
	numbers := make([]any, len(args))
	for i := range args {
		numbers[i] = len(*all) + i + 1
	}
	*all = append(*all, args...)
	return fmt.Sprintf(cond, numbers...)
}

// and joins conditions into a WHERE clause, empty without conditions.
func and(where []string) string {
	if len(where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(where, " AND ")
}

// escapeLike makes user text match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

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

// wrap says which store operation failed.
func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// fill is the same error for every key of a batch read that failed as a whole.
func fill(n int, err error) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// notFound is the error of a batch read for an id it did not find.
func notFound(what string) func(int) error {
	return func(id int) error { return domain.Errorf(domain.ENOTFOUND, "no %s with id %d", what, id) }
}

// isUniqueViolation tells whether err is PostgreSQL's unique_violation.
func isUniqueViolation(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "23505"
}

// isForeignKeyViolation tells whether err is PostgreSQL's foreign_key_violation.
func isForeignKeyViolation(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "23503"
}
