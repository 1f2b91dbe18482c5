package domain

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Only public test codes (Smart-ID demo accounts) and made-up codes appear here, never real people's.

func TestParsePersonalCode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want PersonalCode // the canonical form; "" when invalid
		msg  string       // a part of the expected message, to tell which rule rejected the code
	}{
		{"Demo030303", "030303-10012", "030303-10012", ""},
		{"Demo030303WithoutHyphen", "03030310012", "030303-10012", ""},
		{"Demo010101", "010101-10006", "010101-10006", ""},
		{"Demo010101WithoutHyphen", "01010110006", "010101-10006", ""},
		{"Demo040404", "040404-10003", "040404-10003", ""},
		{"Demo040404WithoutHyphen", "04040410003", "040404-10003", ""},
		{"Demo050405", "050405-10009", "050405-10009", ""},
		{"Demo050405WithoutHyphen", "05040510009", "050405-10009", ""},
		{"DemoNewFormat", "329999-99901", "329999-99901", ""},
		{"DemoNewFormatWithoutHyphen", "32999999901", "329999-99901", ""},
		{"SurroundingSpaces", "  030303-10012 ", "030303-10012", ""},
		{"SurroundingTabsAndNewline", "\t32999999901\n", "329999-99901", ""},
		{"Remainder10GivesCheckDigit0", "061193-06460", "061193-06460", ""},
		{"Remainder10WithoutHyphen", "06119306460", "061193-06460", ""},
		{"NewFormatSecondDigit9", "390000-00000", "390000-00000", ""},
		{"Century1800s", "061193-06460", "061193-06460", ""},
		{"Century2000sLeapDay", "290200-20009", "290200-20009", ""},
		{"LastDayOfOldFormat", "300617-20000", "300617-20000", ""},

		{"WrongCheckDigit", "030303-10013", "", "check digit"},
		{"WrongCheckDigitWithoutHyphen", "03030310019", "", "check digit"},
		{"Remainder10WithCheckDigit10Shortcut", "061193-06461", "", "check digit"},
		{"February31", "310299-10000", "", "real birth date"},
		{"February29In1900", "290200-10003", "", "real birth date"},
		{"Month13", "011399-10000", "", "real birth date"},
		{"Day00", "000199-10000", "", "real birth date"},
		{"BornAfterOldFormat", "010717-20000", "", "after 2017-06-30"},
		{"BornIn2099", "010199-20000", "", "after 2017-06-30"},
		{"Century3", "030303-30013", "", "century"},
		{"Century9", "030303-90016", "", "century"},
		// 30 and 31 start an old-format code (day 30 or 31), so these fail its rules.
		{"NewFormatSecondDigit0", "309999-99901", "", "century"},
		{"NewFormatSecondDigit1", "319999-99901", "", "century"},
		{"NewFormatSecondDigit0WithoutHyphen", "30999999901", "", "century"},
		{"NewFormatSecondDigit1CenturyDigit1", "319999-19901", "", "real birth date"},
		{"TwelveDigits", "030303100120", "", "11 digits"},
		{"TwelveDigitsWithHyphen", "030303-100120", "", "11 digits"},
		{"TenDigits", "030303-1001", "", "11 digits"},
		{"Letters", "03O303-10012", "", "11 digits"},
		{"LetterX", "030303-1001X", "", "11 digits"},
		{"HyphenMisplaced", "0303031-0012", "", "11 digits"},
		{"TwoHyphens", "030303--10012", "", "11 digits"},
		{"InnerSpace", "030303 10012", "", "11 digits"},
		{"NonASCIIDigits", "٠٣٠٣٠٣١٠٠١٢", "", "11 digits"},
		{"Empty", "", "", "11 digits"},
		{"OnlySpaces", "   ", "", "11 digits"},
		{"OnlyHyphen", "-", "", "11 digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePersonalCode(tt.in)
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Errorf("ParsePersonalCode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if got != "" {
				t.Errorf("ParsePersonalCode(%q) = %q, want no code", tt.in, got)
			}
			e, ok := err.(*Error)
			if !ok || ErrorCode(err) != EINVALID || e.Field != "personalCode" {
				t.Fatalf("ParsePersonalCode(%q): error %#v, want EINVALID at personalCode", tt.in, err)
			}
			if !strings.Contains(e.Message, tt.msg) {
				t.Errorf("ParsePersonalCode(%q): message %q, want it to mention %q", tt.in, e.Message, tt.msg)
			}
			// The code identifies a person and errors reach logs: the message must not repeat it.
			if digits := strings.ReplaceAll(strings.TrimSpace(tt.in), "-", ""); len(digits) >= 6 && strings.Contains(e.Message, digits[:6]) {
				t.Errorf("ParsePersonalCode(%q): message %q repeats the code", tt.in, e.Message)
			}
		})
	}
}

func TestPersonalCode_BirthDate(t *testing.T) {
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		code PersonalCode
		want time.Time // the zero time when the code has no birth date
	}{
		{"030303-10012", date(1903, time.March, 3)},
		{"010101-10006", date(1901, time.January, 1)},
		{"050405-10009", date(1905, time.April, 5)},
		{"061193-06460", date(1893, time.November, 6)},
		{"290200-20009", date(2000, time.February, 29)},
		{"300617-20000", date(2017, time.June, 30)},
		{"329999-99901", time.Time{}},
		{"390000-00000", time.Time{}},
		{"", time.Time{}},             // the zero value
		{"310299-10000", time.Time{}}, // not validated: no such date
		{"030303-30013", time.Time{}}, // not validated: no such century
		{"03030310012", time.Time{}},  // not canonical
	}
	for _, tt := range tests {
		got, ok := tt.code.BirthDate()
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("%q.BirthDate() = %v, %v; want %v", tt.code, got, ok, tt.want)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("%q.BirthDate() is in %v, want UTC like every date in domain", tt.code, got.Location())
		}
		if wantNew := tt.code != "" && tt.code[0] == '3' && tt.code[1] >= '2'; tt.code.IsNewFormat() != wantNew {
			t.Errorf("%q.IsNewFormat() = %v, want %v", tt.code, !wantNew, wantNew)
		}
	}
}

func TestPersonalCode_CheckBirthDate(t *testing.T) {
	riga := time.Date(1903, time.March, 3, 0, 0, 0, 0, Riga)
	tests := []struct {
		name  string
		code  PersonalCode
		birth time.Time
		ok    bool
	}{
		{"Same", "030303-10012", time.Date(1903, time.March, 3, 0, 0, 0, 0, time.UTC), true},
		{"SameDateInRiga", "030303-10012", riga, true},
		{"OtherDay", "030303-10012", time.Date(1903, time.March, 4, 0, 0, 0, 0, time.UTC), false},
		{"OtherCentury", "030303-10012", time.Date(2003, time.March, 3, 0, 0, 0, 0, time.UTC), false},
		{"DayAndMonthSwapped", "050405-10009", time.Date(1905, time.May, 4, 0, 0, 0, 0, time.UTC), false},
		{"Century1800s", "061193-06460", time.Date(1893, time.November, 6, 0, 0, 0, 0, time.UTC), true},
		{"ZeroBirthDate", "030303-10012", time.Time{}, false},
		{"NewFormatAnyDate", "329999-99901", time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC), true},
		{"NewFormatZeroDate", "329999-99901", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.code.CheckBirthDate(tt.birth)
			if tt.ok {
				if err != nil {
					t.Errorf("%q.CheckBirthDate(%v) = %v, want nil", tt.code, tt.birth, err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || ErrorCode(err) != EINVALID || e.Field != "birthDate" {
				t.Errorf("%q.CheckBirthDate(%v) = %#v, want EINVALID at birthDate", tt.code, tt.birth, err)
			}
		})
	}
}

func FuzzParsePersonalCode(f *testing.F) {
	for _, s := range []string{
		"030303-10012", "010101-10006", "040404-10003", "050405-10009", "329999-99901",
		"061193-06460", "06119306460", " 030303-10012 ", "030303-10013", "310299-10000",
		"030303-30013", "309999-99901", "030303100120", "03O303-10012", "", "-", "300617-20000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParsePersonalCode(s)
		if err != nil {
			if c != "" {
				t.Errorf("%q: code %q with error %v", s, c, err)
			}
			if e, ok := err.(*Error); !ok || e.Code != EINVALID || e.Field != "personalCode" {
				t.Errorf("%q: error %#v, want EINVALID at personalCode", s, err)
			}
			// Errors reach logs: they never repeat the code (or its date part).
			if trimmed := strings.TrimSpace(s); len(trimmed) >= 6 && strings.Trim(trimmed[:6], "0123456789") == "" && strings.Contains(err.Error(), trimmed[:6]) {
				t.Errorf("%q: the error repeats the input: %v", s, err)
			}
			return
		}
		// Canonical: 11 ASCII digits with a hyphen after the sixth.
		if len(c) != 12 || c[6] != '-' {
			t.Fatalf("%q -> %q, not DDMMYY-NNNNN", s, c)
		}
		digits := string(c[:6]) + string(c[7:])
		for i := 0; i < len(digits); i++ {
			if digits[i] < '0' || digits[i] > '9' {
				t.Fatalf("%q -> %q, not all digits", s, c)
			}
		}
		// The digits are the input's: parsing only trims and places the hyphen.
		if strings.ReplaceAll(strings.TrimSpace(s), "-", "") != digits {
			t.Errorf("%q -> %q changed the digits", s, c)
		}
		if back, err := ParsePersonalCode(string(c)); err != nil || back != c {
			t.Errorf("%q -> %q -> %q, %v", s, c, back, err)
		}
		if back, err := ParsePersonalCode(digits); err != nil || back != c {
			t.Errorf("%q -> %q -> %q -> %q, %v", s, c, digits, back, err)
		}
		birth, hasDate := c.BirthDate()
		if hasDate == c.IsNewFormat() {
			t.Errorf("%q: BirthDate ok=%v, IsNewFormat=%v; want exactly one", c, hasDate, c.IsNewFormat())
		}
		if c.IsNewFormat() {
			if digits[0] != '3' || digits[1] < '2' {
				t.Errorf("%q: new format must start with 3 and a digit 2-9", c)
			}
			return
		}
		// Old format: the check digit formula holds, written out independently of the code under test.
		weights := []int{1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
		sum := 0
		for i, w := range weights {
			sum += w * int(digits[i]-'0')
		}
		if want := (1101 - sum) % 11 % 10; int(digits[10]-'0') != want {
			t.Errorf("%q: check digit %c, formula gives %d", c, digits[10], want)
		}
		if digits[6] > '2' || birth.After(time.Date(2017, time.June, 30, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%q: century %c, birth date %v", c, digits[6], birth)
		}
		if birth.Format("020106") != digits[:6] || (birth.Year()-1800)/100 != int(digits[6]-'0') {
			t.Errorf("%q: birth date %v does not match the code", c, birth)
		}
		if err := c.CheckBirthDate(birth); err != nil {
			t.Errorf("%q.CheckBirthDate(its own date %v) = %v", c, birth, err)
		}
	})
}

// TestParsePersonalCode_Reasons: every refusal names its reason, which clients translate.
func TestParsePersonalCode_Reasons(t *testing.T) {
	for code, want := range map[string]string{
		"0303031001":   "format",
		"030303-30012": "century",
		"310203-10012": "date",
		"010718-20000": "tooLate",
		"030303-10013": "checkDigit",
	} {
		_, err := ParsePersonalCode(code)
		var e *Error
		if !errors.As(err, &e) || e.Reason != want {
			t.Errorf("%s: %v, want reason %s", code, err, want)
		}
	}
	c, _ := ParsePersonalCode("030303-10012")
	var e *Error
	if err := c.CheckBirthDate(time.Date(2003, 3, 4, 0, 0, 0, 0, time.UTC)); !errors.As(err, &e) || e.Reason != "birthDateMismatch" {
		t.Errorf("another birth date: %v, want reason birthDateMismatch", err)
	}
}
