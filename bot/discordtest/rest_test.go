package discordtest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestCommandsBulkOverwrite(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	cmds := []*discordgo.ApplicationCommand{
		{Name: "fact", Description: "Tell a fact", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Topic", Required: true, Autocomplete: true},
		}},
		{Name: "Save fact", Type: discordgo.MessageApplicationCommand},
	}
	for _, guild := range []string{"", DefaultGuildID} {
		scope := "global"
		if guild != "" {
			scope = "guild"
		}
		t.Run(scope, func(t *testing.T) {
			got, err := sess.ApplicationCommandBulkOverwrite(DefaultApplicationID, guild, cmds)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].ID == "" || got[0].ApplicationID != DefaultApplicationID || got[0].GuildID != guild ||
				got[0].Type != discordgo.ChatApplicationCommand || got[1].Type != discordgo.MessageApplicationCommand {
				t.Fatalf("overwrite returned %s", jsonString(got))
			}
			stored := srv.Commands(guild)
			if len(stored) != 2 || stored[0].ID != got[0].ID || stored[0].Options[0].Name != "topic" {
				t.Fatalf("stored %s", jsonString(stored))
			}
			// Overwriting again keeps ids of commands with the same name.
			again, err := sess.ApplicationCommandBulkOverwrite(DefaultApplicationID, guild, cmds[:1])
			if err != nil || len(again) != 1 || again[0].ID != got[0].ID {
				t.Fatalf("second overwrite = %s, %v", jsonString(again), err)
			}
			listed, err := sess.ApplicationCommands(DefaultApplicationID, guild)
			if err != nil || len(listed) != 1 {
				t.Fatalf("GET commands = %s, %v", jsonString(listed), err)
			}
			calls := srv.CallsMatching(MatchRoute("PUT", "/applications/"+DefaultApplicationID+"/"))
			var sent []map[string]any
			if err := calls[len(calls)-1].Decode(&sent); err != nil || len(sent) != 1 || sent[0]["name"] != "fact" {
				t.Fatalf("recorded body %v, %v", sent, err)
			}
		})
	}

	// An interaction for a registered command carries its id.
	i := srv.SendInteraction(srv.SlashCommand("fact"))
	if i.ApplicationCommandData().ID != srv.Commands(DefaultGuildID)[0].ID {
		t.Fatalf("interaction command id %s", i.ApplicationCommandData().ID)
	}

	invalid := []struct {
		name string
		cmds []*discordgo.ApplicationCommand
	}{
		{"upper-case name", []*discordgo.ApplicationCommand{{Name: "Fact", Description: "x"}}},
		{"missing description", []*discordgo.ApplicationCommand{{Name: "fact"}}},
		{"duplicate", []*discordgo.ApplicationCommand{{Name: "a", Description: "x"}, {Name: "a", Description: "y"}}},
		{"required after optional", []*discordgo.ApplicationCommand{{Name: "a", Description: "x", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "o", Description: "o"},
			{Type: discordgo.ApplicationCommandOptionString, Name: "r", Description: "r", Required: true},
		}}}},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sess.ApplicationCommandBulkOverwrite(DefaultApplicationID, "", tc.cmds)
			if status, code := restCode(t, err); status != 400 || code != 50035 {
				t.Fatalf("got %d/%d", status, code)
			}
		})
	}
	_, err := sess.ApplicationCommandBulkOverwrite("42", "", cmds)
	if status, code := restCode(t, err); status != 403 || code != 50001 {
		t.Fatalf("wrong application: %d/%d", status, code)
	}
}

func TestMessageCreateAndReply(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		intents     discordgo.Intent
		content     string
		wantContent string
	}{
		{"message content intent", discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent, "hello bot", "hello bot"},
		{"no message content intent", discordgo.IntentsAllWithoutPrivileged, "hello bot", ""},
		{"no intent but mentioned", discordgo.IntentsAllWithoutPrivileged, "<@" + DefaultApplicationID + "> hello", "<@" + DefaultApplicationID + "> hello"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t)
			sess := srv.NewSession(t, func(s *discordgo.Session) { s.Identify.Intents = tc.intents })
			replies := make(chan error, 1)
			seen := make(chan *discordgo.Message, 4)
			sess.AddHandler(func(s *discordgo.Session, mc *discordgo.MessageCreate) {
				if mc.Author.ID == s.State.User.ID {
					return // bots must ignore their own messages, which Discord also sends
				}
				seen <- mc.Message
				_, err := s.ChannelMessageSendComplex(mc.ChannelID, &discordgo.MessageSend{
					Content:   "reply to " + mc.ID,
					Reference: mc.Reference(),
				})
				replies <- err
			})
			mustOpen(t, sess)
			sent := srv.SendMessage(&discordgo.Message{Content: tc.content})
			got := recv(t, seen, "MESSAGE_CREATE")
			if got.ID != sent.ID || got.Content != tc.wantContent || got.Author.ID != DefaultUserID || got.GuildID != DefaultGuildID {
				t.Fatalf("received %s", jsonString(got))
			}
			if err := recv(t, replies, "reply"); err != nil {
				t.Fatal(err)
			}
			msgs := srv.Messages(DefaultChannelID)
			if len(msgs) != 2 {
				t.Fatalf("channel has %d messages", len(msgs))
			}
			reply := msgs[1]
			if reply.Type != discordgo.MessageTypeReply || reply.MessageReference == nil || reply.MessageReference.MessageID != sent.ID ||
				reply.ReferencedMessage == nil || reply.Author.ID != DefaultApplicationID || reply.Content != "reply to "+sent.ID {
				t.Fatalf("reply = %s", jsonString(reply))
			}
			call, err := srv.WaitCall(testCtx(t, time.Second), MatchRoute("POST", "/channels/"+DefaultChannelID+"/messages"))
			if err != nil || call.Status != 200 || call.Token() != DefaultToken || call.Header.Get("Authorization") != "Bot [redacted]" {
				t.Fatalf("call %v %v", call, err)
			}
			if ref := decodeMap(t, call)["message_reference"].(map[string]any); ref["message_id"] != sent.ID {
				t.Fatalf("message_reference = %v", ref)
			}
		})
	}

	t.Run("reply to unknown message", func(t *testing.T) {
		t.Parallel()
		srv := NewServer(t)
		sess := srv.NewSession(t)
		_, err := sess.ChannelMessageSendReply(DefaultChannelID, "x", &discordgo.MessageReference{MessageID: "1"})
		if status, code := restCode(t, err); status != 400 || code != 50035 {
			t.Fatalf("got %d/%d", status, code)
		}
	})
}

func TestRateLimit429IsRetried(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	rl := make(chan *discordgo.RateLimit, 1)
	sess.AddHandler(func(_ *discordgo.Session, r *discordgo.RateLimit) { rl <- r })
	route := "/channels/" + DefaultChannelID + "/messages"
	srv.FailNext("POST", route, http.StatusTooManyRequests, 100*time.Millisecond)

	start := time.Now()
	m, err := sess.ChannelMessageSend(DefaultChannelID, "after the rate limit")
	if err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 100*time.Millisecond {
		t.Fatalf("discordgo retried after %v, before retry_after", waited)
	}
	calls := srv.CallsMatching(MatchRoute("POST", route))
	if len(calls) != 2 || calls[0].Status != 429 || !calls[0].Injected || calls[1].Status != 200 {
		t.Fatalf("calls = %v", calls)
	}
	if string(calls[0].Body) != string(calls[1].Body) {
		t.Fatal("retry sent a different body")
	}
	if got := calls[0].Response; !strings.Contains(string(got), `"retry_after":0.1`) || !strings.Contains(string(got), `"global":false`) {
		t.Fatalf("429 body = %s", got)
	}
	if r := recv(t, rl, "RateLimit event"); r.RetryAfter != 100*time.Millisecond {
		t.Fatalf("RateLimit event = %+v", r.TooManyRequests)
	}
	if msgs := srv.Messages(DefaultChannelID); len(msgs) != 1 || msgs[0].ID != m.ID {
		t.Fatalf("messages = %d", len(msgs))
	}

	// With retries disabled the 429 surfaces as *discordgo.RateLimitError.
	srv.FailNext("POST", route, http.StatusTooManyRequests, 50*time.Millisecond)
	_, err = sess.ChannelMessageSend(DefaultChannelID, "x", discordgo.WithRetryOnRatelimit(false))
	if rle, ok := err.(*discordgo.RateLimitError); !ok || rle.RetryAfter != 50*time.Millisecond {
		t.Fatalf("err = %T %v", err, err)
	}
}

func TestServerErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		status     int
		times      int
		wantCalls  int
		wantErr    bool
		wantStatus int    // of the returned *discordgo.RESTError
		wantText   string // in the error message
	}{
		{name: "500 is not retried", status: 500, times: 1, wantCalls: 1, wantErr: true, wantStatus: 500},
		{name: "503 is not retried", status: 503, times: 1, wantCalls: 1, wantErr: true, wantStatus: 503},
		{name: "502 is retried", status: 502, times: 1, wantCalls: 2},
		// After MaxRestRetries (3) retries discordgo gives up with a plain
		// error, not a *discordgo.RESTError.
		{name: "502 retried up to MaxRestRetries", status: 502, times: 10, wantCalls: 4, wantErr: true,
			wantText: "Exceeded Max retries HTTP 502"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t)
			sess := srv.NewSession(t)
			srv.InjectFault(Fault{Method: "POST", PathPrefix: "/channels/", Status: tc.status, Times: tc.times})
			_, err := sess.ChannelMessageSend(DefaultChannelID, "hi")
			calls := srv.CallsMatching(MatchRoute("POST", "/channels/"))
			if len(calls) != tc.wantCalls {
				t.Fatalf("%d calls, want %d: %v", len(calls), tc.wantCalls, calls)
			}
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if tc.wantText != "" && !strings.Contains(err.Error(), tc.wantText) {
				t.Fatalf("err = %v", err)
			}
			if tc.wantStatus != 0 {
				if status, _ := restCode(t, err); status != tc.wantStatus {
					t.Fatalf("status %d", status)
				}
			}
			wantMsgs := 0
			if !tc.wantErr {
				wantMsgs = 1
			}
			if n := len(srv.Messages(DefaultChannelID)); n != wantMsgs {
				t.Fatalf("%d messages", n)
			}
		})
	}
}

func TestNonceEnforce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		enforce  bool
		fault    *Fault // applied to the first request
		requests int
		wantMsgs int
		window   time.Duration // 0: the default
	}{
		{name: "same nonce twice", enforce: true, requests: 2, wantMsgs: 1},
		{name: "same nonce after the window", enforce: true, requests: 2, wantMsgs: 2, window: time.Nanosecond},
		{name: "nonce without enforce_nonce", enforce: false, requests: 2, wantMsgs: 2},
		{name: "502 after the message was created, discordgo retries", enforce: true, requests: 1, wantMsgs: 1,
			fault: &Fault{Method: "POST", PathPrefix: "/channels/", Status: 502, AfterHandling: true}},
		{name: "502 after creation without enforce_nonce duplicates", enforce: false, requests: 1, wantMsgs: 2,
			fault: &Fault{Method: "POST", PathPrefix: "/channels/", Status: 502, AfterHandling: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var opts []Option
			if tc.window > 0 {
				opts = append(opts, WithNonceWindow(tc.window))
			}
			srv := NewServer(t, opts...)
			sess := srv.NewSession(t)
			if tc.fault != nil {
				srv.InjectFault(*tc.fault)
			}
			ch := DefaultChannelID
			body := map[string]any{"content": "x", "nonce": "n1"}
			if tc.enforce {
				body["enforce_nonce"] = true
			}
			var ids []string
			for range tc.requests {
				resp, err := sess.RequestWithBucketID("POST", discordgo.EndpointChannelMessages(ch), body, discordgo.EndpointChannelMessages(ch))
				if err != nil {
					t.Fatal(err)
				}
				var m discordgo.Message
				if err := jsonUnmarshal(resp, &m); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, m.ID)
			}
			if msgs := srv.Messages(ch); len(msgs) != tc.wantMsgs {
				t.Fatalf("%d visible messages, want %d", len(msgs), tc.wantMsgs)
			}
			if tc.enforce && tc.requests == 2 && tc.wantMsgs == 1 && ids[0] != ids[1] {
				t.Fatalf("ids %v differ", ids)
			}
		})
	}
}

// As on Discord, a nonce is not stored with the message: the create
// response carries it, a fetched message does not.
func TestNonceNotStored(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	ch := DefaultChannelID
	resp, err := sess.RequestWithBucketID("POST", discordgo.EndpointChannelMessages(ch), map[string]any{"content": "x", "nonce": "n1", "enforce_nonce": true}, "")
	if err != nil {
		t.Fatal(err)
	}
	var created struct {
		ID    string `json:"id"`
		Nonce string `json:"nonce"`
	}
	if err := jsonUnmarshal(resp, &created); err != nil || created.Nonce != "n1" {
		t.Fatalf("create response %s", resp)
	}
	for _, url := range []string{discordgo.EndpointChannelMessage(ch, created.ID), discordgo.EndpointChannelMessages(ch)} {
		body, err := sess.RequestWithBucketID("GET", url, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(body), "nonce") {
			t.Errorf("GET %s shows the nonce: %s", url, body)
		}
	}
}

func TestChannelErrors(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, WithStrictChannels())
	sess := srv.NewSession(t)
	srv.AddChannel(&discordgo.Channel{ID: "1300000000000000300", GuildID: DefaultGuildID, Name: "gone", Type: discordgo.ChannelTypeGuildText})
	srv.AddChannel(&discordgo.Channel{ID: "1300000000000000301", GuildID: DefaultGuildID, Name: "hidden", Type: discordgo.ChannelTypeGuildText})
	srv.AddChannel(&discordgo.Channel{ID: "1300000000000000302", GuildID: DefaultGuildID, Name: "readonly", Type: discordgo.ChannelTypeGuildText})
	srv.DeleteChannel("1300000000000000300")
	srv.DenyChannel("1300000000000000301")
	srv.DenySend("1300000000000000302")
	tests := []struct {
		channel            string
		sendStatus, sendCd int
		getStatus, getCd   int
	}{
		{"1300000000000000300", 404, 10003, 404, 10003},
		{"1300000000000000301", 403, 50001, 403, 50001},
		{"1300000000000000302", 403, 50013, 200, 0},
		{"1300000000000000999", 404, 10003, 404, 10003}, // unknown (strict)
		{DefaultChannelID, 200, 0, 200, 0},
	}
	for _, tc := range tests {
		t.Run(tc.channel, func(t *testing.T) {
			_, err := sess.ChannelMessageSend(tc.channel, "hi")
			if tc.sendStatus == 200 {
				if err != nil {
					t.Fatal(err)
				}
			} else if status, code := restCode(t, err); status != tc.sendStatus || code != tc.sendCd {
				t.Fatalf("send: %d/%d", status, code)
			}
			ch, err := sess.Channel(tc.channel)
			if tc.getStatus == 200 {
				if err != nil || ch.ID != tc.channel {
					t.Fatalf("GET channel = %v, %v", ch, err)
				}
			} else if status, code := restCode(t, err); status != tc.getStatus || code != tc.getCd {
				t.Fatalf("get: %d/%d", status, code)
			}
		})
	}
	srv.RestoreChannel("1300000000000000301")
	if _, err := sess.ChannelMessageSend("1300000000000000301", "back"); err != nil {
		t.Fatal(err)
	}
}

func TestAuthAndUnknownRoutes(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, WithToken("secret"))
	good := srv.NewSession(t)
	if u, err := good.User("@me"); err != nil || u.ID != DefaultApplicationID || !u.Bot {
		t.Fatalf("users/@me = %v, %v", u, err)
	}
	if srv.LastToken() != "secret" {
		t.Fatalf("LastToken = %q", srv.LastToken())
	}
	bad, _ := discordgo.New("Bot wrong")
	bad.Client = srv.Client()
	if _, err := bad.User("@me"); err == nil {
		t.Fatal("wrong token accepted")
	} else if status, _ := restCode(t, err); status != 401 {
		t.Fatalf("status %d", status)
	}
	bare, _ := discordgo.New("secret") // no "Bot " prefix
	bare.Client = srv.Client()
	if _, err := bare.User("@me"); err == nil {
		t.Fatal("bare token accepted")
	}
	_, err := good.Request("GET", discordgo.EndpointAPI+"nothing/here", nil)
	if status, code := restCode(t, err); status != 404 || code != 0 {
		t.Fatalf("unknown route: %d/%d", status, code)
	}
	if c := srv.CallsMatching(MatchRoute("GET", "/nothing/here")); len(c) != 1 || c[0].Status != 404 ||
		string(c[0].Response) != `{"code":0,"message":"404: Not Found"}` {
		t.Fatalf("unknown route not recorded: %v", c)
	}
	for _, c := range srv.Calls() {
		for _, v := range c.Header.Values("Authorization") {
			if strings.Contains(v, "secret") || strings.Contains(v, "wrong") {
				t.Fatal("token recorded in headers")
			}
		}
	}
}

func TestRewriteTransport(t *testing.T) {
	t.Parallel()
	var got []string
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Host+" "+r.URL.RequestURI())
		_, _ = io.WriteString(w, "ok")
	}))
	defer backend.Close()
	tests := []struct{ origin, in, want string }{
		{backend.URL, "https://discord.com/api/v9/users/@me?x=1", "/api/v9/users/@me?x=1"},
		{backend.URL + "/prefix/", "https://discord.com/api/v9/gateway", "/prefix/api/v9/gateway"},
		{backend.URL, "https://cdn.discordapp.com/a%2Fb", "/a%2Fb"},
	}
	for _, tc := range tests {
		got = nil
		c := &http.Client{Transport: RewriteTransport(tc.origin, nil)}
		resp, err := c.Get(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		host := strings.TrimPrefix(backend.URL, "http://")
		if len(got) != 1 || got[0] != host+" "+tc.want {
			t.Fatalf("%s -> %v, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDirectMessages(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t) // default intents: no MESSAGE_CONTENT, but DMs keep their content
	msgs := messageCreates(sess)
	mustOpen(t, sess)
	dm, err := sess.UserChannelCreate(DefaultUserID)
	if err != nil || dm.Type != discordgo.ChannelTypeDM || dm.Recipients[0].ID != DefaultUserID {
		t.Fatalf("DM channel = %s, %v", jsonString(dm), err)
	}
	if again, _ := sess.UserChannelCreate(DefaultUserID); again.ID != dm.ID {
		t.Fatal("second DM channel created")
	}
	srv.SendMessage(&discordgo.Message{ChannelID: dm.ID, Content: "psst"})
	if m := recv(t, msgs, "DM"); m.Content != "psst" || m.GuildID != "" {
		t.Fatalf("DM = %s", jsonString(m))
	}
	if _, err := sess.ChannelMessageSend(dm.ID, "hello"); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Messages(dm.ID)); n != 2 {
		t.Fatalf("%d DM messages", n)
	}
	i := srv.SlashCommand("ping")
	i.ChannelID = dm.ID
	srv.SendInteraction(i)
	if i.GuildID != "" || i.User == nil || i.Member != nil || i.Context != discordgo.InteractionContextBotDM {
		t.Fatalf("DM interaction = %s", jsonString(i))
	}
}

func TestMessageLifecycle(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	ch := DefaultChannelID
	m1, err := sess.ChannelMessageSend(ch, "one")
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := sess.ChannelMessageSend(ch, "two")
	if _, err := sess.ChannelMessageEdit(ch, m1.ID, "one (edited)"); err != nil {
		t.Fatal(err)
	}
	if err := sess.MessageReactionAdd(ch, m2.ID, "👍"); err != nil {
		t.Fatal(err)
	}
	if r := srv.Reactions(m2.ID); len(r) != 1 || r[0] != "👍" {
		t.Fatalf("reactions %v", r)
	}
	list, err := sess.ChannelMessages(ch, 10, "", "", "")
	if err != nil || len(list) != 2 || list[0].ID != m2.ID || list[1].Content != "one (edited)" || list[1].EditedTimestamp == nil {
		t.Fatalf("list = %s, %v", jsonString(list), err)
	}
	if err := sess.ChannelMessageDelete(ch, m1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.ChannelMessage(ch, m1.ID); err == nil {
		t.Fatal("deleted message still readable")
	} else if status, code := restCode(t, err); status != 404 || code != 10008 {
		t.Fatalf("%d/%d", status, code)
	}
	user := srv.SendMessage(&discordgo.Message{Content: "mine"})
	if _, err := sess.ChannelMessageEdit(ch, user.ID, "hijack"); err == nil {
		t.Fatal("edited another user's message")
	} else if status, code := restCode(t, err); status != 403 || code != 50005 {
		t.Fatalf("%d/%d", status, code)
	}
	if _, err := sess.ChannelMessageSend(ch, strings.Repeat("x", 2001)); err == nil {
		t.Fatal("2001 characters accepted")
	}

	// Follow-ups can be edited and deleted through the interaction webhook.
	i := srv.SendInteraction(srv.SlashCommand("x"))
	if err := sess.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "original"}}); err != nil {
		t.Fatal(err)
	}
	f, err := sess.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "follow"})
	if err != nil {
		t.Fatal(err)
	}
	text := "follow (edited)"
	if e, err := sess.FollowupMessageEdit(i, f.ID, &discordgo.WebhookEdit{Content: &text}); err != nil || e.Content != text {
		t.Fatalf("edit follow-up: %v %v", e, err)
	}
	if err := sess.FollowupMessageDelete(i, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := sess.InteractionResponseDelete(i); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.InteractionResponse(i); err == nil {
		t.Fatal("deleted original still readable")
	}

	// Single-command routes.
	c, err := sess.ApplicationCommandCreate(DefaultApplicationID, DefaultGuildID, &discordgo.ApplicationCommand{Name: "one", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	c.Description = "changed"
	if e, err := sess.ApplicationCommandEdit(DefaultApplicationID, DefaultGuildID, c.ID, c); err != nil || e.Description != "changed" || e.ID != c.ID {
		t.Fatalf("edit command: %v %v", e, err)
	}
	if got, err := sess.ApplicationCommand(DefaultApplicationID, DefaultGuildID, c.ID); err != nil || got.Name != "one" {
		t.Fatalf("get command: %v %v", got, err)
	}
	if err := sess.ApplicationCommandDelete(DefaultApplicationID, DefaultGuildID, c.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Commands(DefaultGuildID)); n != 0 {
		t.Fatalf("%d commands left", n)
	}
}

func TestGlobalRateLimit(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	srv.InjectFault(Fault{Method: "GET", PathPrefix: "/users/@me", Status: 429, RetryAfter: 60 * time.Millisecond, Global: true})
	start := time.Now()
	if _, err := sess.User("@me"); err != nil {
		t.Fatal(err)
	}
	// The global lock (X-RateLimit-Global) also delays other routes until it expires.
	if _, err := sess.Channel(DefaultChannelID); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Fatalf("finished after %v", d)
	}
	if c := srv.CallsMatching(MatchRoute("GET", "/users/@me")); len(c) != 2 || c[0].Status != 429 {
		t.Fatalf("calls %v", c)
	}
}
