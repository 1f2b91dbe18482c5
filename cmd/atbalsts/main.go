// Command atbalsts serves Atbalsts: the GraphQL API, the web app and, unless DATABASE_URL is
// given, its own PostgreSQL. See README.md.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"atbalsts/graph"
	"atbalsts/localpg"
	"atbalsts/server"
)

func main() {
	// `atbalsts schema` prints the whole GraphQL schema (`make schema`), e.g. for a client's
	// code generator.
	if len(os.Args) == 2 && os.Args[1] == "schema" {
		fmt.Print(graph.SDL())
		return
	}
	if len(os.Args) >= 2 && (os.Args[1] == "backup" || os.Args[1] == "restore") {
		os.Exit(backup(os.Args[1], os.Args[2:]))
	}
	tuneGC()
	cfg, err := server.ParseConfig(os.Args[1:], os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "atbalsts:", err)
		os.Exit(2)
	}
	log := server.NewLogger(os.Stderr, cfg.LogFormat)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := server.Run(ctx, cfg, log); err != nil {
		log.Error("atbalsts stopped", "err", err)
		os.Exit(1)
	}
	log.Info("atbalsts stopped")
}

// backup runs `atbalsts backup --to FILE` or `atbalsts restore --from FILE [--force]` on the
// embedded database of --data-dir (ATBALSTS_DATA_DIR) and returns the exit status.
func backup(command string, args []string) int {
	fs := flag.NewFlagSet("atbalsts "+command, flag.ContinueOnError)
	dataDir := fs.String("data-dir", cmp.Or(os.Getenv("ATBALSTS_DATA_DIR"), "./data"), "directory of the embedded PostgreSQL's data (ATBALSTS_DATA_DIR)")
	var file string
	var force bool
	if command == "backup" {
		fs.StringVar(&file, "to", "", "the file to write (pg_dump custom format)")
	} else {
		fs.StringVar(&file, "from", "", "the backup file to restore")
		fs.BoolVar(&force, "force", false, "replace a database that holds tables")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if file == "" || fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "usage: atbalsts backup --to FILE | atbalsts restore --from FILE [--force]  [--data-dir DIR]\n")
		return 2
	}
	if os.Getenv("DATABASE_URL") != "" {
		fmt.Fprintln(os.Stderr, "atbalsts: backup and restore work on the embedded PostgreSQL; with DATABASE_URL use the server's own backups or pg_dump (README.md, Deploying)")
		return 2
	}
	log := server.NewLogger(os.Stderr, cmp.Or(os.Getenv("ATBALSTS_LOG_FORMAT"), "text"))
	opts, err := server.EmbeddedBackup(*dataDir, file, force, log)
	if err == nil {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if command == "backup" {
			err = localpg.Backup(ctx, opts)
		} else {
			err = localpg.Restore(ctx, opts)
		}
	}
	if err != nil {
		log.Error("atbalsts "+command+" failed", "err", err)
		return 1
	}
	return 0
}

// tuneGC collects garbage less often than Go's default unless GOGC or GOMEMLIMIT say
// otherwise: gqlgen allocates heavily per response, and on this kind of 2-core machine a
// higher GOGC alone gave 1.5-1.8x the throughput (../shared/stack.md). The soft memory limit
// keeps the heap, and so the server's RSS, near 128 MiB all the same: the GC runs more often
// as it nears the limit rather than let the heap grow fivefold.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(128 << 20)
	}
}
