package domain

import (
	"errors"
	"testing"
	"time"
)

func TestSignInWait(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) *time.Time { at := now.Add(-d); return &at }
	for _, c := range []struct {
		name string
		f    SignInFailures
		want time.Duration
	}{
		{"no failures", SignInFailures{}, 0},
		{"account: a lone guesser's free failures", SignInFailures{Account: 4, AccountFromAddress: 4, AccountLast: ago(0)}, 0},
		{"account: after the free ones, 1 s", SignInFailures{Account: 5, AccountFromAddress: 5, AccountLast: ago(0)}, time.Second},
		{"account: then 2 s", SignInFailures{Account: 6, AccountFromAddress: 6, AccountLast: ago(0)}, 2 * time.Second},
		{"account: then 4 s, of which 1 s passed", SignInFailures{Account: 7, AccountFromAddress: 7, AccountLast: ago(time.Second)}, 3 * time.Second},
		{"account: passed", SignInFailures{Account: 7, AccountFromAddress: 7, AccountLast: ago(5 * time.Second)}, 0},
		{"account: capped", SignInFailures{Account: 90, AccountFromAddress: 90, AccountLast: ago(0)}, MaxSignInDelay},
		// Others' failures do not make an address wait that has not failed on the account...
		{"account: under attack, an address without failures on it", SignInFailures{Account: 500}, 0},
		// ...nor longer than its own failures earn.
		{"account: under attack, one failure of the address", SignInFailures{Account: 500, AccountFromAddress: 1, AccountLast: ago(0)}, time.Second},
		{"account: under attack, three failures of the address", SignInFailures{Account: 500, AccountFromAddress: 3, AccountLast: ago(0)}, 4 * time.Second},
		{"address: free failures", SignInFailures{Address: 9, AddressLast: ago(0)}, 0},
		{"address: after the free ones, 1 s", SignInFailures{Address: 10, AddressLast: ago(0)}, time.Second},
		{"address: then 8 s", SignInFailures{Address: 13, AddressLast: ago(0)}, 8 * time.Second},
		{"address: capped", SignInFailures{Address: 1000, AddressLast: ago(0)}, MaxSignInDelay},
		{"the longer of the two", SignInFailures{Account: 6, AccountFromAddress: 6, AccountLast: ago(0), Address: 13, AddressLast: ago(0)}, 8 * time.Second},
	} {
		if got := SignInWait(c.f, now); got != c.want {
			t.Errorf("%s: wait %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckSignInRate(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	last := now.Add(-1500 * time.Millisecond)
	err := CheckSignInRate(SignInFailures{Account: 7, AccountFromAddress: 7, AccountLast: &last}, now)
	var e *Error
	if !errors.As(err, &e) || e.Code != ERATELIMITED || e.RetryAfter != 3 {
		t.Errorf("2.5 s to wait: %#v, want RATE_LIMITED with 3 seconds (rounded up)", err)
	}
	if err := CheckSignInRate(SignInFailures{Account: 7, AccountFromAddress: 7, AccountLast: &last}, now.Add(time.Hour)); err != nil {
		t.Errorf("after the wait: %v", err)
	}
}
