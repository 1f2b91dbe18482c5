package domain

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in EUR cents. Money is never a float, so that parts add up to the cent.
type Money int64

// String formats the amount as a plain decimal with two fractional digits: "-1234.50".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// MaxMoney is the largest amount Atbalsts takes as input, EUR 1 000 000 000.00: more than any
// project's budget, and within every money column of the database (budgets hold up to ten
// whole digits). Smaller bounds of a field (a unit price) are checked where it is used.
const MaxMoney Money = 1_000_000_000_00

// MaxUnitPrice is the largest price of one unit (unit_price is numeric(10, 2)).
const MaxUnitPrice Money = 1_000_000_00

// ParseMoney reads a decimal amount with at most two fractional digits ("12", "12.5", "-0.05"),
// at most MaxMoney, the bound of an amount given as input.
func ParseMoney(s string) (Money, error) {
	m, err := parseMoney(s)
	if err == nil && (m > MaxMoney || m < -MaxMoney) {
		return 0, FieldErrorf("", "%q is beyond the largest amount, %s", s, MaxMoney)
	}
	return m, err
}

// parseMoney reads a decimal amount of up to 15 whole digits (a sum the database computed may
// exceed what one input may be).
func parseMoney(s string) (Money, error) {
	// Built only when needed: reading deliveries scans a money column per row.
	in := s
	bad := func() error {
		return FieldErrorf("", "%q is not an amount of money: use digits with at most two decimals, e.g. 1234.50", in)
	}
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || (hasFrac && frac == "") || len(whole) > 15 {
		return 0, bad()
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, bad()
		}
	}
	for len(frac) < 2 {
		frac += "0"
	}
	cents, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, bad()
	}
	if neg {
		cents = -cents
	}
	return Money(cents), nil
}

// Scan reads a PostgreSQL numeric.
func (m *Money) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case []byte:
		s = string(v)
	case string:
		s = v
	case int64:
		*m = Money(v * 100)
		return nil
	default:
		return fmt.Errorf("money: cannot scan %T", src)
	}
	parsed, err := parseMoney(s)
	if err != nil {
		return fmt.Errorf("money: cannot scan %q", s)
	}
	*m = parsed
	return nil
}

// Value writes the amount as a numeric literal.
func (m Money) Value() (driver.Value, error) { return m.String(), nil }
