package dataset

import (
	"context"
	"database/sql"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// A tiny scale loads the row counts SizesFor promises, data the project's own rules accept
// where that is cheap to check, and a second load of the same dataset is skipped.
func TestLoadTinyScale(t *testing.T) {
	ctx := context.Background()
	// The loader drops and re-creates constraints: the owner's work, not the server's.
	dsn := dbtest.NewSuperuser(t)
	const scale = 0.002
	res, err := Load(ctx, dsn, Options{Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped {
		t.Fatal("the first load was skipped")
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(query string) int {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	want := SizesFor(scale)
	for query, n := range map[string]int{
		`SELECT count(*) FROM child`:            want.Children,
		`SELECT count(*) FROM parent`:           want.Parents,
		`SELECT count(*) FROM support_plan`:     want.Plans,
		`SELECT count(*) FROM service_delivery`: want.Deliveries,
		`SELECT count(*) FROM api_token`:        AdminTokens + 1,
	} {
		if got := count(query); got != n {
			t.Errorf("%s = %d, want %d", query, got, n)
		}
	}
	if n := count(`SELECT count(*) FROM plan_line`); n < 3*want.Plans {
		t.Errorf("%d plan lines for %d plans, want at least 3 a plan", n, want.Plans)
	}

	// Personal codes pass the domain's validation and agree with the birth dates.
	rows, err := db.QueryContext(ctx, `SELECT personal_code, birth_date FROM child
		UNION ALL SELECT personal_code, '2000-01-01' FROM parent WHERE personal_code IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	children := 0
	for rows.Next() {
		var code string
		var birth sql.NullTime
		if err := rows.Scan(&code, &birth); err != nil {
			t.Fatal(err)
		}
		pc, err := domain.ParsePersonalCode(code)
		if err != nil {
			t.Errorf("personal code %s: %v", code, err)
			continue
		}
		if children < want.Children {
			if err := pc.CheckBirthDate(birth.Time); err != nil {
				t.Errorf("personal code %s, birth date %s: %v", code, birth.Time.Format(domain.DateLayout), err)
			}
		}
		children++
	}

	// The rules a reader and a recording rely on.
	for what, query := range map[string]string{
		"a delivery outside its plan's period": `SELECT count(*) FROM service_delivery d JOIN plan_revision r ON r.plan_id = d.plan_id
			AND r.status IN ('ACTIVE', 'CLOSED') WHERE d.date NOT BETWEEN r.valid_from AND r.valid_to`,
		"a line delivered beyond its planned units": `SELECT count(*) FROM (SELECT l.id FROM plan_line l
			JOIN plan_revision r ON r.id = l.revision_id AND r.status IN ('ACTIVE', 'CLOSED')
			JOIN service_delivery d ON d.plan_id = r.plan_id AND d.line_key = l.key AND d.status <> 'REJECTED'
			GROUP BY l.id, l.planned_units HAVING sum(d.units) > l.planned_units) x`,
		"a revision over its budget": `SELECT count(*) FROM plan_revision r
			WHERE r.budget < (SELECT sum(l.planned_units * l.unit_price) FROM plan_line l WHERE l.revision_id = r.id)`,
		"a claim whose total differs from its deliveries": `SELECT count(*) FROM compensation_claim k
			WHERE k.total <> (SELECT sum(d.units * d.unit_price) FROM service_delivery d WHERE d.claim_id = k.id)
				OR k.delivery_count <> (SELECT count(*) FROM service_delivery d WHERE d.claim_id = k.id)`,
		"a plan without a revision in force or in preparation": `SELECT count(*) FROM support_plan p
			WHERE NOT EXISTS (SELECT 1 FROM plan_revision r WHERE r.plan_id = p.id AND r.status <> 'SUPERSEDED')`,
		"a parents' delivery to someone not a parent": `SELECT count(*) FROM service_delivery d WHERE d.recipient = 'PARENTS'
			AND NOT EXISTS (SELECT 1 FROM child_parent cp WHERE cp.child_id = d.child_id AND cp.parent_id = d.parent_id)`,
		"a plan of a child not enrolled in its project": `SELECT count(*) FROM support_plan p WHERE NOT EXISTS (SELECT 1 FROM application a
			WHERE a.child_id = p.child_id AND a.project_id = p.project_id AND a.status = 'ACCEPTED')`,
	} {
		if n := count(query); n != 0 {
			t.Errorf("%d times %s", n, what)
		}
	}
	// The foreign keys and indexes dropped for the load are back.
	if n := count(`SELECT count(*) FROM pg_indexes WHERE tablename = 'service_delivery'`); n < 8 {
		t.Errorf("service_delivery has %d indexes after the load", n)
	}
	if n := count(`SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'service_delivery'::regclass`); n < 8 {
		t.Errorf("service_delivery has %d foreign keys after the load", n)
	}

	again, err := Load(ctx, dsn, Options{Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Skipped {
		t.Error("a second load of the same dataset was not skipped")
	}
	if _, err := Load(ctx, dsn, Options{Scale: scale * 2}); err == nil {
		t.Error("a load of another scale over a loaded database was not refused without Force")
	}

	// The same options make the same rows in another database.
	other := dbtest.NewSuperuser(t)
	if _, err := Load(ctx, other, Options{Scale: scale}); err != nil {
		t.Fatal(err)
	}
	db2, err := sql.Open("postgres", other)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	for _, table := range []string{"child", "parent", "plan_line", "service_delivery", "compensation_claim"} {
		// created_at-like columns hold generated dates, never the clock, so whole rows compare
		query := `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ` + table + ` t`
		var a, b string
		if err := db.QueryRowContext(ctx, query).Scan(&a); err != nil {
			t.Fatal(err)
		}
		if err := db2.QueryRowContext(ctx, query).Scan(&b); err != nil {
			t.Fatal(err)
		}
		if a != b {
			t.Errorf("%s differs between two loads of the same scale and seed", table)
		}
	}
}
