// Command run is Atbalsts's benchmark (`make bench`, `make bench-quick`): on a private
// PostgreSQL cluster under bench/.data it loads the dataset of bench/dataset, starts
// Atbalsts (bin/atbalsts) and PostGraphile 4 on the same database, captures the SQL that
// Atbalsts runs for each read scenario as pgbench scripts, and then runs interleaved rounds
// (Atbalsts, PostGraphile, pgbench) of each scenario at each client count with a closed-loop
// load generator. It prints a markdown table of medians and ratios; bench/README.md explains
// the columns.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lib/pq"

	"atbalsts/bench/dataset"
	"atbalsts/domain"
	"atbalsts/localpg"
	"atbalsts/migrations"
)

type config struct {
	scale        float64
	seed         uint64
	rounds       int
	duration     time.Duration
	warmup       time.Duration
	clients      []int
	batch        int
	samples      int
	dir          string
	bin          string
	pgPool       int
	pgWorkers    int
	sharedBufs   string
	skipPG       bool
	skipPgbench  bool
	only         string
	forceDataset bool
	loadOnly     bool
	pgbThreads   int
}

func main() {
	var cfg config
	var clients string
	flag.Float64Var(&cfg.scale, "scale", 1.0, "dataset scale: 1.0 is national (10 M deliveries), 0.01 a quick run")
	flag.Uint64Var(&cfg.seed, "seed", dataset.DefaultSeed, "dataset seed")
	flag.IntVar(&cfg.rounds, "rounds", 5, "interleaved rounds per scenario and client count")
	flag.DurationVar(&cfg.duration, "duration", 6*time.Second, "measured time of a round")
	flag.DurationVar(&cfg.warmup, "warmup", time.Second, "unmeasured time before each HTTP round")
	flag.StringVar(&clients, "clients", "8,32", "comma-separated concurrent client counts")
	flag.IntVar(&cfg.batch, "batch", 10, "sessions per recordDeliveries request")
	flag.IntVar(&cfg.samples, "samples", 20, "requests captured per read scenario for pgbench")
	flag.StringVar(&cfg.dir, "dir", "bench/.data", "where the cluster, logs and results live")
	flag.StringVar(&cfg.bin, "bin", "bin/atbalsts", "the Atbalsts binary (make build)")
	flag.IntVar(&cfg.pgPool, "postgraphile-pool", 10, "PostGraphile's --max-pool-size (its default is 10)")
	flag.IntVar(&cfg.pgWorkers, "postgraphile-workers", 1, "PostGraphile's --cluster-workers (1: a single process)")
	flag.StringVar(&cfg.sharedBufs, "shared-buffers", "1GB", "the bench cluster's shared_buffers")
	flag.BoolVar(&cfg.skipPG, "skip-postgraphile", false, "do not run PostGraphile")
	flag.BoolVar(&cfg.skipPgbench, "skip-pgbench", false, "do not capture statements or run pgbench")
	flag.StringVar(&cfg.only, "only", "", "run only the scenarios whose name contains this")
	flag.BoolVar(&cfg.forceDataset, "force-dataset", false, "reload the dataset even if it is loaded")
	flag.IntVar(&cfg.pgbThreads, "pgbench-threads", 0, "pgbench threads (-j); 0: one for every 4 clients")
	flag.BoolVar(&cfg.loadOnly, "load-only", false, "start the cluster, load the dataset if needed, and stop")
	flag.Parse()
	for _, f := range strings.Split(clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			fmt.Fprintln(os.Stderr, "run: bad -clients", clients)
			os.Exit(2)
		}
		cfg.clients = append(cfg.clients, n)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log); err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg config, log *slog.Logger) error {
	loadStart := loadAvg()
	started := time.Now()
	dir, err := filepath.Abs(cfg.dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cluster, err := startCluster(ctx, dir, cfg.sharedBufs, log)
	if err != nil {
		return err
	}
	defer cluster.Stop()

	dbName := "atbalsts_bench_" + strings.NewReplacer(".", "_", "-", "_").Replace(strconv.FormatFloat(cfg.scale, 'f', -1, 64))
	if cfg.seed != dataset.DefaultSeed {
		dbName += fmt.Sprintf("_seed%d", cfg.seed)
	}
	if err := cluster.CreateDatabase(ctx, dbName); err != nil {
		return err
	}
	dsn := cluster.DSN(dbName)
	res, err := dataset.Load(ctx, dsn, dataset.Options{Scale: cfg.scale, Seed: cfg.seed, Force: cfg.forceDataset, Log: log})
	if err != nil {
		return err
	}
	loadNote := fmt.Sprintf("dataset %s loaded in %.0f s", dbName, res.Elapsed.Seconds())
	if res.Skipped {
		loadNote = fmt.Sprintf("dataset %s was loaded already", dbName)
	}
	if cfg.loadOnly {
		fmt.Println(loadNote)
		return nil
	}
	db, err := sql.Open("postgres", dsn+" application_name=atbalsts-bench")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS pg_stat_statements`); err != nil {
		return err
	}
	sizes, err := datasetSizes(ctx, db)
	if err != nil {
		return err
	}

	atbProc, atb, err := startAtbalsts(ctx, cfg.bin, dsn, filepath.Join(dir, "atbalsts.log"), log)
	if err != nil {
		return err
	}
	defer atbProc.stop()
	var pg *target
	if !cfg.skipPG {
		pgProc, t, err := startPostGraphile(ctx, dir, cfg, socketDir(dsn), dbName, log)
		if err != nil {
			return err
		}
		defer pgProc.stop()
		pg = t
	} else {
		pg = &target{name: "PostGraphile (skipped)"}
	}

	scenarios, notes, err := buildScenarios(ctx, db, atb, pg, recordingDay(), cfg.batch)
	if err != nil {
		return err
	}
	if cfg.only != "" {
		var kept []*scenario
		for _, s := range scenarios {
			if strings.Contains(s.name, cfg.only) {
				kept = append(kept, s)
			}
		}
		scenarios = kept
	}

	scripts := map[*scenario][]string{}
	var pb *pgbench
	if !cfg.skipPgbench {
		pb = &pgbench{bin: pgbenchPath(), host: socketDir(dsn), database: dbName}
		scripts, notes, err = captureAll(ctx, cfg, dir, dsn, dbName, cluster.Dir(), scenarios, pb, notes, log)
		if err != nil {
			return err
		}
	}

	rep := &report{cfg: cfg, sizes: sizes, loadStart: loadStart, notes: notes, loadNote: loadNote}
	for _, s := range scenarios {
		for _, c := range cfg.clients {
			row := &row{scenario: s, clients: c}
			rep.rows = append(rep.rows, row)
			for r := 1; r <= cfg.rounds; r++ {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				log.Info("round", "scenario", s.name, "clients", c, "round", r)
				before := statements(ctx, db, dbName)
				a := runLoad(ctx, atb, c, cfg.warmup, cfg.duration, s.atbalsts, s.atbCheck)
				a.stmts = statements(ctx, db, dbName) - before
				row.atb = append(row.atb, a)
				if !cfg.skipPG {
					before = statements(ctx, db, dbName)
					p := runLoad(ctx, pg, c, cfg.warmup, cfg.duration, s.postgraphile, s.pgCheck)
					p.stmts = statements(ctx, db, dbName) - before
					row.pg = append(row.pg, p)
				}
				if files := scripts[s]; pb != nil && len(files) > 0 {
					tps, err := pb.run(ctx, files, c, cfg.pgbThreads, cfg.duration)
					if err != nil {
						log.Warn("pgbench failed", "scenario", s.name, "err", err)
						row.pgbErr = err.Error()
					} else {
						row.pgb = append(row.pgb, tps)
					}
				}
			}
		}
	}
	rep.loadEnd = loadAvg()
	rep.elapsed = time.Since(started)
	out := rep.markdown()
	fmt.Print(out)
	resultsDir := filepath.Join(dir, "results")
	if err := os.MkdirAll(resultsDir, 0o755); err == nil {
		path := filepath.Join(resultsDir, time.Now().Format("20060102-150405")+".md")
		if os.WriteFile(path, []byte(out), 0o644) == nil {
			log.Info("results saved", "path", path)
		}
	}
	return nil
}

// startCluster starts the bench's own PostgreSQL: durable like production (fsync on), with
// pg_stat_statements preloaded and a CSV log for the statement capture. The settings that
// need a restart are written with ALTER SYSTEM and the cluster restarted once.
func startCluster(ctx context.Context, dir, sharedBuffers string, log *slog.Logger) (*localpg.Cluster, error) {
	opts := localpg.Options{Dir: filepath.Join(dir, "pg"), LogFile: filepath.Join(dir, "pg.log"), Logger: log}
	c, err := localpg.Start(ctx, opts)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("postgres", c.DSN("postgres"))
	if err != nil {
		c.Stop()
		return nil, err
	}
	defer db.Close()
	settings := [][2]string{
		{"shared_preload_libraries", "pg_stat_statements"},
		{"logging_collector", "on"},
		{"log_destination", "csvlog"},
		{"log_directory", "log"},
		{"log_filename", "postgresql.log"},
		{"log_rotation_size", "0"},
		{"log_rotation_age", "0"},
		{"shared_buffers", sharedBuffers},
		{"effective_cache_size", "4GB"},
	}
	for _, s := range settings {
		if _, err := db.ExecContext(ctx, fmt.Sprintf(`ALTER SYSTEM SET %s = '%s'`, s[0], s[1])); err != nil {
			c.Stop()
			return nil, err
		}
	}
	// After a reload, pg_settings tells which changed settings wait for a restart (only ours:
	// max_connections, given on localpg's command line, always differs from the file).
	var names []string
	for _, s := range settings {
		names = append(names, s[0])
	}
	var restart bool
	if _, err := db.ExecContext(ctx, `SELECT pg_reload_conf()`); err == nil {
		time.Sleep(300 * time.Millisecond)
		err = db.QueryRowContext(ctx, `SELECT coalesce(bool_or(pending_restart), false) FROM pg_settings WHERE name = ANY($1)`,
			pq.Array(names)).Scan(&restart)
		if err != nil {
			c.Stop()
			return nil, err
		}
	}
	db.Close()
	if !restart {
		return c, nil
	}
	log.Info("restarting the bench cluster with its settings")
	if err := c.Stop(); err != nil {
		return nil, err
	}
	return localpg.Start(ctx, opts)
}

func socketDir(dsn string) string {
	for _, f := range strings.Fields(dsn) {
		if v, ok := strings.CutPrefix(f, "host="); ok {
			return v
		}
	}
	return ""
}

func pgbenchPath() string {
	if bin, err := localpg.FindBinaries(); err == nil {
		if p := filepath.Join(bin, "pgbench"); fileExists(p) {
			return p
		}
	}
	if p, err := exec.LookPath("pgbench"); err == nil {
		return p
	}
	return "pgbench"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func statements(ctx context.Context, db *sql.DB, dbName string) int64 {
	var n int64
	_ = db.QueryRowContext(ctx, `SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s
		JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 AND s.query NOT ILIKE '%pg_stat_statements%'`, dbName).Scan(&n)
	return n
}

type sizes struct {
	children, parents, plans, lines, deliveries, claims int64
}

func datasetSizes(ctx context.Context, db *sql.DB) (sizes, error) {
	var s sizes
	err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM child), (SELECT count(*) FROM parent),
		(SELECT count(*) FROM support_plan), (SELECT count(*) FROM plan_line),
		(SELECT reltuples::bigint FROM pg_class WHERE oid = 'service_delivery'::regclass),
		(SELECT count(*) FROM compensation_claim)`).Scan(&s.children, &s.parents, &s.plans, &s.lines, &s.deliveries, &s.claims)
	return s, err
}

// proc is a server the bench started.
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
}

func startProc(name string, cmd *exec.Cmd, logPath string) (*proc, error) {
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Its own process group (Ctrl-C reaches the bench, which stops it), and a SIGTERM if the
	// bench dies first.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	return p, nil
}

func (p *proc) stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	// the process group: PostGraphile's cluster workers too
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(25 * time.Second):
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitHTTP polls until check answers true, the process exits or a minute passes.
func waitHTTP(ctx context.Context, p *proc, logPath string, check func() bool) error {
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		if check() {
			return nil
		}
		select {
		case <-p.done:
			return fmt.Errorf("%s exited during start-up; see %s", p.name, logPath)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s not ready after 90 s; see %s", p.name, logPath)
}

// createRoles creates the server's roles on the bench cluster of dsn (a superuser's).
func createRoles(ctx context.Context, dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return migrations.CreateRoles(ctx, db)
}

// startAtbalsts starts the binary on a free port against the bench database and waits for
// /readyz.
func startAtbalsts(ctx context.Context, bin, dsn, logPath string, log *slog.Logger) (*proc, *target, error) {
	abs, err := filepath.Abs(bin)
	if err != nil {
		return nil, nil, err
	}
	if !fileExists(abs) {
		return nil, nil, fmt.Errorf("%s is missing: run make build", bin)
	}
	port, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	// As deployed: the server connects as the application role, which owns nothing; the
	// bench's superuser (who loaded the data) runs the migrations and grants it its rights.
	if err := createRoles(ctx, dsn); err != nil {
		return nil, nil, err
	}
	cmd := exec.CommandContext(ctx, abs)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+localpg.WithUser(dsn, migrations.AppRole), "ATBALSTS_OWNER_DATABASE_URL="+dsn,
		"ATBALSTS_ADDR="+addr, "ATBALSTS_DATA_DIR="+filepath.Dir(logPath))
	p, err := startProc("atbalsts", cmd, logPath)
	if err != nil {
		return nil, nil, err
	}
	hc := &http.Client{Timeout: 2 * time.Second}
	if err := waitHTTP(ctx, p, logPath, func() bool {
		resp, err := hc.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}); err != nil {
		p.stop()
		return nil, nil, err
	}
	log.Info("Atbalsts ready", "addr", addr, "pid", p.cmd.Process.Pid)
	return p, &target{name: "Atbalsts", url: "http://" + addr + "/graphql", token: dataset.AdminToken, pid: p.cmd.Process.Pid}, nil
}

// startPostGraphile installs PostGraphile (npm ci, first run only) and starts it on the
// same database: the public schema, connections and simple lists both, no GraphiQL, no
// query log, as its documentation recommends for production.
func startPostGraphile(ctx context.Context, dir string, cfg config, socket, dbName string, log *slog.Logger) (*proc, *target, error) {
	pkg, err := filepath.Abs("bench/postgraphile")
	if err != nil {
		return nil, nil, err
	}
	cli := filepath.Join(pkg, "node_modules", "postgraphile", "cli.js")
	if !fileExists(cli) {
		log.Info("installing PostGraphile (npm ci)")
		npm := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
		npm.Dir, npm.Stdout, npm.Stderr = pkg, os.Stderr, os.Stderr
		if err := npm.Run(); err != nil {
			return nil, nil, fmt.Errorf("npm ci in bench/postgraphile: %w", err)
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	conn := fmt.Sprintf("postgres://postgres@%s:5432/%s", url.PathEscape(socket), dbName)
	args := []string{cli, "-c", conn, "--schema", "public", "--host", "127.0.0.1", "--port", strconv.Itoa(port),
		"--disable-graphiql", "--disable-query-log", "--simple-collections", "both", "--no-setof-functions-contain-nulls",
		"--dynamic-json", "--max-pool-size", strconv.Itoa(cfg.pgPool)}
	if cfg.pgWorkers > 1 {
		args = append(args, "--cluster-workers", strconv.Itoa(cfg.pgWorkers))
	}
	logPath := filepath.Join(dir, "postgraphile.log")
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Env = append(os.Environ(), "NODE_ENV=production")
	p, err := startProc("postgraphile", cmd, logPath)
	if err != nil {
		return nil, nil, err
	}
	t := &target{name: "PostGraphile", url: fmt.Sprintf("http://127.0.0.1:%d/graphql", port), pid: p.cmd.Process.Pid}
	hc := newHTTPClient(1)
	if err := waitHTTP(ctx, p, logPath, func() bool {
		status, data, err := post(ctx, hc, t, 0, gql(`{ allPlanningRegionsList { id } }`, nil).body)
		return err == nil && readOutcome(status, data).ok
	}); err != nil {
		p.stop()
		return nil, nil, err
	}
	log.Info("PostGraphile ready", "url", t.url, "pid", t.pid)
	return p, t, nil
}

// captureAll starts a second Atbalsts whose connections log every statement, sends it the
// sample requests of each read scenario one at a time, and writes and checks the pgbench
// scripts.
func captureAll(ctx context.Context, cfg config, dir, dsn, dbName, dataDir string, scenarios []*scenario, pb *pgbench,
	notes []string, log *slog.Logger) (map[*scenario][]string, []string, error) {
	out := map[*scenario][]string{}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, nil, err
	}
	var rel string
	err = db.QueryRowContext(ctx, `SELECT coalesce(pg_current_logfile('csvlog'), '')`).Scan(&rel)
	db.Close()
	if err != nil || rel == "" {
		return nil, append(notes, "pgbench: the cluster writes no CSV log, so no statements were captured"), nil
	}
	tail := &logTail{path: filepath.Join(dataDir, rel)}
	proc, capt, err := startAtbalsts(ctx, cfg.bin, dsn+" options='-c log_statement=all'", filepath.Join(dir, "atbalsts-capture.log"), log)
	if err != nil {
		return nil, nil, err
	}
	defer proc.stop()
	hc := newHTTPClient(1)
	scriptDir := filepath.Join(dir, "pgbench")
	os.RemoveAll(scriptDir)
	for si, s := range scenarios {
		if s.write {
			continue
		}
		var total, sessions, failed int
		var lastErr error
		for k := 0; k < cfg.samples; k++ {
			if err := tail.skip(); err != nil {
				return nil, nil, err
			}
			// client k: its own token, and the request client k sends first
			status, data, err := post(ctx, hc, capt, k, s.atbalsts(k, 0).body)
			if err != nil {
				return nil, nil, err
			}
			if o := s.atbCheck(status, data); !o.ok {
				return nil, nil, fmt.Errorf("capture %s: %s", s.name, o.errCode)
			}
			chunk, err := tail.next()
			if err != nil {
				return nil, nil, err
			}
			req, err := parseStatements(chunk, dbName)
			if err != nil {
				return nil, nil, err
			}
			file := filepath.Join(scriptDir, fmt.Sprintf("%d-%02d.sql", si+1, k))
			os.MkdirAll(scriptDir, 0o755)
			if err := os.WriteFile(file, []byte(req.script(domain.HashTokenSecret(dataset.AdminToken(k)))), 0o644); err != nil {
				return nil, nil, err
			}
			if err := pb.check(ctx, file); err != nil {
				failed++
				lastErr = err
				continue
			}
			total += len(req.statements)
			sessions += req.sessions
			out[s] = append(out[s], file)
		}
		if n := len(out[s]); n > 0 {
			notes = append(notes, fmt.Sprintf("pgbench %s: %d captured requests, %.1f statements (%.1f connections) a request",
				s.name, n, float64(total)/float64(n), float64(sessions)/float64(n)))
		}
		if failed > 0 {
			notes = append(notes, fmt.Sprintf("pgbench %s: %d captured scripts did not replay and were left out (%v)", s.name, failed, lastErr))
		}
	}
	return out, notes, nil
}
