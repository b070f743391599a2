package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Fault describes an injected failure for [Server.InjectFault].
type Fault struct {
	// Method to match ("" matches any method).
	Method string
	// PathPrefix is matched against the request's route (path without
	// "/api/vN", e.g. "/channels/1/messages") and against its full path.
	PathPrefix string
	// Status to answer: 429 gets Discord's rate-limit body and headers,
	// anything else a Discord-style JSON error.
	Status int
	// RetryAfter is the retry_after of a 429 (also used for the
	// Retry-After and X-RateLimit-Reset-After headers).
	RetryAfter time.Duration
	// Global marks a 429 as a global rate limit (X-RateLimit-Global: true).
	Global bool
	// Times is how many matching requests fail (default 1).
	Times int
	// AfterHandling makes the request take effect (e.g. the message is
	// created) before its response is replaced by the failure, like a
	// gateway timeout after the backend did the work. Use it to test that
	// retries are idempotent (nonce + enforce_nonce).
	AfterHandling bool
	// Body replaces the default JSON error body when non-empty.
	Body string
}

// FailNext makes the next request matching method ("" = any) and pathPrefix
// (see [Fault.PathPrefix]) fail with status; later requests behave normally.
// A 429 carries {"message":"You are being rate limited.","retry_after":<s>,
// "global":false} and the Retry-After and X-RateLimit-* headers Discord
// sends. Faults are matched in the order they were added.
func (s *Server) FailNext(method, pathPrefix string, status int, retryAfter time.Duration) {
	s.InjectFault(Fault{Method: method, PathPrefix: pathPrefix, Status: status, RetryAfter: retryAfter})
}

// InjectFault queues a fault (see [Fault]).
func (s *Server) InjectFault(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
	s.nfaults.Store(int32(len(s.faults)))
}

// takeFaultLocked consumes and returns the first fault matching the request.
func (s *Server) takeFaultLocked(method, path, route string) *Fault {
	for i, f := range s.faults {
		if f.Method != "" && !strings.EqualFold(f.Method, method) {
			continue
		}
		if !strings.HasPrefix(route, f.PathPrefix) && !strings.HasPrefix(path, f.PathPrefix) {
			continue
		}
		f.Times--
		if f.Times <= 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
			s.nfaults.Store(int32(len(s.faults)))
		}
		cp := *f
		return &cp
	}
	return nil
}

func faultResponse(f *Fault) apiResp {
	resp := apiResp{status: f.Status, header: http.Header{}}
	if f.Status == http.StatusTooManyRequests {
		secs := f.RetryAfter.Seconds()
		resp.body = mustJSON(map[string]any{
			"message":     "You are being rate limited.",
			"retry_after": math.Round(secs*1000) / 1000,
			"global":      f.Global,
		})
		resp.header.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
		resp.header.Set("X-RateLimit-Limit", "5")
		resp.header.Set("X-RateLimit-Remaining", "0")
		resp.header.Set("X-RateLimit-Reset", fmt.Sprintf("%.3f", float64(time.Now().Add(f.RetryAfter).UnixMilli())/1000))
		resp.header.Set("X-RateLimit-Reset-After", fmt.Sprintf("%.3f", secs))
		resp.header.Set("X-RateLimit-Bucket", "discordtest-fault")
		if f.Global {
			resp.header.Set("X-RateLimit-Global", "true")
			resp.header.Set("X-RateLimit-Scope", "global")
		} else {
			resp.header.Set("X-RateLimit-Scope", "user")
		}
	} else {
		text := http.StatusText(f.Status)
		resp.body = mustJSON(map[string]any{"message": fmt.Sprintf("%d: %s", f.Status, text), "code": 0})
	}
	if f.Body != "" {
		resp.body = []byte(f.Body)
	}
	return resp
}

// apiReq is a parsed REST request.
type apiReq struct {
	r      *http.Request
	method string
	route  string
	params map[string]string
	query  url.Values
	body   []byte
	// payload is the JSON payload (body or payload_json); files the uploads.
	payload []byte
	files   []UploadedFile
	token   string
	// object is the payload already decoded, when it is an object
	// (checking that it is valid JSON decoded it).
	object map[string]any
}

// payloadObject decodes the payload as a JSON object (see decodePayload),
// once.
func (req *apiReq) payloadObject() (map[string]any, error) {
	if req.object != nil {
		m := req.object
		req.object = nil // the handler's to modify
		return m, nil
	}
	return decodePayload(req.payload)
}

type apiResp struct {
	status int
	body   []byte
	header http.Header
}

func jsonResp(status int, v any) apiResp {
	return apiResp{status: status, body: mustJSON(v)}
}

func noContent() apiResp { return apiResp{status: http.StatusNoContent} }

// apiError builds Discord's JSON error body.
func apiError(status, code int, message string) apiResp {
	return jsonResp(status, map[string]any{"message": message, "code": code})
}

// formError builds a 50035 Invalid Form Body error for a dotted field path
// (e.g. "content" or "0.name"; "" for the body itself).
func formError(path, code, message string) apiResp {
	var node any = map[string]any{"_errors": []any{map[string]any{"code": code, "message": message}}}
	if path != "" {
		parts := strings.Split(path, ".")
		for i := len(parts) - 1; i >= 0; i-- {
			node = map[string]any{parts[i]: node}
		}
	}
	return jsonResp(http.StatusBadRequest, map[string]any{"message": "Invalid Form Body", "code": 50035, "errors": node})
}

func notFound() apiResp { return apiError(http.StatusNotFound, 0, "404: Not Found") }

// Discord error codes used by the fake.
const (
	codeUnknownChannel     = 10003
	codeUnknownGuild       = 10004
	codeUnknownMember      = 10007
	codeUnknownMessage     = 10008
	codeUnknownUser        = 10013
	codeUnknownWebhook     = 10015
	codeUnknownCommand     = 10063
	codeUnknownInteraction = 10062
	codeAlreadyAcked       = 40060
	codeMissingAccess      = 50001
	codeCannotEditOther    = 50005
	codeEmptyMessage       = 50006
	codeMissingPermissions = 50013
	codeInvalidWebhookTok  = 50027
)

type authMode int

const (
	authRequired authMode = iota
	authNone              // GET /gateway
	authOptional          // interaction callback/webhook routes: the token is in the URL
)

type route struct {
	method  string
	pattern []string
	auth    authMode
	handle  func(*apiReq) apiResp
	bucket  string // X-RateLimit-Bucket
}

func (s *Server) routes() []route {
	r := func(method, pattern string, auth authMode, h func(*apiReq) apiResp) route {
		segs := strings.Split(strings.Trim(pattern, "/"), "/")
		return route{method: method, pattern: segs, auth: auth, handle: h, bucket: bucketOf(strings.Join(segs, "/"))}
	}
	return []route{
		r("GET", "gateway", authNone, s.getGateway),
		r("GET", "gateway/bot", authRequired, s.getGatewayBot),
		r("GET", "users/@me", authRequired, s.getMe),
		r("POST", "users/@me/channels", authRequired, s.createDM),
		r("GET", "users/:user", authRequired, s.getUser),
		r("GET", "applications/@me", authRequired, s.getApplication),
		r("GET", "oauth2/applications/@me", authRequired, s.getApplication),
		r("GET", "guilds/:guild", authRequired, s.getGuild),
		r("GET", "guilds/:guild/channels", authRequired, s.getGuildChannels),
		r("GET", "guilds/:guild/members/:user", authRequired, s.getMember),
		r("GET", "channels/:channel", authRequired, s.getChannel),
		r("GET", "channels/:channel/messages", authRequired, s.listMessages),
		r("POST", "channels/:channel/messages", authRequired, s.createMessage),
		r("GET", "channels/:channel/messages/:message", authRequired, s.getMessage),
		r("PATCH", "channels/:channel/messages/:message", authRequired, s.editMessage),
		r("DELETE", "channels/:channel/messages/:message", authRequired, s.deleteMessage),
		r("PUT", "channels/:channel/messages/:message/reactions/:emoji/@me", authRequired, s.addReaction),
		r("DELETE", "channels/:channel/messages/:message/reactions/:emoji/@me", authRequired, s.removeReaction),
		r("POST", "channels/:channel/typing", authRequired, s.typing),
		r("GET", "applications/:app/commands", authRequired, s.listCommands),
		r("PUT", "applications/:app/commands", authRequired, s.overwriteCommands),
		r("POST", "applications/:app/commands", authRequired, s.createCommand),
		r("GET", "applications/:app/commands/:command", authRequired, s.getCommand),
		r("PATCH", "applications/:app/commands/:command", authRequired, s.editCommand),
		r("DELETE", "applications/:app/commands/:command", authRequired, s.deleteCommand),
		r("GET", "applications/:app/guilds/:guild/commands", authRequired, s.listCommands),
		r("PUT", "applications/:app/guilds/:guild/commands", authRequired, s.overwriteCommands),
		r("POST", "applications/:app/guilds/:guild/commands", authRequired, s.createCommand),
		r("GET", "applications/:app/guilds/:guild/commands/:command", authRequired, s.getCommand),
		r("PATCH", "applications/:app/guilds/:guild/commands/:command", authRequired, s.editCommand),
		r("DELETE", "applications/:app/guilds/:guild/commands/:command", authRequired, s.deleteCommand),
		r("POST", "interactions/:interaction/:token/callback", authOptional, s.interactionCallback),
		r("POST", "webhooks/:app/:token", authOptional, s.createFollowup),
		r("GET", "webhooks/:app/:token/messages/:message", authOptional, s.getWebhookMessage),
		r("PATCH", "webhooks/:app/:token/messages/:message", authOptional, s.editWebhookMessage),
		r("DELETE", "webhooks/:app/:token/messages/:message", authOptional, s.deleteWebhookMessage),
	}
}

func matchPattern(pattern, segs []string) (map[string]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	n := 0
	for i, p := range pattern {
		if strings.HasPrefix(p, ":") {
			if segs[i] == "" {
				return nil, false
			}
			n++
		} else if p != segs[i] {
			return nil, false
		}
	}
	params := make(map[string]string, n)
	for i, p := range pattern {
		if strings.HasPrefix(p, ":") {
			params[p[1:]] = segs[i]
		}
	}
	return params, true
}

// splitAPIPath strips "/api/vN" (or "/api") from an escaped path.
func splitAPIPath(path string) (string, bool) {
	if !strings.HasPrefix(path, "/api/") {
		return "", false
	}
	rest := strings.TrimPrefix(path, "/api")
	if strings.HasPrefix(rest, "/v") {
		if i := strings.IndexByte(rest[1:], '/'); i > 0 {
			if _, err := strconv.Atoi(rest[2 : i+1]); err == nil {
				rest = rest[i+1:]
			}
		}
	}
	return rest, true
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if websocket.IsWebSocketUpgrade(r) {
		s.serveGateway(w, r)
		return
	}
	body, _ := readBody(r)
	call := Call{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Body:   body,
		At:     time.Now(),
	}
	if call.Header.Get("Authorization") != "" {
		call.Header.Set("Authorization", "Bot [redacted]")
	}
	var resp apiResp
	if rt, ok := splitAPIPath(r.URL.EscapedPath()); ok {
		call.Route, _ = url.PathUnescape(rt)
		resp = s.serveAPI(r, rt, &call)
	} else {
		call.Route = r.URL.Path
		resp = s.serveAttachment(r)
	}
	call.Status = resp.status
	call.Response = resp.body

	h := w.Header()
	for k, v := range resp.header {
		h[k] = v
	}
	if resp.body != nil && h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json")
	}
	s.mu.Lock()
	s.calls = append(s.calls, call)
	s.bumpLocked()
	s.mu.Unlock()
	w.WriteHeader(resp.status)
	if resp.body != nil && resp.status != http.StatusNoContent {
		_, _ = w.Write(resp.body)
	}
}

// maxBody is the most of a request body the server reads.
const maxBody = 64 << 20

// readBody reads a request body (at most maxBody bytes) like io.ReadAll,
// into a buffer of its Content-Length when known.
func readBody(r *http.Request) ([]byte, error) {
	n := r.ContentLength
	if n <= 0 || n > maxBody {
		return io.ReadAll(io.LimitReader(r.Body, maxBody))
	}
	b := make([]byte, n)
	read, err := io.ReadFull(r.Body, b)
	return b[:read], err
}

func (s *Server) serveAPI(r *http.Request, escapedRoute string, call *Call) apiResp {
	rawSegs := strings.Split(strings.Trim(escapedRoute, "/"), "/")
	segs := make([]string, len(rawSegs))
	for i, seg := range rawSegs {
		if u, err := url.PathUnescape(seg); err == nil {
			segs[i] = u
		} else {
			segs[i] = seg
		}
	}

	var fault *Fault
	if s.nfaults.Load() > 0 {
		s.mu.Lock()
		fault = s.takeFaultLocked(r.Method, r.URL.Path, call.Route)
		s.mu.Unlock()
	}
	if fault != nil && !fault.AfterHandling {
		call.Injected = true
		return faultResponse(fault)
	}

	var matched *route
	var params map[string]string
	methodMismatch := false
	s.routesOnce.Do(func() { s.routeTable = s.routes() })
	for _, rt := range s.routeTable {
		p, ok := matchPattern(rt.pattern, segs)
		if !ok {
			continue
		}
		if rt.method != r.Method {
			methodMismatch = true
			continue
		}
		rt := rt
		matched, params = &rt, p
		break
	}
	var resp apiResp
	switch {
	case matched == nil && methodMismatch:
		resp = apiError(http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
	case matched == nil:
		resp = notFound()
	default:
		resp = s.authAndHandle(r, matched, params, call)
	}
	if resp.header == nil {
		resp.header = http.Header{}
	}
	if resp.status != http.StatusNotFound || matched != nil {
		setRateLimitHeaders(resp.header, matched)
	}
	if fault != nil {
		call.Injected = true
		return faultResponse(fault)
	}
	return resp
}

func (s *Server) authAndHandle(r *http.Request, rt *route, params map[string]string, call *Call) apiResp {
	auth := r.Header.Get("Authorization")
	tok, isBot := strings.CutPrefix(auth, "Bot ")
	switch {
	case rt.auth == authNone:
	case auth == "" && rt.auth == authOptional:
	case !isBot || !s.tokenOK(tok):
		return apiError(http.StatusUnauthorized, 0, "401: Unauthorized")
	}
	if isBot {
		call.token = tok
		s.lastToken.Store(&tok)
	}
	payload, files, err := parseBody(r.Header.Get("Content-Type"), call.Body)
	if err != nil {
		return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	// An object the fake's decoder takes is valid JSON; anything else is
	// checked by encoding/json.
	object, ok := parseJSONObject(payload, true)
	if !ok && len(payload) > 0 && !json.Valid(payload) {
		return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	req := &apiReq{
		r: r, method: r.Method, route: call.Route, params: params, query: call.Query,
		body: call.Body, payload: payload, files: files, token: tok, object: object,
	}
	return rt.handle(req)
}

// setRateLimitHeaders adds the per-route rate limit headers Discord sends.
// The remaining count never reaches 0, so discordgo never waits.
func setRateLimitHeaders(h http.Header, rt *route) {
	if h.Get("X-RateLimit-Limit") != "" {
		return
	}
	bucket := globalBucket
	if rt != nil {
		bucket = rt.bucket
	}
	// The keys as http.Header.Set would write them (canonical).
	reset := strconv.AppendFloat(make([]byte, 0, 24), float64(time.Now().Add(time.Second).UnixMilli())/1000, 'f', 3, 64)
	h["X-Ratelimit-Limit"] = []string{"50"}
	h["X-Ratelimit-Remaining"] = []string{"49"}
	h["X-Ratelimit-Reset"] = []string{string(reset)}
	h["X-Ratelimit-Reset-After"] = []string{"1.000"}
	h["X-Ratelimit-Bucket"] = []string{bucket}
}

var globalBucket = bucketOf("global")

// bucketOf is the X-RateLimit-Bucket of a route pattern.
func bucketOf(pattern string) string { return fmt.Sprintf("%x", fnv32(pattern)) }

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// serveAttachment serves uploaded files at /attachments/{channel}/{id}/{name}.
func (s *Server) serveAttachment(r *http.Request) apiResp {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	if r.Method != http.MethodGet || len(parts) != 4 || parts[0] != "attachments" {
		return notFound()
	}
	s.mu.Lock()
	f, ok := s.files[parts[2]]
	s.mu.Unlock()
	if !ok {
		return notFound()
	}
	h := http.Header{}
	h.Set("Content-Type", f.ContentType)
	return apiResp{status: http.StatusOK, body: f.Data, header: h}
}

// ---- small JSON helpers ----

func mustJSON(v any) []byte {
	buf := encodeBuffers.Get().(*[]byte)
	b, err := appendJSON((*buf)[:0], v)
	if err != nil {
		panic(fmt.Sprintf("discordtest: marshal: %v", err))
	}
	out := append([]byte(nil), b...) // one allocation, of the right size
	if cap(b) <= 64<<10 {
		*buf = b
		encodeBuffers.Put(buf)
	}
	return out
}

// encodeBuffers are mustJSON's scratch buffers.
var encodeBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// toMap converts a value to a generic JSON object.
func toMap(v any) map[string]any {
	b := mustJSON(v)
	m, ok := parseJSONObject(b, false)
	if !ok {
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("discordtest: %v", err))
		}
	}
	if m == nil {
		m = map[string]any{}
	}
	return m
}

// deepCopy copies a JSON value through encoding.
func deepCopy(v any) any {
	b := mustJSON(v)
	if m, ok := parseJSONObject(b, false); ok {
		return m
	}
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

func userJSON(u discordgo.User) map[string]any {
	m := map[string]any{
		"id":            u.ID,
		"username":      u.Username,
		"discriminator": u.Discriminator,
		"global_name":   nil,
		"avatar":        nil,
		"bot":           u.Bot,
		"public_flags":  int(u.PublicFlags),
	}
	if m["discriminator"] == "" {
		m["discriminator"] = "0"
	}
	if u.GlobalName != "" {
		m["global_name"] = u.GlobalName
	}
	if u.Avatar != "" {
		m["avatar"] = u.Avatar
	}
	return m
}

// discordTime formats a timestamp like Discord does.
func discordTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000+00:00")
}

// ---- simple routes ----

func (s *Server) getGateway(*apiReq) apiResp {
	return jsonResp(http.StatusOK, map[string]any{"url": s.wsURL})
}

func (s *Server) getGatewayBot(*apiReq) apiResp {
	return jsonResp(http.StatusOK, map[string]any{
		"url":    s.wsURL,
		"shards": s.cfg.shards,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1,
		},
	})
}

func (s *Server) getMe(*apiReq) apiResp {
	m := userJSON(s.cfg.botUser)
	m["verified"] = true
	m["mfa_enabled"] = false
	m["flags"] = 0
	return jsonResp(http.StatusOK, m)
}

func (s *Server) getUser(req *apiReq) apiResp {
	switch id := req.params["user"]; id {
	case s.cfg.botUser.ID:
		return jsonResp(http.StatusOK, userJSON(s.cfg.botUser))
	case s.cfg.user.ID:
		return jsonResp(http.StatusOK, userJSON(s.cfg.user))
	}
	return apiError(http.StatusNotFound, codeUnknownUser, "Unknown User")
}

func (s *Server) getApplication(*apiReq) apiResp {
	return jsonResp(http.StatusOK, map[string]any{
		"id":                     s.cfg.appID,
		"name":                   s.cfg.botUser.Username,
		"description":            "",
		"flags":                  s.cfg.appFlags,
		"bot_public":             false,
		"bot_require_code_grant": false,
		"bot":                    userJSON(s.cfg.botUser),
		"verify_key":             "0000000000000000000000000000000000000000000000000000000000000000",
	})
}

func (s *Server) getGuild(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildLocked(req.params["guild"])
	if g == nil {
		return apiError(http.StatusNotFound, codeUnknownGuild, "Unknown Guild")
	}
	m := toMap(g)
	delete(m, "channels")
	delete(m, "members")
	delete(m, "presences")
	delete(m, "voice_states")
	delete(m, "threads")
	if m["roles"] == nil {
		m["roles"] = []any{}
	}
	if m["emojis"] == nil {
		m["emojis"] = []any{}
	}
	return jsonResp(http.StatusOK, m)
}

func (s *Server) getGuildChannels(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildLocked(req.params["guild"])
	if g == nil {
		return apiError(http.StatusNotFound, codeUnknownGuild, "Unknown Guild")
	}
	out := []any{}
	for _, ch := range g.Channels {
		if rec := s.channels[ch.ID]; rec != nil && !rec.deleted && !rec.denied {
			out = append(out, toMap(rec.ch))
		}
	}
	return jsonResp(http.StatusOK, out)
}

func (s *Server) getMember(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildLocked(req.params["guild"])
	if g == nil {
		return apiError(http.StatusNotFound, codeUnknownGuild, "Unknown Guild")
	}
	var u discordgo.User
	switch req.params["user"] {
	case s.cfg.botUser.ID, "@me":
		u = s.cfg.botUser
	case s.cfg.user.ID:
		u = s.cfg.user
	default:
		return apiError(http.StatusNotFound, codeUnknownMember, "Unknown Member")
	}
	return jsonResp(http.StatusOK, memberJSON(u))
}

func memberJSON(u discordgo.User) map[string]any {
	return map[string]any{
		"user":      userJSON(u),
		"roles":     []string{},
		"joined_at": discordTime(time.Now().Add(-24 * time.Hour)),
		"deaf":      false,
		"mute":      false,
		"flags":     0,
		"nick":      nil,
	}
}

func (s *Server) typing(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, errResp := s.channelForLocked(req.params["channel"], true); errResp != nil {
		return *errResp
	}
	return noContent()
}
