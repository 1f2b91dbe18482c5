package domain

import (
	"time"
)

// Riga is the time zone whose midnight starts a day in Atbalsts.
var Riga = mustLoadRiga()

func mustLoadRiga() *time.Location {
	loc, err := time.LoadLocation("Europe/Riga")
	if err != nil {
		// The binary imports time/tzdata, so this happens only if that import is lost.
		panic("time zone Europe/Riga: " + err.Error())
	}
	return loc
}

// Today is the current date in Riga, as midnight UTC (how dates are held in Go here).
func Today(now time.Time) time.Time {
	y, m, d := now.In(Riga).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DateLayout is the ISO 8601 layout dates have on the API.
const DateLayout = "2006-01-02"

// ParseDate reads a yyyy-mm-dd date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, FieldErrorf("", "%q is not a date: use yyyy-mm-dd", s)
	}
	return t, nil
}

// The dates Atbalsts records lie between these: the DI projects began in 2015, and no plan,
// assessment or cap is set more than a few decades ahead. A date outside is a typing error
// (0001-01-01, 9999-12-31) that would otherwise be stored.
var (
	EarliestDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	LatestDate   = time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
)

// CheckDate refuses a date outside EarliestDate..LatestDate, naming field.
func CheckDate(field string, d time.Time) error {
	if d.Before(EarliestDate) || d.After(LatestDate) {
		return FieldErrorf(field, "%s is not a plausible date (%s to %s)", d.Format(DateLayout),
			EarliestDate.Format(DateLayout), LatestDate.Format(DateLayout))
	}
	return nil
}

// DecisionDay is the day a decision was taken: on, or today when the caller gave none. A day
// given may not be in the future, nor before earliest (the day of the step it decides on: a
// decision cannot precede what it decides). field names the input for the error.
func DecisionDay(field string, on *time.Time, earliest, today time.Time) (time.Time, error) {
	if on == nil {
		return today, nil
	}
	day := *on
	if err := CheckDate(field, day); err != nil {
		return day, err
	}
	if day.After(today) {
		return day, FieldErrorf(field, "a decision cannot be dated in the future (%s is after today, %s)",
			day.Format(DateLayout), today.Format(DateLayout)).Because("IN_FUTURE")
	}
	if day.Before(earliest) {
		return day, FieldErrorf(field, "a decision cannot be dated before the step it decides on (%s is before %s)",
			day.Format(DateLayout), earliest.Format(DateLayout)).Because("BEFORE_RECORD")
	}
	return day, nil
}
