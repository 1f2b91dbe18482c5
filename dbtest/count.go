package dbtest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Counter counts the SQL statements sent through a database handle from OpenCounting: the
// way to prove that a nested GraphQL query costs one statement per level, not per row.
type Counter struct {
	n     atomic.Int64
	mu    sync.Mutex
	texts []string // the statements counted, to tell which level split when a test fails
}

// Count is the number of statements so far.
func (c *Counter) Count() int64 { return c.n.Load() }

// Reset sets the count to zero.
func (c *Counter) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n.Store(0)
	c.texts = nil
}

// Statements lists the beginnings of the statements counted since the last Reset.
func (c *Counter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.texts)
}

func (c *Counter) add(q string) {
	c.n.Add(1)
	q = strings.Join(strings.Fields(q), " ")
	c.mu.Lock()
	c.texts = append(c.texts, q[:min(len(q), 120)])
	c.mu.Unlock()
}

// OpenCounting is Open with every statement counted.
func OpenCounting(t testing.TB) (*sqlx.DB, *Counter) {
	t.Helper()
	connector, err := pq.NewConnector(New(t))
	if err != nil {
		t.Fatal(err)
	}
	c := &Counter{}
	db := sqlx.NewDb(sql.OpenDB(countingConnector{connector, c}), "postgres")
	t.Cleanup(func() { db.Close() })
	return db, c
}

type countingConnector struct {
	driver.Connector
	c *Counter
}

func (cc countingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := cc.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &countingConn{conn.(pqConn), cc.c}, nil
}

// pqConn is what lib/pq's connection offers and the wrapper passes on.
type pqConn interface {
	driver.Conn
	driver.QueryerContext
	driver.ExecerContext
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.Pinger
}

type countingConn struct {
	pqConn
	c *Counter
}

func (cc *countingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	cc.c.add(q)
	return cc.pqConn.QueryContext(ctx, q, args)
}

func (cc *countingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	cc.c.add(q)
	return cc.pqConn.ExecContext(ctx, q, args)
}

func (cc *countingConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	st, err := cc.pqConn.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return &countingStmt{st.(pqStmt), cc.c, q}, nil
}

// pqStmt is what lib/pq's prepared statement offers and the wrapper passes on.
type pqStmt interface {
	driver.Stmt
	driver.StmtQueryContext
	driver.StmtExecContext
}

// countingStmt counts executions of a prepared statement (preparing it is not a statement
// the test cares about: it happens once per connection).
type countingStmt struct {
	pqStmt
	c *Counter
	q string
}

func (cs *countingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	cs.c.add(cs.q)
	return cs.pqStmt.QueryContext(ctx, args)
}

func (cs *countingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	cs.c.add(cs.q)
	return cs.pqStmt.ExecContext(ctx, args)
}
