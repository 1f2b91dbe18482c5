package server

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"atbalsts/domain"
)

// Tests of password sign-in's defences: equal timing for known and unknown emails, and the
// throttling of guesses (domain.SignInWait).

// TestSignInTiming compares the answer times of wrong passwords for existing accounts with
// those for unknown emails: the distributions must overlap, or the time tells which emails
// have accounts. The two kinds alternate, so that a load on the machine slows both alike; every
// attempt has its own account (or unknown email) and address, so that no throttle answers.
func TestSignInTiming(t *testing.T) {
	a := newTestAPI(t)
	const n = 30
	users := make([]string, n)
	for i := range n {
		users[i] = fmt.Sprintf("timing%d@timing.example", i)
		a.createUser(users[i], domain.UserScope{Role: domain.RoleMinistryAnalyst})
	}
	a.signIn("warm-up@timing.example", "not the password", "198.51.100.250:1") // the dummy hash is made once
	timed := func(email string, i int) time.Duration {
		start := time.Now()
		_, r := a.signIn(email, "not the password", fmt.Sprintf("198.51.%d.%d:1", 100+i/100, i%100+1))
		d := time.Since(start)
		if r.code() != "UNAUTHENTICATED" {
			t.Fatalf("%s: code %q, want UNAUTHENTICATED", email, r.code())
		}
		return d
	}
	known, unknown := make([]time.Duration, n), make([]time.Duration, n)
	for i := range n {
		if i%2 == 0 { // alternate which kind goes first, so that neither always follows the other
			known[i], unknown[i] = timed(users[i], 2*i), timed(fmt.Sprintf("nobody%d@timing.example", i), 2*i+1)
		} else {
			unknown[i], known[i] = timed(fmt.Sprintf("nobody%d@timing.example", i), 2*i+1), timed(users[i], 2*i)
		}
	}
	// The rank statistic: how often a known email's answer took longer than an unknown one's
	// (Mann-Whitney U / n²). Equal distributions give about 0.5 (standard deviation 0.075 at
	// n = 30); a constant difference, however small, gives 0 or 1.
	greater := 0.0
	for _, k := range known {
		for _, u := range unknown {
			switch {
			case k > u:
				greater++
			case k == u:
				greater += 0.5
			}
		}
	}
	p := greater / float64(n*n)
	mk, mu := median(known), median(unknown)
	t.Logf("median known %v, unknown %v; P(known slower) %.2f", mk, mu, p)
	if p < 0.2 || p > 0.8 {
		t.Errorf("known emails answer %s than unknown ones in %.0f%% of pairs (medians %v and %v)",
			map[bool]string{true: "slower", false: "faster"}[p > 0.5], 100*max(p, 1-p), mk, mu)
	}
	if ratio := float64(max(mk, mu)) / float64(min(mk, mu)); ratio > 1.5 {
		t.Errorf("medians %v (known) and %v (unknown) differ by a factor of %.1f", mk, mu, ratio)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return (s[len(s)/2] + s[(len(s)-1)/2]) / 2
}
