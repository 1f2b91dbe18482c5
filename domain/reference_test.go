package domain

import (
	"testing"
	"time"
)

func TestMunicipality_ExistsOn(t *testing.T) {
	day := func(s string) time.Time { d, _ := ParseDate(s); return d }
	end := day("2025-06-30")
	varaklani := Municipality{ValidFrom: day("2021-07-01"), ValidTo: &end}
	riga := Municipality{ValidFrom: day("2021-07-01")}
	for _, tc := range []struct {
		m    Municipality
		on   string
		want bool
	}{
		{varaklani, "2021-06-30", false},
		{varaklani, "2021-07-01", true},
		{varaklani, "2025-06-30", true},
		{varaklani, "2025-07-01", false},
		{riga, "2099-01-01", true},
	} {
		if got := tc.m.ExistsOn(day(tc.on)); got != tc.want {
			t.Errorf("ExistsOn(%s) = %v, want %v", tc.on, got, tc.want)
		}
	}
}

func TestToday_Riga(t *testing.T) {
	// 22:30 UTC on 31 Dec is already 1 Jan in Riga (UTC+2 in winter).
	now := time.Date(2025, 12, 31, 22, 30, 0, 0, time.UTC)
	if got := Today(now).Format(DateLayout); got != "2026-01-01" {
		t.Errorf("Today = %s, want 2026-01-01", got)
	}
}
