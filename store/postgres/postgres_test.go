package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/postgres"
	"github.com/ninebridges/ninebridges/store/storetest"
)

// schema is a PostgreSQL schema of its own for one test.
type schema struct{ dsn string }

func (s schema) Open(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, s.dsn) }

func (s schema) Exec(ctx context.Context, sql string) error {
	return storetest.PostgresExec(ctx, s.dsn, sql)
}

func TestContract(t *testing.T) {
	storetest.PostgresBaseDSN(t) // skips the whole suite without a server
	storetest.Run(t, func(t *testing.T) storetest.DB { return schema{storetest.PostgresDSN(t)} })
}

func TestBadDSNHidesPassword(t *testing.T) {
	_, err := postgres.Open(t.Context(), "postgres://u:s3cret@127.0.0.1:notaport/db")
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Open(bad DSN) error = %v; want an error without the password", err)
	}
}
