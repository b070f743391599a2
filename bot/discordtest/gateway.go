package discordtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
	opSoundboard     = 31
)

// writeTimeout bounds every websocket write so a stuck client cannot block
// the server forever.
const writeTimeout = 5 * time.Second

// GatewayPayload is a payload a client sent on the gateway. Tokens in
// IDENTIFY and RESUME payloads are replaced by "[redacted]".
type GatewayPayload struct {
	Op        int
	Data      json.RawMessage
	SessionID string // gateway session of the connection, "" before IDENTIFY/RESUME
	At        time.Time
}

// SessionInfo describes a gateway session (created by IDENTIFY).
type SessionInfo struct {
	ID        string
	ShardID   int
	NumShards int
	Intents   discordgo.Intent
	Seq       int64 // last sequence number dispatched
	Connected bool  // a websocket is currently attached
}

type gwSession struct {
	id       string
	shard    [2]int
	intents  discordgo.Intent
	token    string
	compress bool
	seq      int64
	log      []loggedFrame
	conn     *gwConn
}

type loggedFrame struct {
	seq   int64
	frame *dispatchFrame
}

// eventData is the data of a dispatch, encoded once (by the first writer
// that needs it) for every session it goes to.
type eventData struct {
	once sync.Once
	v    any // what to encode, until it is
	raw  json.RawMessage
}

// encodedData is event data already encoded (valid, compact JSON).
func encodedData(raw json.RawMessage) *eventData {
	d := &eventData{raw: raw}
	d.once.Do(func() {})
	return d
}

// lazyData is event data encoded when first written. v must not change
// any more: messages give a snapshot whose nested values are never
// modified in place (edits replace them).
func lazyData(v any) *eventData { return &eventData{v: v} }

func (d *eventData) bytes() json.RawMessage {
	d.once.Do(func() { d.raw, d.v = mustJSON(d.v), nil })
	return d.raw
}

// dispatchFrame is a dispatch (op 0) with its sequence number, encoded
// when first written or replayed: the number is taken with s.mu held,
// in order, while the encoding is done by the connection's writer.
type dispatchFrame struct {
	once sync.Once
	name string
	seq  int64
	data *eventData
	b    []byte
}

func (f *dispatchFrame) bytes() []byte {
	f.once.Do(func() { f.b, f.data = encodeFrame(opDispatch, f.name, f.seq, f.data.bytes()), nil })
	return f.b
}

type outFrame struct {
	data      []byte
	dispatch  *dispatchFrame // instead of data
	binary    bool
	isClose   bool
	closeCode int
	closeText string
	onWritten func()
}

type gwConn struct {
	s  *Server
	ws *websocket.Conn

	qmu     sync.Mutex
	queue   []outFrame
	closing bool // a close frame was queued; drop further frames
	wake    chan struct{}

	done      chan struct{}
	closeOnce sync.Once

	version int // gateway version from the ?v= query (default 10)

	// guarded by s.mu
	sess *gwSession
}

// encodeFrame builds a gateway frame {"t":...,"s":...,"op":...,"d":...}
// around d, which must be valid compact JSON (what mustJSON and toRaw
// return): it is copied as is, not re-encoded, as json.Marshal of a
// json.RawMessage would (validating and compacting it again).
func encodeFrame(op int, name string, seq int64, d json.RawMessage) []byte {
	if d == nil {
		d = json.RawMessage("null")
	}
	b := make([]byte, 0, len(d)+len(name)+48)
	b = append(b, `{"t":`...)
	if name != "" {
		b = appendJSONString(b, name)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"s":`...)
	if seq > 0 {
		b = strconv.AppendInt(b, seq, 10)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"op":`...)
	b = strconv.AppendInt(b, int64(op), 10)
	b = append(b, `,"d":`...)
	b = append(b, d...)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string. Event names are plain
// ASCII; anything else goes through encoding/json.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return append(b, mustJSON(s)...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func (c *gwConn) enqueue(f outFrame) {
	c.qmu.Lock()
	if c.closing {
		c.qmu.Unlock()
		return
	}
	if f.isClose {
		c.closing = true
	}
	c.queue = append(c.queue, f)
	c.qmu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *gwConn) closeWith(code int, text string) {
	c.enqueue(outFrame{isClose: true, closeCode: code, closeText: text})
}

// close closes the network connection abruptly (no close frame).
func (c *gwConn) close() {
	c.closeOnce.Do(func() {
		close(c.done)
		_ = c.ws.Close()
	})
}

// writeLoop is the only goroutine writing to c.ws.
func (c *gwConn) writeLoop() {
	for {
		select {
		case <-c.wake:
		case <-c.done:
			return
		}
		for {
			c.qmu.Lock()
			batch := c.queue
			c.queue = nil
			c.qmu.Unlock()
			if len(batch) == 0 {
				break
			}
			for _, f := range batch {
				select {
				case <-c.done:
					return
				default:
				}
				if f.isClose {
					_ = c.ws.WriteControl(websocket.CloseMessage,
						websocket.FormatCloseMessage(f.closeCode, f.closeText), time.Now().Add(writeTimeout))
					// Give the client a moment to read the close frame, then drop.
					time.AfterFunc(100*time.Millisecond, c.close)
					return
				}
				if f.dispatch != nil {
					f.data = f.dispatch.bytes()
				}
				_ = c.ws.SetWriteDeadline(time.Now().Add(writeTimeout))
				var err error
				if f.binary {
					var buf bytes.Buffer
					zw := zlib.NewWriter(&buf)
					_, _ = zw.Write(f.data)
					_ = zw.Close()
					err = c.ws.WriteMessage(websocket.BinaryMessage, buf.Bytes())
				} else {
					err = c.ws.WriteMessage(websocket.TextMessage, f.data)
				}
				if err != nil {
					c.close()
					return
				}
				if f.onWritten != nil {
					f.onWritten()
				}
			}
		}
	}
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "server closed", http.StatusServiceUnavailable)
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	ws.SetReadLimit(1 << 20)
	c := &gwConn{s: s, ws: ws, wake: make(chan struct{}, 1), done: make(chan struct{}), version: 10}
	if r.URL.Query().Get("v") == "9" {
		c.version = 9
	}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.dials = append(s.dials, r.URL.RequestURI())
	s.wg.Add(1)
	s.bumpLocked()
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		c.writeLoop()
	}()

	q := r.URL.Query()
	switch {
	case q.Get("v") != "" && q.Get("v") != "9" && q.Get("v") != "10":
		c.closeWith(4012, "Invalid API version.")
	case q.Get("encoding") != "" && q.Get("encoding") != "json":
		c.closeWith(4002, "Decode error.")
	default:
		hello := map[string]any{
			"heartbeat_interval": s.cfg.heartbeat.Milliseconds(),
			"_trace":             []string{`["gateway-prd-discordtest",{"micros":0}]`},
		}
		c.enqueue(outFrame{data: encodeFrame(opHello, "", 0, mustJSON(hello))})
	}

	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			s.connGone(c, err)
			return
		}
		s.handleGatewayMessage(c, msg)
	}
}

// connGone detaches a dead connection from its session. A client close with
// code 1000 or 1001 ends the session (it cannot be resumed), like on Discord.
func (s *Server) connGone(c *gwConn, err error) {
	code := 0
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		code = ce.Code
	}
	s.mu.Lock()
	delete(s.conns, c)
	if sess := c.sess; sess != nil && sess.conn == c {
		sess.conn = nil
		if code == websocket.CloseNormalClosure || code == websocket.CloseGoingAway {
			delete(s.sessions, sess.id)
		}
	}
	s.bumpLocked()
	s.mu.Unlock()
	c.close()
}

func (s *Server) handleGatewayMessage(c *gwConn, msg []byte) {
	var p struct {
		Op *int            `json:"op"`
		D  json.RawMessage `json:"d"`
	}
	if err := json.Unmarshal(msg, &p); err != nil || p.Op == nil {
		c.closeWith(4002, "Decode error.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.bumpLocked()

	rec := GatewayPayload{Op: *p.Op, Data: append(json.RawMessage(nil), p.D...), At: time.Now()}
	if c.sess != nil {
		rec.SessionID = c.sess.id
	}
	if *p.Op == opIdentify || *p.Op == opResume {
		rec.Data = redactToken(p.D)
	}
	s.payloads = append(s.payloads, rec)

	switch *p.Op {
	case opHeartbeat:
		s.heartbeats++
		c.enqueue(outFrame{data: encodeFrame(opHeartbeatAck, "", 0, nil)})
	case opIdentify:
		s.identifyLocked(c, p.D)
	case opResume:
		s.resumeLocked(c, p.D)
	case opPresenceUpdate, opVoiceState, opRequestMembers, opSoundboard:
		if c.sess == nil {
			c.closeWith(4003, "Not authenticated.")
		}
	default:
		c.closeWith(4001, "Unknown opcode.")
	}
}

func redactToken(d json.RawMessage) json.RawMessage {
	var m map[string]any
	if json.Unmarshal(d, &m) != nil {
		return nil
	}
	if _, ok := m["token"]; ok {
		m["token"] = "[redacted]"
	}
	return mustJSON(m)
}

func (s *Server) tokenOK(tok string) bool {
	tok = strings.TrimPrefix(tok, "Bot ")
	return tok != "" && (s.cfg.token == "" || tok == s.cfg.token)
}

func (s *Server) identifyLocked(c *gwConn, d json.RawMessage) {
	s.identifies++
	if c.sess != nil {
		c.closeWith(4005, "Already authenticated.")
		return
	}
	var id struct {
		Token    string  `json:"token"`
		Intents  *int64  `json:"intents"`
		Shard    *[2]int `json:"shard"`
		Compress bool    `json:"compress"`
	}
	if err := json.Unmarshal(d, &id); err != nil {
		c.closeWith(4002, "Decode error.")
		return
	}
	if !s.tokenOK(id.Token) {
		c.closeWith(4004, "Authentication failed.")
		return
	}
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
		if shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1] {
			c.closeWith(4010, "Invalid shard.")
			return
		}
	}
	if id.Intents == nil || *id.Intents < 0 || *id.Intents >= 1<<26 {
		c.closeWith(4013, "Invalid intent(s).")
		return
	}
	intents := discordgo.Intent(*id.Intents)
	if intents&privilegedIntents&^s.cfg.allowedPriv != 0 {
		c.closeWith(4014, "Disallowed intent(s).")
		return
	}
	tok := strings.TrimPrefix(id.Token, "Bot ")
	sess := &gwSession{
		id:       randomHex(16),
		shard:    shard,
		intents:  intents,
		token:    tok,
		compress: s.cfg.zlib && id.Compress,
		conn:     c,
	}
	s.lastToken.Store(&tok)
	s.sessions[sess.id] = sess
	c.sess = sess

	var unavailable []map[string]any
	var mine []*discordgo.Guild
	for _, g := range s.guilds {
		if shardOf(g.ID, shard[1]) == shard[0] {
			unavailable = append(unavailable, map[string]any{"id": g.ID, "unavailable": true})
			mine = append(mine, g)
		}
	}
	if unavailable == nil {
		unavailable = []map[string]any{}
	}
	ready := map[string]any{
		"v":                       c.version,
		"user":                    userJSON(s.cfg.botUser),
		"guilds":                  unavailable,
		"session_id":              sess.id,
		"session_type":            "normal",
		"resume_gateway_url":      s.wsURL,
		"shard":                   shard,
		"application":             map[string]any{"id": s.cfg.appID, "flags": s.cfg.appFlags},
		"private_channels":        []any{},
		"relationships":           []any{},
		"presences":               []any{},
		"guild_join_requests":     []any{},
		"geo_ordered_rtc_regions": []string{"europe"},
		"user_settings":           map[string]any{},
		"_trace":                  []string{`["gateway-prd-discordtest",{"micros":0}]`},
	}
	markReady := func() {
		s.mu.Lock()
		s.readies++
		s.bumpLocked()
		s.mu.Unlock()
	}
	if len(mine) == 0 {
		s.dispatchLocked(sess, "READY", mustJSON(ready), markReady)
		return
	}
	s.dispatchLocked(sess, "READY", mustJSON(ready), nil)
	for i, g := range mine {
		var cb func()
		if i == len(mine)-1 {
			cb = markReady
		}
		s.dispatchLocked(sess, "GUILD_CREATE", mustJSON(guildCreatePayload(g)), cb)
	}
}

func (s *Server) resumeLocked(c *gwConn, d json.RawMessage) {
	var rp struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &rp); err != nil {
		c.closeWith(4002, "Decode error.")
		return
	}
	if c.sess != nil {
		c.closeWith(4005, "Already authenticated.")
		return
	}
	if !s.tokenOK(rp.Token) {
		c.closeWith(4004, "Authentication failed.")
		return
	}
	sess := s.sessions[rp.SessionID]
	if sess == nil || rp.Seq > sess.seq || rp.Seq < 0 || strings.TrimPrefix(rp.Token, "Bot ") != sess.token {
		s.invalids++
		c.enqueue(outFrame{data: encodeFrame(opInvalidSession, "", 0, json.RawMessage("false"))})
		return
	}
	if old := sess.conn; old != nil && old != c {
		old.sess = nil
		old.close()
	}
	sess.conn = c
	c.sess = sess
	tok := sess.token
	s.lastToken.Store(&tok)
	for _, f := range sess.log {
		if f.seq > rp.Seq {
			c.enqueue(outFrame{dispatch: f.frame, binary: sess.compress})
		}
	}
	s.dispatchLocked(sess, "RESUMED", mustJSON(map[string]any{
		"_trace": []string{`["gateway-prd-discordtest",{"micros":0}]`},
	}), func() {
		s.mu.Lock()
		s.resumes++
		s.bumpLocked()
		s.mu.Unlock()
	})
}

// dispatchLocked sends a dispatch (op 0) with the session's next sequence
// number, keeping it for replay. s.mu must be held.
func (s *Server) dispatchLocked(sess *gwSession, name string, data json.RawMessage, onWritten func()) {
	s.dispatchDataLocked(sess, name, encodedData(data), onWritten)
}

// dispatchDataLocked is dispatchLocked with data encoded when written.
func (s *Server) dispatchDataLocked(sess *gwSession, name string, data *eventData, onWritten func()) {
	sess.seq++
	frame := &dispatchFrame{name: name, seq: sess.seq, data: data}
	sess.log = append(sess.log, loggedFrame{seq: sess.seq, frame: frame})
	if sess.conn != nil {
		sess.conn.enqueue(outFrame{dispatch: frame, binary: sess.compress, onWritten: onWritten})
	}
}

func (s *Server) liveSessionsLocked() []*gwSession {
	out := make([]*gwSession, 0, len(s.sessions))
	for _, sess := range s.sessions {
		out = append(out, sess)
	}
	return out
}

// sessionsForGuildLocked returns the sessions of the shard a guild (or DM,
// guildID "") is routed to.
func (s *Server) sessionsForGuildLocked(guildID string) []*gwSession {
	var out []*gwSession
	for _, sess := range s.sessions {
		if shardOf(guildID, sess.shard[1]) == sess.shard[0] {
			out = append(out, sess)
		}
	}
	return out
}

// Dispatch sends a dispatch event (op 0) with data (marshalled to JSON; a
// json.RawMessage or []byte is sent as is) to every gateway session,
// including sessions whose connection dropped (they get it on RESUME). Each
// session uses its own next sequence number. It returns the number of
// sessions. No intent filtering is applied.
func (s *Server) Dispatch(eventName string, data any) int {
	raw := s.toRaw(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	sessions := s.liveSessionsLocked()
	for _, sess := range sessions {
		s.dispatchLocked(sess, eventName, raw, nil)
	}
	s.bumpLocked()
	return len(sessions)
}

// DispatchShard is [Server.Dispatch] restricted to the sessions identified
// with the given shard id.
func (s *Server) DispatchShard(shardID int, eventName string, data any) int {
	raw := s.toRaw(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, sess := range s.sessions {
		if sess.shard[0] == shardID {
			s.dispatchLocked(sess, eventName, raw, nil)
			n++
		}
	}
	s.bumpLocked()
	return n
}

// DispatchGuild is [Server.Dispatch] restricted to the sessions of the shard
// the guild is routed to (guildID "" means DMs, shard 0).
func (s *Server) DispatchGuild(guildID, eventName string, data any) int {
	raw := s.toRaw(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	sessions := s.sessionsForGuildLocked(guildID)
	for _, sess := range sessions {
		s.dispatchLocked(sess, eventName, raw, nil)
	}
	s.bumpLocked()
	return len(sessions)
}

func (s *Server) toRaw(data any) json.RawMessage {
	var raw []byte
	switch v := data.(type) {
	case json.RawMessage:
		raw = v
	case []byte:
		raw = v
	}
	if raw != nil {
		// Frames embed their data as is: it must be valid and compact.
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			s.t.Errorf("discordtest: event data is not valid JSON: %v", err)
			return json.RawMessage("null")
		}
		return buf.Bytes()
	}
	b, err := json.Marshal(data)
	if err != nil {
		s.t.Errorf("discordtest: cannot marshal event data: %v", err)
		return json.RawMessage("null")
	}
	return b
}

// DropConnections closes every gateway websocket abruptly, like a network
// drop (no close frame). Sessions stay resumable: discordgo reconnects and
// sends RESUME, and gets the dispatches it missed followed by RESUMED.
// Events dispatched while a session has no connection are buffered for it.
// It returns the number of connections dropped.
//
// Wait for the session's first heartbeat ([Server.WaitHeartbeats]) before
// dropping: discordgo v0.29.0 starts its heartbeat goroutine at the end of
// Open, and if the connection drops before that goroutine's first write,
// the goroutine blocks for the second Session.Close holds the lock, then
// fails to write, and calls Close and reconnect itself, closing the freshly
// resumed connection with code 1000, which (as on Discord) ends the session:
// the next RESUME gets INVALID_SESSION and discordgo identifies again.
func (s *Server) DropConnections() int {
	s.mu.Lock()
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
		if c.sess != nil && c.sess.conn == c {
			c.sess.conn = nil
		}
		c.sess = nil
		delete(s.conns, c)
	}
	s.bumpLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	return len(conns)
}

// CloseConnections closes every gateway websocket with a close frame
// carrying code and reason. As on Discord, codes 4007 (invalid seq) and
// 4009 (session timed out) also end the sessions, so a later RESUME gets
// INVALID_SESSION; other codes leave them resumable. Note that discordgo
// ignores the code: it always tries to RESUME.
func (s *Server) CloseConnections(code int, reason string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for c := range s.conns {
		if sess := c.sess; sess != nil && (code == 4007 || code == 4009) {
			delete(s.sessions, sess.id)
		}
		c.closeWith(code, reason)
		n++
	}
	s.bumpLocked()
	return n
}

// RequestReconnect sends op 7 RECONNECT on every connection. discordgo then
// closes the socket with code 1012 and reconnects with RESUME.
func (s *Server) RequestReconnect() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for c := range s.conns {
		c.enqueue(outFrame{data: encodeFrame(opReconnect, "", 0, nil)})
		n++
	}
	return n
}

// InvalidateSessions ends every gateway session and sends op 9
// INVALID_SESSION (d=false) on each connected one. discordgo answers with a
// new IDENTIFY on the same connection.
func (s *Server) InvalidateSessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for id, sess := range s.sessions {
		if c := sess.conn; c != nil {
			c.sess = nil
			c.enqueue(outFrame{data: encodeFrame(opInvalidSession, "", 0, json.RawMessage("false"))})
		}
		sess.conn = nil
		delete(s.sessions, id)
		s.invalids++
		n++
	}
	s.bumpLocked()
	return n
}

// Identifies returns how many IDENTIFY payloads were received.
func (s *Server) Identifies() int { s.mu.Lock(); defer s.mu.Unlock(); return s.identifies }

// Readies returns how many sessions were fully sent READY and their
// GUILD_CREATE events.
func (s *Server) Readies() int { s.mu.Lock(); defer s.mu.Unlock(); return s.readies }

// Resumes returns how many RESUMEs succeeded (RESUMED was sent).
func (s *Server) Resumes() int { s.mu.Lock(); defer s.mu.Unlock(); return s.resumes }

// Heartbeats returns how many heartbeats (op 1) clients sent.
func (s *Server) Heartbeats() int { s.mu.Lock(); defer s.mu.Unlock(); return s.heartbeats }

// InvalidSessions returns how many INVALID_SESSION (op 9) were sent.
func (s *Server) InvalidSessions() int { s.mu.Lock(); defer s.mu.Unlock(); return s.invalids }

// Connections returns the number of open gateway websockets.
func (s *Server) Connections() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.conns) }

// GatewayDials returns the request URIs (path and query) of every gateway
// websocket connection, e.g. "/?v=9&encoding=json".
func (s *Server) GatewayDials() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.dials...)
}

// GatewayPayloads returns every payload clients sent on the gateway, in order.
func (s *Server) GatewayPayloads() []GatewayPayload {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]GatewayPayload(nil), s.payloads...)
}

// WaitGatewayPayload blocks until a client sent a gateway payload matching
// match (e.g. an op 3 presence update) and returns the first one.
func (s *Server) WaitGatewayPayload(ctx context.Context, match func(GatewayPayload) bool) (GatewayPayload, error) {
	var found GatewayPayload
	err := s.waitFor(ctx, func() bool {
		for _, p := range s.payloads {
			if match(p) {
				found = p
				return true
			}
		}
		return false
	})
	return found, err
}

// Sessions returns the gateway sessions that can still receive events.
func (s *Server) Sessions() []SessionInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SessionInfo, 0, len(s.sessions))
	for _, sess := range s.sessions {
		out = append(out, SessionInfo{
			ID: sess.id, ShardID: sess.shard[0], NumShards: sess.shard[1],
			Intents: sess.intents, Seq: sess.seq, Connected: sess.conn != nil,
		})
	}
	return out
}

// WaitReady blocks until at least one session has been sent READY and the
// GUILD_CREATE events of its shard. The client may still be processing them:
// to assert on discordgo's State, wait in a client-side handler instead.
func (s *Server) WaitReady(ctx context.Context) error { return s.WaitReadies(ctx, 1) }

// WaitReadies blocks until n READY sequences (see [Server.WaitReady]) were sent.
func (s *Server) WaitReadies(ctx context.Context, n int) error {
	return s.waitFor(ctx, func() bool { return s.readies >= n })
}

// WaitResumes blocks until n RESUMEs succeeded.
func (s *Server) WaitResumes(ctx context.Context, n int) error {
	return s.waitFor(ctx, func() bool { return s.resumes >= n })
}

// WaitIdentifies blocks until n IDENTIFY payloads were received.
func (s *Server) WaitIdentifies(ctx context.Context, n int) error {
	return s.waitFor(ctx, func() bool { return s.identifies >= n })
}

// WaitHeartbeats blocks until n heartbeats were received.
func (s *Server) WaitHeartbeats(ctx context.Context, n int) error {
	return s.waitFor(ctx, func() bool { return s.heartbeats >= n })
}

// WaitConnections blocks until exactly n gateway websockets are open.
func (s *Server) WaitConnections(ctx context.Context, n int) error {
	return s.waitFor(ctx, func() bool { return len(s.conns) == n })
}

func guildCreatePayload(g *discordgo.Guild) map[string]any {
	m := toMap(g)
	m["unavailable"] = false
	m["lazy"] = true
	if m["joined_at"] == "0001-01-01T00:00:00Z" {
		m["joined_at"] = discordTime(time.Now())
	}
	chans := []any{}
	for _, ch := range g.Channels {
		cm := toMap(ch)
		delete(cm, "guild_id") // GUILD_CREATE channels carry no guild_id
		chans = append(chans, cm)
	}
	m["channels"] = chans
	for _, k := range []string{"roles", "emojis", "members", "presences", "voice_states", "threads", "stickers", "stage_instances", "guild_scheduled_events"} {
		if m[k] == nil {
			m[k] = []any{}
		}
	}
	return m
}
