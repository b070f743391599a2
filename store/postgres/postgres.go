// Package postgres implements store.Store on PostgreSQL through pgx, for
// deployments whose shard processes, possibly on several machines, share one
// database.
//
// Every guarantee rests on the database: claims are single INSERT ... ON
// CONFLICT statements on the deliveries primary key, and migrations run under
// a transaction-scoped advisory lock so shards starting together migrate once.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/internal/migrate"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is a store.Store on PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// Open connects to the database at dsn, a postgres:// URL or key=value
// string as libpq takes it (pgxpool settings such as pool_max_conns and
// run-time parameters such as search_path included), and brings its schema
// up to date. It refuses a database whose schema is newer than this binary
// knows, with a *store.SchemaTooNewError.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's message quotes the DSN, password included; ours does not.
		return nil, errors.New("postgres: cannot parse the DSN")
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// migrate applies the pending migrations in one transaction (PostgreSQL's
// DDL is transactional, so a failure leaves the schema as it was). The
// advisory lock, keyed by the schema, makes shards that start together take
// turns: the second finds the migrations done.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrate.Load(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('ninebridges schema_migrations ' || COALESCE(current_schema(), '')))`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
		)`); err != nil {
			return err
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return err
		}
		pending, err := migrate.Pending(ms, current)
		if err != nil {
			return err
		}
		for _, m := range pending {
			// No arguments: pgx sends the file with the simple protocol,
			// which runs several statements.
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.Version); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// Ping implements store.Store.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: %w: %v", store.ErrUnreachable, err)
	}
	return nil
}

// Close implements store.Store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

const subscriptionColumns = `id, guild_id, channel_id, hour, minute, time_zone, lang, kinds,
	week_before, next_if_empty, created_by, disabled, disabled_reason, created_at, updated_at`

func scanSubscription(r pgx.Row) (store.Subscription, error) {
	var (
		s            store.Subscription
		hour, minute int16
		kinds        []string
	)
	err := r.Scan(&s.ID, &s.GuildID, &s.ChannelID, &hour, &minute, &s.TimeZone, &s.Lang, &kinds,
		&s.WeekBefore, &s.NextIfEmpty, &s.CreatedBy, &s.Disabled, &s.DisabledReason, &s.CreatedAt, &s.UpdatedAt)
	if err != nil {
		return store.Subscription{}, err
	}
	s.Hour, s.Minute = int(hour), int(minute)
	for _, k := range kinds {
		s.Kinds = append(s.Kinds, store.Kind(k))
	}
	s.CreatedAt, s.UpdatedAt = s.CreatedAt.UTC(), s.UpdatedAt.UTC()
	return s, nil
}

func kindStrings(ks []store.Kind) []string {
	ss := make([]string, len(ks))
	for i, k := range ks {
		ss[i] = string(k)
	}
	return ss
}

// SaveSubscription implements store.Store.
func (s *Store) SaveSubscription(ctx context.Context, sub store.Subscription) (store.Subscription, error) {
	if err := sub.Normalize(); err != nil {
		return store.Subscription{}, err
	}
	saved, err := scanSubscription(s.pool.QueryRow(ctx, `
		INSERT INTO subscriptions (guild_id, channel_id, hour, minute, time_zone, lang, kinds,
			week_before, next_if_empty, created_by, disabled, disabled_reason, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
		ON CONFLICT (guild_id, channel_id) DO UPDATE SET
			hour = EXCLUDED.hour, minute = EXCLUDED.minute, time_zone = EXCLUDED.time_zone,
			lang = EXCLUDED.lang, kinds = EXCLUDED.kinds, week_before = EXCLUDED.week_before,
			next_if_empty = EXCLUDED.next_if_empty, disabled = EXCLUDED.disabled,
			disabled_reason = EXCLUDED.disabled_reason, updated_at = EXCLUDED.updated_at
		RETURNING `+subscriptionColumns,
		sub.GuildID, sub.ChannelID, sub.Hour, sub.Minute, sub.TimeZone, sub.Lang, kindStrings(sub.Kinds),
		sub.WeekBefore, sub.NextIfEmpty, sub.CreatedBy, sub.Disabled, sub.DisabledReason, store.Millis(time.Now())))
	if err != nil {
		return store.Subscription{}, fmt.Errorf("postgres: save subscription: %w", err)
	}
	return saved, nil
}

// DeleteSubscription implements store.Store.
func (s *Store) DeleteSubscription(ctx context.Context, guildID, channelID string) (bool, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM subscriptions WHERE guild_id = $1 AND channel_id = $2`, guildID, channelID)
	if err != nil {
		return false, fmt.Errorf("postgres: delete subscription: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}

func (s *Store) subscriptions(ctx context.Context, where string, args ...any) ([]store.Subscription, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: list subscriptions: %w", err)
	}
	subs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Subscription, error) { return scanSubscription(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: list subscriptions: %w", err)
	}
	return subs, nil
}

// GuildSubscriptions implements store.Store.
func (s *Store) GuildSubscriptions(ctx context.Context, guildID string) ([]store.Subscription, error) {
	return s.subscriptions(ctx, `guild_id = $1`, guildID)
}

// ActiveSubscriptions implements store.Store.
func (s *Store) ActiveSubscriptions(ctx context.Context) ([]store.Subscription, error) {
	return s.subscriptions(ctx, `NOT disabled`)
}

// Subscription implements store.Store.
func (s *Store) Subscription(ctx context.Context, id int64) (store.Subscription, error) {
	sub, err := scanSubscription(s.pool.QueryRow(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Subscription{}, fmt.Errorf("subscription %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Subscription{}, fmt.Errorf("postgres: subscription %d: %w", id, err)
	}
	return sub, nil
}

// DisableSubscription implements store.Store.
func (s *Store) DisableSubscription(ctx context.Context, id int64, reason string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE subscriptions SET disabled = TRUE, disabled_reason = $1, updated_at = $2 WHERE id = $3`,
		reason, store.Millis(time.Now()), id)
	if err != nil {
		return fmt.Errorf("postgres: disable subscription %d: %w", id, err)
	}
	return mustAffect(tag, fmt.Sprintf("subscription %d", id))
}

func mustAffect(tag pgconn.CommandTag, what string) error {
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return nil
}

const deliveryColumns = `subscription_id, local_date, nonce, state, message_id, error, claimed_by, lease_until, attempts, updated_at`

func scanDelivery(r pgx.Row) (store.Delivery, error) {
	var (
		d     store.Delivery
		date  time.Time
		state string
		tries int32
	)
	err := r.Scan(&d.SubscriptionID, &date, &d.Nonce, &state, &d.MessageID, &d.Error,
		&d.ClaimedBy, &d.LeaseUntil, &tries, &d.UpdatedAt)
	if err != nil {
		return store.Delivery{}, err
	}
	d.LocalDate = date.Format(store.LocalDateLayout)
	d.State = store.DeliveryState(state)
	d.Attempts = int(tries)
	d.LeaseUntil, d.UpdatedAt = d.LeaseUntil.UTC(), d.UpdatedAt.UTC()
	return d, nil
}

// ClaimDelivery implements store.Store. The claim is one statement: it
// inserts the delivery, or takes over a pending one whose lease has run out,
// and writes nothing otherwise. When claims race, PostgreSQL lets one insert
// and makes the others wait for it, then evaluates their DO UPDATE ... WHERE
// against the row it committed, whose lease is valid: they claim nothing.
func (s *Store) ClaimDelivery(ctx context.Context, subID int64, localDate, owner string, now time.Time, lease time.Duration) (store.Delivery, bool, error) {
	if err := store.CheckClaim(subID, localDate, owner, now, lease); err != nil {
		return store.Delivery{}, false, err
	}
	date, _ := store.ParseLocalDate(localDate)
	now = store.Millis(now)
	d, err := scanDelivery(s.pool.QueryRow(ctx, `
		INSERT INTO deliveries (subscription_id, local_date, nonce, state, claimed_by, lease_until, attempts, updated_at)
		SELECT id, $2::date, $3::text, 'pending', $4::text, $5::timestamptz, 1, $6::timestamptz
		FROM subscriptions WHERE id = $1 AND NOT disabled
		ON CONFLICT (subscription_id, local_date) DO UPDATE SET
			claimed_by = EXCLUDED.claimed_by, lease_until = EXCLUDED.lease_until,
			attempts = deliveries.attempts + 1, updated_at = EXCLUDED.updated_at
		WHERE deliveries.state = 'pending' AND deliveries.lease_until <= EXCLUDED.updated_at
		RETURNING `+deliveryColumns,
		subID, pgDate(date), store.Nonce(subID, localDate), owner, store.Millis(now.Add(lease)), now))
	if err == nil {
		return d, true, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return store.Delivery{}, false, fmt.Errorf("postgres: claim delivery %d/%s: %w", subID, localDate, err)
	}
	return store.Unclaimed(ctx, s, subID, localDate)
}

// pgDate passes a date as a date, not as a timestamp that PostgreSQL would
// convert through the session's time zone.
func pgDate(d time.Time) pgtype.Date {
	return pgtype.Date{Time: d, Valid: true}
}

// MarkSent implements store.Store.
func (s *Store) MarkSent(ctx context.Context, subID int64, localDate, messageID string, now time.Time) error {
	date, err := store.ParseLocalDate(localDate)
	if err != nil {
		return err
	}
	tag, err := s.pool.Exec(ctx, `
		UPDATE deliveries SET state = 'sent', message_id = $1, error = '', updated_at = $2
		WHERE subscription_id = $3 AND local_date = $4`,
		messageID, store.Millis(now), subID, pgDate(date))
	if err != nil {
		return fmt.Errorf("postgres: mark delivery %d/%s sent: %w", subID, localDate, err)
	}
	return mustAffect(tag, fmt.Sprintf("delivery %d/%s", subID, localDate))
}

// MarkFailed implements store.Store.
func (s *Store) MarkFailed(ctx context.Context, subID int64, localDate, reason string, now time.Time) error {
	date, err := store.ParseLocalDate(localDate)
	if err != nil {
		return err
	}
	// The CASE leaves a sent delivery alone but still counts it as
	// affected, so that only a missing delivery reports ErrNotFound.
	tag, err := s.pool.Exec(ctx, `
		UPDATE deliveries SET
			error      = CASE WHEN state = 'sent' THEN error ELSE $1 END,
			updated_at = CASE WHEN state = 'sent' THEN updated_at ELSE $2 END,
			state      = CASE WHEN state = 'sent' THEN state ELSE 'failed' END
		WHERE subscription_id = $3 AND local_date = $4`,
		reason, store.Millis(now), subID, pgDate(date))
	if err != nil {
		return fmt.Errorf("postgres: mark delivery %d/%s failed: %w", subID, localDate, err)
	}
	return mustAffect(tag, fmt.Sprintf("delivery %d/%s", subID, localDate))
}

// Delivery implements store.Store.
func (s *Store) Delivery(ctx context.Context, subID int64, localDate string) (store.Delivery, error) {
	date, err := store.ParseLocalDate(localDate)
	if err != nil {
		return store.Delivery{}, err
	}
	d, err := scanDelivery(s.pool.QueryRow(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE subscription_id = $1 AND local_date = $2`,
		subID, pgDate(date)))
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Delivery{}, fmt.Errorf("delivery %d/%s: %w", subID, localDate, store.ErrNotFound)
	}
	if err != nil {
		return store.Delivery{}, fmt.Errorf("postgres: delivery %d/%s: %w", subID, localDate, err)
	}
	return d, nil
}
