package localpg

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestCluster_RestartsAKilledPostmaster: a postmaster killed with SIGKILL is started again,
// Up is false in between, the data is still there, and Stop afterwards starts nothing more.
func TestCluster_RestartsAKilledPostmaster(t *testing.T) {
	ctx := context.Background()
	// Durable, as the program's cluster is: an ephemeral one loses commits not yet written.
	c, err := Start(ctx, Options{Dir: filepath.Join(t.TempDir(), "postgres")})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	db, err := sql.Open("postgres", c.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)`); err != nil {
		t.Fatal(err)
	}
	first := c.PID()
	if err := syscall.Kill(first, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "Up false after the kill", func() bool { return !c.Up() })
	waitUntil(t, "Up again after the restart", c.Up)
	if c.PID() == first {
		t.Fatal("Up, but the PID is the killed postmaster's")
	}
	var v int
	if err := db.QueryRow(`SELECT v FROM kept`).Scan(&v); err != nil || v != 7 {
		t.Fatalf("after the restart: v=%d err=%v, want 7", v, err)
	}
	second := c.PID()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if syscall.Kill(second, 0) == nil || c.Up() || c.Err() != nil {
		t.Fatalf("after Stop: running %v, Up %v, Err %v", syscall.Kill(second, 0) == nil, c.Up(), c.Err())
	}
}

// TestCluster_GivesUp: when the postmaster cannot start again (here its data directory is
// gone), the supervisor gives up after MaxRestarts attempts and says so through Failed.
func TestCluster_GivesUp(t *testing.T) {
	defer func(d []time.Duration) { RestartDelays = d }(RestartDelays)
	RestartDelays = []time.Duration{10 * time.Millisecond}
	dir := filepath.Join(t.TempDir(), "postgres")
	c, err := Start(context.Background(), Options{Dir: dir, Ephemeral: true, MaxRestarts: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	if err := os.Rename(dir, dir+".moved"); err != nil {
		t.Fatal(err)
	}
	_ = syscall.Kill(c.PID(), syscall.SIGKILL)
	select {
	case <-c.Failed():
	case <-time.After(60 * time.Second):
		t.Fatal("the supervisor did not give up within 60 s")
	}
	if c.Err() == nil || c.Up() {
		t.Fatalf("after giving up: Err %v, Up %v", c.Err(), c.Up())
	}
}

// TestStopStale_OnlyThisDirectorysPostmaster: the PID in postmaster.pid is signalled only
// when it is a postgres binary on this data directory; a process that merely calls itself
// postgres and names the directory is left alone, and a real postmaster of the directory
// left behind is stopped.
func TestStopStale_OnlyThisDirectorysPostmaster(t *testing.T) {
	o, err := clusterOwner()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "postgres")
	if err := prepareDir(dir, o, discard()); err != nil {
		t.Fatal(err)
	}
	// argv[0] "postgres" and "-D dir" on the command line, but the executable is a shell.
	decoy := &exec.Cmd{Path: "/bin/sh", Args: []string{"postgres", "-c", "sleep 60", "-D", dir}, SysProcAttr: o.sysProcAttr()}
	if err := decoy.Start(); err != nil {
		t.Fatal(err)
	}
	defer decoy.Process.Kill()
	writePID(t, dir, decoy.Process.Pid)
	stopStale(dir, o, discard())
	if err := decoy.Process.Signal(syscall.Signal(0)); err != nil {
		t.Fatalf("the decoy was signalled: %v", err)
	}
	decoy.Process.Kill()
	decoy.Wait()
	os.Remove(filepath.Join(dir, "postmaster.pid"))

	// A real postmaster of this directory that no Cluster owns (as a crashed run leaves it).
	c, err := Start(context.Background(), Options{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	c.Stop()
	socket := t.TempDir()
	o.chown(socket)
	orphan := exec.Command(filepath.Join(c.bin, "postgres"), "-D", dir, "-k", socket, "-c", "listen_addresses=")
	orphan.SysProcAttr = o.sysProcAttr()
	if err := orphan.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { orphan.Wait(); close(exited) }()
	defer orphan.Process.Kill()
	waitUntil(t, "the orphan writes postmaster.pid", func() bool {
		pid, ok := runningPostmaster(dir, o.uid)
		return ok && pid == orphan.Process.Pid
	})
	stopStale(dir, o, discard())
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		t.Fatal("the orphaned postmaster of this directory was not stopped")
	}
}

func writePID(t *testing.T, dir string, pid int) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "postmaster.pid"), []byte(strconv.Itoa(pid)+"\n"+dir+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("not within 60 s: %s", what)
}
