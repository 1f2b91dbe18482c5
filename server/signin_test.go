package server

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"atbalsts/domain"
	"atbalsts/service"
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

// testClock is a services' clock that a test sets: throttled sign-ins then wait no real time.
type testClock struct{ at atomic.Pointer[time.Time] }

func (c *testClock) now() time.Time   { return *c.at.Load() }
func (c *testClock) set(at time.Time) { c.at.Store(&at) }

// newClockedAPI is newTestAPI with the services' clock set by the test, at first to now.
func newClockedAPI(t *testing.T) (*testAPI, *testClock) {
	a := newTestAPI(t)
	c := &testClock{}
	c.set(time.Now())
	a.h = Handler(NewLogger(&strings.Builder{}, "json"), a.s, nil, Options{Now: c.now})
	return a, c
}

// lastFailure is when the last counted failure on the email was recorded (the database's time).
func (a *testAPI) lastFailure(email string) time.Time {
	a.t.Helper()
	var at time.Time
	if err := a.s.DB().Get(&at, `SELECT max(at) FROM audit_event WHERE action = 'SIGN_IN_FAILED'
		AND details ->> 'email' = $1 AND details ->> 'reason' IS NULL`, email); err != nil {
		a.t.Fatal(err)
	}
	return at
}

// retryAfter is a RATE_LIMITED answer's extensions.retryAfter, or -1 for another answer.
func retryAfter(r gqlResponse) int {
	if r.code() != "RATE_LIMITED" {
		return -1
	}
	n, _ := r.Errors[0].Extensions["retryAfter"].(float64)
	return int(n)
}

func TestSignInThrottle(t *testing.T) {
	t.Parallel()

	t.Run("AttackerCannotBlockTheUser", func(t *testing.T) {
		a, clock := newClockedAPI(t) // the clock stands still: no wait passes
		a.createUser("ilze@throttle.example", domain.UserScope{Role: domain.RoleAdmin})
		refused := 0
		for range 15 {
			if _, r := a.signIn("ilze@throttle.example", "guess", "203.0.113.1:1"); r.code() == "RATE_LIMITED" {
				refused++
			}
		}
		for i := range 8 { // and from eight more addresses
			a.signIn("ilze@throttle.example", "guess", fmt.Sprintf("203.0.113.%d:1", i+10))
		}
		if refused != 15-domain.FreeFailuresPerAccount {
			t.Errorf("%d of 15 guesses from one address refused, want all after the first %d", refused, domain.FreeFailuresPerAccount)
		}
		if _, r := a.signIn("ilze@throttle.example", testPassword, "198.51.100.7:1"); r.code() != "" {
			t.Fatalf("the user from their own address, during the attack: %+v", r.Errors)
		}
		// The attack goes on; the user mistypes once: they wait for their own failure (1 s),
		// not for the attacker's.
		for i := range 6 {
			a.signIn("ilze@throttle.example", "guess", fmt.Sprintf("203.0.113.%d:1", i+40))
		}
		a.signIn("ilze@throttle.example", "typo", "198.51.100.7:1")
		clock.set(a.lastFailure("ilze@throttle.example"))
		if _, r := a.signIn("ilze@throttle.example", testPassword, "198.51.100.7:1"); retryAfter(r) != 1 {
			t.Errorf("after one typo during the attack: %+v, want RATE_LIMITED with retryAfter 1", r.Errors)
		}
		clock.set(a.lastFailure("ilze@throttle.example").Add(time.Second))
		if _, r := a.signIn("ilze@throttle.example", testPassword, "198.51.100.7:1"); r.code() != "" {
			t.Errorf("a second after the typo: %+v", r.Errors)
		}
	})

	t.Run("GrowingDelays", func(t *testing.T) {
		a, clock := newClockedAPI(t)
		const email, from = "edgars@throttle.example", "192.0.2.44:1"
		a.createUser(email, domain.UserScope{Role: domain.RoleAdmin})
		for i := range domain.FreeFailuresPerAccount {
			if _, r := a.signIn(email, "guess", from); r.code() != "UNAUTHENTICATED" {
				t.Fatalf("free failure %d: %q", i+1, r.code())
			}
		}
		for _, delay := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second} {
			last := a.lastFailure(email)
			clock.set(last)
			if _, r := a.signIn(email, "guess", from); retryAfter(r) != int(delay.Seconds()) {
				t.Fatalf("right after a failure: %+v, want RATE_LIMITED with retryAfter %d", r.Errors, int(delay.Seconds()))
			}
			// Refused attempts just before the wait ends extend nothing.
			clock.set(last.Add(delay - 100*time.Millisecond))
			for range 3 {
				if _, r := a.signIn(email, testPassword, from); retryAfter(r) != 1 {
					t.Fatalf("0.1 s before the end of the wait: %+v, want RATE_LIMITED with retryAfter 1", r.Errors)
				}
			}
			clock.set(last.Add(delay))
			if _, r := a.signIn(email, "guess", from); r.code() != "UNAUTHENTICATED" {
				t.Fatalf("once %v has passed: %+v, want the password checked", delay, r.Errors)
			}
		}
		var counted, refused int
		a.s.DB().Get(&counted, `SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND details ->> 'email' = $1 AND details ->> 'reason' IS NULL`, email)
		a.s.DB().Get(&refused, `SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND details ->> 'email' = $1 AND details ->> 'reason' = 'rate limited'`, email)
		if counted != domain.FreeFailuresPerAccount+4 || refused != 4*4 {
			t.Errorf("audited %d failures and %d refused attempts, want %d and 16", counted, refused, domain.FreeFailuresPerAccount+4)
		}
		// The right password, once the wait has passed, signs in.
		clock.set(a.lastFailure(email).Add(16 * time.Second))
		if _, r := a.signIn(email, testPassword, from); r.code() != "" {
			t.Errorf("the right password after the wait: %+v", r.Errors)
		}
	})

	t.Run("PerAddress", func(t *testing.T) {
		a, _ := newClockedAPI(t)
		a.createUser("peteris@throttle.example", domain.UserScope{Role: domain.RoleAdmin})
		for i := range domain.FreeFailuresPerAddress {
			if _, r := a.signIn(fmt.Sprintf("guess%d@throttle.example", i), "guess", "192.0.2.7:5000"); r.code() != "UNAUTHENTICATED" {
				t.Fatalf("free failure %d: %q", i+1, r.code())
			}
		}
		if _, r := a.signIn("peteris@throttle.example", testPassword, "192.0.2.7:5001"); retryAfter(r) != 1 {
			t.Errorf("from the guessing address: %+v, want RATE_LIMITED with retryAfter 1", r.Errors)
		}
		if _, r := a.signIn("peteris@throttle.example", testPassword, "192.0.2.8:5000"); r.code() != "" {
			t.Errorf("from another address: %+v", r.Errors)
		}
		// An email without an account is throttled alike: the answers do not tell.
		if _, r := a.signIn("nobody@throttle.example", "guess", "192.0.2.7:5000"); retryAfter(r) != 1 {
			t.Errorf("an unknown email from the guessing address: %+v", r.Errors)
		}
	})

	t.Run("WithoutAddress", func(t *testing.T) {
		// Attempts whose address is unknown (not over HTTP: the demo loader's, a test's) are
		// throttled as one address.
		a := newTestAPI(t)
		a.createUser("bezadreses@throttle.example", domain.UserScope{Role: domain.RoleAdmin})
		clock := &testClock{}
		clock.set(time.Now())
		svc := service.New(a.s, clock.now)
		for i := range domain.FreeFailuresPerAccount {
			if _, err := svc.Sessions.SignIn(fixtureCtx(), "bezadreses@throttle.example", "guess"); domain.ErrorCode(err) != domain.EUNAUTHENTICATED {
				t.Fatalf("free failure %d: %v", i+1, err)
			}
		}
		_, err := svc.Sessions.SignIn(fixtureCtx(), "bezadreses@throttle.example", testPassword)
		if domain.ErrorCode(err) != domain.ERATELIMITED {
			t.Errorf("after the free failures: %v, want rate limited", err)
		}
		clock.set(a.lastFailure("bezadreses@throttle.example").Add(time.Second))
		if _, err := svc.Sessions.SignIn(fixtureCtx(), "bezadreses@throttle.example", testPassword); err != nil {
			t.Errorf("after the wait: %v", err)
		}
	})

	t.Run("ParallelGuesses", func(t *testing.T) {
		// Fifty parallel guesses: exactly the free number is checked, because the attempts on
		// one email, and from one address, run one at a time.
		a, _ := newClockedAPI(t)
		a.createUser("paralela@throttle.example", domain.UserScope{Role: domain.RoleAdmin})
		guess := func(email func(i int) string, address string) map[string]int {
			codes := map[string]int{}
			var mu sync.Mutex
			var wg sync.WaitGroup
			for i := range 50 {
				wg.Go(func() {
					_, r := a.signIn(email(i), "guess", address)
					mu.Lock()
					codes[r.code()]++
					mu.Unlock()
				})
			}
			wg.Wait()
			return codes
		}
		oneAccount := guess(func(int) string { return "paralela@throttle.example" }, "198.18.0.1:1")
		if want := (map[string]int{"UNAUTHENTICATED": domain.FreeFailuresPerAccount, "RATE_LIMITED": 50 - domain.FreeFailuresPerAccount}); !maps.Equal(oneAccount, want) {
			t.Errorf("50 parallel guesses at one account: %v, want %v", oneAccount, want)
		}
		manyAccounts := guess(func(i int) string { return fmt.Sprintf("spray%d@throttle.example", i) }, "198.18.0.2:1")
		if want := (map[string]int{"UNAUTHENTICATED": domain.FreeFailuresPerAddress, "RATE_LIMITED": 50 - domain.FreeFailuresPerAddress}); !maps.Equal(manyAccounts, want) {
			t.Errorf("50 parallel guesses at 50 accounts from one address: %v, want %v", manyAccounts, want)
		}
	})
}
