// Package deploy holds the deployment files (the systemd unit, the container file); its
// tests check them with the tools this machine has.
package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSystemdUnit: `systemd-analyze verify` accepts the unit without a warning, and its
// offline security review rates it OK (exposure at most 2.0 of 10).
func TestSystemdUnit(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed: the unit is not checked")
	}
	unit, err := os.ReadFile("atbalsts.service")
	if err != nil {
		t.Fatal(err)
	}
	// verify wants ExecStart's program to exist: the binary, built here.
	dir := t.TempDir()
	bin := filepath.Join(dir, "atbalsts")
	if out, err := exec.Command("go", "build", "-o", bin, "atbalsts/cmd/atbalsts").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if !strings.Contains(string(unit), "ExecStart=/usr/local/bin/atbalsts\n") {
		t.Fatal("the unit's ExecStart is not /usr/local/bin/atbalsts")
	}
	path := filepath.Join(dir, "atbalsts.service")
	if err := os.WriteFile(path, []byte(strings.Replace(string(unit), "ExecStart=/usr/local/bin/atbalsts", "ExecStart="+bin, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", path).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	out, err = exec.Command(analyze, "security", "--offline=yes", path).CombinedOutput()
	if err != nil {
		t.Skipf("systemd-analyze security --offline is not available here: %v", err)
	}
	last := string(out)
	if i := strings.LastIndex(last, "Overall exposure level"); i >= 0 {
		last = last[i:]
	}
	if !strings.Contains(last, " OK ") && !strings.Contains(last, " SAFE ") {
		t.Errorf("systemd-analyze security: %s", last)
	}
	t.Log(strings.TrimSpace(last))
}

// TestContainerImage builds the image with docker or podman when one answers, and runs
// `atbalsts schema` in it. It takes minutes (npm ci, go build, apt-get), so it runs with
// the fault tests (make test-faults).
func TestContainerImage(t *testing.T) {
	if os.Getenv("ATBALSTS_FAULT_TESTS") == "" {
		t.Skip("builds a container image: run with ATBALSTS_FAULT_TESTS=1 (make test-faults)")
	}
	var runtime string
	for _, name := range []string{"docker", "podman"} {
		if p, err := exec.LookPath(name); err == nil && exec.Command(p, "info").Run() == nil {
			runtime = p
			break
		}
	}
	if runtime == "" {
		t.Skip("no container runtime answers (docker info, podman info): the image is not built")
	}
	tag := "atbalsts-test:" + time.Now().Format("20060102150405")
	build := exec.Command(runtime, "build", "-f", "deploy/Containerfile", "-t", tag, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%s build: %v\n%s", runtime, err, out)
	}
	defer exec.Command(runtime, "rmi", tag).Run()
	out, err := exec.Command(runtime, "run", "--rm", tag, "schema").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "type Query") {
		t.Errorf("%s run %s schema: %v\n%.300s", runtime, tag, err, out)
	}
	out, err = exec.Command(runtime, "run", "--rm", "--entrypoint", "id", tag, "-u").CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) == "0" {
		t.Errorf("the image runs as root (id -u: %s, %v)", out, err)
	}
}
