package store_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"atbalsts/dbtest"
	"atbalsts/demo"
	"atbalsts/domain"
	"atbalsts/store"
)

// TestStore_ProjectProgress: the progress of any number of projects is read in a fixed few
// statements, none per project, partner or month (the figures themselves are checked over the
// API in server/progress_test.go).
func TestStore_ProjectProgress(t *testing.T) {
	t.Parallel()
	db, counter := dbtest.OpenCounting(t)
	s := store.New(db)
	if err := demo.Load(context.Background(), s, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		scope    domain.ClaimScope
		projects int
	}{
		{"All", domain.ClaimScope{All: true}, 3},
		{"NoMunicipalities", domain.ClaimScope{MunicipalityIDs: nil}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			counter.Reset()
			facts, err := s.ProjectProgress(context.Background(), c.scope, nil, time.Now())
			if err != nil || len(facts) != c.projects {
				t.Fatalf("%d projects (%v), want %d", len(facts), err, c.projects)
			}
			// projects, partners, targets, commitments, months (from the statistics cube), claims
			if n := counter.Count(); n > 6 {
				t.Errorf("%d statements, want at most 6: %v", n, counter.Statements())
			}
			for _, f := range facts {
				// The source projects run 2015-2023 with 9 and 12 partners; the current one
				// (demo/today.go) from 2024 with 6.
				if f.Project.StartDate.Year() >= 2024 {
					if len(f.Funds.ByMonth) < 12*2 || len(f.Partners) != 6 {
						t.Errorf("%s: %d months, %d partners", f.Project.Name, len(f.Funds.ByMonth), len(f.Partners))
					}
					continue
				}
				if len(f.Funds.ByMonth) < 12*10 || len(f.Partners) < 9 {
					t.Errorf("%s: %d months, %d partners", f.Project.Name, len(f.Funds.ByMonth), len(f.Partners))
				}
			}
		})
	}
}
