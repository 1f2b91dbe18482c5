// Command gen writes the manifest of trusted operations, graph/persisted/manifest.json (hash ->
// text), from the SPA's documents (frontend/src/gql/persisted-documents.json, which codegen
// writes with each document's hash) and the mobile clients' operations
// (examples/mobile-client/operations.graphql); and, for the mobile client,
// examples/mobile-client/persisted.json: each of its operations by name with its hash and
// text. `make generate` runs it from the repository's root, after codegen.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/parser"
)

const (
	spaDocuments     = "frontend/src/gql/persisted-documents.json"
	mobileOperations = "examples/mobile-client/operations.graphql"
	manifestFile     = "graph/persisted/manifest.json"
	mobileManifest   = "examples/mobile-client/persisted.json"
)

// mobileOperation is an operation as the mobile client's persisted.json gives it.
type mobileOperation struct {
	SHA256Hash string `json:"sha256Hash"`
	Document   string `json:"document"`
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("graph/persisted/gen: ")
	manifest, err := readSPA()
	if err != nil {
		log.Fatal(err)
	}
	mobile, err := readMobile()
	if err != nil {
		log.Fatal(err)
	}
	for _, op := range mobile {
		manifest[op.SHA256Hash] = op.Document
	}
	if err := writeJSON(manifestFile, manifest); err != nil {
		log.Fatal(err)
	}
	if err := writeJSON(mobileManifest, map[string]any{"operations": mobile}); err != nil {
		log.Fatal(err)
	}
}

// readSPA reads the SPA's documents by hash, and checks that each hash is its text's SHA-256
// (codegen.ts's hash function), which is what the server looks them up by.
func readSPA() (map[string]string, error) {
	b, err := os.ReadFile(spaDocuments)
	if err != nil {
		return nil, err
	}
	var docs map[string]string
	if err := json.Unmarshal(b, &docs); err != nil {
		return nil, fmt.Errorf("%s: %w", spaDocuments, err)
	}
	for hash, text := range docs {
		if hashOf(text) != hash {
			return nil, fmt.Errorf("%s: %.16s… is not the SHA-256 of its text: check frontend/codegen.ts's hashAlgorithm", spaDocuments, hash)
		}
	}
	return docs, nil
}

// readMobile returns each operation of the mobile clients' file by name: the operation with
// the fragments it uses, printed alone, and that text's hash.
func readMobile() (map[string]mobileOperation, error) {
	b, err := os.ReadFile(mobileOperations)
	if err != nil {
		return nil, err
	}
	doc, err := parser.ParseQuery(&ast.Source{Name: mobileOperations, Input: string(b)})
	if err != nil {
		return nil, err
	}
	out := map[string]mobileOperation{}
	for _, op := range doc.Operations {
		if op.Name == "" {
			return nil, fmt.Errorf("%s: every operation needs a name, the client's key to it", mobileOperations)
		}
		if _, dup := out[op.Name]; dup {
			return nil, fmt.Errorf("%s: two operations named %s", mobileOperations, op.Name)
		}
		used := map[string]bool{}
		if err := collectFragments(doc, op.SelectionSet, used); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", mobileOperations, op.Name, err)
		}
		alone := &ast.QueryDocument{Operations: ast.OperationList{op}}
		for _, f := range doc.Fragments { // in the file's order
			if used[f.Name] {
				alone.Fragments = append(alone.Fragments, f)
			}
		}
		var text bytes.Buffer
		formatter.NewFormatter(&text, formatter.WithIndent("  ")).FormatQueryDocument(alone)
		document := strings.TrimSpace(text.String())
		out[op.Name] = mobileOperation{SHA256Hash: hashOf(document), Document: document}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no operations", mobileOperations)
	}
	return out, nil
}

// collectFragments adds the names of the fragments a selection set spreads, and those they
// spread in turn, to used.
func collectFragments(doc *ast.QueryDocument, set ast.SelectionSet, used map[string]bool) error {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if err := collectFragments(doc, sel.SelectionSet, used); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if err := collectFragments(doc, sel.SelectionSet, used); err != nil {
				return err
			}
		case *ast.FragmentSpread:
			if used[sel.Name] {
				continue
			}
			f := doc.Fragments.ForName(sel.Name)
			if f == nil {
				return fmt.Errorf("no fragment %s", sel.Name)
			}
			used[sel.Name] = true
			if err := collectFragments(doc, f.SelectionSet, used); err != nil {
				return err
			}
		}
	}
	return nil
}

func hashOf(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// writeJSON writes v as indented JSON (maps in key order, so the output depends on nothing
// but the inputs), unless the file holds that already.
func writeJSON(name string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, b.Bytes()) {
		return nil
	}
	return os.WriteFile(name, b.Bytes(), 0o644)
}
