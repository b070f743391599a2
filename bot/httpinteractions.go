package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// HTTP interactions: Discord POSTs each interaction to an endpoint of ours,
// signed with the application's Ed25519 key, and takes the HTTP response as
// the interaction's first response. Replicas behind any load balancer need
// no gateway and share nothing but the store. A slow answer is deferred in
// the HTTP response and edited in later over REST, through the way out.

// HTTPConfig is what the interactions endpoint needs.
type HTTPConfig struct {
	// PublicKey is the application's key, as the developer portal shows it
	// (hex).
	PublicKey string
	Handler   Handler
	// Out sends the edits of deferred answers (REST, with the token).
	Out        *Out
	Logger     *slog.Logger
	Metrics    *Metrics
	DeferAfter time.Duration // default 2 s; Discord waits 3
	// MaxBody caps a request body; default 1 MiB, far above any
	// interaction Discord sends.
	MaxBody int64
	// MaxSkew is how far a request's timestamp may be from now before it
	// is refused as stale or replayed; default 5 minutes.
	MaxSkew time.Duration
	// Now is the clock the timestamps are checked against; nil is time.Now.
	Now func() time.Time
}

// NewHTTPInteractions returns the handler of POST /interactions. A request
// that is not a POST, not JSON, too large, unsigned, badly signed or stale
// is refused before anything reads it as an interaction; no handler runs
// for it.
func NewHTTPInteractions(cfg HTTPConfig) (http.Handler, error) {
	key, err := hex.DecodeString(cfg.PublicKey)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, errors.New("bot: the public key must be the application's 64 hex digits, as the developer portal shows it")
	}
	if cfg.Handler == nil || cfg.Out == nil {
		return nil, errors.New("bot: HTTPConfig.Handler and Out are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = 2 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.MaxSkew <= 0 {
		cfg.MaxSkew = 5 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &httpInteractions{
		cfg: cfg, key: key,
		handle: chain(routed(cfg.Handler), Recover(cfg.Logger), Log(cfg.Logger), Measure(cfg.Metrics), Defer(cfg.DeferAfter)),
	}, nil
}

type httpInteractions struct {
	cfg    HTTPConfig
	key    ed25519.PublicKey
	handle InteractionHandler
}

func (h *httpInteractions) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		http.Error(w, "application/json only", http.StatusUnsupportedMediaType)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.MaxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	case err != nil:
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, h.key) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	if !h.fresh(r.Header.Get("X-Signature-Timestamp")) {
		// A valid signature on an old request is a replay.
		http.Error(w, "stale request", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := decodeInteraction(body, &i); err != nil {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, []byte(`{"type":1}`))
		return
	}
	rw := &httpResponder{out: h.cfg.Out, i: &i, first: make(chan *discordgo.InteractionResponse, 1)}
	// The answer may outlive this request: after a deferral it is edited
	// in over REST. No deadline is set here: each call a handler makes
	// has its own, and an edit after the token's 15 minutes is refused
	// by Discord.
	go func() {
		h.handle(context.WithoutCancel(r.Context()), &i, rw)
		rw.finish()
	}()
	select {
	case resp, ok := <-rw.first:
		if !ok || resp == nil {
			http.Error(w, "no answer", http.StatusInternalServerError)
			return
		}
		contentType, data, err := h.cfg.Out.Encode(resp)
		if err != nil {
			h.cfg.Logger.Error("encoding an interaction response", "err", err, "interaction", i.ID)
			http.Error(w, "cannot encode the answer", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	case <-r.Context().Done():
	}
}

// fresh reports whether a signature timestamp (Unix seconds) is within
// MaxSkew of now.
func (h *httpInteractions) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := h.cfg.Now().Sub(time.Unix(sec, 0))
	return d < h.cfg.MaxSkew && d > -h.cfg.MaxSkew
}

func writeJSON(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// httpResponder hands the first response (or the deferral) to the HTTP
// request waiting for it, and sends what follows a deferral as an edit.
type httpResponder struct {
	out *Out
	i   *discordgo.Interaction

	mu       sync.Mutex
	first    chan *discordgo.InteractionResponse
	answered bool
	deferred bool
	err      error
}

func (r *httpResponder) Respond(resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.deferred:
		r.err = r.out.EditOriginal(r.i, resp)
	case !r.answered:
		r.answered = true
		r.first <- resp
	}
	return r.err
}

func (r *httpResponder) Defer() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.answered || r.deferred {
		return nil
	}
	kind := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if r.i.Type == discordgo.InteractionMessageComponent {
		kind = discordgo.InteractionResponseDeferredMessageUpdate
	}
	r.deferred, r.answered = true, true
	r.first <- &discordgo.InteractionResponse{Type: kind}
	return nil
}

func (r *httpResponder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// finish releases an HTTP request still waiting when the chain sent
// nothing.
func (r *httpResponder) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.answered {
		r.answered = true
		close(r.first)
	}
}
