package server

import (
	"fmt"
	"testing"

	"atbalsts/domain"
)

// One IPv6 machine has a whole /64 of addresses (privacy extensions pick a new one at will): a
// guesser that takes a new address for every guess must still be throttled as one address.
func TestSignInThrottleIPv6Block(t *testing.T) {
	t.Parallel()
	a, _ := newClockedAPI(t) // the clock stands still: no wait passes
	a.createUser("anna@throttle.example", domain.UserScope{Role: domain.RoleAdmin})
	refused := 0
	for i := range 15 {
		if _, r := a.signIn("anna@throttle.example", "guess", fmt.Sprintf("[2001:db8:1:2::%x]:1", i+1)); r.code() == "RATE_LIMITED" {
			refused++
		}
	}
	if refused != 15-domain.FreeFailuresPerAccount {
		t.Errorf("%d of 15 guesses from one /64 refused, want all after the first %d", refused, domain.FreeFailuresPerAccount)
	}
	// Another /64 is another address: it does not wait for the first one's failures.
	if _, r := a.signIn("anna@throttle.example", testPassword, "[2001:db8:1:3::1]:1"); r.code() != "" {
		t.Errorf("the user from another network: %+v", r.Errors)
	}
}
