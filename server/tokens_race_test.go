package server

import (
	"fmt"
	"sync"
	"testing"

	"atbalsts/domain"
)

// A token created by a session in flight while the password changes with revokeTokens: the
// change revokes the tokens there are, and one committed just after it must not outlive it
// either (a stolen session's way to keep access).
func TestTokenRacingPasswordChange(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("tokenrace@password.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	victim, _ := a.signIn(u.Email, testPassword, "")
	old := testPassword
	for round := range 10 {
		attacker, _ := a.signIn(u.Email, old, fmt.Sprintf("10.8.%d.1:1", round))
		next := fmt.Sprintf("the password of round %d", round)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					a.do(attacker, `mutation { createApiToken(input: {name: "mine", expiresInDays: 30}) { secret } }`, nil)
				}
			}()
		}
		r := a.do(victim, changePasswordMutation, map[string]any{"c": old, "n": next, "r": true})
		close(stop)
		wg.Wait()
		if r.code() != "" {
			t.Fatalf("round %d: %+v", round, r.Errors)
		}
		victim, old = renewed(victim, r), next
		var open int
		if err := a.s.DB().Get(&open, `SELECT count(*) FROM api_token WHERE user_id = $1 AND revoked_at IS NULL`, u.ID); err != nil {
			t.Fatal(err)
		}
		if open > 0 {
			t.Fatalf("round %d: %d tokens work after the change that revoked them", round, open)
		}
	}
}
