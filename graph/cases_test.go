package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/graph"
	"atbalsts/store"
)

// asAdmin serves every request as a signed-in ADMIN, as the server's authentication would.
func asAdmin(next http.Handler) http.Handler {
	admin := &domain.User{ID: 1, Role: domain.RoleAdmin, Active: true}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := domain.WithActor(r.Context(), domain.ActorOf(admin, domain.AuthToken, 0))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// TestCases_StatementCount: municipalities -> children -> plans -> revision -> lines -> service
// type costs the same number of SQL statements however many rows there are: one per level,
// not one per row.
func TestCases_StatementCount(t *testing.T) {
	db, counter := dbtest.OpenCounting(t)
	c := &client{t, asAdmin(graph.NewHandler(store.New(db), nil))}
	ctx := context.Background()
	// A user id 1 for the audit rows of the reads, and a project with a completed assessment
	// that plans rest on.
	for _, q := range []string{
		`INSERT INTO app_user (id, email, name, role) VALUES (1, 'admin@test.example', 'Admin', 'ADMIN')`,
		`INSERT INTO provider (id, name, registration_number) VALUES (1, 'P', 'TEST-1')`,
		`INSERT INTO project (id, code, name, lead_region_id, start_date, end_date, total_budget)
			VALUES (1, 'P-1', 'Test', 1, '2020-01-01', '2023-12-31', 1000000)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	seed := func(perMunicipality int) {
		t.Helper()
		_, err := db.ExecContext(ctx, `
			WITH kids AS (
				INSERT INTO child (personal_code, first_name, last_name, birth_date, sex, municipality_id, living_arrangement)
				SELECT '32' || lpad(m.id::text, 4, '0') || '-' || lpad((i + (SELECT count(*) FROM child))::text, 5, '0'), 'Vārds' || i, 'Uzvārds',
					'2015-01-01', 'FEMALE', m.id, 'FAMILY'
				FROM municipality m CROSS JOIN generate_series(1, $1) i
				WHERE m.region_id = 1
				RETURNING id),
			assessed AS (
				INSERT INTO assessment (child_id, provider_id, scheduled_on, status, completed_on)
				SELECT id, 1, '2021-01-01', 'COMPLETED', '2021-01-02' FROM kids RETURNING id, child_id),
			plans AS (
				INSERT INTO support_plan (child_id, project_id, assessment_id, kind)
				SELECT child_id, 1, id, 'SOCIAL_REHABILITATION' FROM assessed CROSS JOIN generate_series(1, 2)
				RETURNING id),
			revs AS (
				INSERT INTO plan_revision (plan_id, number, status, valid_from, valid_to, budget)
				SELECT id, n, CASE n WHEN 1 THEN 'ACTIVE' ELSE 'DRAFT' END, '2021-02-01', '2021-12-31', 5000
				FROM plans CROSS JOIN generate_series(1, 2) n
				RETURNING id)
			INSERT INTO plan_line (revision_id, position, key, service_type_id, recipient, planned_units, unit_price, price_source)
			SELECT r.id, k, gen_random_uuid(), k + 1, 'CHILD', 10, 30, 'CATALOGUE' FROM revs r CROSS JOIN generate_series(0, 2) k`,
			perMunicipality)
		if err != nil {
			t.Fatal(err)
		}
	}
	q := `{ municipalities(filter: {regionId: "` + graph.GlobalID("PlanningRegion", 1) + `"}, first: 8) { edges { node { name
		children(first: 20) { totalCount edges { node { id firstName
			supportPlans { status current { number budget lines { plannedUnits amount serviceType { code } } }
				pending { number lines { plannedUnits } } } } } } } } } }`
	run := func() (int64, int) {
		t.Helper()
		var data struct {
			Municipalities struct {
				Edges []struct {
					Node struct {
						Children struct {
							TotalCount int
							Edges      []json.RawMessage
						}
					}
				}
			}
		}
		c.query(q, nil, &data) // warms the connections and the prepared statements
		counter.Reset()
		c.query(q, nil, &data)
		rows := 0
		for _, m := range data.Municipalities.Edges {
			rows += len(m.Node.Children.Edges)
		}
		return counter.Count(), rows
	}
	seed(1)
	small, smallRows := run()
	seed(9)
	large, largeRows := run()
	if largeRows != 10*smallRows || smallRows != 8 {
		t.Fatalf("children returned: %d, then %d; want 8, then 80", smallRows, largeRows)
	}
	t.Logf("statements: %d for %d children, %d for %d children", small, smallRows, large, largeRows)
	if small != large {
		t.Errorf("statements: %d for %d children, %d for %d: the count must not grow with the rows", small, smallRows, large, largeRows)
	}
}
