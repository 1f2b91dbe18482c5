package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/graph"
	"atbalsts/service"
	"atbalsts/store"
)

// as serves every request as the given signed-in user, as the server's authentication would.
func as(u *domain.User, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := domain.WithActor(r.Context(), domain.ActorOf(u, domain.AuthToken, 0))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// BenchmarkCases: the case registry's reads over 100 children in each of the 43 municipalities
// (4 300 children, 8 600 plans, 17 200 revisions, 51 600 lines), as a municipality worker of
// one municipality and as an admin:
// go run ./localpg/withpg -- go test -run '^$' -bench Cases -benchmem ./graph
func BenchmarkCases(b *testing.B) {
	db := dbtest.Open(b)
	base := seedBase(b, db)
	seedPlans(b, db, base, 100, 0)
	// As the owner would (autovacuum does in a deployment): the server's role may not analyze
	// tables it does not own, and PostgreSQL skips them with a warning only.
	if _, err := dbtest.Superuser(b, db).Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
	var liepaja int
	if err := db.Get(&liepaja, `SELECT id FROM municipality WHERE name = 'Liepāja'`); err != nil {
		b.Fatal(err)
	}
	var planID int
	if err := db.Get(&planID, `SELECT sp.id FROM support_plan sp JOIN child c ON c.id = sp.child_id WHERE c.municipality_id = $1 LIMIT 1`, liepaja); err != nil {
		b.Fatal(err)
	}
	s := store.New(db)
	worker := &domain.User{ID: base.Admin.ID, Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{liepaja}, Active: true}
	admin := base.Admin
	for _, bc := range []struct {
		name, query string
		user        *domain.User
	}{
		{"WorkerChildrenPage", `{ children(first: 50) { totalCount edges { node { id firstName lastName personalCode birthDate
			municipality { name } supportPlans { status current { budget linesTotal } } } } } }`, worker},
		{"WorkerSearch", `{ children(first: 20, filter: {search: "Vārds4"}) { edges { node { id firstName lastName } } } }`, worker},
		{"AdminSearchByCode", `{ children(first: 20, filter: {search: "320005-0"}) { edges { node { id personalCode } } } }`, admin},
		{"PlanEditor", `{ node(id: "` + graph.GlobalID("SupportPlan", planID) + `") { ... on SupportPlan { id status kind
			child { firstName lastName } project { name } current { id number status validFrom validTo budget linesTotal budgetUnplanned version
				goals { key text status } lines { key serviceType { code name } recipient plannedUnits unitPrice amount provider { name } } }
			pending { id number status version lines { key plannedUnits } } revisions { number status } diff(from: 1, to: 2) { path before after } } } }`, admin},
		{"AdminNested", `{ municipalities(first: 8) { edges { node { name children(first: 20) { totalCount edges { node { id
			supportPlans { status current { lines { plannedUnits amount serviceType { code } } } } } } } } } } }`, admin},
	} {
		h := as(bc.user, graph.NewHandler(service.New(s, nil), nil))
		body, _ := json.Marshal(map[string]any{"query": bc.query})
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}
