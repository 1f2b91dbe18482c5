package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"
)

// row is one scenario at one client count: every round of every system.
type row struct {
	scenario *scenario
	clients  int
	atb, pg  []roundResult
	pgb      []float64
	pgbErr   string
}

type report struct {
	cfg                config
	sizes              sizes
	rows               []*row
	notes              []string
	loadNote           string
	loadStart, loadEnd string
	elapsed            time.Duration
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func each(rs []roundResult, f func(roundResult) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func p50(r roundResult) float64 { return ms(r.percentile(0.50)) }
func p99(r roundResult) float64 { return ms(r.percentile(0.99)) }
func rps(r roundResult) float64 { return r.rps() }
func sps(r roundResult) float64 { return float64(r.recorded) / r.seconds }

// perRequest is SQL statements per request over all rounds.
func perRequest(rs []roundResult) float64 {
	var stmts, reqs int64
	for _, r := range rs {
		stmts += r.stmts
		reqs += int64(r.requests)
	}
	if reqs == 0 {
		return 0
	}
	return float64(stmts) / float64(reqs)
}

func peakMiB(rs []roundResult) float64 {
	var peak int64
	for _, r := range rs {
		peak = max(peak, r.rssPeak)
	}
	return float64(peak) / (1 << 20)
}

func errorSummary(rs []roundResult) string {
	total := map[string]int{}
	for _, r := range rs {
		for k, v := range r.errors {
			total[k] += v
		}
	}
	return countsText(total)
}

func countsText(m map[string]int) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func num(v float64, format string) string {
	if v == 0 {
		return "–"
	}
	return fmt.Sprintf(format, v)
}

func (r *report) markdown() string {
	var b strings.Builder
	cfg := r.cfg
	fmt.Fprintf(&b, "\n## Atbalsts benchmark, %s\n\n", time.Now().Format("2006-01-02 15:04"))
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s RAM; load average at start %s, at end %s.  \n", cpuModel(), runtime.NumCPU(), memTotal(), r.loadStart, r.loadEnd)
	fmt.Fprintf(&b, "Dataset: scale %g (%d children, %d parents, %d plans, %d plan lines, ~%d deliveries, %d claims); %s.  \n",
		cfg.scale, r.sizes.children, r.sizes.parents, r.sizes.plans, r.sizes.lines, r.sizes.deliveries, r.sizes.claims, r.loadNote)
	fmt.Fprintf(&b, "Rounds: %d interleaved (Atbalsts, PostGraphile, pgbench) per scenario and client count, %s measured after %s warm-up each; medians over rounds. Whole run %s.\n\n",
		cfg.rounds, cfg.duration, cfg.warmup, r.elapsed.Round(time.Second))

	b.WriteString("| scenario | clients | Atbalsts req/s | p50 ms | p99 ms | PostGraphile req/s | PG p99 ms | Atbalsts/PG | pgbench tps | Atbalsts/pgbench | SQL stmts/req Atbalsts (PG) | Atbalsts RSS peak MiB (PG) |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var errs []string
	for _, w := range r.rows {
		if w.scenario.write {
			continue
		}
		a, p := median(each(w.atb, rps)), median(each(w.pg, rps))
		tps := median(w.pgb)
		fmt.Fprintf(&b, "| %s | %d | %.0f | %.1f | %.1f | %s | %s | %s | %s | %s | %.1f (%s) | %.0f (%s) |\n",
			w.scenario.name, w.clients, a, median(each(w.atb, p50)), median(each(w.atb, p99)),
			num(p, "%.0f"), num(median(each(w.pg, p99)), "%.1f"), ratio(a, p), num(tps, "%.0f"), ratio(a, tps),
			perRequest(w.atb), num(perRequest(w.pg), "%.1f"), peakMiB(w.atb), num(peakMiB(w.pg), "%.0f"))
		errs = append(errs, w.errorLines()...)
	}

	b.WriteString("\n| recording | clients | Atbalsts req/s | sessions recorded/s | refused a second, by code | p50 ms | p99 ms | PostGraphile rows/s | PG p99 ms | Atbalsts/PG (sessions) | SQL stmts/session Atbalsts (PG) | Atbalsts RSS peak MiB (PG) |\n")
	b.WriteString("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, w := range r.rows {
		if !w.scenario.write {
			continue
		}
		refused := map[string]int{}
		recorded, pgRows := 0, 0
		var secs float64
		for _, x := range w.atb {
			recorded += x.recorded
			secs += x.seconds
			for k, v := range x.refused {
				refused[k] += v
			}
		}
		for _, x := range w.pg {
			pgRows += x.recorded
		}
		var refusedText []string
		for _, kv := range strings.Split(countsText(refused), ", ") {
			if kv == "" {
				continue
			}
			var code string
			var n int
			fmt.Sscanf(kv, "%s %d", &code, &n)
			refusedText = append(refusedText, fmt.Sprintf("%s %.1f", code, float64(n)/secs))
		}
		perSession := func(rs []roundResult) string {
			var stmts int64
			var rec int
			for _, x := range rs {
				stmts += x.stmts
				rec += x.recorded
			}
			if rec == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f", float64(stmts)/float64(rec))
		}
		a, p := median(each(w.atb, sps)), median(each(w.pg, sps))
		fmt.Fprintf(&b, "| %s | %d | %.0f | %.0f | %s | %.1f | %.1f | %s | %s | %s | %s (%s) | %.0f (%s) |\n",
			w.scenario.name, w.clients, median(each(w.atb, rps)), a, orDash(strings.Join(refusedText, ", ")),
			median(each(w.atb, p50)), median(each(w.atb, p99)), num(p, "%.0f"), num(median(each(w.pg, p99)), "%.1f"),
			ratio(a, p), perSession(w.atb), perSession(w.pg), peakMiB(w.atb), num(peakMiB(w.pg), "%.0f"))
		errs = append(errs, w.errorLines()...)
	}

	b.WriteString("\nNotes:\n")
	notes := append([]string{
		"PostGraphile runs as the PostgreSQL superuser with no access rules, no audit log and no token check: it reads every row and writes what it is given. Its recording is its generated createServiceDelivery, which checks none of the delivery rules (plan active, line units, caps, budget) and computes no price.",
		"Atbalsts answers as the bench ADMIN with a personal access token (one per client), so each request also authenticates, notes the token's use and audits reads of personal data.",
		"pgbench replays, with PostgreSQL alone, the statements a captured Atbalsts request ran (parameters inlined, each pgbench client with its own token, -M prepared, a thread for every 4 clients); its tps is the ceiling for Atbalsts's own SQL. It does not replay recordings.",
		"SQL stmts/req: pg_stat_statements calls during the rounds (BEGIN and COMMIT included) divided by the requests answered.",
		"Numbers depend on the machine and on what else runs on it: compare ratios from one run, not absolute numbers across machines.",
	}, r.notes...)
	for _, n := range notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	if len(errs) > 0 {
		b.WriteString("\nErrors (requests answered with an error, all rounds):\n")
		for _, e := range errs {
			fmt.Fprintf(&b, "- %s\n", e)
		}
	}
	return b.String()
}

func (w *row) errorLines() []string {
	var out []string
	if e := errorSummary(w.atb); e != "" {
		out = append(out, fmt.Sprintf("Atbalsts, %s, %d clients: %s", w.scenario.name, w.clients, e))
	}
	if e := errorSummary(w.pg); e != "" {
		out = append(out, fmt.Sprintf("PostGraphile, %s, %d clients: %s", w.scenario.name, w.clients, e))
	}
	if w.pgbErr != "" {
		out = append(out, fmt.Sprintf("pgbench, %s, %d clients: %s", w.scenario.name, w.clients, w.pgbErr))
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	data, _ := os.ReadFile("/proc/meminfo")
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return fmt.Sprintf("%.0f GiB", float64(kb)/(1<<20))
		}
	}
	return "?"
}
