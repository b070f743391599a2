package commands

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// With a public URL every answer, fact card, source, timeline entry and
// series links to its page on the site; without one, no message carries
// a link to it, and the cards are as they were.
func TestPublicURLLinks(t *testing.T) {
	b, m := embedded(t)
	const site = "https://nb.example/"
	router := func(publicURL string) *Router {
		r, err := New(Config{Base: b, Matcher: m, Now: func() time.Time { return fixedNow }, Logger: slog.New(slog.DiscardHandler), PublicURL: publicURL})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	with, without := router(site), router("")
	for _, tt := range []struct {
		name      string
		i         *discordgo.Interaction
		url       string   // the first embed's URL with the site
		inText    []string // links in its text with the site
		unchanged bool     // the text without the site is the text with it, links aside
	}{
		{"fact card", slash("en-US", cmdFact, opt(optID, "trade-volume-2016")),
			"https://nb.example/facts/trade-volume-2016?lang=en",
			[]string{"[Read it in the document](https://nb.example/docs/2018-11-08-mofa-kang-koslov-pohang?lang=en#q-trade-volume-2016)"}, true},
		{"ask, one fact, Korean", slash(discordgo.Korean, cmdAsk, opt(optQuestion, "2017년 한러 교역액은?")),
			"https://nb.example/facts/trade-volume-2017?lang=ko",
			[]string{"[원문에서 보기](https://nb.example/docs/2018-11-08-mofa-kang-koslov-pohang?lang=ko#q-trade-volume-2017)"}, true},
		{"ask, computed: the site's search answers it", slash("en-US", cmdAsk, opt(optQuestion, "how much did trade grow between 2016 and 2017")),
			"https://nb.example/?lang=en&q=how+much+did+trade+grow+between+2016+and+2017",
			// Each quote links to the fact whose anchor lands on it.
			[]string{"“US$19 billion in 2017”\n[Read it in the document](https://nb.example/docs/2018-11-08-mofa-kang-koslov-pohang?lang=en#q-trade-volume-2017)",
				"“US$13.4 billion in 2016”\n[Read it in the document](https://nb.example/docs/2018-11-08-mofa-kang-koslov-pohang?lang=en#q-trade-volume-2016)"}, true},
		{"timeline entries link to their facts", slash("en-US", cmdTimeline, opt(optTopic, "forum")),
			"https://nb.example/timeline?lang=en&topic=forum",
			[]string{"](https://nb.example/facts/"}, false},
		{"series", slash("en-US", cmdTrade),
			"https://nb.example/series/trade-volume?lang=en", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			on, off := handle(t, with, tt.i), handle(t, without, tt.i)
			if on.Data == nil || len(on.Data.Embeds) == 0 || off.Data == nil || len(off.Data.Embeds) == 0 {
				t.Fatalf("no embed: %+v / %+v", on.Data, off.Data)
			}
			if got := on.Data.Embeds[0].URL; got != tt.url {
				t.Errorf("with a site, the embed links to %q; want %q", got, tt.url)
			}
			text := visibleText(on)
			for _, want := range tt.inText {
				if !strings.Contains(text, want) {
					t.Errorf("with a site, the message lacks %q:\n%s", want, text)
				}
			}
			plain := visibleText(off)
			if off.Data.Embeds[0].URL != "" || strings.Contains(plain, "nb.example") || strings.Contains(plain, "](") {
				t.Errorf("without a site, the message links somewhere: %q\n%s", off.Data.Embeds[0].URL, plain)
			}
			if tt.unchanged {
				stripped := text
				for _, l := range []string{"\n[Read it in the document](", "\n[원문에서 보기]("} {
					for strings.Contains(stripped, l) {
						i := strings.Index(stripped, l)
						j := strings.Index(stripped[i:], ")")
						stripped = stripped[:i] + stripped[i+j+1:]
					}
				}
				if stripped != plain {
					t.Errorf("the links changed more than the links:\nwith:    %q\nwithout: %q", stripped, plain)
				}
			}
		})
	}
}
