package server

import (
	"fmt"
	"sync"
	"testing"

	"atbalsts/domain"
)

// A sign-in with the old password that is in flight while the password changes: its password
// was checked before the change, its session row is written when its response goes, after the
// change ended the user's sessions. No session signed in with the old password may outlive
// the change.
func TestSignInRacingPasswordChange(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("race@password.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	victim, _ := a.signIn(u.Email, testPassword, "")
	old := testPassword
	survived := 0
	for round := range 15 {
		next := fmt.Sprintf("the password of round %d", round)
		stop := make(chan struct{})
		var mu sync.Mutex
		var got []caller
		var wg sync.WaitGroup
		for g := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					c, r := a.signIn(u.Email, old, fmt.Sprintf("10.9.%d.%d:1234", round, g))
					if r.code() == "" {
						mu.Lock()
						got = append(got, c)
						mu.Unlock()
					}
				}
			}()
		}
		r := a.do(victim, changePasswordMutation, map[string]any{"c": old, "n": next})
		close(stop)
		wg.Wait()
		if r.code() != "" {
			t.Fatalf("round %d: %+v", round, r.Errors)
		}
		victim, old = renewed(victim, r), next
		for _, c := range got {
			if meID(t, a.do(caller{cookies: c.cookies}, meQuery, nil)) != "" {
				survived++
			}
		}
	}
	if survived > 0 {
		t.Errorf("%d sessions signed in with an old password are still signed in after the change", survived)
	}
}
