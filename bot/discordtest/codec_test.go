package discordtest

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// codecSeeds are JSON documents (valid or not) on which the fake's own
// codec must agree with encoding/json.
var codecSeeds = []string{
	`{}`, ` { } `, `{"a":1}`, "\t{\"a\" : [ 1 , 2 ]\n}\r\n",
	`{"type":4,"data":{"tts":false,"content":"","components":null,"embeds":[{"title":"a \"b\" c","fields":[{"name":"x","value":"y\nz","inline":true}]}],"allowed_mentions":{"parse":[],"replied_user":false}}}`,
	benchResponse,
	`{"n":[0,-0,1,-1,12.5,1e3,1E+3,1e-7,-2.5e-10,123456789012345678901234567890,0.000001,1e21,1e400]}`,
	`{"s":"\u00e9\u2028\u2029<>&\u0000\u001f\t\b\f\r\/\\"}`,
	`{"s":"\ud83d\ude00 \ud83d x \ude00 \ud83d\u0041 \uDBFF\uDFFF"}`,
	"{\"s\":\"\xff\xfe invalid \xc3\x28 utf8 \xed\xa0\x80 surrogate\"}",
	"{\"s\":\"é ü 中文 \xe2\x80\xa8 emoji 😀\"}",
	"{\"\xff\":1,\"a\\u0062\":2}",
	`{"dup":1,"dup":2,"dup":{"x":1}}`,
	`{"nested":{"a":{"b":{"c":[[],[{}],[null,true,false]]}}}}`,
	`{"a":1} `, `{"a":1} x`, `{"a":1}{"b":2}`, `[1,2]`, `null`, `"s"`, `1`, ``, ` `,
	`{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`, `{"a":1e}`, `{"a":+1}`, `{"a":tru}`, `{"a":nul}`, `{"a":falsey}`,
	`{"a":"\x"}`, `{"a":"\u12"}`, `{"a":"\u12g4"}`, "{\"a\":\"tab\there\"}", `{"a":"unterminated}`, `{"a" 1}`, `{"a":1,}`, `{"a":[1,]}`, `{,}`, `{"a":1`,
}

// TestParseJSONObjectLikeEncodingJSON holds the fake's decoder to
// encoding/json: whatever it accepts decodes to the same value, with
// numbers as json.Number or as float64.
func TestParseJSONObjectLikeEncodingJSON(t *testing.T) {
	for _, seed := range codecSeeds {
		checkParse(t, []byte(seed))
	}
}

func FuzzParseJSONObject(f *testing.F) {
	for _, seed := range codecSeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkParse(t, b) })
}

func checkParse(t *testing.T, b []byte) {
	t.Helper()
	if json.Valid(b) {
		checkEncode(t, json.RawMessage(b))
	}
	for _, useNumber := range []bool{true, false} {
		got, ok := parseJSONObject(b, useNumber)
		if !ok {
			// Only what encoding/json refuses, a float64 out of range
			// or deep nesting may be left to encoding/json.
			trimmed := bytes.TrimSpace(b)
			if useNumber && json.Valid(b) && len(trimmed) > 0 && trimmed[0] == '{' && bytes.Count(b, []byte("{"))+bytes.Count(b, []byte("[")) < maxParseDepth {
				t.Fatalf("%q: valid object not parsed", b)
			}
			continue
		}
		var want map[string]any
		dec := json.NewDecoder(bytes.NewReader(b))
		if useNumber {
			dec.UseNumber()
		}
		if err := dec.Decode(&want); err != nil || !json.Valid(b) {
			t.Fatalf("%q (useNumber %v): parsed as %v, encoding/json: %v (valid: %v)", b, useNumber, got, err, json.Valid(b))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q (useNumber %v):\n got %#v\nwant %#v", b, useNumber, got, want)
		}
		checkEncode(t, got)
	}
}

// TestAppendJSONLikeEncodingJSON holds the fake's encoder to json.Marshal.
func TestAppendJSONLikeEncodingJSON(t *testing.T) {
	values := []any{
		nil, "", "plain", "<a href=\"x\">&amp;</a>", "\u2028\u2029\x00\x1f\x7f", "\xff\xfe\xed\xa0\x80", "é中😀",
		true, false, 0, -1, int64(math.MaxInt64), int64(math.MinInt64), int32(-5), uint64(math.MaxUint64),
		0.0, math.Copysign(0, -1), 1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, -2.5e-10, math.MaxFloat64, math.SmallestNonzeroFloat64,
		json.Number("12"), json.Number("-1.5e3"), json.Number(""),
		map[string]any(nil), []any(nil), []string(nil), map[string]any{}, []any{}, []string{"a", "<"},
		map[string]any{"b": 1, "a": []any{map[string]any{"z": nil, "é": "x", "A": true}}, "": "empty", "<": ">"},
		json.RawMessage(`{"b": 1, "a" : "<"}`), json.RawMessage(nil), json.RawMessage(" [ 1 ,\t2 ]\n"),
		json.RawMessage("{\"s\":\"a \\\" b <&> \u2028 \xe2\x80\xa8\xe2\x80\xa9 \\\\\" , \"t\" : [\"x y\", \"\\u0041\"]}"),
		map[string]any{"raw": json.RawMessage(` "s p a c e" `)},
		map[string]any{"user": json.RawMessage(`{"id":"1"}`), "flags": int64(64), "t": discordgo.ChatApplicationCommand},
		[]map[string]any{{"id": "1", "unavailable": true}},
		&discordgo.Channel{ID: "1", Name: "general"},
	}
	for _, v := range values {
		checkEncode(t, v)
	}
	for _, tc := range []struct {
		t  time.Time
		ok bool
	}{
		{time.Time{}, true}, {time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), true},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false}, {time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2024, 1, 1, 0, 0, 0, 1, time.FixedZone("", 23*3600+59*60)), true},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", -24*3600)), false},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 5*3600+30*60+15)), true},
	} {
		got, ok := appendTime(nil, tc.t)
		want, err := json.Marshal(tc.t)
		if ok != (err == nil) || ok != tc.ok || ok && !bytes.Equal(got, want) {
			t.Errorf("appendTime(%v) = %s, %v; json.Marshal = %s, %v", tc.t, got, ok, want, err)
		}
	}
	for _, bad := range []any{math.Inf(1), math.NaN(), json.Number("1x"), map[string]any{"f": math.Inf(-1)}, []any{make(chan int)}, json.RawMessage(`{"a":`), json.RawMessage(`1 2`)} {
		if _, err := appendJSON(nil, bad); err == nil {
			t.Errorf("appendJSON(%v) succeeded, json.Marshal fails", bad)
		}
	}
}

func checkEncode(t *testing.T, v any) {
	t.Helper()
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%#v): %v", v, err)
	}
	got, err := appendJSON(nil, v)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("appendJSON(%#v) = %s, %v\n        json.Marshal = %s", v, got, err, want)
	}
}

// TestDecodeInteractionLikeDiscordgo holds the one-pass decoding of
// recorded interactions to discordgo's own.
func TestDecodeInteractionLikeDiscordgo(t *testing.T) {
	srv := NewServer(t)
	msg := srv.SendMessage(&discordgo.Message{Content: "hello"})
	sent := []*discordgo.Interaction{
		srv.SlashCommand("ask", StringOption("question", "trade"), IntegerOption("n", 3), BoolOption("b", true), NumberOption("x", 1.5)),
		srv.SlashCommand("admin", SubCommandGroup("g", SubCommand("s", UserOption("who", DefaultUserID)))),
		srv.Autocomplete("ask", Focused(StringOption("question", "tr"))),
		srv.UserCommand("Info", &discordgo.User{ID: DefaultUserID, Username: "tester"}),
		srv.MessageCommand("Quote", msg),
		srv.ButtonClick("more", nil),
		srv.SelectMenu("pick", []string{"a", "b"}, nil),
		srv.ModalSubmit("form", map[string]string{"q": "text"}),
	}
	dm := srv.SlashCommand("ask")
	dm.ChannelID, dm.GuildID = "1300000000000000999", ""
	sent = append(sent, dm)
	for _, i := range sent {
		i = srv.RecordInteraction(i)
		srv.mu.Lock()
		raw := srv.interactions[i.ID].raw
		srv.mu.Unlock()
		var want, got discordgo.Interaction
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if err := decodeInteraction(raw, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&got, &want) {
			t.Errorf("%s:\n got %s\nwant %s", raw, jsonString(&got), jsonString(&want))
		}
	}
}

// TestAsDecodedLikeDecoding holds asDecoded, which spares the decoding of
// every recorded command interaction, to decoding its JSON: for every
// interaction it vouches for, it must give exactly what decoding gives.
func TestAsDecodedLikeDecoding(t *testing.T) {
	// asDecoded knows every field of these types: a discordgo upgrade that
	// adds one must be looked at here.
	for typ, n := range map[reflect.Type]int{
		reflect.TypeOf(discordgo.Interaction{}):                             17,
		reflect.TypeOf(discordgo.ApplicationCommandInteractionData{}):       6,
		reflect.TypeOf(discordgo.ApplicationCommandInteractionDataOption{}): 5,
		reflect.TypeOf(discordgo.Member{}):                                  14,
		reflect.TypeOf(discordgo.User{}):                                    17,
	} {
		if typ.NumField() != n {
			t.Errorf("%s has %d fields, asDecoded knows %d", typ, typ.NumField(), n)
		}
	}
	srv := NewServer(t)
	zone := time.FixedZone("", 5*3600+1800)
	premium := time.Date(2024, 2, 29, 23, 59, 59, 123456789, zone)
	member := func() *discordgo.Member {
		return &discordgo.Member{
			Nick: "n", Roles: []string{"1", "2"}, JoinedAt: time.Now().In(zone), PremiumSince: &premium,
			CommunicationDisabledUntil: &time.Time{}, Permissions: 1 << 40, Flags: 3,
			User: &discordgo.User{ID: "42", Username: "u", GlobalName: "G", Bot: true, PublicFlags: 64, AccentColor: 7},
		}
	}
	type tc struct {
		name   string
		i      *discordgo.Interaction
		vouche bool // asDecoded must take it
	}
	withMember := srv.SlashCommand("ask", StringOption("question", "q"))
	withMember.Member = member()
	emptyRoles := srv.SlashCommand("ask")
	emptyRoles.Member = member()
	emptyRoles.Member.Roles, emptyRoles.Member.PremiumSince, emptyRoles.Member.JoinedAt = []string{}, nil, time.Time{}
	nilRoles := srv.SlashCommand("ask")
	nilRoles.Member = member()
	nilRoles.Member.Roles, nilRoles.Member.User = nil, nil
	local := srv.SlashCommand("ask")
	local.Member = member()
	local.Member.JoinedAt = time.Now().Local()
	dm := srv.SlashCommand("ask", BoolOption("b", false))
	dm.ChannelID, dm.GuildID = "1300000000000000999", ""
	emptyOptions := srv.SlashCommand("ask")
	emptyOptions.Data = discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{}}
	nilOption := srv.SlashCommand("ask", nil, StringOption("s", ""))
	owners := srv.SlashCommand("ask")
	owners.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{}
	badUTF8 := srv.SlashCommand("ask", StringOption("question", "\xff"))
	ownersEscapes := srv.SlashCommand("a<b>&\u2028", StringOption("q\"", "line\nbreak\t\x01"), Focused(IntegerOption("n", -1<<40)))
	ownersEscapes.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{0: "10", 1: "2", 12: "<&>"}
	ownersEscapes.Member = member()
	ownersEscapes.Member.User.Username, ownersEscapes.Member.Nick = "é\u2029", "\"quoted\""
	ownersEscapes.GuildLocale = nil
	float32Value := srv.SlashCommand("ask", &discordgo.ApplicationCommandInteractionDataOption{Name: "x", Type: discordgo.ApplicationCommandOptionNumber, Value: float32(0.1)})
	for _, c := range []tc{
		{"options", srv.SlashCommand("ask", StringOption("question", "trade <&> \u2028 é"), IntegerOption("n", 1<<53+1), IntegerOption("m", -3),
			NumberOption("x", 1.5), NumberOption("z", math.Copysign(0, -1)), NumberOption("big", 1e300), BoolOption("b", true),
			UserOption("u", DefaultUserID), ChannelOption("c", DefaultChannelID), RoleOption("r", "5")), true},
		{"sub-commands", srv.SlashCommand("admin", SubCommandGroup("g", SubCommand("s", UserOption("who", DefaultUserID))), SubCommand("empty")), true},
		{"int value", srv.SlashCommand("ask", &discordgo.ApplicationCommandInteractionDataOption{Name: "i", Type: discordgo.ApplicationCommandOptionInteger, Value: 7}), true},
		{"autocomplete", srv.Autocomplete("ask", Focused(StringOption("question", "tr"))), true},
		{"member", withMember, true},
		{"empty roles", emptyRoles, true},
		{"nil roles and user", nilRoles, true},
		{"local time", local, true},
		{"dm", dm, true},
		{"empty options", emptyOptions, true},
		{"nil option", nilOption, true},
		{"empty owners", owners, true},
		{"owners and escapes", ownersEscapes, true},
		{"user command", srv.UserCommand("Info", &discordgo.User{ID: DefaultUserID, Username: "tester"}), false},
		{"button", srv.ButtonClick("more", nil), false},
		{"modal", srv.ModalSubmit("form", map[string]string{"q": "text"}), false},
		{"invalid UTF-8", badUTF8, false},
		{"float32 value", float32Value, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			i := srv.RecordInteraction(c.i)
			srv.mu.Lock()
			rec := srv.interactions[i.ID]
			srv.mu.Unlock()
			if (rec.decoded != nil) != c.vouche {
				t.Fatalf("asDecoded vouched: %v, want %v", rec.decoded != nil, c.vouche)
			}
			// What the fake sends is what encoding/json would have sent.
			if enc, ok := appendInteraction(nil, i); c.vouche && !ok {
				t.Fatal("appendInteraction did not take it")
			} else if marshalled, err := json.Marshal(i); err != nil || ok && !bytes.Equal(enc, marshalled) {
				t.Fatalf("appendInteraction:\n%s\njson.Marshal: %v\n%s", enc, err, marshalled)
			}
			var want discordgo.Interaction
			if err := json.Unmarshal(rec.raw, &want); err != nil {
				t.Fatal(err)
			}
			got, ok := srv.Interaction(i.ID)
			if !ok || !reflect.DeepEqual(got.Interaction, &want) {
				t.Fatalf("recorded %s\n got %s\nwant %s", rec.raw, jsonString(got.Interaction), jsonString(&want))
			}
			// Each caller gets a copy of its own.
			again, _ := srv.Interaction(i.ID)
			if c.vouche && (again.Interaction == got.Interaction || again.Interaction.Member != nil && again.Interaction.Member == got.Interaction.Member) {
				t.Fatal("two callers share an interaction")
			}
		})
	}
}
