// Command stats measures the statistics on the benchmark dataset (bench/gen loads it; 10 M
// deliveries at scale 1): the national figures by region and month over a year through the
// service (the maintained aggregates), against the plain GROUP BY over the deliveries that
// computes the same figures, and checks that both agree. It prints the latencies and the ratio.
//
//	go run ./bench/stats -database-url "$DATABASE_URL" -year 2025 -runs 30
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"atbalsts/domain"
	"atbalsts/service"
	"atbalsts/store"
)

func main() {
	url := flag.String("database-url", os.Getenv("DATABASE_URL"), "the bench database")
	year := flag.Int("year", 2025, "the year to count")
	runs := flag.Int("runs", 30, "timed runs of each (after 3 unmeasured)")
	flag.Parse()
	if err := run(*url, *year, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "stats:", err)
		os.Exit(1)
	}
}

// plainSQL is the same figures as the statistics' region-by-month grouping, straight from the
// deliveries: what a query without maintained aggregates has to do.
const plainSQL = `SELECT coalesce(m.region_id::text, '') AS region, coalesce(to_char(date_trunc('month', d.date), 'YYYY-MM'), '') AS month,
	GROUPING(m.region_id, date_trunc('month', d.date)) <> 0 AS is_total,
	count(DISTINCT d.child_id) FILTER (WHERE d.parent_id IS NULL) AS children,
	count(DISTINCT f.family_id) AS families,
	count(DISTINCT d.parent_id) AS parents,
	coalesce(sum(d.units) FILTER (WHERE st.unit = 'SESSION'), 0) AS sessions,
	coalesce(sum(d.units) FILTER (WHERE st.unit = 'HOUR'), 0) AS hours,
	count(*) AS deliveries,
	(sum(d.units * d.unit_price) * 100)::bigint AS cost_cents
	FROM service_delivery d JOIN municipality m ON m.id = d.municipality_id JOIN service_type st ON st.id = d.service_type_id
	JOIN child_family f ON f.child_id = d.child_id
	WHERE d.status <> 'REJECTED' AND d.date BETWEEN $1 AND $2
	GROUP BY GROUPING SETS ((m.region_id, date_trunc('month', d.date)), ())`

type plainRow struct {
	Region, Month                                string
	IsTotal                                      bool `db:"is_total"`
	Children, Families, Parents, Sessions, Hours int
	Deliveries                                   int
	CostCents                                    int64 `db:"cost_cents"`
}

func run(url string, year, runs int) error {
	ctx := context.Background()
	db, err := store.Open(ctx, url, 4, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	s := store.New(db)
	defer s.Close()
	if err := s.EnsureAuditPartitions(ctx); err != nil {
		return err
	}
	svc := service.New(s, nil)
	// An ADMIN of the bench dataset, as whom the statistics are asked (national, exact).
	var admin domain.User
	if err := db.Get(&admin, `SELECT id, email, name, role FROM app_user WHERE role = 'ADMIN' ORDER BY id LIMIT 1`); err != nil {
		return fmt.Errorf("the bench ADMIN: %w", err)
	}
	actx := domain.WithActor(ctx, domain.ActorOf(&admin, domain.AuthSystem, 0))
	from, to := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	filter := domain.StatisticsFilter{From: from, To: to}
	dims := []domain.StatDimension{domain.DimRegion, domain.DimMonth}

	var res *domain.StatisticsResult
	stat := func() error {
		var err error
		res, err = svc.Statistics.Query(actx, filter, dims, 5, "bench")
		return err
	}
	var plain []plainRow
	plainQuery := func() error {
		plain = nil
		return sqlx.SelectContext(ctx, db, &plain, plainSQL, from, to)
	}
	statTimes, err := measure(stat, runs)
	if err != nil {
		return err
	}
	plainTimes, err := measure(plainQuery, max(3, runs/5))
	if err != nil {
		return err
	}
	if err := agree(res, plain); err != nil {
		return err
	}
	var deliveries int
	db.Get(&deliveries, `SELECT count(*) FROM service_delivery`)
	fmt.Printf("deliveries in the database: %d; rows: %d regions x months; total %d children, %d deliveries, EUR %s\n",
		deliveries, len(res.Rows), res.Total.Children, res.Total.Deliveries, res.Total.Cost)
	fmt.Printf("statistics (maintained aggregates), %d runs: p50 %.1f ms, p90 %.1f ms, min %.1f ms\n", len(statTimes),
		ms(pct(statTimes, 50)), ms(pct(statTimes, 90)), ms(statTimes[0]))
	fmt.Printf("plain GROUP BY over the deliveries, %d runs: p50 %.1f ms, min %.1f ms\n", len(plainTimes), ms(pct(plainTimes, 50)), ms(plainTimes[0]))
	fmt.Printf("ratio of the medians: %.1fx\n", float64(pct(plainTimes, 50))/float64(pct(statTimes, 50)))

	// Other shapes, for what they cost (the cube holds only the first; the others are counted
	// from the monthly aggregate, and days of a month a period covers in part from the deliveries).
	var someMunicipality int
	db.Get(&someMunicipality, `SELECT municipality_id FROM service_delivery GROUP BY 1 ORDER BY count(*) DESC OFFSET 10 LIMIT 1`)
	others := []struct {
		name string
		f    domain.StatisticsFilter
		dims []domain.StatDimension
	}{
		{"national, a year, by municipality (cube)", filter, []domain.StatDimension{domain.DimMunicipality}},
		{"national, a year, by year (cube)", filter, []domain.StatDimension{domain.DimYear}},
		{"national, a year, by service category", filter, []domain.StatDimension{domain.DimServiceCategory}},
		{"national, a year, by month and age band", filter, []domain.StatDimension{domain.DimMonth, domain.DimAgeBand}},
		{"one municipality, 1 Jan - 11 Nov, by service type", domain.StatisticsFilter{From: from, To: time.Date(year, 11, 11, 0, 0, 0, 0, time.UTC),
			MunicipalityIDs: []int{someMunicipality}}, []domain.StatDimension{domain.DimServiceType}},
		{"national, 1 Jan - 11 Nov, by region", domain.StatisticsFilter{From: from, To: time.Date(year, 11, 11, 0, 0, 0, 0, time.UTC)},
			[]domain.StatDimension{domain.DimRegion}},
	}
	for _, o := range others {
		times, err := measure(func() error { _, err := svc.Statistics.Query(actx, o.f, o.dims, 5, "bench"); return err }, max(3, runs/5))
		if err != nil {
			return err
		}
		fmt.Printf("%-52s p50 %8.1f ms (%d runs)\n", o.name, ms(pct(times, 50)), len(times))
	}
	times, err := measure(func() error { _, err := svc.Projects.Progress(actx, nil, nil); return err }, 3)
	if err != nil {
		return err
	}
	fmt.Printf("%-52s p50 %8.1f ms (%d runs)\n", "projectProgress, every project, today", ms(pct(times, 50)), len(times))
	return nil
}

func measure(fn func() error, runs int) ([]time.Duration, error) {
	for range 3 {
		if err := fn(); err != nil {
			return nil, err
		}
	}
	var out []time.Duration
	for range runs {
		start := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		out = append(out, time.Since(start))
	}
	slices.Sort(out)
	return out, nil
}

func pct(d []time.Duration, p int) time.Duration { return d[(len(d)-1)*p/100] }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// agree checks that the two answers hold the same figures.
func agree(res *domain.StatisticsResult, plain []plainRow) error {
	got := map[string]string{}
	for _, r := range res.Rows {
		got[fmt.Sprintf("%d %s", r.Key.RegionID, r.Key.Period)] = figures(r.StatMeasures)
	}
	got["total"] = figures(res.Total)
	for _, p := range plain {
		key := p.Region + " " + p.Month
		if p.IsTotal {
			key = "total"
		}
		want := figures(domain.StatMeasures{Children: p.Children, Families: p.Families, Parents: p.Parents, Sessions: p.Sessions,
			Hours: p.Hours, Deliveries: p.Deliveries, Cost: domain.Money(p.CostCents)})
		if got[key] != want {
			return fmt.Errorf("%s: statistics %s, plain GROUP BY %s", key, got[key], want)
		}
		delete(got, key)
	}
	if len(got) > 0 {
		return fmt.Errorf("rows only the statistics have: %v", got)
	}
	return nil
}

func figures(m domain.StatMeasures) string {
	return fmt.Sprintf("children %d families %d parents %d sessions %d hours %d deliveries %d cost %s",
		m.Children, m.Families, m.Parents, m.Sessions, m.Hours, m.Deliveries, m.Cost)
}
