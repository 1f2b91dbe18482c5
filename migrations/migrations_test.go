package migrations_test

import (
	"context"
	"database/sql"
	"io/fs"
	"strings"
	"testing"

	_ "github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/localpg"
	"atbalsts/migrations"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// TestUp_EmptyDatabase migrates a database that has nothing, checks the reference data
// against ../shared/reference, and checks that a second run applies nothing.
func TestUp_EmptyDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	admin := dbtest.AdminDSN(t)
	if err := localpg.CreateDatabase(ctx, admin, "migrate_empty", ""); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", localpg.WithDatabase(admin, "migrate_empty"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t.Cleanup(func() {
		db.Close()
		a, _ := sql.Open("postgres", admin)
		a.Exec(`DROP DATABASE migrate_empty WITH (FORCE)`)
		a.Close()
	})

	n, err := migrations.Up(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != embedded(t) {
		t.Errorf("applied %d migrations, want %d", n, embedded(t))
	}
	if cur, err := migrations.Current(ctx, db); err != nil || cur != migrations.Latest() {
		t.Errorf("Current = %d, %v; want %d", cur, err, migrations.Latest())
	}
	if n, err := migrations.Up(ctx, db); err != nil || n != 0 {
		t.Errorf("second Up applied %d, %v; want 0", n, err)
	}

	// Per region: municipalities existing today, and ever (the reference README's counts of
	// 2021; Varakļānu novads of Vidzeme merged into Madonas novads in 2025).
	rows, err := db.Query(`SELECT r.code,
			count(*) FILTER (WHERE m.valid_to IS NULL OR m.valid_to >= current_date),
			count(m.id)
		FROM planning_region r LEFT JOIN municipality m ON m.region_id = r.id
		GROUP BY r.code ORDER BY r.code`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string][2]int{}
	for rows.Next() {
		var code string
		var now, ever int
		if err := rows.Scan(&code, &now, &ever); err != nil {
			t.Fatal(err)
		}
		got[code] = [2]int{now, ever}
	}
	want := map[string][2]int{"KURZEME": {8, 8}, "LATGALE": {9, 9}, "RIGA": {9, 9}, "VIDZEME": {10, 11}, "ZEMGALE": {6, 6}}
	for code, w := range want {
		if got[code] != w {
			t.Errorf("%s: %v municipalities (today, ever), want %v", code, got[code], w)
		}
	}
	if len(got) != 5 {
		t.Errorf("%d regions, want 5", len(got))
	}

	// Every service type domain.md names is in the catalogue.
	for _, code := range []string{"PHYSIOTHERAPY", "SPEECH_THERAPY", "MUSIC_THERAPY", "CANISTHERAPY",
		"OCCUPATIONAL_THERAPY", "MASSAGE", "PSYCHOLOGIST", "BAK_THERAPY", "ABA_THERAPY", "SAND_THERAPY",
		"HOME_CARE", "RESPITE_CARE", "DAY_CARE_CENTRE", "EQUINE_THERAPY", "ART_THERAPY", "PSYCHOTHERAPIST",
		"SPECIAL_EDUCATOR", "HYDROTHERAPY", "DANCE_MOVEMENT_THERAPY", "REHABILITATION_PHYSICIAN",
		"PARENT_SUPPORT_GROUP"} {
		var ok bool
		if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM service_type WHERE code = $1)`, code).Scan(&ok); err != nil || !ok {
			t.Errorf("service type %s missing (%v)", code, err)
		}
	}
}

// TestUp_Concurrent: instances starting together migrate once, under the lock; none fails.
func TestUp_Concurrent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	admin := dbtest.AdminDSN(t)
	if err := localpg.CreateDatabase(ctx, admin, "migrate_concurrent", ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, _ := sql.Open("postgres", admin)
		a.Exec(`DROP DATABASE migrate_concurrent WITH (FORCE)`)
		a.Close()
	})
	const instances = 4
	type result struct {
		applied int
		err     error
	}
	results := make(chan result, instances)
	for i := 0; i < instances; i++ {
		go func() {
			db, err := sql.Open("postgres", localpg.WithDatabase(admin, "migrate_concurrent"))
			if err != nil {
				results <- result{err: err}
				return
			}
			defer db.Close()
			n, err := migrations.Up(ctx, db)
			results <- result{n, err}
		}()
	}
	total := 0
	for i := 0; i < instances; i++ {
		r := <-results
		if r.err != nil {
			t.Error(r.err)
		}
		total += r.applied
	}
	if total != embedded(t) {
		t.Errorf("%d instances applied %d migrations in all, want %d (each once)", instances, total, embedded(t))
	}
}

// TestForwardOnly: migrations are never undone, so no file carries a Down section.
func TestForwardOnly(t *testing.T) {
	names, _ := fs.Glob(migrations.FS, "*.sql")
	if len(names) == 0 {
		t.Fatal("no migrations embedded")
	}
	for _, name := range names {
		data, _ := fs.ReadFile(migrations.FS, name)
		if strings.Contains(string(data), "+goose Down") {
			t.Errorf("%s has a Down section; migrations are forward-only", name)
		}
		if !strings.Contains(string(data), "+goose Up") {
			t.Errorf("%s has no '-- +goose Up' annotation", name)
		}
	}
}

// embedded is how many migrations the binary embeds: not the latest version, as numbers may
// have gaps while branches that each add one are merged.
func embedded(t *testing.T) int {
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	return len(names)
}
