package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

type chanRec struct {
	ch       *discordgo.Channel
	deleted  bool
	denied   bool // 403 Missing Access on every route
	denySend bool // 403 Missing Permissions on writes
	msgs     []string
	nonces   map[string]nonceRec // author id + "\x00" + nonce
}

// nonceRec is a message created with enforce_nonce, remembered for the
// server's nonce window.
type nonceRec struct {
	messageID string
	at        time.Time
}

type msgRec struct {
	id        string
	channelID string
	guildID   string
	authorID  string
	data      map[string]any
	deleted   bool
	// nonce is what the message was created with. As on Discord it is
	// not stored with the message: only the create response and the
	// MESSAGE_CREATE event carry it, never a fetched message.
	nonce any
}

// withNonce is the message as created, with its nonce.
func (m *msgRec) withNonce() map[string]any {
	// A shallow copy: callers only set top-level keys and encode it.
	d := make(map[string]any, len(m.data)+1)
	maps.Copy(d, m.data)
	if m.nonce != nil {
		d["nonce"] = m.nonce
	}
	return d
}

// Message flags Discord lets a bot set on a message.
const (
	flagSuppressEmbeds        = 1 << 2
	flagEphemeral             = 1 << 6
	flagLoading               = 1 << 7
	flagSuppressNotifications = 1 << 12
	flagComponentsV2          = 1 << 15

	settableChannelFlags     = flagSuppressEmbeds | flagSuppressNotifications | flagComponentsV2
	settableInteractionFlags = settableChannelFlags | flagEphemeral
)

var snowflakeRe = regexp.MustCompile(`^[0-9]{1,20}$`)
var mentionRe = regexp.MustCompile(`<@!?([0-9]{1,20})>`)

// channelForLocked returns the channel or the error Discord would answer.
func (s *Server) channelForLocked(id string, write bool) (*chanRec, *apiResp) {
	rec := s.channels[id]
	if rec == nil {
		if s.cfg.strictChannels || !snowflakeRe.MatchString(id) {
			r := apiError(http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
			return nil, &r
		}
		rec = s.ensureChannelLocked(id, "")
	}
	switch {
	case rec.deleted:
		r := apiError(http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
		return nil, &r
	case rec.denied:
		r := apiError(http.StatusForbidden, codeMissingAccess, "Missing Access")
		return nil, &r
	case write && rec.denySend:
		r := apiError(http.StatusForbidden, codeMissingPermissions, "Missing Permissions")
		return nil, &r
	}
	return rec, nil
}

// ensureChannelLocked returns a channel, creating it if unknown: a text
// channel of the guild, or without a guild a DM with the default user.
func (s *Server) ensureChannelLocked(id, guildID string) *chanRec {
	if rec := s.channels[id]; rec != nil {
		return rec
	}
	ch := &discordgo.Channel{ID: id, GuildID: guildID, Name: "channel-" + id, Type: discordgo.ChannelTypeGuildText}
	if guildID == "" {
		u := s.cfg.user
		ch.Name, ch.Type, ch.Recipients = "", discordgo.ChannelTypeDM, []*discordgo.User{&u}
		if _, ok := s.dms[u.ID]; !ok {
			s.dms[u.ID] = id
		}
	}
	rec := &chanRec{ch: ch, nonces: map[string]nonceRec{}}
	s.channels[id] = rec
	if g := s.guildLocked(guildID); g != nil {
		g.Channels = append(g.Channels, ch)
	}
	return rec
}

// AddChannel declares a channel (copied). If its GuildID is a known guild it
// is added to that guild and CHANNEL_CREATE is dispatched to its shard.
func (s *Server) AddChannel(ch *discordgo.Channel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := *ch
	if cp.Type == discordgo.ChannelTypeGuildText && cp.Name == "" {
		cp.Name = "channel-" + cp.ID
	}
	rec := s.channels[cp.ID]
	if rec == nil {
		rec = &chanRec{nonces: map[string]nonceRec{}}
		s.channels[cp.ID] = rec
	}
	rec.ch = &cp
	rec.deleted, rec.denied, rec.denySend = false, false, false
	if g := s.guildLocked(cp.GuildID); g != nil {
		found := false
		for i, c := range g.Channels {
			if c.ID == cp.ID {
				g.Channels[i], found = &cp, true
			}
		}
		if !found {
			g.Channels = append(g.Channels, &cp)
		}
		for _, sess := range s.sessionsForGuildLocked(cp.GuildID) {
			s.dispatchLocked(sess, "CHANNEL_CREATE", mustJSON(&cp), nil)
		}
	}
	s.bumpLocked()
}

// Channel returns a copy of a known channel.
func (s *Server) Channel(id string) (*discordgo.Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.channels[id]
	if rec == nil {
		return nil, false
	}
	cp := *rec.ch
	return &cp, true
}

// DeleteChannel makes a channel answer 404 Unknown Channel (10003) from now
// on and dispatches CHANNEL_DELETE to its guild's shard.
func (s *Server) DeleteChannel(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.ensureChannelLocked(id, "")
	rec.deleted = true
	if g := s.guildLocked(rec.ch.GuildID); g != nil {
		for i, c := range g.Channels {
			if c.ID == id {
				g.Channels = append(g.Channels[:i], g.Channels[i+1:]...)
				break
			}
		}
		for _, sess := range s.sessionsForGuildLocked(g.ID) {
			s.dispatchLocked(sess, "CHANNEL_DELETE", mustJSON(rec.ch), nil)
		}
	}
	s.bumpLocked()
}

// DenyChannel makes every request about a channel answer 403 Missing Access
// (50001), as when the bot lost VIEW_CHANNEL.
func (s *Server) DenyChannel(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ensureChannelLocked(id, "").denied = true
}

// DenySend makes writes to a channel (messages, edits, reactions, typing)
// answer 403 Missing Permissions (50013) while reads still work, as when the
// bot lacks SEND_MESSAGES.
func (s *Server) DenySend(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ensureChannelLocked(id, "").denySend = true
}

// RestoreChannel undoes [Server.DeleteChannel], [Server.DenyChannel] and
// [Server.DenySend].
func (s *Server) RestoreChannel(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.ensureChannelLocked(id, "")
	if rec.deleted {
		if g := s.guildLocked(rec.ch.GuildID); g != nil {
			g.Channels = append(g.Channels, rec.ch)
		}
	}
	rec.deleted, rec.denied, rec.denySend = false, false, false
}

// Messages returns the messages currently in a channel, oldest first
// (deleted ones excluded). It includes ephemeral interaction responses
// (Flags has discordgo.MessageFlagsEphemeral) and deferred responses still
// "thinking" (discordgo.MessageFlagsLoading); filter on Flags if needed.
func (s *Server) Messages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	var raws [][]byte
	if rec := s.channels[channelID]; rec != nil {
		for _, id := range rec.msgs {
			if m := s.messages[id]; m != nil && !m.deleted {
				raws = append(raws, mustJSON(m.data))
			}
		}
	}
	s.mu.Unlock()
	out := make([]*discordgo.Message, 0, len(raws))
	for _, raw := range raws {
		var m discordgo.Message
		if err := json.Unmarshal(raw, &m); err == nil {
			out = append(out, &m)
		}
	}
	return out
}

// Message returns a stored message by id; deleted messages are not returned.
func (s *Server) Message(messageID string) (*discordgo.Message, bool) {
	s.mu.Lock()
	m := s.messages[messageID]
	if m == nil || m.deleted {
		s.mu.Unlock()
		return nil, false
	}
	raw := mustJSON(m.data)
	s.mu.Unlock()
	var out discordgo.Message
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, false
	}
	return &out, true
}

// WaitMessages blocks until the channel holds at least n messages and returns them.
func (s *Server) WaitMessages(ctx context.Context, channelID string, n int) ([]*discordgo.Message, error) {
	err := s.waitFor(ctx, func() bool {
		rec := s.channels[channelID]
		if rec == nil {
			return n <= 0
		}
		c := 0
		for _, id := range rec.msgs {
			if m := s.messages[id]; m != nil && !m.deleted {
				c++
			}
		}
		return c >= n
	})
	if err != nil {
		return nil, err
	}
	return s.Messages(channelID), nil
}

// decodePayload decodes a JSON object keeping numbers as json.Number.
func decodePayload(b []byte) (map[string]any, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return map[string]any{}, nil
	}
	if m, ok := parseJSONObject(b, true); ok {
		return m, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

func getString(m map[string]any, k string) string {
	switch v := m[k].(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	}
	return ""
}

func getInt(m map[string]any, k string) int64 {
	switch v := m[k].(type) {
	case json.Number:
		n, _ := v.Int64()
		return n
	case float64:
		return int64(v)
	case int:
		return int64(v)
	case int64:
		return v
	}
	return 0
}

func getList(m map[string]any, k string) []any {
	l, _ := m[k].([]any)
	return l
}

func badJSON() apiResp {
	return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
}

// validateMessage checks a message payload like Discord does.
func validateMessage(p map[string]any, nfiles int, requireContent bool) *apiResp {
	fail := func(r apiResp) *apiResp { return &r }
	content := getString(p, "content")
	if utf8.RuneCountInString(content) > 2000 {
		return fail(formError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."))
	}
	if len(getString(p, "nonce")) > 25 {
		return fail(formError("nonce", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
	}
	embeds := getList(p, "embeds")
	if len(embeds) > 10 {
		return fail(formError("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."))
	}
	total := 0
	for i, e := range embeds {
		em, _ := e.(map[string]any)
		if em == nil {
			continue
		}
		path := "embeds." + strconv.Itoa(i) + "."
		check := func(field string, v string, max int) *apiResp {
			n := utf8.RuneCountInString(v)
			total += n
			if n > max {
				return fail(formError(path+field, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max)))
			}
			return nil
		}
		if r := check("title", getString(em, "title"), 256); r != nil {
			return r
		}
		if r := check("description", getString(em, "description"), 4096); r != nil {
			return r
		}
		if f, ok := em["footer"].(map[string]any); ok {
			if r := check("footer.text", getString(f, "text"), 2048); r != nil {
				return r
			}
		}
		if a, ok := em["author"].(map[string]any); ok {
			if r := check("author.name", getString(a, "name"), 256); r != nil {
				return r
			}
		}
		fields := getList(em, "fields")
		if len(fields) > 25 {
			return fail(formError(path+"fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
		}
		for j, f := range fields {
			fm, _ := f.(map[string]any)
			if fm == nil {
				continue
			}
			fp := "fields." + strconv.Itoa(j) + "."
			if getString(fm, "name") == "" {
				return fail(formError(path+fp+"name", "BASE_TYPE_REQUIRED", "This field is required"))
			}
			if getString(fm, "value") == "" {
				return fail(formError(path+fp+"value", "BASE_TYPE_REQUIRED", "This field is required"))
			}
			if r := check(fp+"name", getString(fm, "name"), 256); r != nil {
				return r
			}
			if r := check(fp+"value", getString(fm, "value"), 1024); r != nil {
				return r
			}
		}
	}
	if total > 6000 {
		return fail(formError("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"))
	}
	comps := getList(p, "components")
	if getInt(p, "flags")&flagComponentsV2 == 0 && len(comps) > 5 {
		return fail(formError("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length."))
	}
	if requireContent && strings.TrimSpace(content) == "" && len(embeds) == 0 && len(comps) == 0 &&
		len(getList(p, "sticker_ids")) == 0 && nfiles == 0 && p["poll"] == nil {
		return fail(apiError(http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message"))
	}
	return nil
}

func (s *Server) knownUserJSON(id string) map[string]any {
	switch id {
	case s.cfg.botUser.ID:
		return userJSON(s.cfg.botUser)
	case s.cfg.user.ID:
		return userJSON(s.cfg.user)
	}
	return map[string]any{"id": id, "username": "user" + id, "discriminator": "0", "global_name": nil, "avatar": nil, "public_flags": 0}
}

func (s *Server) mentionsFor(content string) []any {
	out := []any{}
	seen := map[string]bool{}
	for _, m := range mentionRe.FindAllStringSubmatch(content, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, s.knownUserJSON(m[1]))
		}
	}
	return out
}

func (s *Server) attachmentsFor(channelID string, files []UploadedFile, p map[string]any) []any {
	descs := map[string]map[string]any{}
	for _, a := range getList(p, "attachments") {
		if am, ok := a.(map[string]any); ok {
			descs[getString(am, "id")] = am
		}
	}
	out := []any{}
	for i, f := range files {
		id := s.newSnowflakeLocked()
		name := f.Filename
		if d := descs[strconv.Itoa(i)]; d != nil && getString(d, "filename") != "" {
			name = getString(d, "filename")
		}
		s.files[id] = f
		u := s.hs.URL + "/attachments/" + channelID + "/" + id + "/" + name
		a := map[string]any{
			"id": id, "filename": name, "size": len(f.Data), "url": u, "proxy_url": u,
			"content_type": f.ContentType,
		}
		if d := descs[strconv.Itoa(i)]; d != nil && getString(d, "description") != "" {
			a["description"] = getString(d, "description")
		}
		out = append(out, a)
	}
	return out
}

// newMessageLocked builds and stores a message from a payload.
func (s *Server) newMessageLocked(ch *chanRec, author map[string]any, p map[string]any, files []UploadedFile, mtype int, flagMask int64) *msgRec {
	id := s.newSnowflakeLocked()
	content := getString(p, "content")
	embeds := []any{}
	for _, e := range getList(p, "embeds") {
		if em, ok := e.(map[string]any); ok {
			if getString(em, "type") == "" {
				em["type"] = "rich"
			}
			embeds = append(embeds, em)
		}
	}
	comps := getList(p, "components")
	if comps == nil {
		comps = []any{}
	}
	m := map[string]any{
		"id":               id,
		"channel_id":       ch.ch.ID,
		"author":           author,
		"content":          content,
		"timestamp":        discordTime(time.Now()),
		"edited_timestamp": nil,
		"tts":              p["tts"] == true,
		"mention_everyone": false,
		"mentions":         s.mentionsFor(content),
		"mention_roles":    []any{},
		"attachments":      s.attachmentsFor(ch.ch.ID, files, p),
		"embeds":           embeds,
		"components":       comps,
		"pinned":           false,
		"type":             mtype,
		"flags":            getInt(p, "flags") & flagMask,
	}
	if ch.ch.GuildID != "" {
		m["guild_id"] = ch.ch.GuildID
	}
	if p["poll"] != nil {
		m["poll"] = p["poll"]
	}
	authorID, ok := author["id"].(string)
	if !ok {
		authorID = fmt.Sprint(author["id"])
	}
	rec := &msgRec{id: id, channelID: ch.ch.ID, guildID: ch.ch.GuildID, authorID: authorID, data: m, nonce: p["nonce"]}
	s.messages[id] = rec
	ch.msgs = append(ch.msgs, id)
	return rec
}

// applyEdit returns a copy of the message data with an edit payload applied.
func (s *Server) applyEdit(m *msgRec, p map[string]any, files []UploadedFile, flagMask int64) map[string]any {
	d, _ := deepCopy(m.data).(map[string]any)
	if v, ok := p["content"]; ok {
		c, _ := v.(string)
		d["content"] = c
		d["mentions"] = s.mentionsFor(c)
	}
	if v, ok := p["embeds"]; ok {
		embeds := []any{}
		l, _ := v.([]any)
		for _, e := range l {
			if em, ok := e.(map[string]any); ok {
				if getString(em, "type") == "" {
					em["type"] = "rich"
				}
				embeds = append(embeds, em)
			}
		}
		d["embeds"] = embeds
	}
	if v, ok := p["components"]; ok {
		l, _ := v.([]any)
		if l == nil {
			l = []any{}
		}
		d["components"] = l
	}
	if _, ok := p["flags"]; ok {
		old := getInt(d, "flags")
		d["flags"] = old&^flagMask | getInt(p, "flags")&flagMask
	}
	if v, ok := p["attachments"]; ok {
		keep := map[string]bool{}
		l, _ := v.([]any)
		for _, a := range l {
			if am, ok := a.(map[string]any); ok {
				keep[getString(am, "id")] = true
			}
		}
		kept := []any{}
		for _, a := range getList(d, "attachments") {
			if am, ok := a.(map[string]any); ok && keep[getString(am, "id")] {
				kept = append(kept, am)
			}
		}
		d["attachments"] = kept
	}
	if len(files) > 0 {
		d["attachments"] = append(getList(d, "attachments"), s.attachmentsFor(m.channelID, files, p)...)
	}
	d["edited_timestamp"] = discordTime(time.Now())
	return d
}

// dispatchMessageLocked dispatches MESSAGE_CREATE/UPDATE/DELETE to the
// sessions that should get it, honouring intents like Discord.
func (s *Server) dispatchMessageLocked(event string, m *msgRec) {
	if m.authorID == s.cfg.botUser.ID && !s.cfg.echoOwnMessages {
		return
	}
	if getInt(m.data, "flags")&flagEphemeral != 0 {
		return
	}
	isDM := m.guildID == ""
	need := discordgo.IntentGuildMessages
	if isDM {
		need = discordgo.IntentDirectMessages
	}
	mentionsBot := false
	for _, u := range getList(m.data, "mentions") {
		if um, ok := u.(map[string]any); ok && getString(um, "id") == s.cfg.botUser.ID {
			mentionsBot = true
		}
	}
	// The event is encoded once for the sessions that see the content
	// and once for those that do not, by the first connection that
	// writes it (not with s.mu held).
	var full, blanked *eventData
	for _, sess := range s.sessionsForGuildLocked(m.guildID) {
		if sess.intents&need == 0 {
			continue
		}
		blank := event != "MESSAGE_DELETE" && sess.intents&discordgo.IntentMessageContent == 0 &&
			!isDM && !mentionsBot && m.authorID != s.cfg.botUser.ID
		data := &full
		if blank {
			data = &blanked
		}
		if *data == nil {
			*data = lazyData(s.messageEventLocked(event, m, blank))
		}
		s.dispatchDataLocked(sess, event, *data, nil)
	}
}

// messageEventLocked is the data of a MESSAGE_CREATE/UPDATE/DELETE event,
// with the content blanked for sessions without MESSAGE_CONTENT: a
// snapshot, which later changes of the message leave alone.
func (s *Server) messageEventLocked(event string, m *msgRec, blank bool) map[string]any {
	if event == "MESSAGE_DELETE" {
		data := map[string]any{"id": m.id, "channel_id": m.channelID}
		if m.guildID != "" {
			data["guild_id"] = m.guildID
		}
		return data
	}
	data := m.withNonce()
	if blank {
		data["content"] = ""
		data["embeds"] = []any{}
		data["attachments"] = []any{}
		data["components"] = []any{}
		delete(data, "poll")
	}
	if m.guildID != "" && data["member"] == nil && !isWebhookMessage(data) {
		mem := memberJSON(discordgo.User{})
		delete(mem, "user")
		data["member"] = mem
	}
	return data
}

func isWebhookMessage(d map[string]any) bool {
	w, ok := d["webhook_id"].(string)
	return ok && w != ""
}

func (s *Server) getChannel(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, errResp := s.channelForLocked(req.params["channel"], false)
	if errResp != nil {
		return *errResp
	}
	return jsonResp(http.StatusOK, channelJSON(ch))
}

func channelJSON(ch *chanRec) map[string]any {
	m := toMap(ch.ch)
	if len(ch.msgs) > 0 {
		m["last_message_id"] = ch.msgs[len(ch.msgs)-1]
	}
	return m
}

func (s *Server) createMessage(req *apiReq) apiResp {
	p, err := req.payloadObject()
	if err != nil {
		return badJSON()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, errResp := s.channelForLocked(req.params["channel"], true)
	if errResp != nil {
		return *errResp
	}
	if r := validateMessage(p, len(req.files), true); r != nil {
		return *r
	}
	// nonce + enforce_nonce: return the message created earlier with that
	// nonce, if it was within the nonce window.
	nonce := getString(p, "nonce")
	nonceKey := s.cfg.botUser.ID + "\x00" + nonce
	if nonce != "" && p["enforce_nonce"] == true {
		if n, ok := ch.nonces[nonceKey]; ok && time.Since(n.at) < s.cfg.nonceWindow {
			if m := s.messages[n.messageID]; m != nil && !m.deleted {
				return jsonResp(http.StatusOK, m.withNonce())
			}
		}
	}
	mtype := int(discordgo.MessageTypeDefault)
	var refData map[string]any
	var refMsg *msgRec
	if ref, ok := p["message_reference"].(map[string]any); ok {
		refChannel := getString(ref, "channel_id")
		if refChannel == "" {
			refChannel = ch.ch.ID
		}
		refMsg = s.messages[getString(ref, "message_id")]
		if refMsg == nil || refMsg.deleted || refMsg.channelID != refChannel || refChannel != ch.ch.ID {
			if ref["fail_if_not_exists"] != false {
				return formError("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
			}
			refMsg = nil
		}
		if refMsg != nil {
			mtype = int(discordgo.MessageTypeReply)
			refData = map[string]any{"type": 0, "channel_id": refMsg.channelID, "message_id": refMsg.id}
			if refMsg.guildID != "" {
				refData["guild_id"] = refMsg.guildID
			}
		}
	}
	m := s.newMessageLocked(ch, userJSON(s.cfg.botUser), p, req.files, mtype, settableChannelFlags)
	if refMsg != nil {
		m.data["message_reference"] = refData
		m.data["referenced_message"] = deepCopy(refMsg.data)
	}
	if nonce != "" {
		ch.nonces[nonceKey] = nonceRec{messageID: m.id, at: time.Now()}
	}
	s.dispatchMessageLocked("MESSAGE_CREATE", m)
	s.bumpLocked()
	return jsonResp(http.StatusOK, m.withNonce())
}

func (s *Server) messageInChannelLocked(req *apiReq, write bool) (*chanRec, *msgRec, *apiResp) {
	ch, errResp := s.channelForLocked(req.params["channel"], write)
	if errResp != nil {
		return nil, nil, errResp
	}
	m := s.messages[req.params["message"]]
	if m == nil || m.deleted || m.channelID != ch.ch.ID {
		r := apiError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return nil, nil, &r
	}
	return ch, m, nil
}

func (s *Server) getMessage(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, errResp := s.messageInChannelLocked(req, false)
	if errResp != nil {
		return *errResp
	}
	return jsonResp(http.StatusOK, m.data)
}

func (s *Server) listMessages(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, errResp := s.channelForLocked(req.params["channel"], false)
	if errResp != nil {
		return *errResp
	}
	limit := 50
	if l := req.query.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 100 {
			return formError("limit", "NUMBER_TYPE_MAX", "int value should be between 1 and 100.")
		}
		limit = n
	}
	before, after := req.query.Get("before"), req.query.Get("after")
	var msgs []*msgRec
	for _, id := range ch.msgs {
		m := s.messages[id]
		if m == nil || m.deleted || getInt(m.data, "flags")&flagEphemeral != 0 {
			continue
		}
		if before != "" && !snowLess(m.id, before) {
			continue
		}
		if after != "" && !snowLess(after, m.id) {
			continue
		}
		msgs = append(msgs, m)
	}
	// newest first
	sort.SliceStable(msgs, func(i, j int) bool { return snowLess(msgs[j].id, msgs[i].id) })
	if after != "" && len(msgs) > limit {
		msgs = msgs[len(msgs)-limit:]
	} else if len(msgs) > limit {
		msgs = msgs[:limit]
	}
	out := []any{}
	for _, m := range msgs {
		out = append(out, m.data)
	}
	return jsonResp(http.StatusOK, out)
}

func snowLess(a, b string) bool {
	x, _ := strconv.ParseUint(a, 10, 64)
	y, _ := strconv.ParseUint(b, 10, 64)
	return x < y
}

func (s *Server) editMessage(req *apiReq) apiResp {
	p, err := req.payloadObject()
	if err != nil {
		return badJSON()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, errResp := s.messageInChannelLocked(req, true)
	if errResp != nil {
		return *errResp
	}
	if m.authorID != s.cfg.botUser.ID {
		if len(p) != 1 || p["flags"] == nil { // only SUPPRESS_EMBEDS may be toggled on others' messages
			return apiError(http.StatusForbidden, codeCannotEditOther, "Cannot edit a message authored by another user")
		}
	}
	d := s.applyEdit(m, p, req.files, settableChannelFlags)
	if r := validateMessage(d, len(getList(d, "attachments")), true); r != nil {
		return *r
	}
	m.data = d
	s.dispatchMessageLocked("MESSAGE_UPDATE", m)
	s.bumpLocked()
	return jsonResp(http.StatusOK, m.data)
}

func (s *Server) deleteMessage(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, errResp := s.messageInChannelLocked(req, false)
	if errResp != nil {
		return *errResp
	}
	m.deleted = true
	s.dispatchMessageLocked("MESSAGE_DELETE", m)
	s.bumpLocked()
	return noContent()
}

func (s *Server) addReaction(req *apiReq) apiResp {
	return s.react(req, true)
}

func (s *Server) removeReaction(req *apiReq) apiResp {
	return s.react(req, false)
}

func (s *Server) react(req *apiReq, add bool) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, errResp := s.messageInChannelLocked(req, true)
	if errResp != nil {
		return *errResp
	}
	emoji := req.params["emoji"]
	name, id := emoji, any(nil)
	if i := strings.LastIndexByte(emoji, ':'); i > 0 {
		name, id = emoji[:i], emoji[i+1:]
	}
	var kept []any
	found := false
	for _, r := range getList(m.data, "reactions") {
		rm, _ := r.(map[string]any)
		em, _ := rm["emoji"].(map[string]any)
		if em != nil && getString(em, "name") == name {
			found = true
			if !add {
				continue
			}
		}
		kept = append(kept, r)
	}
	if add && !found {
		kept = append(kept, map[string]any{"count": 1, "me": true, "emoji": map[string]any{"id": id, "name": name}})
	}
	if kept == nil {
		delete(m.data, "reactions")
	} else {
		m.data["reactions"] = kept
	}
	s.bumpLocked()
	return noContent()
}

// Reactions returns the emoji names the bot reacted with on a message.
func (s *Server) Reactions(messageID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[messageID]
	if m == nil {
		return nil
	}
	var out []string
	for _, r := range getList(m.data, "reactions") {
		rm, _ := r.(map[string]any)
		em, _ := rm["emoji"].(map[string]any)
		if em != nil {
			out = append(out, getString(em, "name"))
		}
	}
	return out
}

func (s *Server) createDM(req *apiReq) apiResp {
	p, err := req.payloadObject()
	if err != nil {
		return badJSON()
	}
	uid := getString(p, "recipient_id")
	if !snowflakeRe.MatchString(uid) {
		return formError("recipient_id", "NUMBER_TYPE_COERCE", "Value \""+uid+"\" is not snowflake.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.dms[uid]; ok {
		return jsonResp(http.StatusOK, channelJSON(s.channels[id]))
	}
	var recipient discordgo.User
	if err := json.Unmarshal(mustJSON(s.knownUserJSON(uid)), &recipient); err != nil {
		return badJSON()
	}
	ch := &discordgo.Channel{ID: s.newSnowflakeLocked(), Type: discordgo.ChannelTypeDM, Recipients: []*discordgo.User{&recipient}}
	s.channels[ch.ID] = &chanRec{ch: ch, nonces: map[string]nonceRec{}}
	s.dms[uid] = ch.ID
	s.bumpLocked()
	return jsonResp(http.StatusOK, channelJSON(s.channels[ch.ID]))
}

// DMChannel returns the id of the DM channel the bot opened with a user
// (POST /users/@me/channels), or "".
func (s *Server) DMChannel(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dms[userID]
}
