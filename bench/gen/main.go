// Command gen loads the benchmark dataset (package atbalsts/bench/dataset) into the
// PostgreSQL database of -database-url: it runs the project's migrations, then COPYs the
// rows, and skips a database that holds the same dataset already.
//
//	go run ./bench/gen -database-url "$DATABASE_URL" -scale 0.01
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"atbalsts/bench/dataset"
)

func main() {
	url := flag.String("database-url", os.Getenv("DATABASE_URL"), "the bench database (DATABASE_URL); it is created anew when replaced")
	scale := flag.Float64("scale", 1.0, "1.0 is the national size (12,000 children, 10 M deliveries); 0.01 a quick run")
	seed := flag.Uint64("seed", dataset.DefaultSeed, "the generator's seed")
	force := flag.Bool("force", false, "reload even if the database holds this dataset")
	flag.Parse()
	if *url == "" || *scale <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := dataset.Load(ctx, *url, dataset.Options{Scale: *scale, Seed: *seed, Force: *force, Log: log})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if res.Skipped {
		return
	}
	fmt.Printf("%-28s %12s %9s %12s\n", "table", "rows", "seconds", "rows/s")
	for _, t := range res.Tables {
		fmt.Printf("%-28s %12d %9.1f %12.0f\n", t.Table, t.Rows, t.Seconds, float64(t.Rows)/max(t.Seconds, 1e-6))
	}
	fmt.Printf("total %.1f s\n", res.Elapsed.Seconds())
}
