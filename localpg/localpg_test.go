package localpg_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"syscall"
	"testing"

	_ "github.com/lib/pq"

	"atbalsts/localpg"
)

// TestCluster_StartStopRestart starts a cluster in a fresh directory, writes to it, stops it,
// starts it again on the same directory and finds the data, and checks that no postmaster is
// left after each stop.
func TestCluster_StartStopRestart(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "postgres")

	c, err := localpg.Start(ctx, localpg.Options{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CreateDatabase(ctx, "keep"); err != nil {
		t.Fatal(err)
	}
	exec(t, c.DSN("keep"), `CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)`)
	pid := c.PID()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if syscall.Kill(pid, 0) == nil {
		t.Fatalf("postmaster %d still running after Stop", pid)
	}

	c, err = localpg.Start(ctx, localpg.Options{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	db, err := sql.Open("postgres", c.DSN("keep"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`SELECT v FROM kept`).Scan(&v); err != nil || v != 42 {
		t.Fatalf("after restart: v=%d err=%v, want 42", v, err)
	}
}

func TestWithDatabase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://u:p@h:5432/a?sslmode=disable", "postgres://u:p@h:5432/b?sslmode=disable"},
		{"postgres://h/a", "postgres://h/b"},
		{"postgresql://h", "postgresql://h/b"},
		{"host=/tmp dbname=a sslmode=disable", "host=/tmp dbname=a sslmode=disable dbname=b"},
	} {
		if got := localpg.WithDatabase(tc.in, "b"); got != tc.want {
			t.Errorf("WithDatabase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func exec(t *testing.T, dsn, stmt string) {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}
