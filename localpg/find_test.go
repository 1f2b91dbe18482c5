package localpg

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindBinaries(t *testing.T) {
	t.Run("NoneInstalled", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		defer func(old string) { debianRoot = old }(debianRoot)
		debianRoot = t.TempDir()
		if _, err := FindBinaries(); !errors.Is(err, ErrNoBinaries) {
			t.Fatalf("err = %v, want ErrNoBinaries", err)
		}
		_, err := Start(context.Background(), Options{Dir: filepath.Join(t.TempDir(), "pg")})
		if !errors.Is(err, ErrNoBinaries) {
			t.Fatalf("Start: err = %v, want ErrNoBinaries", err)
		}
		// The message tells what to do.
		for _, hint := range []string{"apt-get install postgresql", "DATABASE_URL"} {
			if !strings.Contains(err.Error(), hint) {
				t.Errorf("error %q does not mention %q", err, hint)
			}
		}
	})
	t.Run("NewestDebianVersion", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		defer func(old string) { debianRoot = old }(debianRoot)
		debianRoot = t.TempDir()
		for _, v := range []string{"9.6", "13", "16"} {
			bin := filepath.Join(debianRoot, v, "bin")
			os.MkdirAll(bin, 0o755)
			for _, name := range []string{"initdb", "postgres"} {
				os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"), 0o755)
			}
		}
		got, err := FindBinaries()
		if want := filepath.Join(debianRoot, "16", "bin"); err != nil || got != want {
			t.Errorf("FindBinaries = %q, %v; want %q", got, err, want)
		}
	})
}
