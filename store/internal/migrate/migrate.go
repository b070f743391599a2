// Package migrate reads the versioned schema migrations that each store
// implementation embeds, and decides which of them a database still needs.
// Applying them is left to the implementations, each in its own dialect and
// transaction.
package migrate

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"

	"github.com/ninebridges/ninebridges/store"
)

// Migration is one schema change: the file NNNN_name.sql, whose SQL brings
// the schema from version Version-1 to Version.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

var fileName = regexp.MustCompile(`^([0-9]+)_[a-z0-9_]+\.sql$`)

// Load reads the migrations in dir of fsys. Versions must run 1, 2, 3...
// without gaps, so that a file forgotten in a merge is caught by the first
// test rather than skipped silently on a production database.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var ms []Migration
	for _, e := range entries {
		m := fileName.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil {
			return nil, fmt.Errorf("migrations: %s is not named NNNN_name.sql", e.Name())
		}
		v, err := strconv.Atoi(m[1])
		if err != nil {
			return nil, fmt.Errorf("migrations: %s: %w", e.Name(), err)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		ms = append(ms, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migrations: %s: expected version %d", m.Name, i+1)
		}
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("migrations: none in %s", dir)
	}
	return ms, nil
}

// Pending returns the migrations a database at version current still needs,
// or a *store.SchemaTooNewError if it is ahead of every migration known.
func Pending(ms []Migration, current int) ([]Migration, error) {
	if latest := len(ms); current > latest {
		return nil, &store.SchemaTooNewError{Database: current, Supported: latest}
	}
	return ms[current:], nil
}
