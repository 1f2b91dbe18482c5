package graph

import (
	"encoding/base64"
	"encoding/json"

	"atbalsts/domain"
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
	if err != nil {
		return domain.FieldErrorf("after", "%q is not a cursor of this list", cursor)
	}
	return nil
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
