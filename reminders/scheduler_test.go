package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zoneinfo

	"github.com/bwmarrin/discordgo"
	"github.com/robfig/cron/v3"

	"github.com/ninebridges/ninebridges/bot"
	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/postgres"
	"github.com/ninebridges/ninebridges/store/sqlite"
	"github.com/ninebridges/ninebridges/store/storetest"
)

// testClock is the injected clock: deliveries and catch-up read it, and
// tests move it.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// backend opens stores on one database, as separate processes would.
type backend struct {
	name string
	open func(t *testing.T) store.Store
}

// eachBackend runs fn against a fresh SQLite file and, when
// NINEBRIDGES_TEST_POSTGRES names a server, a fresh PostgreSQL schema.
func eachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "ninebridges.db")
		fn(t, backend{"sqlite", func(t *testing.T) store.Store {
			t.Helper()
			st, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := storetest.PostgresDSN(t) // skips, saying how to run it, without a server
		fn(t, backend{"postgres", func(t *testing.T) store.Store {
			t.Helper()
			st, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}})
	})
}

func sqliteStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ninebridges.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newTestScheduler is a scheduler for shard shardID of shardCount with its
// subscriptions loaded, but neither cron nor the catch-up loop running:
// the test drives runDue (a cron firing) and catchUp with the clock.
func newTestScheduler(t *testing.T, srv *discordtest.Server, st store.Store, clk *testClock, shardID, shardCount int, owner string) *Scheduler {
	t.Helper()
	b, _ := embedded(t)
	s, err := NewScheduler(ScheduleConfig{
		Store: st, Base: b, Now: clk.Now, Owner: owner,
		Backoff: time.Millisecond, Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.attach(bot.NewOut(srv.NewSession(t)), shardID, shardCount); err != nil {
		t.Fatal(err)
	}
	if err := s.reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// subscribe saves a subscription that posts every day: NextIfEmpty makes
// even a quiet day have something to post.
func subscribe(t *testing.T, st store.Store, guild, channel, zone string, hour, minute int) store.Subscription {
	t.Helper()
	sub, err := st.SaveSubscription(context.Background(), store.Subscription{
		GuildID: guild, ChannelID: channel, Hour: hour, Minute: minute, TimeZone: zone, Lang: "en",
		Kinds: store.AllKinds(), NextIfEmpty: true, CreatedBy: discordtest.DefaultUserID,
	})
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func posts(srv *discordtest.Server, channel string) []*discordgo.Message {
	return srv.Messages(channel)
}

func postCalls(srv *discordtest.Server, channel string) int {
	return len(srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/"+channel+"/messages")))
}

func delivery(t *testing.T, st store.Store, sub store.Subscription, day string) store.Delivery {
	t.Helper()
	d, err := st.Delivery(context.Background(), sub.ID, day)
	if err != nil {
		t.Fatalf("delivery %d/%s: %v", sub.ID, day, err)
	}
	return d
}

func wantPosts(t *testing.T, srv *discordtest.Server, channel string, n int, when string) []*discordgo.Message {
	t.Helper()
	got := posts(srv, channel)
	if len(got) != n {
		t.Fatalf("%s: %d messages in %s, want %d", when, len(got), channel, n)
	}
	return got
}

const (
	guild   = discordtest.DefaultGuildID
	channel = discordtest.DefaultChannelID
)

// TestCronTiming checks when cron fires a subscription's entry, through
// the same spec the scheduler registers: at the local time in each zone,
// skipping a time that a daylight-saving change skips and firing twice in
// the repeated hour (the delivery log turns both into one post: see
// TestDaylightSaving).
func TestCronTiming(t *testing.T) {
	tests := []struct {
		name       string
		zone       string
		hour, min  int
		from       string
		want       []string
		wantSpecTZ string
	}{
		{"Seoul 09:00", "Asia/Seoul", 9, 0, "2026-11-18T12:00:00Z",
			[]string{"2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z"}, "CRON_TZ=Asia/Seoul 0 9 * * *"},
		{"Moscow 09:00", "Europe/Moscow", 9, 0, "2026-11-18T12:00:00Z",
			[]string{"2026-11-19T06:00:00Z", "2026-11-20T06:00:00Z"}, "CRON_TZ=Europe/Moscow 0 9 * * *"},
		{"New York 09:00 across spring forward", "America/New_York", 9, 0, "2026-03-07T12:00:00Z",
			[]string{"2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z", "2026-03-09T13:00:00Z"}, ""},
		{"New York 09:00 across fall back", "America/New_York", 9, 0, "2026-10-31T12:00:00Z",
			[]string{"2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z"}, ""},
		// 02:30 does not exist on 8 March 2026 in New York: cron skips the
		// day, and the catch-up posts it when the clock jumps.
		{"New York 02:30 in the spring gap", "America/New_York", 2, 30, "2026-03-07T08:00:00Z",
			[]string{"2026-03-09T06:30:00Z"}, "CRON_TZ=America/New_York 30 2 * * *"},
		// 01:30 happens twice on 1 November 2026: cron fires at both.
		{"New York 01:30 in the repeated hour", "America/New_York", 1, 30, "2026-11-01T04:00:00Z",
			[]string{"2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec, loc, err := cronSpec(store.Subscription{TimeZone: tt.zone, Hour: tt.hour, Minute: tt.min})
			if err != nil || loc == nil {
				t.Fatalf("cronSpec: %v", err)
			}
			if tt.wantSpecTZ != "" && spec != tt.wantSpecTZ {
				t.Errorf("spec %q, want %q", spec, tt.wantSpecTZ)
			}
			sched, err := cron.ParseStandard(spec)
			if err != nil {
				t.Fatal(err)
			}
			at := utc(tt.from)
			for _, w := range tt.want {
				at = sched.Next(at)
				if !at.Equal(utc(w)) {
					t.Fatalf("next firing %s, want %s", at.UTC().Format(time.RFC3339), w)
				}
			}
		})
	}
}

func TestCronSpecRejectsBadZones(t *testing.T) {
	for _, z := range []string{"", "Local", "local", "Mars/Olympus", "Asia/Seoul 0 0 * * *", "TZ=UTC", "Asia/Seoul\t", "../zoneinfo/UTC"} {
		if spec, _, err := cronSpec(store.Subscription{TimeZone: z, Hour: 9}); err == nil {
			t.Errorf("cronSpec(zone %q) = %q, want an error", z, spec)
		}
	}
	for _, hm := range [][2]int{{24, 0}, {-1, 0}, {9, 60}} {
		if _, _, err := cronSpec(store.Subscription{TimeZone: "UTC", Hour: hm[0], Minute: hm[1]}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("cronSpec(%v) error = %v", hm, err)
		}
	}
	// Why the zone is checked before cron sees it: v3.0.1 panics on a
	// CRON_TZ= without the rest of the spec.
	func() {
		defer func() {
			if recover() == nil {
				t.Log("cron no longer panics on a bare CRON_TZ= (the validation is still wanted)")
			}
		}()
		cron.ParseStandard("CRON_TZ=Asia/Seoul")
	}()
}

// TestJobChain pins the order of the chain: Recover inside
// SkipIfStillRunning, so a job that panics once runs again next time.
func TestJobChain(t *testing.T) {
	count := func(wrappers ...cron.JobWrapper) int {
		n := 0
		job := cron.NewChain(wrappers...).Then(cron.FuncJob(func() {
			n++
			if n == 1 {
				panic("first run fails")
			}
		}))
		for range 3 {
			func() {
				defer func() { recover() }() // the wrong order lets the panic out
				job.Run()
			}()
		}
		return n
	}
	l := cronLogger{slog.New(slog.DiscardHandler)}
	if n := count(jobChain(l)...); n != 3 {
		t.Errorf("with the scheduler's chain the job ran %d times in 3 firings, want 3", n)
	}
	// The sharp edge avoided: Recover outside SkipIfStillRunning leaves
	// every run after a panic skipped.
	if n := count(cron.Recover(l), cron.SkipIfStillRunning(l)); n != 1 {
		t.Logf("Recover outside SkipIfStillRunning ran %d times; cron may have fixed it", n)
	}
}

// TestPostsAtTheRightInstant drives the scheduler with the clock at cron's
// firing instant for each zone: nothing before it, one post at it, and
// nothing more after, whether cron fires or catch-up passes run.
func TestPostsAtTheRightInstant(t *testing.T) {
	tests := []struct {
		name      string
		zone      string
		hour, min int
		from      string // cron's next firing after this is the instant
		localDate string
		content   string
	}{
		{"Seoul", "Asia/Seoul", 9, 0, "2026-11-18T12:00:00Z", "2026-11-19", "On this day: 19 November"},
		{"Moscow", "Europe/Moscow", 9, 0, "2026-11-18T12:00:00Z", "2026-11-19", "On this day: 19 November"},
		{"Seoul just after midnight UTC is the next day", "Asia/Seoul", 8, 0, "2026-11-07T12:00:00Z", "2026-11-08", "On this day: 8 November"},
		{"New York on the day clocks spring forward", "America/New_York", 9, 0, "2026-03-08T00:00:00Z", "2026-03-08", "On this day: 8 March"},
		{"New York on the day clocks fall back", "America/New_York", 9, 0, "2026-11-01T00:00:00Z", "2026-11-01", "On this day: 1 November"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := discordtest.NewServer(t)
			st := sqliteStore(t)
			sub := subscribe(t, st, guild, channel, tt.zone, tt.hour, tt.min)
			clk := &testClock{}
			s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")

			spec, _, _ := cronSpec(sub)
			sched, _ := cron.ParseStandard(spec)
			instant := sched.Next(utc(tt.from))
			ctx := context.Background()

			clk.Set(instant.Add(-time.Minute))
			s.catchUp(ctx)
			wantPosts(t, srv, channel, 0, "a minute early")

			clk.Set(instant)
			s.runDue(sub.ID) // cron fires
			msgs := wantPosts(t, srv, channel, 1, "at the instant")
			if len(msgs[0].Embeds) == 0 || msgs[0].Embeds[0].Title != tt.content {
				t.Errorf("post: %+v", msgs[0].Embeds)
			}
			d := delivery(t, st, sub, tt.localDate)
			if d.State != store.DeliverySent || d.MessageID != msgs[0].ID || d.Nonce != store.Nonce(sub.ID, tt.localDate) {
				t.Errorf("delivery %+v", d)
			}

			clk.Set(instant.Add(time.Minute))
			s.catchUp(ctx)
			s.runDue(sub.ID)
			wantPosts(t, srv, channel, 1, "after")
			if n := postCalls(srv, channel); n != 1 {
				t.Errorf("%d sends, want 1", n)
			}
		})
	}
}

func TestDaylightSaving(t *testing.T) {
	ctx := context.Background()
	t.Run("spring gap: cron skips, catch-up posts once when the clock jumps", func(t *testing.T) {
		srv := discordtest.NewServer(t)
		st := sqliteStore(t)
		sub := subscribe(t, st, guild, channel, "America/New_York", 2, 30)
		clk := &testClock{}
		s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
		clk.Set(utc("2026-03-08T06:59:00Z")) // 01:59 EST
		s.catchUp(ctx)
		wantPosts(t, srv, channel, 0, "before the jump")
		clk.Set(utc("2026-03-08T07:00:00Z")) // 03:00 EDT: 02:30 has passed
		s.catchUp(ctx)
		wantPosts(t, srv, channel, 1, "at the jump")
		clk.Set(utc("2026-03-08T07:01:00Z"))
		s.catchUp(ctx)
		wantPosts(t, srv, channel, 1, "after the jump")
		if d := delivery(t, st, sub, "2026-03-08"); d.State != store.DeliverySent {
			t.Errorf("delivery %+v", d)
		}
		// The next day cron's firing is the one that posts.
		clk.Set(utc("2026-03-09T06:30:00Z"))
		s.runDue(sub.ID)
		wantPosts(t, srv, channel, 2, "the next day")
	})
	t.Run("repeated hour: cron fires twice, one post", func(t *testing.T) {
		srv := discordtest.NewServer(t)
		st := sqliteStore(t)
		sub := subscribe(t, st, guild, channel, "America/New_York", 1, 30)
		clk := &testClock{}
		s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
		clk.Set(utc("2026-11-01T05:30:00Z")) // 01:30 EDT
		s.runDue(sub.ID)
		wantPosts(t, srv, channel, 1, "first 01:30")
		clk.Set(utc("2026-11-01T06:30:00Z")) // 01:30 EST
		s.runDue(sub.ID)
		s.catchUp(ctx)
		wantPosts(t, srv, channel, 1, "second 01:30")
		if n := postCalls(srv, channel); n != 1 {
			t.Errorf("%d sends, want 1", n)
		}
	})
}

// TestRestartCatchesUpOnce: a post due while the process was down is sent
// on start, once, if its local day has not ended; a day that has ended is
// never replayed.
func TestRestartCatchesUpOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		srv := discordtest.NewServer(t)
		ctx := context.Background()
		clk := &testClock{}
		st := b.open(t)
		sub := subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)

		// Up at 08:00 KST, then down before 09:00.
		clk.Set(utc("2026-11-18T23:00:00Z"))
		newTestScheduler(t, srv, st, clk, 0, 1, "run-1").catchUp(ctx)
		st.Close()
		wantPosts(t, srv, channel, 0, "before 09:00")

		// Back at 11:00 KST: Start's first pass catches up.
		clk.Set(utc("2026-11-19T02:00:00Z"))
		st2 := b.open(t)
		s2 := startScheduler(t, srv, st2, clk, "run-2")
		if _, err := srv.WaitMessages(ctxT(t), channel, 1); err != nil {
			t.Fatal(err)
		}
		s2.Stop()
		if d := delivery(t, st2, sub, "2026-11-19"); d.State != store.DeliverySent || d.ClaimedBy != "run-2" {
			t.Errorf("delivery %+v", d)
		}

		// Restarted again at noon: nothing more.
		clk.Set(utc("2026-11-19T03:00:00Z"))
		s3 := newTestScheduler(t, srv, b.open(t), clk, 0, 1, "run-3")
		s3.catchUp(ctx)
		wantPosts(t, srv, channel, 1, "after a second restart")

		// Down all of 20 November, up on the 21st at 08:00 KST: the 20th is
		// gone for good and the 21st is not due yet…
		clk.Set(utc("2026-11-20T23:00:00Z"))
		s4 := newTestScheduler(t, srv, b.open(t), clk, 0, 1, "run-4")
		s4.catchUp(ctx)
		wantPosts(t, srv, channel, 1, "the next day before 09:00")
		if _, err := st2.Delivery(ctx, sub.ID, "2026-11-20"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the missed day was replayed: %v", err)
		}
		// …until 09:00.
		clk.Set(utc("2026-11-21T00:00:00Z"))
		s4.catchUp(ctx)
		wantPosts(t, srv, channel, 2, "the 21st at 09:00")
	})
}

// startScheduler runs the real Start: cron, and the catch-up loop whose
// first pass runs at once.
func startScheduler(t *testing.T, srv *discordtest.Server, st store.Store, clk *testClock, owner string) *Scheduler {
	t.Helper()
	b, _ := embedded(t)
	s, err := NewScheduler(ScheduleConfig{Store: st, Base: b, Now: clk.Now, Owner: owner, Backoff: time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(ctxT(t), bot.NewOut(srv.NewSession(t)), 0, 1); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// crashingStore loses MarkSent, as a process killed between sending and
// recording would.
type crashingStore struct{ store.Store }

func (crashingStore) MarkSent(context.Context, int64, string, string, time.Time) error {
	return errors.New("killed before recording")
}

// crash is a process that posted 19 November's message in Moscow and was
// killed before recording it.
type crash struct {
	clk  *testClock
	st   store.Store
	sub  store.Subscription
	at   time.Time
	sent []*discordgo.Message
}

func crashAfterSending(t *testing.T, srv *discordtest.Server, b backend) crash {
	t.Helper()
	c := crash{clk: &testClock{}, st: b.open(t), at: utc("2026-11-19T06:00:00Z")}
	c.sub = subscribe(t, c.st, guild, channel, "Europe/Moscow", 9, 0)
	c.clk.Set(c.at)
	crashed := newTestScheduler(t, srv, crashingStore{c.st}, c.clk, 0, 1, "crashed")
	crashed.runDue(c.sub.ID)
	c.sent = wantPosts(t, srv, channel, 1, "the crashed run")
	if d := delivery(t, c.st, c.sub, "2026-11-19"); d.State != store.DeliveryPending {
		t.Fatalf("delivery %+v, want pending", d)
	}
	return c
}

func TestCrashAfterSendingBeforeRecording(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		srv := discordtest.NewServer(t)
		ctx := context.Background()
		c := crashAfterSending(t, srv, b)
		clk, st, sub, at, sent := c.clk, c.st, c.sub, c.at, c.sent

		// The restarted process waits for the crashed one's lease…
		restarted := newTestScheduler(t, srv, b.open(t), clk, 0, 1, "restarted")
		clk.Set(at.Add(30 * time.Second))
		restarted.catchUp(ctx)
		if n := postCalls(srv, channel); n != 1 {
			t.Fatalf("%d sends while the lease held, want 1", n)
		}
		// …then, unable to read the channel's history (no Read Message
		// History), resends with the same nonce: Discord returns the
		// message that went out, and the delivery is recorded.
		srv.InjectFault(discordtest.Fault{Method: "GET", PathPrefix: "/channels/" + channel + "/messages", Status: 403, Times: 1})
		clk.Set(at.Add(2 * time.Minute))
		restarted.catchUp(ctx)
		wantPosts(t, srv, channel, 1, "after the resend")
		if n := postCalls(srv, channel); n != 2 {
			t.Errorf("%d sends, want 2 (the lost one and the resend)", n)
		}
		d := delivery(t, st, sub, "2026-11-19")
		if d.State != store.DeliverySent || d.MessageID != sent[0].ID || d.Attempts != 2 || d.ClaimedBy != "restarted" {
			t.Errorf("delivery %+v, want sent as message %s after 2 attempts", d, sent[0].ID)
		}
	})
}

// A process that crashed between sending and recording, and stayed down
// longer than Discord remembers nonces, finds its post in the channel on
// its return instead of posting the day again.
func TestCrashDownPastTheNonceWindow(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		// The window has passed by the time anyone resends.
		srv := discordtest.NewServer(t, discordtest.WithNonceWindow(time.Nanosecond))
		ctx := context.Background()
		c := crashAfterSending(t, srv, b)
		clk, st, sub, at, sent := c.clk, c.st, c.sub, c.at, c.sent
		// Others talk in the channel meanwhile.
		for k := range 3 {
			srv.SendMessage(&discordgo.Message{ChannelID: channel, Content: fmt.Sprint("hello ", k), Author: &discordgo.User{ID: "77"}})
		}

		clk.Set(at.Add(3 * time.Hour))
		restarted := newTestScheduler(t, srv, b.open(t), clk, 0, 1, "restarted")
		restarted.catchUp(ctx)
		if n := postCalls(srv, channel); n != 1 {
			t.Errorf("%d sends, want 1: the day was posted again", n)
		}
		d := delivery(t, st, sub, "2026-11-19")
		if d.State != store.DeliverySent || d.MessageID != sent[0].ID {
			t.Errorf("delivery %+v, want sent as message %s", d, sent[0].ID)
		}
	})
}

func TestLostResponseIsNotDuplicated(t *testing.T) {
	srv := discordtest.NewServer(t)
	st := sqliteStore(t)
	sub := subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)
	clk := &testClock{t: utc("2026-11-19T00:00:00Z")}
	s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
	// The message is created, but the answer is a 500: the retry with
	// the same nonce gets the same message back.
	srv.InjectFault(discordtest.Fault{Method: "POST", PathPrefix: "/channels/" + channel + "/messages", Status: 500, AfterHandling: true})
	s.runDue(sub.ID)
	msgs := wantPosts(t, srv, channel, 1, "after the retry")
	if d := delivery(t, st, sub, "2026-11-19"); d.State != store.DeliverySent || d.MessageID != msgs[0].ID {
		t.Errorf("delivery %+v", d)
	}
	if n := postCalls(srv, channel); n != 2 {
		t.Errorf("%d sends, want 2", n)
	}
	// What went over the wire: the nonce, enforced, and no pings.
	call := srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/"+channel+"/messages"))[1]
	var body struct {
		Nonce           string `json:"nonce"`
		EnforceNonce    bool   `json:"enforce_nonce"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Embeds []discordgo.MessageEmbed `json:"embeds"`
	}
	if err := call.Decode(&body); err != nil {
		t.Fatal(err)
	}
	if body.Nonce != store.Nonce(sub.ID, "2026-11-19") || !body.EnforceNonce || body.AllowedMentions == nil ||
		body.AllowedMentions.Parse == nil || len(body.AllowedMentions.Parse) != 0 || len(body.Embeds) == 0 {
		t.Errorf("body: %s", call.Body)
	}
}

func TestChannelGonePausesTheSubscription(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(srv *discordtest.Server)
		reason string
	}{
		{"deleted", func(srv *discordtest.Server) { srv.DeleteChannel(channel) }, "(404)"},
		{"no access", func(srv *discordtest.Server) { srv.DenyChannel(channel) }, "(403)"},
		{"may not send", func(srv *discordtest.Server) { srv.DenySend(channel) }, "(403)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := discordtest.NewServer(t)
			st := sqliteStore(t)
			sub := subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)
			clk := &testClock{t: utc("2026-11-19T00:00:00Z")}
			s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
			tt.break_(srv)
			s.runDue(sub.ID)

			got, err := st.Subscription(context.Background(), sub.ID)
			if err != nil || !got.Disabled || !strings.Contains(got.DisabledReason, tt.reason) {
				t.Errorf("subscription %+v, %v; want disabled with %q", got, err, tt.reason)
			}
			if d := delivery(t, st, sub, "2026-11-19"); d.State != store.DeliveryFailed {
				t.Errorf("delivery %+v, want failed", d)
			}
			if s.entryOf(sub.ID) != nil {
				t.Error("still scheduled")
			}
			// No retries, today or later.
			clk.Set(utc("2026-11-20T00:00:00Z"))
			s.runDue(sub.ID)
			s.catchUp(context.Background())
			if n := postCalls(srv, channel); n != 1 {
				t.Errorf("%d sends, want 1", n)
			}
			// The member who set it up is told.
			dms := srv.Messages(srv.DMChannel(discordtest.DefaultUserID))
			if len(dms) != 1 || !strings.Contains(dms[0].Content, "<#"+channel+">") || !strings.Contains(dms[0].Content, "/reminders subscribe") {
				t.Errorf("DMs: %+v", dms)
			}
		})
	}
}

func TestTransientErrorsAreRetried(t *testing.T) {
	tests := []struct {
		name      string
		fault     discordtest.Fault
		wantCalls int
	}{
		{"500", discordtest.Fault{Status: 500}, 2},
		{"503 twice", discordtest.Fault{Status: 503, Times: 2}, 3},
		{"429", discordtest.Fault{Status: 429, RetryAfter: 20 * time.Millisecond}, 2},
		{"401 is not the channel's fault", discordtest.Fault{Status: 401}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := discordtest.NewServer(t)
			st := sqliteStore(t)
			sub := subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)
			clk := &testClock{t: utc("2026-11-19T00:00:00Z")}
			s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
			f := tt.fault
			f.Method, f.PathPrefix = "POST", "/channels/"+channel+"/messages"
			srv.InjectFault(f)
			s.runDue(sub.ID)
			wantPosts(t, srv, channel, 1, "after retrying")
			if n := postCalls(srv, channel); n != tt.wantCalls {
				t.Errorf("%d sends, want %d", n, tt.wantCalls)
			}
			if d := delivery(t, st, sub, "2026-11-19"); d.State != store.DeliverySent {
				t.Errorf("delivery %+v", d)
			}
		})
	}

	t.Run("an outage outlasting the retries is retried after the lease", func(t *testing.T) {
		srv := discordtest.NewServer(t)
		st := sqliteStore(t)
		sub := subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)
		at := utc("2026-11-19T00:00:00Z")
		clk := &testClock{t: at}
		s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
		srv.InjectFault(discordtest.Fault{Method: "POST", PathPrefix: "/channels/" + channel + "/messages", Status: 503, Times: 4})
		s.runDue(sub.ID)
		wantPosts(t, srv, channel, 0, "during the outage")
		if got, _ := st.Subscription(context.Background(), sub.ID); got.Disabled {
			t.Error("an outage disabled the subscription")
		}
		if d := delivery(t, st, sub, "2026-11-19"); d.State != store.DeliveryPending {
			t.Errorf("delivery %+v, want pending", d)
		}
		clk.Set(at.Add(3 * time.Minute))
		s.catchUp(context.Background())
		wantPosts(t, srv, channel, 1, "once the lease ran out")
	})
}

// TestShardsShareOneDatabase runs two shard processes on one database:
// each schedules only its own guilds, and racing passes never post twice.
// On SQLite the processes share a file; on PostgreSQL a schema (skipped
// without NINEBRIDGES_TEST_POSTGRES).
func TestShardsShareOneDatabase(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		var guilds []string
		for k := range 6 {
			guilds = append(guilds, strconv.FormatUint(uint64(1000+k)<<22, 10))
		}
		srv := discordtest.NewServer(t, discordtest.WithGuildIDs(guilds...))
		chanOf := func(g string) string { n, _ := strconv.ParseUint(g, 10, 64); return strconv.FormatUint(n+1, 10) }
		setup := b.open(t)
		var subs []store.Subscription
		for _, g := range guilds {
			subs = append(subs, subscribe(t, setup, g, chanOf(g), "Asia/Seoul", 9, 0))
		}
		clk := &testClock{t: utc("2026-11-19T00:00:00Z")}
		shards := []*Scheduler{
			newTestScheduler(t, srv, b.open(t), clk, 0, 2, "shard-0"),
			newTestScheduler(t, srv, b.open(t), clk, 1, 2, "shard-1"),
		}
		for i, s := range shards {
			for _, sub := range subs {
				mine := discordtest.ShardOf(sub.GuildID, 2) == i
				if (s.entryOf(sub.ID) != nil) != mine {
					t.Errorf("shard %d schedules guild %s: %v, want %v", i, sub.GuildID, !mine, mine)
				}
			}
		}
		race(t, shards)
		for _, sub := range subs {
			wantPosts(t, srv, sub.ChannelID, 1, "guild "+sub.GuildID)
			want := fmt.Sprintf("shard-%d", discordtest.ShardOf(sub.GuildID, 2))
			if d := delivery(t, setup, sub, "2026-11-19"); d.ClaimedBy != want || d.State != store.DeliverySent {
				t.Errorf("guild %s: delivery %+v, want sent by %s", sub.GuildID, d, want)
			}
		}

		// Two processes misconfigured as the same shard: the database
		// still lets only one of them post each day.
		clk.Set(utc("2026-11-20T00:00:00Z"))
		twins := []*Scheduler{
			newTestScheduler(t, srv, b.open(t), clk, 0, 1, "twin-a"),
			newTestScheduler(t, srv, b.open(t), clk, 0, 1, "twin-b"),
		}
		race(t, twins)
		for _, sub := range subs {
			wantPosts(t, srv, sub.ChannelID, 2, "twins, guild "+sub.GuildID)
		}
	})
}

// race runs cron firings and catch-up passes of every scheduler at once.
func race(t *testing.T, scheds []*Scheduler) {
	t.Helper()
	var wg sync.WaitGroup
	for _, s := range scheds {
		s.mu.Lock()
		var ids []int64
		for id := range s.entries {
			ids = append(ids, id)
		}
		s.mu.Unlock()
		for range 2 {
			wg.Go(func() { s.catchUp(context.Background()) })
			for _, id := range ids {
				wg.Go(func() { s.runDue(id) })
			}
		}
	}
	wg.Wait()
}

func TestSubscriptionsSurviveARestart(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		srv := discordtest.NewServer(t)
		clk := &testClock{t: utc("2026-11-19T00:00:00Z")}
		st := b.open(t)
		seoul := subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)
		ny := subscribe(t, st, guild, "1300000000000000102", "America/New_York", 7, 45)
		st.Close()

		s := newTestScheduler(t, srv, b.open(t), clk, 0, 1, "p1")
		for _, tt := range []struct {
			sub  store.Subscription
			spec string
		}{{seoul, "CRON_TZ=Asia/Seoul 0 9 * * *"}, {ny, "CRON_TZ=America/New_York 45 7 * * *"}} {
			e := s.entryOf(tt.sub.ID)
			if e == nil || e.spec != tt.spec || e.sub.ChannelID != tt.sub.ChannelID {
				t.Errorf("after the restart: %+v, want %s", e, tt.spec)
			}
		}
	})
}

func TestSubscriptionChangesTakeEffect(t *testing.T) {
	srv := discordtest.NewServer(t)
	st := sqliteStore(t)
	ctx := context.Background()
	clk := &testClock{t: utc("2026-11-19T01:00:00Z")} // 10:00 KST
	s := newTestScheduler(t, srv, st, clk, 0, 2, "p1")
	shard0 := strconv.FormatUint(1000<<22, 10)
	shard1 := strconv.FormatUint(1001<<22, 10)

	// Subscribed at 10:00 KST to 09:00: today is skipped, not caught up.
	sub := subscribe(t, st, shard0, "1300000000000000500", "Asia/Seoul", 9, 0)
	s.SubscriptionChanged(ctx, sub)
	if e := s.entryOf(sub.ID); e == nil || e.spec != "CRON_TZ=Asia/Seoul 0 9 * * *" {
		t.Fatalf("entry %+v", e)
	}
	s.catchUp(ctx)
	wantPosts(t, srv, sub.ChannelID, 0, "right after subscribing past the time")
	if d := delivery(t, st, sub, "2026-11-19"); d.State != store.DeliveryFailed || !strings.Contains(d.Error, "skipped") {
		t.Errorf("today's delivery %+v, want skipped", d)
	}
	// Moved to 11:00: due later today after all? No: today is settled.
	sub.Hour = 11
	saved, _ := st.SaveSubscription(ctx, sub)
	s.SubscriptionChanged(ctx, saved)
	if e := s.entryOf(sub.ID); e.spec != "CRON_TZ=Asia/Seoul 0 11 * * *" {
		t.Errorf("spec after the change %q", e.spec)
	}
	clk.Set(utc("2026-11-19T02:00:00Z"))
	s.catchUp(ctx)
	wantPosts(t, srv, sub.ChannelID, 0, "today, once settled")
	// Tomorrow at 11:00 it posts.
	clk.Set(utc("2026-11-20T02:00:00Z"))
	s.runDue(sub.ID)
	wantPosts(t, srv, sub.ChannelID, 1, "tomorrow")

	// Subscribing before the day's time posts today.
	early := subscribe(t, st, shard0, "1300000000000000501", "Europe/Moscow", 9, 0)
	s.SubscriptionChanged(ctx, early) // 05:00 MSK
	clk.Set(utc("2026-11-20T06:00:00Z"))
	s.catchUp(ctx)
	wantPosts(t, srv, early.ChannelID, 1, "subscribed before the time")

	// Another shard's guild is not this process's to post.
	other := subscribe(t, st, shard1, "1300000000000000502", "Asia/Seoul", 9, 0)
	s.SubscriptionChanged(ctx, other)
	if s.entryOf(other.ID) != nil {
		t.Error("scheduled a guild of another shard")
	}
	// Removed and disabled subscriptions stop.
	s.SubscriptionRemoved(ctx, early)
	if s.entryOf(early.ID) != nil {
		t.Error("removed subscription still scheduled")
	}
	sub.Disabled = true
	s.SubscriptionChanged(ctx, sub)
	if s.entryOf(sub.ID) != nil {
		t.Error("disabled subscription still scheduled")
	}
	// A reload picks up what another process changed: here, a re-enable.
	sub.Disabled = false
	if _, err := st.SaveSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if err := s.reload(ctx); err != nil {
		t.Fatal(err)
	}
	if s.entryOf(sub.ID) == nil || s.entryOf(early.ID) == nil {
		t.Error("reload did not schedule the store's active subscriptions")
	}
}

func TestQuietDayPostsNothing(t *testing.T) {
	srv := discordtest.NewServer(t)
	st := sqliteStore(t)
	sub, err := st.SaveSubscription(context.Background(), store.Subscription{
		GuildID: guild, ChannelID: channel, Hour: 9, TimeZone: "Asia/Seoul", Lang: "ko", Kinds: store.AllKinds(),
	})
	if err != nil {
		t.Fatal(err)
	}
	clk := &testClock{t: utc("2026-11-20T00:00:00Z")} // a Friday with nothing on it
	s := newTestScheduler(t, srv, st, clk, 0, 1, "p1")
	s.runDue(sub.ID)
	s.catchUp(context.Background())
	if n := postCalls(srv, channel); n != 0 {
		t.Errorf("%d sends on a quiet day", n)
	}
}

func TestOwnsGuild(t *testing.T) {
	tests := []struct {
		guild         string
		shard, shards int
		want          bool
	}{
		{strconv.FormatUint(1000<<22, 10), 0, 2, true},
		{strconv.FormatUint(1001<<22, 10), 0, 2, false},
		{strconv.FormatUint(1001<<22, 10), 1, 2, true},
		{discordtest.DefaultGuildID, 0, 1, true},
		{"not-a-snowflake", 0, 1, false},
		{discordtest.DefaultGuildID, 0, 0, false},
	}
	for _, tt := range tests {
		if got := ownsGuild(tt.guild, tt.shard, tt.shards); got != tt.want {
			t.Errorf("ownsGuild(%s, %d, %d) = %v", tt.guild, tt.shard, tt.shards, got)
		}
		if n, err := strconv.ParseUint(tt.guild, 10, 64); err == nil && tt.shards > 0 {
			if fake := discordtest.ShardOf(tt.guild, tt.shards) == tt.shard; fake != tt.want {
				t.Errorf("the fake Discord disagrees on %d", n)
			}
		}
	}
}

func TestBotPermissions(t *testing.T) {
	b, _ := embedded(t)
	s, _ := NewScheduler(ScheduleConfig{Store: sqliteStore(t), Base: b})
	if _, known := s.BotPermissions(context.Background(), guild, channel); known {
		t.Error("known before the scheduler has a session")
	}
	sess, _ := discordgo.New("Bot x")
	sess.State.User = &discordgo.User{ID: "42"}
	everyone := &discordgo.Role{ID: guild, Permissions: discordgo.PermissionViewChannel}
	g := &discordgo.Guild{ID: guild, OwnerID: "1", Roles: []*discordgo.Role{everyone, {ID: "7", Permissions: discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks}}}
	sess.State.GuildAdd(g)
	sess.State.GuildAdd(&discordgo.Guild{ID: "999"})
	sess.State.ChannelAdd(&discordgo.Channel{ID: channel, GuildID: guild, Type: discordgo.ChannelTypeGuildText})
	sess.State.ChannelAdd(&discordgo.Channel{ID: "555", GuildID: "999", Type: discordgo.ChannelTypeGuildText})
	sess.State.MemberAdd(&discordgo.Member{GuildID: guild, User: &discordgo.User{ID: "42"}, Roles: []string{"7"}})
	if err := s.attach(bot.NewOut(sess), 0, 1); err != nil {
		t.Fatal(err)
	}
	if p, known := s.BotPermissions(context.Background(), guild, channel); !known || p&needToPostPerms != needToPostPerms {
		t.Errorf("permissions %b, %v", p, known)
	}
	if _, known := s.BotPermissions(context.Background(), guild, "404"); known {
		t.Error("an unknown channel is known")
	}
	if p, known := s.BotPermissions(context.Background(), guild, "555"); !known || p != 0 {
		t.Error("another guild's channel must be refused")
	}
}

const needToPostPerms = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks

// TestBotStartsTheScheduler checks the wiring: bot.Start calls OnReady
// after READY, for the bot's shard, with its way out, and Close stops it.
func TestBotStartsTheScheduler(t *testing.T) {
	st := sqliteStore(t)
	subscribe(t, st, guild, channel, "Asia/Seoul", 9, 0)
	b, _ := embedded(t)
	clk := &testClock{t: utc("2026-11-19T03:00:00Z")} // noon in Seoul: due
	sched, err := NewScheduler(ScheduleConfig{Store: st, Base: b, Now: clk.Now, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv, bt := startBot(t, nil, sched)
	msgs, err := srv.WaitMessages(ctxT(t), channel, 1)
	if err != nil {
		t.Fatal(err)
	}
	if msgs[0].Author == nil || msgs[0].Author.ID != srv.BotUser().ID || len(msgs[0].Embeds) == 0 {
		t.Errorf("post: %+v", msgs[0])
	}
	bt.Close()
	if sched.postCtx().Err() == nil {
		t.Error("Close did not stop the scheduler")
	}
}

// startBot runs the real bot, with /reminders registered as cmd does when
// cfg is given, and sched started by the bot's OnReady.
func startBot(t *testing.T, cfg *Config, sched *Scheduler, configureRouter ...func(*commands.Config)) (*discordtest.Server, *bot.Bot) {
	t.Helper()
	b, m := embedded(t)
	srv := discordtest.NewServer(t, discordtest.WithHeartbeatInterval(200*time.Millisecond))
	rcfg := commands.Config{Base: b, Matcher: m, Logger: slog.New(slog.DiscardHandler)}
	for _, f := range configureRouter {
		f(&rcfg)
	}
	router, err := commands.New(rcfg)
	if err != nil {
		t.Fatal(err)
	}
	if cfg != nil {
		Register(router, *cfg)
	}
	bt, err := bot.New(bot.Config{
		Token: "test-token", Handler: router, Commands: append(commands.Commands(b), Command()),
		DiscordURL: srv.URL(), ShardCount: 1, Logger: slog.New(slog.DiscardHandler),
		OnReady: func(ctx context.Context, out *bot.Out, shardID, shardCount int) error {
			return sched.Start(ctx, out, shardID, shardCount)
		},
		OnClose: sched.Stop,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := bt.Start(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { bt.Close() }) })
	return srv, bt
}

// reply waits for the answer to interaction id.
func reply(t *testing.T, srv *discordtest.Server, id string) *discordgo.InteractionResponse {
	t.Helper()
	rec, err := srv.WaitAcknowledged(ctxT(t), id)
	if err != nil {
		t.Fatalf("interaction %s not answered: %v", id, err)
	}
	var resp discordgo.InteractionResponse
	if err := json.Unmarshal(rec.Response, &resp); err != nil || resp.Data == nil {
		t.Fatalf("answer %s: %v", rec.Response, err)
	}
	return &resp
}

// TestRemindersThroughDiscord is the whole path: /reminders subscribe
// from Discord, saved, scheduled at once without a restart, posted when
// due; /reminders unsubscribe stops it.
func TestRemindersThroughDiscord(t *testing.T) {
	st := sqliteStore(t)
	b, _ := embedded(t)
	clk := &testClock{t: utc("2026-11-18T20:00:00Z")} // 05:00 on the 19th in Seoul
	sched, err := NewScheduler(ScheduleConfig{Store: st, Base: b, Now: clk.Now, Backoff: time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := startBot(t, &Config{Base: b, Store: st, Scheduler: sched, BotPermissions: sched.BotPermissions}, sched,
		func(c *commands.Config) {
			c.Now = clk.Now
			c.Location = GuildLocation(st, nil)
		})

	slash := func(perms int64, sub string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.InteractionResponse {
		i := srv.SlashCommand("reminders", discordtest.SubCommand(sub, opts...))
		u := srv.User()
		i.Member = &discordgo.Member{User: &u, Permissions: perms}
		srv.SendInteraction(i)
		return reply(t, srv, i.ID)
	}
	manage := int64(discordgo.PermissionManageGuild)
	// Without Manage Server: refused, nothing saved.
	resp := slash(discordgo.PermissionSendMessages, "subscribe", discordtest.ChannelOption("channel", channel))
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "Manage Server") {
		t.Fatalf("refusal: %+v", resp.Data)
	}
	// A bad zone: refused, nothing saved.
	resp = slash(manage, "subscribe", discordtest.ChannelOption("channel", channel), discordtest.StringOption("timezone", "Nowhere/Town"))
	if !strings.Contains(resp.Data.Content, "is not a time zone") {
		t.Fatalf("bad zone: %+v", resp.Data)
	}
	if subs, _ := st.GuildSubscriptions(context.Background(), guild); len(subs) != 0 {
		t.Fatalf("saved: %+v", subs)
	}

	resp = slash(manage, "subscribe", discordtest.ChannelOption("channel", channel),
		discordtest.StringOption("time", "09:00"), discordtest.StringOption("timezone", "Asia/Seoul"))
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "09:00 Asia/Seoul") {
		t.Fatalf("subscribe: %+v", resp.Data)
	}
	subs, _ := st.GuildSubscriptions(context.Background(), guild)
	if len(subs) != 1 {
		t.Fatalf("%d subscriptions", len(subs))
	}
	e := sched.entryOf(subs[0].ID)
	if e == nil || e.spec != "CRON_TZ=Asia/Seoul 0 9 * * *" {
		t.Fatalf("not scheduled at once: %+v", e)
	}

	// /onthisday now reckons "today" in Seoul: already the 19th.
	i := srv.SendInteraction(srv.SlashCommand("onthisday"))
	if r := reply(t, srv, i.ID); len(r.Data.Embeds) == 0 || r.Data.Embeds[0].Title != "On this day: 19 November" {
		t.Errorf("/onthisday: %+v", r.Data)
	}

	clk.Set(utc("2026-11-19T00:00:00Z"))
	sched.runDue(subs[0].ID)
	// The channel also holds the answers to the commands; the post is
	// the one plain message.
	var posted []*discordgo.Message
	for _, m := range srv.Messages(channel) {
		if m.Type == discordgo.MessageTypeDefault {
			posted = append(posted, m)
		}
	}
	if len(posted) != 1 || posted[0].Embeds[0].Title != "On this day: 19 November" {
		t.Errorf("posts at 09:00 KST: %+v", posted)
	}

	resp = slash(manage, "unsubscribe")
	if !strings.Contains(resp.Data.Content, "no more scheduled posts") || sched.entryOf(subs[0].ID) != nil {
		t.Errorf("unsubscribe: %+v", resp.Data)
	}
}
