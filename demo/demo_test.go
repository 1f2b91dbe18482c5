package demo

import (
	"context"
	"io"
	"log/slog"
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
