package commands

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// The base and matcher are loaded once: they are read-only and loading
// them is most of a test run's time.
var (
	loadOnce    sync.Once
	testBase    *facts.Base
	testMatcher *match.Matcher
	loadErr     error
)

func embedded(t testing.TB) (*facts.Base, *match.Matcher) {
	t.Helper()
	loadOnce.Do(func() {
		testBase, loadErr = facts.Embedded()
		if loadErr == nil {
			testMatcher = match.New(testBase)
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return testBase, testMatcher
}

// fixedNow is the test clock: 8 November, the day of the first
// interregional forum's main meeting.
var fixedNow = time.Date(2025, 11, 8, 23, 30, 0, 0, time.UTC)

// syncBuffer is a log sink safe for the race detector.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newRouter(t testing.TB) (*Router, *syncBuffer) {
	t.Helper()
	b, m := embedded(t)
	logs := &syncBuffer{}
	r, err := New(Config{
		Base:    b,
		Matcher: m,
		Now:     func() time.Time { return fixedNow },
		Logger:  slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		t.Fatal(err)
	}
	return r, logs
}

// opt is a command option as Discord sends it: numbers arrive as float64.
func opt(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
	o := &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: v, Type: discordgo.ApplicationCommandOptionString}
	switch x := v.(type) {
	case int:
		o.Type, o.Value = discordgo.ApplicationCommandOptionInteger, float64(x)
	case float64:
		o.Type = discordgo.ApplicationCommandOptionInteger
	}
	return o
}

func slash(locale discordgo.Locale, name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", Type: discordgo.InteractionApplicationCommand, Locale: locale, Token: "t",
		User: &discordgo.User{ID: "42", Username: "tester"},
		Data: discordgo.ApplicationCommandInteractionData{ID: "c", Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts},
	}
}

func autocomplete(locale discordgo.Locale, name, option, input string) *discordgo.Interaction {
	o := opt(option, input)
	o.Focused = true
	i := slash(locale, name, o)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

func click(locale discordgo.Locale, customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "2", Type: discordgo.InteractionMessageComponent, Locale: locale, Token: "t",
		User:    &discordgo.User{ID: "42", Username: "tester"},
		Message: &discordgo.Message{ID: "m1", Content: ""},
		Data:    discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
}

func handle(t testing.TB, r *Router, i *discordgo.Interaction) *discordgo.InteractionResponse {
	t.Helper()
	resp := r.Handle(context.Background(), i)
	if resp == nil {
		t.Fatal("Handle returned nil")
	}
	return sent(resp)
}

// sent is a response as the bot's way out sends it (bot.Out): shaped by
// ShapeResponse, which forbids mentions and keeps within Discord's limits.
func sent(resp *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	ShapeResponse(resp)
	return resp
}

// sentMessage is a channel message as the bot's way out sends it.
func sentMessage(m *discordgo.MessageSend) *discordgo.MessageSend {
	if m != nil {
		ShapeMessage(m)
	}
	return m
}
