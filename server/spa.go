package server

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// spaHandler serves the single-page app from dist: existing files as they are, hashed assets
// cached for a year, and index.html for every other path (the SPA's client routes), never
// cached so that a new release is picked up at once. Directories are never listed.
func spaHandler(dist fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name != "" && name != "index.html" {
			if f, err := dist.Open(name); err == nil {
				info, err := f.Stat()
				if err == nil && !info.IsDir() {
					defer f.Close()
					if strings.HasPrefix(name, "assets/") {
						// Vite puts a content hash in every asset's name: it never changes.
						w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
					} else {
						w.Header().Set("Cache-Control", "no-cache")
					}
					serveFile(w, r, name, info.ModTime(), f)
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
		serveFile(w, r, "index.html", time.Time{}, f)
	})
}

func serveFile(w http.ResponseWriter, r *http.Request, name string, mod time.Time, f fs.File) {
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
