package localpg_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"atbalsts/localpg"
)

// TestCluster_BaseBackupReplica: BaseBackup makes a directory that Start runs as a hot
// standby of the cluster, on a socket of its own, replaying what the primary writes.
func TestCluster_BaseBackupReplica(t *testing.T) {
	bin, err := localpg.FindBinaries()
	if errors.Is(err, localpg.ErrNoBinaries) {
		t.Skip(err)
	}
	if _, err := os.Stat(filepath.Join(bin, "pg_basebackup")); err != nil {
		t.Skipf("no pg_basebackup in %s: %v", bin, err)
	}
	ctx := context.Background()
	dir := t.TempDir()
	primary, err := localpg.Start(ctx, localpg.Options{Dir: filepath.Join(dir, "primary"), Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Stop()
	exec(t, primary.DSN("postgres"), `CREATE TABLE kept (v int)`)
	if err := primary.BaseBackup(ctx, filepath.Join(dir, "standby"), "postgres"); err != nil {
		t.Fatal(err)
	}
	standby, err := localpg.Start(ctx, localpg.Options{Dir: filepath.Join(dir, "standby"), Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer standby.Stop()
	exec(t, primary.DSN("postgres"), `INSERT INTO kept VALUES (42)`)
	db, err := sql.Open("postgres", standby.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var inRecovery bool
	if err := db.QueryRow(`SELECT pg_is_in_recovery()`).Scan(&inRecovery); err != nil || !inRecovery {
		t.Fatalf("the standby is not in recovery: %v, %v", inRecovery, err)
	}
	for deadline := time.Now().Add(15 * time.Second); ; {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM kept WHERE v = 42`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the primary's row is not on the standby after 15 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
