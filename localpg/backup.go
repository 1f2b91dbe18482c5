package localpg

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/lib/pq"
)

// Backups of a database of the embedded cluster, with the cluster's own pg_dump and
// pg_restore (custom format: compressed, and restorable table by table).
//
// A backup is consistent while the server runs: pg_dump reads everything in one snapshot. It
// connects to the running postmaster's socket, or starts the cluster for the time of the dump
// when no server runs on the directory. A restore needs the server stopped, and refuses to
// replace a database that holds tables unless told to.

// BackupOptions says what to back up or restore.
type BackupOptions struct {
	Dir      string // the cluster's data directory
	LogFile  string // the server log when the cluster has to be started; empty: Dir + ".log"
	Database string // the database
	File     string // the dump file
	// Force lets Restore replace a database that holds tables.
	Force  bool
	Logger *slog.Logger
	// BeforeRestore, when set, runs on a superuser's connection before the backup loads:
	// the roles that own the restored objects and hold their privileges must exist (a new
	// data directory has none).
	BeforeRestore func(ctx context.Context, admin *sql.DB) error
}

// ErrNotEmpty means that Restore found tables in the database and was not told to replace it.
var ErrNotEmpty = errors.New("the database holds tables: restore replaces it only when forced (--force)")

// Backup writes the database to opts.File with pg_dump -Fc. The file appears only once the
// dump is complete.
func Backup(ctx context.Context, opts BackupOptions) error {
	log := loggerOf(opts.Logger)
	socket, stop, err := clusterFor(ctx, opts, true)
	if err != nil {
		return err
	}
	defer stop()
	bin, err := FindBinaries()
	if err != nil {
		return err
	}
	file, err := filepath.Abs(opts.File)
	if err != nil {
		return err
	}
	tmp := file + ".partial"
	// Made here, the owner's alone: pg_dump creates its file 0666 less the umask (0644 under
	// the usual 022), which would let every local user read every child's case. pg_dump
	// writes into an existing file, and the rename keeps the mode.
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("localpg: backup: %w", err)
	}
	f.Close()
	if err := runTool(ctx, filepath.Join(bin, "pg_dump"), "--format=custom", "--file="+tmp,
		"--host="+socket, "--port="+strconv.Itoa(Port), "--username="+superuser, "--dbname="+opts.Database); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("localpg: backup: %w", err)
	}
	info, _ := os.Stat(file)
	log.Info("backup written", "file", file, "bytes", info.Size(), "database", opts.Database)
	return nil
}

// Restore loads opts.File into the database of a cluster on opts.Dir that no server runs,
// initialising the cluster when the directory is new. A database that holds tables is
// replaced only with opts.Force, else ErrNotEmpty; it is replaced once the backup has loaded
// into a new database, so that a failed restore leaves it as it was.
func Restore(ctx context.Context, opts BackupOptions) error {
	log := loggerOf(opts.Logger)
	if _, err := os.Stat(opts.File); err != nil {
		return fmt.Errorf("localpg: restore: %w", err)
	}
	socket, stop, err := clusterFor(ctx, opts, false)
	if err != nil {
		return err
	}
	defer stop()
	admin := fmt.Sprintf("host=%s port=%d user=%s dbname=postgres sslmode=disable", socket, Port, superuser)
	db, err := sql.Open("postgres", admin)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkRestorable(ctx, db, admin, opts.Database, opts.Force); err != nil {
		return err
	}
	bin, err := FindBinaries()
	if err != nil {
		return err
	}
	// Into a new database first: the one it replaces stays until the restore has succeeded.
	// Owners and privileges as they were; the append-only triggers of audit_event are created
	// after its rows are loaded (pg_restore's order), and they refuse only UPDATE, DELETE and
	// TRUNCATE, which a restore into a new database never issues.
	if opts.BeforeRestore != nil {
		if err := opts.BeforeRestore(ctx, db); err != nil {
			return err
		}
	}
	loading := opts.Database + restoringSuffix
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(loading)); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if err := runTool(ctx, filepath.Join(bin, "pg_restore"), "--single-transaction", "--exit-on-error",
		"--host="+socket, "--port="+strconv.Itoa(Port), "--username="+superuser, "--dbname="+loading, opts.File); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(opts.Database)+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if _, err := db.ExecContext(ctx, "ALTER DATABASE "+pq.QuoteIdentifier(loading)+" RENAME TO "+pq.QuoteIdentifier(opts.Database)); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	log.Info("backup restored", "file", opts.File, "database", opts.Database, "dir", opts.Dir)
	return nil
}

// clusterFor returns the socket directory of a cluster on opts.Dir and a function that stops
// what it started: the running server's postmaster when there is one (allowed only when
// running is true), else a cluster started for the purpose.
func clusterFor(ctx context.Context, opts BackupOptions, running bool) (string, func(), error) {
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return "", nil, err
	}
	// Whoever runs it: the server may run as another user (a systemd DynamicUser) than this
	// command (root).
	if _, ok := runningPostmaster(dir, anyUser); ok {
		if !running {
			return "", nil, fmt.Errorf("localpg: a server runs on %s: stop it before restoring", dir)
		}
		socket, err := socketOf(dir)
		return socket, func() {}, err
	}
	if running {
		if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
			return "", nil, fmt.Errorf("localpg: no database cluster in %s: %w", dir, err)
		}
	}
	c, err := Start(ctx, Options{Dir: dir, LogFile: opts.LogFile, Logger: opts.Logger})
	if err != nil {
		return "", nil, err
	}
	return c.socketDir, func() { c.Stop() }, nil
}

// socketOf reads the socket directory a running postmaster writes into postmaster.pid (its
// fifth line).
func socketOf(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return "", fmt.Errorf("localpg: %w", err)
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 5 || strings.TrimSpace(lines[4]) == "" {
		return "", fmt.Errorf("localpg: %s/postmaster.pid names no socket directory", dir)
	}
	return strings.TrimSpace(lines[4]), nil
}

// restoringSuffix names the database a restore loads into before it takes the real name.
const restoringSuffix = "_restoring"

// checkRestorable fails with ErrNotEmpty when the database exists and holds tables, unless
// force; it drops a leftover of an earlier failed restore.
func checkRestorable(ctx context.Context, db *sql.DB, adminDSN, name string, force bool) error {
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if exists && !force {
		tdb, err := sql.Open("postgres", WithDatabase(adminDSN, name))
		if err != nil {
			return err
		}
		var tables int
		err = tdb.QueryRowContext(ctx, `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`).Scan(&tables)
		tdb.Close()
		if err != nil {
			return fmt.Errorf("localpg: %w", err)
		}
		if tables > 0 {
			return fmt.Errorf("localpg: restore into %s: %w", name, ErrNotEmpty)
		}
	}
	_, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name+restoringSuffix))
	return err
}

// runTool runs a PostgreSQL client program and returns its last lines of output on failure.
func runTool(ctx context.Context, path string, args ...string) error {
	cmd := exec.CommandContext(ctx, path, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("localpg: %s: %w: %s", filepath.Base(path), err, lastLines(out.String(), 5))
	}
	return nil
}

func loggerOf(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.Default()
	}
	return l
}
