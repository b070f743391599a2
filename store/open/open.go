// Package open opens the store a deployment is configured for. It is apart
// from package store because it imports both implementations, which import
// store for its types.
package open

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/postgres"
	"github.com/ninebridges/ninebridges/store/sqlite"
)

// SQLiteFile is the name of the SQLite database in the data directory.
const SQLiteFile = "ninebridges.db"

// Open opens the store named by dsn:
//   - "" or "sqlite": the SQLite file <dataDir>/ninebridges.db, created if
//     missing (a single bot process, the default);
//   - "postgres://..." or "postgresql://...": PostgreSQL (several shards
//     sharing one database).
//
// Anything else is an error rather than a guess, so a typo in the
// configuration cannot silently start the bot on an empty SQLite file.
func Open(ctx context.Context, dsn, dataDir string) (store.Store, error) {
	switch {
	case dsn == "" || dsn == "sqlite":
		if dataDir == "" {
			return nil, fmt.Errorf("store: the SQLite database needs a data directory")
		}
		if err := checkWritable(dataDir); err != nil {
			return nil, err
		}
		s, err := sqlite.Open(ctx, filepath.Join(dataDir, SQLiteFile))
		if err != nil {
			return nil, err
		}
		return s, nil
	case strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://"):
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return s, nil
	default:
		scheme, _, _ := strings.Cut(dsn, ":")
		if len(scheme) > 20 || scheme == dsn {
			scheme = "?"
		}
		// The DSN itself is not quoted: it may hold a password.
		return nil, fmt.Errorf(`store: unsupported database DSN (scheme %q): use "" or "sqlite" for SQLite in the data directory, or a postgres:// or postgresql:// URL`, scheme)
	}
}
