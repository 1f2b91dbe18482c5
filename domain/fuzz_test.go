package domain

import (
	"errors"
	"strings"
	"testing"
)

// Fuzz tests of the parsers of user input (money's and personal codes' are beside their
// tests). As plain tests they run their seeds and the corpus in testdata/fuzz; `go test -fuzz
// FuzzX ./domain` explores further. Each checks that a parser never panics, refuses with an
// *Error naming its field, and accepts only what reads back the same.

// wantInvalid fails unless err is an EINVALID *Error naming field ("" for none).
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Code != EINVALID || e.Field != field {
		t.Fatalf("error %#v, want EINVALID on %q", err, field)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-02", "2014-02-29", "2016-02-29", "0000-01-01", "9999-12-31", "2026-3-2", " 2026-03-02",
		"2026-03-02T00:00:00Z", "02.03.2026", "+2026-03-02", "2026-03-02\x00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			wantInvalid(t, err, "")
			return
		}
		// Only the one spelling of a day is accepted: no other would read back the same.
		if got := d.Format(DateLayout); got != s {
			t.Fatalf("%q read as %s", s, got)
		}
		if d.Hour() != 0 || d.Location().String() != "UTC" {
			t.Fatalf("%q read as %v, not a UTC midnight", s, d)
		}
	})
}

func FuzzParseSharePercent(f *testing.F) {
	for _, s := range []string{"85", "85.5", "85.00", "100", "100.01", "0", "0.01", "-5", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		bp, err := ParseSharePercent(s)
		if err != nil {
			wantInvalid(t, err, "sharePercent")
			return
		}
		if bp <= 0 || bp > 10000 {
			t.Fatalf("%q read as %d basis points", s, bp)
		}
		if back, err := ParseSharePercent(FundingSource{ShareBP: bp}.SharePercent()); err != nil || back != bp {
			t.Fatalf("%q read as %d, which reads back as %d (%v)", s, bp, back, err)
		}
	})
}

func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{"worker@liepaja.example", " Worker@Liepaja.Example ", "a@b", "a@@b", "\"a b\"@c.example", "a@[127.0.0.1]",
		"Name <a@b.example>", "a@b.example\x00", "jānis@example.lv", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		email, err := NormalizeEmail(s)
		if err != nil {
			wantInvalid(t, err, "email")
			return
		}
		if again, err := NormalizeEmail(email); err != nil || again != email {
			t.Fatalf("%q normalised to %q, which normalises to %q (%v)", s, email, again, err)
		}
		if len(email) > 254 || strings.ContainsAny(email, "\x00\r\n") {
			t.Fatalf("%q normalised to %q", s, email)
		}
	})
}
