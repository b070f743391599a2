package discordtest

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

type interactionRec struct {
	id             string
	token          string
	itype          discordgo.InteractionType
	commandType    discordgo.ApplicationCommandType
	name           string
	channelID      string
	guildID        string
	componentMsgID string
	raw            []byte
	decoded        *discordgo.Interaction // raw as decoded, when asDecoded can tell without decoding
	user           json.RawMessage        // the invoking user's JSON, or nil
	sentAt         time.Time

	acked      bool
	ackedAt    time.Time
	ackWait    chan struct{} // closed when acked; made by the first waiter
	respType   discordgo.InteractionResponseType
	response   json.RawMessage
	originalID string
	followups  []string
}

// InteractionRecord is what the server knows about an interaction it sent.
type InteractionRecord struct {
	Interaction  *discordgo.Interaction
	SentAt       time.Time
	Acknowledged bool
	AckedAt      time.Time
	// ResponseType is the type of the accepted initial response (callback).
	ResponseType discordgo.InteractionResponseType
	// Response is the JSON of the accepted callback (payload_json for multipart).
	Response json.RawMessage
	// OriginalMessageID is the message "@original" refers to: the message
	// created by a type 4/5 response, or the component's message for 6/7.
	OriginalMessageID string
	// FollowupIDs are the ids of follow-up messages, oldest first.
	FollowupIDs []string
}

// Interaction returns what the server recorded about an interaction.
func (s *Server) Interaction(id string) (InteractionRecord, bool) {
	s.mu.Lock()
	rec := s.interactions[id]
	if rec == nil {
		s.mu.Unlock()
		return InteractionRecord{}, false
	}
	snap := rec.snapshotLocked()
	s.mu.Unlock()
	return snap.record(), true
}

// recordSnapshot is what an InteractionRecord is made of, taken with s.mu
// held; the interaction is decoded (or copied) after it is released.
type recordSnapshot struct {
	out     InteractionRecord
	raw     []byte
	decoded *discordgo.Interaction
}

func (rec *interactionRec) snapshotLocked() recordSnapshot {
	return recordSnapshot{
		out: InteractionRecord{
			SentAt: rec.sentAt, Acknowledged: rec.acked, AckedAt: rec.ackedAt, ResponseType: rec.respType,
			Response: append(json.RawMessage(nil), rec.response...), OriginalMessageID: rec.originalID,
			FollowupIDs: append([]string(nil), rec.followups...),
		},
		raw: rec.raw, decoded: rec.decoded,
	}
}

func (snap recordSnapshot) record() InteractionRecord {
	out := snap.out
	if snap.decoded != nil {
		out.Interaction = asDecoded(snap.decoded) // a copy of its own
		return out
	}
	var i discordgo.Interaction
	if err := decodeInteraction(snap.raw, &i); err == nil {
		out.Interaction = &i
	}
	return out
}

// WaitAcknowledged blocks until the interaction got an accepted initial
// response and returns its record.
func (s *Server) WaitAcknowledged(ctx context.Context, interactionID string) (InteractionRecord, error) {
	// A waiter sleeps on its interaction's own channel, not on every
	// change of the server: with many interactions in flight, waking
	// every waiter on every request would cost more than the requests.
	for {
		s.mu.Lock()
		rec := s.interactions[interactionID]
		if rec != nil && rec.acked {
			snap := rec.snapshotLocked()
			s.mu.Unlock()
			return snap.record(), nil
		}
		if s.closed {
			s.mu.Unlock()
			return InteractionRecord{}, errServerClosed
		}
		ch := s.changed // not recorded yet: wake on any change
		if rec != nil {
			if rec.ackWait == nil {
				rec.ackWait = make(chan struct{})
			}
			ch = rec.ackWait
		}
		s.mu.Unlock()
		select {
		case <-ch:
		case <-s.done:
		case <-ctx.Done():
			return InteractionRecord{}, ctx.Err()
		}
	}
}

// messageJSON converts a discordgo message to its wire form, including
// components (which discordgo.Message does not marshal).
func messageJSON(m *discordgo.Message) map[string]any {
	d := toMap(m)
	comps := []any{}
	for _, c := range m.Components {
		comps = append(comps, toMap(c))
	}
	d["components"] = comps
	if d["member"] == nil {
		delete(d, "member")
	}
	for _, k := range []string{"mentions", "mention_roles", "attachments", "embeds"} {
		if d[k] == nil {
			d[k] = []any{}
		}
	}
	if m.Timestamp.IsZero() {
		d["timestamp"] = discordTime(time.Now())
	}
	return d
}

// interactionJSON converts an interaction to its wire form (discordgo does
// not marshal message components nor modal components).
func interactionJSON(i *discordgo.Interaction) map[string]any {
	m := toMap(i)
	if i.Message != nil {
		m["message"] = messageJSON(i.Message)
	}
	data, _ := m["data"].(map[string]any)
	switch d := i.Data.(type) {
	case discordgo.ModalSubmitInteractionData:
		comps := []any{}
		for _, c := range d.Components {
			comps = append(comps, toMap(c))
		}
		if data != nil {
			data["components"] = comps
		}
	case discordgo.ApplicationCommandInteractionData:
		if d.Resolved != nil && len(d.Resolved.Messages) > 0 && data != nil {
			res, _ := data["resolved"].(map[string]any)
			msgs := map[string]any{}
			for id, msg := range d.Resolved.Messages {
				msgs[id] = messageJSON(msg)
			}
			if res != nil {
				res["messages"] = msgs
			}
		}
	}
	return m
}

// SendInteraction dispatches INTERACTION_CREATE to the shard of the
// interaction's guild (shard 0 for DMs) and starts its response deadline.
// Missing fields are filled in place: ID, Token, AppID, Version, Locale,
// ChannelID/GuildID (the first guild and its first channel), Member (guild)
// or User (DM) with the default user, Context, and for application commands
// the command id (taken from the registered commands when the name matches).
// It returns i.
func (s *Server) SendInteraction(i *discordgo.Interaction) *discordgo.Interaction {
	rec := s.prepareInteraction(i, true)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.storeInteractionLocked(rec)
	for _, sess := range s.sessionsForGuildLocked(i.GuildID) {
		s.dispatchLocked(sess, "INTERACTION_CREATE", rec.raw, nil)
	}
	s.bumpLocked()
	return i
}

// RecordInteraction fills i in and records it as [Server.SendInteraction]
// does, but dispatches nothing: for tests that answer the interaction
// themselves, without racing the bot's own handler to acknowledge it.
func (s *Server) RecordInteraction(i *discordgo.Interaction) *discordgo.Interaction {
	rec := s.prepareInteraction(i, true)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.storeInteractionLocked(rec)
	s.bumpLocked()
	return i
}

// prepareInteraction fills i in, with s.mu held, and makes its record,
// encoding it without: i is the caller's until the call returns. The
// interaction carries its channel when withChannel, as gateway ones do.
func (s *Server) prepareInteraction(i *discordgo.Interaction, withChannel bool) *interactionRec {
	s.mu.Lock()
	s.fillInteractionLocked(i)
	var channel map[string]any
	if ch := s.channels[i.ChannelID]; withChannel && ch != nil {
		channel = map[string]any{"id": ch.ch.ID, "type": int(ch.ch.Type), "name": ch.ch.Name, "guild_id": ch.ch.GuildID}
	}
	s.mu.Unlock()
	return newInteractionRec(i, interactionRaw(i, channel))
}

// interactionRaw is the wire form of a filled interaction, with channel
// (when not nil) as its "channel" field. Interactions that discordgo
// marshals whole (no message, no modal, no resolved messages) are
// encoded directly; the others go through interactionJSON.
func interactionRaw(i *discordgo.Interaction, channel map[string]any) json.RawMessage {
	direct := i.Message == nil
	switch d := i.Data.(type) {
	case discordgo.ModalSubmitInteractionData:
		direct = false
	case discordgo.ApplicationCommandInteractionData:
		direct = direct && (d.Resolved == nil || len(d.Resolved.Messages) == 0)
	}
	if !direct {
		m := interactionJSON(i)
		if channel != nil {
			m["channel"] = channel
		}
		return mustJSON(m)
	}
	buf := encodeBuffers.Get().(*[]byte)
	raw, ok := appendInteraction((*buf)[:0], i)
	if !ok {
		raw = append(raw[:0], mustJSON(i)...)
	}
	if channel != nil {
		// raw is an object, and discordgo.Interaction has no "channel" field.
		raw = append(raw[:len(raw)-1], `,"channel":`...)
		raw, _ = appendJSON(raw, channel)
		raw = append(raw, '}')
	}
	out := append(json.RawMessage(nil), raw...)
	if cap(raw) <= 64<<10 {
		*buf = raw[:0]
		encodeBuffers.Put(buf)
	}
	return out
}

// storeInteractionLocked records rec, replacing any interaction with its
// id (whose waiters are woken to look again).
func (s *Server) storeInteractionLocked(rec *interactionRec) {
	if old := s.interactions[rec.id]; old != nil && old.ackWait != nil {
		close(old.ackWait)
		old.ackWait = nil
	}
	s.interactions[rec.id] = rec
	s.webhookToks[rec.token] = rec.id
}

// newInteractionRec is the record of a filled interaction sent as raw.
func newInteractionRec(i *discordgo.Interaction, raw json.RawMessage) *interactionRec {
	rec := &interactionRec{
		id: i.ID, token: i.Token, itype: i.Type, channelID: i.ChannelID, guildID: i.GuildID,
		raw: raw, decoded: asDecoded(i), sentAt: time.Now(),
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		rec.commandType, rec.name = d.CommandType, d.Name
	}
	if i.Message != nil {
		rec.componentMsgID = i.Message.ID
	}
	// The invoking user, as the messages answering it name them.
	if i.Member != nil {
		if i.Member.User != nil {
			rec.user = appendUser(nil, i.Member.User)
		}
	} else if i.User != nil {
		rec.user = appendUser(nil, i.User)
	}
	return rec
}

func (s *Server) defaultChannelLocked(guildID string) (string, string) {
	for _, g := range s.guilds {
		if guildID != "" && g.ID != guildID {
			continue
		}
		for _, ch := range g.Channels {
			if ch.Type == discordgo.ChannelTypeGuildText {
				return g.ID, ch.ID
			}
		}
		if len(g.Channels) > 0 {
			return g.ID, g.Channels[0].ID
		}
		return g.ID, ""
	}
	return guildID, ""
}

func (s *Server) fillInteractionLocked(i *discordgo.Interaction) {
	if i.ID == "" {
		i.ID = s.newSnowflakeLocked()
	}
	if i.Token == "" {
		i.Token = "aW50ZXJhY3Rpb246" + i.ID + ":" + randomHex(32)
	}
	if i.AppID == "" {
		i.AppID = s.cfg.appID
	}
	if i.Version == 0 {
		i.Version = 1
	}
	if i.Locale == "" {
		i.Locale = discordgo.EnglishUS
	}
	if i.ChannelID == "" {
		i.GuildID, i.ChannelID = s.defaultChannelLocked(i.GuildID)
	} else if i.GuildID == "" {
		if ch := s.channels[i.ChannelID]; ch != nil {
			i.GuildID = ch.ch.GuildID
		}
	}
	if i.ChannelID != "" {
		s.ensureChannelLocked(i.ChannelID, i.GuildID)
	}
	u := s.cfg.user
	if i.GuildID != "" {
		if i.Member == nil {
			i.Member = &discordgo.Member{User: &u, Roles: []string{}, JoinedAt: time.Now().Add(-24 * time.Hour),
				Permissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionUseApplicationCommands}
		}
		if i.Member.User == nil {
			i.Member.User = &u
		}
		if i.GuildLocale == nil {
			l := discordgo.EnglishUS
			i.GuildLocale = &l
		}
		if i.AuthorizingIntegrationOwners == nil {
			i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{discordgo.ApplicationIntegrationGuildInstall: i.GuildID}
		}
	} else {
		if i.User == nil {
			i.User = &u
		}
		if i.Context == discordgo.InteractionContextGuild {
			i.Context = discordgo.InteractionContextBotDM
		}
		if i.AuthorizingIntegrationOwners == nil {
			i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{discordgo.ApplicationIntegrationGuildInstall: "0"}
		}
	}
	if i.AppPermissions == 0 {
		i.AppPermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks |
			discordgo.PermissionAttachFiles | discordgo.PermissionReadMessageHistory | discordgo.PermissionAddReactions
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		if d.CommandType == 0 {
			d.CommandType = discordgo.ChatApplicationCommand
		}
		if d.ID == "" {
			d.ID = s.commandIDLocked(i.GuildID, d.Name, d.CommandType)
		}
		i.Data = d
		if i.Type == 0 {
			i.Type = discordgo.InteractionApplicationCommand
		}
	case discordgo.MessageComponentInteractionData:
		if d.ComponentType == 0 {
			d.ComponentType = discordgo.ButtonComponent
		}
		i.Data = d
		if i.Type == 0 {
			i.Type = discordgo.InteractionMessageComponent
		}
		if i.Message == nil {
			i.Message = &discordgo.Message{Content: "(message with components)"}
		}
	case discordgo.ModalSubmitInteractionData:
		if i.Type == 0 {
			i.Type = discordgo.InteractionModalSubmit
		}
	}
	if i.Message != nil {
		s.ensureMessageLocked(i.Message, i.ChannelID, i.GuildID, userJSON(s.cfg.botUser))
	}
}

// ensureMessageLocked makes sure a message given by a test exists in the
// store (filling its id, channel and author) so it can be replied to or edited.
func (s *Server) ensureMessageLocked(m *discordgo.Message, channelID, guildID string, author map[string]any) *msgRec {
	if m.ID != "" {
		if rec := s.messages[m.ID]; rec != nil {
			return rec
		}
	} else {
		m.ID = s.newSnowflakeLocked()
	}
	if m.ChannelID == "" {
		m.ChannelID = channelID
	}
	if m.GuildID == "" {
		m.GuildID = guildID
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = time.Now().UTC()
	}
	d := messageJSON(m)
	if m.Author == nil {
		d["author"] = author
	}
	ch := s.ensureChannelLocked(m.ChannelID, m.GuildID)
	if m.GuildID == "" {
		m.GuildID = ch.ch.GuildID
		if m.GuildID != "" {
			d["guild_id"] = m.GuildID
		}
	}
	if m.GuildID == "" {
		delete(d, "guild_id")
	}
	au, _ := d["author"].(map[string]any)
	rec := &msgRec{id: m.ID, channelID: m.ChannelID, guildID: m.GuildID, authorID: getString(au, "id"), data: d}
	s.messages[m.ID] = rec
	ch.msgs = append(ch.msgs, m.ID)
	return rec
}

// SendMessage stores a message written by a user (the default user unless
// Author is set) and dispatches MESSAGE_CREATE to the shard of its guild,
// honouring intents (see the package documentation). Missing fields are
// filled: ID, ChannelID (first channel of the first guild), GuildID (from
// the channel), Author, Timestamp, Mentions (from <@id> in the content).
// It returns the message as stored.
func (s *Server) SendMessage(m *discordgo.Message) *discordgo.Message {
	s.mu.Lock()
	if m.ChannelID == "" {
		m.GuildID, m.ChannelID = s.defaultChannelLocked(m.GuildID)
	} else if m.GuildID == "" {
		if ch := s.channels[m.ChannelID]; ch != nil {
			m.GuildID = ch.ch.GuildID
		}
	}
	if len(m.Mentions) == 0 {
		for _, u := range s.mentionsFor(m.Content) {
			var du discordgo.User
			_ = json.Unmarshal(mustJSON(u), &du)
			m.Mentions = append(m.Mentions, &du)
		}
	}
	if m.ID != "" && s.messages[m.ID] != nil {
		m.ID = "" // never overwrite a stored message
	}
	rec := s.ensureMessageLocked(m, m.ChannelID, m.GuildID, userJSON(s.cfg.user))
	s.dispatchMessageLocked("MESSAGE_CREATE", rec)
	raw := mustJSON(rec.data)
	s.bumpLocked()
	s.mu.Unlock()
	var out discordgo.Message
	_ = json.Unmarshal(raw, &out)
	return &out
}

// ---- REST: interaction callback ----

func allowedResponses(it discordgo.InteractionType) []discordgo.InteractionResponseType {
	switch it {
	case discordgo.InteractionApplicationCommand:
		return []discordgo.InteractionResponseType{4, 5, 9, 12}
	case discordgo.InteractionMessageComponent:
		return []discordgo.InteractionResponseType{4, 5, 6, 7, 9, 12}
	case discordgo.InteractionApplicationCommandAutocomplete:
		return []discordgo.InteractionResponseType{8}
	case discordgo.InteractionModalSubmit:
		return []discordgo.InteractionResponseType{4, 5, 6, 7, 12}
	}
	return nil
}

func (s *Server) interactionMessageType(rec *interactionRec) int {
	if rec.itype == discordgo.InteractionApplicationCommand {
		if rec.commandType == discordgo.ChatApplicationCommand {
			return int(discordgo.MessageTypeChatInputCommand)
		}
		return int(discordgo.MessageTypeContextMenuCommand)
	}
	return int(discordgo.MessageTypeDefault)
}

func (s *Server) interactionMessageLocked(rec *interactionRec, p map[string]any, files []UploadedFile, extraFlags int64) *msgRec {
	ch := s.ensureChannelLocked(rec.channelID, rec.guildID)
	m := s.newMessageLocked(ch, userJSON(s.cfg.botUser), p, files, s.interactionMessageType(rec), settableInteractionFlags)
	m.data["flags"] = getInt(m.data, "flags") | extraFlags
	m.data["webhook_id"] = s.cfg.appID
	m.data["application_id"] = s.cfg.appID
	var user any // JSON null unless the interaction has a user
	if rec.user != nil {
		user = rec.user
	}
	m.data["interaction_metadata"] = map[string]any{
		"id": rec.id, "type": int(rec.itype), "user": user,
		"authorizing_integration_owners": map[string]any{"0": rec.guildID},
	}
	if rec.name != "" {
		m.data["interaction"] = map[string]any{"id": rec.id, "type": int(rec.itype), "name": rec.name, "user": user}
	}
	return m
}

func (s *Server) interactionCallback(req *apiReq) apiResp {
	p, err := req.payloadObject()
	if err != nil {
		return badJSON()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.interactions[req.params["interaction"]]
	if rec == nil {
		return apiError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	}
	if rec.token != req.params["token"] {
		return apiError(http.StatusUnauthorized, codeInvalidWebhookTok, "Invalid Webhook Token")
	}
	if rec.acked {
		return apiError(http.StatusBadRequest, codeAlreadyAcked, "Interaction has already been acknowledged.")
	}
	if time.Since(rec.sentAt) > s.cfg.deadline {
		return apiError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	}
	rtype := discordgo.InteractionResponseType(getInt(p, "type"))
	ok := false
	for _, t := range allowedResponses(rec.itype) {
		ok = ok || t == rtype
	}
	if !ok {
		return formError("type", "BASE_TYPE_CHOICES", "Value must be one of "+choicesText(allowedResponses(rec.itype))+".")
	}
	data, _ := p["data"].(map[string]any)
	if data == nil {
		data = map[string]any{}
	}
	switch rtype {
	case discordgo.InteractionResponseChannelMessageWithSource:
		if r := validateMessage(data, len(req.files), true); r != nil {
			return prefixFormError(*r, "data")
		}
	case discordgo.InteractionResponseUpdateMessage:
		if r := validateMessage(data, len(req.files), false); r != nil {
			return prefixFormError(*r, "data")
		}
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		choices := getList(data, "choices")
		if len(choices) > 25 {
			return formError("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for _, c := range choices {
			cm, _ := c.(map[string]any)
			if n := utf8.RuneCountInString(getString(cm, "name")); n < 1 || n > 100 {
				return formError("data.choices.name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
			}
		}
	case discordgo.InteractionResponseModal:
		if getString(data, "custom_id") == "" {
			return formError("data.custom_id", "BASE_TYPE_REQUIRED", "This field is required")
		}
		if n := utf8.RuneCountInString(getString(data, "title")); n < 1 || n > 45 {
			return formError("data.title", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.")
		}
		if n := len(getList(data, "components")); n < 1 || n > 5 {
			return formError("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
	}

	rec.acked = true
	rec.ackedAt = time.Now()
	if rec.ackWait != nil {
		close(rec.ackWait)
		rec.ackWait = nil
	}
	rec.respType = rtype
	rec.response = append(json.RawMessage(nil), req.payload...)
	switch rtype {
	case discordgo.InteractionResponseChannelMessageWithSource:
		m := s.interactionMessageLocked(rec, data, req.files, 0)
		rec.originalID = m.id
		s.dispatchMessageLocked("MESSAGE_CREATE", m)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		placeholder := map[string]any{"flags": getInt(data, "flags") & flagEphemeral}
		m := s.interactionMessageLocked(rec, placeholder, nil, flagLoading)
		rec.originalID = m.id
		s.dispatchMessageLocked("MESSAGE_CREATE", m)
	case discordgo.InteractionResponseDeferredMessageUpdate:
		rec.originalID = rec.componentMsgID
	case discordgo.InteractionResponseUpdateMessage:
		rec.originalID = rec.componentMsgID
		if m := s.messages[rec.componentMsgID]; m != nil && !m.deleted {
			m.data = s.applyEdit(m, data, req.files, settableChannelFlags)
			s.dispatchMessageLocked("MESSAGE_UPDATE", m)
		}
	}
	s.bumpLocked()
	if req.query.Get("with_response") == "true" {
		res := map[string]any{"type": int(rtype)}
		inter := map[string]any{"id": rec.id, "type": int(rec.itype), "response_message_id": nil,
			"response_message_loading":   rtype == discordgo.InteractionResponseDeferredChannelMessageWithSource,
			"response_message_ephemeral": false}
		if m := s.messages[rec.originalID]; m != nil && rec.originalID != "" {
			res["message"] = m.data
			inter["response_message_id"] = m.id
			inter["response_message_ephemeral"] = getInt(m.data, "flags")&flagEphemeral != 0
		}
		return jsonResp(http.StatusOK, map[string]any{"interaction": inter, "resource": res})
	}
	return noContent()
}

func choicesText(ts []discordgo.InteractionResponseType) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = strconv.Itoa(int(t))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// prefixFormError nests the "errors" of a 50035 error under prefix.
func prefixFormError(r apiResp, prefix string) apiResp {
	var body map[string]any
	if json.Unmarshal(r.body, &body) != nil || body["errors"] == nil {
		return r
	}
	body["errors"] = map[string]any{prefix: body["errors"]}
	r.body = mustJSON(body)
	return r
}

// ---- REST: interaction webhooks ----

func (s *Server) webhookInteractionLocked(req *apiReq) (*interactionRec, *apiResp) {
	id, ok := s.webhookToks[req.params["token"]]
	rec := s.interactions[id]
	if req.params["app"] != s.cfg.appID || !ok || rec == nil || !rec.acked {
		r := apiError(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
		return nil, &r
	}
	return rec, nil
}

func (s *Server) webhookMessageLocked(rec *interactionRec, id string) (*msgRec, *apiResp) {
	if id == "@original" {
		id = rec.originalID
	} else {
		found := id == rec.originalID
		for _, f := range rec.followups {
			found = found || f == id
		}
		if !found {
			id = ""
		}
	}
	m := s.messages[id]
	if id == "" || m == nil || m.deleted {
		r := apiError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return nil, &r
	}
	return m, nil
}

func (s *Server) createFollowup(req *apiReq) apiResp {
	p, err := req.payloadObject()
	if err != nil {
		return badJSON()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, errResp := s.webhookInteractionLocked(req)
	if errResp != nil {
		return *errResp
	}
	if r := validateMessage(p, len(req.files), true); r != nil {
		return *r
	}
	// After a deferred response, the first follow-up edits the loading
	// message instead of creating a new one (ephemeral flag kept).
	if orig := s.messages[rec.originalID]; rec.respType == discordgo.InteractionResponseDeferredChannelMessageWithSource &&
		orig != nil && !orig.deleted && getInt(orig.data, "flags")&flagLoading != 0 {
		d := s.applyEdit(orig, p, req.files, settableChannelFlags)
		d["flags"] = getInt(d, "flags") &^ flagLoading
		d["edited_timestamp"] = nil
		orig.data = d
		s.dispatchMessageLocked("MESSAGE_UPDATE", orig)
		s.bumpLocked()
		return jsonResp(http.StatusOK, orig.data)
	}
	m := s.interactionMessageLocked(rec, p, req.files, 0)
	rec.followups = append(rec.followups, m.id)
	s.dispatchMessageLocked("MESSAGE_CREATE", m)
	s.bumpLocked()
	return jsonResp(http.StatusOK, m.data)
}

func (s *Server) getWebhookMessage(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, errResp := s.webhookInteractionLocked(req)
	if errResp != nil {
		return *errResp
	}
	m, errResp := s.webhookMessageLocked(rec, req.params["message"])
	if errResp != nil {
		return *errResp
	}
	return jsonResp(http.StatusOK, m.data)
}

func (s *Server) editWebhookMessage(req *apiReq) apiResp {
	p, err := req.payloadObject()
	if err != nil {
		return badJSON()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, errResp := s.webhookInteractionLocked(req)
	if errResp != nil {
		return *errResp
	}
	m, errResp := s.webhookMessageLocked(rec, req.params["message"])
	if errResp != nil {
		return *errResp
	}
	wasLoading := getInt(m.data, "flags")&flagLoading != 0
	d := s.applyEdit(m, p, req.files, settableChannelFlags)
	if wasLoading {
		d["flags"] = getInt(d, "flags") &^ flagLoading
		d["edited_timestamp"] = nil
	}
	if r := validateMessage(d, len(getList(d, "attachments")), true); r != nil {
		return *r
	}
	m.data = d
	s.dispatchMessageLocked("MESSAGE_UPDATE", m)
	s.bumpLocked()
	return jsonResp(http.StatusOK, m.data)
}

func (s *Server) deleteWebhookMessage(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, errResp := s.webhookInteractionLocked(req)
	if errResp != nil {
		return *errResp
	}
	m, errResp := s.webhookMessageLocked(rec, req.params["message"])
	if errResp != nil {
		return *errResp
	}
	m.deleted = true
	s.dispatchMessageLocked("MESSAGE_DELETE", m)
	s.bumpLocked()
	return noContent()
}
