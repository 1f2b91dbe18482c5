package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/graph"
	"atbalsts/service"
	"atbalsts/store"
)

// BenchmarkDeliveries: recording and reading delivered sessions over Kurzeme's municipalities
// with 100 children each, every child with 100 verified deliveries of 2021 (the rules then
// count 100 earlier deliveries of the child on every write):
// go run ./localpg/withpg -- go test -run '^$' -bench Deliveries -benchmem ./graph
func BenchmarkDeliveries(b *testing.B) {
	db := dbtest.Open(b)
	base := seedBase(b, db)
	var kurzeme int
	if err := db.Get(&kurzeme, `SELECT id FROM planning_region WHERE code = 'KURZEME'`); err != nil {
		b.Fatal(err)
	}
	seedPlans(b, db, base, 100, kurzeme)
	// Bulk SQL, as seedPlans: a hundred deliveries of each of Kurzeme's children are far more
	// than the services could record in a benchmark's set-up.
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{sql: `UPDATE plan_line SET planned_units = 100000`},
		{sql: `UPDATE plan_revision SET budget = 100000000`},
		{`INSERT INTO project_cap_rule (project_id, kind, valid_from, cap_limit) VALUES ($1, 'CHILD_SESSIONS', '2020-01-01', 1000000)`,
			[]any{base.project.ID}},
		{
			`INSERT INTO service_delivery (plan_id, line_key, child_id, project_id, municipality_id, service_type_id, date, units, recipient,
			provider_id, specialist_name, unit_price, price_source, status)
		SELECT sp.id, l.key, c.id, $1::int, c.municipality_id, l.service_type_id, '2021-02-01'::date + (i % 300), 1, 'CHILD', $2::int, 'Dace Ozola', 30, 'CATALOGUE',
			CASE WHEN i % 10 = 0 THEN 'RECORDED' ELSE 'VERIFIED' END
		FROM support_plan sp JOIN child c ON c.id = sp.child_id
		JOIN plan_revision r ON r.plan_id = sp.id AND r.status = 'ACTIVE'
		JOIN plan_line l ON l.revision_id = r.id AND l.position = 0
		CROSS JOIN generate_series(1, 50) i`, []any{base.project.ID, base.provider.ID}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			b.Fatal(err)
		}
	}
	// As the owner (autovacuum in a deployment): the server's role may not analyze tables it
	// does not own, and PostgreSQL skips them with a warning only.
	if _, err := dbtest.Superuser(b, db).Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
	var liepaja, planID int
	var lineKey string
	if err := db.Get(&liepaja, `SELECT id FROM municipality WHERE name = 'Liepāja'`); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`SELECT sp.id, l.key FROM support_plan sp JOIN child c ON c.id = sp.child_id
		JOIN plan_revision r ON r.plan_id = sp.id AND r.status = 'ACTIVE' JOIN plan_line l ON l.revision_id = r.id AND l.position = 0
		WHERE c.municipality_id = $1 LIMIT 1`, liepaja).Scan(&planID, &lineKey); err != nil {
		b.Fatal(err)
	}
	s := store.New(db)
	worker := &domain.User{ID: base.Admin.ID, Name: "Darbiniece", Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{liepaja}, Active: true}
	h := as(worker, graph.NewHandler(service.New(s, nil), nil))
	post := func(b *testing.B, query string, vars map[string]any) {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatal(rec.Body.String())
		}
	}
	plan := graph.GlobalID("SupportPlan", planID)
	b.Run("Record", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n++
			post(b, `mutation($in: RecordDeliveryInput!) { recordDelivery(input: $in) { delivery { id amount status } } }`,
				map[string]any{"in": map[string]any{"idempotencyKey": fmt.Sprintf("00000000-0000-4000-8000-%012d", n), "planId": plan,
					"lineKey": lineKey, "date": "2021-06-01", "units": 1, "providerId": graph.GlobalID("Provider", base.provider.ID)}})
		}
	})
	for _, bc := range []struct{ name, query string }{
		{"PlanLogAndUsage", `{ node(id: "` + plan + `") { ... on SupportPlan { usage { figures { plannedUnits deliveredUnits remainingAmount }
			lines { line { key } figures { deliveredUnits verifiedUnits claimedUnits remainingUnits } } }
			deliveries(first: 50) { totalCount edges { node { id date units amount status serviceType { code } provider { name } corrections { date } } } } } } }`},
		{"VerificationQueue", `{ deliveries(first: 50, filter: {status: RECORDED}) { totalCount edges { node { id date units amount
			child { firstName lastName } serviceType { name } provider { name } specialistName } } } }`},
		{"ClaimPreviewYear", `{ claimPreview(input: {municipalityId: "` + graph.GlobalID("Municipality", liepaja) + `", projectId: "` +
			graph.GlobalID("Project", base.project.ID) + `", periodFrom: "2021-01-01", periodTo: "2021-12-31"}) { total deliveryCount childCount
			byServiceType { units amount } byFundingSource { code amount } unverifiedCount } }`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				post(b, bc.query, nil)
			}
		})
	}
}
