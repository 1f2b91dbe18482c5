package dataset

import (
	"fmt"
	"math/rand/v2"
	"time"

	"atbalsts/domain"
)

// codes makes unique personal codes that the project's own validation accepts. Old-format
// codes (a birth date, the century digit, a check digit) for people born by 2017-06-30; the
// 2017 format ("3", a digit 2-9, nine random digits) for those born later. The check digit
// is not computed here but found by asking domain.ParsePersonalCode, so that the dataset can
// never disagree with the rules the server applies.
type codes struct {
	rng  *rand.Rand
	seen map[string]bool
}

func newCodes(rng *rand.Rand) *codes { return &codes{rng: rng, seen: map[string]bool{}} }

var lastOldFormat = time.Date(2017, time.June, 30, 0, 0, 0, 0, time.UTC)

// For returns a new code for a person born on birth.
func (c *codes) For(birth time.Time) string {
	for {
		var code string
		if birth.After(lastOldFormat) {
			code = fmt.Sprintf("3%d%04d-%05d", 2+c.rng.IntN(8), c.rng.IntN(10000), c.rng.IntN(100000))
		} else {
			century := (birth.Year() - 1800) / 100
			base := fmt.Sprintf("%02d%02d%02d-%d%03d", birth.Day(), int(birth.Month()), birth.Year()%100, century, c.rng.IntN(1000))
			code = ""
			for d := 0; d <= 9; d++ {
				candidate := fmt.Sprintf("%s%d", base, d)
				if _, err := domain.ParsePersonalCode(candidate); err == nil {
					code = candidate
					break
				}
			}
		}
		if code != "" && !c.seen[code] {
			c.seen[code] = true
			return code
		}
	}
}
