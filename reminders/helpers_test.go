package reminders

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/factstest"
	"github.com/ninebridges/ninebridges/facts/match"
)

func embedded(t testing.TB) (*facts.Base, *match.Matcher) { return factstest.Base(t) }

// fixedNow is the commands' test clock: 2025-11-08 23:30 UTC, already
// 9 November in Seoul.
var fixedNow = time.Date(2025, 11, 8, 23, 30, 0, 0, time.UTC)

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// newRouter is a router with /reminders registered with cfg (its Base
// filled in), the commands' test clock, and log (nil discards).
func newRouter(t testing.TB, cfg Config, log *slog.Logger) *commands.Router {
	t.Helper()
	b, m := embedded(t)
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r, err := commands.New(commands.Config{Base: b, Matcher: m, Now: func() time.Time { return fixedNow }, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Base = b
	Register(r, cfg)
	return r
}

// opt is a string option as Discord sends it.
func opt(name, v string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: v, Type: discordgo.ApplicationCommandOptionString}
}

func slash(locale discordgo.Locale, name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", Type: discordgo.InteractionApplicationCommand, Locale: locale, Token: "t",
		User: &discordgo.User{ID: "42", Username: "tester"},
		Data: discordgo.ApplicationCommandInteractionData{ID: "c", Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts},
	}
}

// handle answers i and returns the response as the bot's way out sends it.
func handle(t testing.TB, r *commands.Router, i *discordgo.Interaction) *discordgo.InteractionResponse {
	t.Helper()
	resp := r.Handle(context.Background(), i)
	if resp == nil {
		t.Fatal("Handle returned nil")
	}
	commands.ShapeResponse(resp)
	return resp
}

func ephemeral(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("response is public, want ephemeral")
	}
}

// check is one assertion on a response.
type check func(*testing.T, *discordgo.InteractionResponse)

// contains checks the response's content and embeds for each of want.
func contains(want ...string) check {
	return func(t *testing.T, resp *discordgo.InteractionResponse) {
		t.Helper()
		var text strings.Builder
		text.WriteString(resp.Data.Content)
		for _, e := range resp.Data.Embeds {
			text.WriteString("\n" + e.Title + "\n" + e.Description)
		}
		for _, w := range want {
			if !strings.Contains(text.String(), w) {
				t.Errorf("response lacks %q:\n%s", w, text.String())
			}
		}
	}
}

// assertNoMentions checks the wire form: an empty parse list, present.
func assertNoMentions(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	data, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("the response may ping someone: %s", data)
	}
}
