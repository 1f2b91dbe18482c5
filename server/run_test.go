package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"atbalsts/localpg"
)

// TestRun_EmbeddedDatabase starts the program on its embedded PostgreSQL in a fresh data
// directory, stops it, checks that no postmaster is left, and starts it again on the same
// data.
// Not parallel (nor TestRun_FailedStartStopsDatabase): each starts a whole PostgreSQL cluster
// of its own, waits for it with a deadline and takes a free port that another test could take.
func TestRun_EmbeddedDatabase(t *testing.T) {
	dataDir := t.TempDir()
	for round := 1; round <= 2; round++ {
		addr, debugAddr := freeAddr(t), freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		var logs strings.Builder
		go func() {
			done <- Run(ctx, Config{Addr: addr, DebugAddr: debugAddr, DataDir: dataDir, LogFormat: "text"}, NewLogger(&syncWriter{w: &logs}, "text"))
		}()
		waitReady(t, addr, done)
		pid := postmasterPID(t, dataDir)
		checkDebugListener(t, addr, debugAddr)
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("round %d: Run: %v", round, err)
		}
		if resp, err := http.Get("http://" + debugAddr + "/metrics"); err == nil {
			resp.Body.Close()
			t.Fatalf("round %d: the debug listener still answers after the program stopped", round)
		}
		if syscall.Kill(pid, 0) == nil {
			t.Fatalf("round %d: postmaster %d still running after the program stopped", round, pid)
		}
		if round == 2 && strings.Contains(logs.String(), "initialising") {
			t.Errorf("second start initialised the cluster again instead of reusing it")
		}
	}
}

// TestRun_FailedStartStopsDatabase: when start-up fails after the database started (here:
// the address is taken), the embedded PostgreSQL stops too.
func TestRun_FailedStartStopsDatabase(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dataDir := t.TempDir()
	err = Run(context.Background(), Config{Addr: ln.Addr().String(), DataDir: dataDir}, NewLogger(io.Discard, "text"))
	if err == nil {
		t.Fatal("Run succeeded on a taken address")
	}
	data, _ := os.ReadFile(filepath.Join(dataDir, "postgres", "postmaster.pid"))
	if line, _, _ := strings.Cut(string(data), "\n"); line != "" {
		if pid, _ := strconv.Atoi(line); pid > 0 && syscall.Kill(pid, 0) == nil {
			t.Fatalf("postmaster %d left running after a failed start", pid)
		}
	}
}

// checkDebugListener: the debug address serves the metrics (with the database pool's) and
// every profile, the program's arguments too, without authentication; the public address
// does not.
func checkDebugListener(t *testing.T, addr, debugAddr string) {
	t.Helper()
	get := func(url string) (int, string) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(b)
	}
	for path, want := range map[string]string{
		"/metrics":                  `go_sql_max_open_connections{db_name="atbalsts"}`,
		"/debug/pprof/":             "Types of profiles",
		"/debug/pprof/heap?debug=1": "heap profile",
		"/debug/pprof/cmdline":      os.Args[0],
	} {
		if status, body := get("http://" + debugAddr + path); status != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("debug listener GET %s: status %d, body without %q", path, status, want)
		}
	}
	if status, _ := get("http://" + addr + "/metrics"); status != http.StatusUnauthorized {
		t.Errorf("public GET /metrics without a token: status %d, want 401", status)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitReady(t *testing.T, addr string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("Run ended before ready: %v", err)
		default:
		}
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("not ready within 60 s")
}

func postmasterPID(t *testing.T, dataDir string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dataDir, "postgres", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	pid, err := strconv.Atoi(line)
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// syncWriter lets the server's goroutines log into one builder.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestRun_DatabaseCannotRestart: when the embedded PostgreSQL dies and cannot be started
// again (its data directory is gone), the supervisor gives up and Run returns an error, so
// that the program exits non-zero for its own supervisor.
func TestRun_DatabaseCannotRestart(t *testing.T) {
	defer func(d []time.Duration) { localpg.RestartDelays = d }(localpg.RestartDelays)
	localpg.RestartDelays = []time.Duration{10 * time.Millisecond}
	dataDir := t.TempDir()
	addr := freeAddr(t)
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), Config{Addr: addr, DataDir: dataDir}, NewLogger(io.Discard, "text"))
	}()
	waitReady(t, addr, done)
	pid := postmasterPID(t, dataDir)
	if err := os.Rename(filepath.Join(dataDir, "postgres"), filepath.Join(dataDir, "moved")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "attempts to restart it failed") {
			t.Fatalf("Run returned %v, want the supervisor's error", err)
		}
	case <-time.After(120 * time.Second):
		t.Fatal("Run still serves 120 s after its database was lost")
	}
}
