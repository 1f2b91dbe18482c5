package domain

import (
	"fmt"
	"math"
	"time"
)

// Sign-in throttling: the one rule for how long a password sign-in must wait after failures.
//
// Guessing is slowed per address and per account, with growing delays rather than a lockout,
// and so that nobody can keep the real user out:
//
//   - An address (every email tried from it): after its FreeFailuresPerAddress-th failure its
//     next attempt waits 1 s, after the next one 2 s, then 4 s ... up to MaxSignInDelay, from
//     its last failure. This slows one machine's guessing and spraying across accounts.
//   - An account (the email tried, whether or not it exists, so that the answers do not tell):
//     once it has had FreeFailuresPerAccount failures from anywhere, an address that has
//     failed on it waits 1 s, 2 s, 4 s ... after its own 1st, 2nd, 3rd ... failure on it (of
//     those from the FreeFailuresPerAccount-th on, so that a lone guesser's first ones are
//     free), from its own last failure on the account. An address that has not failed
//     on the account does not wait for it: that is the real user at their desk while someone
//     elsewhere guesses, and a lockout of the account by others' failures is exactly what an
//     attacker would want. The price: a guesser with many addresses gets one unthrottled
//     guess per address, then that address is slowed too (and every guess is audited).
//     Counting each address's wait from its own failures means that others' failures never
//     lengthen it: the real user who mistypes once while the account is under attack waits 1 s.
//   - Only attempts whose password was checked count as failures, within SignInWindow (for an
//     account, since its last successful sign-in). An attempt refused because it came too
//     early is not checked and not counted, so hammering the door extends nothing.
//
// The attempts of one email and of one address run one at a time (store.LockSignIn), so that
// parallel guesses cannot all pass the count before any failure is written.
const (
	SignInWindow           = 15 * time.Minute // failures older than this are forgotten
	FreeFailuresPerAccount = 5                // failures on an email after which its guessers wait
	FreeFailuresPerAddress = 10               // failures from an address after which it waits
	FirstSignInDelay       = time.Second      // the first wait; each further failure doubles it
	MaxSignInDelay         = 5 * time.Minute  // the longest wait
)

// SignInFailures are the failed sign-ins within the window that decide an attempt's wait.
type SignInFailures struct {
	Account            int        // on the email, from any address, since its last sign-in
	AccountFromAddress int        // on the email from the attempt's address
	AccountLast        *time.Time // the last of AccountFromAddress; nil when there is none
	Address            int        // from the address, on any email
	AddressLast        *time.Time // the last of Address; nil when there is none
}

// SignInWait is how long from now an attempt must wait before its password is checked; 0 when
// it may be checked now.
func SignInWait(f SignInFailures, now time.Time) time.Duration {
	var wait time.Duration
	if f.AddressLast != nil {
		wait = max(wait, remaining(*f.AddressLast, signInDelay(f.Address-FreeFailuresPerAddress+1), now))
	}
	if f.AccountLast != nil {
		// The address's own failures on the account, of those from the free limit on.
		beyond := min(f.AccountFromAddress, f.Account-FreeFailuresPerAccount+1)
		wait = max(wait, remaining(*f.AccountLast, signInDelay(beyond), now))
	}
	return wait
}

// remaining is what is left at now of a delay from last: never more than the delay, should
// now lag behind the database's clock that recorded last.
func remaining(last time.Time, delay time.Duration, now time.Time) time.Duration {
	return max(0, min(delay, last.Add(delay).Sub(now)))
}

// signInDelay is the wait after the n-th failure counted: none for n < 1, then
// FirstSignInDelay doubled n-1 times, at most MaxSignInDelay.
func signInDelay(n int) time.Duration {
	if n < 1 {
		return 0
	}
	if n > 30 { // no overflow; far past the cap anyway
		return MaxSignInDelay
	}
	return min(FirstSignInDelay<<(n-1), MaxSignInDelay)
}

// CheckSignInRate refuses an attempt that must wait (SignInWait), saying for how long.
func CheckSignInRate(f SignInFailures, now time.Time) error {
	wait := SignInWait(f, now)
	if wait <= 0 {
		return nil
	}
	seconds := int(math.Ceil(wait.Seconds()))
	return &Error{Code: ERATELIMITED, RetryAfter: seconds,
		Message: fmt.Sprintf("too many failed sign-ins: try again in %d s", seconds)}
}
