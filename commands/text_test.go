package commands

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"한러 교역액은 얼마였나요", 5, "한러…"},
		{"Товарооборот", 5, "Това…"},
		{"one two three four", 12, "one two…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"abc", 1, "…"},
		{"abc", 0, ""},
		{"🇰🇷🇷🇺🇰🇷", 3, "🇰🇷…"},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > tt.n {
			t.Errorf("truncate(%q, %d) = %q: invalid or too long", tt.in, tt.n, got)
		}
	}
	if got := truncateRunes("가나다라", 2); got != "가나" {
		t.Errorf("truncateRunes = %q", got)
	}
}

func TestFitEmbed(t *testing.T) {
	long := strings.Repeat("교역 ", 2000)
	e := &discordgo.MessageEmbed{
		Title:       long,
		Description: long,
		Footer:      &discordgo.MessageEmbedFooter{Text: long},
	}
	for range 30 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: long, Value: long})
	}
	FitEmbed(e)
	if n := EmbedLen(e); n > maxEmbedTotal {
		t.Errorf("embed is %d characters after fitting", n)
	}
	if runeLen(e.Title) > maxTitle || runeLen(e.Description) > maxDescription || len(e.Fields) > maxFields {
		t.Errorf("limits broken: title %d, description %d, %d fields", runeLen(e.Title), runeLen(e.Description), len(e.Fields))
	}
	for _, f := range e.Fields {
		if runeLen(f.Name) > maxFieldName || runeLen(f.Value) > maxFieldValue || f.Value == "" {
			t.Errorf("field %d/%d characters", runeLen(f.Name), runeLen(f.Value))
		}
		if !utf8.ValidString(f.Value) {
			t.Error("field cut inside a rune")
		}
	}
	if !strings.HasSuffix(e.Description, "…") {
		t.Error("a cut description should end with …")
	}

	// A card with a few long quotes keeps every field, shortened.
	card := &discordgo.MessageEmbed{Title: "t", Description: strings.Repeat("a", 1000)}
	for range 6 {
		card.Fields = append(card.Fields, &discordgo.MessageEmbedField{Name: "doc", Value: strings.Repeat("q", 1024)})
	}
	FitEmbed(card)
	if n := EmbedLen(card); n > maxEmbedTotal || len(card.Fields) != 6 {
		t.Errorf("card: %d characters, %d fields", n, len(card.Fields))
	}
	FitEmbed(nil)
}

func TestFactCardWithLongQuotesFits(t *testing.T) {
	r, _ := newRouter(t)
	b, _ := embedded(t)
	doc := b.Documents()[0].ID
	f := &facts.Fact{
		ID:     "long-one",
		Title:  facts.Text{EN: "Long"},
		Answer: facts.Text{EN: strings.Repeat("An answer. ", 90)},
		Date:   facts.Date{Start: time.Date(2018, 11, 8, 0, 0, 0, 0, time.UTC), End: time.Date(2018, 11, 8, 0, 0, 0, 0, time.UTC), Precision: facts.Day},
	}
	for range 10 {
		f.Sources = append(f.Sources, facts.Source{Doc: doc, Quote: strings.Repeat("quoted words ", 100)})
	}
	resp := reply(Message{Embeds: []*discordgo.MessageEmbed{r.answering.factCard(f, facts.EN)}})
	ShapeResponse(resp)
	e := resp.Data.Embeds[0]
	if n := EmbedLen(e); n > maxEmbedTotal {
		t.Fatalf("card is %d characters", n)
	}
	for _, fl := range e.Fields[1:] {
		if runeLen(fl.Value) > maxFieldValue {
			t.Errorf("field of %d characters", runeLen(fl.Value))
		}
		if !strings.Contains(fl.Value, "“") || !strings.Contains(fl.Value, "…") {
			t.Errorf("cut quote should open with “ and show …: %q", fl.Value)
		}
	}
	if e.Footer.Text != "long-one" {
		t.Errorf("footer %q", e.Footer.Text)
	}
}

func TestCleanQuestion(t *testing.T) {
	for in, want := range map[string]string{
		"@everyone <@123> trade in 2016":              "trade in 2016",
		"<@!123> <@&456> <#789> @here 교역":             "교역",
		"<:flag_kr:123456> <a:dance:42> товарооборот": "товарооборот",
		"email me@here.com":                           "email me@here.com",
		"   ":                                         "",
	} {
		if got := cleanQuestion(in); got != want {
			t.Errorf("cleanQuestion(%q) = %q, want %q", in, got, want)
		}
	}
	if got := inline("a`b\nc"); got != "a'b c" {
		t.Errorf("inline = %q", got)
	}
}

func TestParseMonthDay(t *testing.T) {
	tests := []struct {
		in    string
		m     time.Month
		d     int
		valid bool
	}{
		{"11-08", time.November, 8, true},
		{"2-5", time.February, 5, true},
		{"02-29", time.February, 29, true},
		{"2018-11-08", time.November, 8, true},
		{" 09-30 ", time.September, 30, true},
		{"02-30", 0, 0, false},
		{"13-01", 0, 0, false},
		{"2019-02-29", 0, 0, false},
		{"2018-11", 0, 0, false},
		{"today", 0, 0, false},
		{"111-08", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		m, d, ok := parseMonthDay(tt.in)
		if ok != tt.valid || m != tt.m || d != tt.d {
			t.Errorf("parseMonthDay(%q) = %v %d %v, want %v %d %v", tt.in, m, d, ok, tt.m, tt.d, tt.valid)
		}
	}
}

func TestCustomIDs(t *testing.T) {
	q := timelineQuery{From: "2018-11-08", To: "2020-12-31", Topic: "far-east", Page: 12, Lang: facts.RU}
	id := q.customID()
	if len(id) > maxCustomID {
		t.Errorf("%q is %d bytes", id, len(id))
	}
	back, ok := parseTimelineID(id)
	if !ok || back != q {
		t.Errorf("round trip %q = %+v, %v", id, back, ok)
	}
	for _, bad := range []string{"nb:tl:a:b:c:-1:en", "nb:tl:a:b:c:x:en", "nb:tl:a:b:c:1:de", "nb:tl:::1:en", "xx:tl::::1:en"} {
		if _, ok := parseTimelineID(bad); ok {
			t.Errorf("parseTimelineID(%q) accepted", bad)
		}
	}
	b, _ := embedded(t)
	for _, f := range b.Facts() {
		id := factButtonID(f.ID, facts.KO)
		if len(id) > maxCustomID {
			t.Errorf("fact button id %q over 100 bytes", id)
		}
		if got, lang, ok := parseFactButtonID(id); !ok || got != f.ID || lang != facts.KO {
			t.Errorf("fact button id %q parsed as %q %q %v", id, got, lang, ok)
		}
	}
	if k := customIDKind("nb:tl::::0:en"); k != kindTimeline {
		t.Errorf("kind = %q", k)
	}
	if k := customIDKind("other:tl:x"); k != "" {
		t.Errorf("kind of a foreign id = %q", k)
	}
}
