// Package persisted holds the manifest of trusted operations: the text of every operation of
// the SPA and of the mobile clients, by the hex SHA-256 of that text. `make generate` writes
// manifest.json (gen/main.go) from the documents the clients are built with, so a client sends
// an operation's hash alone and the server runs the text it was built with; an APP token runs
// nothing else (graph/edge.go).
package persisted

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
)

//go:embed manifest.json
var manifestJSON []byte

// operations is the manifest: hash -> document text.
var operations = func() map[string]string {
	var m map[string]string
	if err := json.Unmarshal(manifestJSON, &m); err != nil {
		panic(fmt.Errorf("graph/persisted/manifest.json: %w", err)) // written by make generate: a broken one is a build fault
	}
	return m
}()

// Document returns the text of the trusted operation with the given hash, if there is one.
func Document(sha256Hash string) (string, bool) {
	text, ok := operations[sha256Hash]
	return text, ok
}

// All returns the whole manifest, hash -> text.
func All() map[string]string { return maps.Clone(operations) }
