package bot

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
)

// rateBuckets is how many buckets s's REST rate limiter holds. discordgo
// keeps them in an unexported map, read here by reflection under the
// limiter's own lock; if a discordgo upgrade renames it, this fails loudly
// rather than passing vacuously.
func rateBuckets(t testing.TB, s *discordgo.Session) int {
	t.Helper()
	r := s.Ratelimiter
	r.Lock()
	defer r.Unlock()
	f := reflect.ValueOf(r).Elem().FieldByName("buckets")
	if !f.IsValid() || f.Kind() != reflect.Map {
		t.Fatal("discordgo.RateLimiter has no buckets map any more: update rateBuckets")
	}
	return f.Len()
}

// newTestBot runs the real bot serving h against srv.
func newTestBot(t testing.TB, srv *discordtest.Server, h Handler, cfg Config) *Bot {
	t.Helper()
	b, _ := realBase(t)
	cfg.Token, cfg.Handler, cfg.Commands = "test-token", h, commands.Commands(b)
	cfg.DiscordURL, cfg.ShardCount, cfg.Logger = srv.URL(), 1, slog.New(slog.DiscardHandler)
	bt, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := bt.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bt.Close() })
	return bt
}

func testRouter(t testing.TB) Handler {
	t.Helper()
	b, m := realBase(t)
	router, err := commands.New(commands.Config{Base: b, Matcher: m, Logger: slog.New(slog.DiscardHandler), Charts: Charts{Base: b}})
	if err != nil {
		t.Fatal(err)
	}
	return router
}

// Answering an interaction must not leave a rate-limit bucket behind in the
// session: discordgo names the bucket of a callback or an edit after its
// URL, which holds the interaction's token, and never drops one
// (issue 16; bwmarrin/discordgo#1333). Each path that answers is covered:
// at once, with an attachment, deferred then edited, and deferred then
// edited with an attachment (multipart, another bucket in discordgo).
func TestAnsweringLeavesNoRateLimitBuckets(t *testing.T) {
	cases := []struct {
		name     string
		n        int
		command  string
		deferred bool // the handler outlasts DeferAfter: a deferral, then an edit
	}{
		{name: "answered at once", n: 200, command: "about"},
		{name: "answered at once with a chart", n: 10, command: "trade"},
		{name: "deferred then edited", n: 50, command: "about", deferred: true},
		{name: "deferred then edited with a chart", n: 10, command: "trade", deferred: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := discordtest.NewServer(t, discordtest.WithInteractionDeadline(3*time.Second))
			h, cfg := testRouter(t), Config{}
			if tc.deferred {
				h, cfg.DeferAfter = slowHandler{h, 80 * time.Millisecond}, 10*time.Millisecond
			}
			bt := newTestBot(t, srv, h, cfg)
			before := rateBuckets(t, bt.s)

			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			// Answers at once go one by one, so that a loaded machine (the
			// race detector) cannot push one past Discord's 3 seconds;
			// deferred ones all at once, as they only sleep until edited.
			var ids []string
			for range tc.n {
				ids = append(ids, srv.SendInteraction(srv.SlashCommand(tc.command)).ID)
				if !tc.deferred {
					if _, err := srv.WaitAcknowledged(ctx, ids[len(ids)-1]); err != nil {
						t.Fatalf("interaction %s: %v", ids[len(ids)-1], err)
					}
				}
			}
			for _, id := range ids {
				if _, err := srv.WaitAcknowledged(ctx, id); err != nil {
					t.Fatalf("interaction %s: %v", id, err)
				}
			}
			if tc.deferred {
				if _, err := srv.WaitCalls(ctx, tc.n, discordtest.MatchOK(discordtest.MatchRoute("PATCH", "/webhooks/"))); err != nil {
					t.Fatalf("edits: %v", err)
				}
			}
			// A bucket is made when its request is locked, before it is
			// sent: every one these answers could make exists by now.
			if grown := rateBuckets(t, bt.s) - before; grown != 0 {
				t.Errorf("%d interactions left %d rate-limit buckets behind (before: %d), want 0", tc.n, grown, before)
			}
		})
	}
}

// A 429, a 502, a 500 and a 503 on the callback are waited out and retried
// within Discord's three seconds, and the 429 counted, now that the
// callback has a bucket of its own. discordgo itself retries only the 429
// and the 502.
func TestCallbackRetriesThroughPrivateBucket(t *testing.T) {
	cases := []struct {
		name       string
		status     int
		retryAfter time.Duration
		global     bool
		rateLimits float64 // ninebridges_rest_rate_limited_total afterwards
	}{
		{name: "429", status: 429, retryAfter: 50 * time.Millisecond, rateLimits: 1},
		{name: "global 429", status: 429, retryAfter: 50 * time.Millisecond, global: true, rateLimits: 1},
		{name: "502", status: 502},
		{name: "500", status: 500},
		{name: "503", status: 503},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := discordtest.NewServer(t)
			metrics := NewMetrics()
			bt := newTestBot(t, srv, testRouter(t), Config{Metrics: metrics})
			before := rateBuckets(t, bt.s)
			srv.InjectFault(discordtest.Fault{Method: "POST", PathPrefix: "/interactions/", Status: tc.status, RetryAfter: tc.retryAfter, Global: tc.global})
			i := srv.SendInteraction(srv.SlashCommand("about"))
			if _, err := srv.WaitAcknowledged(ctxT(t), i.ID); err != nil {
				t.Fatal(err)
			}
			// A call is recorded once answered, which may be just after
			// the acknowledgement it made is visible.
			if _, err := srv.WaitCalls(ctxT(t), 2, discordtest.MatchRoute("POST", "/interactions/"+i.ID)); err != nil {
				t.Error(err)
			}
			if n := len(srv.CallsMatching(discordtest.MatchRoute("POST", "/interactions/"+i.ID))); n != 2 {
				t.Errorf("%d attempts, want 2 (one %d, one success)", n, tc.status)
			}
			if got := counterValue(t, metrics, "ninebridges_rest_rate_limited_total"); got != tc.rateLimits {
				t.Errorf("rate limits counted: %v, want %v", got, tc.rateLimits)
			}
			if grown := rateBuckets(t, bt.s) - before; grown != 0 {
				t.Errorf("%d buckets left behind", grown)
			}
		})
	}
}

func counterValue(t *testing.T, m *Metrics, name string) float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	var sum float64
	for line := range strings.Lines(rec.Body.String()) {
		series, value, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(series, "#") {
			continue
		}
		if series == name || strings.HasPrefix(series, name+"{") {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			sum += v
		}
	}
	return sum
}

// fakeClock is a clock a test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// Many distinct users must not grow the flood limiters without bound, and
// bounding them must not forget anyone who is still limited.
func TestUserLimitsStayBounded(t *testing.T) {
	cases := []struct {
		name    string
		every   time.Duration // one message per every, PerUser
		burst   int
		users   int
		gap     time.Duration // clock advance between two users' messages
		maxLen  int           // at most this many held afterwards
		minLen  int           // at least this many
		recheck bool          // every user's second message, at once, is refused: none was forgotten
	}{
		{name: "idle users are forgotten", every: 2 * time.Second, burst: 5, users: 20000, gap: 10 * time.Second, maxLen: sweepAtLeast},
		{name: "users idle just long enough to refill", every: 2 * time.Second, burst: 5, users: 20000, gap: time.Second, maxLen: sweepAtLeast},
		// 2s refill, one user per ms: the 2000 or so users of the
		// last two seconds are kept, and sweeps double that at most.
		{name: "a steady stream keeps about one refill window", every: 2 * time.Second, burst: 5, users: 50000, gap: time.Millisecond, maxLen: 4002, minLen: 1999},
		{name: "users still limited are all kept", every: time.Minute, burst: 1, users: 5000, gap: 0, minLen: 5000, maxLen: 5000, recheck: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
			u := &userLimits{every: rate.Every(tc.every), burst: tc.burst, now: clock.now}
			for k := 0; k < tc.users; k++ {
				if ok, _ := u.admit("user" + strconv.Itoa(k)); !ok {
					t.Fatalf("user %d refused their first message", k)
				}
				clock.advance(tc.gap)
			}
			if n := u.len(); n > tc.maxLen || n < tc.minLen {
				t.Errorf("%d users held after %d, want %d to %d", n, tc.users, tc.minLen, tc.maxLen)
			}
			if tc.recheck {
				for k := 0; k < tc.users; k++ {
					if ok, notify := u.admit("user" + strconv.Itoa(k)); ok || !notify {
						t.Fatalf("user %d: second message ok=%v notify=%v, want refused with one notice", k, ok, notify)
					}
				}
			}
		})
	}
}

// A flooder keeps their state (limited, already told) through sweeps, and
// is forgotten only once their bucket has refilled.
func TestUserLimitsSweepKeepsFlooder(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	u := &userLimits{every: rate.Every(10 * time.Second), burst: 1, now: clock.now, minimum: 4}
	steps := []struct {
		advance      time.Duration
		user         string
		ok, notify   bool
		flooderKnown bool
	}{
		{user: "flooder", ok: true, flooderKnown: true},
		{user: "flooder", notify: true, flooderKnown: true},
		{advance: time.Second, user: "a", ok: true, flooderKnown: true},
		{user: "b", ok: true, flooderKnown: true},
		{user: "c", ok: true, flooderKnown: true},
		{user: "d", ok: true, flooderKnown: true}, // a sweep: nobody has refilled
		{user: "flooder", flooderKnown: true},     // still limited, told already
		// The sweep at d kept all five and set the next for eight.
		{advance: 20 * time.Second, user: "e", ok: true, flooderKnown: true},
		{user: "f", ok: true, flooderKnown: true},
		{user: "g", ok: true, flooderKnown: true},
		{user: "h", ok: true, flooderKnown: false}, // a sweep: the flooder and a–d have refilled
		{user: "flooder", ok: true, flooderKnown: true},
	}
	for k, s := range steps {
		clock.advance(s.advance)
		ok, notify := u.admit(s.user)
		if ok != s.ok || notify != s.notify {
			t.Errorf("step %d (%s): ok=%v notify=%v, want ok=%v notify=%v", k, s.user, ok, notify, s.ok, s.notify)
		}
		u.mu.Lock()
		_, known := u.m["flooder"]
		u.mu.Unlock()
		if known != s.flooderKnown {
			t.Errorf("step %d (%s): flooder held=%v, want %v", k, s.user, known, s.flooderKnown)
		}
	}
}

// End to end: distinct users mentioning the real bot through the fake
// Discord do not pile up limiters.
func TestManyAskersKeepLimitersBounded(t *testing.T) {
	srv := discordtest.NewServer(t)
	h := testRouter(t)
	b, _ := realBase(t)
	bt, err := New(Config{Token: "test-token", Handler: h, Commands: commands.Commands(b), DiscordURL: srv.URL(), ShardCount: 1,
		Logger: slog.New(slog.DiscardHandler), PerUser: rate.Every(5 * time.Millisecond), Burst: 1})
	if err != nil {
		t.Fatal(err)
	}
	bt.limits.minimum = 8
	if err := bt.Start(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	defer bt.Close()
	self := srv.BotUser()
	const askers = 150
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for k := 0; k < askers; k++ {
		before := len(srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/")))
		srv.SendMessage(&discordgo.Message{Content: "<@" + self.ID + "> korea russia trade 2016", Mentions: []*discordgo.User{&self},
			Author: &discordgo.User{ID: strconv.Itoa(10_000 + k), Username: "asker"}})
		if _, err := srv.WaitCalls(ctx, before+1, discordtest.MatchOK(discordtest.MatchRoute("POST", "/channels/"))); err != nil {
			t.Fatalf("asker %d not answered: %v", k, err)
		}
	}
	// Each asker is idle (refilled) 5ms after their question; a sweep
	// keeps only those asked since, so the map stays near its floor.
	if n := bt.limits.len(); n > 32 {
		t.Errorf("%d limiters held after %d distinct askers, want at most 32", n, askers)
	}
}

// pump sends n /ask interactions, inFlight at a time, and waits until
// every one is acknowledged; every thousand, the fake Discord forgets
// them, so that its records do not swell the process.
func pump(t testing.TB, srv *discordtest.Server, n int) {
	t.Helper()
	for n > 1000 {
		pumpOnce(t, srv, 1000)
		srv.Forget()
		n -= 1000
	}
	pumpOnce(t, srv, n)
}

func pumpOnce(t testing.TB, srv *discordtest.Server, n int) {
	t.Helper()
	questions := []string{"korea russia trade 2016", "what is the snowflake arctic station", "2017년 한러 인적교류", "товарооборот в 2015 году"}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	sem := make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	for k := range n {
		sem <- struct{}{}
		wg.Add(1)
		i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", questions[k%len(questions)])))
		go func() {
			defer func() { <-sem; wg.Done() }()
			if _, err := srv.WaitAcknowledged(ctx, i.ID); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// liveHeap is the heap in use after the fake Discord has forgotten what
// it recorded and two collections have run.
func liveHeap(srv *discordtest.Server) uint64 {
	srv.Forget()
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// soak answers warm interactions, then more, through the fake Discord, and
// returns how much the live heap grew over the more.
func soak(t testing.TB, srv *discordtest.Server, warm, more int) (growth int64) {
	pump(t, srv, warm)
	before := liveHeap(srv)
	pump(t, srv, more)
	return int64(liveHeap(srv)) - int64(before)
}

// Answering interactions must not grow memory: after a warm-up, a few
// thousand more leave the live heap where it was, give or take what the
// runtime keeps. Before each interaction's rate-limit bucket was dropped,
// every one left about 700 bytes behind (issue 16).
func TestSoakShort(t *testing.T) {
	if testing.Short() {
		t.Skip("drives thousands of interactions")
	}
	srv := discordtest.NewServer(t, discordtest.WithInteractionDeadline(10*time.Second))
	newTestBot(t, srv, testRouter(t), Config{PerUser: 1e9, Burst: 1 << 20})
	const warm, more = 500, 3000
	growth := soak(t, srv, warm, more)
	t.Logf("%d interactions after %d: live heap grew %d bytes (%.1f B an interaction)", more, warm, growth, float64(growth)/more)
	if perInteraction := float64(growth) / more; perInteraction > 50 {
		t.Errorf("live heap grew %.0f bytes an interaction over %d interactions, want under 50", perInteraction, more)
	}
}

// BenchmarkSoak drives the real bot and a bare discordgo bot through the
// fake Discord, in one run: NINEBRIDGES_SOAK_WARM interactions (default
// 20,000), then NINEBRIDGES_SOAK_MORE (default 100,000), and reports how
// much the live heap and the process's resident memory grew over the
// second batch. Run it with -benchtime 1x.
func BenchmarkSoak(b *testing.B) {
	warm, more := envInt("NINEBRIDGES_SOAK_WARM", 20000), envInt("NINEBRIDGES_SOAK_MORE", 100000)
	run := func(b *testing.B, srv *discordtest.Server) {
		for b.Loop() {
			pump(b, srv, warm)
			heap0, rss0 := liveHeap(srv), rss(b)
			pump(b, srv, more)
			heap1, rss1 := liveHeap(srv), rss(b)
			b.ReportMetric(float64(int64(heap1)-int64(heap0))/(1<<20), "heap-growth-MiB")
			b.ReportMetric(float64(rss1-rss0)/(1<<20), "rss-growth-MiB")
		}
	}
	b.Run("ninebridges", func(b *testing.B) {
		srv := discordtest.NewServer(b, discordtest.WithInteractionDeadline(30*time.Second))
		newTestBot(b, srv, testRouter(b), Config{PerUser: 1e9, Burst: 1 << 20})
		run(b, srv)
	})
	b.Run("bare-discordgo", func(b *testing.B) {
		srv := discordtest.NewServer(b, discordtest.WithInteractionDeadline(30*time.Second))
		s := srv.NewSession(b)
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "Trade was US$13.4 billion in 2016."},
			})
		})
		if err := s.Open(); err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		run(b, srv)
	})
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// rss is the process's resident memory, from /proc (0 where there is none).
func rss(t testing.TB) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// A clean shutdown closes the gateway without warning of a reconnect.
func TestCloseLogsNoReconnect(t *testing.T) {
	srv := discordtest.NewServer(t)
	logs := &recorder{}
	b, _ := realBase(t)
	bt, err := New(Config{Token: "test-token", Handler: testRouter(t), Commands: commands.Commands(b), DiscordURL: srv.URL(), ShardCount: 1,
		Logger: slog.New(logs)})
	if err != nil {
		t.Fatal(err)
	}
	if err := bt.Start(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if err := bt.Close(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the disconnect event is delivered asynchronously
	for _, m := range logs.messages() {
		if strings.Contains(m, "reconnecting") {
			t.Errorf("a clean shutdown warned of a reconnect: %q", m)
		}
	}
}

// recorder is a slog handler that keeps the messages logged.
type recorder struct {
	mu   sync.Mutex
	msgs []string
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *recorder) WithGroup(string) slog.Handler            { return r }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, rec.Level.String()+" "+rec.Message)
	return nil
}

func (r *recorder) messages() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.msgs)
}

// With a thousand interactions in flight and Discord failing hundreds of
// their callbacks with 500 or 503, every one is still answered.
func TestServerErrorsLoseNoInteraction(t *testing.T) {
	if testing.Short() {
		t.Skip("a thousand interactions")
	}
	srv := discordtest.NewServer(t, discordtest.WithInteractionDeadline(3*time.Second))
	newTestBot(t, srv, testRouter(t), Config{PerUser: 1e9, Burst: 1 << 20})
	n, faults := 1000, 200
	if raceDetector {
		n, faults = 200, 40
	}
	srv.InjectFault(discordtest.Fault{Method: "POST", PathPrefix: "/interactions/", Status: 503, Times: faults})
	srv.InjectFault(discordtest.Fault{Method: "POST", PathPrefix: "/interactions/", Status: 500, Times: faults})
	var ids []string
	for range n {
		ids = append(ids, srv.SendInteraction(srv.SlashCommand("about")).ID)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	lost := 0
	for _, id := range ids {
		if rec, err := srv.WaitAcknowledged(ctx, id); err != nil || !rec.Acknowledged {
			lost++
		}
	}
	route := discordtest.MatchRoute("POST", "/interactions/")
	failed := len(srv.CallsMatching(func(c discordtest.Call) bool { return route(c) && c.Injected }))
	t.Logf("%d callbacks failed with 500 or 503; %d of %d interactions lost", failed, lost, n)
	if lost > 0 {
		t.Errorf("%d of %d interactions lost", lost, n)
	}
	if failed < 2*faults {
		t.Errorf("only %d faults were met, want %d", failed, 2*faults)
	}
}
