package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"

	"atbalsts/dbtest"
)

// TestStmtCache_Bounded runs more distinct queries than the cache holds, from several
// goroutines at once: every answer is right (no statement is closed under its user) and
// the cache ends at its capacity.
func TestStmtCache_Bounded(t *testing.T) {
	t.Parallel()
	s := New(dbtest.Open(t))
	ctx := context.Background()
	const distinct = 2 * stmtCacheSize
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range distinct {
				q := (i + w*37) % distinct // each worker in its own order, so that uses overlap evictions
				var got int
				if err := s.getOne(ctx, &got, fmt.Sprintf("SELECT $1::int + %d", q), w); err != nil {
					errs <- fmt.Errorf("query %d: %w", q, err)
					return
				}
				if got != w+q {
					errs <- fmt.Errorf("query %d of worker %d answered %d, want %d", q, w, got, w+q)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := s.stmts.len(); n != stmtCacheSize {
		t.Errorf("cache holds %d statements after %d distinct queries, want %d", n, distinct, stmtCacheSize)
	}
}

// TestStmtCache_EvictedInUse: a statement evicted while a caller runs it stays open for
// that caller and is closed when the caller is done.
func TestStmtCache_EvictedInUse(t *testing.T) {
	t.Parallel()
	s := New(dbtest.Open(t))
	s.stmts = newStmtCache(2)
	ctx := context.Background()
	var held *sqlx.Stmt
	err := s.prepared(ctx, "SELECT 1", func(st *sqlx.Stmt) error {
		held = st
		for i := 2; i <= 4; i++ { // evicts "SELECT 1"
			var n int
			if err := s.getOne(ctx, &n, fmt.Sprintf("SELECT %d", i)); err != nil {
				return err
			}
		}
		if cs := s.stmts.acquire("SELECT 1"); cs != nil {
			s.stmts.release(cs)
			return fmt.Errorf(`"SELECT 1" is still cached after 3 other queries in a cache of 2`)
		}
		var n int
		if err := st.GetContext(ctx, &n); err != nil || n != 1 {
			return fmt.Errorf("the evicted statement in use answered %d, %v", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := held.GetContext(ctx, &n); err == nil {
		t.Error("the evicted statement still answers after its user released it: it was not closed")
	}
	if n := s.stmts.len(); n != 2 {
		t.Errorf("cache holds %d statements, want 2", n)
	}
}
