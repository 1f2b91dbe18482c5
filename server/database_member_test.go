package server

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/localpg"
	"atbalsts/migrations"
)

// A role that is a member of a superuser role can SET ROLE to it at will: it is a superuser
// to the refusal too, and a member of the audit log's owner owns the audit log.
func TestCurrentRole_Membership(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	admin := dbtest.AdminDSN(t)
	a := openSQL(t, admin)
	var superuser string
	if err := a.Get(&superuser, `SELECT current_user`); err != nil {
		t.Fatal(err)
	}
	role := fmt.Sprintf("member_%d", time.Now().UnixNano())
	q := pq.QuoteIdentifier(role)
	if _, err := a.Exec(`CREATE ROLE ` + q + ` LOGIN NOSUPERUSER NOINHERIT`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Exec(`DROP ROLE IF EXISTS ` + q) })
	if _, err := a.Exec(`GRANT ` + pq.QuoteIdentifier(superuser) + ` TO ` + q); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", localpg.WithUser(admin, role))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var set string
	if err := db.QueryRowContext(ctx, `SET ROLE `+pq.QuoteIdentifier(superuser)+`; SELECT current_user`).Scan(&set); err != nil || set != superuser {
		t.Fatalf("the member cannot become %s (%q, %v): the test proves nothing", superuser, set, err)
	}
	db.Close()
	db, _ = sql.Open("postgres", localpg.WithUser(admin, role))
	defer db.Close()
	r, err := migrations.CurrentRole(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Superuser {
		t.Errorf("a member of the superuser %s: %+v, want Superuser", superuser, r)
	}
}
