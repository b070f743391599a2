// Package store keeps channel subscriptions to scheduled posts and the log of
// their deliveries.
//
// The scheduler must post each (subscription, local date) exactly once, even
// across crashes, restarts and several shard processes sharing one database.
// It does so in three steps, each recorded here:
//
//  1. ClaimDelivery: the database, not an in-process lock, decides which
//     process may send. A claim carries a lease so that one abandoned by a
//     crashed process can be taken over once the lease runs out.
//  2. Send the message with the delivery's Nonce. The nonce is derived from
//     (subscription, local date) alone, so a process that takes over an
//     abandoned claim sends the same nonce and Discord deduplicates the
//     message if the crashed process had in fact sent it.
//  3. MarkSent (or MarkFailed), after which the delivery is never claimed
//     again.
//
// The interface is implemented for SQLite (package store/sqlite, the default
// for a single process) and PostgreSQL (package store/postgres, for sharded
// deployments); package store/open picks one from a DSN. Both pass the same
// contract suite, package store/storetest.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Why a store is unhealthy, as Ping reports it. Each is a fixed sentence a
// health endpoint may show anyone; the wrapped error holds the details,
// for the log.
var (
	ErrUnreachable  = errors.New("database unreachable")
	ErrFileMissing  = errors.New("database file missing")
	ErrFileReplaced = errors.New("database file replaced since start")
	ErrUnreadable   = errors.New("database unreadable")
	ErrReadOnly     = errors.New("database cannot be written")
	ErrCorrupt      = errors.New("database failed its integrity check")
)

// HealthReason is the fixed sentence for an error from Ping: one of the
// Err… reasons above, or "database unavailable".
func HealthReason(err error) string {
	for _, r := range []error{ErrFileMissing, ErrFileReplaced, ErrCorrupt, ErrReadOnly, ErrUnreadable, ErrUnreachable} {
		if errors.Is(err, r) {
			return r.Error()
		}
	}
	return "database unavailable"
}

// Unclaimed is the answer of a ClaimDelivery that claimed nothing, for the
// drivers: ErrSubscriptionDisabled (or ErrNotFound) when the subscription
// cannot be posted, else the delivery as it stands, held by another
// sender or settled.
func Unclaimed(ctx context.Context, s Store, subID int64, localDate string) (Delivery, bool, error) {
	sub, err := s.Subscription(ctx, subID)
	if err != nil {
		return Delivery{}, false, err
	}
	if sub.Disabled {
		return Delivery{}, false, fmt.Errorf("subscription %d: %w", subID, ErrSubscriptionDisabled)
	}
	d, err := s.Delivery(ctx, subID, localDate)
	if err != nil {
		return Delivery{}, false, err
	}
	return d, false, nil
}

// ErrNotFound is returned when the subscription or delivery asked for does not
// exist.
var ErrNotFound = errors.New("store: not found")

// ErrSubscriptionDisabled is returned by ClaimDelivery for a disabled
// subscription: a subscription disabled after the scheduler listed the active
// ones must not be posted to.
var ErrSubscriptionDisabled = errors.New("store: subscription is disabled")

// ErrInvalid is wrapped by the errors for arguments that can never be stored
// (an empty channel ID, an hour of 25, a date that is not YYYY-MM-DD...).
var ErrInvalid = errors.New("store: invalid argument")

// Kind is one kind of scheduled post a subscription can ask for.
type Kind string

// The kinds of scheduled post.
const (
	KindOnThisDay      Kind = "on-this-day"     // events that happened on this calendar day
	KindAnniversaries  Kind = "anniversaries"   // round anniversaries falling today
	KindWeeklyTimeline Kind = "weekly-timeline" // a weekly digest of the timeline
)

// AllKinds returns every known kind in canonical order, the order in which a
// subscription's kinds are stored and returned.
func AllKinds() []Kind {
	return []Kind{KindOnThisDay, KindAnniversaries, KindWeeklyTimeline}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(AllKinds(), k) }

// Subscription subscribes one Discord channel to scheduled posts. There is at
// most one per channel: saving a subscription for a channel that has one
// replaces its settings.
type Subscription struct {
	ID        int64 // assigned by the store; kept when the channel's subscription is updated
	GuildID   string
	ChannelID string

	// Hour and Minute are the local posting time in TimeZone.
	Hour, Minute int
	// TimeZone is an IANA name such as "Asia/Seoul". The caller validates it
	// (time.LoadLocation) because the store does not need the tz database.
	TimeZone string
	// Lang is the language the posts are written in: "en", "ko" or "ru".
	Lang string
	// Kinds are the kinds of post wanted, at least one; stored deduplicated
	// in AllKinds order.
	Kinds []Kind
	// WeekBefore announces anniversaries a week ahead as well as on the day.
	WeekBefore bool
	// NextIfEmpty posts the next upcoming event on a day with nothing to
	// post, instead of staying silent.
	NextIfEmpty bool

	// CreatedBy is the Discord user who first subscribed the channel; it is
	// kept when the subscription is later updated.
	CreatedBy string

	// Disabled subscriptions are not returned by ActiveSubscriptions and
	// cannot be claimed, but keep their settings so that an administrator
	// can see why (DisabledReason, e.g. "missing permission to post") and
	// re-enable them by saving the subscription again.
	Disabled       bool
	DisabledReason string

	// CreatedAt and UpdatedAt are set by the store.
	CreatedAt, UpdatedAt time.Time
}

// Has reports whether s asks for posts of kind k.
func (s Subscription) Has(k Kind) bool { return slices.Contains(s.Kinds, k) }

// Normalize checks that s can be stored and puts its kinds in canonical
// order without duplicates. Implementations call it in SaveSubscription; the
// time zone and language are the caller's to validate.
func (s *Subscription) Normalize() error {
	switch {
	case s.GuildID == "":
		return fmt.Errorf("%w: subscription without a guild ID", ErrInvalid)
	case s.ChannelID == "":
		return fmt.Errorf("%w: subscription without a channel ID", ErrInvalid)
	case s.Hour < 0 || s.Hour > 23:
		return fmt.Errorf("%w: hour %d is not in 0..23", ErrInvalid, s.Hour)
	case s.Minute < 0 || s.Minute > 59:
		return fmt.Errorf("%w: minute %d is not in 0..59", ErrInvalid, s.Minute)
	case s.TimeZone == "":
		return fmt.Errorf("%w: subscription without a time zone", ErrInvalid)
	case s.Lang == "":
		return fmt.Errorf("%w: subscription without a language", ErrInvalid)
	case len(s.Kinds) == 0:
		return fmt.Errorf("%w: subscription without any kind of post", ErrInvalid)
	}
	for _, k := range s.Kinds {
		if !k.Valid() {
			return fmt.Errorf("%w: unknown kind of post %q", ErrInvalid, k)
		}
	}
	var kinds []Kind
	for _, k := range AllKinds() {
		if slices.Contains(s.Kinds, k) {
			kinds = append(kinds, k)
		}
	}
	s.Kinds = kinds
	return nil
}

// DeliveryState is where a delivery stands.
type DeliveryState string

// The states of a delivery.
const (
	// DeliveryPending: claimed, perhaps sent, not yet marked. Claimable
	// again once the lease has run out.
	DeliveryPending DeliveryState = "pending"
	// DeliverySent: done; never claimed again.
	DeliverySent DeliveryState = "sent"
	// DeliveryFailed: given up for good (the channel is gone, the bot may
	// not post there...); never claimed again, so a permanent failure is
	// not retried every minute.
	DeliveryFailed DeliveryState = "failed"
)

// Delivery is the log entry of one subscription's post for one local date.
type Delivery struct {
	SubscriptionID int64
	LocalDate      string // YYYY-MM-DD in the subscription's time zone
	// Nonce is Nonce(SubscriptionID, LocalDate), sent with the message so
	// that Discord drops a resend of a message that did go out.
	Nonce     string
	State     DeliveryState
	MessageID string // set by MarkSent
	Error     string // the reason given to MarkFailed
	// ClaimedBy names the process that holds or last held the claim; it is
	// for diagnostics only.
	ClaimedBy string
	// LeaseUntil is when the claim may be taken over: a claim is valid while
	// now < LeaseUntil.
	LeaseUntil time.Time
	// Attempts counts successful claims, so the scheduler can give up on a
	// delivery whose sends keep crashing.
	Attempts  int
	UpdatedAt time.Time
}

// Store keeps subscriptions and deliveries. Implementations are safe for
// concurrent use, and for use by several processes sharing one database.
type Store interface {
	// SaveSubscription creates the channel's subscription or, if the
	// channel (GuildID, ChannelID) has one, replaces its settings: one
	// subscription per channel. s.ID, CreatedAt and UpdatedAt are ignored;
	// an update keeps the ID, CreatedBy and CreatedAt. The stored
	// subscription is returned. Disabled and DisabledReason are written as
	// given, so saving re-enables a disabled subscription.
	SaveSubscription(ctx context.Context, s Subscription) (Subscription, error)
	// DeleteSubscription deletes the channel's subscription and its
	// deliveries, reporting whether there was one.
	DeleteSubscription(ctx context.Context, guildID, channelID string) (bool, error)
	// GuildSubscriptions lists the guild's subscriptions, disabled ones
	// included, by ID.
	GuildSubscriptions(ctx context.Context, guildID string) ([]Subscription, error)
	// ActiveSubscriptions lists every subscription that is not disabled, by
	// ID. It spans all guilds: each shard keeps the ones it serves.
	ActiveSubscriptions(ctx context.Context) ([]Subscription, error)
	// Subscription returns the subscription with the ID, or ErrNotFound.
	Subscription(ctx context.Context, id int64) (Subscription, error)
	// DisableSubscription disables the subscription, recording why, or
	// returns ErrNotFound.
	DisableSubscription(ctx context.Context, id int64, reason string) error

	// ClaimDelivery claims the right to send subscription subID's post for
	// localDate (YYYY-MM-DD) for owner until now+lease. It succeeds, with
	// true, when there is no delivery yet or when the existing one is still
	// pending and its lease has run out (its sender presumably crashed);
	// the returned delivery then has the same Nonce as before. It returns
	// false, with the existing delivery, when that one is sent, failed, or
	// validly claimed by anyone (owner included: the claim is exclusive
	// even within a process). Of any number of concurrent claims at most
	// one succeeds.
	//
	// It returns ErrNotFound for an unknown subscription and
	// ErrSubscriptionDisabled for a disabled one.
	//
	// The lease should be longer than a send takes plus the clock skew
	// between shards, and short enough that a resend falls within
	// Discord's nonce deduplication window (a few minutes).
	ClaimDelivery(ctx context.Context, subID int64, localDate, owner string, now time.Time, lease time.Duration) (Delivery, bool, error)
	// MarkSent records that the delivery's message was posted. It returns
	// ErrNotFound if the delivery was never claimed. Marking a delivery sent
	// twice keeps the later message ID (a deduplicated resend returns the
	// same message anyway).
	MarkSent(ctx context.Context, subID int64, localDate, messageID string, now time.Time) error
	// MarkFailed gives the delivery up for good, recording why. Transient
	// errors should not be marked: leave the claim to expire and be
	// retried with the same nonce. A delivery already marked sent stays
	// sent. It returns ErrNotFound if the delivery was never claimed.
	MarkFailed(ctx context.Context, subID int64, localDate, reason string, now time.Time) error
	// Delivery returns the delivery, or ErrNotFound.
	Delivery(ctx context.Context, subID int64, localDate string) (Delivery, error)

	// Ping checks that the database can be read and written. It fails with
	// an error that wraps one of the Err… health reasons below, so that a
	// health check can say what is wrong without the database's address,
	// user or path.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// NonceMaxLen is the longest nonce Discord accepts.
const NonceMaxLen = 25

// Nonce returns the nonce for subscription subID's post for localDate. It
// depends on nothing else, so every process, and a process that finds the
// claim row lost, computes the same one: "nb" and 20 hex digits of a SHA-256.
func Nonce(subID int64, localDate string) string { return MessageNonce(subID, localDate, 0) }

// MessageNonce returns the nonce for message number part of a delivery that
// is posted as several messages; part 0 is Nonce. Discord drops any message
// whose nonce repeats one of the author's recent messages, so every message
// of a delivery needs its own.
func MessageNonce(subID int64, localDate string, part int) string {
	key := "ninebridges/" + strconv.FormatInt(subID, 10) + "/" + localDate
	if part != 0 {
		key += "/" + strconv.Itoa(part)
	}
	sum := sha256.Sum256([]byte(key))
	return "nb" + hex.EncodeToString(sum[:10])
}

// LocalDateLayout is the layout of a delivery's local date.
const LocalDateLayout = "2006-01-02"

// ParseLocalDate checks that s is a YYYY-MM-DD date and returns it as
// midnight UTC.
func ParseLocalDate(s string) (time.Time, error) {
	d, err := time.Parse(LocalDateLayout, s)
	if err != nil || d.Format(LocalDateLayout) != s {
		return time.Time{}, fmt.Errorf("%w: local date %q is not YYYY-MM-DD", ErrInvalid, s)
	}
	return d, nil
}

// CheckClaim checks ClaimDelivery's arguments, for implementations.
func CheckClaim(subID int64, localDate, owner string, now time.Time, lease time.Duration) error {
	if _, err := ParseLocalDate(localDate); err != nil {
		return err
	}
	switch {
	case subID <= 0:
		return fmt.Errorf("%w: subscription ID %d", ErrInvalid, subID)
	case owner == "":
		return fmt.Errorf("%w: claim without an owner", ErrInvalid)
	case now.IsZero():
		return fmt.Errorf("%w: claim without a time", ErrInvalid)
	case lease <= 0:
		return fmt.Errorf("%w: lease %v is not positive", ErrInvalid, lease)
	}
	return nil
}

// Millis truncates t to the millisecond in UTC. Both implementations store
// times at that precision, so what is read back equals what was written.
func Millis(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// SchemaTooNewError is returned by Open for a database migrated by a newer
// binary: running old code on a newer schema could corrupt it.
type SchemaTooNewError struct {
	Database  int // the database's schema version
	Supported int // the newest version this binary knows
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this binary supports (%d); upgrade ninebridges", e.Database, e.Supported)
}
