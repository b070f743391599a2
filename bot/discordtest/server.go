package discordtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Default identities used when no option overrides them. They are valid
// snowflakes so that shard routing and timestamps work.
const (
	// DefaultToken is the bot token (without the "Bot " prefix) that
	// [Server.NewSession] uses. The server accepts any token unless
	// [WithToken] is given.
	DefaultToken = "test-token"
	// DefaultApplicationID is the application (and bot user) id.
	DefaultApplicationID = "1300000000000000001"
	// DefaultGuildID is the id of the guild created when no guild option is given.
	DefaultGuildID = "1300000000000000100"
	// DefaultChannelID is the id of the text channel of the default guild.
	DefaultChannelID = "1300000000000000101"
	// DefaultUserID is the id of the human user who invokes interactions and
	// writes messages sent with [Server.SendMessage], unless overridden.
	DefaultUserID = "1300000000000000200"
)

// DefaultInteractionDeadline is how long after dispatch an interaction can
// be answered, as on Discord (discordgo.InteractionDeadline).
const DefaultInteractionDeadline = 3 * time.Second

// DefaultHeartbeatInterval is the heartbeat_interval sent in HELLO.
const DefaultHeartbeatInterval = 41250 * time.Millisecond

// discordEpoch is the first millisecond of 2015, the snowflake epoch.
const discordEpoch = 1420070400000

// privilegedIntents are the intents that must be enabled in the developer portal.
const privilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

type config struct {
	appID           string
	appFlags        int
	botUser         discordgo.User
	botUserSet      bool
	user            discordgo.User
	token           string
	shards          int
	heartbeat       time.Duration
	deadline        time.Duration
	nonceWindow     time.Duration
	guilds          []*discordgo.Guild
	allowedPriv     discordgo.Intent
	zlib            bool
	strictChannels  bool
	echoOwnMessages bool
}

// Option configures a [Server].
type Option func(*config)

// WithApplicationID sets the application id (default [DefaultApplicationID]).
// Unless [WithBotUser] is given, the bot user gets the same id, as for every
// application created since 2019.
func WithApplicationID(id string) Option { return func(c *config) { c.appID = id } }

// WithApplicationFlags sets the application flags reported in READY and
// GET /applications/@me (e.g. 1<<19 GATEWAY_MESSAGE_CONTENT_LIMITED).
func WithApplicationFlags(flags int) Option { return func(c *config) { c.appFlags = flags } }

// WithBotUser sets the bot's own user (READY user, author of the bot's messages).
func WithBotUser(u discordgo.User) Option {
	return func(c *config) { c.botUser = u; c.botUserSet = true }
}

// WithUser sets the default human user that invokes interactions and sends
// messages through [Server.SendMessage] (default id [DefaultUserID]).
func WithUser(u discordgo.User) Option { return func(c *config) { c.user = u } }

// WithToken makes the server accept only this bot token (without the "Bot "
// prefix) on REST and in IDENTIFY/RESUME. By default any non-empty token is
// accepted.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithShards sets the recommended shard count returned by GET /gateway/bot
// (default 1). Sessions may still identify with any valid shard pair.
func WithShards(n int) Option { return func(c *config) { c.shards = n } }

// WithHeartbeatInterval sets the heartbeat_interval sent in HELLO
// (default [DefaultHeartbeatInterval]). discordgo reconnects when it has not
// seen an ACK for 5 intervals.
func WithHeartbeatInterval(d time.Duration) Option { return func(c *config) { c.heartbeat = d } }

// WithInteractionDeadline sets how long after dispatch the initial response
// to an interaction is accepted (default 3 s, like Discord). Later callbacks
// get 404 Unknown interaction (10062).
func WithInteractionDeadline(d time.Duration) Option { return func(c *config) { c.deadline = d } }

// DefaultNonceWindow is how long a nonce sent with enforce_nonce makes
// a resend return the message already created. Discord says only "the
// past few minutes".
const DefaultNonceWindow = 5 * time.Minute

// WithNonceWindow sets how long enforce_nonce deduplicates a message.
func WithNonceWindow(d time.Duration) Option { return func(c *config) { c.nonceWindow = d } }

// WithGuilds sets the guilds the bot is in (replacing the default guild).
// Channels listed in a guild become known channels of that guild; a guild
// without channels gets a text channel "general" whose id is the guild id + 1.
// The guilds are copied.
func WithGuilds(guilds ...*discordgo.Guild) Option {
	return func(c *config) {
		for _, g := range guilds {
			c.guilds = append(c.guilds, cloneGuild(g))
		}
	}
}

// WithGuildIDs is a shortcut for [WithGuilds] with guilds that only have an
// id, a name and a "general" text channel (id = guild id + 1).
func WithGuildIDs(ids ...string) Option {
	return func(c *config) {
		for _, id := range ids {
			c.guilds = append(c.guilds, &discordgo.Guild{ID: id, Name: "Guild " + id})
		}
	}
}

// WithPrivilegedIntents sets which privileged intents (GUILD_MEMBERS,
// GUILD_PRESENCES, MESSAGE_CONTENT) are enabled for the application, like
// the switches in the developer portal. An IDENTIFY asking for any other
// privileged intent is closed with 4014 Disallowed intent(s). By default all
// privileged intents are allowed.
func WithPrivilegedIntents(allowed discordgo.Intent) Option {
	return func(c *config) { c.allowedPriv = allowed & privilegedIntents }
}

// WithZlibPayloads makes the gateway send zlib-compressed binary frames to
// sessions that set "compress": true in IDENTIFY (discordgo does by default).
// Without it every frame is a JSON text frame, which discordgo also accepts.
func WithZlibPayloads() Option { return func(c *config) { c.zlib = true } }

// WithStrictChannels makes channels that were not declared (through guilds,
// [Server.AddChannel], DMs or [Server.SendMessage]) answer 404 Unknown
// Channel. By default an unknown (snowflake) channel id is accepted and
// becomes a DM channel with the default user.
func WithStrictChannels() Option { return func(c *config) { c.strictChannels = true } }

// WithoutOwnMessageEvents stops the server from dispatching MESSAGE_CREATE,
// MESSAGE_UPDATE and MESSAGE_DELETE for messages the bot itself creates,
// edits or deletes through REST. Discord does send them (so by default the
// fake does too); bots must ignore their own messages.
func WithoutOwnMessageEvents() Option { return func(c *config) { c.echoOwnMessages = false } }

// Server is a fake Discord: an httptest server that serves the REST API and
// the gateway. All methods are safe for concurrent use.
type Server struct {
	t     TB
	cfg   config
	hs    *httptest.Server
	wsURL string

	closeOnce sync.Once
	wg        sync.WaitGroup

	mu      sync.Mutex
	changed chan struct{}
	closed  bool
	done    chan struct{} // closed by Close

	lastSnow int64

	// REST
	routesOnce sync.Once
	routeTable []route
	calls      []Call
	faults     []*Fault
	nfaults    atomic.Int32           // len(faults), read without mu
	lastToken  atomic.Pointer[string] // read and written without mu

	// gateway
	conns      map[*gwConn]struct{}
	sessions   map[string]*gwSession
	identifies int
	readies    int
	resumes    int
	heartbeats int
	invalids   int
	payloads   []GatewayPayload
	dials      []string

	// state
	guilds       []*discordgo.Guild
	channels     map[string]*chanRec
	dms          map[string]string // user id -> DM channel id
	messages     map[string]*msgRec
	files        map[string]UploadedFile // attachment id -> file
	commands     map[string][]*discordgo.ApplicationCommand
	interactions map[string]*interactionRec
	webhookToks  map[string]string // interaction token -> interaction id
}

// NewServer starts a fake Discord on 127.0.0.1 (random port) and registers
// t.Cleanup(s.Close). Sessions created with [Server.NewSession] after it are
// closed before it, as cleanups run last-in first-out.
func NewServer(t TB, opts ...Option) *Server {
	t.Helper()
	cfg := config{
		appID:           DefaultApplicationID,
		shards:          1,
		heartbeat:       DefaultHeartbeatInterval,
		deadline:        DefaultInteractionDeadline,
		nonceWindow:     DefaultNonceWindow,
		allowedPriv:     privilegedIntents,
		echoOwnMessages: true,
		user: discordgo.User{
			ID:            DefaultUserID,
			Username:      "tester",
			GlobalName:    "Tester",
			Discriminator: "0",
		},
	}
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.botUserSet {
		cfg.botUser = discordgo.User{ID: cfg.appID, Username: "Nine Bridges", Discriminator: "0", Bot: true}
	}
	if cfg.botUser.ID == "" {
		cfg.botUser.ID = cfg.appID
	}
	cfg.botUser.Bot = true
	if cfg.shards < 1 {
		cfg.shards = 1
	}
	if cfg.heartbeat <= 0 {
		cfg.heartbeat = DefaultHeartbeatInterval
	}
	if cfg.deadline <= 0 {
		cfg.deadline = DefaultInteractionDeadline
	}
	if len(cfg.guilds) == 0 {
		cfg.guilds = []*discordgo.Guild{{
			ID:   DefaultGuildID,
			Name: "Nine Bridges Test Guild",
			Channels: []*discordgo.Channel{{
				ID: DefaultChannelID, Name: "general", Type: discordgo.ChannelTypeGuildText,
			}},
		}}
	}

	s := &Server{
		t:            t,
		cfg:          cfg,
		changed:      make(chan struct{}),
		done:         make(chan struct{}),
		conns:        map[*gwConn]struct{}{},
		sessions:     map[string]*gwSession{},
		channels:     map[string]*chanRec{},
		dms:          map[string]string{},
		messages:     map[string]*msgRec{},
		files:        map[string]UploadedFile{},
		commands:     map[string][]*discordgo.ApplicationCommand{},
		interactions: map[string]*interactionRec{},
		webhookToks:  map[string]string{},
	}
	for _, g := range cfg.guilds {
		s.addGuildLocked(g)
	}
	s.hs = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.wsURL = "ws" + strings.TrimPrefix(s.hs.URL, "http")
	t.Cleanup(s.Close)
	return s
}

// URL returns the server's origin, e.g. "http://127.0.0.1:41234".
func (s *Server) URL() string { return s.hs.URL }

// GatewayURL returns the ws:// origin that GET /gateway answers with.
func (s *Server) GatewayURL() string { return s.wsURL }

// ApplicationID returns the application id.
func (s *Server) ApplicationID() string { return s.cfg.appID }

// BotUser returns the bot's user.
func (s *Server) BotUser() discordgo.User { return s.cfg.botUser }

// User returns the default human user (see [WithUser]).
func (s *Server) User() discordgo.User { return s.cfg.user }

// Client returns an *http.Client whose requests to any host go to this server.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: RewriteTransport(s.hs.URL, nil), Timeout: 10 * time.Second}
}

// TB is what the server needs of its test: *testing.T, *testing.B and
// *testing.F all are one. A program that serves the fake outside tests
// (cmd/fakediscord) passes its own.
type TB interface {
	Helper()
	Cleanup(func())
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// NewSession returns a discordgo session for "Bot "+[DefaultToken] (or the
// [WithToken] token) whose REST client (Session.Client) goes to this server.
// It is not opened: add handlers, then call Open. The configure functions run
// before it is returned (e.g. to set ShardID/ShardCount or Identify.Intents).
// A cleanup closing the session is registered on t; it runs before the
// server's own cleanup. Note that discordgo's Session.Close sleeps one second.
func (s *Server) NewSession(t testing.TB, configure ...func(*discordgo.Session)) *discordgo.Session {
	t.Helper()
	tok := s.cfg.token
	if tok == "" {
		tok = DefaultToken
	}
	sess, err := discordgo.New("Bot " + tok)
	if err != nil {
		t.Fatalf("discordgo.New: %v", err)
	}
	sess.Client = s.Client()
	for _, f := range configure {
		f(sess)
	}
	t.Cleanup(func() { _ = sess.Close() })
	return sess
}

// Close closes every gateway connection and shuts the server down, waiting
// for its goroutines. It is idempotent and registered as a cleanup by
// [NewServer]. Close discordgo sessions first, or they keep trying to
// reconnect.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		close(s.done)
		conns := make([]*gwConn, 0, len(s.conns))
		for c := range s.conns {
			conns = append(conns, c)
		}
		s.bumpLocked()
		s.mu.Unlock()
		for _, c := range conns {
			c.close()
		}
		s.hs.Close()
		s.wg.Wait()
	})
}

// bumpLocked wakes every waiter. s.mu must be held.
func (s *Server) bumpLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitFor blocks until cond (evaluated with s.mu held) is true or ctx ends.
func (s *Server) waitFor(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		closed := s.closed
		s.mu.Unlock()
		if ok {
			return nil
		}
		if closed {
			return errServerClosed
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

type closedError struct{}

func (closedError) Error() string { return "discordtest: server closed" }

var errServerClosed error = closedError{}

// newSnowflakeLocked returns a fresh, increasing snowflake for "now".
func (s *Server) newSnowflakeLocked() string {
	v := (time.Now().UnixMilli() - discordEpoch) << 22
	if v <= s.lastSnow {
		v = s.lastSnow + 1
	}
	s.lastSnow = v
	return strconv.FormatInt(v, 10)
}

// NewSnowflake returns a fresh snowflake id (increasing, based on the clock).
func (s *Server) NewSnowflake() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newSnowflakeLocked()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// shardOf returns the shard a guild belongs to: (guild_id >> 22) % numShards.
func shardOf(guildID string, numShards int) int {
	if numShards <= 1 || guildID == "" {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(numShards))
}

// ShardOf returns the shard id a guild is routed to with numShards shards,
// per Discord's formula (guild_id >> 22) % num_shards. DMs (empty guild id)
// go to shard 0.
func ShardOf(guildID string, numShards int) int { return shardOf(guildID, numShards) }

func cloneGuild(g *discordgo.Guild) *discordgo.Guild {
	c := *g
	c.Channels = nil
	for _, ch := range g.Channels {
		cc := *ch
		c.Channels = append(c.Channels, &cc)
	}
	return &c
}

// addGuildLocked registers a guild and its channels.
func (s *Server) addGuildLocked(g *discordgo.Guild) {
	if len(g.Channels) == 0 {
		id, _ := strconv.ParseUint(g.ID, 10, 64)
		g.Channels = []*discordgo.Channel{{
			ID: strconv.FormatUint(id+1, 10), Name: "general", Type: discordgo.ChannelTypeGuildText,
		}}
	}
	if g.Name == "" {
		g.Name = "Guild " + g.ID
	}
	if g.OwnerID == "" {
		g.OwnerID = s.cfg.user.ID
	}
	if g.MemberCount == 0 {
		g.MemberCount = 2
	}
	for _, ch := range g.Channels {
		ch.GuildID = g.ID
		if ch.Name == "" {
			ch.Name = "channel-" + ch.ID
		}
		s.channels[ch.ID] = &chanRec{ch: ch, nonces: map[string]nonceRec{}}
	}
	for i, old := range s.guilds {
		if old.ID == g.ID {
			s.guilds[i] = g
			return
		}
	}
	s.guilds = append(s.guilds, g)
}

func (s *Server) guildLocked(id string) *discordgo.Guild {
	for _, g := range s.guilds {
		if g.ID == id {
			return g
		}
	}
	return nil
}

// Guilds returns copies of the guilds the bot is in.
func (s *Server) Guilds() []*discordgo.Guild {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*discordgo.Guild, 0, len(s.guilds))
	for _, g := range s.guilds {
		out = append(out, cloneGuild(g))
	}
	return out
}

// AddGuild adds (or replaces) a guild while running and dispatches
// GUILD_CREATE to the sessions of its shard, like when the bot joins a guild.
func (s *Server) AddGuild(g *discordgo.Guild) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g = cloneGuild(g)
	s.addGuildLocked(g)
	data := mustJSON(guildCreatePayload(g))
	for _, sess := range s.sessionsForGuildLocked(g.ID) {
		s.dispatchLocked(sess, "GUILD_CREATE", data, nil)
	}
	s.bumpLocked()
}

// RemoveGuild removes a guild and dispatches GUILD_DELETE (unavailable
// false: the bot was removed) to the sessions of its shard.
func (s *Server) RemoveGuild(guildID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, g := range s.guilds {
		if g.ID == guildID {
			s.guilds = append(s.guilds[:i], s.guilds[i+1:]...)
			break
		}
	}
	data := mustJSON(map[string]any{"id": guildID, "unavailable": false})
	for _, sess := range s.sessionsForGuildLocked(guildID) {
		s.dispatchLocked(sess, "GUILD_DELETE", data, nil)
	}
	s.bumpLocked()
}
