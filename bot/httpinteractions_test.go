package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
)

// countingHandler counts the interactions that reach it.
type countingHandler struct {
	Handler
	n atomic.Int64
}

func (h *countingHandler) Handle(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	h.n.Add(1)
	return h.Handler.Handle(ctx, i)
}

// httpEndpoint serves h as the interactions endpoint on loopback, with its
// edits going to srv.
func httpEndpoint(t testing.TB, srv *discordtest.Server, h Handler, deferAfter time.Duration) string {
	t.Helper()
	out, err := NewRESTOut("test-token", srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	hh, err := NewHTTPInteractions(HTTPConfig{PublicKey: srv.PublicKey(), Handler: h, Out: out,
		Logger: slog.New(slog.DiscardHandler), DeferAfter: deferAfter})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(hh)
	t.Cleanup(ts.Close)
	return ts.URL + "/interactions"
}

// The same questions get the same answers over HTTP as over the gateway.
func TestHTTPInteractionsAnswerAsTheGateway(t *testing.T) {
	srv, _ := startBot(t)
	endpoint := httpEndpoint(t, srv, testRouter(t), 2*time.Second)
	for _, q := range []string{"korea russia trade 2016", "did trade double between 2016 and 2019?", "2017년 한러 인적교류", "кто такой Трутнев", "what is the weather in Seoul"} {
		gw := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", q)))
		viaGateway := callback(t, srv, gw.ID)
		res, err := srv.PostInteraction(ctxT(t), endpoint, srv.SlashCommand("ask", discordtest.StringOption("question", q)))
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != http.StatusOK || res.CallbackStatus/100 != 2 {
			t.Fatalf("%q: HTTP %d, as a callback %d %s", q, res.Status, res.CallbackStatus, res.CallbackBody)
		}
		pingsNobody(t, res.Body)
		var viaHTTP struct {
			Type discordgo.InteractionResponseType
			Data struct {
				Content string
				Embeds  []*discordgo.MessageEmbed
			}
		}
		if err := json.Unmarshal(res.Body, &viaHTTP); err != nil {
			t.Fatal(err)
		}
		if a, b := summary(viaGateway.Type, viaGateway.Data.Content, viaGateway.Data.Embeds), summary(viaHTTP.Type, viaHTTP.Data.Content, viaHTTP.Data.Embeds); a != b {
			t.Errorf("%q:\ngateway %s\nHTTP    %s", q, a, b)
		}
	}
}

func summary(typ discordgo.InteractionResponseType, content string, embeds []*discordgo.MessageEmbed) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(int(typ)) + " " + content)
	for _, e := range embeds {
		b.WriteString(" | " + e.Title + " | " + e.Description)
	}
	return b.String()
}

// PING is answered with PONG; a slow answer is deferred in the HTTP
// response and edited in over REST.
func TestHTTPInteractionsPingAndDeferral(t *testing.T) {
	srv := discordtest.NewServer(t)
	endpoint := httpEndpoint(t, srv, slowHandler{testRouter(t), 300 * time.Millisecond}, 50*time.Millisecond)
	res, err := srv.PostInteraction(ctxT(t), endpoint, &discordgo.Interaction{Type: discordgo.InteractionPing})
	if err != nil || res.Status != 200 || strings.TrimSpace(string(res.Body)) != `{"type":1}` {
		t.Fatalf("PING: %v %d %s", err, res.Status, res.Body)
	}
	i := srv.SlashCommand("ask", discordtest.StringOption("question", "korea russia trade 2016"))
	res, err = srv.PostInteraction(ctxT(t), endpoint, i)
	deferralRead := time.Now()
	if err != nil || res.Status != 200 || !bytes.Contains(res.Body, []byte(`"type":5`)) || res.CallbackStatus/100 != 2 {
		t.Fatalf("deferral: %v %d %s, callback %d %s", err, res.Status, res.Body, res.CallbackStatus, res.CallbackBody)
	}
	edit, err := srv.WaitCall(ctxT(t), discordtest.MatchOK(discordtest.MatchRoute("PATCH", "/webhooks/")))
	if err != nil {
		t.Fatalf("no edit of the deferred answer: %v", err)
	}
	// The deferral is a whole response while the answer is still being
	// worked out: Discord has read it before the edit comes.
	if !deferralRead.Before(edit.At) {
		t.Errorf("the deferral was read at %v, after the edit (%v): it waited for the answer", deferralRead, edit.At)
	}
	if !bytes.Contains(edit.Body, []byte("13.4")) {
		t.Errorf("edit: %s", edit.Body)
	}
	pingsNobody(t, edit.Body)
}

// Whatever is not a signed, fresh JSON POST is refused before any handler
// runs.
func TestHTTPInteractionsRefuse(t *testing.T) {
	srv := discordtest.NewServer(t)
	h := &countingHandler{Handler: testRouter(t)}
	endpoint := httpEndpoint(t, srv, h, time.Second)
	i := srv.SlashCommand("about")
	body, _ := json.Marshal(i)
	now := strconv.FormatInt(time.Now().Unix(), 10)
	old := strconv.FormatInt(time.Now().Add(-time.Hour).Unix(), 10)
	huge := append([]byte(`{"type":2,"x":"`), bytes.Repeat([]byte("a"), 2<<20)...)
	for _, tt := range []struct {
		name, method, contentType, ts, sig string
		body                               []byte
		want                               int
	}{
		{"GET", http.MethodGet, "application/json", now, discordtest.Sign(now, body), body, http.StatusMethodNotAllowed},
		{"not JSON", http.MethodPost, "text/plain", now, discordtest.Sign(now, body), body, http.StatusUnsupportedMediaType},
		{"no signature", http.MethodPost, "application/json", now, "", body, http.StatusUnauthorized},
		{"forged signature", http.MethodPost, "application/json", now, strings.Repeat("ab", 64), body, http.StatusUnauthorized},
		{"signature of another body", http.MethodPost, "application/json", now, discordtest.Sign(now, []byte("{}")), body, http.StatusUnauthorized},
		{"signature not hex", http.MethodPost, "application/json", now, "zz", body, http.StatusUnauthorized},
		{"stale", http.MethodPost, "application/json", old, discordtest.Sign(old, body), body, http.StatusUnauthorized},
		{"too large", http.MethodPost, "application/json", now, discordtest.Sign(now, huge), huge, http.StatusRequestEntityTooLarge},
		{"truncated", http.MethodPost, "application/json", now, discordtest.Sign(now, body[:10]), body[:10], http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(ctxT(t), tt.method, endpoint, bytes.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.contentType)
			req.Header.Set("X-Signature-Timestamp", tt.ts)
			if tt.sig != "" {
				req.Header.Set("X-Signature-Ed25519", tt.sig)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
	if n := h.n.Load(); n != 0 {
		t.Errorf("%d refused requests reached the handler", n)
	}
}

// FuzzHTTPInteractions sends the endpoint whatever the fuzzer makes of a
// body, a timestamp and a signature: it must answer with one of its
// statuses, never panic, and run no handler for an unsigned request.
func FuzzHTTPInteractions(f *testing.F) {
	srv := discordtest.NewServer(f)
	b, m := realBase(f)
	router, err := commands.New(commands.Config{Base: b, Matcher: m})
	if err != nil {
		f.Fatal(err)
	}
	h := &countingHandler{Handler: router}
	out, err := NewRESTOut("test-token", srv.URL())
	if err != nil {
		f.Fatal(err)
	}
	hh, err := NewHTTPInteractions(HTTPConfig{PublicKey: srv.PublicKey(), Handler: h, Out: out, MaxBody: 4096})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"type":1}`), "1700000000", strings.Repeat("0", 128))
	f.Add([]byte(`{"type":2,"data":{"name":"ask"}}`), "", "zz")
	f.Add(bytes.Repeat([]byte("{"), 5000), "1", "")
	f.Fuzz(func(t *testing.T, body []byte, ts, sig string) {
		req := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", sig)
		w := httptest.NewRecorder()
		hh.ServeHTTP(w, req)
		switch w.Code {
		case http.StatusUnauthorized, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for an unsigned request", w.Code)
		}
		if h.n.Load() != 0 {
			t.Fatal("an unsigned request reached the handler")
		}
	})
}
