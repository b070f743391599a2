package discordtest

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	// The v1 semantics of encoding/json/v2, which read a typed value in
	// about half the time encoding/json takes (the bot reads its
	// interactions with it too).
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// plainInteraction has discordgo.Interaction's fields without its
// UnmarshalJSON, which reads the body twice: once with "data" kept raw,
// then "data" again by the interaction's type.
type plainInteraction discordgo.Interaction

// commandInteraction reads a command or an autocomplete in one pass: the
// outer Data is shallower than the embedded one, so it is the one filled.
type commandInteraction struct {
	plainInteraction
	Data discordgo.ApplicationCommandInteractionData `json:"data"`
}

// decodeInteraction reads an interaction as discordgo.Interaction's
// UnmarshalJSON does, in one pass for commands and autocompletes; other
// types (a button, a modal) are read by discordgo itself.
func decodeInteraction(raw []byte, i *discordgo.Interaction) error {
	var c commandInteraction
	if err := jsonv1.Unmarshal(raw, &c); err == nil &&
		(c.Type == discordgo.InteractionApplicationCommand || c.Type == discordgo.InteractionApplicationCommandAutocomplete) {
		*i = discordgo.Interaction(c.plainInteraction)
		i.Data = c.Data
		return nil
	}
	return i.UnmarshalJSON(raw)
}

// The fake keeps messages and payloads as generic JSON values
// (map[string]any, []any, string, json.Number, ...), as encoding/json
// decodes them. appendJSON and parseJSON encode and decode those values
// with exactly encoding/json's output and results, several times faster:
// without reflection and, for encoding, without sorting through
// reflect.Value. Anything else (a struct, an invalid input) goes to
// encoding/json itself.

// appendJSON appends the JSON encoding of v to b, byte for byte what
// json.Marshal(v) returns.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendQuoted(b, v), nil
	case bool:
		if v {
			return append(b, "true"...), nil
		}
		return append(b, "false"...), nil
	case json.Number:
		if v == "" {
			v = "0"
		}
		if !isJSONNumber(string(v)) {
			break
		}
		return append(b, v...), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case int32:
		return strconv.AppendInt(b, int64(v), 10), nil
	case uint64:
		return strconv.AppendUint(b, v, 10), nil
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			break
		}
		return appendFloat(b, v), nil
	case map[string]any:
		if v == nil {
			return append(b, "null"...), nil
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, k)
			b = append(b, ':')
			var err error
			if b, err = appendJSON(b, v[k]); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case []any:
		if v == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSON(b, e); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case json.RawMessage:
		if v == nil {
			return append(b, "null"...), nil
		}
		if !json.Valid(v) {
			break
		}
		return appendCompact(b, v), nil
	case []string:
		if v == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, e)
		}
		return append(b, ']'), nil
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, enc...), nil
}

const hexDigits = "0123456789abcdef"

// appendCompact appends the valid JSON src without insignificant space,
// escaping HTML characters, U+2028 and U+2029 as encoding/json does
// with the output of a json.Marshaler.
func appendCompact(b, src []byte) []byte {
	inString, escaped := false, false
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '<' || c == '>' || c == '&':
			b = append(b, src[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			b = append(b, src[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
			i += 2
			start = i + 1
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			b = append(b, src[start:i]...)
			start = i + 1
		}
	}
	return append(b, src[start:]...)
}

// appendQuoted appends s as a JSON string escaped like encoding/json
// does: HTML characters, U+2028 and U+2029 escaped, invalid UTF-8
// replaced by U+FFFD.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat formats f as encoding/json does (like ES6).
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// isJSONNumber reports whether s is a JSON number literal.
func isJSONNumber(s string) bool {
	p := jsonParser{b: []byte(s)}
	end, ok := p.number(0)
	return ok && end == len(s)
}

// parseJSONObject decodes a JSON object into a generic map as
// json.Unmarshal does (numbers as json.Number when useNumber, as float64
// otherwise). ok is false when b is not exactly one object (with
// whitespace around) that it can decode like encoding/json: the caller
// then asks encoding/json, for its result or its error.
func parseJSONObject(b []byte, useNumber bool) (m map[string]any, ok bool) {
	p := jsonParser{b: b, useNumber: useNumber}
	i := p.space(0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	v, i, ok := p.value(i, 0)
	if !ok || p.space(i) != len(b) {
		return nil, false
	}
	m, _ = v.(map[string]any)
	return m, true
}

type jsonParser struct {
	b         []byte
	useNumber bool
}

// commonKeys are the object keys of Discord payloads, which the decoder
// does not allocate again for every object.
var commonKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range strings.Fields(`type data content tts embeds components flags allowed_mentions parse
		replied_user users roles title description url timestamp color footer text icon_url image thumbnail
		video provider author name value inline fields id custom_id label style emoji disabled options
		placeholder min_values max_values attachments filename nonce enforce_nonce message_reference
		message_id channel_id guild_id fail_if_not_exists choices poll sticker_ids width height proxy_url`) {
		m[k] = k
	}
	return m
}()

// key reads an object key like str, without allocating a common one.
func (p *jsonParser) key(i int) (string, int, bool) {
	if j := bytes.IndexByte(p.b[i+1:], '"'); j >= 0 {
		if k, ok := commonKeys[string(p.b[i+1:i+1+j])]; ok {
			return k, i + j + 2, true
		}
	}
	return p.str(i)
}

// maxParseDepth bounds nesting; deeper values go to encoding/json.
const maxParseDepth = 500

func (p *jsonParser) space(i int) int {
	for i < len(p.b) {
		switch p.b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value decodes the value at b[i] (no leading space) and returns the
// index after it.
func (p *jsonParser) value(i, depth int) (any, int, bool) {
	if i >= len(p.b) || depth > maxParseDepth {
		return nil, i, false
	}
	switch c := p.b[i]; {
	case c == '{':
		m := map[string]any{}
		i = p.space(i + 1)
		if i < len(p.b) && p.b[i] == '}' {
			return m, i + 1, true
		}
		for {
			if i >= len(p.b) || p.b[i] != '"' {
				return nil, i, false
			}
			k, j, ok := p.key(i)
			if !ok {
				return nil, i, false
			}
			i = p.space(j)
			if i >= len(p.b) || p.b[i] != ':' {
				return nil, i, false
			}
			v, j, ok := p.value(p.space(i+1), depth+1)
			if !ok {
				return nil, i, false
			}
			m[k] = v
			i = p.space(j)
			if i >= len(p.b) {
				return nil, i, false
			}
			if p.b[i] == '}' {
				return m, i + 1, true
			}
			if p.b[i] != ',' {
				return nil, i, false
			}
			i = p.space(i + 1)
		}
	case c == '[':
		l := []any{}
		i = p.space(i + 1)
		if i < len(p.b) && p.b[i] == ']' {
			return l, i + 1, true
		}
		for {
			v, j, ok := p.value(i, depth+1)
			if !ok {
				return nil, i, false
			}
			l = append(l, v)
			i = p.space(j)
			if i >= len(p.b) {
				return nil, i, false
			}
			if p.b[i] == ']' {
				return l, i + 1, true
			}
			if p.b[i] != ',' {
				return nil, i, false
			}
			i = p.space(i + 1)
		}
	case c == '"':
		s, j, ok := p.str(i)
		return s, j, ok
	case c == 't':
		if bytes.HasPrefix(p.b[i:], []byte("true")) {
			return true, i + 4, true
		}
	case c == 'f':
		if bytes.HasPrefix(p.b[i:], []byte("false")) {
			return false, i + 5, true
		}
	case c == 'n':
		if bytes.HasPrefix(p.b[i:], []byte("null")) {
			return nil, i + 4, true
		}
	case c == '-' || c >= '0' && c <= '9':
		j, ok := p.number(i)
		if !ok {
			return nil, i, false
		}
		lit := string(p.b[i:j])
		if p.useNumber {
			return json.Number(lit), j, true
		}
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil {
			return nil, i, false
		}
		return f, j, true
	}
	return nil, i, false
}

// number returns the end of the number literal at b[i].
func (p *jsonParser) number(i int) (int, bool) {
	b := p.b
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return i, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i, true
}

// str decodes the string starting with the quote at b[i], as
// encoding/json does: escapes resolved, a lone surrogate and invalid
// UTF-8 replaced by U+FFFD.
func (p *jsonParser) str(i int) (string, int, bool) {
	start := i + 1
	end := p.plain(start)
	if end < len(p.b) && p.b[end] == '"' && utf8.Valid(p.b[start:end]) {
		return string(p.b[start:end]), end + 1, true
	}
	return p.strSlow(start)
}

// plain returns the end of the run of bytes from b[i] that stand for
// themselves in a string: up to a quote, a backslash or a control byte.
func (p *jsonParser) plain(i int) int {
	for i < len(p.b) {
		if c := p.b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
		i++
	}
	return i
}

// strSlow decodes a string with escapes or invalid UTF-8 from b[start:]
// (just after its opening quote).
func (p *jsonParser) strSlow(start int) (string, int, bool) {
	b := p.b
	out := make([]byte, 0, 64)
	i := start
	for i < len(b) {
		if end := p.plain(i); end > i {
			if run := b[i:end]; utf8.Valid(run) {
				out = append(out, run...)
			} else {
				for len(run) > 0 { // invalid bytes become U+FFFD, one each
					r, size := utf8.DecodeRune(run)
					out = utf8.AppendRune(out, r)
					run = run[size:]
				}
			}
			i = end
			continue
		}
		c := b[i]
		switch {
		case c == '"':
			return string(out), i + 1, true
		case c < 0x20:
			return "", i, false
		}
		// A backslash.
		if i+1 >= len(b) {
			return "", i, false
		}
		switch e := b[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(b[i:])
			if r < 0 {
				return "", i, false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2 := hex4(b[i:]); r2 >= 0 {
					if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
						out = utf8.AppendRune(out, dec)
						i += 6
						continue
					}
				}
				r = unicode.ReplacementChar
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", i, false
		}
		i += 2
	}
	return "", i, false
}

// hex4 reads the escape \uXXXX at the start of b, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// asDecoded returns a deep copy of a command or autocomplete interaction
// as a client decoding its JSON would see it (numbers in option values
// as float64, times as parsed, empty option lists as nil, ...), without
// encoding and decoding it. It returns nil for any other interaction, or
// for a value it cannot vouch for (invalid UTF-8, an unusual option
// value, resolved data, a message, entitlements): decode those.
// TestAsDecodedLikeDecoding holds it to decoding.
func asDecoded(i *discordgo.Interaction) *discordgo.Interaction {
	d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok || (i.Type != discordgo.InteractionApplicationCommand && i.Type != discordgo.InteractionApplicationCommandAutocomplete) ||
		i.Message != nil || i.Entitlements != nil || d.Resolved != nil ||
		!validUTF8(i.ID, i.AppID, i.GuildID, i.ChannelID, string(i.Locale), i.Token, d.ID, d.Name, d.TargetID) {
		return nil
	}
	out := *i
	opts, ok := optionsAsDecoded(d.Options, false)
	if !ok {
		return nil
	}
	d.Options = opts
	out.Data = d
	if i.Member != nil {
		if out.Member = memberAsDecoded(i.Member); out.Member == nil {
			return nil
		}
	}
	if i.User != nil {
		if out.User = userAsDecoded(i.User); out.User == nil {
			return nil
		}
	}
	if i.GuildLocale != nil {
		l := *i.GuildLocale
		if !utf8.ValidString(string(l)) {
			return nil
		}
		out.GuildLocale = &l
	}
	if i.AuthorizingIntegrationOwners != nil {
		out.AuthorizingIntegrationOwners = make(map[discordgo.ApplicationIntegrationType]string, len(i.AuthorizingIntegrationOwners))
		for k, v := range i.AuthorizingIntegrationOwners {
			if !utf8.ValidString(v) {
				return nil
			}
			out.AuthorizingIntegrationOwners[k] = v
		}
	}
	return &out
}

// optionsAsDecoded copies options; nested (omitempty) lists come back nil
// when empty.
func optionsAsDecoded(opts []*discordgo.ApplicationCommandInteractionDataOption, nested bool) ([]*discordgo.ApplicationCommandInteractionDataOption, bool) {
	if opts == nil || nested && len(opts) == 0 {
		return nil, true
	}
	out := make([]*discordgo.ApplicationCommandInteractionDataOption, len(opts))
	for n, o := range opts {
		if o == nil {
			continue // null
		}
		c := *o
		if !utf8.ValidString(c.Name) {
			return nil, false
		}
		switch v := o.Value.(type) {
		case nil, bool:
		case string:
			if !utf8.ValidString(v) {
				return nil, false
			}
		case float64:
			if math.IsInf(v, 0) || math.IsNaN(v) {
				return nil, false
			}
		case int:
			c.Value = float64(v)
		case int64:
			c.Value = float64(v)
		case int32:
			c.Value = float64(v)
		default:
			return nil, false
		}
		var ok bool
		if c.Options, ok = optionsAsDecoded(o.Options, true); !ok {
			return nil, false
		}
		out[n] = &c
	}
	return out, true
}

func memberAsDecoded(m *discordgo.Member) *discordgo.Member {
	c := *m
	if !validUTF8(c.GuildID, c.Nick, c.Avatar, c.Banner) {
		return nil
	}
	var ok bool
	if c.JoinedAt, ok = timeAsDecoded(m.JoinedAt); !ok {
		return nil
	}
	for _, p := range []**time.Time{&c.PremiumSince, &c.CommunicationDisabledUntil} {
		if *p != nil {
			t, ok := timeAsDecoded(**p)
			if !ok {
				return nil
			}
			*p = &t
		}
	}
	if m.User != nil {
		if c.User = userAsDecoded(m.User); c.User == nil {
			return nil
		}
	}
	if m.Roles != nil {
		c.Roles = slices.Clone(m.Roles)
		if !validUTF8(c.Roles...) {
			return nil
		}
	}
	return &c
}

func userAsDecoded(u *discordgo.User) *discordgo.User {
	c := *u
	if !validUTF8(c.ID, c.Email, c.Username, c.Avatar, c.Locale, c.Discriminator, c.GlobalName, c.Token, c.Banner) {
		return nil
	}
	return &c
}

// timeAsDecoded is t as time.Time's JSON encoding and decoding leave it.
func timeAsDecoded(t time.Time) (time.Time, bool) {
	if y := t.Year(); y < 0 || y > 9999 {
		return time.Time{}, false
	}
	p, err := time.Parse(time.RFC3339, t.Format(time.RFC3339Nano))
	return p, err == nil
}

func validUTF8(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// appendInteraction appends the JSON of a command or autocomplete
// interaction that asDecoded vouches for, byte for byte what json.Marshal
// gives (TestAppendInteractionLikeMarshal), without reflection. ok is
// false for any other interaction, and for a time JSON cannot hold.
func appendInteraction(b []byte, i *discordgo.Interaction) ([]byte, bool) {
	d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok || i.Message != nil || i.Entitlements != nil || d.Resolved != nil {
		return b, false
	}
	b = append(b, `{"id":`...)
	b = appendQuoted(b, i.ID)
	b = append(b, `,"application_id":`...)
	b = appendQuoted(b, i.AppID)
	b = append(b, `,"type":`...)
	b = strconv.AppendInt(b, int64(i.Type), 10)
	b = append(b, `,"data":{"id":`...)
	b = appendQuoted(b, d.ID)
	b = append(b, `,"name":`...)
	b = appendQuoted(b, d.Name)
	b = append(b, `,"type":`...)
	b = strconv.AppendInt(b, int64(d.CommandType), 10)
	b = append(b, `,"resolved":null,"options":`...)
	if b, ok = appendOptions(b, d.Options); !ok {
		return b, false
	}
	b = append(b, `,"target_id":`...)
	b = appendQuoted(b, d.TargetID)
	b = append(b, `},"guild_id":`...)
	b = appendQuoted(b, i.GuildID)
	b = append(b, `,"channel_id":`...)
	b = appendQuoted(b, i.ChannelID)
	b = append(b, `,"message":null,"app_permissions":"`...)
	b = strconv.AppendInt(b, i.AppPermissions, 10)
	b = append(b, `","member":`...)
	if b, ok = appendMember(b, i.Member); !ok {
		return b, false
	}
	b = append(b, `,"user":`...)
	b = appendUser(b, i.User)
	b = append(b, `,"locale":`...)
	b = appendQuoted(b, string(i.Locale))
	b = append(b, `,"guild_locale":`...)
	if i.GuildLocale == nil {
		b = append(b, "null"...)
	} else {
		b = appendQuoted(b, string(*i.GuildLocale))
	}
	b = append(b, `,"context":`...)
	b = strconv.AppendInt(b, int64(i.Context), 10)
	b = append(b, `,"authorizing_integration_owners":`...)
	if i.AuthorizingIntegrationOwners == nil {
		b = append(b, "null"...)
	} else {
		// encoding/json sorts integer keys as the strings they become.
		keys := make([]string, 0, len(i.AuthorizingIntegrationOwners))
		values := make(map[string]string, len(i.AuthorizingIntegrationOwners))
		for k, v := range i.AuthorizingIntegrationOwners {
			ks := strconv.FormatInt(int64(k), 10)
			keys = append(keys, ks)
			values[ks] = v
		}
		slices.Sort(keys)
		b = append(b, '{')
		for n, k := range keys {
			if n > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, k)
			b = append(b, ':')
			b = appendQuoted(b, values[k])
		}
		b = append(b, '}')
	}
	b = append(b, `,"token":`...)
	b = appendQuoted(b, i.Token)
	b = append(b, `,"version":`...)
	b = strconv.AppendInt(b, int64(i.Version), 10)
	b = append(b, `,"entitlements":null}`...)
	return b, true
}

func appendOptions(b []byte, opts []*discordgo.ApplicationCommandInteractionDataOption) ([]byte, bool) {
	if opts == nil {
		return append(b, "null"...), true
	}
	b = append(b, '[')
	for n, o := range opts {
		if n > 0 {
			b = append(b, ',')
		}
		if o == nil {
			b = append(b, "null"...)
			continue
		}
		b = append(b, `{"name":`...)
		b = appendQuoted(b, o.Name)
		b = append(b, `,"type":`...)
		b = strconv.AppendInt(b, int64(o.Type), 10)
		if o.Value != nil {
			b = append(b, `,"value":`...)
			var err error
			if b, err = appendJSON(b, o.Value); err != nil {
				return b, false
			}
		}
		if len(o.Options) > 0 {
			b = append(b, `,"options":`...)
			var ok bool
			if b, ok = appendOptions(b, o.Options); !ok {
				return b, false
			}
		}
		if o.Focused {
			b = append(b, `,"focused":true`...)
		}
		b = append(b, '}')
	}
	return append(b, ']'), true
}

func appendMember(b []byte, m *discordgo.Member) ([]byte, bool) {
	if m == nil {
		return append(b, "null"...), true
	}
	var ok bool
	b = append(b, `{"guild_id":`...)
	b = appendQuoted(b, m.GuildID)
	b = append(b, `,"joined_at":`...)
	if b, ok = appendTime(b, m.JoinedAt); !ok {
		return b, false
	}
	b = append(b, `,"nick":`...)
	b = appendQuoted(b, m.Nick)
	b = append(b, `,"deaf":`...)
	b = strconv.AppendBool(b, m.Deaf)
	b = append(b, `,"mute":`...)
	b = strconv.AppendBool(b, m.Mute)
	b = append(b, `,"avatar":`...)
	b = appendQuoted(b, m.Avatar)
	b = append(b, `,"banner":`...)
	b = appendQuoted(b, m.Banner)
	b = append(b, `,"user":`...)
	b = appendUser(b, m.User)
	b = append(b, `,"roles":`...)
	b, _ = appendJSON(b, m.Roles) // a []string
	b = append(b, `,"premium_since":`...)
	if b, ok = appendTimePtr(b, m.PremiumSince); !ok {
		return b, false
	}
	b = append(b, `,"flags":`...)
	b = strconv.AppendInt(b, int64(m.Flags), 10)
	b = append(b, `,"pending":`...)
	b = strconv.AppendBool(b, m.Pending)
	b = append(b, `,"permissions":"`...)
	b = strconv.AppendInt(b, m.Permissions, 10)
	b = append(b, `","communication_disabled_until":`...)
	if b, ok = appendTimePtr(b, m.CommunicationDisabledUntil); !ok {
		return b, false
	}
	return append(b, '}'), true
}

// appendUser appends a user as json.Marshal does.
func appendUser(b []byte, u *discordgo.User) []byte {
	if u == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"id":`...)
	b = appendQuoted(b, u.ID)
	b = append(b, `,"email":`...)
	b = appendQuoted(b, u.Email)
	b = append(b, `,"username":`...)
	b = appendQuoted(b, u.Username)
	b = append(b, `,"avatar":`...)
	b = appendQuoted(b, u.Avatar)
	b = append(b, `,"locale":`...)
	b = appendQuoted(b, u.Locale)
	b = append(b, `,"discriminator":`...)
	b = appendQuoted(b, u.Discriminator)
	b = append(b, `,"global_name":`...)
	b = appendQuoted(b, u.GlobalName)
	b = append(b, `,"token":`...)
	b = appendQuoted(b, u.Token)
	b = append(b, `,"verified":`...)
	b = strconv.AppendBool(b, u.Verified)
	b = append(b, `,"mfa_enabled":`...)
	b = strconv.AppendBool(b, u.MFAEnabled)
	b = append(b, `,"banner":`...)
	b = appendQuoted(b, u.Banner)
	b = append(b, `,"accent_color":`...)
	b = strconv.AppendInt(b, int64(u.AccentColor), 10)
	b = append(b, `,"bot":`...)
	b = strconv.AppendBool(b, u.Bot)
	b = append(b, `,"public_flags":`...)
	b = strconv.AppendInt(b, int64(u.PublicFlags), 10)
	b = append(b, `,"premium_type":`...)
	b = strconv.AppendInt(b, int64(u.PremiumType), 10)
	b = append(b, `,"system":`...)
	b = strconv.AppendBool(b, u.System)
	b = append(b, `,"flags":`...)
	b = strconv.AppendInt(b, int64(u.Flags), 10)
	return append(b, '}')
}

func appendTimePtr(b []byte, t *time.Time) ([]byte, bool) {
	if t == nil {
		return append(b, "null"...), true
	}
	return appendTime(b, *t)
}

// appendTime appends t as time.Time's MarshalJSON does, or reports that
// it would fail (a year outside 0-9999, an offset of a day or more).
func appendTime(b []byte, t time.Time) ([]byte, bool) {
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	if _, off := t.Zone(); off <= -24*3600 || off >= 24*3600 {
		return b, false
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}
