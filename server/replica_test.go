package server

import (
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"atbalsts/dbtest"
	"atbalsts/metrics"
	"atbalsts/store"
)

// TestParseConfig_ReplicaURL: the replica's connection string comes from the environment or
// a flag (which wins), -help prints no password from it, and it needs DATABASE_URL.
func TestParseConfig_ReplicaURL(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "postgres://app:app-secret@db/atbalsts", "ATBALSTS_REPLICA_URL": "postgres://app:replica-secret@replica/atbalsts"}
	getenv := func(k string) string { return env[k] }
	c, err := ParseConfig(nil, getenv, io.Discard)
	if err != nil || c.ReplicaURL != env["ATBALSTS_REPLICA_URL"] {
		t.Errorf("from the environment: %q, %v", c.ReplicaURL, err)
	}
	c, err = ParseConfig([]string{"--replica-url", "postgres://flag@replica/x"}, getenv, io.Discard)
	if err != nil || c.ReplicaURL != "postgres://flag@replica/x" {
		t.Errorf("the flag does not win: %q, %v", c.ReplicaURL, err)
	}
	var help strings.Builder
	if _, err := ParseConfig([]string{"-help"}, getenv, &help); !errors.Is(err, flag.ErrHelp) || strings.Contains(help.String(), "-secret@") || !strings.Contains(help.String(), "ATBALSTS_REPLICA_URL") {
		t.Errorf("-help: %v; printed a password %v; names ATBALSTS_REPLICA_URL %v", err, strings.Contains(help.String(), "-secret@"), strings.Contains(help.String(), "ATBALSTS_REPLICA_URL"))
	}
	if _, err := ParseConfig(nil, func(k string) string {
		if k == "ATBALSTS_REPLICA_URL" {
			return env[k]
		}
		return ""
	}, io.Discard); err == nil {
		t.Error("a replica without DATABASE_URL (the embedded PostgreSQL) was accepted")
	}
}

// TestReplica_DownStaysReady: a configured replica that does not answer leaves the server
// ready (the primary serves statistics meanwhile), and the metrics say it is down.
func TestReplica_DownStaysReady(t *testing.T) {
	t.Parallel()
	s := store.New(dbtest.Open(t))
	defer s.Close()
	rdb, err := store.OpenReplica("host=/nonexistent/atbalsts-replica port=5432 user=atbalsts_app dbname=atbalsts sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	var logged strings.Builder
	logs := &syncWriter{w: &logged}
	log := NewLogger(logs, "json")
	s.WithReplica(rdb, log)
	if st := s.CheckReplica(context.Background()); st.Up || st.Err == nil {
		t.Fatalf("check of a replica that does not exist: %+v", st)
	}
	m := metrics.New(metrics.Options{Replica: replicaMetrics(s)})
	h := Handler(log, s, fstest.MapFS{}, Options{Metrics: m})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("/readyz with the replica down: %d %s", rec.Code, rec.Body)
	}
	if _, replica := s.StatisticsDB(); replica {
		t.Error("StatisticsDB hands out a replica that is down")
	}
	rec = httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	for _, want := range []string{"atbalsts_replica_up 0\n", "atbalsts_replica_lag_seconds NaN\n"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics has no %q", strings.TrimSpace(want))
		}
	}
	logs.mu.Lock()
	out := logged.String()
	logs.mu.Unlock()
	if !strings.Contains(out, "read replica down") {
		t.Errorf("the replica's state is not logged: %s", out)
	}
	// Without a replica the gauges are left out.
	plain := store.New(dbtest.Open(t))
	defer plain.Close()
	if replicaMetrics(plain) != nil {
		t.Error("replica metrics without a replica")
	}
}
