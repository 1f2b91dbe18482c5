package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jmoiron/sqlx"

	"atbalsts/domain"
	"atbalsts/store"
)

// Fault tests: the real binary, built by the test, on its embedded PostgreSQL, killed in the
// ways production kills it. They take a minute or more on a busy machine, so they run only
// with ATBALSTS_FAULT_TESTS=1: `make test-faults`, which `make test` runs.

const faultEnv = "ATBALSTS_FAULT_TESTS"

func faultTest(t *testing.T) {
	t.Helper()
	if os.Getenv(faultEnv) == "" {
		t.Skipf("a fault test: run with %s=1 (make test-faults)", faultEnv)
	}
}

// buildBinary builds cmd/atbalsts into a temporary directory (without the SPA: the API is
// what these tests use), with the race detector when race: a race in the supervisor or the
// shutdown then shows as a failed exit (stop checks it) and in the log.
func buildBinary(t *testing.T, race bool) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "atbalsts")
	args := []string{"build", "-o", bin}
	if race {
		args = append(args, "-race")
	}
	cmd := exec.Command("go", append(args, "atbalsts/cmd/atbalsts")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// serverProc is a running atbalsts process.
type serverProc struct {
	t       *testing.T
	cmd     *exec.Cmd
	addr    string
	dataDir string
	log     *syncWriter
	logs    *strings.Builder
	exited  chan struct{}
}

// startServer runs the binary on dataDir and waits until /readyz answers 200.
func startServer(t *testing.T, bin, dataDir string, args ...string) *serverProc {
	t.Helper()
	p := &serverProc{t: t, addr: freeAddr(t), dataDir: dataDir, logs: &strings.Builder{}, exited: make(chan struct{})}
	p.log = &syncWriter{w: p.logs}
	p.cmd = exec.Command(bin, append([]string{"--addr", p.addr, "--data-dir", dataDir}, args...)...)
	p.cmd.Env = append(os.Environ(), "DATABASE_URL=")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.exited
		if t.Failed() {
			t.Logf("server log:\n%s", p.logText())
		}
	})
	deadline := time.Now().Add(120 * time.Second)
	for {
		select {
		case <-p.exited:
			t.Fatalf("the server exited before it was ready: %v\n%s", p.cmd.ProcessState, p.logText())
		default:
		}
		if p.probe("/readyz") == http.StatusOK {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready within 120 s:\n%s", p.logText())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *serverProc) logText() string {
	p.log.mu.Lock()
	defer p.log.mu.Unlock()
	return p.logs.String()
}

// probe returns the status of GET path, 0 when the server does not answer.
func (p *serverProc) probe(path string) int {
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get("http://" + p.addr + path)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// stop sends SIGTERM and waits for the exit.
func (p *serverProc) stop() {
	p.t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(90 * time.Second):
		p.t.Fatal("the server did not stop within 90 s of SIGTERM")
	}
	if !p.cmd.ProcessState.Success() || strings.Contains(p.logText(), "DATA RACE") {
		p.t.Fatalf("the server stopped with %v:\n%s", p.cmd.ProcessState, p.logText())
	}
}

// gql sends a GraphQL request with a bearer token. err is a transport failure (no answer).
func (p *serverProc) gql(token, query string, vars map[string]any) (gqlResponse, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, "http://"+p.addr+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	c := http.Client{Timeout: 30 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		return gqlResponse{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return gqlResponse{}, err
	}
	var r gqlResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return gqlResponse{}, fmt.Errorf("status %d, body %q: %w", resp.StatusCode, b, err)
	}
	r.status = resp.StatusCode
	return r, nil
}

// embeddedDB connects the test to the server's embedded PostgreSQL through its socket (the
// test runs as the cluster's user or as root).
func embeddedDB(t *testing.T, dataDir string) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Open("postgres", fmt.Sprintf("host=%s port=5432 user=postgres dbname=atbalsts sslmode=disable", filepath.Join(dataDir, "postgres")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testAPIOn is a test API over another database than the test's own (here: the embedded one
// of a server the test runs), for the fixtures and tokens.
func testAPIOn(t *testing.T, db *sqlx.DB) *testAPI {
	s := store.New(db)
	t.Cleanup(s.Close)
	return &testAPI{t, Handler(NewLogger(io.Discard, "text"), s, fstest.MapFS{}, Options{}), s}
}

// faultWorld is a delivery world in a running server's database with one active plan per
// writer (a child each, so that writers do not queue on one child's lock), each line planned
// for 100 sessions (the child's cap from June 2026).
type faultWorld struct {
	*deliveryWorld
	plans []*domain.SupportPlan
	lines []string
}

func newFaultWorld(t *testing.T, db *sqlx.DB, writers int) *faultWorld {
	w := &faultWorld{deliveryWorld: deliveryWorldOn(caseWorldOn(testAPIOn(t, db)))}
	for range writers {
		plan, _, keys := w.activePlan(nil, 100000000, line{"PHYSIOTHERAPY", "CHILD", 100})
		w.plans = append(w.plans, plan)
		w.lines = append(w.lines, keys[0])
	}
	return w
}

const recordBatch = `mutation($in: [RecordDeliveryInput!]!) { recordDeliveries(input: {deliveries: $in}) {
	results { idempotencyKey delivery { id } error { code message } } } }`

// batch is a recordDeliveries batch: its keys, and the input with them. The note of each
// delivery is its key, which finds its rows in the database.
type batch struct {
	keys  []string
	input []map[string]any
}

func (w *faultWorld) batch(writer, size int, date string) batch {
	var b batch
	for range size {
		k := w.key()
		b.keys = append(b.keys, k)
		b.input = append(b.input, map[string]any{"idempotencyKey": k, "planId": gid("SupportPlan", w.plans[writer].ID),
			"lineKey": w.lines[writer], "date": date, "units": 1, "note": k})
	}
	return b
}

// send records the batch; it reports whether every delivery of it was recorded (acknowledged),
// and fails the test when the server answers a refusal, which no retry would change.
func (w *faultWorld) send(t *testing.T, p *serverProc, b batch) bool {
	r, err := p.gql(w.specialist.token, recordBatch, map[string]any{"in": b.input})
	if err != nil || len(r.Errors) > 0 || r.status != http.StatusOK {
		return false // no answer, or the whole request failed (the database is away)
	}
	var data struct {
		RecordDeliveries struct {
			Results []struct {
				IdempotencyKey string
				Delivery       *struct{ ID string }
				Error          *struct{ Code, Message string }
			}
		}
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Errorf("decode %s: %v", r.Data, err)
		return false
	}
	ok := len(data.RecordDeliveries.Results) == len(b.keys)
	for _, res := range data.RecordDeliveries.Results {
		switch {
		case res.Error != nil && res.Error.Code == "INTERNAL":
			ok = false // that delivery's transaction failed: retried with its key
		case res.Error != nil:
			t.Errorf("delivery %s refused: %s %s", res.IdempotencyKey, res.Error.Code, res.Error.Message)
			ok = false
		case res.Delivery == nil:
			ok = false
		}
	}
	return ok
}

// storedOnce checks that every key is stored as exactly one delivery of the world's plans,
// and that nothing else is.
func (w *faultWorld) storedOnce(t *testing.T, db *sqlx.DB, keys []string) {
	t.Helper()
	var rows []struct {
		Note string
		N    int
	}
	ids := make([]int, len(w.plans))
	for i, p := range w.plans {
		ids[i] = p.ID
	}
	q, args, err := sqlx.In(`SELECT note, count(*) AS n FROM service_delivery WHERE plan_id IN (?) GROUP BY note`, ids)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Select(&rows, db.Rebind(q), args...); err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	for _, r := range rows {
		stored[r.Note] = r.N
	}
	for _, k := range keys {
		if stored[k] != 1 {
			t.Errorf("delivery %s is stored %d times, want once", k, stored[k])
		}
		delete(stored, k)
	}
	for k, n := range stored {
		t.Errorf("delivery %s is stored %d times, but no write of it was acknowledged", k, n)
	}
}

// waitCond polls cond every 20 ms until it holds; it fails the test after limit.
func waitCond(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(limit); ; time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not within %v: %s", limit, what)
		}
	}
}

// TestFault_ServerKilledUnderWriteLoad: the server is killed with SIGKILL while writers
// record batches of deliveries with idempotency keys; after a restart on the same data every
// batch without an answer is sent again with the same keys. Every acknowledged delivery is
// stored, and none twice.
func TestFault_ServerKilledUnderWriteLoad(t *testing.T) {
	faultTest(t)
	const writers, batchSize = 4, 3
	bin := buildBinary(t, true)
	dataDir := filepath.Join(t.TempDir(), "data")
	srv := startServer(t, bin, dataDir)
	db := embeddedDB(t, dataDir)
	w := newFaultWorld(t, db, writers)

	var mu sync.Mutex
	var acked []string  // keys of acknowledged deliveries
	var pending []batch // batches sent without an answer when the server died
	ackedBatches := 0
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// 100 sessions a child: at most 33 batches of 3 each.
			for n := 0; n < 100/batchSize; n++ {
				b := w.batch(i, batchSize, fmt.Sprintf("2026-%02d-%02d", 6+n%5, 1+n%28))
				ok := w.send(t, srv, b)
				mu.Lock()
				if ok {
					acked = append(acked, b.keys...)
					ackedBatches++
				} else {
					pending = append(pending, b)
				}
				mu.Unlock()
				if !ok {
					return // the server is gone: this writer's last batch waits for the retry
				}
			}
		}()
	}
	waitCond(t, 120*time.Second, "8 acknowledged batches", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return ackedBatches >= 8
	})
	if err := srv.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-srv.exited
	wg.Wait()
	t.Logf("killed after %d acknowledged deliveries; %d batches without an answer", len(acked), len(pending))

	srv = startServer(t, bin, dataDir)
	for _, b := range pending {
		// A retry answers the first result for a key already stored, and records the others.
		if !w.send(t, srv, b) {
			t.Fatalf("the retry of batch %v failed", b.keys)
		}
		acked = append(acked, b.keys...)
	}
	w.storedOnce(t, db, acked)
	srv.stop()
}

// TestFault_PostmasterKilledUnderLoad: the embedded postmaster is killed with SIGKILL while
// writers record deliveries and readers list them. /healthz answers 503 while it is down and
// 200 once the supervisor has restarted it; reads and writes succeed again without a restart
// of the server; writers retry failed batches with their keys, and every acknowledged delivery
// is stored once.
func TestFault_PostmasterKilledUnderLoad(t *testing.T) {
	faultTest(t)
	const writers, readers, batchSize = 3, 2, 2
	bin := buildBinary(t, true)
	dataDir := filepath.Join(t.TempDir(), "data")
	srv := startServer(t, bin, dataDir)
	db := embeddedDB(t, dataDir)
	w := newFaultWorld(t, db, writers)

	var mu sync.Mutex
	var acked []string
	var killed, recovered bool // under mu: the postmaster was killed; /healthz said 200 after 503
	var afterRecovery struct{ writes, reads int }
	saw503 := false
	stop := make(chan struct{})
	stopped := func() bool {
		select {
		case <-stop:
			return true
		default:
			return false
		}
	}
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 100/batchSize && !stopped(); n++ {
				b := w.batch(i, batchSize, fmt.Sprintf("2026-%02d-%02d", 6+n%5, 1+n%28))
				// Until it is acknowledged, the same batch with the same keys.
				for !w.send(t, srv, b) {
					if stopped() {
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
				mu.Lock()
				acked = append(acked, b.keys...)
				if recovered {
					afterRecovery.writes++
				}
				mu.Unlock()
			}
		}()
	}
	for range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stopped() {
				r, err := srv.gql(w.specialist.token, `{ deliveries(first: 10) { edges { node { id units } } } }`, nil)
				mu.Lock()
				if err == nil && len(r.Errors) == 0 && recovered {
					afterRecovery.reads++
				}
				mu.Unlock()
				time.Sleep(10 * time.Millisecond)
			}
		}()
	}
	// The liveness probe, as an orchestrator would poll it.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stopped() {
			code := srv.probe("/healthz")
			mu.Lock()
			switch {
			case killed && code == http.StatusServiceUnavailable:
				saw503 = true
			case saw503 && code == http.StatusOK:
				recovered = true
			}
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
		}
	}()
	var once sync.Once
	stopLoad := func() { once.Do(func() { close(stop) }); wg.Wait() }
	defer stopLoad()

	waitCond(t, 120*time.Second, "10 acknowledged deliveries", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(acked) >= 10
	})
	pid := postmasterPID(t, dataDir)
	mu.Lock()
	killed = true
	mu.Unlock()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitCond(t, 30*time.Second, "/healthz 503 while the database is down", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return saw503
	})
	waitCond(t, 120*time.Second, "/healthz 200 again", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return recovered
	})
	waitCond(t, 120*time.Second, "5 writes and 5 reads succeed after the restart", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return afterRecovery.writes >= 5 && afterRecovery.reads >= 5
	})
	stopLoad()
	select {
	case <-srv.exited:
		t.Fatalf("the server exited: %v", srv.cmd.ProcessState)
	default:
	}
	if newPID := postmasterPID(t, dataDir); newPID == pid {
		t.Fatalf("postmaster.pid still names the killed postmaster %d", pid)
	}
	if !strings.Contains(srv.logText(), "PostgreSQL restarted") {
		t.Errorf("the restart is not logged")
	}
	t.Logf("%d deliveries acknowledged, %d of them after the restart", len(acked), afterRecovery.writes*batchSize)
	w.storedOnce(t, db, acked)
	srv.stop()
}

// TestFault_BackupRestore: a backup taken while the server runs on demo data, restored into a
// new data directory, on which the server then starts: every table has as many rows as at
// the backup, the audit log is the same row for row, and a demo user signs in. A restore
// over it with a broken file fails and leaves it so.
func TestFault_BackupRestore(t *testing.T) {
	faultTest(t)
	// Without the race detector, which slows the demo loading fourfold.
	bin := buildBinary(t, false)
	dir := t.TempDir()
	dataA, dataB, file := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "atbalsts.dump")
	srv := startServer(t, bin, dataA, "--demo")
	dbA := embeddedDB(t, dataA)
	// The audit writer commits in the background: back up once nothing changes any more.
	var before dbSnapshot
	waitCond(t, 60*time.Second, "the demo data settles", func() bool {
		prev := before
		time.Sleep(300 * time.Millisecond)
		before = snapshotOf(t, dbA)
		return prev.audit != "" && fmt.Sprint(prev) == fmt.Sprint(before)
	})

	run := func(args ...string) (string, error) {
		out, err := exec.Command(bin, args...).CombinedOutput()
		return string(out), err
	}
	if out, err := run("backup", "--to", file, "--data-dir", dataA); err != nil {
		t.Fatalf("backup while the server runs: %v\n%s", err, out)
	}
	if out, err := run("restore", "--from", file, "--data-dir", dataA, "--force"); err == nil || !strings.Contains(out, "stop it") {
		t.Errorf("restore onto the running server's directory: err %v\n%s", err, out)
	}
	srv.stop()
	// With no server running, backup starts the cluster for the dump and stops it again.
	if out, err := run("backup", "--to", file+".stopped", "--data-dir", dataA); err != nil {
		t.Errorf("backup of a stopped server's directory: %v\n%s", err, out)
	}
	if _, ok := postmasterRunning(dataA); ok {
		t.Errorf("backup left a postmaster running on %s", dataA)
	}
	if out, err := run("restore", "--from", file, "--data-dir", dataB); err != nil {
		t.Fatalf("restore into a new directory: %v\n%s", err, out)
	}
	if out, err := run("restore", "--from", file, "--data-dir", dataB); err == nil || !strings.Contains(out, "--force") {
		t.Errorf("a second restore without --force: err %v\n%s", err, out)
	}
	if out, err := run("restore", "--from", file, "--data-dir", dataB, "--force"); err != nil {
		t.Fatalf("restore --force over the restored database: %v\n%s", err, out)
	}
	// A restore that fails leaves the database as it was (checked below).
	junk := filepath.Join(dir, "junk.dump")
	if err := os.WriteFile(junk, []byte("PGDMP not really"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := run("restore", "--from", junk, "--data-dir", dataB, "--force"); err == nil {
		t.Errorf("restore of a broken file succeeded:\n%s", out)
	}

	srv = startServer(t, bin, dataB)
	after := snapshotOf(t, embeddedDB(t, dataB))
	if len(after.rows) < 20 || after.rows["audit_event"] == 0 || after.rows["service_delivery"] == 0 {
		t.Fatalf("the backup looks empty: %v", after.rows)
	}
	for table, n := range before.rows {
		if after.rows[table] != n {
			t.Errorf("%s: %d rows after the restore, %d at the backup", table, after.rows[table], n)
		}
	}
	for table := range after.rows {
		if _, ok := before.rows[table]; !ok {
			t.Errorf("%s: a table the backup did not have", table)
		}
	}
	if after.audit != before.audit {
		t.Errorf("audit_event differs after the restore: checksum %s, at the backup %s", after.audit, before.audit)
	}
	r, err := srv.gql("", `mutation { signIn(input: {email: "admin@atbalsts.example", password: "admin-demo-2026"}) { user { id } } }`, nil)
	if err != nil || len(r.Errors) > 0 {
		t.Errorf("the demo admin cannot sign in on the restored data: %v %+v", err, r.Errors)
	}
	t.Logf("restored %d tables, %d audit rows, %d deliveries", len(after.rows), after.rows["audit_event"], after.rows["service_delivery"])
	srv.stop()
}

// postmasterRunning reads the PID of postmaster.pid under dataDir and tells whether it runs.
func postmasterRunning(dataDir string) (int, bool) {
	data, err := os.ReadFile(filepath.Join(dataDir, "postgres", "postmaster.pid"))
	if err != nil {
		return 0, false
	}
	var pid int
	fmt.Sscan(string(data), &pid)
	return pid, pid > 0 && syscall.Kill(pid, 0) == nil
}

// dbSnapshot is the row count of every table (partitions one by one; a partitioned table's
// rows under its own name too) and a checksum of the whole audit log.
type dbSnapshot struct {
	rows  map[string]int
	audit string
}

func snapshotOf(t *testing.T, db *sqlx.DB) dbSnapshot {
	t.Helper()
	var tables []string
	if err := db.Select(&tables, `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	s := dbSnapshot{rows: map[string]int{}}
	for _, table := range tables {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
			t.Fatal(err)
		}
		s.rows[table] = n
	}
	if err := db.Get(&s.audit, `SELECT md5(string_agg(e::text, E'\n' ORDER BY e.id, e.at)) FROM audit_event e`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFault_AbusiveQueries: while eight clients send the read path's hostile queries (a
// thirty-level chain, nested full pages, a hundred aliased pages, 20,000 tokens, 30
// introspections) as fast as they are answered, every one is refused with its code, and a
// small query keeps being answered within two seconds.
func TestFault_AbusiveQueries(t *testing.T) {
	faultTest(t)
	bin := buildBinary(t, true)
	dataDir := filepath.Join(t.TempDir(), "data")
	srv := startServer(t, bin, dataDir)
	a := testAPIOn(t, embeddedDB(t, dataDir))
	token, _ := a.token(a.createUser("analyst@faults.example", domain.UserScope{Role: domain.RoleMinistryAnalyst}))

	chain := "id"
	for range 6 {
		chain = "child { supportPlans { deliveries(first: 100) { edges { node { plan { " + chain + " } } } } } }"
	}
	var aliases strings.Builder
	for i := range 100 {
		fmt.Fprintf(&aliases, " a%d: municipalities(first: 100) { edges { node { name } } }", i)
	}
	var introspections strings.Builder
	for i := range 30 {
		fmt.Fprintf(&introspections, " i%d: __schema { types { name } }", i)
	}
	hostile := []struct{ query, code string }{
		{"{ deliveries(first: 100) { edges { node { " + chain + " } } } }", "DEPTH_LIMIT_EXCEEDED"},
		{`{ deliveries(first: 100) { edges { node { plan { deliveries(first: 100) {
			edges { node { plan { deliveries(first: 100) { edges { node { id } } } } } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"{" + aliases.String() + " }", "COMPLEXITY_LIMIT_EXCEEDED"},
		{"{" + introspections.String() + " }", "COMPLEXITY_LIMIT_EXCEEDED"},
		{"{" + strings.Repeat(" __typename", 20000) + " }", ""}, // the parser's token limit: no code of ours
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	sent := 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := i; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				h := hostile[n%len(hostile)]
				r, err := srv.gql(token, h.query, nil)
				switch {
				case err != nil:
					t.Errorf("a hostile query got no answer: %v", err)
					return
				case len(r.Errors) == 0 || r.Data != nil && string(r.Data) != "null":
					t.Errorf("a hostile query was run: %.80s", h.query)
				case h.code != "" && r.code() != h.code:
					t.Errorf("a hostile query: code %q (%s), want %s", r.code(), r.Errors[0].Message, h.code)
				}
				mu.Lock()
				sent++
				mu.Unlock()
			}
		}()
	}
	slowest := time.Duration(0)
	for range 30 {
		start := time.Now()
		r, err := srv.gql(token, `{ regions { code } }`, nil)
		took := time.Since(start)
		if err != nil || len(r.Errors) > 0 || !strings.Contains(string(r.Data), "KURZEME") {
			t.Fatalf("the small query among hostile ones: %v %+v", err, r.Errors)
		}
		slowest = max(slowest, took)
		time.Sleep(50 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if slowest > 2*time.Second {
		t.Errorf("the small query took up to %v among hostile ones, want under 2 s", slowest)
	}
	if srv.probe("/healthz") != http.StatusOK {
		t.Errorf("/healthz fails after the hostile queries")
	}
	t.Logf("%d hostile queries refused; the small query took at most %v", sent, slowest)
	srv.stop()
}
