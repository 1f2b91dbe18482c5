package store

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

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

// sqlList is values as SQL string literals, "'A', 'B'", for the domain's fixed lists that a
// statement spells out (an order, a set of statuses) so that the list has one source.
func sqlList[T ~string](values []T) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = pq.QuoteLiteral(string(v))
	}
	return strings.Join(quoted, ", ")
}

// The revision statuses of domain.RevisionInForce and domain.RevisionOpen as SQL, for
// "status IN (...)" and orders that put the revision in force first.
var (
	revisionInForceSQL = "(" + sqlList(domain.RevisionInForce) + ")"
	revisionOpenSQL    = "(" + sqlList(domain.RevisionOpen) + ")"
)

// escapeLike makes user text match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// stmtCacheSize bounds the prepared statements kept per Store. The store's queries are
// constant strings combined from a fixed set of filter conditions, a few hundred at most;
// the bound only keeps a bug or an unforeseen combination from growing the cache (and
// PostgreSQL's prepared statements on every connection) without end.
const stmtCacheSize = 256

// stmtCache keeps prepared statements by query text, evicting the least recently used
// beyond its capacity. An evicted statement is closed once no caller is running it, so that
// a statement handed out is never closed under its user.
type stmtCache struct {
	mu      sync.Mutex
	size    int                      // the capacity
	order   *list.List               // of *cachedStmt, most recently used first
	entries map[string]*list.Element // query text -> its element in order
}

// cachedStmt is a prepared statement with the count of callers running it.
type cachedStmt struct {
	query   string
	stmt    *sqlx.Stmt
	users   int  // callers between acquire and release
	evicted bool // out of the cache: the last user closes it
}

func newStmtCache(size int) *stmtCache {
	return &stmtCache{size: size, order: list.New(), entries: map[string]*list.Element{}}
}

// acquire returns the cached statement of query, marked as in use, or nil.
func (c *stmtCache) acquire(query string) *cachedStmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[query]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	cs := e.Value.(*cachedStmt)
	cs.users++
	return cs
}

// add caches a statement just prepared for query, marked as in use, and evicts beyond the
// capacity. When another caller cached the query meanwhile, that statement is returned and
// st is closed (no one else has it).
func (c *stmtCache) add(query string, st *sqlx.Stmt) *cachedStmt {
	c.mu.Lock()
	if e, ok := c.entries[query]; ok {
		c.order.MoveToFront(e)
		cs := e.Value.(*cachedStmt)
		cs.users++
		c.mu.Unlock()
		st.Close()
		return cs
	}
	cs := &cachedStmt{query: query, stmt: st, users: 1}
	c.entries[query] = c.order.PushFront(cs)
	var closing []*sqlx.Stmt
	for c.order.Len() > c.size {
		old := c.order.Remove(c.order.Back()).(*cachedStmt)
		delete(c.entries, old.query)
		old.evicted = true
		if old.users == 0 {
			closing = append(closing, old.stmt)
		}
	}
	c.mu.Unlock()
	for _, st := range closing {
		st.Close()
	}
	return cs
}

// release ends a use of cs; the last user of an evicted statement closes it.
func (c *stmtCache) release(cs *cachedStmt) {
	c.mu.Lock()
	cs.users--
	done := cs.evicted && cs.users == 0
	c.mu.Unlock()
	if done {
		cs.stmt.Close()
	}
}

// len is how many statements the cache holds.
func (c *stmtCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// prepared runs fn with the query prepared once for the pool: a prepared query skips
// PostgreSQL's parse and plan on every call. The statement is valid only inside fn.
func (s *Store) prepared(ctx context.Context, query string, fn func(*sqlx.Stmt) error) error {
	cs := s.stmts.acquire(query)
	if cs == nil {
		st, err := s.db.PreparexContext(ctx, query)
		if err != nil {
			return err
		}
		cs = s.stmts.add(query, st)
	}
	defer s.stmts.release(cs)
	return fn(cs.stmt)
}

// selectAll runs a prepared query and scans every row into dest, a pointer to a slice.
func (s *Store) selectAll(ctx context.Context, dest any, query string, args ...any) error {
	return s.prepared(ctx, query, func(st *sqlx.Stmt) error { return st.SelectContext(ctx, dest, args...) })
}

// getOne runs a prepared query and scans its one row into dest.
func (s *Store) getOne(ctx context.Context, dest any, query string, args ...any) error {
	return s.prepared(ctx, query, func(st *sqlx.Stmt) error { return st.GetContext(ctx, dest, args...) })
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

// modelRow is a row that holds JSON columns besides its domain value: toModel decodes them.
type modelRow[M any] interface {
	rowID() int
	toModel() (M, error)
}

// toModels turns rows into their domain values; a row that does not decode is a fault of ours,
// named by its id.
func toModels[M any, R any, P interface {
	*R
	modelRow[M]
}](rows []R) ([]M, error) {
	out := make([]M, len(rows))
	for i := range rows {
		m, err := P(&rows[i]).toModel()
		if err != nil {
			return nil, fmt.Errorf("store: %T %d: %w", m, P(&rows[i]).rowID(), err)
		}
		out[i] = m
	}
	return out, nil
}
