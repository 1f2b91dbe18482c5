package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/localpg"
	"atbalsts/migrations"
	"atbalsts/store"
)

// TestReplica_Standby runs a real primary and a streaming-replication standby of it (two
// private clusters, the standby made by pg_basebackup -R), gives the standby to a store as
// its read replica, connected as the application role (the standby has the primary's roles):
// statistics read from it, a row written on the primary appears there and ReplicaAsOf moves
// to its commit; once the standby stops, statistics read from the primary again.
// Not parallel: it runs two clusters of its own.
func TestReplica_Standby(t *testing.T) {
	bin, err := localpg.FindBinaries()
	if errors.Is(err, localpg.ErrNoBinaries) {
		t.Skip(err)
	}
	if _, err := os.Stat(filepath.Join(bin, "pg_basebackup")); err != nil {
		t.Skipf("no pg_basebackup beside postgres in %s: %v", bin, err)
	}
	ctx := context.Background()
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))

	primary, err := localpg.Start(ctx, localpg.Options{Dir: filepath.Join(dir, "primary"), Ephemeral: true, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Stop()
	if err := primary.CreateDatabase(ctx, "atbalsts"); err != nil {
		t.Fatal(err)
	}
	super := openDB(t, primary.DSN("atbalsts"))
	if err := migrations.CreateRoles(ctx, super); err != nil {
		t.Fatal(err)
	}
	mustExec(t, super, `CREATE ROLE replicator LOGIN REPLICATION`,
		`CREATE TABLE figures (id int PRIMARY KEY, at timestamptz NOT NULL)`,
		`GRANT SELECT ON figures TO `+pq.QuoteIdentifier(migrations.AppRole))

	if err := primary.BaseBackup(ctx, filepath.Join(dir, "standby"), "replicator"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "standby", "standby.signal")); err != nil {
		t.Fatalf("pg_basebackup -R wrote no standby.signal: %v", err)
	}
	standby, err := localpg.Start(ctx, localpg.Options{Dir: filepath.Join(dir, "standby"), Ephemeral: true, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer standby.Stop()
	if standby.DSN("atbalsts") == primary.DSN("atbalsts") {
		t.Fatal("the standby listens on the primary's socket")
	}

	pdb, err := store.Open(ctx, primary.DSNAs(migrations.AppRole, "atbalsts"), 4, store.StatementTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer pdb.Close()
	rdb, err := store.OpenReplica(standby.DSNAs(migrations.AppRole, "atbalsts"))
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	var logs syncBuffer
	s := store.New(pdb)
	defer s.Close()
	s.WithReplica(rdb, slog.New(slog.NewTextHandler(&logs, nil)))

	// The background check's first round finds the standby.
	deadline := time.Now().Add(15 * time.Second)
	for st, _ := s.ReplicaState(); !st.Up; st, _ = s.ReplicaState() {
		if time.Now().After(deadline) {
			t.Fatalf("the replica is not up after 15 s: %+v", st)
		}
		time.Sleep(20 * time.Millisecond)
	}
	db, replica := s.StatisticsDB()
	if !replica || db != rdb {
		t.Fatalf("StatisticsDB with the standby up: replica=%v", replica)
	}
	var readOnly string
	if err := db.Get(&readOnly, `SHOW default_transaction_read_only`); err != nil || readOnly != "on" {
		t.Errorf("the replica's connections: default_transaction_read_only=%q, %v", readOnly, err)
	}
	var inRecovery bool
	if err := db.Get(&inRecovery, `SELECT pg_is_in_recovery()`); err != nil || !inRecovery {
		t.Fatalf("StatisticsDB is not the standby: in recovery %v, %v", inRecovery, err)
	}

	// Nothing replayed since the standby started: its now() stands in.
	var replayed sql.NullTime
	if err := db.Get(&replayed, `SELECT pg_last_xact_replay_timestamp()`); err != nil {
		t.Fatal(err)
	}
	before, err := s.ReplicaAsOf(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("before the write: replay timestamp %v (NULL: nothing replayed yet), ReplicaAsOf %v", nullTime(replayed), before)

	// A row written on the primary reaches the standby, and the figures' time moves to its
	// commit.
	var wrote time.Time
	if err := super.QueryRowContext(ctx, `INSERT INTO figures VALUES (1, now()) RETURNING at`).Scan(&wrote); err != nil {
		t.Fatal(err)
	}
	committed := time.Now()
	var seen time.Duration
	for {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM figures WHERE id = 1`); err != nil {
			t.Fatal(err)
		}
		if n == 1 {
			seen = time.Since(committed)
			break
		}
		if time.Since(committed) > 15*time.Second {
			t.Fatal("the row written on the primary is not on the standby after 15 s")
		}
		time.Sleep(time.Millisecond)
	}
	after, err := s.ReplicaAsOf(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !after.After(before) || after.Before(wrote) || after.After(time.Now()) {
		t.Errorf("ReplicaAsOf after the write %v: want after %v (before it) and the transaction's start %v, not in the future", after, before, wrote)
	}
	st := s.CheckReplica(ctx)
	if !st.Up || !st.LagKnown {
		t.Errorf("check with the standby streaming: %+v", st)
	}
	t.Logf("the row appeared on the standby %v after the commit; ReplicaAsOf %v (%v after the transaction began); checked lag %v",
		seen, after, after.Sub(wrote), st.Lag)

	// The standby stops: the next ReplicaAsOf notices at once and answers for the primary,
	// and statistics read from the primary; the fallback is logged once however often asked.
	if err := standby.Stop(); err != nil {
		t.Fatal(err)
	}
	asOf, err := s.ReplicaAsOf(ctx)
	if err != nil {
		t.Fatalf("ReplicaAsOf with the standby stopped: %v", err)
	}
	if d := time.Since(asOf); d < -time.Second || d > 5*time.Second {
		t.Errorf("ReplicaAsOf on the primary %v, want about now", asOf)
	}
	for range 5 {
		if db, replica = s.StatisticsDB(); replica || db != pdb {
			t.Fatalf("StatisticsDB with the standby stopped: replica=%v", replica)
		}
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM figures`); err != nil || n != 1 {
		t.Errorf("statistics on the primary: %d rows, %v", n, err)
	}
	if st := s.CheckReplica(ctx); st.Up || st.Err == nil {
		t.Errorf("check with the standby stopped: %+v", st)
	}
	if st, configured := s.ReplicaState(); !configured || st.Up {
		t.Errorf("ReplicaState with the standby stopped: %+v, configured %v", st, configured)
	}
	out := logs.String()
	if c := strings.Count(out, "statistics read from the primary: the read replica is down"); c != 1 {
		t.Errorf("the fallback was logged %d times, want once:\n%s", c, out)
	}
	if !strings.Contains(out, "read replica up") || !strings.Contains(out, "read replica down") {
		t.Errorf("the replica's ups and downs are not logged:\n%s", out)
	}
}

// TestReplica_None: without a replica, statistics read from the primary, as of its now().
func TestReplica_None(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	s := store.New(db)
	defer s.Close()
	if got, replica := s.StatisticsDB(); replica || got != db {
		t.Errorf("StatisticsDB without a replica: replica=%v", replica)
	}
	if _, configured := s.ReplicaState(); configured {
		t.Error("ReplicaState: configured without a replica")
	}
	asOf, err := s.ReplicaAsOf(context.Background())
	if err != nil || time.Since(asOf) > 5*time.Second || time.Since(asOf) < -time.Second {
		t.Errorf("ReplicaAsOf on the primary: %v, %v; want about now", asOf, err)
	}
}

func nullTime(t sql.NullTime) any {
	if !t.Valid {
		return "NULL"
	}
	return t.Time
}

func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// syncBuffer is a bytes.Buffer that the store's goroutines and the test may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
