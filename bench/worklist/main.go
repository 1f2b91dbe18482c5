// Command worklist measures the worklist (the home page's one query) on the benchmark dataset
// (bench/gen loads it; 10 M deliveries at scale 1) for an ADMIN (every kind, nationally), a
// REGION_COORDINATOR and a MUNICIPALITY_WORKER, on a day amid the dataset's deliveries, and
// prints each role's latencies and counts. It brings the database to the latest migration
// first (as the server does when it starts).
//
//	go run ./bench/worklist -database-url "$DATABASE_URL" -on 2025-06-15 -runs 20
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"atbalsts/domain"
	"atbalsts/migrations"
	"atbalsts/store"
)

func main() {
	url := flag.String("database-url", os.Getenv("DATABASE_URL"), "the bench database (as its owner)")
	on := flag.String("on", "2025-06-15", "the day the worklist is counted on")
	runs := flag.Int("runs", 20, "timed runs per role (after 2 unmeasured)")
	flag.Parse()
	if err := run(*url, *on, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "worklist:", err)
		os.Exit(1)
	}
}

func run(url, on string, runs int) error {
	ctx := context.Background()
	day, err := time.Parse(domain.DateLayout, on)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, url, 4, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := migrations.Up(ctx, db.DB); err != nil {
		return err
	}
	s := store.New(db)
	defer s.Close()
	// The busiest municipality and its region, for the worker and the coordinator.
	var busiest struct {
		Municipality int `db:"municipality_id"`
		Region       int `db:"region_id"`
	}
	if err := db.Get(&busiest, `SELECT d.municipality_id, m.region_id FROM service_delivery d JOIN municipality m ON m.id = d.municipality_id
		GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`); err != nil {
		return err
	}
	for _, role := range []struct {
		name  string
		actor domain.Actor
		scope store.WorklistScope
	}{
		{"ADMIN (national)", domain.Actor{UserID: 1, Role: domain.RoleAdmin}, store.WorklistScope{EditAll: true}},
		{"REGION_COORDINATOR", domain.Actor{UserID: 1, Role: domain.RoleRegionCoordinator, RegionID: busiest.Region},
			store.WorklistScope{LeadRegionID: busiest.Region}},
		{"MUNICIPALITY_WORKER (busiest)", domain.Actor{UserID: 1, Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{busiest.Municipality}},
			store.WorklistScope{MunicipalityID: []int{busiest.Municipality}}},
	} {
		kinds := domain.WorklistKindsOf(role.actor)
		var took []time.Duration
		var items []domain.WorklistItem
		for i := range runs + 2 {
			start := time.Now()
			if items, err = s.Worklist(ctx, role.scope, kinds, day); err != nil {
				return err
			}
			if i >= 2 {
				took = append(took, time.Since(start))
			}
		}
		slices.Sort(took)
		counts := ""
		for _, it := range items {
			counts += fmt.Sprintf(" %s=%d", it.Kind, it.Count)
		}
		for _, k := range kinds {
			start := time.Now()
			if _, err := s.Worklist(ctx, role.scope, []domain.WorklistKind{k}, day); err != nil {
				return err
			}
			fmt.Printf("    %-34s %7.1f ms\n", k, ms(time.Since(start)))
		}
		fmt.Printf("%-30s p50 %7.1f ms  p95 %7.1f ms  (%d runs)\n  %s\n", role.name, ms(took[len(took)/2]), ms(took[len(took)*95/100]), runs, counts)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
