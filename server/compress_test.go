package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
)

func TestNegotiateEncoding(t *testing.T) {
	for _, tc := range []struct {
		accept string
		want   string
	}{
		{"", ""},
		{"gzip, deflate, br, zstd", "br"}, // a browser: br wins the tie
		{"gzip", "gzip"},
		{"x-gzip", "gzip"},
		{"GZIP", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"br; q=0.0, gzip", "gzip"},
		{"gzip;q=0, br;q=0", ""},
		{"gzip;q=1.0, br;q=0.5", "gzip"},
		{"br;q=0.5, gzip;q=0.5", "br"},
		{"*", "br"},
		{"*;q=0", ""},
		{"*;q=0, gzip", "gzip"},
		{"br;q=0, *", "gzip"},
		{"identity", ""},
		{"deflate, zstd", ""},
		{"identity;q=1, br;q=0.5", ""},
		{"identity;q=0.1, br;q=0.5", "br"},
		{"br;q=abc, gzip", "gzip"},   // a malformed weight is no weight
		{"br;q=2, gzip", "gzip"},     // nor one out of range
		{"br, br;q=0, gzip", "gzip"}, // a refusal stands
		{" br ; Q=0.9 ,gzip;q=0.8", "br"},
	} {
		var accept []string
		if tc.accept != "" {
			accept = []string{tc.accept}
		}
		if got := negotiateEncoding(accept, "br", "gzip"); got != tc.want {
			t.Errorf("Accept-Encoding %q: %q, want %q", tc.accept, got, tc.want)
		}
	}
	// Several header lines count as one list.
	if got := negotiateEncoding([]string{"gzip", "br;q=0"}, "br", "gzip"); got != "gzip" {
		t.Errorf("two header lines: %q, want gzip", got)
	}
	// Only what is offered: a file with only a gzip copy.
	if got := negotiateEncoding([]string{"br"}, "gzip"); got != "" {
		t.Errorf("br accepted, only gzip offered: %q, want identity", got)
	}
}

func TestSPAPrecompressed(t *testing.T) {
	js := "console.log('the app')"
	dist := fstest.MapFS{
		"index.html":               {Data: []byte("<!doctype html>")},
		"index.html.br":            {Data: []byte("index-br")},
		"index.html.gz":            {Data: []byte("index-gz")},
		"assets/app-1a2b.js":       {Data: []byte(js)},
		"assets/app-1a2b.js.br":    {Data: []byte("js-br")},
		"assets/app-1a2b.js.gz":    {Data: []byte("js-gz")},
		"assets/only-gz-9f.css":    {Data: []byte("body{}")},
		"assets/only-gz-9f.css.gz": {Data: []byte("css-gz")},
		"favicon.svg":              {Data: []byte("<svg/>")},
		".vite/manifest.json":      {Data: []byte("{}")},
	}
	h := spaHandler(dist)
	serve := func(method, path string, header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Add(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, tc := range []struct {
		name, path, accept string
		body, encoding     string
	}{
		{"Brotli", "/assets/app-1a2b.js", "gzip, deflate, br", "js-br", "br"},
		{"Gzip", "/assets/app-1a2b.js", "gzip", "js-gz", "gzip"},
		{"Identity", "/assets/app-1a2b.js", "", js, ""},
		{"BrotliRefused", "/assets/app-1a2b.js", "br;q=0, gzip", "js-gz", "gzip"},
		{"AllRefused", "/assets/app-1a2b.js", "*;q=0", js, ""},
		{"OnlyGzipCopy", "/assets/only-gz-9f.css", "br, gzip", "css-gz", "gzip"},
		{"OnlyGzipCopyBrotliClient", "/assets/only-gz-9f.css", "br", "body{}", ""},
		{"IndexHTML", "/", "br", "index-br", "br"},
		{"ClientRoute", "/children/abc", "gzip", "index-gz", "gzip"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve("GET", tc.path, "Accept-Encoding", tc.accept)
			if rec.Code != 200 || rec.Body.String() != tc.body {
				t.Fatalf("%d %q, want 200 %q", rec.Code, rec.Body.String(), tc.body)
			}
			if got := rec.Header().Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.encoding)
			}
			if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
			if got, want := rec.Header().Get("Content-Length"), itoa(int64(len(tc.body))); got != want {
				t.Errorf("Content-Length %q, want %q", got, want)
			}
		})
	}
	t.Run("TypeAndCacheOfTheOriginal", func(t *testing.T) {
		rec := serve("GET", "/assets/app-1a2b.js", "Accept-Encoding", "br")
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/javascript") {
			t.Errorf("Content-Type %q, want text/javascript", got)
		}
		if got := rec.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control %q", got)
		}
		rec = serve("GET", "/", "Accept-Encoding", "br")
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/html") {
			t.Errorf("index.html: Content-Type %q", got)
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
			t.Errorf("index.html: Cache-Control %q", got)
		}
	})
	t.Run("NoCopyNoVary", func(t *testing.T) {
		rec := serve("GET", "/favicon.svg", "Accept-Encoding", "br, gzip")
		if rec.Body.String() != "<svg/>" || rec.Header().Get("Content-Encoding") != "" || rec.Header().Get("Vary") != "" {
			t.Errorf("%q, Content-Encoding %q, Vary %q", rec.Body.String(), rec.Header().Get("Content-Encoding"), rec.Header().Get("Vary"))
		}
	})
	t.Run("HeadEncoded", func(t *testing.T) {
		rec := serve("HEAD", "/assets/app-1a2b.js", "Accept-Encoding", "br")
		if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Encoding") != "br" || rec.Header().Get("Content-Length") != "5" {
			t.Errorf("%d, body %q, headers %v", rec.Code, rec.Body.String(), rec.Header())
		}
	})
	t.Run("RangePlain", func(t *testing.T) {
		rec := serve("GET", "/assets/app-1a2b.js", "Range", "bytes=0-6")
		if rec.Code != http.StatusPartialContent || rec.Body.String() != "console" {
			t.Errorf("%d %q, want 206 \"console\"", rec.Code, rec.Body.String())
		}
		if got := rec.Header().Get("Accept-Ranges"); got != "bytes" {
			t.Errorf("Accept-Ranges %q", got)
		}
	})
	t.Run("RangeEncodedIsWhole", func(t *testing.T) {
		rec := serve("GET", "/assets/app-1a2b.js", "Range", "bytes=0-1", "Accept-Encoding", "br")
		if rec.Code != 200 || rec.Body.String() != "js-br" || rec.Header().Get("Content-Range") != "" {
			t.Errorf("%d %q Content-Range %q, want the whole copy", rec.Code, rec.Body.String(), rec.Header().Get("Content-Range"))
		}
		if got := rec.Header().Get("Accept-Ranges"); got != "none" {
			t.Errorf("Accept-Ranges %q, want none", got)
		}
	})
	for _, path := range []string{"/assets/app-1a2b.js.br", "/assets/app-1a2b.js.gz", "/index.html.br", "/.vite/manifest.json"} {
		t.Run("NotServed"+path, func(t *testing.T) {
			if rec := serve("GET", path, "Accept-Encoding", "br"); rec.Code != 404 {
				t.Errorf("%s: %d %q, want 404", path, rec.Code, rec.Body.String())
			}
		})
	}
}

// bigJSON is a JSON answer well above compressMinSize.
var bigJSON = func() []byte {
	rows := make([]map[string]any, 200)
	for i := range rows {
		rows[i] = map[string]any{"id": i, "name": "Rēzeknes novads", "atvkCode": "0043000"}
	}
	b, _ := json.Marshal(map[string]any{"data": map[string]any{"municipalities": rows}})
	return b
}()

func decodeBody(t *testing.T, encoding string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch encoding {
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	default:
		return body
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", encoding, err)
	}
	return out
}

func TestCompress(t *testing.T) {
	respond := func(body []byte, header ...string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			for i := 0; i+1 < len(header); i += 2 {
				w.Header().Set(header[i], header[i+1])
			}
			// In pieces, as an encoder writes: the decision falls in the middle of one.
			for len(body) > 0 {
				n := min(300, len(body))
				w.Write(body[:n])
				body = body[n:]
			}
		})
	}
	get := func(h http.Handler, accept string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/graphql", nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		rec := httptest.NewRecorder()
		compress(h).ServeHTTP(rec, req)
		return rec
	}
	for _, tc := range []struct{ accept, encoding string }{
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
		{"identity", ""},
	} {
		t.Run("Large/"+tc.accept, func(t *testing.T) {
			// Twice: the second answer comes from a pooled writer.
			for range 2 {
				rec := get(respond(bigJSON), tc.accept)
				if got := rec.Header().Get("Content-Encoding"); got != tc.encoding {
					t.Fatalf("Content-Encoding %q, want %q", got, tc.encoding)
				}
				if tc.encoding != "" && rec.Body.Len() >= len(bigJSON)/2 {
					t.Errorf("%d bytes compressed from %d", rec.Body.Len(), len(bigJSON))
				}
				if got := decodeBody(t, tc.encoding, rec.Body.Bytes()); !bytes.Equal(got, bigJSON) {
					t.Errorf("decoded body differs: %d bytes, want %d", len(got), len(bigJSON))
				}
				if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
					t.Errorf("Vary %q", got)
				}
			}
		})
	}
	t.Run("Small", func(t *testing.T) {
		small := []byte(`{"data":{"me":null}}`)
		rec := get(respond(small), "br, gzip")
		if rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != string(small) {
			t.Errorf("Content-Encoding %q, body %q", rec.Header().Get("Content-Encoding"), rec.Body.String())
		}
		if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("Vary %q", got)
		}
	})
	t.Run("AlreadyEncoded", func(t *testing.T) {
		rec := get(respond(bigJSON, "Content-Encoding", "identity-ish"), "br")
		if rec.Header().Get("Content-Encoding") != "identity-ish" || !bytes.Equal(rec.Body.Bytes(), bigJSON) {
			t.Errorf("Content-Encoding %q, %d bytes", rec.Header().Get("Content-Encoding"), rec.Body.Len())
		}
	})
	t.Run("CompressedType", func(t *testing.T) {
		rec := get(respond(bigJSON, "Content-Type", "application/pdf"), "br")
		if rec.Header().Get("Content-Encoding") != "" || !bytes.Equal(rec.Body.Bytes(), bigJSON) {
			t.Errorf("a PDF was compressed again: Content-Encoding %q", rec.Header().Get("Content-Encoding"))
		}
	})
	t.Run("StatusKept", func(t *testing.T) {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", itoa(int64(len(bigJSON))))
			w.WriteHeader(http.StatusUnprocessableEntity)
			w.Write(bigJSON)
		})
		rec := get(h, "gzip")
		if rec.Code != http.StatusUnprocessableEntity || rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Content-Length") != "" {
			t.Errorf("%d, Content-Encoding %q, Content-Length %q", rec.Code, rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Length"))
		}
		if got := decodeBody(t, "gzip", rec.Body.Bytes()); !bytes.Equal(got, bigJSON) {
			t.Error("decoded body differs")
		}
	})
	t.Run("EmptyBody", func(t *testing.T) {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
		if rec := get(h, "br"); rec.Code != http.StatusNoContent || rec.Header().Get("Content-Encoding") != "" {
			t.Errorf("%d, Content-Encoding %q", rec.Code, rec.Header().Get("Content-Encoding"))
		}
	})
}

// TestGraphQLCompressed goes through the whole handler: the API's answers are compressed when
// large, and decode to the JSON an uncompressed request gets.
func TestGraphQLCompressed(t *testing.T) {
	t.Parallel()
	h, _, _ := newTestHandler(t, nil)
	post := func(query, accept string) *httptest.ResponseRecorder {
		body, _ := json.Marshal(map[string]string{"query": query})
		req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	const large = `{ regions { code name nameEn municipalities { name atvkCode kind validFrom validTo } } }`
	plain := post(large, "")
	if plain.Code != 200 || plain.Header().Get("Content-Encoding") != "" || plain.Body.Len() < 4*compressMinSize {
		t.Fatalf("uncompressed: %d, Content-Encoding %q, %d bytes", plain.Code, plain.Header().Get("Content-Encoding"), plain.Body.Len())
	}
	for _, enc := range []string{"br", "gzip"} {
		rec := post(large, enc)
		if got := rec.Header().Get("Content-Encoding"); got != enc {
			t.Fatalf("Content-Encoding %q, want %q", got, enc)
		}
		if !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("Vary %q", rec.Header().Get("Vary"))
		}
		var got, want any
		if err := json.Unmarshal(decodeBody(t, enc, rec.Body.Bytes()), &got); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(plain.Body.Bytes(), &want)
		if !jsonEqual(got, want) {
			t.Errorf("%s: the decoded answer differs from the plain one", enc)
		}
		if rec.Body.Len() >= plain.Body.Len()/2 {
			t.Errorf("%s: %d bytes, plain %d", enc, rec.Body.Len(), plain.Body.Len())
		}
	}
	small := post(`{ __typename }`, "br, gzip")
	if small.Code != 200 || small.Header().Get("Content-Encoding") != "" || !strings.Contains(small.Body.String(), `"Query"`) {
		t.Errorf("small answer: %d, Content-Encoding %q, %q", small.Code, small.Header().Get("Content-Encoding"), small.Body.String())
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
