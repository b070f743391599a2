package discordtest

import (
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// guildOnShard returns a guild id routed to shard of n.
func guildOnShard(base int64, shard, n int) string {
	ts := base
	for int(ts%int64(n)) != shard {
		ts++
	}
	return strconv.FormatInt(ts<<22, 10)
}

func TestReadyAndGuildCreate(t *testing.T) {
	t.Parallel()
	g0 := guildOnShard(300000000000, 0, 2)
	g1 := guildOnShard(300000000000, 1, 2)
	tests := []struct {
		name      string
		opts      []Option
		shards    int // sessions to open; >1 means ShardCount = shards
		wantGuild map[int][]string
	}{
		{name: "default guild", wantGuild: map[int][]string{0: {DefaultGuildID}}},
		{name: "two guilds", opts: []Option{WithGuildIDs(g0, g1)}, wantGuild: map[int][]string{0: {g0, g1}}},
		{name: "zlib payloads", opts: []Option{WithZlibPayloads(), WithGuildIDs(g0)}, wantGuild: map[int][]string{0: {g0}}},
		{name: "two shards", opts: []Option{WithGuildIDs(g0, g1), WithShards(2)}, shards: 2,
			wantGuild: map[int][]string{0: {g0}, 1: {g1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, tc.opts...)
			n := max(tc.shards, 1)
			if tc.shards > 1 {
				sess := srv.NewSession(t)
				gb, err := sess.GatewayBot()
				if err != nil {
					t.Fatalf("GatewayBot: %v", err)
				}
				if gb.Shards != tc.shards || !strings.HasPrefix(gb.URL, "ws://127.0.0.1:") || gb.SessionStartLimit.MaxConcurrency != 1 {
					t.Fatalf("GatewayBot = %+v", gb)
				}
			}
			for shard := 0; shard < n; shard++ {
				var readyCh = make(chan *discordgo.Ready, 1)
				guildCh := make(chan string, 8)
				sess := srv.NewSession(t, func(s *discordgo.Session) {
					if n > 1 {
						s.ShardID, s.ShardCount = shard, n
					}
				})
				sess.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { readyCh <- r })
				sess.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { guildCh <- g.ID })
				mustOpen(t, sess)
				r := recv(t, readyCh, "READY")
				if r.User == nil || r.User.ID != DefaultApplicationID || !r.User.Bot || r.SessionID == "" ||
					r.Application == nil || r.Application.ID != DefaultApplicationID || r.Version != 9 {
					t.Fatalf("READY = %s", jsonString(r))
				}
				if r.Shard == nil || r.Shard[0] != shard || r.Shard[1] != n {
					t.Fatalf("READY shard = %v, want [%d %d]", r.Shard, shard, n)
				}
				want := tc.wantGuild[shard]
				var got []string
				for range want {
					got = append(got, recv(t, guildCh, "GUILD_CREATE"))
				}
				sort.Strings(got)
				sort.Strings(want)
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Fatalf("shard %d got guilds %v, want %v", shard, got, want)
				}
				for _, id := range want {
					g, err := sess.State.Guild(id)
					if err != nil || len(g.Channels) != 1 || g.Channels[0].GuildID != id || g.Unavailable {
						t.Fatalf("State.Guild(%s) = %+v, %v", id, g, err)
					}
				}
			}
			if err := srv.WaitReadies(testCtx(t, 3*time.Second), n); err != nil {
				t.Fatal(err)
			}
			if srv.Identifies() != n || srv.Resumes() != 0 {
				t.Fatalf("identifies=%d resumes=%d", srv.Identifies(), srv.Resumes())
			}
			for _, d := range srv.GatewayDials() {
				if d != "/?v=9&encoding=json" {
					t.Fatalf("dialled %q", d)
				}
			}
			if c := srv.CallsMatching(MatchRouteRegexp("GET", `^/gateway$`)); len(c) == 0 {
				t.Fatalf("no GET /gateway recorded: %v", srv.Calls())
			}
		})
	}
}

func TestHeartbeatAck(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, WithHeartbeatInterval(20*time.Millisecond))
	sess := srv.NewSession(t)
	mustOpen(t, sess)
	if err := srv.WaitHeartbeats(testCtx(t, 3*time.Second), 4); err != nil {
		t.Fatal(err)
	}
	// discordgo would reconnect after 5 intervals without ACK; it did not.
	if srv.Identifies() != 1 || srv.Resumes() != 0 || srv.Connections() != 1 {
		t.Fatalf("identifies=%d resumes=%d conns=%d", srv.Identifies(), srv.Resumes(), srv.Connections())
	}
	sess.RLock()
	ack := sess.LastHeartbeatAck
	sess.RUnlock()
	if time.Since(ack) > time.Second {
		t.Fatalf("no recent heartbeat ACK: %v", ack)
	}
}

func TestResumeAfterDrop(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t, func(s *discordgo.Session) {
		s.Identify.Intents |= discordgo.IntentMessageContent
	})
	ints := interactions(sess)
	msgs := messageCreates(sess)
	resumed := make(chan struct{}, 1)
	sess.AddHandler(func(*discordgo.Session, *discordgo.Resumed) { resumed <- struct{}{} })
	mustOpen(t, sess)
	ctx := testCtx(t, 5*time.Second)
	// Let discordgo's heartbeat goroutine send its first heartbeat: if the
	// connection drops before that, discordgo (v0.29.0) may reconnect twice
	// and close the resumed connection with code 1000 (see DropConnections).
	if err := srv.WaitHeartbeats(ctx, 1); err != nil {
		t.Fatal(err)
	}

	if n := srv.DropConnections(); n != 1 {
		t.Fatalf("dropped %d connections", n)
	}
	// Sent while the bot is disconnected: must be replayed on RESUME.
	srv.SendMessage(&discordgo.Message{Content: "while you were away"})

	if err := srv.WaitResumes(ctx, 1); err != nil {
		t.Fatal(err)
	}
	recv(t, resumed, "RESUMED")
	if m := recv(t, msgs, "replayed MESSAGE_CREATE"); m.Content != "while you were away" {
		t.Fatalf("replayed message = %q", m.Content)
	}
	if srv.Resumes() != 1 || srv.Identifies() != 1 {
		t.Fatalf("resumes=%d identifies=%d", srv.Resumes(), srv.Identifies())
	}
	var resume map[string]any
	for _, p := range srv.GatewayPayloads() {
		if p.Op == 6 {
			_ = jsonUnmarshal(p.Data, &resume)
		}
	}
	if resume == nil || resume["token"] != "[redacted]" || resume["session_id"] == "" || resume["seq"].(float64) < 1 {
		t.Fatalf("RESUME payload = %v", resume)
	}

	i := srv.SendInteraction(srv.SlashCommand("ping"))
	if got := recv(t, ints, "INTERACTION_CREATE after resume"); got.ID != i.ID {
		t.Fatalf("got interaction %s, want %s", got.ID, i.ID)
	}
	// The sequence keeps increasing over the resume: no event is seen twice.
	select {
	case m := <-msgs:
		t.Fatalf("duplicate MESSAGE_CREATE %q", m.Content)
	default:
	}
}

func TestReconnectOpcodeResumes(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	ints := interactions(sess)
	mustOpen(t, sess)
	ctx := testCtx(t, 5*time.Second)
	if err := srv.WaitHeartbeats(ctx, 1); err != nil {
		t.Fatal(err)
	}
	srv.RequestReconnect()
	if err := srv.WaitResumes(ctx, 1); err != nil {
		t.Fatal(err)
	}
	i := srv.SendInteraction(srv.SlashCommand("ping"))
	if got := recv(t, ints, "interaction"); got.ID != i.ID {
		t.Fatalf("got %s", got.ID)
	}
}

func TestInvalidSessionReidentifies(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	readies := make(chan *discordgo.Ready, 4)
	sess.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { readies <- r })
	mustOpen(t, sess)
	first := recv(t, readies, "READY")
	if n := srv.InvalidateSessions(); n != 1 {
		t.Fatalf("invalidated %d", n)
	}
	second := recv(t, readies, "second READY")
	if second.SessionID == first.SessionID {
		t.Fatal("same session id after INVALID_SESSION")
	}
	if srv.Identifies() != 2 || srv.InvalidSessions() != 1 {
		t.Fatalf("identifies=%d invalid=%d", srv.Identifies(), srv.InvalidSessions())
	}
}

func TestGatewayRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		opts      []Option
		configure func(*discordgo.Session)
		wantClose string
	}{
		{name: "wrong token", opts: []Option{WithToken("right")},
			configure: func(s *discordgo.Session) { s.Identify.Token = "Bot wrong" }, wantClose: "4004"},
		{name: "disallowed intent", opts: []Option{WithPrivilegedIntents(0)},
			configure: func(s *discordgo.Session) { s.Identify.Intents |= discordgo.IntentMessageContent }, wantClose: "4014"},
		{name: "invalid shard",
			configure: func(s *discordgo.Session) { s.Identify.Shard = &[2]int{3, 2} }, wantClose: "4010"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, tc.opts...)
			sess := srv.NewSession(t, tc.configure)
			sess.ShouldReconnectOnError = false
			err := sess.Open()
			if err == nil || !strings.Contains(err.Error(), tc.wantClose) {
				t.Fatalf("Open error = %v, want close %s", err, tc.wantClose)
			}
		})
	}
}

func TestDispatchAndGuildLifecycle(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	typing := make(chan *discordgo.TypingStart, 1)
	guilds := make(chan string, 4)
	gone := make(chan string, 1)
	sess.AddHandler(func(_ *discordgo.Session, e *discordgo.TypingStart) { typing <- e })
	sess.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { guilds <- g.ID })
	sess.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildDelete) { gone <- g.ID })
	mustOpen(t, sess)
	recv(t, guilds, "initial GUILD_CREATE")

	if n := srv.Dispatch("TYPING_START", map[string]any{"channel_id": DefaultChannelID, "user_id": DefaultUserID, "timestamp": 1}); n != 1 {
		t.Fatalf("dispatched to %d sessions", n)
	}
	if e := recv(t, typing, "TYPING_START"); e.UserID != DefaultUserID {
		t.Fatalf("typing = %+v", e)
	}

	srv.AddGuild(&discordgo.Guild{ID: "1300000000000000500", Name: "New"})
	if id := recv(t, guilds, "GUILD_CREATE"); id != "1300000000000000500" {
		t.Fatalf("got %s", id)
	}
	srv.RemoveGuild("1300000000000000500")
	if id := recv(t, gone, "GUILD_DELETE"); id != "1300000000000000500" {
		t.Fatalf("got %s", id)
	}

	if err := sess.UpdateGameStatus(0, "building bridges"); err != nil {
		t.Fatal(err)
	}
	ctx := testCtx(t, 3*time.Second)
	_, err := srv.WaitGatewayPayload(ctx, func(p GatewayPayload) bool {
		return p.Op == 3 && strings.Contains(string(p.Data), "building bridges")
	})
	if err != nil {
		t.Fatalf("presence update not received: %v", err)
	}
	for _, p := range srv.GatewayPayloads() {
		if p.Op == 2 && strings.Contains(string(p.Data), DefaultToken) {
			t.Fatal("token recorded in IDENTIFY payload")
		}
	}
}
