package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// An InteractionHandler answers one interaction through w. The bot's
// handling of an interaction is a chain of them, composed once in New:
//
//	Recover → Log → Measure → Defer → the router
//
// Each link wraps the next and knows only what it needs.
type InteractionHandler func(ctx context.Context, i *discordgo.Interaction, w Responder)

// Middleware wraps an InteractionHandler.
type Middleware func(InteractionHandler) InteractionHandler

// Responder sends the answer to one interaction. Respond sends the
// interaction's response or, once Defer has acknowledged it, edits the
// deferred message; the two are safe to race. Err is what the answer's
// sending returned, for the links that report it.
type Responder interface {
	Respond(resp *discordgo.InteractionResponse) error
	Defer() error
	Err() error
}

// chain composes middleware around h, the first outermost.
func chain(h InteractionHandler, mw ...Middleware) InteractionHandler {
	for k := len(mw) - 1; k >= 0; k-- {
		h = mw[k](h)
	}
	return h
}

// routed is the end of the chain: the Handler's response, sent.
func routed(h Handler) InteractionHandler {
	return func(ctx context.Context, i *discordgo.Interaction, w Responder) {
		if resp := h.Handle(ctx, i); resp != nil {
			w.Respond(resp)
		}
	}
}

// Recover turns a panic anywhere in the chain after it into a logged
// error and, if nothing was sent yet, a polite apology. The router
// recovers its own handlers' panics; this catches the links around it.
func Recover(log *slog.Logger) Middleware {
	return func(next InteractionHandler) InteractionHandler {
		return func(ctx context.Context, i *discordgo.Interaction, w Responder) {
			tw := &trackingResponder{Responder: w}
			defer func() {
				if p := recover(); p != nil {
					log.ErrorContext(ctx, "interaction handling panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()), "interaction", i.ID)
					if !tw.sent && i.Type != discordgo.InteractionApplicationCommandAutocomplete {
						tw.Respond(&discordgo.InteractionResponse{
							Type: discordgo.InteractionResponseChannelMessageWithSource,
							Data: &discordgo.InteractionResponseData{Content: apology, Flags: discordgo.MessageFlagsEphemeral},
						})
					}
				}
			}()
			next(ctx, i, tw)
		}
	}
}

// apology is the answer to a panic outside the router, which has no
// locale-aware catalogue to hand: one line in the three languages.
const apology = "Sorry — something went wrong on my side. / 죄송합니다. 문제가 생겼습니다. / Извините, что-то пошло не так."

type trackingResponder struct {
	Responder
	sent bool
}

func (t *trackingResponder) Respond(resp *discordgo.InteractionResponse) error {
	t.sent = true
	return t.Responder.Respond(resp)
}

// Log writes one line per interaction: what, where, how long, and whether
// the answer went out.
func Log(log *slog.Logger) Middleware {
	return func(next InteractionHandler) InteractionHandler {
		return func(ctx context.Context, i *discordgo.Interaction, w Responder) {
			start := time.Now()
			next(ctx, i, w)
			if err := w.Err(); err != nil {
				log.ErrorContext(ctx, "answering interaction", "err", err, "interaction", i.ID)
			}
			log.InfoContext(ctx, "interaction", "type", i.Type.String(), "command", interactionName(i), "guild", i.GuildID,
				"latency", time.Since(start).Round(time.Microsecond), "outcome", outcome(w.Err()))
		}
	}
}

// Measure counts interactions by command and outcome, with their latency.
func Measure(m *Metrics) Middleware {
	return func(next InteractionHandler) InteractionHandler {
		return func(ctx context.Context, i *discordgo.Interaction, w Responder) {
			start := time.Now()
			next(ctx, i, w)
			m.interaction(interactionName(i), outcome(w.Err()), time.Since(start))
		}
	}
}

func outcome(err error) string {
	if err != nil {
		return "error"
	}
	return "ok"
}

// Defer answers within Discord's three seconds: a handler not done after
// `after` gets the interaction deferred at once (a command shows
// "thinking", a button keeps its message), and its answer is edited in
// when it comes. An autocomplete cannot be deferred, and is simply late.
// No goroutine is started: a timer that is stopped costs nothing.
func Defer(after time.Duration) Middleware {
	return func(next InteractionHandler) InteractionHandler {
		return func(ctx context.Context, i *discordgo.Interaction, w Responder) {
			if i.Type == discordgo.InteractionApplicationCommandAutocomplete || i.Type == discordgo.InteractionPing {
				next(ctx, i, w)
				return
			}
			timer := time.AfterFunc(after, func() { w.Defer() })
			next(ctx, i, w)
			timer.Stop()
		}
	}
}

// outResponder is the Responder of every chain: the interaction's answer
// through the way out.
type outResponder struct {
	out *Out
	i   *discordgo.Interaction

	mu       sync.Mutex
	answered bool
	deferred bool
	err      error
}

func (r *outResponder) Respond(resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.answered = true
	if r.deferred {
		r.err = r.out.EditOriginal(r.i, resp)
	} else {
		r.err = r.out.Respond(r.i, resp)
	}
	return r.err
}

func (r *outResponder) Defer() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.answered || r.deferred {
		return nil
	}
	kind := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if r.i.Type == discordgo.InteractionMessageComponent {
		kind = discordgo.InteractionResponseDeferredMessageUpdate
	}
	r.deferred = true
	r.err = r.out.Respond(r.i, &discordgo.InteractionResponse{Type: kind})
	return r.err
}

func (r *outResponder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}
