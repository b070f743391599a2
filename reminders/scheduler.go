package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/robfig/cron/v3"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// Scheduled posts ("reminders").
//
// Every active subscription of a guild on this process's shards is one cron
// entry firing daily at its local time in its time zone. A firing, and the
// catch-up pass that runs at start and then every CatchUpEvery, call
// deliver, which makes each (subscription, local date) come out as exactly
// one post:
//
//   - ClaimDelivery in the store decides which process sends, so shard
//     processes sharing a database, a cron entry that fires twice in the
//     repeated hour of a daylight-saving change, and a catch-up racing a
//     firing all end with one sender;
//   - the message carries a nonce derived from (subscription, date) with
//     enforce_nonce, so a resend after a crash between sending and
//     MarkSent, or after a lost response, is dropped by Discord;
//   - MarkSent (or MarkFailed) settles it for good.
//
// The catch-up pass posts what is due today and not yet settled: a post
// missed while the process was down (but never one whose local day has
// ended), and a posting time that daylight saving skipped, which cron never
// fires. The catch-up and deliver use the injected clock; only cron's own
// timer runs on real time, which is why tests drive deliver and catchUp
// directly and check cron's timing through its Schedule.Next.

// ScheduleConfig is what a Scheduler needs. Store and Base are required.
type ScheduleConfig struct {
	Store  store.Store
	Base   *facts.Base
	Logger *slog.Logger
	// Now is the clock deliveries and catch-up reckon with; nil is
	// time.Now.
	Now func() time.Time
	// Owner names this process in the delivery log (diagnostics only);
	// empty is host name, process id and shard.
	Owner string
	// Lease is how long a claimed delivery is this process's to send:
	// longer than a send with its retries, short enough that a takeover
	// after a crash resends within Discord's nonce window. Default 2m.
	Lease time.Duration
	// CatchUpEvery is how often subscriptions are reloaded from the store
	// (changes made by other processes) and due posts caught up. Default
	// 1m.
	CatchUpEvery time.Duration
	// Retries is how many times a send is retried after a 429, a 5xx or a
	// network error, waiting Backoff, then twice as long, and so on (a 429
	// waits at least what Discord asks). Defaults 3 (negative: none) and
	// 1s.
	Retries int
	Backoff time.Duration
	// MaxAttempts gives a delivery up once it has been claimed this many
	// times without being settled, so a post that crashes its sender is
	// not retried all day. Default 5.
	MaxAttempts int
	// Metrics counts posts sent ("posted"), given up ("failed") and
	// subscriptions paused ("disabled"); nil counts nothing.
	Metrics interface{ Reminder(outcome string) }
}

// Scheduler posts the subscriptions' scheduled messages. Create it with
// NewScheduler, give it to Register (it is the Listener of /reminders),
// and Start it once the gateway is ready and the shard known (the bot's
// OnReady).
type Scheduler struct {
	cfg   ScheduleConfig
	log   *slog.Logger
	cron  *cron.Cron
	owner string

	mu         sync.Mutex
	discord    Discord
	shardID    int
	shardCount int
	entries    map[int64]*entry
	started    bool
	stopLoop   context.CancelFunc // ends the catch-up loop between two posts
	loopDone   chan struct{}
	// runCtx is what posts are sent under; abort cancels it when a
	// shutdown has waited long enough for them.
	runCtx context.Context
	abort  context.CancelFunc
}

// entry is one subscription's cron entry.
type entry struct {
	sub  store.Subscription
	loc  *time.Location
	spec string
	id   cron.EntryID
	// settled is the local date whose delivery this process knows to be
	// done (sent, given up, or with nothing to post), so catch-up passes
	// do not ask the store again.
	settled string
}

// NewScheduler checks cfg and fills in the defaults.
func NewScheduler(cfg ScheduleConfig) (*Scheduler, error) {
	if cfg.Store == nil || cfg.Base == nil {
		return nil, errors.New("bot: a scheduler needs a store and a fact base")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 2 * time.Minute
	}
	if cfg.CatchUpEvery <= 0 {
		cfg.CatchUpEvery = time.Minute
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	} else if cfg.Retries == 0 {
		cfg.Retries = 3
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Second
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 5
	}
	log := cfg.Logger.With("component", "reminders")
	s := &Scheduler{cfg: cfg, log: log, entries: map[int64]*entry{}, runCtx: context.Background()}
	cl := cronLogger{log}
	// Recover sits inside SkipIfStillRunning (the chain's first wrapper is
	// the outermost): in cron v3.0.1, SkipIfStillRunning hands its token
	// back only when the job returns, so a panic unwinding through it
	// would leave every later run of the entry skipped.
	s.cron = cron.New(cron.WithLocation(time.UTC), cron.WithLogger(cl), cron.WithChain(jobChain(cl)...))
	return s, nil
}

// jobChain wraps every job: no overlapping runs of one subscription, and a
// panic is logged and contained. The order matters; see NewScheduler.
func jobChain(l cron.Logger) []cron.JobWrapper {
	return []cron.JobWrapper{cron.SkipIfStillRunning(l), cron.Recover(l)}
}

// Start loads the subscriptions of the guilds on shard shardID of
// shardCount, starts their cron entries and the catch-up loop (whose first
// pass runs at once), and posts through d. ctx bounds the loading only;
// the scheduler runs until Stop.
func (s *Scheduler) Start(ctx context.Context, d Discord, shardID, shardCount int) error {
	if err := s.attach(d, shardID, shardCount); err != nil {
		return err
	}
	if err := s.reload(ctx); err != nil {
		return fmt.Errorf("bot: loading subscriptions: %w", err)
	}
	loopCtx, stopLoop := context.WithCancel(context.Background())
	runCtx, abort := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.mu.Lock()
	s.runCtx, s.abort, s.stopLoop, s.loopDone = runCtx, abort, stopLoop, done
	n := len(s.entries)
	s.mu.Unlock()
	s.cron.Start()
	go s.loop(loopCtx, done)
	s.log.Info("scheduler started", "subscriptions", n, "shard", shardID, "shards", shardCount, "owner", s.owner)
	return nil
}

// attach sets what Start needs before anything runs; tests use it to drive
// reload, deliver and catchUp without the background loop.
func (s *Scheduler) attach(d Discord, shardID, shardCount int) error {
	if shardCount < 1 || shardID < 0 || shardID >= shardCount {
		return fmt.Errorf("bot: scheduler for shard %d of %d", shardID, shardCount)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errors.New("bot: scheduler already started")
	}
	s.started, s.discord, s.shardID, s.shardCount = true, d, shardID, shardCount
	s.owner = s.cfg.Owner
	if s.owner == "" {
		host, _ := os.Hostname()
		s.owner = fmt.Sprintf("%s/%d/shard-%d-of-%d", host, os.Getpid(), shardID, shardCount)
	}
	return nil
}

// Stop ends the catch-up loop and cron, letting posts being sent finish
// (and be recorded) for up to 30 seconds before cancelling them: a post
// cut off between sending and recording is resent, deduplicated, by the
// next process, but only once its claim's lease runs out.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	stopLoop, done, abort := s.stopLoop, s.loopDone, s.abort
	s.mu.Unlock()
	if stopLoop == nil {
		return
	}
	stopLoop()
	cronDone := s.cron.Stop().Done()
	grace := time.NewTimer(30 * time.Second)
	defer grace.Stop()
	for done != nil || cronDone != nil {
		select {
		case <-done:
			done = nil
		case <-cronDone:
			cronDone = nil
		case <-grace.C:
			s.log.Warn("scheduled posts still being sent at shutdown; cancelling them")
			abort()
		}
	}
	abort()
}

func (s *Scheduler) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	s.catchUp(ctx)
	t := time.NewTicker(s.cfg.CatchUpEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.reload(ctx); err != nil && ctx.Err() == nil {
				s.log.Error("reloading subscriptions", "err", err)
			}
			s.catchUp(ctx)
		}
	}
}

// ownsGuild reports whether guild guildID is on shard shardID of
// shardCount, by Discord's rule (guild_id >> 22) % shard_count.
func ownsGuild(guildID string, shardID, shardCount int) bool {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || shardCount < 1 {
		return false
	}
	return int((id>>22)%uint64(shardCount)) == shardID
}

// cronSpec is the cron spec of a subscription: daily at its local time in
// its zone. The zone is validated first, because cron v3.0.1 panics on
// some malformed CRON_TZ= values instead of returning an error, and a name
// holding a space would change the spec's meaning.
func cronSpec(sub store.Subscription) (string, *time.Location, error) {
	z := sub.TimeZone
	if z == "" || strings.EqualFold(z, "local") || strings.ContainsFunc(z, func(r rune) bool { return unicode.IsSpace(r) || r == '=' }) {
		return "", nil, fmt.Errorf("time zone %q: not an IANA zone name", z)
	}
	loc, err := time.LoadLocation(z)
	if err != nil {
		return "", nil, fmt.Errorf("time zone %q: %w", z, err)
	}
	if sub.Hour < 0 || sub.Hour > 23 || sub.Minute < 0 || sub.Minute > 59 {
		return "", nil, fmt.Errorf("posting time %02d:%02d: %w", sub.Hour, sub.Minute, store.ErrInvalid)
	}
	return fmt.Sprintf("CRON_TZ=%s %d %d * * *", z, sub.Minute, sub.Hour), loc, nil
}

// reload makes the entries match the store's active subscriptions of this
// process's guilds.
func (s *Scheduler) reload(ctx context.Context) error {
	subs, err := s.cfg.Store.ActiveSubscriptions(ctx)
	if err != nil {
		return err
	}
	keep := map[int64]bool{}
	for _, sub := range subs {
		if s.owns(sub.GuildID) && s.upsert(sub) {
			keep[sub.ID] = true
		}
	}
	s.mu.Lock()
	var gone []int64
	for id := range s.entries {
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	s.mu.Unlock()
	for _, id := range gone {
		s.remove(id)
	}
	return nil
}

func (s *Scheduler) owns(guildID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ownsGuild(guildID, s.shardID, s.shardCount)
}

// upsert adds or updates a subscription's entry, reporting whether it is
// scheduled. The cron entry is replaced only when the spec changes.
func (s *Scheduler) upsert(sub store.Subscription) bool {
	spec, loc, err := cronSpec(sub)
	if err != nil {
		// Only a store written by hand or by another version can hold
		// this: /reminders validates before saving.
		s.log.Error("subscription not scheduled", "subscription", sub.ID, "guild", sub.GuildID, "err", err)
		s.remove(sub.ID)
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[sub.ID]; e != nil {
		e.sub, e.loc = sub, loc
		if e.spec == spec {
			return true
		}
		s.cron.Remove(e.id)
	}
	id, err := s.cron.AddFunc(spec, func() { s.runDue(sub.ID) })
	if err != nil {
		s.log.Error("subscription not scheduled", "subscription", sub.ID, "spec", spec, "err", err)
		delete(s.entries, sub.ID)
		return false
	}
	prev := s.entries[sub.ID]
	e := &entry{sub: sub, loc: loc, spec: spec, id: id}
	if prev != nil {
		e.settled = prev.settled
	}
	s.entries[sub.ID] = e
	return true
}

func (s *Scheduler) remove(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[id]; e != nil {
		s.cron.Remove(e.id)
		delete(s.entries, id)
	}
}

// SubscriptionChanged implements Listener: the change
// takes effect at once. A posting time that has already passed today
// counts from tomorrow, so subscribing at noon to 09:00 posts nothing
// until tomorrow's 09:00 rather than right away: today's delivery is
// recorded as skipped, which also keeps a restart from catching it up.
func (s *Scheduler) SubscriptionChanged(ctx context.Context, sub store.Subscription) {
	s.mu.Lock()
	started := s.started
	s.mu.Unlock()
	if !started {
		return
	}
	if sub.Disabled || !s.owns(sub.GuildID) {
		s.remove(sub.ID)
		return
	}
	if !s.upsert(sub) {
		return
	}
	now := s.cfg.Now()
	e := s.entryOf(sub.ID)
	if e == nil {
		return
	}
	day := localDate(now, e.loc)
	if !now.Before(s.postTime(sub, day)) {
		s.skip(ctx, sub, day, "skipped: subscribed after the day's posting time")
	}
	s.log.Info("subscription scheduled", "subscription", sub.ID, "guild", sub.GuildID, "channel", sub.ChannelID, "spec", e.spec)
}

// SubscriptionRemoved implements Listener.
func (s *Scheduler) SubscriptionRemoved(_ context.Context, sub store.Subscription) {
	s.remove(sub.ID)
}

// skip records a day's delivery as settled without posting.
func (s *Scheduler) skip(ctx context.Context, sub store.Subscription, day, reason string) {
	_, ok, err := s.cfg.Store.ClaimDelivery(ctx, sub.ID, day, s.owner, s.cfg.Now(), s.cfg.Lease)
	if err == nil && ok {
		err = s.cfg.Store.MarkFailed(ctx, sub.ID, day, reason, s.cfg.Now())
	}
	if err != nil {
		s.log.Warn("could not record a skipped day", "subscription", sub.ID, "date", day, "err", err)
		return
	}
	s.settle(sub.ID, day)
}

// BotPermissions gives the bot's permissions in a channel of a guild, for
// Config.BotPermissions: known is false when Discord's cache cannot tell
// (or the scheduler has not started), and subscribe then trusts the first
// post to find out.
func (s *Scheduler) BotPermissions(_ context.Context, guildID, channelID string) (int64, bool) {
	s.mu.Lock()
	d := s.discord
	s.mu.Unlock()
	if d == nil {
		return 0, false
	}
	return d.Permissions(guildID, channelID)
}

func (s *Scheduler) entryOf(id int64) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[id]; e != nil {
		cp := *e
		return &cp
	}
	return nil
}

func (s *Scheduler) settle(id int64, day string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[id]; e != nil {
		e.settled = day
	}
}

// localDate is now's date in loc, as the delivery log keys it.
func localDate(now time.Time, loc *time.Location) string {
	return now.In(loc).Format(store.LocalDateLayout)
}

func (s *Scheduler) postTime(sub store.Subscription, day string) time.Time {
	d, _ := store.ParseLocalDate(day)
	return postTime(sub, d)
}

// runDue is a cron firing: the subscription's post for today, in its zone.
func (s *Scheduler) runDue(id int64) {
	e := s.entryOf(id)
	if e == nil {
		return
	}
	s.deliverLogged(s.postCtx(), e.sub, localDate(s.cfg.Now(), e.loc))
}

func (s *Scheduler) postCtx() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.runCtx
}

// catchUp delivers every post due today, in each subscription's zone, that
// is not yet known to be settled. A day that has ended is never caught up:
// only today's date is considered. ctx ending stops the pass between two
// posts; a post under way finishes.
func (s *Scheduler) catchUp(ctx context.Context) {
	s.mu.Lock()
	var due []*entry
	for _, e := range s.entries {
		cp := *e
		due = append(due, &cp)
	}
	s.mu.Unlock()
	for _, e := range due {
		if ctx.Err() != nil {
			return
		}
		now := s.cfg.Now()
		day := localDate(now, e.loc)
		if e.settled == day || now.Before(s.postTime(e.sub, day)) {
			continue
		}
		s.deliverLogged(s.postCtx(), e.sub, day)
	}
}

// cronLogger sends cron's logging to slog. cron reports every wake-up and
// run at Info, which is debug detail here; a skipped run (the previous one
// of the subscription still going) is worth a warning.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		l.log.Warn("scheduled run skipped: the previous one is still running", kv...)
		return
	}
	l.log.Debug("cron: "+msg, kv...)
}

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append([]any{"err", err}, kv...)...)
}
