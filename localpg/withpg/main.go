// Command withpg runs a command with a private, throw-away PostgreSQL cluster: it starts the
// cluster in a temporary directory, runs the command with ATBALSTS_TEST_DATABASE_URL pointing
// at it, stops the cluster and exits with the command's status. `make test` runs `go test`
// under it so that every test package shares one cluster.
//
//	go run ./localpg/withpg -- go test ./...
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"atbalsts/dbtest"
	"atbalsts/localpg"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: withpg -- command [args...]")
		os.Exit(2)
	}
	os.Exit(run(args))
}

func run(args []string) int {
	// The command gets Ctrl-C itself (same process group); this program only waits for it
	// and then stops the cluster.
	signal.Ignore(os.Interrupt, syscall.SIGTERM)
	dir, err := os.MkdirTemp("", "atbalsts-withpg-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	cluster, err := localpg.Start(context.Background(), localpg.Options{Dir: filepath.Join(dir, "postgres"), Ephemeral: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 1
	}
	defer cluster.Stop()

	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), dbtest.EnvURL+"="+cluster.DSN("postgres"))
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 1
	}
	return 0
}
