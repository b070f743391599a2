package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image/png"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

var (
	baseOnce sync.Once
	base     *facts.Base
	matcher  *match.Matcher
)

func realBase(t testing.TB) (*facts.Base, *match.Matcher) {
	baseOnce.Do(func() {
		b, err := facts.Embedded()
		if err != nil {
			panic(err)
		}
		base, matcher = b, match.New(b)
	})
	return base, matcher
}

// startBot runs the real bot, with real discordgo, against a fake Discord
// on loopback.
func startBot(t *testing.T, opts ...discordtest.Option) (*discordtest.Server, *Bot) {
	t.Helper()
	b, m := realBase(t)
	srv := discordtest.NewServer(t, append([]discordtest.Option{discordtest.WithHeartbeatInterval(200 * time.Millisecond)}, opts...)...)
	router, err := commands.New(commands.Config{Base: b, Matcher: m, Logger: slog.New(slog.DiscardHandler), Charts: Charts{Base: b}})
	if err != nil {
		t.Fatal(err)
	}
	bt, err := New(Config{
		Token:      "test-token",
		Handler:    router,
		Commands:   commands.Commands(b),
		DiscordURL: srv.URL(),
		ShardCount: 1,
		Logger:     slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := bt.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bt.Close() })
	return srv, bt
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// callback waits for the answer to interaction id and decodes it, with
// the custom ids of its buttons (discordgo cannot decode components).
func callback(t *testing.T, srv *discordtest.Server, id string) *response {
	t.Helper()
	c, err := srv.WaitCall(ctxT(t), discordtest.MatchOK(func(c discordtest.Call) bool {
		return c.Method == "POST" && strings.HasPrefix(c.Route, "/interactions/"+id+"/") && strings.HasSuffix(c.Route, "/callback")
	}))
	if err != nil {
		t.Fatalf("no callback for interaction %s: %v\ncalls: %v", id, err, srv.Calls())
	}
	body, err := c.JSONBody()
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data *struct {
			Content    string                                      `json:"content"`
			Flags      discordgo.MessageFlags                      `json:"flags"`
			Embeds     []*discordgo.MessageEmbed                   `json:"embeds"`
			Choices    []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
			Components []struct {
				Components []struct {
					CustomID string `json:"custom_id"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	r := &response{Type: raw.Type, Data: &discordgo.InteractionResponseData{}}
	if d := raw.Data; d != nil {
		r.Data.Content, r.Data.Flags, r.Data.Embeds, r.Data.Choices = d.Content, d.Flags, d.Embeds, d.Choices
		for _, row := range d.Components {
			for _, c := range row.Components {
				if c.CustomID != "" {
					r.Buttons = append(r.Buttons, c.CustomID)
				}
			}
		}
	}
	return r
}

type response struct {
	Type    discordgo.InteractionResponseType
	Data    *discordgo.InteractionResponseData
	Buttons []string
}

// pingsNobody checks the raw JSON: allowed_mentions must be present with an
// empty parse list, so nothing echoed pings anyone.
func pingsNobody(t *testing.T, body []byte) {
	t.Helper()
	var raw struct {
		Data *struct {
			AllowedMentions *struct{ Parse []string } `json:"allowed_mentions"`
		} `json:"data"`
		AllowedMentions *struct{ Parse []string } `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	am := raw.AllowedMentions
	if raw.Data != nil {
		am = raw.Data.AllowedMentions
	}
	if am == nil || am.Parse == nil || len(am.Parse) != 0 {
		t.Errorf("allowed_mentions must be {parse: []}: %s", body)
	}
}

func TestEndToEnd(t *testing.T) {
	srv, bt := startBot(t)

	t.Run("commands registered with one bulk overwrite", func(t *testing.T) {
		calls := srv.CallsMatching(discordtest.MatchRoute("PUT", "/applications/"))
		if len(calls) != 1 {
			t.Fatalf("%d command overwrites, want 1", len(calls))
		}
		names := map[string]bool{}
		for _, c := range srv.Commands("") {
			names[c.Name] = true
		}
		for _, want := range []string{"ask", "fact", "timeline", "onthisday", "trade", "exchanges", "sources", "about", "help"} {
			if !names[want] {
				t.Errorf("command %q not registered (have %v)", want, names)
			}
		}
		if !bt.Connected() {
			t.Error("Connected() = false after start")
		}
	})

	t.Run("/ask answers with the right fact and its sources", func(t *testing.T) {
		i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", "korea russia trade 2016 @everyone <@123>")))
		resp := callback(t, srv, i.ID)
		if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || len(resp.Data.Embeds) == 0 {
			t.Fatalf("response: %+v", resp)
		}
		e := resp.Data.Embeds[0]
		if e.Footer == nil || !strings.Contains(e.Footer.Text, "trade-volume-2016") {
			t.Errorf("footer should carry the fact id: %+v", e.Footer)
		}
		if !strings.Contains(e.Description, "13.4") {
			t.Errorf("answer lacks the figure: %q", e.Description)
		}
		quoted := false
		for _, f := range e.Fields {
			quoted = quoted || strings.Contains(f.Value, "US$13.4 billion in 2016")
		}
		if !quoted {
			t.Errorf("no field quotes the source: %+v", e.Fields)
		}
		c := srv.CallsMatching(discordtest.MatchRoute("POST", "/interactions/"+i.ID))
		body, _ := c[0].JSONBody()
		pingsNobody(t, body)
	})

	t.Run("autocomplete offers at most 10 short choices", func(t *testing.T) {
		i := srv.SendInteraction(srv.Autocomplete("ask", discordtest.Focused(discordtest.StringOption("question", "trade 20"))))
		resp := callback(t, srv, i.ID)
		if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("type %d", resp.Type)
		}
		if n := len(resp.Data.Choices); n == 0 || n > 10 {
			t.Fatalf("%d choices", n)
		}
		for _, c := range resp.Data.Choices {
			if len([]rune(c.Name)) > 100 || len([]rune(c.Value.(string))) > 100 {
				t.Errorf("choice over 100 characters: %+v", c)
			}
		}
	})

	t.Run("not sure: ephemeral suggestions whose button answers", func(t *testing.T) {
		// One bare word of a broad subject leaves several facts in the
		// running; at least one of these must get suggestions.
		var resp *response
		for _, vague := range []string{"arctic", "forum", "trade", "minister"} {
			i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", vague)))
			if resp = callback(t, srv, i.ID); resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
				break
			}
		}
		if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Fatalf("every vague question was answered outright: %+v", resp.Data.Embeds)
		}
		if len(resp.Buttons) == 0 {
			t.Fatalf("no suggestion buttons: %+v", resp.Data)
		}
		custom := resp.Buttons[0]
		click := srv.SendInteraction(srv.ButtonClick(custom, nil))
		got := callback(t, srv, click.ID)
		if got.Data == nil || len(got.Data.Embeds) == 0 || got.Data.Embeds[0].Footer == nil {
			t.Fatalf("button answer: %+v", got.Data)
		}
	})

	t.Run("message context menu answers the message", func(t *testing.T) {
		target := &discordgo.Message{ID: "900", ChannelID: discordtest.DefaultChannelID, Content: "what is the snowflake arctic station",
			Author: &discordgo.User{ID: "77", Username: "someone"}}
		i := srv.SendInteraction(srv.MessageCommand("Ask Nine Bridges", target))
		resp := callback(t, srv, i.ID)
		if len(resp.Data.Embeds) == 0 || !strings.Contains(resp.Data.Embeds[0].Footer.Text, "arctic-snowflake-station") {
			t.Fatalf("context menu answer: %+v", resp.Data)
		}
	})

	t.Run("a mention is answered as a reply that pings nobody", func(t *testing.T) {
		self := srv.BotUser()
		sent := srv.SendMessage(&discordgo.Message{
			Content:  "<@" + self.ID + "> korea russia trade 2017? @everyone",
			Mentions: []*discordgo.User{&self},
			Author:   &discordgo.User{ID: "4242", Username: "asker"},
		})
		c, err := srv.WaitCall(ctxT(t), discordtest.MatchOK(discordtest.MatchRoute("POST", "/channels/"+sent.ChannelID+"/messages")))
		if err != nil {
			t.Fatal(err)
		}
		var msg discordgo.MessageSend
		body, _ := c.JSONBody()
		json.Unmarshal(body, &msg)
		if msg.Reference == nil || msg.Reference.MessageID != sent.ID {
			t.Errorf("not a reply to %s: %s", sent.ID, body)
		}
		if len(msg.Embeds) == 0 || !strings.Contains(msg.Embeds[0].Footer.Text, "trade-volume-2017") {
			t.Errorf("reply: %s", body)
		}
		pingsNobody(t, body)
	})

	t.Run("a flood gets one polite notice, not one per message", func(t *testing.T) {
		self := srv.BotUser()
		user := &discordgo.User{ID: "5151", Username: "flooder"}
		before := len(srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/")))
		const sent = 9 // the bucket holds 5
		for n := 0; n < sent; n++ {
			srv.SendMessage(&discordgo.Message{Content: "<@" + self.ID + "> trade 2016", Mentions: []*discordgo.User{&self}, Author: user})
		}
		// Five answers and one notice must come; then give the other
		// three messages time to (wrongly) produce more.
		if _, err := srv.WaitCalls(ctxT(t), before+6, discordtest.MatchRoute("POST", "/channels/")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		calls := srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/"))[before:]
		notices := 0
		for _, c := range calls {
			body, _ := c.JSONBody()
			if strings.Contains(string(body), "faster than I can keep up") {
				notices++
			}
		}
		if notices != 1 {
			t.Errorf("%d notices, want exactly 1", notices)
		}
		if answers := len(calls) - notices; answers < 5 || answers >= sent {
			t.Errorf("%d answers to %d messages, want the burst (5) and not all", answers, sent)
		}
	})

	t.Run("messages from bots and without a mention are ignored", func(t *testing.T) {
		before := len(srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/")))
		srv.SendMessage(&discordgo.Message{Content: "trade 2016", Author: &discordgo.User{ID: "1", Bot: true}, Mentions: []*discordgo.User{ptr(srv.BotUser())}})
		srv.SendMessage(&discordgo.Message{Content: "trade 2016 no mention", Author: &discordgo.User{ID: "2"}})
		// A question that is answered proves the earlier events were read.
		i := srv.SendInteraction(srv.SlashCommand("about"))
		callback(t, srv, i.ID)
		time.Sleep(100 * time.Millisecond)
		if after := len(srv.CallsMatching(discordtest.MatchRoute("POST", "/channels/"))); after != before {
			t.Errorf("%d messages sent for ignored events", after-before)
		}
	})

	t.Run("a dropped gateway connection resumes and serves", func(t *testing.T) {
		if err := srv.WaitHeartbeats(ctxT(t), 1); err != nil {
			t.Fatal(err)
		}
		resumes := srv.Resumes()
		srv.DropConnections()
		if err := srv.WaitResumes(ctxT(t), resumes+1); err != nil {
			t.Fatalf("no resume: %v", err)
		}
		i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", "ROK-Russia trade volume in 2015")))
		if resp := callback(t, srv, i.ID); len(resp.Data.Embeds) == 0 {
			t.Fatalf("after resume: %+v", resp.Data)
		}
	})

	t.Run("/trade sends the series with a chart attached", func(t *testing.T) {
		i := srv.SendInteraction(srv.SlashCommand("trade"))
		c, err := srv.WaitCall(ctxT(t), discordtest.MatchOK(discordtest.MatchRoute("POST", "/interactions/"+i.ID)))
		if err != nil {
			t.Fatal(err)
		}
		files := c.Files()
		if len(files) != 1 || !strings.HasSuffix(files[0].Filename, ".png") {
			t.Fatalf("attachments: %+v", files)
		}
		img, err := png.Decode(bytes.NewReader(files[0].Data))
		if err != nil {
			t.Fatalf("not a PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 300 {
			t.Errorf("chart is %v", b)
		}
		payload, _, _ := c.Multipart()
		if !strings.Contains(string(payload), "attachment://"+files[0].Filename) {
			t.Errorf("the embed does not show the chart: %s", payload)
		}
	})

	t.Run("429 on the callback is waited out and retried", func(t *testing.T) {
		srv.FailNext("POST", "/interactions/", 429, 50*time.Millisecond)
		i := srv.SendInteraction(srv.SlashCommand("sources"))
		resp := callback(t, srv, i.ID)
		if len(resp.Data.Embeds) == 0 && resp.Data.Content == "" {
			t.Fatalf("empty /sources: %+v", resp.Data)
		}
		if n := len(srv.CallsMatching(discordtest.MatchRoute("POST", "/interactions/"+i.ID))); n != 2 {
			t.Errorf("%d attempts, want 2 (one 429, one success)", n)
		}
	})

	t.Run("a 500 is logged and the bot keeps serving", func(t *testing.T) {
		srv.FailNext("POST", "/interactions/", 500, 0)
		first := srv.SendInteraction(srv.SlashCommand("help"))
		if _, err := srv.WaitCall(ctxT(t), func(c discordtest.Call) bool {
			return strings.HasPrefix(c.Route, "/interactions/"+first.ID) && c.Status == 500
		}); err != nil {
			t.Fatal(err)
		}
		i := srv.SendInteraction(srv.SlashCommand("help"))
		callback(t, srv, i.ID)
	})
}

func ptr[T any](v T) *T { return &v }

func TestOriginTransport(t *testing.T) {
	if _, err := newOriginTransport("not a url", nil); err == nil {
		t.Error("a bad NINEBRIDGES_DISCORD_URL must be refused")
	}
	if _, err := newOriginTransport("ftp://x", nil); err == nil {
		t.Error("only http(s) origins")
	}
}

func TestNewNeedsTokenAndHandler(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("no token accepted")
	}
}

func TestHealthFollowsTheGateway(t *testing.T) {
	b, m := realBase(t)
	srv := discordtest.NewServer(t)
	router, _ := commands.New(commands.Config{Base: b, Matcher: m})
	bt, err := New(Config{Token: "test-token", Handler: router, Commands: commands.Commands(b), DiscordURL: srv.URL(), ShardCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	metrics := NewMetrics()
	h := HTTPHandler(metrics, bt.GatewayCheck(), Check{Name: "store", Fn: func(context.Context) error { return nil }})
	status := func() int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		return rec.Code
	}
	if got := status(); got != 503 {
		t.Errorf("before connecting: %d, want 503", got)
	}
	if err := bt.Start(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	defer bt.Close()
	if got := status(); got != 200 {
		t.Errorf("connected: %d, want 200", got)
	}
	failing := HTTPHandler(nil, Check{Name: "store", Fn: func(context.Context) error { return errors.New("database is down") }})
	rec := httptest.NewRecorder()
	failing.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "database is down") {
		t.Errorf("failing store: %d %s", rec.Code, rec.Body)
	}
}

// slowHandler answers after a delay, like a handler near Discord's window.
type slowHandler struct {
	Handler
	delay time.Duration
}

func (h slowHandler) Handle(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	time.Sleep(h.delay)
	return h.Handler.Handle(ctx, i)
}

// A handler that takes longer than DeferAfter gets the interaction
// deferred at once and its answer edited in when it comes.
func TestSlowHandlerIsDeferredThenEdited(t *testing.T) {
	b, m := realBase(t)
	srv := discordtest.NewServer(t, discordtest.WithInteractionDeadline(3*time.Second))
	router, err := commands.New(commands.Config{Base: b, Matcher: m})
	if err != nil {
		t.Fatal(err)
	}
	bt, err := New(Config{Token: "test-token", Handler: slowHandler{router, 300 * time.Millisecond}, Commands: commands.Commands(b),
		DiscordURL: srv.URL(), ShardCount: 1, DeferAfter: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := bt.Start(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	defer bt.Close()
	i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", "korea russia trade 2016")))
	rec, err := srv.WaitAcknowledged(ctxT(t), i.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.ResponseType != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first response type %d, want a deferral (5)", rec.ResponseType)
	}
	edit, err := srv.WaitCall(ctxT(t), discordtest.MatchOK(discordtest.MatchRoute("PATCH", "/webhooks/")))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := edit.JSONBody()
	if !strings.Contains(string(body), "trade-volume-2016") {
		t.Errorf("the edit does not carry the answer: %s", body)
	}
	pingsNobody(t, body)
}

// An error reaching Discord names the host the bot really dialled.
func TestConnectionErrorNamesTheRealHost(t *testing.T) {
	b, _ := realBase(t)
	bt, err := New(Config{Token: "test-token", Handler: testRouter(t), Commands: commands.Commands(b), DiscordURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	err = bt.Start(ctxT(t))
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") || strings.Contains(err.Error(), "discord.com") {
		t.Errorf("Start = %v, want an error naming 127.0.0.1:1 and not discord.com", err)
	}
}
