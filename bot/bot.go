package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/ninebridges/ninebridges/commands"
)

// Handler is what the bot serves: commands.Router is the real one.
type Handler interface {
	Handle(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse
	Message(ctx context.Context, content string) *discordgo.MessageSend
}

// Config is what a Bot needs. Token, Handler and Commands are required.
type Config struct {
	Token    string
	Handler  Handler
	Commands []*discordgo.ApplicationCommand

	// DiscordURL, when set, is the origin every REST request goes to
	// instead of https://discord.com (NINEBRIDGES_DISCORD_URL).
	DiscordURL string
	// GuildID registers the commands to one guild instead of globally,
	// for development (NINEBRIDGES_GUILD).
	GuildID string
	// ShardID and ShardCount choose this process's shard; a ShardCount of
	// zero asks Discord for the recommended count and runs shard 0 of it.
	ShardID, ShardCount int
	// OnReady, if set, runs once the gateway is ready and the commands
	// are registered, when the shard is known: the scheduled posts start
	// here, sending through out. An error stops Start.
	OnReady func(ctx context.Context, out *Out, shardID, shardCount int) error
	// OnClose, if set, runs first when the bot closes: the scheduled posts
	// stop here.
	OnClose func()

	Logger *slog.Logger
	// DeferAfter is how long a handler may take before the interaction is
	// deferred and its answer edited in later: Discord allows 3 seconds.
	DeferAfter time.Duration
	// PerUser limits free-text questions per user; zero means one every
	// two seconds with a burst of five.
	PerUser rate.Limit
	Burst   int
	// Metrics records what the bot does; nil records nothing.
	Metrics *Metrics
}

// Bot is one Discord session serving a Handler.
type Bot struct {
	cfg       Config
	s         *discordgo.Session
	log       *slog.Logger
	limits    userLimits
	ready     chan struct{}
	readyMu   sync.Once
	regErr    atomic.Pointer[error]
	inFlight  sync.WaitGroup
	connected atomic.Bool
	everReady atomic.Bool
	closing   atomic.Bool // Close has begun: a disconnect is ours, not a fault
	out       *Out
	handle    InteractionHandler
}

// New prepares a session; Run connects it.
func New(cfg Config) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("bot: no token")
	}
	if cfg.Handler == nil {
		return nil, errors.New("bot: no handler")
	}
	if cfg.Handler == nil || len(cfg.Commands) == 0 {
		return nil, errors.New("bot: Config.Handler and Config.Commands are required")
	}
	// Discord refuses a bulk overwrite whole for one bad declaration; the
	// mistake is better named here, before connecting.
	if err := commands.Validate(cfg.Commands); err != nil {
		return nil, fmt.Errorf("bot: the command declarations: %w", err)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = 2 * time.Second
	}
	if cfg.PerUser == 0 {
		cfg.PerUser, cfg.Burst = rate.Every(2*time.Second), 5
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 1
	}
	s, err := newSession(cfg.Token, cfg.DiscordURL)
	if err != nil {
		return nil, err
	}
	// Only what is used: guild metadata, and messages in guilds and DMs so
	// mentions and DMs can be answered. A mention carries its content
	// without the privileged message-content intent.
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	s.ShouldReconnectOnError = true
	s.StateEnabled = true
	b := &Bot{cfg: cfg, s: s, log: cfg.Logger, ready: make(chan struct{}), out: &Out{s: s}}
	if d := gatewayDialer(&b.closing); d != nil {
		s.Dialer = d
	} else {
		b.log.Info("a proxy is set: a gateway closed by Discord may be re-identified rather than resumed")
	}
	b.limits = userLimits{every: cfg.PerUser, burst: cfg.Burst, now: time.Now}
	b.handle = chain(routed(cfg.Handler), Recover(cfg.Logger), Log(cfg.Logger), Measure(cfg.Metrics), Defer(cfg.DeferAfter))
	s.AddHandler(b.onReady)
	s.AddHandler(b.onResumed)
	s.AddHandler(b.onDisconnect)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	s.AddHandler(func(*discordgo.Session, *discordgo.RateLimit) { b.cfg.Metrics.rateLimit() })
	return b, nil
}

// Connected reports whether the gateway connection is up.
func (b *Bot) Connected() bool { return b.connected.Load() }

// Run connects, registers the commands, and serves until ctx is done; then
// it waits for handlers in flight and closes the session.
func (b *Bot) Run(ctx context.Context) error {
	if err := b.Start(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	b.log.Info("shutting down")
	return b.Close()
}

// Start connects and waits until the commands are registered.
func (b *Bot) Start(ctx context.Context) error {
	if b.cfg.ShardCount == 0 {
		gw, err := b.s.GatewayBot()
		if err != nil {
			return fmt.Errorf("bot: asking Discord for the shard count: %w", realURL(b.s.Client, err))
		}
		b.cfg.ShardCount = max(1, gw.Shards)
	}
	b.s.ShardID, b.s.ShardCount = b.cfg.ShardID, b.cfg.ShardCount
	b.s.Identify.Shard = &[2]int{b.cfg.ShardID, b.cfg.ShardCount}
	if err := b.s.Open(); err != nil {
		return fmt.Errorf("bot: connecting to the gateway: %w", realURL(b.s.Client, err))
	}
	select {
	case <-b.ready:
	case <-ctx.Done():
		b.s.Close()
		return ctx.Err()
	case <-time.After(30 * time.Second):
		b.s.Close()
		return errors.New("bot: no READY from the gateway within 30s")
	}
	if p := b.regErr.Load(); p != nil {
		b.s.Close()
		return *p
	}
	if f := b.cfg.OnReady; f != nil {
		if err := f(ctx, b.out, b.cfg.ShardID, b.cfg.ShardCount); err != nil {
			b.s.Close()
			return err
		}
	}
	return nil
}

// Close waits for handlers in flight, then closes the session.
func (b *Bot) Close() error {
	b.closing.Store(true)
	if b.cfg.OnClose != nil {
		b.cfg.OnClose()
	}
	done := make(chan struct{})
	go func() { b.inFlight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		b.log.Warn("handlers still running at shutdown")
	}
	return b.s.Close()
}

func (b *Bot) onReady(s *discordgo.Session, r *discordgo.Ready) {
	if b.everReady.Swap(true) {
		b.cfg.Metrics.reconnected() // a new session after one was lost
	}
	b.connected.Store(true)
	b.cfg.Metrics.setConnected(true)
	b.log.Info("gateway ready", "user", r.User.Username, "shard", b.cfg.ShardID, "shards", b.cfg.ShardCount, "guilds", len(r.Guilds))
	b.readyMu.Do(func() {
		defer close(b.ready)
		// One bulk overwrite: the set Discord holds is exactly ours, and
		// the shard 0 process is the one that sends it.
		if b.cfg.ShardID != 0 {
			return
		}
		appID := r.User.ID
		if r.Application != nil && r.Application.ID != "" {
			appID = r.Application.ID
		}
		cmds, err := s.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, b.cfg.Commands)
		if err != nil {
			err = fmt.Errorf("bot: registering commands: %w", err)
			b.regErr.Store(&err)
			return
		}
		scope := "globally"
		if b.cfg.GuildID != "" {
			scope = "in guild " + b.cfg.GuildID
		}
		b.log.Info("commands registered", "count", len(cmds), "scope", scope)
	})
}

func (b *Bot) onResumed(*discordgo.Session, *discordgo.Resumed) {
	b.connected.Store(true)
	b.cfg.Metrics.setConnected(true)
	b.cfg.Metrics.reconnected()
	b.log.Info("gateway resumed")
}

func (b *Bot) onDisconnect(*discordgo.Session, *discordgo.Disconnect) {
	b.connected.Store(false)
	b.cfg.Metrics.setConnected(false)
	if b.closing.Load() {
		b.log.Info("gateway closed")
		return
	}
	b.log.Warn("gateway disconnected; reconnecting")
}

// onInteraction runs the interaction through the chain composed in New.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	b.inFlight.Add(1)
	defer b.inFlight.Done()
	ctx, cancel := context.WithTimeout(context.Background(), 14*time.Minute)
	defer cancel()
	b.handle(ctx, ic.Interaction, &outResponder{out: b.out, i: ic.Interaction})
}

func interactionName(i *discordgo.Interaction) string {
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		return i.ApplicationCommandData().Name
	case discordgo.InteractionMessageComponent:
		id := i.MessageComponentData().CustomID
		if k, _, ok := strings.Cut(id, ":"); ok {
			if k2, _, ok := strings.Cut(strings.TrimPrefix(id, k+":"), ":"); ok {
				return k + ":" + k2
			}
		}
		return id
	}
	return ""
}

var mention = regexp.MustCompile(`<@!?(\d+)>`)

// onMessage answers a message that mentions the bot, or any DM, as a reply.
func (b *Bot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m.Author == nil || m.Author.Bot || s.State.User == nil || m.Author.ID == s.State.User.ID {
		return
	}
	self := s.State.User.ID
	mentioned := false
	for _, u := range m.Mentions {
		if u.ID == self {
			mentioned = true
		}
	}
	if m.GuildID != "" && !mentioned {
		return
	}
	b.inFlight.Add(1)
	defer b.inFlight.Done()
	question := strings.TrimSpace(mention.ReplaceAllStringFunc(m.Content, func(s string) string {
		if mention.FindStringSubmatch(s)[1] == self {
			return ""
		}
		return s
	}))
	if ok, notify := b.limits.admit(m.Author.ID); !ok {
		// One notice per flood, not one per message.
		if notify {
			b.reply(m.Message, &discordgo.MessageSend{Content: "You're asking faster than I can keep up — please wait a few seconds. / 잠시 후에 다시 물어봐 주세요. / Подождите немного, пожалуйста."})
		}
		return
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := b.cfg.Handler.Message(ctx, question)
	if out == nil {
		return
	}
	err := b.reply(m.Message, out)
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	b.log.Info("message", "guild", m.GuildID, "dm", m.GuildID == "", "latency", time.Since(start).Round(time.Microsecond), "outcome", outcome)
}

// reply answers a message; a reply is notice enough, so not even the
// asker is pinged.
func (b *Bot) reply(to *discordgo.Message, out *discordgo.MessageSend) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := b.out.Reply(ctx, to, out)
	if err != nil {
		b.log.Error("replying to message", "err", err, "channel", to.ChannelID)
	}
	return err
}
