package server

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// Children and parents through the API (see cases_test.go for the case world): duplicates,
// moves, read auditing, the analyst's pseudonymous view, filters, unlinked parents and cursors.

// oldCode makes an old-format personal code with its check digit: ddmmyy, the century digit
// and a three-digit serial.
func oldCode(ddmmyy string, century, serial int) string {
	digits := fmt.Sprintf("%s%d%03d", ddmmyy, century, serial)
	weights := []int{1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += w * int(digits[i]-'0')
	}
	return fmt.Sprintf("%s-%s%d", digits[:6], digits[6:], (1101-sum)%11%10)
}

func TestChildDuplicates(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	code := oldCode("150314", 2, 417)
	create := func(code, first, last string) gqlResponse {
		in := childInput(&domain.Child{PersonalCode: domain.PersonalCode(code), FirstName: first, LastName: last, BirthDate: fixture.Day("2014-03-15"),
			Sex: "MALE", MunicipalityID: w.liepaja, LivingArrangement: domain.LivingFamily, Impairments: []domain.ImpairmentKind{"SPEECH_AND_LANGUAGE"}})
		return w.a.do(w.worker, `mutation($c: ChildInput!) { createChild(input: {child: $c}) { child { id } } }`, map[string]any{"c": in})
	}
	var created struct {
		CreateChild struct{ Child struct{ ID string } }
	}
	create(code, "Jānis", "Bērziņš").decode(t, &created)
	id := created.CreateChild.Child.ID

	t.Run("createChild with a registered personal code", func(t *testing.T) {
		for _, c := range []string{code, strings.ReplaceAll(code, "-", "")} {
			r := create(c, "Pēteris", "Kalniņš")
			wantError(t, r, "BAD_USER_INPUT", "personalCode")
			if reason := r.Errors[0].Extensions["reason"]; reason != "registered" {
				t.Errorf("extensions.reason %v, want registered", reason)
			}
		}
		var n int
		if err := w.a.s.DB().Get(&n, `SELECT count(*) FROM child WHERE personal_code = $1`, code); err != nil || n != 1 {
			t.Errorf("%d children with the code (%v), want 1", n, err)
		}
	})

	t.Run("updateChild to a registered personal code", func(t *testing.T) {
		c := w.fix.ChildNow(w.child.ID)
		in := childInput(c)
		in["personalCode"], in["birthDate"] = code, "2014-03-15"
		r := w.a.do(w.worker, `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`,
			map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": in})
		wantError(t, r, "BAD_USER_INPUT", "personalCode")
	})

	tests := []struct {
		name  string
		input map[string]any
		found bool
	}{
		{"same birth date, name without diacritics", map[string]any{"birthDate": "2014-03-15", "firstName": "Janis", "lastName": "Berzins"}, true},
		{"same birth date, names swapped", map[string]any{"birthDate": "2014-03-15", "firstName": "Bērziņš", "lastName": "Jānis"}, true},
		{"same birth date, a typo", map[string]any{"birthDate": "2014-03-15", "firstName": "Jānis", "lastName": "Bērziņs"}, true},
		{"the personal code", map[string]any{"personalCode": strings.ReplaceAll(code, "-", "")}, true},
		{"same birth date, another child", map[string]any{"birthDate": "2014-03-15", "firstName": "Pēteris", "lastName": "Kalniņš"}, false},
		{"same name, another birth date", map[string]any{"birthDate": "2014-03-16", "firstName": "Jānis", "lastName": "Bērziņš"}, false},
	}
	for _, tc := range tests {
		t.Run("possibleDuplicateChildren: "+tc.name, func(t *testing.T) {
			var data struct{ PossibleDuplicateChildren []struct{ ID string } }
			w.a.do(w.worker, `query($in: DuplicateCheckInput!) { possibleDuplicateChildren(input: $in) { id } }`,
				map[string]any{"in": tc.input}).decode(t, &data)
			found := slices.ContainsFunc(data.PossibleDuplicateChildren, func(c struct{ ID string }) bool { return c.ID == id })
			if found != tc.found || len(data.PossibleDuplicateChildren) > 1 {
				t.Errorf("got %v, want Jānis Bērziņš found: %v", data.PossibleDuplicateChildren, tc.found)
			}
		})
	}

	t.Run("possibleDuplicateChildren without birth date or code", func(t *testing.T) {
		r := w.a.do(w.worker, `{ possibleDuplicateChildren(input: {firstName: "Jānis"}) { id } }`, nil)
		wantError(t, r, "BAD_USER_INPUT", "birthDate")
	})
}

func TestWorkerMovesChild(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	tests := []struct {
		name         string
		municipality int
		code         string
	}{
		{"to a municipality of their own", w.liepaja, ""},
		{"to another municipality", w.rezekne, "BAD_USER_INPUT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := w.fix.ChildNow(w.child.ID)
			in := childInput(c)
			in["municipalityId"] = gid("Municipality", tc.municipality)
			r := w.a.do(w.worker, `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`,
				map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": in})
			if tc.code == "" && r.code() != "" {
				t.Fatalf("update: %+v", r.Errors)
			}
			if tc.code != "" {
				wantError(t, r, tc.code, "municipalityId")
				if now := w.fix.ChildNow(c.ID); now.MunicipalityID != c.MunicipalityID || now.Version != c.Version {
					t.Errorf("the refused move was stored")
				}
			}
		})
	}
}

func TestChildReadAudit(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	w.fix.Parent(w.child.ID)
	w.planIn(t, "ACTIVE")
	id := gid("Child", w.child.ID)
	// The child is reached five ways in one request: node, the list, and through its
	// applications, assessments and plans.
	query := `query($id: ID!, $m: ID!) {
		node(id: $id) { ... on Child { id firstName parents { parent { id } } applications { child { id lastName } }
			assessments { child { id } } supportPlans { child { personalCode } } } }
		children(filter: {municipalityId: $m}) { edges { node { id firstName } } }
		applications(filter: {childId: $id}) { edges { node { child { id } } } }
		supportPlans(filter: {childId: $id}) { edges { node { child { id } } } } }`
	for _, c := range []struct {
		name string
		as   caller
	}{{"worker", w.worker}, {"coordinator", w.coordinator}, {"analyst", w.analyst}, {"worker again", w.worker}} {
		t.Run(c.name, func(t *testing.T) {
			r := w.a.do(c.as, query, map[string]any{"id": id, "m": gid("Municipality", w.liepaja)})
			if r.code() != "" {
				t.Fatalf("query: %+v", r.Errors)
			}
			reads := 0
			for _, row := range w.a.auditRows(r.requestID) {
				sets, err := row.ReadSets()
				if err != nil {
					t.Fatal(err)
				}
				for _, set := range sets {
					for _, id := range set.IDs {
						if set.EntityType == domain.EntityChild && id == int64(w.child.ID) {
							reads++
						}
					}
				}
			}
			if reads != 1 {
				t.Errorf("%d READ rows for the child in the request, want exactly 1", reads)
			}
		})
	}
	// "Who read this child, when" finds the four requests' grouped rows by the child's id.
	r := w.a.do(w.admin, `query($id: ID!) { auditEvents(filter: {entityId: $id, action: READ}) {
		totalCount edges { node { actor { id } reads { entityType ids } } } } }`, map[string]any{"id": id})
	var out struct {
		AuditEvents struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Reads []struct {
						EntityType string
						IDs        []string
					}
				}
			}
		}
	}
	r.decode(t, &out)
	if out.AuditEvents.TotalCount != 4 {
		t.Errorf("auditEvents of the child: %d, want the 4 requests", out.AuditEvents.TotalCount)
	}
	for _, e := range out.AuditEvents.Edges {
		if !slices.ContainsFunc(e.Node.Reads, func(set struct {
			EntityType string
			IDs        []string
		}) bool {
			return set.EntityType == "Child" && slices.Contains(set.IDs, id)
		}) {
			t.Errorf("an event found by the child's id does not list it: %+v", e.Node.Reads)
		}
	}
}

func TestAnalystSeesNoPersonalData(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	w.fix.Parent(w.child.ID)
	w.a.do(w.admin, `mutation($c: ID!, $p: ID!) { submitApplication(input: {childId: $c, projectId: $p, submittedOn: "2021-03-01"}) {
		application { id } } }`, map[string]any{"c": gid("Child", w.child.ID), "p": gid("Project", w.project.ID)})
	const childFields = `id personalCode firstName lastName birthDate birthYear parents { parent { id } }`
	r := w.a.do(w.analyst, `query($id: ID!, $m: ID!) {
		node(id: $id) { ... on Child { `+childFields+` } }
		children(filter: {municipalityId: $m}) { edges { node { `+childFields+` } } }
		applications(filter: {childId: $id}) { edges { node { applicant { id } child { `+childFields+` } } } } }`,
		map[string]any{"id": gid("Child", w.child.ID), "m": gid("Municipality", w.liepaja)})
	var data struct {
		Node     json.RawMessage
		Children struct {
			Edges []struct{ Node json.RawMessage }
		}
		// Applications' applicant must be null for the analyst too.
		Applications struct {
			Edges []struct {
				Node struct {
					Applicant *struct{ ID string }
					Child     json.RawMessage
				}
			}
		}
	}
	r.decode(t, &data)
	seen := []json.RawMessage{data.Node}
	for _, e := range data.Children.Edges {
		seen = append(seen, e.Node)
	}
	for _, e := range data.Applications.Edges {
		seen = append(seen, e.Node.Child)
		if e.Node.Applicant != nil {
			t.Errorf("the analyst sees the applicant %s", e.Node.Applicant.ID)
		}
	}
	if len(seen) < 3 {
		t.Fatalf("the analyst saw %d records of the child, want at least 3", len(seen))
	}
	for _, raw := range seen {
		var c struct {
			ID                                string
			PersonalCode, FirstName, LastName *string
			BirthDate                         *string
			BirthYear                         int
			Parents                           []any
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		if c.PersonalCode != nil || c.FirstName != nil || c.LastName != nil || c.BirthDate != nil || len(c.Parents) > 0 {
			t.Errorf("the analyst sees personal data: %s", raw)
		}
		if c.ID != gid("Child", w.child.ID) || c.BirthYear != 2015 {
			t.Errorf("the analyst's pseudonymous record: %s, want the id and birth year 2015", raw)
		}
	}
	if strings.Contains(string(r.Data), w.child.LastName) || strings.Contains(string(r.Data), string(w.child.PersonalCode)) {
		t.Errorf("the response holds the child's name or code: %s", r.Data)
	}

	// Searching by personal data would re-identify the pseudonyms.
	searches := []struct {
		name, query string
		vars        map[string]any
	}{
		{"children by name", `query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }`, map[string]any{"s": w.child.LastName}},
		{"children by personal code", `query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }`,
			map[string]any{"s": string(w.child.PersonalCode)}},
		{"possible duplicates by code", `query($s: String) { possibleDuplicateChildren(input: {personalCode: $s}) { id } }`,
			map[string]any{"s": string(w.child.PersonalCode)}},
		{"possible duplicates by birth date and name", `query($l: String) { possibleDuplicateChildren(input: {birthDate: "2015-05-05", lastName: $l}) { id } }`,
			map[string]any{"l": w.child.LastName}},
	}
	for _, s := range searches {
		t.Run("search "+s.name, func(t *testing.T) {
			r := w.a.do(w.analyst, s.query, s.vars)
			wantError(t, r, "FORBIDDEN", "")
			if strings.Contains(string(r.Data), gid("Child", w.child.ID)) {
				t.Errorf("the search found the child: %s", r.Data)
			}
		})
	}
}

// TestChildrenPlanStatusFilter: children(filter: {planStatus}) goes by the plan's current
// revision, as supportPlans(filter: {status}) does; superseded and pending revisions do not
// count.
func TestChildrenPlanStatusFilter(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	r1 := w.planIn(t, "ACTIVE")
	r2 := w.stepOK(t, w.worker, "revisePlan", r1, nil)
	r2 = w.stepOK(t, w.worker, "submitPlan", r2, nil)
	r2 = w.stepOK(t, w.coordinator, "approvePlan", r2, nil) // revision 1 SUPERSEDED, 2 ACTIVE
	r3 := w.stepOK(t, w.worker, "revisePlan", r2, nil)
	w.stepOK(t, w.worker, "submitPlan", r3, nil) // revision 3 SUBMITTED, pending
	id := gid("Child", w.child.ID)
	for _, tc := range []struct {
		status string
		found  bool
	}{{"ACTIVE", true}, {"SUPERSEDED", false}, {"SUBMITTED", false}, {"DRAFT", false}, {"APPROVED", false}} {
		t.Run(tc.status, func(t *testing.T) {
			var data struct {
				Children struct {
					Edges []struct{ Node struct{ ID string } }
				}
				SupportPlans struct{ TotalCount int }
			}
			w.a.do(w.worker, `query($s: PlanStatus, $c: ID) { children(filter: {planStatus: $s}) { edges { node { id } } }
				supportPlans(filter: {status: $s, childId: $c}) { totalCount } }`, map[string]any{"s": tc.status, "c": id}).decode(t, &data)
			found := slices.ContainsFunc(data.Children.Edges, func(e struct{ Node struct{ ID string } }) bool { return e.Node.ID == id })
			if found != tc.found || (data.SupportPlans.TotalCount > 0) != tc.found {
				t.Errorf("children found: %v, plans: %d; want found %v", found, data.SupportPlans.TotalCount, tc.found)
			}
		})
	}
}

// TestUnlinkedParent: a parent whose last link is removed stays on record: an ADMIN still
// finds them and can link them again; a worker, whose scope goes through children, does not.
func TestUnlinkedParent(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	p := w.fix.Parent(w.child.ID)
	pid := gid("Parent", p.ID)
	r := w.a.do(w.worker, `mutation($c: ID!, $p: ID!) { unlinkParent(input: {childId: $c, parentId: $p}) { child { parents { parent { id } } } } }`,
		map[string]any{"c": gid("Child", w.child.ID), "p": pid})
	if r.code() != "" || strings.Contains(string(r.Data), pid) {
		t.Fatalf("unlink: %s %s", r.code(), r.Data)
	}
	node := `query($id: ID!) { node(id: $id) { id } }`
	if r := w.a.do(w.admin, node, map[string]any{"id": pid}); !strings.Contains(string(r.Data), pid) {
		t.Errorf("the admin cannot find the unlinked parent: %s %s", r.code(), r.Data)
	}
	if r := w.a.do(w.worker, node, map[string]any{"id": pid}); strings.Contains(string(r.Data), pid) {
		t.Errorf("the worker still sees the parent of no child of theirs: %s", r.Data)
	}
	r = w.a.do(w.admin, `mutation($c: ID!, $p: ID!) { linkParent(input: {childId: $c, parentId: $p, relation: MOTHER, legalRepresentative: true}) { child { id } } }`,
		map[string]any{"c": gid("Child", w.child.ID), "p": pid})
	if r.code() != "" {
		t.Errorf("the admin cannot link the parent again: %s", r.code())
	}
}

// TestChildCursors: an analyst's cursors carry no names and the order is by id, so that
// neither the order nor a hand-made cursor tells a name; every page of a municipality's
// children reports the same total.
func TestChildCursors(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	for range 3 {
		w.fix.Child(w.liepaja, nil)
	}
	var data struct {
		Children struct {
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
		}
	}
	r := w.a.do(w.analyst, `{ children(first: 10) { edges { cursor node { id } } } }`, nil)
	if err := json.Unmarshal(r.Data, &data); err != nil || r.code() != "" {
		t.Fatalf("%s %v", r.code(), err)
	}
	for _, e := range data.Children.Edges {
		raw, _ := base64.RawURLEncoding.DecodeString(e.Cursor)
		if strings.Contains(string(raw), `"l"`) || strings.Contains(string(raw), `"f"`) {
			t.Errorf("the analyst's cursor %s carries a name", raw)
		}
	}
	// A cursor made by hand with a name is read by id alone.
	forged := base64.RawURLEncoding.EncodeToString([]byte(`{"l":"Zzz","f":"Zzz","i":0}`))
	r = w.a.do(w.analyst, `query($a: String) { children(first: 10, after: $a) { edges { node { id } } } }`, map[string]any{"a": forged})
	if err := json.Unmarshal(r.Data, &data); err != nil || len(data.Children.Edges) < 4 {
		t.Errorf("a name in the analyst's cursor changed the page: %d children", len(data.Children.Edges))
	}

	q := `query($m: ID!, $a: String) { node(id: $m) { ... on Municipality { children(first: 2, after: $a) {
		totalCount pageInfo { hasNextPage endCursor } } } } }`
	var after any
	for page := 1; ; page++ {
		var m struct {
			Node struct {
				Children struct {
					TotalCount int
					PageInfo   struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		r := w.a.do(w.worker, q, map[string]any{"m": gid("Municipality", w.liepaja), "a": after})
		if err := json.Unmarshal(r.Data, &m); err != nil || r.code() != "" {
			t.Fatalf("page %d: %s %v", page, r.code(), err)
		}
		if m.Node.Children.TotalCount != 4 {
			t.Errorf("page %d: totalCount %d, want 4", page, m.Node.Children.TotalCount)
		}
		if !m.Node.Children.PageInfo.HasNextPage || page > 3 {
			break
		}
		after = m.Node.Children.PageInfo.EndCursor
	}
}
