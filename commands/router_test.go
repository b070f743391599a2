package commands

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

func loadFixture(t *testing.T, name string) *discordgo.Interaction {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "interactions", name))
	if err != nil {
		t.Fatal(err)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(data, &i); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &i
}

// Assertions on one response.
type check func(t *testing.T, resp *discordgo.InteractionResponse)

func isType(want discordgo.InteractionResponseType) check {
	return func(t *testing.T, resp *discordgo.InteractionResponse) {
		t.Helper()
		if resp.Type != want {
			t.Errorf("response type = %d, want %d", resp.Type, want)
		}
	}
}

func public(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Errorf("response is ephemeral, want public: %q", resp.Data.Content)
	}
}

func ephemeral(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("response is public, want ephemeral")
	}
}

func footer(want string) check {
	return func(t *testing.T, resp *discordgo.InteractionResponse) {
		t.Helper()
		if len(resp.Data.Embeds) == 0 || resp.Data.Embeds[0].Footer == nil {
			t.Fatalf("no embed footer; content %q", resp.Data.Content)
		}
		if got := resp.Data.Embeds[0].Footer.Text; got != want {
			t.Errorf("footer = %q, want %q", got, want)
		}
	}
}

// contains checks the response's visible text (content, embed title,
// description and fields) for each of want.
func contains(want ...string) check {
	return func(t *testing.T, resp *discordgo.InteractionResponse) {
		t.Helper()
		text := visibleText(resp)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("response lacks %q:\n%s", w, text)
			}
		}
	}
}

func lacks(bad ...string) check {
	return func(t *testing.T, resp *discordgo.InteractionResponse) {
		t.Helper()
		text := visibleText(resp)
		for _, b := range bad {
			if strings.Contains(text, b) {
				t.Errorf("response contains %q:\n%s", b, text)
			}
		}
	}
}

func buttons(n int) check {
	return func(t *testing.T, resp *discordgo.InteractionResponse) {
		t.Helper()
		if got := len(Buttons(resp.Data.Components)); got != n {
			t.Errorf("%d clickable buttons, want %d", got, n)
		}
	}
}

func visibleText(resp *discordgo.InteractionResponse) string {
	if resp.Data == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(resp.Data.Content)
	for _, e := range resp.Data.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	for _, c := range resp.Data.Choices {
		b.WriteString("\n" + c.Name)
	}
	return b.String()
}

// assertNoMentions is the rule for every response: mentions are parsed
// from nothing, so nobody is pinged whatever the text says.
func assertNoMentions(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	if resp.Type == discordgo.InteractionResponsePong {
		return
	}
	if resp.Data == nil || resp.Data.AllowedMentions == nil {
		t.Fatal("response has no allowed_mentions")
	}
	am := resp.Data.AllowedMentions
	if am.Parse == nil || len(am.Parse) != 0 || len(am.Users) != 0 || len(am.Roles) != 0 || am.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want parse: [] and nothing else", am)
	}
	// What goes over the wire: "parse":[] must be present, not omitted.
	data, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("wire form lacks an empty parse list: %s", data)
	}
}

func TestFixtures(t *testing.T) {
	tests := []struct {
		file   string
		checks []check
	}{
		{"ask_guild_en.json", []check{isType(discordgo.InteractionResponseChannelMessageWithSource), public,
			footer("trade-volume-2016"), contains("Trade volume in 2016", "US$13.4 billion", "Date", "Foreign Minister Meets", "“US$13.4 billion in 2016”")}},
		{"ask_dm_ko.json", []check{public, footer("trade-volume-2017"), contains("2017년 한러 교역액", "날짜", "2017년", "“US$19 billion in 2017”")}},
		{"trade_year_ru.json", []check{public, footer("trade-volume-2017"), contains("Товарооборот в 2017 году", "Дата", "2017 г.")}},
		{"timeline_topic_en.json", []check{public, contains("Korea–Russia timeline", "2018 – …", "Interregional forum", "7 November 2018"), buttons(0)}},
		{"autocomplete_ask_ru.json", []check{isType(discordgo.InteractionApplicationCommandAutocompleteResult), contains("товарооборот")}},
		// The click comes from a Korean client on an English message: the
		// message stays English, as the custom id says.
		{"button_timeline_next.json", []check{isType(discordgo.InteractionResponseUpdateMessage), contains("Page 2 of 3"), lacks("연표"), buttons(2)}},
		{"context_menu_mentions.json", []check{public, footer("trade-volume-2016")}},
		{"fact_unknown_en.json", []check{ephemeral, contains("No fact `xyz`", "/fact")}},
	}
	r, _ := newRouter(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			resp := handle(t, r, loadFixture(t, tt.file))
			assertNoMentions(t, resp)
			for _, c := range tt.checks {
				c(t, resp)
			}
		})
	}
}

func TestCommands(t *testing.T) {
	b, _ := embedded(t)
	// The base grows; counts are the base's.
	nFacts, nTopics := strconv.Itoa(len(b.Facts())), strconv.Itoa(len(b.Topics()))
	citedMOFA := strconv.Itoa(len(b.CitedBy("2018-11-08-mofa-kang-koslov-pohang")))
	tests := []struct {
		name   string
		in     *discordgo.Interaction
		checks []check
	}{
		{"ask en", slash("en-US", cmdAsk, opt(optQuestion, "what is the nine bridges")),
			[]check{public, footer("bridges-nine-bridges-proposal")}},
		{"ask answers in the locale, not the question's language", slash("ru", cmdAsk, opt(optQuestion, "trade in 2016")),
			[]check{public, footer("trade-volume-2016"), contains("Товарооборот в 2016 году", "13,4 млрд")}},
		{"ask missing year lists years", slash("en-US", cmdAsk, opt(optQuestion, "trade in 2021")),
			[]check{ephemeral, contains("2021", "1990, 2015, 2016, 2017, 2018, 2019"), buttons(3)}},
		{"ask missing year ko", slash("ko", cmdAsk, opt(optQuestion, "2021년 한러 교역액")),
			[]check{ephemeral, contains("2021년 자료는 없습니다", "2015, 2016")}},
		{"ask computes, citing every operand", slash("en-US", cmdAsk, opt(optQuestion, "how much did trade grow between 2016 and 2017")),
			[]check{public, footer("trade-volume-2017 · trade-volume-2016"), contains("US$5.6 billion", "41.8%", "“US$19 billion in 2017”", "“US$13.4 billion in 2016”")}},
		{"ask computes in the locale", slash("ko", cmdAsk, opt(optQuestion, "which year had the highest trade volume")),
			[]check{public, contains("2019년", "223.4억 달러", "“to 22.34 billion dollars last year”")}},
		{"ask checks a claim", slash("ru", cmdAsk, opt(optQuestion, "did trade double between 2016 and 2019?")),
			[]check{public, contains("Нет", "в 1,67 раза")}},
		{"ask refuses to mix metrics", slash("en-US", cmdAsk, opt(optQuestion, "how did tourists and people-to-people exchanges compare in 2017")),
			[]check{ephemeral, contains("different measures")}},
		{"ask present tense says as of when", slash("en-US", cmdAsk, opt(optQuestion, "are Korea and Russia still negotiating a services FTA?")),
			[]check{public, contains("My sources end in November 2020")}},
		{"ask not sure", slash("ru", cmdAsk, opt(optQuestion, "сколько Корея импортировала из России в 2017 году?")),
			[]check{ephemeral, contains("нескольк")}},
		{"ask nothing to go on", slash("en-US", cmdAsk, opt(optQuestion, "zorbly quindle")),
			[]check{ephemeral, contains("I'm not sure")}},
		{"ask small talk", slash("en-US", cmdAsk, opt(optQuestion, "hello")),
			[]check{ephemeral, contains("I answer questions about relations between Korea and Russia"), buttons(0)}},
		{"ask empty", slash("ko", cmdAsk, opt(optQuestion, "   ")),
			[]check{ephemeral, contains("질문을 입력해 주세요"), buttons(0)}},
		{"fact", slash("en-US", cmdFact, opt(optID, "trade-volume-2016")),
			[]check{public, footer("trade-volume-2016"), contains("“US$13.4 billion in 2016”", "“The volume of the ROK-Russia trade reached US$16 billion in 2015”")}},
		{"fact by title", slash("ko", cmdFact, opt(optID, "2016년 한러 교역액")),
			[]check{public, footer("trade-volume-2016")}},
		{"fact external reference", slash("en-US", cmdFact, opt(optID, "diplomatic-relations-established")),
			[]check{public, contains("From outside the source documents:", "Wikipedia", "https://en.wikipedia.org/wiki/"), contains("30 September 1990")}},
		{"fact external reference ru", slash("ru", cmdFact, opt(optID, "diplomatic-relations-established")),
			[]check{contains("Вне исходных документов:", "30 сентября 1990 г.")}},
		{"fact unknown ko", slash("ko", cmdFact, opt(optID, "xyz`@everyone")),
			[]check{ephemeral, contains("항목은 없습니다", "/사실"), lacks("`@everyone`")}},
		{"timeline", slash("en-US", cmdTimeline),
			[]check{public, contains("30 September 1990", "Page 1 of 3", "17 events"), buttons(1)}},
		{"timeline ko", slash("ko", cmdTimeline, opt(optTo, "2014")),
			[]check{public, contains("한러 관계 연표", "1990년 9월 30일", "… – 2014년", "1/1쪽"), lacks("2017년"), buttons(0)}},
		{"timeline topic label", slash("en-US", cmdTimeline, opt(optTopic, "Arctic")),
			[]check{public, contains("Arctic")}},
		{"timeline bad from", slash("en-US", cmdTimeline, opt(optFrom, "last year")),
			[]check{ephemeral, contains("`last year`", "YYYY, YYYY-MM or YYYY-MM-DD")}},
		{"timeline bad to ru", slash("ru", cmdTimeline, opt(optTo, "2019-13")),
			[]check{ephemeral, contains("ГГГГ-ММ")}},
		{"timeline range backwards", slash("en-US", cmdTimeline, opt(optFrom, "2019"), opt(optTo, "2015")),
			[]check{ephemeral, contains("after the end")}},
		{"timeline unknown topic", slash("en-US", cmdTimeline, opt(optTopic, "space")),
			[]check{ephemeral, contains("`space`", "Arctic")}},
		{"timeline empty range", slash("en-US", cmdTimeline, opt(optFrom, "1991"), opt(optTo, "2012")),
			[]check{ephemeral, contains("wider range")}},
		{"onthisday today", slash("en-US", cmdOnThisDay),
			[]check{public, contains("On this day: 8 November", "8 November 2018", "7 November 2018 – 9 November 2018")}},
		{"onthisday date ko", slash("ko", cmdOnThisDay, opt(optDate, "09-30")),
			[]check{public, contains("9월 30일", "1990년 9월 30일")}},
		{"onthisday full date", slash("en-US", cmdOnThisDay, opt(optDate, "2020-02-05")),
			[]check{public, contains("5 February 2020")}},
		{"onthisday nothing", slash("en-US", cmdOnThisDay, opt(optDate, "12-01")),
			[]check{public, contains("Nothing on this day", "the next dated event is 1 January 2014")}},
		{"onthisday nothing wraps to next year ru", slash("ru", cmdOnThisDay, opt(optDate, "11-20")),
			[]check{contains("ничего нет", "1 января 2014 г.")}},
		{"onthisday bad date", slash("en-US", cmdOnThisDay, opt(optDate, "02-30")),
			[]check{ephemeral, contains("`02-30`", "MM-DD")}},
		{"trade table", slash("en-US", cmdTrade),
			[]check{public, footer("trade-volume"), contains("2016 │ US$13.4 billion", "1990 │ US$888.8 million", "2018 │ US$18 billion *", "as of September 2018", "Sources", "Foreign Minister Meets", "/trade year:2019")}},
		{"trade table ko", slash("ko", cmdTrade),
			[]check{contains("2016 │ 134억 달러", "2019 │ 223억 4천만 달러", "2018년 9월 기준", "출처", "/교역 연도:2019")}},
		{"trade table ru", slash("ru", cmdTrade),
			[]check{contains("2016 │ 13,4 млрд долл.", "по состоянию на сентябрь 2018 г.")}},
		{"trade year", slash("en-US", cmdTrade, opt(optYear, 2016)),
			[]check{public, footer("trade-volume-2016")}},
		{"trade unknown year", slash("en-US", cmdTrade, opt(optYear, 2021)),
			[]check{ephemeral, contains("I have figures for 1990, 2015, 2016, 2017, 2018, 2019", "/trade year:2019")}},
		{"trade year as text", slash("en-US", cmdTrade, opt(optYear, "twenty")),
			[]check{ephemeral, contains("`year` should be a whole number")}},
		{"exchanges table", slash("en-US", cmdExchanges),
			[]check{public, footer("people-exchanges"), contains("2017 │ 510,000", "Tourists between Korea and Russia", "1990 │ ≈30,000", "approximate")}},
		{"exchanges table ko", slash("ko", cmdExchanges),
			[]check{contains("2017 │ 51만 명", "2014 │ 29만 2천 명", "2019 │ 77만 명")}},
		{"exchanges table ru", slash("ru", cmdExchanges),
			[]check{contains("2017 │ 510 тыс.")}},
		{"exchanges year", slash("en-US", cmdExchanges, opt(optYear, 2015)),
			[]check{public, footer("people-exchanges-2015")}},
		{"exchanges falls back to tourists", slash("en-US", cmdExchanges, opt(optYear, 2019)),
			[]check{public, footer("people-tourists-2019")}},
		{"exchanges unknown year ru", slash("ru", cmdExchanges, opt(optYear, 2000)),
			[]check{ephemeral, contains("Данных за 2000 г.", "2014, 2015, 2016, 2017")}},
		{"sources", slash("en-US", cmdSources),
			[]check{public, contains("5 documents", "The Hankyoreh", "cited by "+citedMOFA+" facts")}},
		{"about ko", slash("ko", cmdAbout),
			[]check{public, contains("Nine Bridges 소개", nFacts, "1990–2023", "9-브릿지", "/질문")}},
		{"help ru", slash("ru", cmdHelp),
			[]check{public, contains("фактов — "+nFacts, "/спросить", "/хроника", "Спросить Nine Bridges")}},
		{"help en", slash("en-US", cmdHelp),
			[]check{contains(nFacts+" facts from 5 documents on "+nTopics+" topics", "/onthisday")}},
		{"unknown command", slash("en-US", "weather"),
			[]check{ephemeral, contains("/help")}},
	}
	r, _ := newRouter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := handle(t, r, tt.in)
			assertNoMentions(t, resp)
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Errorf("response type = %d, want a message", resp.Type)
			}
			for _, c := range tt.checks {
				c(t, resp)
			}
		})
	}
}

func TestContextMenu(t *testing.T) {
	r, _ := newRouter(t)
	i := loadFixture(t, "context_menu_mentions.json")
	data := i.Data.(discordgo.ApplicationCommandInteractionData)

	t.Run("answers the target message", func(t *testing.T) {
		resp := handle(t, r, i)
		assertNoMentions(t, resp)
		footer("trade-volume-2016")(t, resp)
	})
	t.Run("empty message", func(t *testing.T) {
		empty := *i
		d := data
		d.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Messages: map[string]*discordgo.Message{
			d.TargetID: {ID: d.TargetID, Content: "  <@123>  "},
		}}
		empty.Data = d
		empty.Locale = discordgo.Russian
		resp := handle(t, r, &empty)
		assertNoMentions(t, resp)
		ephemeral(t, resp)
		contains("нет текста")(t, resp)
	})
	t.Run("target not resolved", func(t *testing.T) {
		missing := *i
		d := data
		d.Resolved = nil
		missing.Data = d
		resp := handle(t, r, &missing)
		ephemeral(t, resp)
	})
}

func TestAskButtonRoundTrip(t *testing.T) {
	r, _ := newRouter(t)
	resp := handle(t, r, slash("ko", cmdAsk, opt(optQuestion, "trade in 2021")))
	bs := Buttons(resp.Data.Components)
	if len(bs) == 0 || len(bs) > 3 {
		t.Fatalf("%d suggestion buttons, want 1–3", len(bs))
	}
	for _, b := range bs {
		if runeLen(b.Label) > maxButtonLabel || len(b.CustomID) > maxCustomID {
			t.Errorf("button %q / %q over Discord's limits", b.Label, b.CustomID)
		}
		if !strings.HasPrefix(b.CustomID, "nb:fact:") || !strings.HasSuffix(b.CustomID, ":ko") {
			t.Errorf("custom id %q, want nb:fact:<id>:ko", b.CustomID)
		}
	}
	id, _, _ := parseFactButtonID(bs[0].CustomID)
	// Clicked by someone with an English client: the answer follows the
	// language of the message the button is on.
	got := handle(t, r, click("en-US", bs[0].CustomID))
	assertNoMentions(t, got)
	isType(discordgo.InteractionResponseChannelMessageWithSource)(t, got)
	public(t, got)
	footer(id)(t, got)
	contains("한러 교역액", "날짜")(t, got)

	for _, stale := range []string{"nb:fact:no-such-fact:en", "nb:fact:trade-volume-2016:xx", "nb:fact:", "nb:zzz:1:2", "something-else"} {
		resp := handle(t, r, click("en-US", stale))
		assertNoMentions(t, resp)
		ephemeral(t, resp)
		contains("no longer works")(t, resp)
	}
}

func TestTimelinePaging(t *testing.T) {
	r, _ := newRouter(t)
	b, _ := embedded(t)
	all := b.Timeline()
	pages := (len(all) + timelinePageSize - 1) / timelinePageSize

	resp := handle(t, r, slash("ru", cmdTimeline))
	var seen []string
	for page := 0; ; page++ {
		assertNoMentions(t, resp)
		e := resp.Data.Embeds[0]
		if want := tr(facts.RU, msgPage, page+1, pages); !strings.Contains(e.Footer.Text, want) {
			t.Fatalf("page %d footer %q, want %q", page, e.Footer.Text, want)
		}
		lines := strings.Split(e.Description, "\n")
		if len(lines) < 1 || len(lines) > timelinePageSize {
			t.Fatalf("page %d has %d lines", page, len(lines))
		}
		seen = append(seen, lines...)
		for _, bt := range allButtons(resp.Data.Components) {
			if len(bt.CustomID) > maxCustomID {
				t.Errorf("custom id %q longer than %d", bt.CustomID, maxCustomID)
			}
		}
		bs := Buttons(resp.Data.Components)
		var next *discordgo.Button
		for _, bt := range bs {
			if strings.Contains(bt.Label, tr(facts.RU, msgNext)) {
				next = &bt
			}
		}
		if next == nil {
			if page != pages-1 {
				t.Fatalf("no Next button on page %d of %d", page+1, pages)
			}
			break
		}
		// A fresh router stands for the bot after a restart: the custom id
		// carries everything.
		r2, _ := newRouter(t)
		resp = handle(t, r2, click("en-US", next.CustomID))
		isType(discordgo.InteractionResponseUpdateMessage)(t, resp)
	}
	if len(seen) != len(all) {
		t.Fatalf("paged through %d events, the base has %d", len(seen), len(all))
	}
	for i, e := range all {
		if want := e.Title.In(facts.RU); !strings.Contains(seen[i], want) {
			t.Errorf("event %d is %q, want %q (chronological order)", i, seen[i], want)
		}
	}

	// Previous goes back, and filters survive the round trip.
	first := handle(t, r, slash("en-US", cmdTimeline, opt(optFrom, "2014-01"), opt(optTo, "2020")))
	q := timelineQuery{From: "2014-01", To: "2020", Page: 1, Lang: facts.EN}
	second := handle(t, r, click("en-US", q.customID()))
	prev := Buttons(second.Data.Components)[0]
	back := handle(t, r, click("en-US", prev.CustomID))
	if first.Data.Embeds[0].Description != back.Data.Embeds[0].Description {
		t.Errorf("Previous from page 2 shows\n%s\nwant page 1\n%s", back.Data.Embeds[0].Description, first.Data.Embeds[0].Description)
	}
	contains("January 2014 – 2020")(t, back)

	// A page past the end (the base shrank since) shows the last page.
	far := q
	far.Page = 99
	resp = handle(t, r, click("en-US", far.customID()))
	isType(discordgo.InteractionResponseUpdateMessage)(t, resp)
	// A tampered id is a user error, not a crash.
	bad := handle(t, r, click("en-US", "nb:tl:20x8::::0:en"))
	ephemeral(t, bad)
}

func allButtons(cs []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	for _, c := range cs {
		if row, ok := c.(discordgo.ActionsRow); ok {
			for _, b := range row.Components {
				if bt, ok := b.(discordgo.Button); ok {
					out = append(out, bt)
				}
			}
		}
	}
	return out
}

func TestAutocomplete(t *testing.T) {
	r, _ := newRouter(t)
	tests := []struct {
		name  string
		in    *discordgo.Interaction
		min   int
		check func(t *testing.T, choices []*discordgo.ApplicationCommandOptionChoice)
	}{
		{"ask empty gives popular questions", autocomplete("en-US", cmdAsk, optQuestion, ""), 5, nil},
		{"ask empty ko gives Korean questions", autocomplete("ko", cmdAsk, optQuestion, ""), 5,
			func(t *testing.T, cs []*discordgo.ApplicationCommandOptionChoice) {
				for _, c := range cs {
					if !strings.ContainsFunc(c.Name, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
						t.Errorf("choice %q is not Korean", c.Name)
					}
				}
			}},
		{"ask typing", autocomplete("en-US", cmdAsk, optQuestion, "trade 2016"), 1,
			func(t *testing.T, cs []*discordgo.ApplicationCommandOptionChoice) {
				if !strings.Contains(cs[0].Name, "2016") {
					t.Errorf("first choice %q, want the 2016 trade question", cs[0].Name)
				}
			}},
		{"ask typing Korean in an English client", autocomplete("en-US", cmdAsk, optQuestion, "교역"), 1,
			func(t *testing.T, cs []*discordgo.ApplicationCommandOptionChoice) {
				if !strings.Contains(cs[0].Name, "교역") {
					t.Errorf("first choice %q, want Korean", cs[0].Name)
				}
			}},
		{"ask long input", autocomplete("en-US", cmdAsk, optQuestion, strings.Repeat("trade volume 2016 ", 20)), 0, nil},
		{"fact empty", autocomplete("ru", cmdFact, optID, ""), 5,
			func(t *testing.T, cs []*discordgo.ApplicationCommandOptionChoice) {
				for _, c := range cs {
					if _, ok := testBase.Fact(c.Value.(string)); !ok {
						t.Errorf("choice value %q is not a fact id", c.Value)
					}
				}
			}},
		{"fact by id prefix", autocomplete("en-US", cmdFact, optID, "trade-volume-20"), 5,
			func(t *testing.T, cs []*discordgo.ApplicationCommandOptionChoice) {
				for _, c := range cs[:5] {
					if !strings.HasPrefix(c.Value.(string), "trade-volume-20") {
						t.Errorf("choice %v does not start with the typed id", c.Value)
					}
				}
			}},
		{"fact by title in locale", autocomplete("ru", cmdFact, optID, "Товарооборот в 2016"), 1,
			func(t *testing.T, cs []*discordgo.ApplicationCommandOptionChoice) {
				if cs[0].Value != "trade-volume-2016" || !strings.HasPrefix(cs[0].Name, "Товарооборот в 2016 году") {
					t.Errorf("first choice %q = %v", cs[0].Name, cs[0].Value)
				}
			}},
		{"other option", autocomplete("en-US", cmdTimeline, optFrom, "20"), 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := handle(t, r, tt.in)
			assertNoMentions(t, resp)
			isType(discordgo.InteractionApplicationCommandAutocompleteResult)(t, resp)
			cs := resp.Data.Choices
			if cs == nil {
				t.Fatal("choices is nil; Discord wants a list, even empty")
			}
			if len(cs) < tt.min || len(cs) > maxChoices {
				t.Fatalf("%d choices, want %d to %d", len(cs), tt.min, maxChoices)
			}
			for _, c := range cs {
				v, ok := c.Value.(string)
				if !ok || v == "" || runeLen(v) > maxChoiceLen || runeLen(c.Name) > maxChoiceLen || c.Name == "" {
					t.Errorf("bad choice %q = %v", c.Name, c.Value)
				}
			}
			if tt.check != nil && len(cs) > 0 {
				tt.check(t, cs)
			}
		})
	}
}

func TestFactChoiceNameTruncates(t *testing.T) {
	f := &facts.Fact{ID: "some-fact", Title: facts.Text{EN: strings.Repeat("Долгий заголовок ", 10)}}
	name := factChoiceName(f, facts.EN)
	if runeLen(name) > maxChoiceLen || !strings.HasSuffix(name, "… (some-fact)") {
		t.Errorf("choice name %q (%d runes)", name, runeLen(name))
	}
}

func TestMessage(t *testing.T) {
	r, _ := newRouter(t)
	tests := []struct {
		name    string
		in      string
		fact    string   // want this fact's card
		content []string // or content containing these
	}{
		{"english", "What was the trade volume between Korea and Russia in 2016?", "trade-volume-2016", nil},
		{"korean", "2016년 한러 교역액은 얼마였나요?", "trade-volume-2016", []string{"2016년 한러 교역액"}},
		{"russian", "Каким был товарооборот Кореи и России в 2017 году?", "trade-volume-2017", []string{"Товарооборот в 2017 году"}},
		{"mentions are not part of the question", "@everyone <@123> <@!77> <#9> What was the trade volume between Korea and Russia in 2016?", "trade-volume-2016", nil},
		{"ambiguous lists suggestions", "people exchanges", "", []string{"Did you mean one of these?\n\n• How many people-to-people exchanges"}},
		{"missing year in Korean", "2030년 한러 교역액", "", []string{"2030년 자료는 없습니다", "혹시 이런 질문인가요?"}},
		{"nothing asked", "", "", []string{"Ask me a question"}},
		{"nothing asked but pings", "@everyone @here", "", []string{"Ask me a question"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sentMessage(r.Message(context.Background(), tt.in))
			assertSendNoMentions(t, m)
			text := m.Content
			for _, e := range m.Embeds {
				text += "\n" + e.Title + "\n" + e.Description
			}
			if tt.fact != "" {
				if len(m.Embeds) != 1 || m.Embeds[0].Footer == nil || m.Embeds[0].Footer.Text != tt.fact {
					t.Fatalf("want the card of %s, got %q", tt.fact, text)
				}
			}
			for _, w := range tt.content {
				if !strings.Contains(text, w) {
					t.Errorf("reply lacks %q:\n%s", w, text)
				}
			}
			if strings.Contains(text, "@everyone") || strings.Contains(text, "<@123>") {
				t.Errorf("reply echoes a mention:\n%s", text)
			}
		})
	}
}

func assertSendNoMentions(t *testing.T, m *discordgo.MessageSend) {
	t.Helper()
	if m == nil || m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
		t.Fatalf("message allows mentions: %+v", m)
	}
	data, _ := json.Marshal(m)
	if !strings.Contains(string(data), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("wire form lacks an empty parse list: %s", data)
	}
}

// TestNoMentionsAnywhere sends every route a question full of mentions,
// including the error and panic paths, and checks nothing can ping.
func TestNoMentionsAnywhere(t *testing.T) {
	r, _ := newRouter(t)
	r.HandleCommand("boom", func(context.Context, *Request) (*discordgo.InteractionResponse, error) { panic("boom") })
	r.HandleCommand("fails", func(context.Context, *Request) (*discordgo.InteractionResponse, error) {
		return nil, errors.New("database on fire")
	})
	r.HandleCommand("bare", func(context.Context, *Request) (*discordgo.InteractionResponse, error) {
		// A handler that forgets data and mentions: the router fills them in.
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource}, nil
	})
	r.HandleCommand("pinger", func(context.Context, *Request) (*discordgo.InteractionResponse, error) {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{
			Content:         "@everyone",
			AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeEveryone}, Users: []string{"123"}},
		}}, nil
	})
	ping := "@everyone <@123> <@&456> trade in 2016"
	var ins []*discordgo.Interaction
	for _, name := range []string{cmdAsk, cmdFact, cmdTimeline, cmdOnThisDay, cmdTrade, cmdExchanges, cmdSources, cmdAbout, cmdHelp, "boom", "fails", "bare", "pinger", "nope"} {
		ins = append(ins,
			slash("en-US", name),
			slash("ko", name, opt(optQuestion, ping), opt(optID, ping), opt(optFrom, ping), opt(optTopic, ping), opt(optDate, ping), opt(optYear, ping)),
			autocomplete("ru", name, optQuestion, ping),
			autocomplete("ru", name, optID, ping),
		)
	}
	ins = append(ins,
		slash("en-US", cmdAsk, opt(optQuestion, ping)),
		click("en-US", "nb:fact:trade-volume-2016:en"),
		click("en-US", "nb:tl::::1:en"),
		click("en-US", ping),
		&discordgo.Interaction{Type: discordgo.InteractionModalSubmit, Data: discordgo.ModalSubmitInteractionData{CustomID: ping}},
		&discordgo.Interaction{Type: discordgo.InteractionApplicationCommand},
		&discordgo.Interaction{Type: discordgo.InteractionMessageComponent},
		&discordgo.Interaction{Type: 99},
		nil,
	)
	for _, f := range []string{"ask_guild_en.json", "ask_dm_ko.json", "trade_year_ru.json", "timeline_topic_en.json", "autocomplete_ask_ru.json", "button_timeline_next.json", "context_menu_mentions.json", "fact_unknown_en.json"} {
		ins = append(ins, loadFixture(t, f))
	}
	for n, i := range ins {
		resp := sent(r.Handle(context.Background(), i))
		if resp == nil {
			t.Fatalf("interaction %d: nil response", n)
		}
		assertNoMentions(t, resp)
	}
	assertSendNoMentions(t, sentMessage(r.Message(context.Background(), ping)))
}

func TestPanicRecovery(t *testing.T) {
	r, logs := newRouter(t)
	r.HandleCommand("boom", func(context.Context, *Request) (*discordgo.InteractionResponse, error) {
		var m map[string]int
		//lint:ignore SA5000 the nil-map write is the point: a real runtime panic, not a call to panic
		m["x"]++
		return nil, nil
	})
	r.HandleComponent("boom", func(context.Context, *Request) (*discordgo.InteractionResponse, error) { panic("component boom") })

	for _, tt := range []struct {
		name string
		in   *discordgo.Interaction
		want string
	}{
		{"command en", slash("en-US", "boom"), "Sorry — something went wrong"},
		{"command ko", slash("ko", "boom"), "죄송합니다"},
		{"component ru", click("ru", "nb:boom:x"), "Извините"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp := handle(t, r, tt.in)
			assertNoMentions(t, resp)
			ephemeral(t, resp)
			contains(tt.want)(t, resp)
		})
	}
	out := logs.String()
	for _, want := range []string{`"level":"ERROR"`, `"msg":"handler panicked"`, "assignment to entry in nil map", `"stack":"goroutine`, "router_test.go", "component boom"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}

func TestInternalErrorIsLoggedAndApologised(t *testing.T) {
	r, logs := newRouter(t)
	r.HandleCommand("fails", func(context.Context, *Request) (*discordgo.InteractionResponse, error) {
		return nil, errors.New("database on fire")
	})
	r.HandleCommand("nothing", func(context.Context, *Request) (*discordgo.InteractionResponse, error) { return nil, nil })
	for _, name := range []string{"fails", "nothing"} {
		resp := handle(t, r, slash("en-US", name))
		ephemeral(t, resp)
		contains("Sorry")(t, resp)
		lacks("database")(t, resp)
	}
	if out := logs.String(); !strings.Contains(out, "database on fire") || !strings.Contains(out, "handler returned no response") {
		t.Errorf("errors not logged:\n%s", out)
	}

}

// panickyMatcher fails inside the built-in handlers, where no test can
// register a handler of its own.
type panickyMatcher struct{}

func (panickyMatcher) Answer(string, facts.Lang) match.Result { panic("matcher broke") }
func (panickyMatcher) NamesOtherCountry(string) bool          { panic("matcher broke") }
func (panickyMatcher) Unknown(string) []string                { panic("matcher broke") }
func (panickyMatcher) Ordinals(*facts.Fact) []int             { panic("matcher broke") }
func (panickyMatcher) Complete(string, facts.Lang, int) []match.Completion {
	panic("completer broke")
}

func TestPanicInBuiltinHandlers(t *testing.T) {
	b, _ := embedded(t)
	logs := &syncBuffer{}
	r, err := New(Config{Base: b, Matcher: panickyMatcher{}, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	resp := handle(t, r, slash("en-US", cmdAsk, opt(optQuestion, "trade")))
	assertNoMentions(t, resp)
	ephemeral(t, resp)
	contains("Sorry")(t, resp)

	// An autocomplete request cannot be answered with a message: it gets
	// an empty list instead.
	resp = handle(t, r, autocomplete("en-US", cmdAsk, optQuestion, "trade"))
	assertNoMentions(t, resp)
	isType(discordgo.InteractionApplicationCommandAutocompleteResult)(t, resp)
	if resp.Data.Choices == nil || len(resp.Data.Choices) != 0 {
		t.Errorf("choices = %v, want an empty list", resp.Data.Choices)
	}

	m := sentMessage(r.Message(context.Background(), "Как дела?"))
	assertSendNoMentions(t, m)
	if !strings.Contains(m.Content, "Извините") {
		t.Errorf("free-text panic answered %q", m.Content)
	}
	for _, want := range []string{"matcher broke", "completer broke", "level=ERROR"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

func TestPing(t *testing.T) {
	r, _ := newRouter(t)
	resp := handle(t, r, &discordgo.Interaction{Type: discordgo.InteractionPing})
	if resp.Type != discordgo.InteractionResponsePong || resp.Data != nil {
		t.Errorf("ping answered with %+v", resp)
	}
}

func TestLocationHook(t *testing.T) {
	b, m := embedded(t)
	seoul := time.FixedZone("KST", 9*3600)
	var gotGuild string
	r, err := New(Config{
		Base: b, Matcher: m,
		Now: func() time.Time { return fixedNow }, // 23:30 UTC on 8 November is 9 November in Seoul
		Location: func(_ context.Context, i *discordgo.Interaction) *time.Location {
			gotGuild = i.GuildID
			return seoul
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	i := slash("en-US", cmdOnThisDay)
	i.GuildID = "777"
	resp := handle(t, r, i)
	contains("On this day: 9 November")(t, resp)
	if gotGuild != "777" {
		t.Errorf("location hook saw guild %q", gotGuild)
	}
}

func TestNewNeedsBase(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New without a base succeeded")
	}
}

func TestLangFor(t *testing.T) {
	for loc, want := range map[discordgo.Locale]facts.Lang{
		"ko": facts.KO, "ru": facts.RU, "en-US": facts.EN, "en-GB": facts.EN, "uk": facts.EN, "ja": facts.EN, "": facts.EN,
	} {
		if got := LangFor(loc); got != want {
			t.Errorf("LangFor(%q) = %q, want %q", loc, got, want)
		}
	}
}

// fakeCharter stands in for the chart renderer someone will add.
type fakeCharter struct{ err error }

func (c fakeCharter) Chart(_ context.Context, s *facts.Series, lang facts.Lang, _ int) (*discordgo.File, error) {
	if c.err != nil {
		return nil, c.err
	}
	return &discordgo.File{Name: s.ID + "-" + string(lang) + ".png", ContentType: "image/png", Reader: strings.NewReader("png")}, nil
}

func TestChartAttachment(t *testing.T) {
	b, m := embedded(t)
	for _, tt := range []struct {
		charter Charter
		files   int
	}{{fakeCharter{}, 1}, {fakeCharter{err: errors.New("no fonts")}, 0}, {nil, 0}} {
		r, err := New(Config{Base: b, Matcher: m, Charts: tt.charter})
		if err != nil {
			t.Fatal(err)
		}
		resp := handle(t, r, slash("ko", cmdTrade))
		if len(resp.Data.Files) != tt.files {
			t.Fatalf("%d files, want %d", len(resp.Data.Files), tt.files)
		}
		if tt.files == 1 {
			if img := resp.Data.Embeds[0].Image; img == nil || img.URL != "attachment://trade-volume-ko.png" {
				t.Errorf("embed image = %+v", img)
			}
		}
		contains("134억 달러")(t, resp)
	}
}

// stubMatcher gives fixed results, so the shape of "not sure" answers is
// tested apart from the matcher's tuning.
type stubMatcher struct{ res match.Result }

func (stubMatcher) NamesOtherCountry(string) bool { return false }
func (stubMatcher) Unknown(string) []string       { return nil }
func (stubMatcher) Ordinals(*facts.Fact) []int    { return nil }

func (s stubMatcher) Answer(q string, lang facts.Lang) match.Result {
	r := s.res
	r.Question = q
	if lang != "" {
		r.Lang = lang
	}
	return r
}

func (stubMatcher) Complete(string, facts.Lang, int) []match.Completion { return nil }

func TestNotSureShapes(t *testing.T) {
	b, _ := embedded(t)
	long := strings.Repeat("How did the trade volume between the Republic of Korea and Russia change ", 3) + "?"
	sugs := []match.Suggestion{
		{FactID: "trade-volume-2016", Question: long},
		{FactID: "trade-volume-2015", Question: "Trade 2015?"},
		{FactID: "trade-volume-2015", Question: "Same fact again"},
		{FactID: "trade-volume-2017", Question: "Trade 2017?"},
		{FactID: "trade-volume-2018", Question: "Trade 2018?"},
	}
	r, err := New(Config{Base: b, Matcher: stubMatcher{match.Result{Lang: facts.EN, Reason: match.NotFound, Suggestions: sugs}}})
	if err != nil {
		t.Fatal(err)
	}
	resp := handle(t, r, slash("en-US", cmdAsk, opt(optQuestion, "q")))
	ephemeral(t, resp)
	contains("I'm not sure")(t, resp)
	lacks("Did you mean")(t, resp) // the buttons say it
	bs := Buttons(resp.Data.Components)
	if len(bs) != 3 {
		t.Fatalf("%d buttons, want 3 (at most three, one per fact)", len(bs))
	}
	if n := runeLen(bs[0].Label); n > maxButtonLabel || n < maxButtonLabel-15 || !strings.HasSuffix(bs[0].Label, "…") {
		t.Errorf("long label %q (%d runes) should be cut to about %d with …", bs[0].Label, n, maxButtonLabel)
	}
	if bs[2].CustomID != "nb:fact:trade-volume-2017:en" {
		t.Errorf("third button %q", bs[2].CustomID)
	}

	m := sentMessage(r.Message(context.Background(), "q"))
	if !strings.Contains(m.Content, "Did you mean:\n• "+long+"\n• Trade 2015?") {
		t.Errorf("free-text reply lists suggestions as:\n%s", m.Content)
	}
	if len(Buttons(m.Components)) != 3 {
		t.Errorf("free-text reply has %d buttons", len(Buttons(m.Components)))
	}
}
