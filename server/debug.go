package server

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"

	"atbalsts/domain"
	"atbalsts/metrics"
)

// Importing net/http/pprof also registers its handlers on http.DefaultServeMux. Atbalsts never
// serves that mux: the handlers are registered explicitly below, where they are guarded.

// debugHandler serves the metrics at /metrics and Go's profiles under /debug/pprof/, with no
// authentication of its own. cmdline adds /debug/pprof/cmdline, the program's arguments: they
// may hold --database-url with its password, which is for the machine's operators only, not
// for every ADMIN of the web app.
func debugHandler(m *metrics.Metrics, cmdline bool) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.Handler())
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	if cmdline {
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	}
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// requireObserver lets through only a caller who may read the metrics and profiles (an ADMIN);
// anyone else gets a bare 401 or 403 that tells nothing about the program.
func requireObserver(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		err := domain.CanObserve(domain.ActorFrom(r.Context()))
		switch {
		case err == nil:
			next.ServeHTTP(w, r)
		case domain.ErrorCode(err) == domain.EUNAUTHENTICATED:
			w.Header().Set("WWW-Authenticate", `Bearer realm="atbalsts"`)
			http.Error(w, "sign in as an ADMIN, or send an ADMIN's token", http.StatusUnauthorized)
		default:
			http.Error(w, "only an ADMIN may read this", http.StatusForbidden)
		}
	})
}

// checkLoopback refuses a debug address that is not on a loopback interface: the debug
// listener answers everyone who reaches it, without authentication. "localhost" passes here;
// listenLoopback checks what it resolved to.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("ATBALSTS_DEBUG_ADDR, --debug-addr: %q is not host:port: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("ATBALSTS_DEBUG_ADDR, --debug-addr: %q is not a loopback address; the debug listener serves "+
			"metrics and profiles without authentication, so it listens only on 127.0.0.1 or ::1 (e.g. 127.0.0.1:6060)", addr)
	}
	return nil
}

// listenLoopback listens on addr, which must be a loopback address.
func listenLoopback(addr string) (net.Listener, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("ATBALSTS_DEBUG_ADDR: %w", err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
		ln.Close()
		return nil, fmt.Errorf("ATBALSTS_DEBUG_ADDR, --debug-addr: %q listens on %s, which is not a loopback address", addr, ln.Addr())
	}
	return ln, nil
}
