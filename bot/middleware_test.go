package bot

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// recordingResponder remembers what a chain sent, without a network.
type recordingResponder struct {
	mu       sync.Mutex
	sent     []*discordgo.InteractionResponse
	deferred int
	err      error
}

func (r *recordingResponder) Respond(resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, resp)
	return r.err
}

func (r *recordingResponder) Defer() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.deferred++
	return nil
}

func (r *recordingResponder) Err() error { return r.err }

func answering(d time.Duration, content string) InteractionHandler {
	return func(_ context.Context, _ *discordgo.Interaction, w Responder) {
		time.Sleep(d)
		w.Respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: content}})
	}
}

func TestMiddleware(t *testing.T) {
	command := &discordgo.Interaction{ID: "1", Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask"}}
	autocomplete := &discordgo.Interaction{ID: "2", Type: discordgo.InteractionApplicationCommandAutocomplete,
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask"}}
	for _, tt := range []struct {
		name         string
		h            InteractionHandler
		mw           func(log *slog.Logger) []Middleware
		i            *discordgo.Interaction
		sendErr      error
		wantSent     []string
		wantDeferred int
		wantLog      []string
	}{
		{"a fast handler is not deferred", answering(0, "hi"), func(*slog.Logger) []Middleware { return []Middleware{Defer(50 * time.Millisecond)} }, command, nil,
			[]string{"hi"}, 0, nil},
		{"a slow handler is deferred, then answers", answering(150*time.Millisecond, "late"), func(*slog.Logger) []Middleware { return []Middleware{Defer(20 * time.Millisecond)} }, command, nil,
			[]string{"late"}, 1, nil},
		{"an autocomplete is never deferred", answering(60*time.Millisecond, "choices"), func(*slog.Logger) []Middleware { return []Middleware{Defer(10 * time.Millisecond)} }, autocomplete, nil,
			[]string{"choices"}, 0, nil},
		{"a panic is logged and apologised for", func(context.Context, *discordgo.Interaction, Responder) { panic("boom") },
			func(l *slog.Logger) []Middleware { return []Middleware{Recover(l)} }, command, nil, []string{apology}, 0, []string{"level=ERROR", "panicked", "boom"}},
		{"a panic after the answer sends nothing more", func(_ context.Context, i *discordgo.Interaction, w Responder) {
			answering(0, "done")(context.Background(), i, w)
			panic("late boom")
		}, func(l *slog.Logger) []Middleware { return []Middleware{Recover(l)} }, command, nil, []string{"done"}, 0, []string{"late boom"}},
		{"one log line, with the outcome", answering(0, "hi"), func(l *slog.Logger) []Middleware { return []Middleware{Log(l)} }, command, nil,
			[]string{"hi"}, 0, []string{"msg=interaction", "command=ask", "outcome=ok"}},
		{"a failed send is logged as an error", answering(0, "hi"), func(l *slog.Logger) []Middleware { return []Middleware{Log(l)} }, command, errors.New("discord said no"),
			[]string{"hi"}, 0, []string{"level=ERROR", "discord said no", "outcome=error"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&logs, nil))
			h := chain(tt.h, tt.mw(log)...)
			w := &recordingResponder{err: tt.sendErr}
			h(context.Background(), tt.i, w)
			var got []string
			for _, r := range w.sent {
				got = append(got, r.Data.Content)
			}
			if strings.Join(got, "|") != strings.Join(tt.wantSent, "|") {
				t.Errorf("sent %q, want %q", got, tt.wantSent)
			}
			if w.deferred != tt.wantDeferred {
				t.Errorf("deferred %d times, want %d", w.deferred, tt.wantDeferred)
			}
			for _, want := range tt.wantLog {
				if !strings.Contains(logs.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, logs.String())
				}
			}
		})
	}
}
