package domain

import (
	"strings"
	"time"
)

// PersonalCode is a validated personal code in its canonical form "DDMMYY-NNNNN".
type PersonalCode string

// personalCodeWeights weigh the first ten digits of an old-format code for its check digit.
var personalCodeWeights = [10]int{1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// lastOldFormatDate is the last day old-format codes were issued (2017-06-30): a later birth
// date in an old-format code cannot be real, while codes issued before it stay valid for life.
var lastOldFormatDate = time.Date(2017, time.June, 30, 0, 0, 0, 0, time.UTC)

// ParsePersonalCode validates s (spaces trimmed, hyphen optional) and returns the canonical form, or a *Error with code EINVALID and Field "personalCode" saying what is wrong (length/characters, check digit, date, century).
//
// The messages never repeat the code: it identifies a person, and errors reach logs. Each names
// its reason (format, century, date, tooLate, checkDigit) for clients that translate it.
func ParsePersonalCode(s string) (PersonalCode, error) {
	s = strings.TrimSpace(s)
	digits, ok := personalCodeDigits(s)
	if !ok {
		return "", FieldErrorf("personalCode", "a personal code has 11 digits, written DDMMYY-NNNNN (the hyphen may be left out)").Because("format")
	}
	code := PersonalCode(digits[:6] + "-" + digits[6:])
	if code.IsNewFormat() {
		// The 2017 format carries neither a date nor a documented check digit: nothing more to check.
		return code, nil
	}
	if digits[6] > '2' {
		return "", FieldErrorf("personalCode", "the 7th digit of a personal code is the century of birth and must be 0, 1 or 2").Because("century")
	}
	birth, ok := code.BirthDate()
	if !ok {
		return "", FieldErrorf("personalCode", "the first six digits of a personal code must be a real birth date DDMMYY").Because("date")
	}
	if birth.After(lastOldFormatDate) {
		return "", FieldErrorf("personalCode", "a personal code with a birth date is not issued to people born after 2017-06-30").Because("tooLate")
	}
	if digits[10] != personalCodeCheckDigit(digits) {
		return "", FieldErrorf("personalCode", "the check digit of the personal code does not match: is a digit mistyped?").Because("checkDigit")
	}
	return code, nil
}

// personalCodeDigits returns the 11 digits of s if s is 11 digits, or 6 digits, a hyphen and 5
// digits; the hyphen anywhere else is more likely a different identifier than a typo.
func personalCodeDigits(s string) (string, bool) {
	if len(s) == 12 && s[6] == '-' {
		s = s[:6] + s[7:]
	}
	if len(s) != 11 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return s, true
}

// personalCodeCheckDigit computes the check digit of an old-format code from its first ten
// digits. The remainder 10 becomes 0, which a "sum of all 11 digits = 1 mod 11" shortcut misses.
func personalCodeCheckDigit(digits string) byte {
	sum := 0
	for i, w := range personalCodeWeights {
		sum += w * int(digits[i]-'0')
	}
	return byte((1101-sum)%11%10) + '0'
}

// BirthDate returns the birth date encoded in an old-format code, and false for a new-format code.
//
// It also returns false for a string that is not an old-format code with a real date, so that a
// zero or unvalidated PersonalCode never panics.
func (c PersonalCode) BirthDate() (time.Time, bool) {
	if len(c) != 12 || c[6] != '-' || c.IsNewFormat() {
		return time.Time{}, false
	}
	for _, i := range []int{0, 1, 2, 3, 4, 5, 7} {
		if c[i] < '0' || c[i] > '9' {
			return time.Time{}, false
		}
	}
	if c[7] > '2' {
		return time.Time{}, false
	}
	n := func(i int) int { return int(c[i]-'0')*10 + int(c[i+1]-'0') }
	day, month, year := n(0), n(2), 1800+100*int(c[7]-'0')+n(4)
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	// time.Date normalises 31.02 to 03.03; a date that moved was not a real one.
	if t.Day() != day || int(t.Month()) != month || t.Year() != year {
		return time.Time{}, false
	}
	return t, true
}

// IsNewFormat tells whether the code is of the 2017 format (no birth date).
//
// A leading 3 with a second digit of 2-9 cannot start a date (day 32 or more), so the two
// formats never overlap.
func (c PersonalCode) IsNewFormat() bool {
	return len(c) >= 2 && c[0] == '3' && c[1] >= '2' && c[1] <= '9'
}

// CheckBirthDate returns a field error (field "birthDate") when an old-format code's date differs from birthDate; nil for new-format codes.
//
// Only the calendar date of birthDate counts, so a date held at midnight in another zone still matches.
func (c PersonalCode) CheckBirthDate(birthDate time.Time) error {
	coded, ok := c.BirthDate()
	if !ok {
		return nil
	}
	y, m, d := birthDate.Date()
	if y != coded.Year() || m != coded.Month() || d != coded.Day() {
		return FieldErrorf("birthDate", "the birth date differs from the one in the personal code").Because("birthDateMismatch")
	}
	return nil
}
