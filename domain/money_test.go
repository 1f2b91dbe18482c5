package domain

import "testing"

func TestParseMoney(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Money
		ok   bool
	}{
		{"0", 0, true},
		{"12", 1200, true},
		{"12.5", 1250, true},
		{"35791.00", 3579100, true},
		{"-0.05", -5, true},
		{" 3.79 ", 379, true},
		{"1.234", 0, false},
		{"1,50", 0, false},
		{"", 0, false},
		{".5", 0, false},
		{"5.", 0, false},
		{"1e3", 0, false},
		{"--1", 0, false},
		{"9999999999999999", 0, false},
	} {
		got, err := ParseMoney(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("ParseMoney(%q): code %s, want %s", tc.in, ErrorCode(err), EINVALID)
		}
	}
}

func TestMoney_String(t *testing.T) {
	for m, want := range map[Money]string{0: "0.00", 5: "0.05", -5: "-0.05", 3579100: "35791.00", 379: "3.79", -123456: "-1234.56"} {
		if got := m.String(); got != want {
			t.Errorf("Money(%d).String() = %q, want %q", int64(m), got, want)
		}
		if back, err := ParseMoney(want); err != nil || back != m {
			t.Errorf("round trip of %q: %v, %v", want, back, err)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"0", "12.5", "-0.05", "35791.00", "x", "1000000000.01", "12.505", ".5", "5.", "--5", "+5", " 7.00 ",
		"1e3", "9223372036854775807", "١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			wantInvalid(t, err, "")
			return
		}
		if m > MaxMoney || m < -MaxMoney {
			t.Fatalf("%q -> %s, beyond the largest amount", s, m)
		}
		// Whatever parses formats back to an amount that parses to the same value.
		if back, err := ParseMoney(m.String()); err != nil || back != m {
			t.Errorf("%q -> %v -> %q -> %v, %v", s, m, m.String(), back, err)
		}
	})
}
