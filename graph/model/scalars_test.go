package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"atbalsts/domain"
)

// FuzzScalars feeds every scalar's reader the values a JSON variable decodes to (numbers kept
// as json.Number, as the transport decodes them): none panics, each refuses with a
// BAD_USER_INPUT error (the GraphQL layer adds the field), and what is accepted is of its kind
// and writes back as the client would send it.
func FuzzScalars(f *testing.F) {
	for _, s := range []string{`1`, `"1"`, `1.5`, `1e3`, `-2147483648`, `2147483648`, `true`, `"true"`, `null`, `"2026-03-02"`,
		`"2026-02-30"`, `20260302`, `"12.50"`, `12.5`, `12`, `"2026-11-22T14:03:56Z"`, `"2026-11-22 14:03:56"`, `[1]`, `{"a":1}`, `"a\u0000"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) != nil {
			return
		}
		refused := func(name string, err error) bool {
			t.Helper()
			if err == nil {
				return false
			}
			var e *domain.Error
			if !errors.As(err, &e) || e.Code != domain.EINVALID {
				t.Fatalf("%s of %s: %#v, want EINVALID", name, raw, err)
			}
			return true
		}
		if n, err := UnmarshalInt(v); !refused("Int", err) {
			if num, ok := v.(json.Number); !ok || strconv.FormatInt(mustInt(t, num), 10) != strconv.Itoa(n) {
				t.Fatalf("Int of %s read as %d", raw, n)
			}
		}
		if b, err := UnmarshalBoolean(v); !refused("Boolean", err) && v != b {
			t.Fatalf("Boolean of %s read as %v", raw, b)
		}
		if s, err := UnmarshalString(v); !refused("String", err) && v != s {
			t.Fatalf("String of %s read as %q", raw, s)
		}
		if id, err := UnmarshalID(v); !refused("ID", err) {
			if s, ok := v.(string); ok && s != id {
				t.Fatalf("ID of %s read as %q", raw, id)
			}
		}
		if d, err := UnmarshalDate(v); !refused("Date", err) && v != d.Format(domain.DateLayout) {
			t.Fatalf("Date of %s read as %v", raw, d)
		}
		if m, err := UnmarshalMoney(v); !refused("Money", err) {
			if back, err := UnmarshalMoney(m.String()); err != nil || back != m {
				t.Fatalf("Money of %s read as %s, which reads back as %s (%v)", raw, m, back, err)
			}
		}
		if tm, err := UnmarshalTime(v); !refused("Time", err) {
			if back, err := UnmarshalTime(tm.Format("2006-01-02T15:04:05.999999999Z07:00")); err != nil || !back.Equal(tm) {
				t.Fatalf("Time of %s read as %v, which reads back as %v (%v)", raw, tm, back, err)
			}
		}
	})
}

func mustInt(t *testing.T, n json.Number) int64 {
	t.Helper()
	i, err := n.Int64()
	if err != nil {
		t.Fatalf("%s read as an Int, but is none", n)
	}
	return i
}
