package metrics

import (
	"net/http"
	"strconv"
	"time"
)

// noRoute labels requests that no pattern matched (404s, 405s, the mux's own redirects): their
// paths are whatever a client asked for and must not become label values.
const noRoute = "none"

// InstrumentMux observes the duration of every request mux serves, by the pattern that served
// it and the status class. It must wrap an *http.ServeMux directly: the mux records the matched
// pattern in the very *http.Request it is given, which a middleware in between would replace
// with a copy.
func (m *Metrics) InstrumentMux(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		finished := false
		defer func() {
			status := sw.status
			switch {
			case !finished:
				// A panic on its way up: the access log above answers 500.
				status = http.StatusInternalServerError
			case status == 0:
				status = http.StatusOK
			}
			route := r.Pattern
			if route == "" {
				route = noRoute
			}
			m.httpDuration.WithLabelValues(route, statusClass(status)).Observe(time.Since(start).Seconds())
		}()
		mux.ServeHTTP(sw, r)
		finished = true
	})
}

func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	// 1xx responses are interim: the final status comes later.
	if w.status == 0 && status >= 200 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer: pprof's profile and trace
// handlers extend the write deadline through it.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
