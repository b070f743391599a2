package open_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/store/open"
	"github.com/ninebridges/ninebridges/store/postgres"
	"github.com/ninebridges/ninebridges/store/sqlite"
	"github.com/ninebridges/ninebridges/store/storetest"
)

func TestSQLite(t *testing.T) {
	for _, dsn := range []string{"", "sqlite"} {
		dir := filepath.Join(t.TempDir(), "data")
		s, err := open.Open(t.Context(), dsn, dir)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		if _, ok := s.(*sqlite.Store); !ok {
			t.Errorf("Open(%q) = %T, want *sqlite.Store", dsn, s)
		}
		if err := s.Ping(t.Context()); err != nil {
			t.Errorf("Ping: %v", err)
		}
		s.Close()
		if _, err := os.Stat(filepath.Join(dir, "ninebridges.db")); err != nil {
			t.Errorf("Open(%q): %v", dsn, err)
		}
	}
	if _, err := open.Open(t.Context(), "", ""); err == nil {
		t.Error(`Open("", "") succeeded without a data directory`)
	}
}

func TestUnsupported(t *testing.T) {
	for _, dsn := range []string{"mysql://root:s3cret@localhost/db", "sqlite3", "postgres:/x", "/var/lib/ninebridges.db", "file:ninebridges.db"} {
		s, err := open.Open(t.Context(), dsn, t.TempDir())
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", dsn)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "unsupported database DSN") || strings.Contains(msg, "s3cret") {
			t.Errorf("Open(%q) error = %q", dsn, msg)
		}
	}
}

func TestPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	for _, d := range []string{dsn, "postgresql" + strings.TrimPrefix(dsn, "postgres")} {
		s, err := open.Open(t.Context(), d, "")
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if _, ok := s.(*postgres.Store); !ok {
			t.Errorf("Open = %T, want *postgres.Store", s)
		}
		if err := s.Ping(t.Context()); err != nil {
			t.Errorf("Ping: %v", err)
		}
		s.Close()
	}
}
