package graph_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atbalsts/dbtest"
	"atbalsts/graph"
	"atbalsts/service"
	"atbalsts/store"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// response is a GraphQL response with the data left raw for each test to decode.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r response) codes() []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, fmt.Sprint(e.Extensions["code"]))
	}
	return out
}

type client struct {
	t *testing.T
	h http.Handler
}

func newClient(t *testing.T) *client {
	return &client{t, graph.NewHandler(service.New(store.New(dbtest.Open(t)), nil), nil)}
}

// post sends a GraphQL request body and decodes the response.
func (c *client) post(body map[string]any) response {
	c.t.Helper()
	data, _ := json.Marshal(body)
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	return c.do(req)
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	var r response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		c.t.Fatalf("status %d, body %q: %v", rec.Code, rec.Body.String(), err)
	}
	return r
}

// query runs a query that must succeed and decodes its data into out.
func (c *client) query(q string, vars map[string]any, out any) {
	c.t.Helper()
	r := c.post(map[string]any{"query": q, "variables": vars})
	if len(r.Errors) > 0 {
		c.t.Fatalf("query failed: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		c.t.Fatal(err)
	}
}

type municipality struct {
	ID     string
	Name   string
	Region struct{ Code string }
}

func TestRegions(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var data struct {
		Regions []struct {
			ID             string
			Code           string
			Name           string
			NameEn         string
			Municipalities []municipality
		}
	}
	c.query(`query($on: Date) { regions { id code name nameEn municipalities(activeOn: $on) { id name region { code } } } }`,
		map[string]any{"on": "2026-11-22"}, &data)

	var codes []string
	counts := map[string]int{}
	for _, r := range data.Regions {
		codes = append(codes, r.Code)
		counts[r.Code] = len(r.Municipalities)
		for _, m := range r.Municipalities {
			if m.Region.Code != r.Code {
				t.Errorf("%s listed under %s but its region is %s", m.Name, r.Code, m.Region.Code)
			}
		}
	}
	if diff := cmp.Diff([]string{"KURZEME", "LATGALE", "RIGA", "VIDZEME", "ZEMGALE"}, codes); diff != "" {
		t.Errorf("regions (-want +got):\n%s", diff)
	}
	// Varakļānu novads (Vidzeme) merged into Madonas novads in 2025.
	want := map[string]int{"KURZEME": 8, "LATGALE": 9, "RIGA": 9, "VIDZEME": 10, "ZEMGALE": 6}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("municipalities per region on 2026-11-22 (-want +got):\n%s", diff)
	}
	var latgale []string
	for _, m := range data.Regions[1].Municipalities {
		latgale = append(latgale, m.Name)
	}
	wantLatgale := []string{"Augšdaugavas novads", "Balvu novads", "Daugavpils", "Krāslavas novads", "Līvānu novads",
		"Ludzas novads", "Preiļu novads", "Rēzekne", "Rēzeknes novads"}
	if diff := cmp.Diff(wantLatgale, latgale); diff != "" {
		t.Errorf("Latgale in Latvian order (-want +got):\n%s", diff)
	}

	c.query(`query($on: Date) { regions { code municipalities(activeOn: $on) { id } } }`, map[string]any{"on": "2024-01-01"}, &data)
	if n := len(data.Regions[3].Municipalities); n != 11 {
		t.Errorf("Vidzeme on 2024-01-01: %d municipalities, want 11", n)
	}
}

// TestMunicipalities_Pages walks every page and checks the Latvian alphabetical order,
// totalCount and the page info.
func TestMunicipalities_Pages(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	type page struct {
		Municipalities struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage     bool
				HasPreviousPage bool
				EndCursor       *string
			}
			Edges []struct {
				Cursor string
				Node   municipality
			}
		}
	}
	var names []string
	var after *string
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
		var p page
		c.query(`query($after: String) { municipalities(first: 10, after: $after) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name region { code } } } } }`,
			map[string]any{"after": after}, &p)
		m := p.Municipalities
		if m.TotalCount != 43 {
			t.Errorf("totalCount = %d, want 43", m.TotalCount)
		}
		if m.PageInfo.HasPreviousPage != (after != nil) {
			t.Errorf("page %d: hasPreviousPage = %v", pages, m.PageInfo.HasPreviousPage)
		}
		for _, e := range m.Edges {
			names = append(names, e.Node.Name)
		}
		if !m.PageInfo.HasNextPage {
			break
		}
		after = m.PageInfo.EndCursor
	}
	if len(names) != 43 {
		t.Fatalf("walked %d municipalities, want 43", len(names))
	}
	// Latvian order (CLDR): Č, Ģ, Ķ, Ļ, Ņ, Š, Ž are letters of their own after C, G, K, L,
	// N, S, Z; long vowels differ from short ones only where the words are otherwise equal.
	pos := map[string]int{}
	for i, n := range names {
		pos[n] = i
	}
	for _, pair := range [][2]string{
		{"Ādažu novads", "Aizkraukles novads"}, {"Jēkabpils novads", "Jelgava"},
		{"Kuldīgas novads", "Ķekavas novads"}, {"Ķekavas novads", "Liepāja"},
		{"Rēzeknes novads", "Rīga"}, {"Rīga", "Ropažu novads"},
	} {
		if pos[pair[0]] >= pos[pair[1]] {
			t.Errorf("%s should come before %s: %v", pair[0], pair[1], names)
		}
	}
}

func TestMunicipalities_Filter(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var regions struct{ Regions []struct{ ID, Code string } }
	c.query(`{ regions { id code } }`, nil, &regions)
	latgale := regions.Regions[1].ID

	for _, tc := range []struct {
		name   string
		filter map[string]any
		want   int
	}{
		{"Region", map[string]any{"regionId": latgale}, 9},
		{"NameIgnoringCase", map[string]any{"nameContains": "RĒZEKN"}, 2},
		{"NameLiteralPercent", map[string]any{"nameContains": "%"}, 0},
		{"ActiveOn", map[string]any{"activeOn": "2025-07-01"}, 42},
		{"All", map[string]any{"regionId": latgale, "nameContains": "novads", "activeOn": "2026-01-01"}, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data struct{ Municipalities struct{ TotalCount int } }
			c.query(`query($f: MunicipalityFilter) { municipalities(filter: $f) { totalCount } }`, map[string]any{"f": tc.filter}, &data)
			if data.Municipalities.TotalCount != tc.want {
				t.Errorf("totalCount = %d, want %d", data.Municipalities.TotalCount, tc.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var m struct {
		Municipalities struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	c.query(`{ municipalities(first: 1) { edges { node { id } } } }`, nil, &m)
	municipalityID := m.Municipalities.Edges[0].Node.ID

	for _, tc := range []struct {
		name, query string
		want        string
	}{
		{"FirstTooLarge", `{ municipalities(first: 101) { totalCount } }`, "BAD_USER_INPUT"},
		{"FirstNegative", `{ municipalities(first: -1) { totalCount } }`, "BAD_USER_INPUT"},
		{"BadCursor", `{ municipalities(after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT"},
		{"RegionIdOfAnotherType", `{ municipalities(filter: {regionId: "` + municipalityID + `"}) { totalCount } }`, "BAD_USER_INPUT"},
		{"BadDate", `{ municipalities(filter: {activeOn: "2025-02-30"}) { totalCount } }`, "BAD_USER_INPUT"},
		{"BadNodeID", `{ node(id: "%%%") { id } }`, "BAD_USER_INPUT"},
		{"UnknownField", `{ regions { population } }`, "GRAPHQL_VALIDATION_FAILED"},
		{"Syntax", `{ regions { `, "GRAPHQL_PARSE_FAILED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.post(map[string]any{"query": tc.query})
			if diff := cmp.Diff([]string{tc.want}, r.codes()); diff != "" {
				t.Errorf("codes (-want +got):\n%s\nerrors: %+v", diff, r.Errors)
			}
		})
	}
}

func TestNode(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var list struct {
		Regions      []struct{ ID, Name string }
		ServiceTypes []struct{ ID, Code string }
	}
	c.query(`{ regions { id name } serviceTypes { id code } }`, nil, &list)
	var one struct {
		Region  struct{ Name string }
		Service struct{ Code, Unit string }
	}
	c.query(`query($r: ID!, $s: ID!) {
		region: node(id: $r) { ... on PlanningRegion { name } }
		service: node(id: $s) { ... on ServiceType { code unit } } }`,
		map[string]any{"r": list.Regions[2].ID, "s": list.ServiceTypes[0].ID}, &one)
	if one.Region.Name != list.Regions[2].Name || one.Service.Code != list.ServiceTypes[0].Code {
		t.Errorf("node round trip: got %+v", one)
	}
	// A well-formed id of nothing is null, not an error (Relay).
	var missing struct{ Node *struct{ ID string } }
	c.query(`{ node(id: "TXVuaWNpcGFsaXR5Ojk5OTk5") { id } }`, nil, &missing)
	if missing.Node != nil {
		t.Errorf("node of a missing id = %+v, want null", missing.Node)
	}
}

func TestServiceTypes(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var data struct {
		ServiceTypes []struct {
			Code                    string
			Unit                    string
			DefaultUnitPrice        string
			CountsTowardsSessionCap bool
			Recipients              []string
		}
	}
	c.query(`{ serviceTypes { code unit defaultUnitPrice countsTowardsSessionCap recipients } }`, nil, &data)
	byCode := map[string]int{}
	for i, s := range data.ServiceTypes {
		byCode[s.Code] = i
	}
	home := data.ServiceTypes[byCode["HOME_CARE"]]
	if home.Unit != "HOUR" || home.CountsTowardsSessionCap || home.DefaultUnitPrice != "3.79" {
		t.Errorf("HOME_CARE = %+v", home)
	}
	physio := data.ServiceTypes[byCode["PHYSIOTHERAPY"]]
	if diff := cmp.Diff([]string{"CHILD", "PARENTS"}, physio.Recipients); diff != "" || !physio.CountsTowardsSessionCap {
		t.Errorf("PHYSIOTHERAPY = %+v", physio)
	}
	if len(data.ServiceTypes) != 21 {
		t.Errorf("%d service types, want 21", len(data.ServiceTypes))
	}
}

func TestTransports(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	t.Run("GET", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(`{ regions { code } }`), nil)
		r := c.do(req)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "LATGALE") {
			t.Errorf("GET: %s %+v", r.Data, r.Errors)
		}
	})
	t.Run("PersistedQuery", func(t *testing.T) {
		q := `{ serviceTypes { code } }`
		sum := sha256.Sum256([]byte(q))
		ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
		if r := c.post(map[string]any{"extensions": ext}); len(r.Errors) != 1 || r.Errors[0].Message != "PersistedQueryNotFound" {
			t.Fatalf("unknown hash: %+v", r.Errors)
		}
		if r := c.post(map[string]any{"query": q, "extensions": ext}); len(r.Errors) > 0 {
			t.Fatalf("register: %+v", r.Errors)
		}
		r := c.post(map[string]any{"extensions": ext})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "PHYSIOTHERAPY") {
			t.Errorf("by hash: %s %+v", r.Data, r.Errors)
		}
	})
	t.Run("ComplexityLimit", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{")
		// Each alias may return 100 municipalities: 100 of them cost about 30,000.
		for i := 0; i < 100; i++ {
			fmt.Fprintf(&b, " a%d: municipalities(first: 100) { edges { node { name } } }", i)
		}
		b.WriteString(" }")
		r := c.post(map[string]any{"query": b.String()})
		if diff := cmp.Diff([]string{"COMPLEXITY_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("codes (-want +got):\n%s", diff)
		}
		// The page size from a variable counts as a literal does: 90 pages of 100 are refused
		// (about 27,000), 90 pages of 50 are not (about 13,600).
		b.Reset()
		b.WriteString("query($n: Int) {")
		for i := 0; i < 90; i++ {
			fmt.Fprintf(&b, " a%d: municipalities(first: $n) { edges { node { name } } }", i)
		}
		b.WriteString(" }")
		for n, want := range map[int][]string{100: {"COMPLEXITY_LIMIT_EXCEEDED"}, 50: nil} {
			r := c.post(map[string]any{"query": b.String(), "variables": map[string]any{"n": n}})
			if diff := cmp.Diff(want, r.codes()); diff != "" {
				t.Errorf("first: $n = %d: codes (-want +got):\n%s", n, diff)
			}
		}
	})
	t.Run("DepthLimit", func(t *testing.T) {
		// The chain that ran 201 s before limits existed: deliveries -> child -> supportPlans
		// -> deliveries -> plan -> ..., thirty levels deep. Refused before it runs.
		q := "id"
		for i := 0; i < 6; i++ {
			q = "child { supportPlans { deliveries(first: 100) { edges { node { plan { " + q + " } } } } } }"
		}
		q = "{ deliveries(first: 100) { edges { node { " + q + " } } } }"
		r := c.post(map[string]any{"query": q})
		if diff := cmp.Diff([]string{"DEPTH_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("codes (-want +got):\n%s", diff)
		}
		// Fifty of them at once do not keep a small query from its answer.
		var wg sync.WaitGroup
		codes := make([][]string, 50)
		for i := range codes {
			wg.Add(1)
			go func() { defer wg.Done(); codes[i] = c.post(map[string]any{"query": q}).codes() }()
		}
		small := c.post(map[string]any{"query": `{ regions { code } }`})
		wg.Wait()
		if len(small.Errors) > 0 || !strings.Contains(string(small.Data), "KURZEME") {
			t.Errorf("a small query among hostile ones: %s %+v", small.Data, small.Errors)
		}
		for _, got := range codes {
			if !slices.Equal(got, []string{"DEPTH_LIMIT_EXCEEDED"}) {
				t.Errorf("a concurrent hostile query: %v", got)
			}
		}
		// Within the depth, nested full pages are refused by their cost.
		r = c.post(map[string]any{"query": `{ deliveries(first: 100) { edges { node { plan { deliveries(first: 100) {
			edges { node { plan { deliveries(first: 100) { edges { node { id } } } } } } } } } } } }`})
		if diff := cmp.Diff([]string{"COMPLEXITY_LIMIT_EXCEEDED"}, r.codes()); diff != "" {
			t.Errorf("codes (-want +got):\n%s", diff)
		}
	})
	t.Run("TokenLimit", func(t *testing.T) {
		q := "{" + strings.Repeat(" __typename", 20000) + " }"
		r := c.post(map[string]any{"query": q})
		if len(r.Errors) == 0 || r.Data != nil && string(r.Data) != "null" {
			t.Errorf("a 20000-token query was accepted: %+v", r.Errors)
		}
		if len(r.Errors) > 0 && !strings.Contains(r.Errors[0].Message, "token limit") {
			t.Errorf("error %q does not name the token limit", r.Errors[0].Message)
		}
	})
}

// TestDataloaders_StatementCount: regions with their municipalities and each municipality's
// region costs the same number of statements however many rows there are: one per level.
// Not parallel, as TestCases_StatementCount: loader batching depends on timing.
func TestDataloaders_StatementCount(t *testing.T) {
	db, counter := dbtest.OpenCounting(t)
	c := &client{t, graph.NewHandler(service.New(store.New(db), nil), nil)}
	q := `{ regions { name municipalities { name region { code } } } }`
	var data json.RawMessage
	// The fewest statements of three runs: on a loaded machine a resolver can miss a loader's
	// wait and split a batch, which is timing, not the structure under test.
	fewest := func() int64 {
		c.query(q, nil, &data) // warm the connections
		best := int64(-1)
		for range 3 {
			counter.Reset()
			c.query(q, nil, &data)
			if n := counter.Count(); best < 0 || n < best {
				best = n
			}
		}
		return best
	}
	before := fewest()

	// Ten times the municipalities.
	if _, err := db.Exec(`INSERT INTO municipality (region_id, name, kind, atvk_code, iso_code, atvk_confidence, valid_from)
		SELECT (i % 5) + 1, 'Test ' || i, 'COUNTY', lpad((9000000 + i)::text, 7, '0'), 'LV-' || chr(65 + i / 100) || lpad((i % 100)::text, 2, '0'), 'guess', '2021-07-01'
		FROM generate_series(1, 390) i`); err != nil {
		t.Fatal(err)
	}
	if after := fewest(); after != before || before != 2 {
		t.Errorf("statements: %d with 43 municipalities, %d with 433; want 2 both times", before, after)
	}
}
