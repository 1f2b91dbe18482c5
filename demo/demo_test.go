package demo

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/store"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestLoad(t *testing.T) {
	s := store.New(dbtest.Open(t))
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := Load(ctx, s, log); err != nil {
		t.Fatal(err)
	}

	// One user per role, each signing in with the password README.md lists.
	roles := map[domain.Role]bool{}
	for _, u := range Users {
		user, err := s.SignIn(ctx, u.Email, "", func(hash *string) bool { return domain.CheckPassword(u.Password, hash) })
		if err != nil {
			t.Errorf("%s does not sign in with its demo password: %v", u.Email, err)
			continue
		}
		roles[user.Role] = true
	}
	for _, r := range domain.Roles {
		if !roles[r] {
			t.Errorf("no demo user has the role %s", r)
		}
	}

	// A second load (the next `make run`) adds nothing.
	before, _ := s.CountUsers(ctx, domain.UserFilter{})
	if err := Load(ctx, s, log); err != nil {
		t.Fatal(err)
	}
	after, _ := s.CountUsers(ctx, domain.UserFilter{})
	if before != len(Users) || after != before {
		t.Errorf("users: %d after the first load, %d after the second; want %d both times", before, after, len(Users))
	}
}

// TestLoad_Cases: the demo case registry has both source projects with the figures of the
// sources, and plans in every status, and a second load adds none.
func TestLoad_Cases(t *testing.T) {
	db := dbtest.Open(t)
	s := store.New(db)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := Load(ctx, s, log); err != nil {
		t.Fatal(err)
	}
	projects, _, err := s.Projects(ctx, domain.ProjectFilter{}, nil, 10)
	if err != nil || len(projects) != 2 {
		t.Fatalf("projects: %d, %v; want 2", len(projects), err)
	}
	kurzeme := projects[0]
	if kurzeme.Name != "Kurzeme visiem" {
		t.Fatalf("first project %q, want Kurzeme visiem", kurzeme.Name)
	}
	split := domain.SplitBy(kurzeme.TotalBudget, kurzeme.FundingSources)
	if kurzeme.TotalBudget.String() != "7700000.00" || split[0].String() != "6545000.00" || split[1].String() != "1155000.00" {
		t.Errorf("Kurzeme visiem: %s split %v, want 7700000.00 = 6545000.00 ESF + 1155000.00 state", kurzeme.TotalBudget, split)
	}
	for _, c := range []struct {
		day   string
		limit *int
	}{{"2020-08-31", ptr(40)}, {"2020-09-01", ptr(100)}, {"2022-04-22", nil}} {
		day, _ := domain.ParseDate(c.day)
		rule, ok := domain.CapInForce(kurzeme.CapRules, domain.CapChildSessions, day, 8)
		if !ok || (rule.Limit == nil) != (c.limit == nil) || (c.limit != nil && *rule.Limit != *c.limit) {
			t.Errorf("child session cap on %s: %v, want %v", c.day, rule.Limit, c.limit)
		}
	}

	var statuses []string
	if err := db.Select(&statuses, `SELECT DISTINCT status FROM plan_revision ORDER BY status`); err != nil {
		t.Fatal(err)
	}
	want := []string{"ACTIVE", "APPROVED", "CLOSED", "DRAFT", "SUBMITTED", "SUPERSEDED"}
	if strings.Join(statuses, " ") != strings.Join(want, " ") {
		t.Errorf("plan revision statuses %v, want every one of %v", statuses, want)
	}
	var returned int
	db.Get(&returned, `SELECT count(*) FROM plan_revision WHERE status = 'DRAFT' AND return_comment IS NOT NULL`)
	if returned != 1 {
		t.Errorf("%d returned drafts, want 1", returned)
	}

	count := func() (n int) {
		db.Get(&n, `SELECT count(*) FROM child`)
		return n
	}
	before := count()
	if err := Load(ctx, s, log); err != nil {
		t.Fatal(err)
	}
	if after := count(); before != len(demoChildren) || after != before {
		t.Errorf("children: %d after the first load, %d after the second; want %d both times", before, after, len(demoChildren))
	}
}

func ptr(i int) *int { return &i }
