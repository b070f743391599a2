package store_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/store"
)

func TestNonce(t *testing.T) {
	n := store.Nonce(42, "2025-05-01")
	if n != store.Nonce(42, "2025-05-01") || n != store.MessageNonce(42, "2025-05-01", 0) {
		t.Errorf("Nonce is not deterministic")
	}
	if len(n) > store.NonceMaxLen || !strings.HasPrefix(n, "nb") {
		t.Errorf("Nonce = %q: want nb..., at most %d characters", n, store.NonceMaxLen)
	}
	seen := map[string]string{}
	for _, c := range []struct {
		id   int64
		date string
		part int
	}{
		{42, "2025-05-01", 0}, {42, "2025-05-02", 0}, {43, "2025-05-01", 0}, {4, "22025-05-01", 0},
		{42, "2025-05-01", 1}, {42, "2025-05-01", 2}, {1, "2025-05-01", 0}, {11, "2025-05-01", 0},
	} {
		n := store.MessageNonce(c.id, c.date, c.part)
		key := fmt.Sprintf("%d/%s/%d", c.id, c.date, c.part)
		if prev, ok := seen[n]; ok {
			t.Errorf("nonce %s for both %s and %s", n, prev, key)
		}
		seen[n] = key
		if len(n) > store.NonceMaxLen {
			t.Errorf("MessageNonce(%d, %s, %d) = %q: too long", c.id, c.date, c.part, n)
		}
	}
}

func TestNormalize(t *testing.T) {
	s := store.Subscription{
		GuildID: "g", ChannelID: "c", Hour: 23, Minute: 59, TimeZone: "UTC", Lang: "en",
		Kinds: []store.Kind{store.KindWeeklyTimeline, store.KindOnThisDay, store.KindWeeklyTimeline},
	}
	if err := s.Normalize(); err != nil {
		t.Fatal(err)
	}
	if want := []store.Kind{store.KindOnThisDay, store.KindWeeklyTimeline}; !reflect.DeepEqual(s.Kinds, want) {
		t.Errorf("Kinds = %v, want %v", s.Kinds, want)
	}
	if !s.Has(store.KindOnThisDay) || s.Has(store.KindAnniversaries) {
		t.Errorf("Has: wrong")
	}
	s.Kinds = []store.Kind{"On-This-Day"}
	if err := s.Normalize(); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Normalize(unknown kind) = %v, want ErrInvalid", err)
	}
}

func TestParseLocalDate(t *testing.T) {
	for _, s := range []string{"2025-05-01", "2024-02-29", "0001-01-01"} {
		if _, err := store.ParseLocalDate(s); err != nil {
			t.Errorf("ParseLocalDate(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "2025-5-1", "2025-02-29", "2025-05-01T00:00:00Z", " 2025-05-01", "20250501"} {
		if _, err := store.ParseLocalDate(s); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("ParseLocalDate(%q) = %v, want ErrInvalid", s, err)
		}
	}
}

func TestSchemaTooNewError(t *testing.T) {
	err := &store.SchemaTooNewError{Database: 7, Supported: 3}
	if want := "database schema version 7 is newer than this binary supports (3); upgrade ninebridges"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
}

// A health reason is one of the fixed sentences, never the error's details.
func TestHealthReason(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("postgres: %w: dial tcp db.internal:5432 user=bot: connection refused", store.ErrUnreachable), "database unreachable"},
		{fmt.Errorf("sqlite: %w: stat /data/ninebridges.db: no such file", store.ErrFileMissing), "database file missing"},
		{errors.New("pq: password authentication failed for user \"bot\""), "database unavailable"},
	} {
		if got := store.HealthReason(c.err); got != c.want {
			t.Errorf("HealthReason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
