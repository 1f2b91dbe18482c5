package server

import (
	"context"
	"database/sql"
	"testing"
)

// The application role calls the owner's SECURITY DEFINER function that adds the audit log's
// months; a temporary table of the caller's named like a coming month must not keep the
// month from being created (audited writes would fail when it came).
func TestAuditPartitions_TempTableOfTheCaller(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	super, _, _, appDSN := adoptedDatabase(t)
	app, err := sql.Open("postgres", appDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	conn, err := app.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE audit_event_y2031m01 (x int)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT audit_event_ensure_partitions('2031-01-01', '2031-01-31')`); err != nil {
		t.Fatal(err)
	}
	var made *string
	if err := super.Get(&made, `SELECT to_regclass('public.audit_event_y2031m01')::text`); err != nil {
		t.Fatal(err)
	}
	if made == nil {
		t.Error("a temp table of the app role kept the definer function from creating the month")
	}
}
