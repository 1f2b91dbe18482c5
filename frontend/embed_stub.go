//go:build !embed

// Package frontend holds the single-page app's build (frontend/dist), embedded into the
// binary when it is built with `-tags embed`. Without the tag (go test, go run) a stand-in
// page is served, so that Go builds and tests need no npm.
package frontend

import (
	"io/fs"
	"testing/fstest"
)

// Dist is a stand-in for the built SPA.
func Dist() fs.FS {
	return fstest.MapFS{"index.html": {Data: []byte(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Atbalsts</title></head>
<body><main><h1>Atbalsts</h1><p>This binary was built without the web app: build it with <code>make build</code>.</p></main>
<script>/* the SPA is embedded by make build */</script></body></html>
`)}}
}
