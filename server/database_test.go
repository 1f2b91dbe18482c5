package server

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/localpg"
	"atbalsts/migrations"
	"atbalsts/store"
)

// TestDatabaseRoles: a database made before the roles existed (everything the superuser's,
// as an older embedded cluster has it) is adopted by the owner role; the migrations and
// grants leave the application role able to do the server's work and nothing more; a
// superuser server role is refused unless allowed.
func TestDatabaseRoles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	super, superDSN, _, appDSN := adoptedDatabase(t)
	log := NewLogger(io.Discard, "text")

	var foreign []string
	if err := super.Select(&foreign, `SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relowner <> 'atbalsts_owner'::regrole
		UNION ALL SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname = 'public' AND p.proowner <> 'atbalsts_owner'::regrole`); err != nil {
		t.Fatal(err)
	}
	if len(foreign) > 0 {
		t.Errorf("not the owner's after adoption: %v", foreign)
	}

	// The server's work: rows, the audit log's months (created with the owner's rights).
	app := openSQL(t, appDSN)
	db, err := store.Open(ctx, appDSN, 2, store.StatementTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := store.New(db)
	defer s.Close()
	if err := s.EnsureAuditPartitions(ctx); err != nil {
		t.Errorf("the server's role cannot add the audit log's months: %v", err)
	}
	for _, stmt := range []string{
		`SELECT audit_event_ensure_partitions('2031-01-01', '2031-01-01')`,
		`INSERT INTO audit_event (at, action, entity_type, request_id) VALUES ('2031-01-05', 'SIGN_OUT', 'User', 'roles')`,
		`SELECT count(*) FROM audit_event`,
		`UPDATE app_user SET last_sign_in_at = now() WHERE false`,
		`SELECT max(version_id) FROM goose_db_version`,
	} {
		if _, err := app.Exec(stmt); err != nil {
			t.Errorf("as the server: %s: %v", stmt, err)
		}
	}
	var partitionOwner string
	if err := super.QueryRow(`SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'audit_event_y2031m01'`).Scan(&partitionOwner); err != nil || partitionOwner != migrations.OwnerRole {
		t.Errorf("a month added by the server belongs to %q (%v), want the owner", partitionOwner, err)
	}
	// ... and nothing more.
	for _, stmt := range []string{
		`UPDATE audit_event SET action = 'READ'`,
		`DELETE FROM audit_event_y2031m01`,
		`ALTER TABLE audit_event DISABLE TRIGGER USER`,
		`DROP TABLE audit_event_y2031m01`,
		`CREATE TABLE smuggled (id int)`,
		`DELETE FROM goose_db_version`,
		`TRUNCATE app_user`,
		`CREATE ROLE intruder SUPERUSER`,
	} {
		var pqErr *pq.Error
		if _, err := app.Exec(stmt); !errors.As(err, &pqErr) || pqErr.Code != "42501" {
			t.Errorf("as the server: %s: %v, want a refused privilege (42501)", stmt, err)
		}
	}

	// A superuser server role is refused, unless allowed.
	if err := migrate(ctx, superDSN, superDSN, false, log); !errors.Is(err, errSuperuser) {
		t.Errorf("a superuser server role: %v, want refused", err)
	}
	if err := migrate(ctx, superDSN, superDSN, true, log); err != nil {
		t.Errorf("a superuser server role, allowed: %v", err)
	}
}

// adoptedDatabase makes a database as an older embedded cluster has it (migrated, everything
// the superuser's), creates the roles, lets the owner adopt it and migrates as the two roles
// do at start. It returns the superuser's connection and the three connection strings.
func adoptedDatabase(t *testing.T) (super *sqlx.DB, superDSN, ownerDSN, appDSN string) {
	t.Helper()
	ctx := context.Background()
	admin := dbtest.AdminDSN(t)
	name := fmt.Sprintf("roles_%d", time.Now().UnixNano())
	if err := localpg.CreateDatabase(ctx, admin, name, ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("postgres", admin); err == nil {
			a.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`)
			a.Close()
		}
	})
	superDSN = localpg.WithDatabase(admin, name)
	super = openSQL(t, superDSN)
	if _, err := migrations.Up(ctx, super.DB); err != nil {
		t.Fatal(err)
	}
	if err := migrations.CreateRoles(ctx, super.DB); err != nil {
		t.Fatal(err)
	}
	if err := migrations.Adopt(ctx, super.DB, migrations.OwnerRole); err != nil {
		t.Fatal(err)
	}
	ownerDSN, appDSN = localpg.WithUser(superDSN, migrations.OwnerRole), localpg.WithUser(superDSN, migrations.AppRole)
	if err := migrate(ctx, ownerDSN, appDSN, false, NewLogger(io.Discard, "text")); err != nil {
		t.Fatal(err)
	}
	return super, superDSN, ownerDSN, appDSN
}

func openSQL(t *testing.T, dsn string) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestParseConfig_DatabaseURLs: the connection strings come from the environment or a flag
// (which wins); -help prints no password from the environment; an owner's connection alone,
// without DATABASE_URL, is refused.
func TestParseConfig_DatabaseURLs(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "postgres://app:app-secret@db/atbalsts", "ATBALSTS_OWNER_DATABASE_URL": "postgres://own:own-secret@db/atbalsts"}
	getenv := func(k string) string { return env[k] }
	c, err := ParseConfig(nil, getenv, io.Discard)
	if err != nil || c.DatabaseURL != env["DATABASE_URL"] || c.OwnerDatabaseURL != env["ATBALSTS_OWNER_DATABASE_URL"] {
		t.Errorf("from the environment: %+v, %v", c, err)
	}
	c, err = ParseConfig([]string{"--database-url", "postgres://flag@db/x"}, getenv, io.Discard)
	if err != nil || c.DatabaseURL != "postgres://flag@db/x" {
		t.Errorf("the flag does not win: %q, %v", c.DatabaseURL, err)
	}
	var help strings.Builder
	if _, err := ParseConfig([]string{"-help"}, getenv, &help); !errors.Is(err, flag.ErrHelp) || strings.Contains(help.String(), "-secret@") {
		t.Errorf("-help: %v, printed a password: %v", err, strings.Contains(help.String(), "-secret@"))
	}
	if _, err := ParseConfig([]string{"--owner-database-url", "postgres://own@db/x"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Errorf("an owner's connection without DATABASE_URL was accepted")
	}
}
