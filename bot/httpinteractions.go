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
	// The chain runs on this request's goroutine: no goroutine to start
	// and no stack to grow for the nearly every answer that is quick. A
	// slow one gets its deferral written from the Defer link's timer, as
	// a complete response, while the chain goes on; its answer is then
	// edited in over REST. No deadline is set here: each call a handler
	// makes has its own, and an edit after the token's 15 minutes is
	// refused by Discord.
	rw := &httpResponder{out: h.cfg.Out, i: &i, w: w, log: h.cfg.Logger}
	h.handle(context.WithoutCancel(r.Context()), &i, rw)
	rw.finish()
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

// httpResponder writes the first response (or the deferral) as the HTTP
// response, and sends what follows a deferral as an edit. The chain calls
// Respond on the request's goroutine and Defer from a timer; the mutex
// keeps the two from writing at once, and finish, before ServeHTTP
// returns, from writing after it.
type httpResponder struct {
	out *Out
	i   *discordgo.Interaction
	w   http.ResponseWriter
	log *slog.Logger

	mu       sync.Mutex
	answered bool // the HTTP response is written
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
		contentType, data, err := r.out.Encode(resp)
		if err != nil {
			r.log.Error("encoding an interaction response", "err", err, "interaction", r.i.ID)
			http.Error(r.w, "cannot encode the answer", http.StatusInternalServerError)
			r.err = err
			break
		}
		r.w.Header().Set("Content-Type", contentType)
		r.w.Write(data)
	}
	return r.err
}

// Defer writes the deferral as a whole response, flushed, while the
// chain still runs: Discord reads it to its length and has its answer in
// time. The connection is not kept for another request, which would wait
// behind the slow chain.
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
	body := []byte(`{"type":` + strconv.Itoa(int(kind)) + `}`)
	h := r.w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Connection", "close")
	r.w.Write(body)
	if err := http.NewResponseController(r.w).Flush(); err != nil {
		r.err = err
	}
	return r.err
}

func (r *httpResponder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// finish answers a request the chain sent nothing for, and closes the
// responder to the HTTP response: ServeHTTP returns next.
func (r *httpResponder) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.answered {
		r.answered = true
		http.Error(r.w, "no answer", http.StatusInternalServerError)
	}
}
