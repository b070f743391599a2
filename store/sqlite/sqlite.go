// Package sqlite implements store.Store on an SQLite file, through the pure
// Go modernc.org/sqlite driver so the bot builds without cgo.
//
// It is the default for a single bot process. Several processes may share the
// file (the bot and a console command, say): claims are single statements that
// SQLite serializes, and busy_timeout makes a writer wait for another instead
// of failing. Shards on several machines need package store/postgres.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/internal/migrate"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is a store.Store on an SQLite file.
type Store struct {
	db     *sql.DB
	path   string
	opened os.FileInfo // the file as it was opened, to tell it was replaced

	mu          sync.Mutex
	lastCheck   time.Time // of the integrity check
	lastCheckOK error
}

// integrityEvery is how often Ping runs SQLite's quick_check, which reads
// the whole file: cheap for this database, but not for every probe.
var integrityEvery = 10 * time.Minute

var _ store.Store = (*Store)(nil)

// pragmas are set on every connection:
//   - WAL lets readers (another process's, say) run during a write;
//   - busy_timeout makes a writer wait up to 10 s for another process's
//     write instead of failing with SQLITE_BUSY;
//   - foreign_keys is off by default in SQLite, and deleting a subscription
//     relies on it to delete its deliveries;
//   - synchronous=NORMAL is durable enough in WAL mode (a power cut can lose
//     the last commits, never corrupt the file) and much cheaper than FULL;
//   - _txlock=immediate starts transactions with BEGIN IMMEDIATE, taking the
//     write lock up front: a deferred transaction that reads and then writes
//     fails at once with SQLITE_BUSY when another process wrote in between,
//     busy_timeout notwithstanding.
const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open opens the SQLite database file at path, creating it and its
// directory if need be, and brings its schema up to date. It refuses a
// database whose schema is newer than this binary knows, with a
// *store.SchemaTooNewError.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: unusable database path %q", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	// Two processes creating the file at once can see SQLITE_BUSY while
	// the first switches it to WAL: that switch does not wait on
	// busy_timeout, so opening is retried for a while instead.
	for attempt := 1; ; attempt++ {
		s, err := open(ctx, path)
		if err == nil || attempt == 20 || !isBusy(err) {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("sqlite: %s: %w", path, ctx.Err())
		case <-time.After(time.Duration(attempt) * 25 * time.Millisecond):
		}
	}
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

func open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite", path+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// One connection: SQLite runs one write at a time anyway, and with a
	// single connection the process's own writes queue in database/sql
	// instead of contending for the file lock. The bot's load (a few
	// statements a minute) does not need concurrent reads.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if s.opened, err = os.Stat(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return s, nil
}

// migrate applies the pending migrations in one transaction, so a failure
// leaves the schema as it was. BEGIN IMMEDIATE makes two processes opening a
// new file at once take turns rather than both creating the tables.
func (s *Store) migrate(ctx context.Context) (err error) {
	ms, err := migrate.Load(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at INTEGER NOT NULL
	)`); err != nil {
		return err
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	pending, err := migrate.Pending(ms, current)
	if err != nil {
		return err
	}
	for _, m := range pending {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
			m.Version, time.Now().UnixMilli()); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return tx.Commit()
}

// Ping implements store.Store: the file must still be the one opened, a
// row must be written and read back, and now and then the whole file must
// pass SQLite's quick_check. A file deleted or replaced under the running
// bot takes writes that would be lost at the next start, so it is reported
// before anyone is told a setting was saved.
func (s *Store) Ping(ctx context.Context) error {
	info, err := os.Stat(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("sqlite: %w: %v", store.ErrFileMissing, err)
	case err != nil:
		return fmt.Errorf("sqlite: %w: %v", store.ErrUnreadable, err)
	case !os.SameFile(info, s.opened):
		return fmt.Errorf("sqlite: %w", store.ErrFileReplaced)
	}
	now := time.Now().UnixMilli()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO health (id, checked_at) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`, now); err != nil {
		return fmt.Errorf("sqlite: %w: %v", classify(err, store.ErrReadOnly), err)
	}
	var back int64
	if err := s.db.QueryRowContext(ctx, `SELECT checked_at FROM health WHERE id = 1`).Scan(&back); err != nil || back != now {
		return fmt.Errorf("sqlite: %w: read back %d, %v", classify(err, store.ErrUnreadable), back, err)
	}
	return s.integrity(ctx)
}

// integrity runs quick_check at most every integrityEvery and remembers
// its verdict in between.
func (s *Store) integrity(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.lastCheck.IsZero() && time.Since(s.lastCheck) < integrityEvery {
		return s.lastCheckOK
	}
	var result string
	err := s.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result)
	switch {
	case err != nil:
		s.lastCheckOK = fmt.Errorf("sqlite: %w: %v", classify(err, store.ErrUnreadable), err)
	case result != "ok":
		s.lastCheckOK = fmt.Errorf("sqlite: %w: %s", store.ErrCorrupt, result)
	default:
		s.lastCheckOK = nil
	}
	s.lastCheck = time.Now()
	return s.lastCheckOK
}

// classify names what an SQLite error says of the file: corrupt, not a
// database, or else the fallback.
func classify(err error, fallback error) error {
	if err == nil {
		return fallback
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_CORRUPT"), strings.Contains(msg, "malformed"), strings.Contains(msg, "SQLITE_NOTADB"), strings.Contains(msg, "not a database"):
		return store.ErrCorrupt
	case strings.Contains(msg, "SQLITE_FULL"), strings.Contains(msg, "SQLITE_READONLY"), strings.Contains(msg, "readonly"), strings.Contains(msg, "disk is full"), strings.Contains(msg, "SQLITE_IOERR"):
		return store.ErrReadOnly
	}
	return fallback
}

// Close implements store.Store.
func (s *Store) Close() error { return s.db.Close() }

const subscriptionColumns = `id, guild_id, channel_id, hour, minute, time_zone, lang, kinds,
	week_before, next_if_empty, created_by, disabled, disabled_reason, created_at, updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanSubscription(r scanner) (store.Subscription, error) {
	var (
		s                  store.Subscription
		kinds              string
		created, updated   int64
		weekBefore, nextIf bool
	)
	err := r.Scan(&s.ID, &s.GuildID, &s.ChannelID, &s.Hour, &s.Minute, &s.TimeZone, &s.Lang, &kinds,
		&weekBefore, &nextIf, &s.CreatedBy, &s.Disabled, &s.DisabledReason, &created, &updated)
	if err != nil {
		return store.Subscription{}, err
	}
	s.WeekBefore, s.NextIfEmpty = weekBefore, nextIf
	for k := range strings.SplitSeq(kinds, ",") {
		if k != "" {
			s.Kinds = append(s.Kinds, store.Kind(k))
		}
	}
	s.CreatedAt, s.UpdatedAt = fromMillis(created), fromMillis(updated)
	return s, nil
}

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func joinKinds(ks []store.Kind) string {
	ss := make([]string, len(ks))
	for i, k := range ks {
		ss[i] = string(k)
	}
	return strings.Join(ss, ",")
}

// SaveSubscription implements store.Store.
func (s *Store) SaveSubscription(ctx context.Context, sub store.Subscription) (store.Subscription, error) {
	if err := sub.Normalize(); err != nil {
		return store.Subscription{}, err
	}
	now := store.Millis(time.Now()).UnixMilli()
	row := s.db.QueryRowContext(ctx, `
		INSERT INTO subscriptions (guild_id, channel_id, hour, minute, time_zone, lang, kinds,
			week_before, next_if_empty, created_by, disabled, disabled_reason, created_at, updated_at)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
		ON CONFLICT (guild_id, channel_id) DO UPDATE SET
			hour = excluded.hour, minute = excluded.minute, time_zone = excluded.time_zone,
			lang = excluded.lang, kinds = excluded.kinds, week_before = excluded.week_before,
			next_if_empty = excluded.next_if_empty, disabled = excluded.disabled,
			disabled_reason = excluded.disabled_reason, updated_at = excluded.updated_at
		RETURNING `+subscriptionColumns,
		sub.GuildID, sub.ChannelID, sub.Hour, sub.Minute, sub.TimeZone, sub.Lang, joinKinds(sub.Kinds),
		sub.WeekBefore, sub.NextIfEmpty, sub.CreatedBy, sub.Disabled, sub.DisabledReason, now)
	saved, err := scanSubscription(row)
	if err != nil {
		return store.Subscription{}, fmt.Errorf("sqlite: save subscription: %w", err)
	}
	return saved, nil
}

// DeleteSubscription implements store.Store.
func (s *Store) DeleteSubscription(ctx context.Context, guildID, channelID string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?`, guildID, channelID)
	if err != nil {
		return false, fmt.Errorf("sqlite: delete subscription: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("sqlite: delete subscription: %w", err)
	}
	return n > 0, nil
}

func (s *Store) subscriptions(ctx context.Context, where string, args ...any) ([]store.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list subscriptions: %w", err)
	}
	defer rows.Close()
	var subs []store.Subscription
	for rows.Next() {
		sub, err := scanSubscription(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list subscriptions: %w", err)
		}
		subs = append(subs, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list subscriptions: %w", err)
	}
	return subs, nil
}

// GuildSubscriptions implements store.Store.
func (s *Store) GuildSubscriptions(ctx context.Context, guildID string) ([]store.Subscription, error) {
	return s.subscriptions(ctx, `guild_id = ?`, guildID)
}

// ActiveSubscriptions implements store.Store.
func (s *Store) ActiveSubscriptions(ctx context.Context) ([]store.Subscription, error) {
	return s.subscriptions(ctx, `disabled = 0`)
}

// Subscription implements store.Store.
func (s *Store) Subscription(ctx context.Context, id int64) (store.Subscription, error) {
	sub, err := scanSubscription(s.db.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Subscription{}, fmt.Errorf("subscription %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Subscription{}, fmt.Errorf("sqlite: subscription %d: %w", id, err)
	}
	return sub, nil
}

// DisableSubscription implements store.Store.
func (s *Store) DisableSubscription(ctx context.Context, id int64, reason string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE subscriptions SET disabled = 1, disabled_reason = ?, updated_at = ? WHERE id = ?`,
		reason, store.Millis(time.Now()).UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("sqlite: disable subscription %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("subscription %d", id))
}

func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return nil
}

const deliveryColumns = `subscription_id, local_date, nonce, state, message_id, error, claimed_by, lease_until, attempts, updated_at`

func scanDelivery(r scanner) (store.Delivery, error) {
	var (
		d              store.Delivery
		lease, updated int64
	)
	err := r.Scan(&d.SubscriptionID, &d.LocalDate, &d.Nonce, &d.State, &d.MessageID, &d.Error,
		&d.ClaimedBy, &lease, &d.Attempts, &updated)
	if err != nil {
		return store.Delivery{}, err
	}
	d.LeaseUntil, d.UpdatedAt = fromMillis(lease), fromMillis(updated)
	return d, nil
}

// ClaimDelivery implements store.Store. The claim is one statement: it
// inserts the delivery, or takes over a pending one whose lease has run out,
// and writes nothing otherwise. SQLite runs one writer at a time, across
// processes too, so two claims cannot both see the lease expired.
func (s *Store) ClaimDelivery(ctx context.Context, subID int64, localDate, owner string, now time.Time, lease time.Duration) (store.Delivery, bool, error) {
	if err := store.CheckClaim(subID, localDate, owner, now, lease); err != nil {
		return store.Delivery{}, false, err
	}
	now = store.Millis(now)
	d, err := scanDelivery(s.db.QueryRowContext(ctx, `
		INSERT INTO deliveries (subscription_id, local_date, nonce, state, claimed_by, lease_until, attempts, updated_at)
		SELECT id, ?2, ?3, 'pending', ?4, ?5, 1, ?6 FROM subscriptions WHERE id = ?1 AND disabled = 0
		ON CONFLICT (subscription_id, local_date) DO UPDATE SET
			claimed_by = excluded.claimed_by, lease_until = excluded.lease_until,
			attempts = deliveries.attempts + 1, updated_at = excluded.updated_at
		WHERE deliveries.state = 'pending' AND deliveries.lease_until <= excluded.updated_at
		RETURNING `+deliveryColumns,
		subID, localDate, store.Nonce(subID, localDate), owner, store.Millis(now.Add(lease)).UnixMilli(), now.UnixMilli()))
	if err == nil {
		return d, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return store.Delivery{}, false, fmt.Errorf("sqlite: claim delivery %d/%s: %w", subID, localDate, err)
	}
	return store.Unclaimed(ctx, s, subID, localDate)
}

// MarkSent implements store.Store.
func (s *Store) MarkSent(ctx context.Context, subID int64, localDate, messageID string, now time.Time) error {
	if _, err := store.ParseLocalDate(localDate); err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `
		UPDATE deliveries SET state = 'sent', message_id = ?, error = '', updated_at = ?
		WHERE subscription_id = ? AND local_date = ?`,
		messageID, store.Millis(now).UnixMilli(), subID, localDate)
	if err != nil {
		return fmt.Errorf("sqlite: mark delivery %d/%s sent: %w", subID, localDate, err)
	}
	return mustAffect(res, fmt.Sprintf("delivery %d/%s", subID, localDate))
}

// MarkFailed implements store.Store.
func (s *Store) MarkFailed(ctx context.Context, subID int64, localDate, reason string, now time.Time) error {
	if _, err := store.ParseLocalDate(localDate); err != nil {
		return err
	}
	// The CASE leaves a sent delivery alone but still counts it as
	// affected, so that only a missing delivery reports ErrNotFound.
	res, err := s.db.ExecContext(ctx, `
		UPDATE deliveries SET
			error      = CASE WHEN state = 'sent' THEN error ELSE ?1 END,
			updated_at = CASE WHEN state = 'sent' THEN updated_at ELSE ?2 END,
			state      = CASE WHEN state = 'sent' THEN state ELSE 'failed' END
		WHERE subscription_id = ?3 AND local_date = ?4`,
		reason, store.Millis(now).UnixMilli(), subID, localDate)
	if err != nil {
		return fmt.Errorf("sqlite: mark delivery %d/%s failed: %w", subID, localDate, err)
	}
	return mustAffect(res, fmt.Sprintf("delivery %d/%s", subID, localDate))
}

// Delivery implements store.Store.
func (s *Store) Delivery(ctx context.Context, subID int64, localDate string) (store.Delivery, error) {
	d, err := scanDelivery(s.db.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE subscription_id = ? AND local_date = ?`,
		subID, localDate))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Delivery{}, fmt.Errorf("delivery %d/%s: %w", subID, localDate, store.ErrNotFound)
	}
	if err != nil {
		return store.Delivery{}, fmt.Errorf("sqlite: delivery %d/%s: %w", subID, localDate, err)
	}
	return d, nil
}
