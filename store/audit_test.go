package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
	"atbalsts/store"
)

// TestAuditReadsGroupCommit: fifty requests auditing at once each get their rows, durable when
// AuditReads returns, grouped per scope; after Close a read cannot be audited (and so its
// answer would be withheld).
func TestAuditReadsGroupCommit(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	f := fixture.New(t, db)
	s := store.New(db)
	region, m1, m2 := 1, 5, 6

	const requests = 50
	var wg sync.WaitGroup
	errs := make([]error, requests)
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := domain.WithRequestInfo(f.Ctx, domain.RequestInfo{ID: fmt.Sprintf("req-%d", i)})
			errs[i] = s.AuditReads(ctx, []domain.AuditRef{
				{EntityType: domain.EntityChild, EntityID: int64(1000 + i), RegionID: &region, MunicipalityID: &m1},
				{EntityType: domain.EntityParent, EntityID: int64(2000 + i), RegionID: &region, MunicipalityID: &m1},
				{EntityType: domain.EntityChild, EntityID: 7, RegionID: &region, MunicipalityID: &m2},
				{EntityType: domain.EntityChild, EntityID: 3, RegionID: &region, MunicipalityID: &m2},
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	for _, i := range []int{0, 17, 49} {
		var rows []struct {
			EntityType string `db:"entity_type"`
			EntityID   *int64 `db:"entity_id"`
			M          int    `db:"municipality_id"`
			Reads      string `db:"reads"`
		}
		err := db.Select(&rows, `SELECT entity_type, entity_id, municipality_id, reads::text AS reads FROM audit_event
			WHERE request_id = $1 AND action = 'READ' ORDER BY municipality_id`, fmt.Sprintf("req-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			fmt.Sprintf(`Records <nil> %d {"Child": [%d], "Parent": [%d]}`, m1, 1000+i, 2000+i),
			fmt.Sprintf(`Child <nil> %d {"Child": [3, 7]}`, m2),
		}
		if len(rows) != 2 {
			t.Fatalf("request %d: %d rows, want one per municipality: %+v", i, len(rows), rows)
		}
		for j, r := range rows {
			if got := fmt.Sprintf("%s %v %d %s", r.EntityType, r.EntityID, r.M, r.Reads); got != want[j] {
				t.Errorf("request %d row %d: %s, want %s", i, j, got, want[j])
			}
		}
	}
	// "Who read this child": the GIN index's containment query finds the grouped row.
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM audit_event WHERE reads @> '{"Child": [1017]}'`); err != nil || n != 1 {
		t.Errorf("rows that read child 1017: %d (%v), want 1", n, err)
	}

	s.Close()
	err := s.AuditReads(f.Ctx, []domain.AuditRef{{EntityType: domain.EntityChild, EntityID: 1}})
	if err == nil {
		t.Errorf("an audit after Close succeeded; it must fail so that the answer is withheld")
	}
	if err := s.AuditReads(context.Background(), nil); err != nil {
		t.Errorf("nothing to audit: %v", err)
	}
}

// TestAuditPartitions: the months ahead have partitions, a partition refuses TRUNCATE as the
// log does, and dropping an old month's partition (retention) removes its rows only.
func TestAuditPartitions(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	s := store.New(db)
	defer s.Close()
	if err := s.EnsureAuditPartitions(context.Background()); err != nil {
		t.Fatal(err)
	}
	var months int
	db.Get(&months, `SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_event'::regclass
		AND inhrelid::regclass::text IN (to_char(now(), '"audit_event_y"YYYY"m"MM'),
			to_char(now() + interval '1 month', '"audit_event_y"YYYY"m"MM'),
			to_char(now() + interval '2 months', '"audit_event_y"YYYY"m"MM'))`)
	if months != 3 {
		t.Errorf("%d of this month's and the next two months' partitions exist, want 3", months)
	}
	// An old month, as a deployment that has run for years would have.
	db.MustExec(`SELECT audit_event_ensure_partitions('2024-01-15', '2024-02-01')`)
	db.MustExec(`INSERT INTO audit_event (at, action, entity_type, request_id) VALUES
		('2024-01-20', 'SIGN_OUT', 'User', 'old'), ('2024-02-03', 'SIGN_OUT', 'User', 'kept')`)
	if _, err := db.Exec(`TRUNCATE audit_event_y2024m01`); err == nil {
		t.Errorf("a partition was truncated on its own")
	}
	// Retention is the owner's (README): the server's role may not drop a month.
	if _, err := db.Exec(`DROP TABLE audit_event_y2024m01`); err == nil {
		t.Errorf("the server's role dropped a month of the audit log")
	}
	dbtest.Superuser(t, db).MustExec(`DROP TABLE audit_event_y2024m01`)
	var left []string
	db.Select(&left, `SELECT request_id FROM audit_event WHERE request_id IN ('old', 'kept')`)
	if fmt.Sprint(left) != "[kept]" {
		t.Errorf("after dropping January 2024: %v, want [kept]", left)
	}
}
