// Command offline measures the offline package of mobile clients (domain/offline.go) on the
// benchmark dataset (bench/gen loads it; 10 M deliveries at scale 1): the whole package of the
// busiest municipality's worker and of the busiest provider's specialist, computed as every
// offlinePackage and changes call computes it, and the cursor of the worker's device. It
// brings the database to the latest migration first (as the server does when it starts).
//
//	go run ./bench/offline -database-url "$DATABASE_URL" -runs 10
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
	runs := flag.Int("runs", 10, "timed runs per caller (after 2 unmeasured)")
	flag.Parse()
	if err := run(*url, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "offline:", err)
		os.Exit(1)
	}
}

func run(url string, runs int) error {
	ctx := context.Background()
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
	// The municipality and the provider with the most children in active plans.
	var municipality, provider int
	if err := db.Get(&municipality, `SELECT c.municipality_id FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id
		JOIN child c ON c.id = sp.child_id WHERE r.status = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`); err != nil {
		return err
	}
	if err := db.Get(&provider, `SELECT l.provider_id FROM plan_line l JOIN plan_revision r ON r.id = l.revision_id
		WHERE r.status = 'ACTIVE' AND l.provider_id IS NOT NULL GROUP BY 1 ORDER BY count(DISTINCT r.plan_id) DESC LIMIT 1`); err != nil {
		return err
	}
	today := domain.Today(time.Now())
	for _, c := range []struct {
		name  string
		scope domain.OfflineScope
	}{
		{"MUNICIPALITY_WORKER (busiest)", domain.OfflineScope{MunicipalityIDs: []int{municipality}}},
		{"PROVIDER_SPECIALIST (busiest)", domain.OfflineScope{ProviderID: provider}},
	} {
		var took []time.Duration
		var entries []domain.OfflineChild
		for i := range runs + 2 {
			start := time.Now()
			if entries, err = s.OfflinePackage(ctx, c.scope, today); err != nil {
				return err
			}
			if i >= 2 {
				took = append(took, time.Since(start))
			}
		}
		slices.Sort(took)
		plans, lines := 0, 0
		for _, e := range entries {
			plans += len(e.Plans)
			for _, p := range e.Plans {
				lines += len(p.Lines)
			}
		}
		// What a device that holds it all sends as its cursor, and the diff's own time.
		_, _, held, _ := domain.OfflineDiff(nil, slices.Clone(entries))
		for len(held) < len(entries) { // the first pages' cursors, as a device pulls them
			_, _, held, _ = domain.OfflineDiff(held, slices.Clone(entries))
		}
		start := time.Now()
		domain.OfflineDiff(held, slices.Clone(entries))
		diff := time.Since(start)
		fmt.Printf("%-30s %5d children %5d plans %6d lines: package p50 %7.1f ms p95 %7.1f ms (%d runs); diff %5.1f ms; cursor %d bytes\n",
			c.name, len(entries), plans, lines, ms(took[len(took)/2]), ms(took[len(took)*95/100]), runs, ms(diff),
			len(domain.EncodeOfflineCursor(held)))
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
