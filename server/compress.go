package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// The content codings the server produces, in its order of preference: brotli is smaller
// than gzip at the same cost, so it wins a tie in the client's preferences.
const (
	encBrotli = "br"
	encGzip   = "gzip"
)

// negotiateEncoding picks the content coding of a response from the request's
// Accept-Encoding values (RFC 9110, section 12.5.3) among offers, which are in the server's
// order of preference; "" means identity (no coding). A coding is acceptable when it is
// listed, or matched by "*", with a q-value above 0; the highest q-value wins and a tie goes
// to the earlier offer. Identity listed with a higher q-value than every offer wins too. No
// header means identity: RFC 9110 would allow any coding, but a client that sends none
// (a script, a probe) is better served plainly.
func negotiateEncoding(accept []string, offers ...string) string {
	q := map[string]float64{}
	for _, value := range accept {
		for _, item := range strings.Split(value, ",") {
			name, params, _ := strings.Cut(item, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			if name == "x-gzip" { // the old name, still equivalent (RFC 9110, section 8.4.1.3)
				name = encGzip
			}
			weight := 1.0
			for _, p := range strings.Split(params, ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
				if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
					continue
				}
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0 // a malformed weight excludes the coding rather than guessing
				}
				weight = f
			}
			// A coding listed twice keeps its lower weight: q=0 anywhere is a refusal.
			if old, seen := q[name]; !seen || weight < old {
				q[name] = weight
			}
		}
	}
	best, bestQ := "", 0.0
	for _, offer := range offers {
		w, listed := q[offer]
		if !listed {
			w, listed = q["*"]
		}
		if listed && w > bestQ {
			best, bestQ = offer, w
		}
	}
	if identity, listed := q["identity"]; listed && identity > bestQ {
		return ""
	}
	return best
}

// compressMinSize is the smallest body worth compressing: below about a kilobyte the saving
// is a few hundred bytes at most, less than a round trip's worth, and costs a writer's setup.
const compressMinSize = 1024

// brotliLevel is the brotli quality for answers compressed on the request path: 4 compresses
// better than gzip's default at a comparable cost; the higher levels cost several times more
// CPU for a few per cent. (The static assets are compressed at 11 when the app is built.)
const brotliLevel = 4

var (
	gzipWriters = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression) // the level is valid
		return w
	}}
	brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterLevel(io.Discard, brotliLevel) }}
)

// compressor is what the pooled gzip and brotli writers have in common.
type compressor interface {
	io.WriteCloser
	Flush() error
	Reset(io.Writer)
}

// compress compresses the responses of next (GraphQL answers, exports) with brotli or gzip,
// as the client accepts. A response is compressed only when it turns out to be at least
// compressMinSize bytes: the start of the body is held back until then, so small answers go
// out as they are. A response that already has a Content-Encoding, a HEAD request and a body of
// a type that is compressed already (XLSX, PDF, images) are passed through.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The answer depends on Accept-Encoding whether or not this one is compressed: a cache
		// must not hand a compressed answer to a client that cannot read it, nor the reverse.
		w.Header().Add("Vary", "Accept-Encoding")
		enc := ""
		if r.Method != http.MethodHead {
			enc = negotiateEncoding(r.Header.Values("Accept-Encoding"), encBrotli, encGzip)
		}
		if enc == "" {
			next.ServeHTTP(w, r)
			return
		}
		cw := &compressWriter{ResponseWriter: w, encoding: enc}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

// compressWriter holds back the start of a response until it knows whether to compress it.
type compressWriter struct {
	http.ResponseWriter
	encoding string

	status      int    // the status the handler set, sent once decided
	buf         []byte // the body so far, while undecided
	decided     bool
	compressing compressor // set when the body goes through a compressor
}

func (cw *compressWriter) WriteHeader(code int) {
	if cw.decided || cw.status != 0 {
		if cw.decided {
			cw.ResponseWriter.WriteHeader(code) // let net/http report a superfluous call
		}
		return
	}
	if code < 200 {
		cw.ResponseWriter.WriteHeader(code) // informational: the real status follows
		return
	}
	cw.status = code
	if code == http.StatusNoContent || code == http.StatusNotModified {
		cw.decide(false) // no body to compress
	}
}

func (cw *compressWriter) Write(p []byte) (int, error) {
	if cw.status == 0 {
		cw.status = http.StatusOK
	}
	if !cw.decided {
		cw.buf = append(cw.buf, p...)
		if len(cw.buf) < compressMinSize {
			return len(p), nil
		}
		if err := cw.decide(cw.compressible()); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if cw.compressing != nil {
		return cw.compressing.Write(p)
	}
	return cw.ResponseWriter.Write(p)
}

// compressible tells whether the response, now known to be large enough, is worth compressing.
func (cw *compressWriter) compressible() bool {
	h := cw.Header()
	if h.Get("Content-Encoding") != "" || cw.status < 200 || cw.status == http.StatusPartialContent {
		return false
	}
	ct := strings.ToLower(h.Get("Content-Type"))
	if ct == "" {
		ct = strings.ToLower(http.DetectContentType(cw.buf))
	}
	return strings.HasPrefix(ct, "text/") || strings.Contains(ct, "json") ||
		strings.Contains(ct, "xml") || strings.Contains(ct, "javascript") || strings.Contains(ct, "graphql")
}

// decide sends the status and headers and what was held back, compressed or not.
func (cw *compressWriter) decide(compressed bool) error {
	cw.decided = true
	if cw.status == 0 {
		cw.status = http.StatusOK
	}
	if compressed {
		h := cw.Header()
		h.Set("Content-Encoding", cw.encoding)
		h.Del("Content-Length") // the handler's figure was for the uncompressed body
		if cw.encoding == encBrotli {
			cw.compressing = brotliWriters.Get().(*brotli.Writer)
		} else {
			cw.compressing = gzipWriters.Get().(*gzip.Writer)
		}
		cw.compressing.Reset(cw.ResponseWriter)
	}
	cw.ResponseWriter.WriteHeader(cw.status)
	buf := cw.buf
	cw.buf = nil
	if len(buf) == 0 {
		return nil
	}
	var err error
	if cw.compressing != nil {
		_, err = cw.compressing.Write(buf)
	} else {
		_, err = cw.ResponseWriter.Write(buf)
	}
	return err
}

// Flush sends what the handler has written so far (a streamed answer): an undecided small
// start goes out uncompressed, since the rest may never come.
func (cw *compressWriter) Flush() {
	if !cw.decided {
		cw.decide(false)
	}
	if cw.compressing != nil {
		cw.compressing.Flush()
	}
	http.NewResponseController(cw.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection's own writer (deadlines).
func (cw *compressWriter) Unwrap() http.ResponseWriter { return cw.ResponseWriter }

// finish ends the response once the handler has returned: a short body goes out as it is,
// a compressed one gets its trailer and its writer goes back to the pool.
func (cw *compressWriter) finish() {
	if !cw.decided {
		if cw.status == 0 && len(cw.buf) == 0 {
			return // the handler wrote nothing: net/http sends its default 200
		}
		cw.decide(false)
		return
	}
	if cw.compressing == nil {
		return
	}
	cw.compressing.Close()
	cw.compressing.Reset(io.Discard) // drop the reference to this response
	switch c := cw.compressing.(type) {
	case *brotli.Writer:
		brotliWriters.Put(c)
	case *gzip.Writer:
		gzipWriters.Put(c)
	}
	cw.compressing = nil
}
