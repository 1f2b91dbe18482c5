//go:build embed

// Package frontend holds the single-page app's build (frontend/dist), embedded into the
// binary when it is built with `-tags embed` (make build does, after npm run build).
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist is the built SPA: index.html and the hashed assets under assets/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // cannot happen: "dist" is a valid path
	}
	return sub
}
