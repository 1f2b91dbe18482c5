package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"atbalsts/domain"
)

// What authentication costs per request, in process against a real database:
// go run ./localpg/withpg -- go test -run '^$' -bench Auth -benchmem ./server
func BenchmarkAuthenticatedQuery(b *testing.B) {
	api := newTestAPI(b)
	admin := api.createUser("bench@bench.example", domain.UserScope{Role: domain.RoleAdmin})
	secret, _ := api.token(admin)
	session, _ := api.signIn(admin.Email, testPassword, "")

	body, _ := json.Marshal(map[string]any{"query": `{ me { id role } serviceTypes { code } }`})
	for _, bc := range []struct {
		name string
		c    caller
	}{
		{"Anonymous", caller{}},
		{"Token", caller{token: secret}},
		{"Session", session},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if bc.c.token != "" {
					req.Header.Set("Authorization", "Bearer "+bc.c.token)
				}
				for _, ck := range bc.c.cookies {
					req.AddCookie(ck)
				}
				rec := httptest.NewRecorder()
				api.h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}
