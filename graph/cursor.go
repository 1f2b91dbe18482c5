package graph

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"reflect"
	"strings"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// Cursors are opaque to clients: base64url of the JSON of the item's position in the list
// order, which the store continues after (keyset pagination: stable under inserts).

func encodeCursor(key any) string {
	data, _ := json.Marshal(key)
	return base64.RawURLEncoding.EncodeToString(data)
}

func decodeCursor(cursor string, key any) error {
	data, err := base64.RawURLEncoding.DecodeString(cursor)
	if err == nil {
		err = json.Unmarshal(data, key)
	}
	if err != nil || !sqlSafe(reflect.ValueOf(key)) {
		return domain.FieldErrorf("after", "%q is not a cursor of this list", cursor)
	}
	return nil
}

// sqlSafe tells whether a decoded cursor key can reach SQL: its strings hold no NUL (text in
// PostgreSQL cannot) and its ints fit the 32-bit ids they are compared with (int64 keys are
// bigint ids). The server's own cursors always pass; a forged one failed in SQL as INTERNAL.
func sqlSafe(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil() || sqlSafe(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && !sqlSafe(v.Field(i)) {
				return false
			}
		}
	case reflect.String:
		return strings.IndexByte(v.String(), 0) < 0
	case reflect.Int:
		return v.Int() >= math.MinInt32 && v.Int() <= math.MaxInt32
	}
	return true
}

// pageSize checks `first` and returns the number of items to return.
func pageSize(first *int) (int, error) {
	if first == nil {
		return defaultPageSize, nil
	}
	if *first < 0 || *first > maxPageSize {
		return 0, domain.FieldErrorf("first", "first must be between 0 and %d, not %d", maxPageSize, *first)
	}
	return *first, nil
}

// listPage reads one page of a keyset-paginated list: it checks `first`, decodes `after` into
// a key of type K (the position in the list's order), lets fetch read the rows after it, and
// returns the rows with their cursors and the page's info.
func listPage[K, T any](first *int, after *string, fetch func(after *K, limit int) ([]T, bool, error),
	keyOf func(*T) K) ([]*T, []string, *model.PageInfo, error) {
	limit, err := pageSize(first)
	if err != nil {
		return nil, nil, nil, err
	}
	var key *K
	if after != nil {
		key = new(K)
		if err := decodeCursor(*after, key); err != nil {
			return nil, nil, nil, err
		}
	}
	rows, hasNext, err := fetch(key, limit)
	if err != nil {
		return nil, nil, nil, err
	}
	items, cursors := make([]*T, len(rows)), make([]string, len(rows))
	for i := range rows {
		items[i], cursors[i] = &rows[i], encodeCursor(keyOf(&rows[i]))
	}
	return items, cursors, pageInfo(cursors, hasNext, after != nil), nil
}
