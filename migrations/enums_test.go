package migrations_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/dbtest"
	"atbalsts/domain"
)

// enum is one list of values kept in three places: the GraphQL schema, the domain package
// and the CHECK constraints of the columns that store it.
type enum struct {
	name    string   // the GraphQL enum
	domain  []string // the domain's list
	columns []string // table.column with a CHECK of the values
}

// schemaOnly are enums of the schema alone: no record holds their values.
var schemaOnly = map[string]bool{
	"Coarseness": true, // the argument of the @coarse directive (graph/privacy.go)
}

// enums are the lists that the schema, the domain and the database all have.
var enums = []enum{
	{"Role", values(domain.Roles), []string{"app_user.role"}},
	{"AuditAction", values(domain.AuditActions), []string{"audit_event.action"}},
	{"RegionCode", values(domain.RegionCodes), []string{"planning_region.code"}},
	{"MunicipalityKind", values(domain.MunicipalityKinds), []string{"municipality.kind"}},
	{"ServiceCategory", values(domain.ServiceCategories), []string{"service_type.category"}},
	{"ServiceUnit", values(domain.ServiceUnits), []string{"service_type.unit"}},
	{"Recipient", values(domain.Recipients), []string{"assessment_recommendation.recipient", "plan_line.recipient", "service_delivery.recipient"}},
	{"FundingSourceCode", values(domain.FundingSourceCodes), []string{"project_funding_source.code"}},
	{"TargetGroup", values(domain.TargetGroups), []string{"project_target.target_group"}},
	{"CapKind", values(domain.CapKinds), []string{"project_cap_rule.kind"}},
	{"Sex", values(domain.Sexes), []string{"child.sex"}},
	{"StatisticsDimension", values(domain.StatDimensions), nil}, // a request's grouping: no record holds it
	{"WorklistKind", values(domain.WorklistKinds), nil},         // counted by the worklist query: no record holds it
	{"ChildOrder", values(domain.ChildOrders), nil},             // a list's order: no record holds it
	{"DeliveryOutcome", values(domain.DeliveryOutcomes), nil},   // a batch's answer: no record holds it
	{"LivingArrangement", values(domain.LivingArrangements), []string{"child.living_arrangement"}},
	{"ImpairmentKind", values(domain.ImpairmentKinds), []string{"child.impairments"}},
	{"ParentRelation", values(domain.ParentRelations), []string{"child_parent.relation"}},
	{"ApplicationStatus", values(domain.ApplicationStatuses), []string{"application.status"}},
	{"AssessmentStatus", values(domain.AssessmentStatuses), []string{"assessment.status"}},
	{"Specialty", values(domain.Specialties), []string{"assessment_team_member.specialty"}},
	{"FunctioningArea", values(domain.FunctioningAreas), []string{"assessment_finding.area"}},
	{"PlanKind", values(domain.PlanKinds), []string{"support_plan.kind"}},
	{"PlanStatus", values(domain.PlanStatuses), []string{"plan_revision.status"}},
	{"GoalStatus", values(domain.GoalStatuses), []string{"plan_goal.status"}},
	{"PriceSource", values(domain.PriceSources), []string{"plan_line.price_source", "service_delivery.price_source"}},
	{"DeliveryStatus", values(domain.DeliveryStatuses), []string{"service_delivery.status"}},
	{"ClaimStatus", values(domain.ClaimStatuses), []string{"compensation_claim.status"}},
	{"ApiTokenKind", values(domain.TokenKinds), []string{"api_token.kind"}},
}

// notEnums are the columns with a CHECK of a value list that no GraphQL enum mirrors.
var notEnums = []string{
	"municipality.atvk_confidence", // how sure the reference data is of the ATVK code; not in the API
	"stat_member.grain",            // the statistics cube's periods (migration 00011): months or years
	"stat_member.kind",             // the statistics cube's kinds of person rows (migration 00011)
}

func values[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// TestEnums_OneList checks that each enum has the same values in the GraphQL schema, in the
// domain and in the database's CHECK constraints, and that no enum or value-list CHECK is
// left out of the comparison.
func TestEnums_OneList(t *testing.T) {
	t.Parallel()
	schema := loadSchema(t)
	checks := valueChecks(t)

	for _, e := range enums {
		t.Run(e.name, func(t *testing.T) {
			def := schema.Types[e.name]
			if def == nil || def.Kind != ast.Enum {
				t.Fatalf("the GraphQL schema has no enum %s", e.name)
			}
			var gql []string
			for _, v := range def.EnumValues {
				gql = append(gql, v.Name)
			}
			if !sameSet(gql, e.domain) {
				t.Errorf("enum %s: the GraphQL schema has %v, the domain %v", e.name, gql, e.domain)
			}
			for _, col := range e.columns {
				db, ok := checks[col]
				if !ok {
					t.Errorf("enum %s: %s has no CHECK of its values", e.name, col)
					continue
				}
				if !sameSet(db, e.domain) {
					t.Errorf("enum %s: the CHECK of %s allows %v, the domain has %v", e.name, col, db, e.domain)
				}
			}
		})
	}

	// A new enum in the schema, or a new value-list CHECK, must join the comparison.
	covered := map[string]bool{}
	for _, e := range enums {
		for _, col := range e.columns {
			covered[col] = true
		}
	}
	for _, col := range notEnums {
		covered[col] = true
	}
	for col := range checks {
		if !covered[col] {
			t.Errorf("%s has a CHECK of a value list that no enum here compares: add it to enums or notEnums", col)
		}
	}
	for _, def := range schema.Types {
		if def.Kind == ast.Enum && !def.BuiltIn && !schemaOnly[def.Name] && !slices.ContainsFunc(enums, func(e enum) bool { return e.name == def.Name }) {
			t.Errorf("GraphQL enum %s is not compared with the domain and the database: add it to enums", def.Name)
		}
	}
}

// loadSchema parses schema.graphql and any schema/*.graphql, as gqlgen does.
func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	files, err := filepath.Glob("../schema/*.graphql")
	if err != nil {
		t.Fatal(err)
	}
	var sources []*ast.Source
	for _, name := range append([]string{"../schema.graphql"}, files...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: name, Input: string(b)})
	}
	schema, gqlErr := gqlparser.LoadSchema(sources...)
	if gqlErr != nil {
		t.Fatal(gqlErr)
	}
	return schema
}

// quoted finds the string literals of a constraint's definition.
var quoted = regexp.MustCompile(`'((?:[^']|'')*)'`)

// valueChecks reads, from a migrated database, every single-column CHECK against a list of
// values (PostgreSQL shows `col IN (...)` as `col = ANY (ARRAY[...])`, and `col <@ ARRAY[...]`
// stays), by table.column.
func valueChecks(t *testing.T) map[string][]string {
	t.Helper()
	db := dbtest.Open(t)
	var rows []struct {
		Table  string `db:"tbl"`
		Column string `db:"col"`
		Def    string `db:"def"`
	}
	err := db.SelectContext(context.Background(), &rows, `
		SELECT k.conrelid::regclass::text AS tbl, a.attname AS col, pg_get_constraintdef(k.oid) AS def
		FROM pg_constraint k
		JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
		JOIN pg_class c ON c.oid = k.conrelid
		-- a partition's CHECK is its parent's, compared there
		WHERE NOT c.relispartition AND k.contype = 'c' AND cardinality(k.conkey) = 1 AND k.connamespace = 'public'::regnamespace
			AND pg_get_constraintdef(k.oid) LIKE '%ARRAY[%'`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		col := r.Table + "." + r.Column
		if _, dup := out[col]; dup {
			t.Fatalf("%s has two CHECKs of value lists", col)
		}
		var vs []string
		for _, m := range quoted.FindAllStringSubmatch(r.Def, -1) {
			vs = append(vs, strings.ReplaceAll(m[1], "''", "'"))
		}
		out[col] = vs
	}
	return out
}

// sameSet tells whether a and b hold the same values, each once.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b) && len(slices.Compact(a)) == len(b)
}
