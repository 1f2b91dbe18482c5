package store_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
	"atbalsts/store"
)

// pageSizes cut the lists of these tests at every kind of boundary: one row a page, a run of
// equal sort keys split across pages, a last page that is full, one page for everything.
var pageSizes = []int{1, 2, 3, 4, 5, 7, 100}

// walk reads a whole list page by page from the start and returns the ids in the order read.
// read returns a page after the cursor (nil: from the start), whether more follow, and the
// cursor of its last row. It fails the test if a page is longer than asked or if the list
// says more follow after an empty page.
func walk[K any](t *testing.T, size int, read func(after *K, limit int) (ids []int, more bool, last *K)) []int {
	t.Helper()
	var all []int
	var after *K
	for range 1000 {
		ids, more, last := read(after, size)
		if len(ids) > size {
			t.Fatalf("page of %d rows, asked for %d", len(ids), size)
		}
		all = append(all, ids...)
		if !more {
			return all
		}
		if len(ids) == 0 {
			t.Fatalf("an empty page says more rows follow")
		}
		after = last
	}
	t.Fatalf("no end after 1000 pages")
	return nil
}

// TestChildren_Paging: walking store.Children page by page gives every child exactly once,
// in the documented order (last name, first name, id; the id alone for a pseudonymous
// scope), however the pages cut runs of equal names; a child added before the cursor during
// the walk does not shift the later pages.
func TestChildren_Paging(t *testing.T) {
	t.Parallel()
	f := fixture.New(t, dbtest.Open(t))
	ctx := context.Background()
	m := f.Municipality("Liepāja").ID
	// Plain ASCII names in one case sort the same in Go and in the lv collation; three of
	// each (last, first) pair make runs of equal keys that only the id orders.
	var children []*domain.Child
	for _, last := range []string{"Ozols", "Berzs", "Kalns"} {
		for _, first := range []string{"Marta", "Anna"} {
			for range 3 {
				children = append(children, f.Child(m, func(d *domain.ChildData) { d.LastName, d.FirstName = last, first }))
			}
		}
	}
	byName := slices.Clone(children)
	slices.SortFunc(byName, func(a, b *domain.Child) int {
		return cmp.Or(cmp.Compare(a.LastName, b.LastName), cmp.Compare(a.FirstName, b.FirstName), cmp.Compare(a.ID, b.ID))
	})
	byID := slices.Clone(children)
	slices.SortFunc(byID, func(a, b *domain.Child) int { return cmp.Compare(a.ID, b.ID) })

	reader := func(scope domain.CaseScope) func(after *store.ChildKey, limit int) ([]int, bool, *store.ChildKey) {
		return func(after *store.ChildKey, limit int) ([]int, bool, *store.ChildKey) {
			t.Helper()
			page, more, err := f.Store.Children(ctx, domain.ChildFilter{Scope: scope, MunicipalityID: &m}, after, limit)
			if err != nil {
				t.Fatal(err)
			}
			var last *store.ChildKey
			if len(page) > 0 {
				last = fixture.Ptr(store.ChildKeyOf(scope, &page[len(page)-1]))
			}
			return idsOf(page, func(c domain.Child) int { return c.ID }), more, last
		}
	}

	for _, tc := range []struct {
		name  string
		scope domain.CaseScope
		want  []*domain.Child
	}{
		{"ByName", f.All, byName},
		{"PseudonymousByID", domain.CaseScope{All: true, WithoutPersonalDetails: true}, byID},
	} {
		want := idsOf(tc.want, func(c *domain.Child) int { return c.ID })
		for _, size := range pageSizes {
			t.Run(fmt.Sprintf("%s/%d", tc.name, size), func(t *testing.T) {
				if got := walk(t, size, reader(tc.scope)); !slices.Equal(got, want) {
					t.Errorf("walked %v\nwant    %v", got, want)
				}
			})
		}
	}

	t.Run("InsertBeforeCursor", func(t *testing.T) {
		const size = 4
		read := reader(f.All)
		first, more, cursor := read(nil, size)
		if !more || !slices.Equal(first, idsOf(byName[:size], func(c *domain.Child) int { return c.ID })) {
			t.Fatalf("first page %v, more %v", first, more)
		}
		// Sorts before every child of the walk, so before the cursor: it belongs to a page
		// already read, and must neither appear later nor push a row of the walk to the next page.
		early := f.Child(m, func(d *domain.ChildData) { d.LastName, d.FirstName = "Abols", "Anna" })
		rest := walk(t, size, func(after *store.ChildKey, limit int) ([]int, bool, *store.ChildKey) {
			if after == nil {
				after = cursor
			}
			return read(after, limit)
		})
		want := idsOf(byName[size:], func(c *domain.Child) int { return c.ID })
		if !slices.Equal(rest, want) {
			t.Errorf("after inserting child %d before the cursor, the rest is %v\nwant %v", early.ID, rest, want)
		}
	})
}

// TestPlans_Paging: walking store.Plans gives every plan exactly once, newest first (by id,
// descending); a plan created during the walk (newer, so before the cursor) does not shift the
// later pages.
func TestPlans_Paging(t *testing.T) {
	t.Parallel()
	f := fixture.New(t, dbtest.Open(t))
	ctx := context.Background()
	m := f.Municipality("Liepāja").ID
	project := f.Project(domain.RegionKurzeme, m)
	provider := f.Provider()
	// Two plans per child: plans of one child must not be folded into one row.
	var want []int
	for i := range 4 {
		c := f.Case(project.ID, m, provider.ID, provider.ID, []domain.PlanStatus{domain.PlanDraft, domain.PlanActive}[i%2])
		second := f.Plan(c.Assessment.ID, project.ID, provider.ID, domain.PlanSubmitted)
		want = append(want, c.Plan.PlanID, second.PlanID)
	}
	slices.SortFunc(want, func(a, b int) int { return cmp.Compare(b, a) })

	read := func(after *int, limit int) ([]int, bool, *int) {
		t.Helper()
		page, more, err := f.Store.Plans(ctx, domain.SupportPlanFilter{Scope: f.All}, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		ids := idsOf(page, func(p domain.SupportPlan) int { return p.ID })
		var last *int
		if len(ids) > 0 {
			last = &ids[len(ids)-1]
		}
		return ids, more, last
	}
	for _, size := range pageSizes {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			if got := walk(t, size, read); !slices.Equal(got, want) {
				t.Errorf("walked %v\nwant    %v", got, want)
			}
		})
	}

	t.Run("InsertBeforeCursor", func(t *testing.T) {
		const size = 3
		first, more, cursor := read(nil, size)
		if !more || !slices.Equal(first, want[:size]) {
			t.Fatalf("first page %v, more %v", first, more)
		}
		c := f.Case(project.ID, m, provider.ID, provider.ID, domain.PlanDraft)
		rest := walk(t, size, func(after *int, limit int) ([]int, bool, *int) {
			if after == nil {
				after = cursor
			}
			return read(after, limit)
		})
		if !slices.Equal(rest, want[size:]) {
			t.Errorf("after creating plan %d, the rest is %v\nwant %v", c.Plan.PlanID, rest, want[size:])
		}
	})
}

// TestUsers_Paging: walking store.Users gives every user exactly once by name, then id, with
// runs of equal names split across pages; a user added before the cursor does not shift the
// later pages.
func TestUsers_Paging(t *testing.T) {
	t.Parallel()
	f := fixture.New(t, dbtest.Open(t))
	ctx := context.Background()
	// The search keeps the fixture's admin out of the list; the names sort alike in Go and lv.
	var users []*domain.User
	for _, name := range []string{"Ozols Paging", "Berzs Paging", "Kalns Paging"} {
		for range 3 {
			users = append(users, f.UserNamed(name, domain.RoleMinistryAnalyst))
		}
	}
	slices.SortFunc(users, func(a, b *domain.User) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	want := idsOf(users, func(u *domain.User) int { return u.ID })

	read := func(after *store.UserKey, limit int) ([]int, bool, *store.UserKey) {
		t.Helper()
		page, more, err := f.Store.Users(ctx, domain.UserFilter{Search: "Paging"}, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		var last *store.UserKey
		if len(page) > 0 {
			u := page[len(page)-1]
			last = &store.UserKey{Name: u.Name, ID: u.ID}
		}
		return idsOf(page, func(u domain.User) int { return u.ID }), more, last
	}
	for _, size := range pageSizes {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			if got := walk(t, size, read); !slices.Equal(got, want) {
				t.Errorf("walked %v\nwant    %v", got, want)
			}
		})
	}

	t.Run("InsertBeforeCursor", func(t *testing.T) {
		const size = 4
		first, more, cursor := read(nil, size)
		if !more || !slices.Equal(first, want[:size]) {
			t.Fatalf("first page %v, more %v", first, more)
		}
		early := f.UserNamed("Abols Paging", domain.RoleMinistryAnalyst)
		rest := walk(t, size, func(after *store.UserKey, limit int) ([]int, bool, *store.UserKey) {
			if after == nil {
				after = cursor
			}
			return read(after, limit)
		})
		if !slices.Equal(rest, want[size:]) {
			t.Errorf("after adding user %d before the cursor, the rest is %v\nwant %v", early.ID, rest, want[size:])
		}
	})
}

func idsOf[T any](items []T, id func(T) int) []int {
	out := make([]int, len(items))
	for i, x := range items {
		out[i] = id(x)
	}
	return out
}
