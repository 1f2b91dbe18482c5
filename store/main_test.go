package store

import (
	"testing"

	"atbalsts/dbtest"
)

// TestMain stops the PostgreSQL cluster the tests started, if they started one. It serves the
// package's internal tests and its external ones (package store_test), which share a binary.
func TestMain(m *testing.M) { dbtest.Main(m) }
