package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/store"
)

// TestStatementsStop: a statement of a request whose context ends is cancelled in PostgreSQL
// (not left running after the client has gone), and the pool's statement timeout stops a
// statement that nobody cancels.
func TestStatementsStop(t *testing.T) {
	t.Parallel()
	db, err := store.Open(context.Background(), dbtest.New(t), 4, 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	_, err = db.Exec(`SELECT pg_sleep(5)`)
	var pqErr *pq.Error
	if !errors.As(err, &pqErr) || pqErr.Code != "57014" {
		t.Errorf("a 5 s statement under a 300 ms statement timeout: %v, want query_canceled", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := db.ExecContext(ctx, `SELECT pg_sleep(0.25), pg_sleep(0.25), 'the cancelled one'`)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	// lib/pq answers with context.Canceled, or with PostgreSQL's own answer to its cancel
	// request when that arrives first.
	if err := <-done; !errors.Is(err, context.Canceled) && !(errors.As(err, &pqErr) && pqErr.Code == "57014") {
		t.Errorf("cancelled statement: %v, want it cancelled", err)
	}
	// The server is told, not just the client: the statement is gone from pg_stat_activity.
	gone := false
	for range 50 {
		var n int
		db.Get(&n, `SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%the cancelled one%' AND state = 'active' AND pid <> pg_backend_pid()`)
		if gone = n == 0; gone {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !gone {
		t.Errorf("the cancelled statement still runs in PostgreSQL")
	}
}
