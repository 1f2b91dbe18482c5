// Package metrics is what Atbalsts exports to Prometheus: HTTP request durations by route,
// GraphQL operation durations and errors, the database pool, the audit writer's queue, and the
// Go runtime and process. Everything lives in a registry of its own, so that a test (or a second
// server in one process) never collides with another over the global default registry.
package metrics

import (
	"database/sql"
	"log/slog"
	"net/http"
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const namespace = "atbalsts"

// Label values that stand for many, or no, client-given names.
const (
	Anonymous = "anonymous" // an operation without a name
	Other     = "other"     // a name that is malformed, too long, or beyond the bound
)

// Bounds on client-given label values: every distinct value is a time series kept in memory
// here and in Prometheus, and operation names are whatever a client sends.
const (
	MaxOperationNames = 200
	maxNameLength     = 64
	// Error codes come from the server, not from clients, but an unexpected one (a library's
	// own) must not grow the series without end either.
	maxErrorCodes = 50
)

// Options are what the metrics observe besides the requests they are told about.
type Options struct {
	// DB is the database pool; nil leaves out the go_sql_* pool metrics.
	DB *sql.DB
	// AuditQueueDepth tells how many audit events wait to be written; nil leaves out
	// atbalsts_audit_queue_depth.
	AuditQueueDepth func() int
	// Replica tells whether the read replica of statistics serves and how far it lags (NaN
	// when unknown), from its last background check; nil (no replica configured) leaves out
	// atbalsts_replica_up and atbalsts_replica_lag_seconds.
	Replica func() (up bool, lagSeconds float64)
}

// Metrics holds the program's collectors and serves them.
type Metrics struct {
	registry     *prometheus.Registry
	httpDuration *prometheus.HistogramVec
	opDuration   *prometheus.HistogramVec
	opErrors     *prometheus.CounterVec
	operations   *labelBound
	codes        *labelBound
}

// durationBuckets reach down to a millisecond: most GraphQL operations here take a few, and
// Prometheus's default buckets start at 5 ms.
var durationBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// New makes the metrics and registers them with a fresh registry.
func New(opt Options) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		httpDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace,
			Name:      "http_request_duration_seconds",
			Help:      "Time to answer an HTTP request, by the route pattern that served it (none: no route matched) and the status class (2xx, 4xx, ...).",
			Buckets:   durationBuckets,
		}, []string{"route", "status"}),
		opDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace,
			Name:      "graphql_operation_duration_seconds",
			Help:      "Time from the start of a GraphQL request to its response, by operation name (anonymous; other beyond " + strconv.Itoa(MaxOperationNames) + " names or for a malformed one) and type (query, mutation; unknown when the document did not parse or validate, named then by the request's operationName).",
			Buckets:   durationBuckets,
		}, []string{"operation", "type"}),
		opErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "graphql_errors_total",
			Help:      "Errors in GraphQL responses, by extensions.code (UNKNOWN when an error has none).",
		}, []string{"code"}),
		operations: newLabelBound(MaxOperationNames),
		codes:      newLabelBound(maxErrorCodes),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.httpDuration, m.opDuration, m.opErrors,
	)
	if opt.DB != nil {
		m.registry.MustRegister(collectors.NewDBStatsCollector(opt.DB, "atbalsts"))
	}
	if f := opt.AuditQueueDepth; f != nil {
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace,
			Name:      "audit_queue_depth",
			Help:      "Audit events accepted but not yet written to the database.",
		}, func() float64 { return float64(f()) }))
	}
	if f := opt.Replica; f != nil {
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace,
			Name:      "replica_up",
			Help:      "1 while the read replica of statistics passed its last check (answers, and is a standby in recovery), else 0: statistics then read from the primary.",
		}, func() float64 {
			if up, _ := f(); up {
				return 1
			}
			return 0
		}), prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace,
			Name:      "replica_lag_seconds",
			Help:      "How far the read replica's data trails the primary at its last check: 0 while it streams and has replayed all it received, else the age of the last commit it replayed; NaN while it is down or has replayed nothing since it started.",
		}, func() float64 {
			_, lag := f()
			return lag
		}))
	}
	return m
}

// Handler serves the metrics in Prometheus's text (or OpenMetrics) format. Whoever may reach it
// is the caller's concern: it does no authentication.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn),
		// One failing collector (say, the process one on a system without /proc) should cost
		// its own metrics, not the whole scrape.
		ErrorHandling: promhttp.ContinueOnError,
	})
}

// labelBound admits at most max distinct well-formed names as label values; every later name
// is Other.
type labelBound struct {
	mu    sync.Mutex
	max   int
	names map[string]struct{}
}

func newLabelBound(max int) *labelBound {
	return &labelBound{max: max, names: make(map[string]struct{}, max)}
}

// value is the label value for name: "" is Anonymous, a name outside [A-Za-z0-9_]{1,64} or
// beyond the bound is Other.
func (b *labelBound) value(name string) string {
	if name == "" {
		return Anonymous
	}
	if !wellFormed(name) {
		return Other
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.names[name]; ok {
		return name
	}
	if len(b.names) >= b.max {
		return Other
	}
	b.names[name] = struct{}{}
	return name
}

func wellFormed(name string) bool {
	if len(name) == 0 || len(name) > maxNameLength {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
