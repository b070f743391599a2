package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/sqlite"
	"github.com/ninebridges/ninebridges/store/storetest"
)

// file is a database file of its own for one test.
type file struct{ path string }

func (f file) Open(ctx context.Context) (store.Store, error) { return sqlite.Open(ctx, f.path) }

func (f file) Exec(ctx context.Context, query string) error {
	db, err := sql.Open("sqlite", f.path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, query)
	return err
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.DB {
		return file{filepath.Join(t.TempDir(), "data", "ninebridges.db")}
	})
}

func TestPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ninebridges.db")
	s, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal (it persists in the file)", mode, err)
	}
}

func TestBadPath(t *testing.T) {
	for _, path := range []string{"", "/tmp/x.db?mode=ro"} {
		if s, err := sqlite.Open(t.Context(), path); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", path)
		}
	}
}
