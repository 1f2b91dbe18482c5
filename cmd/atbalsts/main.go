// Command atbalsts serves Atbalsts: the GraphQL API, the web app and, unless DATABASE_URL is
// given, its own PostgreSQL. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"atbalsts/graph"
	"atbalsts/server"
)

func main() {
	// `atbalsts schema` prints the whole GraphQL schema (`make schema`), e.g. for a client's
	// code generator.
	if len(os.Args) == 2 && os.Args[1] == "schema" {
		fmt.Print(graph.SDL())
		return
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
