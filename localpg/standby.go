package localpg

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// BaseBackup makes dir a streaming-replication standby of the running cluster: pg_basebackup
// (from the cluster's own binaries), run as the cluster's OS user, copies the data directory
// and the WAL written meanwhile over a replication connection as role, and writes
// standby.signal and primary_conninfo (-R), so that Start on dir runs a hot standby that
// follows this cluster over its socket and answers read-only queries.
//
// role needs the REPLICATION attribute (the bootstrap superuser "postgres" has it); the
// cluster's pg_hba.conf, as initdb writes it with --auth=trust, already admits local
// replication connections, and wal_level=replica and max_wal_senders=10 are PostgreSQL's
// defaults. dir must not exist or be empty; the standby keeps the primary's settings, roles
// and databases.
func (c *Cluster) BaseBackup(ctx context.Context, dir, role string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := prepareDir(dir, c.owner, c.log); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, "pg_basebackup"),
		"--pgdata="+dir, "--write-recovery-conf", "--wal-method=stream", "--checkpoint=fast",
		"--host="+c.socketDir, "--port="+strconv.Itoa(Port), "--username="+role, "--no-password")
	cmd.SysProcAttr = c.owner.sysProcAttr()
	cmd.Dir = dir // a working directory the cluster's user can reach
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("localpg: pg_basebackup: %w: %s", err, lastLines(out.String(), 5))
	}
	// The primary's socket lives in its data directory, and pg_basebackup copies the
	// socket's lock file (a regular file naming the primary's postmaster), which would stop
	// the standby from opening its own socket there.
	locks, _ := filepath.Glob(filepath.Join(dir, ".s.PGSQL.*.lock"))
	for _, l := range locks {
		if err := os.Remove(l); err != nil {
			return fmt.Errorf("localpg: base backup: %w", err)
		}
	}
	return nil
}
