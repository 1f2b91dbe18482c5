package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/lib/pq"
)

// Least privilege. The tables belong to an owner role, which runs the migrations; the server
// runs as an application role that owns nothing, may only read and write rows, and may only
// add to and read the audit log. So a flaw in the server (or a stolen connection) cannot
// disable the audit log's append-only triggers, rewrite its rows, or change the schema:
// those need ownership.
//
// The embedded PostgreSQL creates both roles (CreateRoles, Adopt); on another server the
// operator creates them (README, "Database roles"), and GrantApp, run by the owner at every
// start, gives the application role what it needs, so a table added by a migration is
// covered the moment it exists.

// The roles of the embedded PostgreSQL.
const (
	OwnerRole = "atbalsts_owner"
	AppRole   = "atbalsts_app"
)

// CreateRoles creates the owner and the application role, able to log in and nothing else,
// unless they exist. super is a superuser's connection (the embedded cluster's).
func CreateRoles(ctx context.Context, super *sql.DB) error {
	for _, role := range []string{OwnerRole, AppRole} {
		var exists bool
		if err := super.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, role).Scan(&exists); err != nil {
			return fmt.Errorf("roles: %w", err)
		}
		if exists {
			continue
		}
		_, err := super.ExecContext(ctx, `CREATE ROLE `+pq.QuoteIdentifier(role)+` LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`)
		var pqErr *pq.Error
		if err != nil && !(errors.As(err, &pqErr) && pqErr.Code == "42710") { // created meanwhile by another start
			return fmt.Errorf("roles: create %s: %w", role, err)
		}
	}
	return nil
}

// Adopt makes owner the owner of the database super is connected to, of its public schema
// and of every table, sequence and function in it. A database made before the roles existed
// belongs to the bootstrap superuser; this moves it (and does nothing to one already moved).
// Only the owner may create in the schema afterwards.
func Adopt(ctx context.Context, super *sql.DB, owner string) error {
	o, ownerLit := pq.QuoteIdentifier(owner), pq.QuoteLiteral(owner)
	stmts := []string{
		`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO ` + o + `', current_database()); END $$`,
		`ALTER SCHEMA public OWNER TO ` + o,
		`REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
		// Tables first: a sequence that belongs to a table's column moves with the table
		// and cannot be moved on its own.
		`DO $$ DECLARE r record; BEGIN
			FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relowner <> ` + ownerLit + `::regrole
			LOOP EXECUTE format('ALTER TABLE %s OWNER TO ` + o + `', r.name); END LOOP;
			FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> ` + ownerLit + `::regrole
			LOOP EXECUTE format('ALTER SEQUENCE %s OWNER TO ` + o + `', r.name); END LOOP;
			FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				WHERE n.nspname = 'public' AND p.proowner <> ` + ownerLit + `::regrole
			LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO ` + o + `', r.name); END LOOP;
		END $$`,
	}
	for _, s := range stmts {
		if _, err := super.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("roles: adopt: %w", err)
		}
	}
	return nil
}

// GrantApp gives the application role exactly what the server needs, over a connection of
// the owner (or a superuser): rows of every table to read and write; of the audit log only
// to add and read, and its monthly partitions only through the parent (PostgreSQL checks a
// partitioned table's privileges on the parent); of the migrations' own table only to read
// (readiness compares versions); the sequences to draw from. Run after every migration: it
// is idempotent.
func GrantApp(ctx context.Context, owner *sql.DB, role string) error {
	r := pq.QuoteIdentifier(role)
	stmts := []string{
		`GRANT USAGE ON SCHEMA public TO ` + r,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ` + r,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ` + r,
		`REVOKE ALL ON audit_event FROM ` + r,
		`GRANT SELECT, INSERT ON audit_event TO ` + r,
		`DO $$ DECLARE p record; BEGIN
			FOR p IN SELECT inhrelid::regclass AS name FROM pg_inherits WHERE inhparent = 'audit_event'::regclass
			LOOP EXECUTE format('REVOKE ALL ON %s FROM ` + r + `', p.name); END LOOP;
		END $$`,
		`REVOKE INSERT, UPDATE, DELETE ON goose_db_version FROM ` + r,
		// Adds the audit log's months, with the owner's rights (migration 00009).
		`GRANT EXECUTE ON FUNCTION audit_event_ensure_partitions(date, date) TO ` + r,
	}
	for _, s := range stmts {
		if _, err := owner.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("roles: grant to %s: %w", role, err)
		}
	}
	return nil
}

// Role is what the server's connection may do beyond its rows.
type Role struct {
	Name      string
	Superuser bool // may do anything, the audit log's triggers included (also as a member of a superuser role)
	OwnsAudit bool // owns audit_event, or is a member of its owner, so may disable its triggers
}

// CurrentRole describes the role db connects as.
func CurrentRole(ctx context.Context, db *sql.DB) (Role, error) {
	var r Role
	// A member of a role may SET ROLE to it (INHERIT or not): a member of a superuser role is
	// one, and a member of the audit log's owner may disable its triggers.
	err := db.QueryRowContext(ctx, `SELECT current_user,
			rolsuper OR EXISTS (SELECT 1 FROM pg_roles s WHERE s.rolsuper AND pg_has_role(r.oid, s.oid, 'MEMBER')),
			coalesce((SELECT pg_has_role(r.oid, relowner, 'MEMBER') FROM pg_class WHERE oid = to_regclass('audit_event')), false)
		FROM pg_roles r WHERE rolname = current_user`).Scan(&r.Name, &r.Superuser, &r.OwnsAudit)
	if err != nil {
		return r, fmt.Errorf("roles: %w", err)
	}
	return r, nil
}
