package server

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"

	"atbalsts/localpg"
	"atbalsts/migrations"
	"atbalsts/store"
)

// errSuperuser refuses a server role that could switch the audit log's protection off.
var errSuperuser = errors.New("the server's database role is a superuser, which could disable the audit log's append-only triggers: " +
	"give the server a role of its own (README, \"Database roles\") or set ATBALSTS_ALLOW_SUPERUSER=true")

// prepareEmbedded readies the embedded cluster's database and roles (migrations/roles.go):
// the owner, who runs the migrations, and the application role the server connects as.
// It returns the connection strings of both.
func prepareEmbedded(ctx context.Context, cluster *localpg.Cluster) (ownerDSN, appDSN string, err error) {
	if err := cluster.CreateDatabase(ctx, embeddedDatabase); err != nil {
		return "", "", err
	}
	super, err := sql.Open("postgres", cluster.DSN(embeddedDatabase))
	if err != nil {
		return "", "", err
	}
	defer super.Close()
	if err := migrations.CreateRoles(ctx, super); err != nil {
		return "", "", err
	}
	if err := migrations.Adopt(ctx, super, migrations.OwnerRole); err != nil {
		return "", "", err
	}
	return cluster.DSNAs(migrations.OwnerRole, embeddedDatabase), cluster.DSNAs(migrations.AppRole, embeddedDatabase), nil
}

// migrate applies the migrations over ownerDSN and, when the server connects as another
// role (appDSN), grants that role what it needs. It then refuses a superuser server role
// unless allowSuperuser, and warns when the server's role owns the tables (a one-role
// set-up: it works, but the audit log's protection rests on the application alone).
func migrate(ctx context.Context, ownerDSN, appDSN string, allowSuperuser bool, log *slog.Logger) error {
	app, err := sql.Open("postgres", appDSN)
	if err != nil {
		return err
	}
	defer app.Close()
	// Refused before anything is written.
	role, err := migrations.CurrentRole(ctx, app)
	if err != nil {
		return err
	}
	if role.Superuser && !allowSuperuser {
		return errSuperuser
	}
	// Migrations may run long (copying a table): on their own connection, without the pool's
	// statement timeout.
	mdb, err := store.Open(ctx, ownerDSN, 1, 0)
	if err != nil {
		return err
	}
	defer mdb.Close()
	n, err := migrations.Up(ctx, mdb.DB)
	if err != nil {
		return err
	}
	log.Info("database migrated", "applied", n, "version", migrations.Latest())

	if ownerDSN != appDSN {
		if err := migrations.GrantApp(ctx, mdb.DB, role.Name); err != nil {
			return err
		}
	}
	if role, err = migrations.CurrentRole(ctx, app); err != nil { // owns now what the migrations made?
		return err
	}
	if role.OwnsAudit {
		log.Warn("the server's database role owns the tables and could disable the audit log's append-only triggers; give migrations a role of their own (README, \"Database roles\")", "role", role.Name)
	}
	return nil
}
