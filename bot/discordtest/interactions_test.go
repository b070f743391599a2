package discordtest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

var callbackRoute = MatchRouteRegexp("POST", `^/interactions/[0-9]+/[^/]+/callback$`)

func TestInteractionRespond(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t)
	ints := interactions(sess)
	mustOpen(t, sess)
	ctx := testCtx(t, 5*time.Second)

	// A message with a button, posted by the bot, for the component cases.
	withButton, err := sess.ChannelMessageSendComplex(DefaultChannelID, &discordgo.MessageSend{
		Content: "pick one",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Yes", CustomID: "yes", Style: discordgo.PrimaryButton},
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(withButton.Components) != 1 {
		t.Fatalf("components not echoed: %s", jsonString(withButton))
	}

	tests := []struct {
		name    string
		build   func() *discordgo.Interaction
		check   func(t *testing.T, got *discordgo.Interaction) // runs on the received interaction
		respond func(i *discordgo.Interaction) error
		verify  func(t *testing.T, call Call, rec InteractionRecord)
	}{
		{
			name: "slash command message",
			build: func() *discordgo.Interaction {
				return srv.SlashCommand("fact", StringOption("topic", "bridges"), IntegerOption("count", 2))
			},
			check: func(t *testing.T, got *discordgo.Interaction) {
				d := got.ApplicationCommandData()
				if d.Name != "fact" || d.GetOption("topic").StringValue() != "bridges" || d.GetOption("count").IntValue() != 2 {
					t.Fatalf("data = %s", jsonString(d))
				}
				if got.Member == nil || got.Member.User.ID != DefaultUserID || got.GuildID != DefaultGuildID || got.ChannelID != DefaultChannelID {
					t.Fatalf("interaction = %s", jsonString(got))
				}
			},
			respond: func(i *discordgo.Interaction) error {
				return sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Content: "Nine bridges!"},
				})
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				body := decodeMap(t, call)
				if body["type"].(float64) != 4 || body["data"].(map[string]any)["content"] != "Nine bridges!" {
					t.Fatalf("callback body = %s", call.Body)
				}
				msgs := srv.Messages(DefaultChannelID)
				last := msgs[len(msgs)-1]
				if last.ID != rec.OriginalMessageID || last.Content != "Nine bridges!" || last.Type != discordgo.MessageTypeChatInputCommand {
					t.Fatalf("original = %s", jsonString(last))
				}
				orig, err := sess.InteractionResponse(rec.Interaction)
				if err != nil || orig.ID != rec.OriginalMessageID {
					t.Fatalf("GET @original = %v, %v", orig, err)
				}
			},
		},
		{
			name:  "slash command with file (multipart)",
			build: func() *discordgo.Interaction { return srv.SlashCommand("export") },
			respond: func(i *discordgo.Interaction) error {
				return sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{
						Content: "here", Flags: discordgo.MessageFlagsEphemeral,
						Files: []*discordgo.File{{Name: "facts.txt", ContentType: "text/plain", Reader: strings.NewReader("1 2 3")}},
					},
				})
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				payload, files, err := call.Multipart()
				if err != nil || !bytes.Contains(payload, []byte(`"content":"here"`)) {
					t.Fatalf("multipart = %s, %v", payload, err)
				}
				if len(files) != 1 || files[0].Filename != "facts.txt" || string(files[0].Data) != "1 2 3" || files[0].Field != "files[0]" {
					t.Fatalf("files = %+v", files)
				}
				m, ok := srv.Message(rec.OriginalMessageID)
				if !ok || m.Flags&discordgo.MessageFlagsEphemeral == 0 || len(m.Attachments) != 1 {
					t.Fatalf("original = %s", jsonString(m))
				}
				resp, err := srv.Client().Get(m.Attachments[0].URL)
				if err != nil || resp.StatusCode != 200 {
					t.Fatalf("attachment GET: %v %v", resp, err)
				}
				resp.Body.Close()
			},
		},
		{
			name:  "deferred then edit original",
			build: func() *discordgo.Interaction { return srv.SlashCommand("slow") },
			respond: func(i *discordgo.Interaction) error {
				if err := sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
				}); err != nil {
					return err
				}
				content := "done"
				_, err := sess.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content})
				return err
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				m, ok := srv.Message(rec.OriginalMessageID)
				if !ok || m.Content != "done" || m.Flags&discordgo.MessageFlagsLoading != 0 {
					t.Fatalf("original = %s", jsonString(m))
				}
			},
		},
		{
			name:  "deferred then follow-up replaces the loading message",
			build: func() *discordgo.Interaction { return srv.SlashCommand("slow2") },
			respond: func(i *discordgo.Interaction) error {
				if err := sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
				}); err != nil {
					return err
				}
				m, err := sess.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "first"})
				if err != nil {
					return err
				}
				if m.ID != srv.mustRecord(i.ID).OriginalMessageID {
					return fmt.Errorf("first follow-up created %s instead of editing the deferred message", m.ID)
				}
				m2, err := sess.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "second"})
				if err != nil {
					return err
				}
				if m2.ID == m.ID {
					return fmt.Errorf("second follow-up did not create a message")
				}
				return nil
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				m, _ := srv.Message(rec.OriginalMessageID)
				if m.Content != "first" || m.Flags&discordgo.MessageFlagsEphemeral == 0 || len(rec.FollowupIDs) != 1 {
					t.Fatalf("original = %s, followups %v", jsonString(m), rec.FollowupIDs)
				}
			},
		},
		{
			name:  "button updates its message",
			build: func() *discordgo.Interaction { return srv.ButtonClick("yes", withButton) },
			check: func(t *testing.T, got *discordgo.Interaction) {
				d := got.MessageComponentData()
				if d.CustomID != "yes" || got.Message == nil || got.Message.ID != withButton.ID || len(got.Message.Components) != 1 {
					t.Fatalf("component interaction = %s", jsonString(got))
				}
			},
			respond: func(i *discordgo.Interaction) error {
				return sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseUpdateMessage,
					Data: &discordgo.InteractionResponseData{Content: "you picked yes", Components: []discordgo.MessageComponent{}},
				})
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				m, _ := srv.Message(withButton.ID)
				if m.Content != "you picked yes" || len(m.Components) != 0 || m.EditedTimestamp == nil {
					t.Fatalf("updated message = %s", jsonString(m))
				}
			},
		},
		{
			name:  "autocomplete",
			build: func() *discordgo.Interaction { return srv.Autocomplete("fact", Focused(StringOption("topic", "bri"))) },
			check: func(t *testing.T, got *discordgo.Interaction) {
				if got.Type != discordgo.InteractionApplicationCommandAutocomplete || !got.ApplicationCommandData().Options[0].Focused {
					t.Fatalf("autocomplete = %s", jsonString(got))
				}
			},
			respond: func(i *discordgo.Interaction) error {
				return sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionApplicationCommandAutocompleteResult,
					Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "bridges", Value: "bridges"}}},
				})
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				if !strings.Contains(string(call.Body), `"choices":[{"name":"bridges","value":"bridges"}]`) {
					t.Fatalf("body = %s", call.Body)
				}
			},
		},
		{
			name: "message context menu",
			build: func() *discordgo.Interaction {
				target := srv.SendMessage(&discordgo.Message{Content: "remember this"})
				return srv.MessageCommand("Save fact", target)
			},
			check: func(t *testing.T, got *discordgo.Interaction) {
				d := got.ApplicationCommandData()
				if d.CommandType != discordgo.MessageApplicationCommand || d.Resolved.Messages[d.TargetID].Content != "remember this" {
					t.Fatalf("message command = %s", jsonString(got))
				}
			},
			respond: func(i *discordgo.Interaction) error {
				return sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Content: "saved", Flags: discordgo.MessageFlagsEphemeral},
				})
			},
			verify: func(t *testing.T, call Call, rec InteractionRecord) {
				m, _ := srv.Message(rec.OriginalMessageID)
				if m.Type != discordgo.MessageTypeContextMenuCommand {
					t.Fatalf("type = %d", m.Type)
				}
			},
		},
		{
			name:  "modal submit",
			build: func() *discordgo.Interaction { return srv.ModalSubmit("add-fact", map[string]string{"text": "hello"}) },
			check: func(t *testing.T, got *discordgo.Interaction) {
				d := got.ModalSubmitData()
				row := d.Components[0].(*discordgo.ActionsRow)
				if d.CustomID != "add-fact" || row.Components[0].(*discordgo.TextInput).Value != "hello" {
					t.Fatalf("modal = %s", jsonString(got))
				}
			},
			respond: func(i *discordgo.Interaction) error {
				return sess.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Content: "added"},
				})
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sent := srv.SendInteraction(tc.build())
			got := recv(t, ints, "INTERACTION_CREATE")
			if got.ID != sent.ID || got.Token != sent.Token || got.AppID != DefaultApplicationID {
				t.Fatalf("got interaction %s/%s, want %s", got.ID, got.AppID, sent.ID)
			}
			if tc.check != nil {
				tc.check(t, got)
			}
			if err := tc.respond(got); err != nil {
				t.Fatalf("respond: %v", err)
			}
			call, err := srv.WaitCall(ctx, func(c Call) bool {
				return callbackRoute(c) && strings.Contains(c.Route, "/"+got.ID+"/")
			})
			if err != nil || call.Status != http.StatusNoContent {
				t.Fatalf("callback = %v, %v", call, err)
			}
			rec := srv.mustRecord(got.ID)
			if !rec.Acknowledged {
				t.Fatal("not acknowledged")
			}
			if tc.verify != nil {
				tc.verify(t, call, rec)
			}
			// Discord accepts one initial response only.
			err = sess.InteractionRespond(got, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "again"},
			})
			if status, code := restCode(t, err); status != 400 || code != 40060 {
				t.Fatalf("second callback: %d %d", status, code)
			}
		})
	}
}

func (s *Server) mustRecord(id string) InteractionRecord {
	rec, ok := s.Interaction(id)
	if !ok {
		panic("no interaction " + id)
	}
	return rec
}

func TestInteractionCallbackErrors(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	sess := srv.NewSession(t) // REST only, no gateway needed
	fast := NewServer(t, WithInteractionDeadline(30*time.Millisecond))
	fastSess := fast.NewSession(t)
	msg := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "hi"},
	}
	tests := []struct {
		name       string
		build      func() *discordgo.Interaction
		wait       time.Duration
		resp       *discordgo.InteractionResponse
		wantStatus int
		wantCode   int
	}{
		{name: "unknown interaction", build: func() *discordgo.Interaction {
			return &discordgo.Interaction{ID: "123", Token: "nope", AppID: DefaultApplicationID}
		}, resp: msg, wantStatus: 404, wantCode: 10062},
		{name: "too late", build: func() *discordgo.Interaction { return fast.SendInteraction(fast.SlashCommand("x")) },
			wait: 60 * time.Millisecond, resp: msg, wantStatus: 404, wantCode: 10062},
		{name: "wrong token", build: func() *discordgo.Interaction {
			i := *srv.SendInteraction(srv.SlashCommand("x"))
			i.Token = "forged"
			return &i
		}, resp: msg, wantStatus: 401, wantCode: 50027},
		{name: "message response to autocomplete", build: func() *discordgo.Interaction {
			return srv.SendInteraction(srv.Autocomplete("x", Focused(StringOption("q", "a"))))
		}, resp: msg, wantStatus: 400, wantCode: 50035},
		{name: "empty message", build: func() *discordgo.Interaction { return srv.SendInteraction(srv.SlashCommand("x")) },
			resp: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "  "}}, wantStatus: 400, wantCode: 50006},
		{name: "content too long", build: func() *discordgo.Interaction { return srv.SendInteraction(srv.SlashCommand("x")) },
			resp: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: strings.Repeat("é", 2001)}}, wantStatus: 400, wantCode: 50035},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			i := tc.build()
			client := sess
			if tc.wait > 0 {
				time.Sleep(tc.wait)
				client = fastSess
			}
			err := client.InteractionRespond(i, tc.resp)
			if status, code := restCode(t, err); status != tc.wantStatus || code != tc.wantCode {
				t.Fatalf("got %d/%d, want %d/%d: %v", status, code, tc.wantStatus, tc.wantCode, err)
			}
		})
	}

	t.Run("follow-up before ack", func(t *testing.T) {
		t.Parallel()
		i := srv.SendInteraction(srv.SlashCommand("x"))
		_, err := sess.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "early"})
		if status, code := restCode(t, err); status != 404 || code != 10015 {
			t.Fatalf("got %d/%d", status, code)
		}
	})
}

func TestWaitCallContext(t *testing.T) {
	t.Parallel()
	srv := NewServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := srv.WaitCall(ctx, MatchRoute("POST", "/nothing")); err != context.DeadlineExceeded {
		t.Fatalf("err = %v", err)
	}
}
