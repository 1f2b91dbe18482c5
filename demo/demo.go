// Package demo loads made-up demo data for `make run` (the --demo flag): only into a
// database that has none yet, and all of it in one transaction.
package demo

import (
	"context"
	"log/slog"

	"atbalsts/store"
)

// Load fills an empty database with demo data. The reference data (regions,
// municipalities, the service catalogue) comes with the migrations; the demo people,
// projects and plans arrive with the capabilities that hold them.
func Load(ctx context.Context, s *store.Store, log *slog.Logger) error {
	log.InfoContext(ctx, "demo data: the reference data is loaded by the migrations; no demo cases exist yet")
	return nil
}
