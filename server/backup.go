package server

import (
	"log/slog"
	"path/filepath"

	"atbalsts/localpg"
	"atbalsts/migrations"
)

// EmbeddedBackup is what `atbalsts backup` and `atbalsts restore` work on: the embedded
// database under dataDir, laid out as Run lays it out, and the dump file.
func EmbeddedBackup(dataDir, file string, force bool, log *slog.Logger) (localpg.BackupOptions, error) {
	dataDir, err := filepath.Abs(dataDir)
	if err != nil {
		return localpg.BackupOptions{}, err
	}
	return localpg.BackupOptions{
		Dir:      filepath.Join(dataDir, "postgres"),
		LogFile:  filepath.Join(dataDir, "postgres.log"),
		Database: embeddedDatabase,
		File:     file,
		Force:    force,
		Logger:   log,
		// A backup names the owner and application roles (migrations/roles.go).
		BeforeRestore: migrations.CreateRoles,
	}, nil
}
