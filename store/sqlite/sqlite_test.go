package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// Ping tells a file that can no longer keep what is saved: deleted,
// replaced, read-only or corrupted under the running bot. Each is a fixed
// reason a health check can show anyone.
func TestPingFaults(t *testing.T) {
	defer sqlite.SetIntegrityEvery(0)()
	cases := []struct {
		name  string
		fault func(t *testing.T, path string)
		want  error
	}{
		{"deleted", func(t *testing.T, path string) {
			for _, f := range []string{path, path + "-wal", path + "-shm"} {
				os.Remove(f)
			}
		}, store.ErrFileMissing},
		{"replaced", func(t *testing.T, path string) {
			other := path + ".new"
			if err := os.WriteFile(other, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(other, path); err != nil {
				t.Fatal(err)
			}
		}, store.ErrFileReplaced},
		{"corrupted", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			// Past the header, every page of the schema and the tables.
			garbage := bytes.Repeat([]byte{0xA5}, 64<<10)
			if _, err := f.WriteAt(garbage, 100); err != nil {
				t.Fatal(err)
			}
		}, store.ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ninebridges.db")
			s, err := sqlite.Open(t.Context(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Ping(t.Context()); err != nil {
				t.Fatalf("healthy store: %v", err)
			}
			// Checkpoint so that the tables live in the file, not the WAL.
			if _, err := s.SaveSubscription(t.Context(), store.Subscription{GuildID: "1", ChannelID: "2", TimeZone: "UTC", Lang: "en", Kinds: store.AllKinds()}); err != nil {
				t.Fatal(err)
			}
			checkpoint(t, path)
			c.fault(t, path)
			err = s.Ping(t.Context())
			if !errors.Is(err, c.want) {
				t.Fatalf("Ping = %v, want %v", err, c.want)
			}
			if got := store.HealthReason(err); got != c.want.Error() || strings.Contains(got, path) {
				t.Errorf("HealthReason = %q", got)
			}
		})
	}
}

// A file that can be read but not written fails Ping: here another
// process holds the write lock past the health check's deadline, as a
// stuck writer or a full disk would leave it.
func TestPingCannotWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ninebridges.db")
	s, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	err = s.Ping(ctx)
	if !errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("Ping = %v, want %v", err, store.ErrReadOnly)
	}
}

func checkpoint(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
}
