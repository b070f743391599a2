// Package storetest is the contract every store.Store implementation must
// meet. Each implementation's tests call Run with a way to make empty
// databases, so SQLite and PostgreSQL are held to exactly the same behaviour:
// the scheduler cannot tell which one it runs on.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/ninebridges/ninebridges/store"
)

// DB is one empty database made for one test.
type DB interface {
	// Open opens a store on the database, applying the migrations. It can
	// be called again, after Close or not, as another process would.
	Open(ctx context.Context) (store.Store, error)
	// Exec runs SQL on the database behind the stores' backs (to tamper
	// with schema_migrations).
	Exec(ctx context.Context, sql string) error
}

// Run runs the contract suite. newDB makes a fresh, empty database for one
// test and removes it in t.Cleanup; the tests run in parallel, each on its
// own database.
func Run(t *testing.T, newDB func(t *testing.T) DB) {
	tests := []struct {
		name string
		fn   func(t *testing.T, db DB)
	}{
		{"SaveAndGet", testSaveAndGet},
		{"RoundTrip", testRoundTrip},
		{"OnePerChannel", testOnePerChannel},
		{"List", testList},
		{"Delete", testDelete},
		{"Disable", testDisable},
		{"Invalid", testInvalid},
		{"Claim", testClaim},
		{"ClaimUnknownOrDisabled", testClaimUnknownOrDisabled},
		{"ConcurrentClaims", testConcurrentClaims},
		{"Reopen", testReopen},
		{"ConcurrentOpen", testConcurrentOpen},
		{"NewerSchemaRefused", testNewerSchemaRefused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, newDB(t))
		})
	}
}

func open(t *testing.T, db DB) store.Store {
	t.Helper()
	s, err := db.Open(t.Context())
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sample(guild, channel string) store.Subscription {
	return store.Subscription{
		GuildID:   guild,
		ChannelID: channel,
		Hour:      9,
		Minute:    30,
		TimeZone:  "Asia/Seoul",
		Lang:      "ko",
		Kinds:     []store.Kind{store.KindOnThisDay},
		CreatedBy: "user-1",
	}
}

func save(t *testing.T, s store.Store, sub store.Subscription) store.Subscription {
	t.Helper()
	saved, err := s.SaveSubscription(t.Context(), sub)
	if err != nil {
		t.Fatalf("SaveSubscription(%+v): %v", sub, err)
	}
	return saved
}

// settings strips what the store assigns, leaving what the caller chose.
func settings(s store.Subscription) store.Subscription {
	s.ID, s.CreatedAt, s.UpdatedAt = 0, time.Time{}, time.Time{}
	return s
}

func sameSettings(t *testing.T, what string, got, want store.Subscription) {
	t.Helper()
	if g, w := settings(got), settings(want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, g, w)
	}
}

func ids(subs []store.Subscription) []int64 {
	out := []int64{}
	for _, s := range subs {
		out = append(out, s.ID)
	}
	return out
}

func testSaveAndGet(t *testing.T, db DB) {
	s := open(t, db)
	before := time.Now().Add(-time.Second)
	saved := save(t, s, sample("g1", "c1"))
	if saved.ID <= 0 {
		t.Fatalf("ID = %d, want > 0", saved.ID)
	}
	sameSettings(t, "saved", saved, sample("g1", "c1"))
	if saved.CreatedAt.Before(before) || !saved.UpdatedAt.Equal(saved.CreatedAt) {
		t.Errorf("CreatedAt %v, UpdatedAt %v: want both now", saved.CreatedAt, saved.UpdatedAt)
	}
	got, err := s.Subscription(t.Context(), saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Errorf("Subscription(%d):\n got %+v\nwant %+v", saved.ID, got, saved)
	}
	if _, err := s.Subscription(t.Context(), saved.ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Subscription(unknown) error = %v, want ErrNotFound", err)
	}
	if err := s.Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func testRoundTrip(t *testing.T, db DB) {
	s := open(t, db)
	all := []store.Kind{store.KindOnThisDay, store.KindAnniversaries, store.KindWeeklyTimeline}
	tests := []struct {
		name      string
		edit      func(*store.Subscription)
		wantKinds []store.Kind
	}{
		{"one kind", func(s *store.Subscription) {}, []store.Kind{store.KindOnThisDay}},
		{"anniversaries", func(s *store.Subscription) { s.Kinds = []store.Kind{store.KindAnniversaries} }, []store.Kind{store.KindAnniversaries}},
		{"weekly", func(s *store.Subscription) { s.Kinds = []store.Kind{store.KindWeeklyTimeline} }, []store.Kind{store.KindWeeklyTimeline}},
		{"all kinds, scrambled and repeated", func(s *store.Subscription) {
			s.Kinds = []store.Kind{store.KindWeeklyTimeline, store.KindOnThisDay, store.KindWeeklyTimeline, store.KindAnniversaries}
		}, all},
		{"week before", func(s *store.Subscription) {
			s.Kinds, s.WeekBefore = []store.Kind{store.KindAnniversaries}, true
		}, []store.Kind{store.KindAnniversaries}},
		{"next if empty", func(s *store.Subscription) { s.NextIfEmpty = true }, []store.Kind{store.KindOnThisDay}},
		{"every flag", func(s *store.Subscription) {
			s.Kinds, s.WeekBefore, s.NextIfEmpty = all, true, true
		}, all},
		{"midnight UTC in English", func(s *store.Subscription) {
			s.Hour, s.Minute, s.TimeZone, s.Lang = 0, 0, "UTC", "en"
		}, []store.Kind{store.KindOnThisDay}},
		{"23:59 in Moscow in Russian", func(s *store.Subscription) {
			s.Hour, s.Minute, s.TimeZone, s.Lang = 23, 59, "Europe/Moscow", "ru"
		}, []store.Kind{store.KindOnThisDay}},
		{"created by nobody", func(s *store.Subscription) { s.CreatedBy = "" }, []store.Kind{store.KindOnThisDay}},
		{"unicode", func(s *store.Subscription) { s.CreatedBy = "관리자 «админ» '; DROP TABLE x; --" }, []store.Kind{store.KindOnThisDay}},
		{"disabled", func(s *store.Subscription) {
			s.Disabled, s.DisabledReason = true, "missing permission to post"
		}, []store.Kind{store.KindOnThisDay}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := sample("g-roundtrip", fmt.Sprintf("c%d", i))
			tt.edit(&sub)
			want := sub
			want.Kinds = tt.wantKinds
			saved := save(t, s, sub)
			sameSettings(t, "saved", saved, want)
			got, err := s.Subscription(t.Context(), saved.ID)
			if err != nil {
				t.Fatal(err)
			}
			sameSettings(t, "read back", got, want)
			if !got.CreatedAt.Equal(saved.CreatedAt) || !got.UpdatedAt.Equal(saved.UpdatedAt) {
				t.Errorf("times read back %v/%v, saved %v/%v", got.CreatedAt, got.UpdatedAt, saved.CreatedAt, saved.UpdatedAt)
			}
			for _, k := range all {
				if got.Has(k) != (len(tt.wantKinds) == 3 || tt.wantKinds[0] == k) {
					t.Errorf("Has(%s) = %v", k, got.Has(k))
				}
			}
		})
	}
}

func testOnePerChannel(t *testing.T, db DB) {
	s := open(t, db)
	first := save(t, s, sample("g1", "c1"))

	update := sample("g1", "c1")
	update.ID = 12345 // ignored: the channel decides
	update.Hour, update.Minute, update.TimeZone, update.Lang = 7, 5, "Europe/Berlin", "en"
	update.Kinds = []store.Kind{store.KindAnniversaries, store.KindWeeklyTimeline}
	update.WeekBefore, update.NextIfEmpty = true, true
	update.CreatedBy = "user-2"
	second := save(t, s, update)

	if second.ID != first.ID {
		t.Errorf("update got ID %d, want the channel's %d", second.ID, first.ID)
	}
	want := update
	want.CreatedBy = first.CreatedBy // the creator is kept
	sameSettings(t, "updated", second, want)
	if !second.CreatedAt.Equal(first.CreatedAt) {
		t.Errorf("CreatedAt changed from %v to %v", first.CreatedAt, second.CreatedAt)
	}
	if second.UpdatedAt.Before(first.UpdatedAt) {
		t.Errorf("UpdatedAt went back from %v to %v", first.UpdatedAt, second.UpdatedAt)
	}
	subs, err := s.GuildSubscriptions(t.Context(), "g1")
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 {
		t.Fatalf("GuildSubscriptions = %d subscriptions, want 1", len(subs))
	}
	sameSettings(t, "listed", subs[0], want)

	// The key is (guild, channel): another channel, or the same channel ID
	// in another guild, is another subscription.
	other := save(t, s, sample("g1", "c2"))
	elsewhere := save(t, s, sample("g2", "c1"))
	if other.ID == first.ID || elsewhere.ID == first.ID || other.ID == elsewhere.ID {
		t.Errorf("IDs %d, %d, %d: want three different", first.ID, other.ID, elsewhere.ID)
	}
}

func testList(t *testing.T, db DB) {
	s := open(t, db)
	ctx := t.Context()
	a := save(t, s, sample("g1", "c1"))
	b := save(t, s, sample("g2", "c1"))
	c := save(t, s, sample("g1", "c2"))
	d := save(t, s, sample("g1", "c3"))
	if err := s.DisableSubscription(ctx, c.ID, "channel deleted"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		list func() ([]store.Subscription, error)
		want []int64
	}{
		{"guild g1, disabled included", func() ([]store.Subscription, error) { return s.GuildSubscriptions(ctx, "g1") }, []int64{a.ID, c.ID, d.ID}},
		{"guild g2", func() ([]store.Subscription, error) { return s.GuildSubscriptions(ctx, "g2") }, []int64{b.ID}},
		{"unknown guild", func() ([]store.Subscription, error) { return s.GuildSubscriptions(ctx, "g3") }, []int64{}},
		{"active, every guild", func() ([]store.Subscription, error) { return s.ActiveSubscriptions(ctx) }, []int64{a.ID, b.ID, d.ID}},
	}
	for _, tt := range tests {
		subs, err := tt.list()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := ids(subs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: IDs %v, want %v", tt.name, got, tt.want)
		}
	}
}

func testDelete(t *testing.T, db DB) {
	s := open(t, db)
	ctx := t.Context()
	sub := save(t, s, sample("g1", "c1"))
	keep := save(t, s, sample("g1", "c2"))
	now := time.Date(2025, 5, 1, 0, 30, 0, 0, time.UTC)
	if _, ok, err := s.ClaimDelivery(ctx, sub.ID, "2025-05-01", "p1", now, time.Minute); err != nil || !ok {
		t.Fatalf("ClaimDelivery = %v, %v", ok, err)
	}

	for i, want := range []bool{true, false} {
		deleted, err := s.DeleteSubscription(ctx, "g1", "c1")
		if err != nil || deleted != want {
			t.Errorf("DeleteSubscription #%d = %v, %v; want %v", i+1, deleted, err, want)
		}
	}
	if deleted, err := s.DeleteSubscription(ctx, "g2", "c2"); err != nil || deleted {
		t.Errorf("DeleteSubscription(other guild's channel) = %v, %v; want false", deleted, err)
	}
	if _, err := s.Subscription(ctx, sub.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Subscription(deleted) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Delivery(ctx, sub.ID, "2025-05-01"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Delivery of a deleted subscription: error = %v, want ErrNotFound (deleted with it)", err)
	}
	if _, err := s.Subscription(ctx, keep.ID); err != nil {
		t.Errorf("the other subscription: %v", err)
	}
	// A channel subscribed again gets a new ID, hence new nonces.
	again := save(t, s, sample("g1", "c1"))
	if again.ID == sub.ID {
		t.Errorf("re-created subscription reused ID %d", sub.ID)
	}
}

func testDisable(t *testing.T, db DB) {
	s := open(t, db)
	ctx := t.Context()
	sub := save(t, s, sample("g1", "c1"))
	if err := s.DisableSubscription(ctx, sub.ID, "missing permission to post"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Subscription(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Disabled || got.DisabledReason != "missing permission to post" {
		t.Errorf("after disabling: Disabled %v, reason %q", got.Disabled, got.DisabledReason)
	}
	want := sample("g1", "c1")
	want.Disabled, want.DisabledReason = true, "missing permission to post"
	sameSettings(t, "disabled", got, want)
	if got.UpdatedAt.Before(sub.UpdatedAt) {
		t.Errorf("UpdatedAt went back from %v to %v", sub.UpdatedAt, got.UpdatedAt)
	}
	active, err := s.ActiveSubscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(active) != 0 {
		t.Errorf("ActiveSubscriptions = %v, want none", ids(active))
	}
	if err := s.DisableSubscription(ctx, sub.ID+1000, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DisableSubscription(unknown) error = %v, want ErrNotFound", err)
	}
	// Subscribing again re-enables.
	again := save(t, s, sample("g1", "c1"))
	if again.ID != sub.ID || again.Disabled || again.DisabledReason != "" {
		t.Errorf("saved again: ID %d (want %d), Disabled %v, reason %q", again.ID, sub.ID, again.Disabled, again.DisabledReason)
	}
	if active, err = s.ActiveSubscriptions(ctx); err != nil || len(active) != 1 {
		t.Errorf("ActiveSubscriptions after re-enabling = %v, %v", ids(active), err)
	}
}

func testInvalid(t *testing.T, db DB) {
	s := open(t, db)
	ctx := t.Context()
	subs := []struct {
		name string
		edit func(*store.Subscription)
	}{
		{"no guild", func(s *store.Subscription) { s.GuildID = "" }},
		{"no channel", func(s *store.Subscription) { s.ChannelID = "" }},
		{"hour 24", func(s *store.Subscription) { s.Hour = 24 }},
		{"hour -1", func(s *store.Subscription) { s.Hour = -1 }},
		{"minute 60", func(s *store.Subscription) { s.Minute = 60 }},
		{"no time zone", func(s *store.Subscription) { s.TimeZone = "" }},
		{"no language", func(s *store.Subscription) { s.Lang = "" }},
		{"no kinds", func(s *store.Subscription) { s.Kinds = nil }},
		{"unknown kind", func(s *store.Subscription) { s.Kinds = []store.Kind{store.KindOnThisDay, "horoscope"} }},
	}
	for _, tt := range subs {
		sub := sample("g1", "c1")
		tt.edit(&sub)
		if _, err := s.SaveSubscription(ctx, sub); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("SaveSubscription(%s) error = %v, want ErrInvalid", tt.name, err)
		}
	}
	if subs, err := s.GuildSubscriptions(ctx, "g1"); err != nil || len(subs) != 0 {
		t.Errorf("after invalid saves: %v, %v; want nothing stored", ids(subs), err)
	}

	sub := save(t, s, sample("g1", "c1"))
	now := time.Date(2025, 5, 1, 0, 30, 0, 0, time.UTC)
	claims := []struct {
		name  string
		id    int64
		date  string
		owner string
		now   time.Time
		lease time.Duration
	}{
		{"bad date", sub.ID, "2025-5-1", "p1", now, time.Minute},
		{"impossible date", sub.ID, "2025-02-30", "p1", now, time.Minute},
		{"no date", sub.ID, "", "p1", now, time.Minute},
		{"no owner", sub.ID, "2025-05-01", "", now, time.Minute},
		{"no time", sub.ID, "2025-05-01", "p1", time.Time{}, time.Minute},
		{"no lease", sub.ID, "2025-05-01", "p1", now, 0},
		{"zero ID", 0, "2025-05-01", "p1", now, time.Minute},
	}
	for _, tt := range claims {
		if _, ok, err := s.ClaimDelivery(ctx, tt.id, tt.date, tt.owner, tt.now, tt.lease); ok || !errors.Is(err, store.ErrInvalid) {
			t.Errorf("ClaimDelivery(%s) = %v, %v; want ErrInvalid", tt.name, ok, err)
		}
	}
}

func testClaim(t *testing.T, db DB) {
	s := open(t, db)
	ctx := t.Context()
	sub := save(t, s, sample("g1", "c1"))
	const date, lease = "2025-05-01", 2 * time.Minute
	t0 := time.Date(2025, 5, 1, 0, 30, 0, 123456789, time.UTC) // sub-millisecond part is dropped
	nonce := store.Nonce(sub.ID, date)

	// steps run in order, each against the state the previous ones left.
	steps := []struct {
		name      string
		do        func() (store.Delivery, bool, error)
		wantOK    bool
		wantState store.DeliveryState
		wantOwner string
		wantLease time.Time
		wantTries int
		wantMsg   string
		wantError string
	}{
		{
			name:   "first claim wins",
			do:     func() (store.Delivery, bool, error) { return s.ClaimDelivery(ctx, sub.ID, date, "shard-0", t0, lease) },
			wantOK: true, wantState: store.DeliveryPending, wantOwner: "shard-0", wantLease: store.Millis(t0.Add(lease)), wantTries: 1,
		},
		{
			name: "another process while leased",
			do: func() (store.Delivery, bool, error) {
				return s.ClaimDelivery(ctx, sub.ID, date, "shard-1", t0.Add(time.Second), lease)
			},
			wantOK: false, wantState: store.DeliveryPending, wantOwner: "shard-0", wantLease: store.Millis(t0.Add(lease)), wantTries: 1,
		},
		{
			name: "the same owner while leased",
			do: func() (store.Delivery, bool, error) {
				return s.ClaimDelivery(ctx, sub.ID, date, "shard-0", t0.Add(time.Second), lease)
			},
			wantOK: false, wantState: store.DeliveryPending, wantOwner: "shard-0", wantLease: store.Millis(t0.Add(lease)), wantTries: 1,
		},
		{
			name: "a millisecond before the lease runs out",
			do: func() (store.Delivery, bool, error) {
				return s.ClaimDelivery(ctx, sub.ID, date, "shard-1", t0.Add(lease-time.Millisecond), lease)
			},
			wantOK: false, wantState: store.DeliveryPending, wantOwner: "shard-0", wantLease: store.Millis(t0.Add(lease)), wantTries: 1,
		},
		{
			name: "taken over when the lease runs out, same nonce",
			do: func() (store.Delivery, bool, error) {
				return s.ClaimDelivery(ctx, sub.ID, date, "shard-1", t0.Add(lease), lease)
			},
			wantOK: true, wantState: store.DeliveryPending, wantOwner: "shard-1", wantLease: store.Millis(t0.Add(2 * lease)), wantTries: 2,
		},
		{
			name: "marked sent",
			do: func() (store.Delivery, bool, error) {
				if err := s.MarkSent(ctx, sub.ID, date, "msg-1", t0.Add(lease+time.Second)); err != nil {
					return store.Delivery{}, false, err
				}
				d, err := s.Delivery(ctx, sub.ID, date)
				return d, false, err
			},
			wantOK: false, wantState: store.DeliverySent, wantOwner: "shard-1", wantLease: store.Millis(t0.Add(2 * lease)), wantTries: 2, wantMsg: "msg-1",
		},
		{
			name: "no claim once sent, even long after",
			do: func() (store.Delivery, bool, error) {
				return s.ClaimDelivery(ctx, sub.ID, date, "shard-2", t0.Add(48*time.Hour), lease)
			},
			wantOK: false, wantState: store.DeliverySent, wantOwner: "shard-1", wantLease: store.Millis(t0.Add(2 * lease)), wantTries: 2, wantMsg: "msg-1",
		},
		{
			name: "a late failure does not undo sent",
			do: func() (store.Delivery, bool, error) {
				if err := s.MarkFailed(ctx, sub.ID, date, "timeout", t0.Add(time.Hour)); err != nil {
					return store.Delivery{}, false, err
				}
				d, err := s.Delivery(ctx, sub.ID, date)
				return d, false, err
			},
			wantOK: false, wantState: store.DeliverySent, wantOwner: "shard-1", wantLease: store.Millis(t0.Add(2 * lease)), wantTries: 2, wantMsg: "msg-1",
		},
	}
	for _, st := range steps {
		d, ok, err := st.do()
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		want := store.Delivery{
			SubscriptionID: sub.ID, LocalDate: date, Nonce: nonce, State: st.wantState,
			MessageID: st.wantMsg, Error: st.wantError, ClaimedBy: st.wantOwner,
			LeaseUntil: st.wantLease, Attempts: st.wantTries, UpdatedAt: d.UpdatedAt,
		}
		if ok != st.wantOK || !reflect.DeepEqual(d, want) {
			t.Errorf("%s: got %v, %+v\nwant %v, %+v", st.name, ok, d, st.wantOK, want)
		}
	}

	// Another date is another delivery, with another nonce; failing it is
	// final.
	const date2 = "2025-05-02"
	d, ok, err := s.ClaimDelivery(ctx, sub.ID, date2, "shard-0", t0.Add(24*time.Hour), lease)
	if err != nil || !ok || d.Nonce == nonce || d.Nonce != store.Nonce(sub.ID, date2) {
		t.Fatalf("claim of the next day = %v, %+v, %v", ok, d, err)
	}
	if err := s.MarkFailed(ctx, sub.ID, date2, "channel deleted", t0.Add(24*time.Hour+time.Second)); err != nil {
		t.Fatal(err)
	}
	if d, ok, err := s.ClaimDelivery(ctx, sub.ID, date2, "shard-1", t0.Add(72*time.Hour), lease); err != nil || ok ||
		d.State != store.DeliveryFailed || d.Error != "channel deleted" {
		t.Errorf("claim after MarkFailed = %v, %+v, %v; want false with the failure", ok, d, err)
	}
	if !d.UpdatedAt.Equal(store.Millis(t0.Add(24*time.Hour))) || d.UpdatedAt.Location() != time.UTC {
		t.Errorf("UpdatedAt = %v, want the claim's time in UTC", d.UpdatedAt)
	}

	// Deliveries never claimed.
	if err := s.MarkSent(ctx, sub.ID, "2025-05-03", "msg", t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MarkSent(unclaimed) error = %v, want ErrNotFound", err)
	}
	if err := s.MarkFailed(ctx, sub.ID, "2025-05-03", "x", t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MarkFailed(unclaimed) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Delivery(ctx, sub.ID, "2025-05-03"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Delivery(unclaimed) error = %v, want ErrNotFound", err)
	}
}

func testClaimUnknownOrDisabled(t *testing.T, db DB) {
	s := open(t, db)
	ctx := t.Context()
	sub := save(t, s, sample("g1", "c1"))
	now := time.Date(2025, 5, 1, 0, 30, 0, 0, time.UTC)
	if _, ok, err := s.ClaimDelivery(ctx, sub.ID+1000, "2025-05-01", "p1", now, time.Minute); ok || !errors.Is(err, store.ErrNotFound) {
		t.Errorf("claim for an unknown subscription = %v, %v; want ErrNotFound", ok, err)
	}
	// A pending claim whose lease ran out is not taken over once the
	// subscription is disabled either.
	if _, ok, err := s.ClaimDelivery(ctx, sub.ID, "2025-05-01", "p1", now, time.Minute); err != nil || !ok {
		t.Fatalf("claim = %v, %v", ok, err)
	}
	if err := s.DisableSubscription(ctx, sub.ID, "missing access"); err != nil {
		t.Fatal(err)
	}
	for _, date := range []string{"2025-05-01", "2025-05-02"} {
		if _, ok, err := s.ClaimDelivery(ctx, sub.ID, date, "p2", now.Add(time.Hour), time.Minute); ok || !errors.Is(err, store.ErrSubscriptionDisabled) {
			t.Errorf("claim for %s of a disabled subscription = %v, %v; want ErrSubscriptionDisabled", date, ok, err)
		}
	}
	if d, err := s.Delivery(ctx, sub.ID, "2025-05-01"); err != nil || d.ClaimedBy != "p1" || d.Attempts != 1 {
		t.Errorf("delivery after refused claims = %+v, %v; want p1's, untouched", d, err)
	}
}

// testConcurrentClaims races claims from many goroutines over two stores on
// the same database, as from two shard processes: each round must have
// exactly one winner.
func testConcurrentClaims(t *testing.T, db DB) {
	stores := []store.Store{open(t, db), open(t, db)}
	ctx := t.Context()
	sub := save(t, stores[0], sample("g1", "c1"))
	const workers, lease = 16, time.Minute
	t0 := time.Date(2025, 5, 1, 0, 30, 0, 0, time.UTC)

	race := func(date string, now time.Time) (winners []string, nonces map[string]bool) {
		var (
			mu    sync.Mutex
			wg    sync.WaitGroup
			start = make(chan struct{})
		)
		nonces = map[string]bool{}
		for i := range workers {
			wg.Go(func() {
				owner := fmt.Sprintf("worker-%d", i)
				<-start
				d, ok, err := stores[i%len(stores)].ClaimDelivery(ctx, sub.ID, date, owner, now, lease)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Errorf("%s: ClaimDelivery: %v", owner, err)
					return
				}
				nonces[d.Nonce] = true
				if ok {
					winners = append(winners, owner)
				}
			})
		}
		close(start)
		wg.Wait()
		return winners, nonces
	}

	for day := 1; day <= 5; day++ {
		date := fmt.Sprintf("2025-05-%02d", day)
		now := t0.Add(time.Duration(day-1) * 24 * time.Hour)
		want := map[string]bool{store.Nonce(sub.ID, date): true}
		winners, nonces := race(date, now)
		if len(winners) != 1 || !reflect.DeepEqual(nonces, want) {
			t.Errorf("%s: winners %v, nonces %v; want one winner and nonce %v", date, winners, nonces, want)
			continue
		}
		// The winner "crashes"; once its lease runs out, exactly one
		// of the racers takes over, with the same nonce.
		again, nonces := race(date, now.Add(lease))
		if len(again) != 1 || !reflect.DeepEqual(nonces, want) {
			t.Errorf("%s after the lease: winners %v, nonces %v; want one winner and nonce %v", date, again, nonces, want)
		}
		d, err := stores[1].Delivery(ctx, sub.ID, date)
		if err != nil || d.Attempts != 2 || len(again) == 1 && d.ClaimedBy != again[0] {
			t.Errorf("%s: delivery %+v, %v; want 2 attempts, claimed by %v", date, d, err, again)
		}
	}
}

func testReopen(t *testing.T, db DB) {
	ctx := t.Context()
	s, err := db.Open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.SaveSubscription(ctx, sample("g1", "c1"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 5, 1, 0, 30, 0, 0, time.UTC)
	claimed, ok, err := s.ClaimDelivery(ctx, sub.ID, "2025-05-01", "p1", now, time.Minute)
	if err != nil || !ok {
		t.Fatalf("ClaimDelivery = %v, %v", ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Reopening migrates nothing and finds everything.
	s = open(t, db)
	got, err := s.Subscription(ctx, sub.ID)
	if err != nil || !reflect.DeepEqual(got, sub) {
		t.Errorf("after reopening: %+v, %v; want %+v", got, err, sub)
	}
	// The crashed process's claim is still held until its lease runs out.
	if _, ok, err := s.ClaimDelivery(ctx, sub.ID, "2025-05-01", "p2", now.Add(time.Second), time.Minute); ok || err != nil {
		t.Errorf("claim while the old lease holds = %v, %v; want false", ok, err)
	}
	d, ok, err := s.ClaimDelivery(ctx, sub.ID, "2025-05-01", "p2", now.Add(time.Minute), time.Minute)
	if err != nil || !ok || d.Nonce != claimed.Nonce {
		t.Errorf("claim after the lease = %v, %+v, %v; want the nonce %s", ok, d, err, claimed.Nonce)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

// testConcurrentOpen opens a new database from several goroutines at once,
// as shards starting together do: the migrations must run once, and every
// open succeed.
func testConcurrentOpen(t *testing.T, db DB) {
	const n = 4
	var wg sync.WaitGroup
	stores := make([]store.Store, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { stores[i], errs[i] = db.Open(t.Context()) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("open #%d: %v", i, errs[i])
			continue
		}
		defer stores[i].Close()
	}
	if t.Failed() {
		return
	}
	sub := save(t, stores[0], sample("g1", "c1"))
	if got, err := stores[n-1].Subscription(t.Context(), sub.ID); err != nil || got.ID != sub.ID {
		t.Errorf("read through another store: %+v, %v", got, err)
	}
}

func testNewerSchemaRefused(t *testing.T, db DB) {
	ctx := t.Context()
	s := open(t, db)
	sub := save(t, s, sample("g1", "c1"))
	s.Close()

	// As if a newer binary had migrated the database to version 7.
	if err := db.Exec(ctx, `UPDATE schema_migrations SET version = 7 WHERE version = (SELECT MAX(version) FROM schema_migrations)`); err != nil {
		t.Fatal(err)
	}
	s2, err := db.Open(ctx)
	if err == nil {
		s2.Close()
		t.Fatal("open of a database with schema version 7 succeeded; want it refused")
	}
	var tooNew *store.SchemaTooNewError
	if !errors.As(err, &tooNew) || tooNew.Database != 7 || tooNew.Supported >= 7 || tooNew.Supported < 1 {
		t.Fatalf("open error = %v (%#v); want a *store.SchemaTooNewError for version 7", err, tooNew)
	}
	want := fmt.Sprintf("database schema version 7 is newer than this binary supports (%d); upgrade ninebridges", tooNew.Supported)
	if !strings.Contains(err.Error(), want) {
		t.Errorf("open error = %q, want it to say %q", err, want)
	}

	// The refused open changed nothing: put the version back and the
	// data is there.
	if err := db.Exec(ctx, fmt.Sprintf(`UPDATE schema_migrations SET version = %d WHERE version = 7`, tooNew.Supported)); err != nil {
		t.Fatal(err)
	}
	s = open(t, db)
	if got, err := s.Subscription(ctx, sub.ID); err != nil || got.ID != sub.ID {
		t.Errorf("after restoring the version: %+v, %v", got, err)
	}
}

// PostgresEnv names the environment variable holding the DSN of a
// PostgreSQL database the tests may use.
const PostgresEnv = "NINEBRIDGES_TEST_POSTGRES"

// PostgresBaseDSN returns $NINEBRIDGES_TEST_POSTGRES, or skips t without
// it.
func PostgresBaseDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skip("set " + PostgresEnv + "=postgres://... to run the PostgreSQL contract tests (see .ci/postgres.sh)")
	}
	return base
}

// PostgresDSN returns a DSN for a fresh schema in the database named by
// $NINEBRIDGES_TEST_POSTGRES, dropped when t ends, or skips t without that
// variable. Each test has its own schema (search_path), so tests run in
// parallel and again without interfering.
func PostgresDSN(t *testing.T) string {
	t.Helper()
	base := PostgresBaseDSN(t)
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL", PostgresEnv)
	}
	var b [8]byte
	rand.Read(b[:])
	schema := "nbtest_" + hex.EncodeToString(b[:])

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		// t.Context() is already canceled when cleanups run.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// PostgresExec runs sql on the database at dsn.
func PostgresExec(ctx context.Context, dsn, sql string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}
