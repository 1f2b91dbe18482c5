package server

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// precompressed are the codings of the copies the build writes next to a compressible file
// (frontend/scripts/precompress.ts), by the suffix of the copy, in the server's preference.
var precompressed = []struct{ encoding, suffix string }{
	{encBrotli, ".br"},
	{encGzip, ".gz"},
}

// spaHandler serves the single-page app from dist: existing files as they are, hashed assets
// cached for a year, and index.html for every other path (the SPA's client routes), never
// cached so that a new release is picked up at once. Directories are never listed. A file
// with a precompressed copy (name.br, name.gz) is sent as that copy to a client that accepts
// its coding; the copies are never served under their own names, nor is the build's metadata
// (dist/.vite).
func spaHandler(dist fs.FS) http.Handler {
	encoded := precompressedFiles(dist)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name != "" && name != "index.html" {
			if !servable(name) {
				http.NotFound(w, r)
				return
			}
			if f, err := dist.Open(name); err == nil {
				info, err := f.Stat()
				if err == nil && !info.IsDir() {
					defer f.Close()
					if strings.HasPrefix(name, "assets/") {
						// Vite puts a content hash in every asset's name: it never changes.
						w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
					} else {
						// Checked on every use; for sw.js that is what lets a new release's
						// service worker replace the old one at once.
						w.Header().Set("Cache-Control", "no-cache")
					}
					if ct, ok := contentTypes[path.Ext(name)]; ok {
						w.Header().Set("Content-Type", ct)
					}
					serveFile(w, r, dist, encoded[name], name, info.ModTime(), f)
					return
				}
				f.Close()
			}
			// A missing asset is a 404, not the app: a script tag must not get HTML.
			if strings.HasPrefix(name, "assets/") || path.Ext(name) != "" {
				http.NotFound(w, r)
				return
			}
		}
		f, err := dist.Open("index.html")
		if err != nil {
			http.Error(w, "the web app is missing from this build", http.StatusNotFound)
			return
		}
		defer f.Close()
		w.Header().Set("Cache-Control", "no-cache")
		serveFile(w, r, dist, encoded["index.html"], "index.html", time.Time{}, f)
	})
}

// contentTypes are the types of the app's files that Go's mime table may not know (it reads
// the system's, which differs between machines): the web app manifest's is required by
// browsers, and the service worker must be JavaScript to be registered.
var contentTypes = map[string]string{
	".webmanifest": "application/manifest+json",
	".js":          "text/javascript; charset=utf-8",
}

// servable tells whether a path of dist may be served by its name: not the precompressed
// copies (a browser would get brotli bytes as a script), not a hidden file or directory.
func servable(name string) bool {
	for _, p := range precompressed {
		if strings.HasSuffix(name, p.suffix) {
			return false
		}
	}
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
}

// precompressedFiles lists, once at start-up, the codings each file of dist has a copy in,
// in the server's preference; dist is embedded, so the list cannot go stale.
func precompressedFiles(dist fs.FS) map[string][]string {
	files := map[string][]string{}
	if dist == nil {
		return files // a handler without the app (some tests): nothing is served from it
	}
	fs.WalkDir(dist, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for _, p := range precompressed {
			if strings.HasSuffix(name, p.suffix) {
				return nil
			}
		}
		for _, p := range precompressed {
			if info, err := fs.Stat(dist, name+p.suffix); err == nil && info.Mode().IsRegular() {
				files[name] = append(files[name], p.encoding)
			}
		}
		return nil
	})
	return files
}

// serveFile sends f, or its precompressed copy in the best of the codings the client accepts.
func serveFile(w http.ResponseWriter, r *http.Request, dist fs.FS, codings []string, name string, mod time.Time, f fs.File) {
	if len(codings) > 0 {
		// The answer depends on Accept-Encoding, the plain one as much as an encoded one.
		w.Header().Add("Vary", "Accept-Encoding")
		if enc := negotiateEncoding(r.Header.Values("Accept-Encoding"), codings...); enc != "" {
			for _, p := range precompressed {
				if p.encoding == enc && serveEncoded(w, r, dist, name, p.suffix, enc, mod) {
					return
				}
			}
		}
	}
	serveContent(w, r, name, mod, f)
}

// serveEncoded sends the copy name+suffix whole with its coding; it returns false, having
// sent nothing, when the copy cannot be read (the plain file is sent instead). Range requests
// get the whole copy: ranges of a compressed copy are of no use to a browser resuming the
// plain file, and the server may ignore Range (RFC 9110, section 14.2).
func serveEncoded(w http.ResponseWriter, r *http.Request, dist fs.FS, name, suffix, enc string, mod time.Time) bool {
	f, err := dist.Open(name + suffix)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false
	}
	h := w.Header()
	h.Set("Content-Encoding", enc)
	// ServeContent leaves Content-Length out once a coding is set (it expects compression on
	// the fly); the copy's size is known.
	h.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	if r.Header.Get("Range") != "" || r.Header.Get("If-Range") != "" {
		r = r.Clone(r.Context())
		r.Header.Del("Range")
		r.Header.Del("If-Range")
	}
	// The name, not the copy's, gives the Content-Type (text/javascript, not a .br type).
	serveContent(noRanges{w}, r, name, mod, f)
	return true
}

// noRanges answers "Accept-Ranges: none" where ServeContent would claim byte ranges that the
// encoded answer does not honour.
type noRanges struct{ http.ResponseWriter }

func (w noRanges) WriteHeader(code int) {
	w.Header().Set("Accept-Ranges", "none")
	w.ResponseWriter.WriteHeader(code)
}

func serveContent(w http.ResponseWriter, r *http.Request, name string, mod time.Time, f fs.File) {
	if rs, ok := f.(io.ReadSeeker); ok {
		http.ServeContent(w, r, name, mod, rs)
		return
	}
	data, err := io.ReadAll(f)
	if err != nil && !errors.Is(err, io.EOF) {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, mod, strings.NewReader(string(data)))
}
