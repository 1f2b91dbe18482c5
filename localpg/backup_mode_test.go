package localpg

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A backup holds every child's case: the file is the backup user's alone, whatever the umask
// (pg_dump creates its file 0666 less the umask: 0644 under the usual 022).
func TestBackup_FileIsPrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "postgres")
	c, err := Start(context.Background(), Options{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	file := filepath.Join(t.TempDir(), "atbalsts.dump")
	if err := Backup(context.Background(), BackupOptions{Dir: dir, Database: "postgres", File: file}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode&0o077 != 0 {
		t.Errorf("the backup file's mode is %v: others may read it", mode)
	}
}
