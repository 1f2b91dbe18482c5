package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/graph"
	"atbalsts/service"
	"atbalsts/store"
)

// Benchmarks of whole GraphQL requests in process (no network), against a real database:
// go run ./localpg/withpg -- go test -run '^$' -bench . -benchmem ./graph
func BenchmarkQuery(b *testing.B) {
	h := graph.NewHandler(service.New(store.New(dbtest.Open(b)), nil), nil)
	for _, bc := range []struct{ name, query string }{
		{"RegionsWithMunicipalities", `{ regions { id name municipalities { id name atvkCode region { code } } } }`},
		{"MunicipalitiesPage", `{ municipalities(first: 20, filter: {nameContains: "novads"}) { totalCount edges { cursor node { id name region { name } } } } }`},
		{"ServiceTypes", `{ serviceTypes { id code name nameEn category unit defaultUnitPrice recipients } }`},
	} {
		body, _ := json.Marshal(map[string]any{"query": bc.query})
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}
