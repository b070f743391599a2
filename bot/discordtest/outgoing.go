package discordtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Outgoing HTTP interactions: instead of the gateway, Discord POSTs each
// interaction to the application's Interactions Endpoint URL, signed with
// the application's Ed25519 key (X-Signature-Ed25519 over
// X-Signature-Timestamp + body), and takes the HTTP response as the
// interaction's initial response. Later edits and follow-ups go over REST
// with the interaction's token, to this server as to any.

var (
	keyOnce sync.Once
	pub     ed25519.PublicKey
	priv    ed25519.PrivateKey
)

// signingKey is the application's key pair, the same for every Server of
// a test binary (generating one costs little, but a bot under test may be
// configured before its server exists).
func signingKey() (ed25519.PublicKey, ed25519.PrivateKey) {
	keyOnce.Do(func() {
		var err error
		pub, priv, err = ed25519.GenerateKey(rand.Reader)
		if err != nil {
			panic(err)
		}
	})
	return pub, priv
}

// PublicKey is the application's public key, hex-encoded as the developer
// portal shows it.
func (s *Server) PublicKey() string {
	p, _ := signingKey()
	return hex.EncodeToString(p)
}

// HTTPResponse is what the bot's endpoint answered to one POST.
type HTTPResponse struct {
	Status      int
	ContentType string
	Body        []byte
	// CallbackStatus is the status this server's callback route gives the
	// response when it is taken as the interaction's initial response
	// (200 or 204 when Discord would accept it); 0 when it was not (a
	// PING, or an HTTP error).
	CallbackStatus int
	CallbackBody   []byte
}

// PostInteraction fills i in as [Server.SendInteraction] does, signs it and
// POSTs it to endpoint, as Discord's outgoing HTTP interactions do. A 2xx
// response is validated and recorded as the initial response, so
// [Server.WaitAcknowledged] and [Server.Interaction] see it, and edits of a
// deferred response are accepted over REST.
func (s *Server) PostInteraction(ctx context.Context, endpoint string, i *discordgo.Interaction) (HTTPResponse, error) {
	rec := s.prepareInteraction(i, false)
	if i.Type != discordgo.InteractionPing {
		s.mu.Lock()
		s.storeInteractionLocked(rec)
		s.mu.Unlock()
	}
	return s.post(ctx, endpoint, rec.raw, i)
}

// PostSigned POSTs body to endpoint with the given signature headers,
// untouched: for tests of what the endpoint refuses.
func PostSigned(ctx context.Context, endpoint string, body []byte, timestamp, signature, contentType string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Signature-Timestamp", timestamp)
	req.Header.Set("X-Signature-Ed25519", signature)
	return http.DefaultClient.Do(req)
}

// Sign is the signature Discord puts on body sent at timestamp.
func Sign(timestamp string, body []byte) string {
	_, k := signingKey()
	return hex.EncodeToString(ed25519.Sign(k, append([]byte(timestamp), body...)))
}

func (s *Server) post(ctx context.Context, endpoint string, raw []byte, i *discordgo.Interaction) (HTTPResponse, error) {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	resp, err := PostSigned(ctx, endpoint, raw, ts, Sign(ts, raw), "application/json")
	if err != nil {
		return HTTPResponse{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return HTTPResponse{}, err
	}
	out := HTTPResponse{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body}
	if resp.StatusCode/100 != 2 || i.Type == discordgo.InteractionPing {
		return out, nil
	}
	payload, files, err := parseBody(out.ContentType, body)
	if err != nil {
		return out, fmt.Errorf("discordtest: the endpoint's response: %w", err)
	}
	cb := s.interactionCallback(&apiReq{
		method: http.MethodPost, route: "/interactions/" + i.ID + "/" + i.Token + "/callback",
		params: map[string]string{"interaction": i.ID, "token": i.Token},
		body:   body, payload: payload, files: files,
	})
	out.CallbackStatus, out.CallbackBody = cb.status, cb.body
	s.mu.Lock()
	s.bumpLocked()
	s.mu.Unlock()
	return out, nil
}
