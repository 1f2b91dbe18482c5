// Package dbtest gives each test a fresh, migrated PostgreSQL database of its own.
//
// The server is the one in ATBALSTS_TEST_DATABASE_URL (a connection string to a database
// where the test may create databases; `make test` starts one private cluster for the whole
// run and sets it), or else a private cluster that this package starts on first use and
// Main stops. A template database is migrated once per server and migration set; every test
// then gets `CREATE DATABASE ... TEMPLATE`, which takes milliseconds.
package dbtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/localpg"
	"atbalsts/migrations"
)

// EnvURL names the variable that points the tests at a PostgreSQL server.
const EnvURL = "ATBALSTS_TEST_DATABASE_URL"

var (
	setupOnce sync.Once
	setupErr  error
	adminDSN  string // connection string of a database on the test server
	template  string // name of the migrated template database
	cluster   *localpg.Cluster
	tmpDir    string

	filledMu sync.Mutex
	filled   = map[string]string{} // OpenFilled's templates by key, made by this process
)

// Main runs a package's tests and then stops the cluster the package started, if it did.
// Call it from TestMain: `func TestMain(m *testing.M) { dbtest.Main(m) }`.
func Main(m *testing.M) {
	code := m.Run()
	dropFilled()
	if cluster != nil {
		cluster.Stop()
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

// AdminDSN is the connection string of the test server's administrative database.
func AdminDSN(t testing.TB) string {
	t.Helper()
	setupOnce.Do(func() { setupErr = setup(context.Background()) })
	if setupErr != nil {
		t.Fatalf("dbtest: %v", setupErr)
	}
	return adminDSN
}

// New creates a migrated database for the test, dropped when the test ends, and returns
// its connection string as the application role (migrations.AppRole), the server's.
func New(t testing.TB) string {
	t.Helper()
	return localpg.WithUser(localpg.WithDatabase(AdminDSN(t), newDatabase(t)), migrations.AppRole)
}

// newDatabase creates a migrated database, dropped when the test ends, and returns its name.
func newDatabase(t testing.TB) string {
	t.Helper()
	admin := AdminDSN(t)
	name := "test_" + randomHex(8)
	ctx := context.Background()
	if err := localpg.CreateDatabase(ctx, admin, name, template); err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("postgres", admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`)
	})
	return name
}

// NewSuperuser is New as the test server's superuser, for a test of what the owner does
// (bulk loads that drop and re-create constraints).
func NewSuperuser(t testing.TB) string {
	t.Helper()
	return localpg.WithDatabase(AdminDSN(t), newDatabase(t))
}

// Superuser opens the database of db as the test server's superuser, for a test that sets
// up what the server itself may not do (rewrite the audit log, drop a migration); closed
// when the test ends.
func Superuser(t testing.TB, db *sqlx.DB) *sqlx.DB {
	t.Helper()
	var name string
	if err := db.Get(&name, `SELECT current_database()`); err != nil {
		t.Fatal(err)
	}
	su, err := sqlx.Open("postgres", localpg.WithDatabase(AdminDSN(t), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { su.Close() })
	return su
}

// OpenFilled is Open over a database that starts with what fill wrote: fill runs once per
// test process and key, on a database of its own (as the application role), which then serves
// as the template of every test's copy (CREATE DATABASE ... TEMPLATE takes milliseconds where
// loading, e.g. the demo data, takes many seconds under the race detector). fill must close
// every connection it opened.
func OpenFilled(t testing.TB, key string, fill func(ctx context.Context, dsn string) error) *sqlx.DB {
	t.Helper()
	admin := AdminDSN(t)
	ctx := context.Background()
	filledMu.Lock()
	name, ok := filled[key]
	if !ok {
		name = "filled_" + randomHex(8)
		err := localpg.CreateDatabase(ctx, admin, name, template)
		if err == nil {
			err = fill(ctx, localpg.WithUser(localpg.WithDatabase(admin, name), migrations.AppRole))
		}
		if err != nil {
			filledMu.Unlock()
			t.Fatalf("dbtest: filling %s: %v", key, err)
		}
		filled[key] = name
	}
	filledMu.Unlock()
	copyName := "test_" + randomHex(8)
	if err := localpg.CreateDatabase(ctx, admin, copyName, name); err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(func() { dropDatabase(admin, copyName) })
	db, err := sqlx.Open("postgres", localpg.WithUser(localpg.WithDatabase(admin, copyName), migrations.AppRole))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	t.Cleanup(func() { db.Close() })
	return db
}

// dropFilled drops OpenFilled's templates when the tests are done.
func dropFilled() {
	filledMu.Lock()
	defer filledMu.Unlock()
	for _, name := range filled {
		dropDatabase(adminDSN, name)
	}
}

func dropDatabase(admin, name string) {
	db, err := sql.Open("postgres", admin)
	if err != nil {
		return
	}
	defer db.Close()
	_, _ = db.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`)
}

// Open is New, opened: the handle is closed when the test ends.
func Open(t testing.TB) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Open("postgres", New(t))
	if err != nil {
		t.Fatal(err)
	}
	// As store.Open: database/sql keeps only 2 idle connections by default, and a request
	// whose loaders run in parallel would dial (fork a PostgreSQL backend) for every other.
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	t.Cleanup(func() { db.Close() })
	return db
}

func setup(ctx context.Context) error {
	adminDSN = os.Getenv(EnvURL)
	if adminDSN == "" {
		var err error
		tmpDir, err = os.MkdirTemp("", "atbalsts-test-")
		if err != nil {
			return err
		}
		cluster, err = localpg.Start(ctx, localpg.Options{Dir: filepath.Join(tmpDir, "postgres"), Ephemeral: true})
		if err != nil {
			return err
		}
		adminDSN = cluster.DSN("postgres")
	}
	template = "template_" + migrationsHash()
	return ensureTemplate(ctx)
}

// ensureTemplate migrates the template database once per server, whichever test package
// gets there first: the others wait on an advisory lock and then find it made.
func ensureTemplate(ctx context.Context) error {
	db, err := sql.Open("postgres", adminDSN)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	const lockKey = 0x61746261 // "atba"
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, lockKey)

	// The tests' databases are used as the server uses its own: as the application role,
	// which owns nothing (migrations/roles.go), so a test fails where the server would lack a
	// privilege.
	if err := migrations.CreateRoles(ctx, db); err != nil {
		return err
	}
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, template).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	// Build under another name and rename at the end, so that a run cut short never leaves
	// a half-migrated template behind.
	building := template + "_building"
	if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(building)+` WITH (FORCE)`); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(building)); err != nil {
		return err
	}
	tdb, err := sql.Open("postgres", localpg.WithDatabase(adminDSN, building))
	if err != nil {
		return err
	}
	_, err = migrations.Up(ctx, tdb)
	if err == nil {
		err = migrations.GrantApp(ctx, tdb, migrations.AppRole)
	}
	tdb.Close()
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `ALTER DATABASE `+pq.QuoteIdentifier(building)+` RENAME TO `+pq.QuoteIdentifier(template))
	return err
}

// migrationsHash names the template after the migrations' content, so that a changed
// migration gets a template of its own on a long-lived server.
func migrationsHash() string {
	h := sha256.New()
	_ = fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(migrations.FS, path)
		fmt.Fprintf(h, "%s\x00%s\x00", path, data)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
