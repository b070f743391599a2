package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// info holds what /sources, /about and /help need.
type info struct {
	base  *facts.Base
	stats baseStats
}

// baseStats are the counts /about and /help report, worked out once.
type baseStats struct {
	facts, documents, events int
	topics                   []string
	firstYear, lastYear      int
}

func statsOf(b *facts.Base) baseStats {
	s := baseStats{facts: len(b.Facts()), documents: len(b.Documents()), events: len(b.Timeline()), topics: b.Topics()}
	for _, f := range b.Facts() {
		if f.Date.IsZero() {
			continue
		}
		if y := f.Date.Start.Year(); s.firstYear == 0 || y < s.firstYear {
			s.firstYear = y
		}
		if y := f.Date.End.Year(); y > s.lastYear {
			s.lastYear = y
		}
	}
	return s
}

// years is the span the base covers, "1990–2023".
func (s baseStats) years() string {
	if s.firstYear == 0 {
		return "—"
	}
	if s.firstYear == s.lastYear {
		return strconv.Itoa(s.firstYear)
	}
	return fmt.Sprintf("%d–%d", s.firstYear, s.lastYear)
}

// sources answers /sources: every document, and how much rests on it.
func (n *info) sources(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	lang := req.Lang
	docs := n.base.Documents()
	e := &discordgo.MessageEmbed{
		Title:       tr(lang, msgSourcesTitle),
		Description: tr(lang, msgSourcesIntro, len(docs)),
		Color:       embedColor,
	}
	for _, d := range docs {
		v := d.Publisher
		if !d.Date.IsZero() {
			v += " · " + d.Date.Human(lang)
		}
		v += " · " + tr(lang, msgCitedBy, len(n.base.CitedBy(d.ID)))
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: d.Title, Value: v})
	}
	return reply(Message{Embeds: []*discordgo.MessageEmbed{e}}), nil
}

// about answers /about: what the bot knows.
func (n *info) about(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	lang := req.Lang
	s := n.stats
	inline := func(name msgID, v string) *discordgo.MessageEmbedField {
		return &discordgo.MessageEmbedField{Name: tr(lang, name), Value: v, Inline: true}
	}
	e := &discordgo.MessageEmbed{
		Title:       tr(lang, msgAboutTitle),
		Description: tr(lang, msgAboutBody),
		Color:       embedColor,
		Fields: []*discordgo.MessageEmbedField{
			inline(msgFacts, strconv.Itoa(s.facts)),
			inline(msgDocuments, strconv.Itoa(s.documents)),
			inline(msgEvents, strconv.Itoa(s.events)),
			inline(msgYears, s.years()),
			{Name: tr(lang, msgTopics), Value: n.topicList(lang)},
			{Name: tr(lang, msgHowToAsk), Value: howToAsk(lang)},
		},
	}
	return reply(Message{Embeds: []*discordgo.MessageEmbed{e}}), nil
}

// help answers /help: the commands, and how to ask.
func (n *info) help(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	lang := req.Lang
	s := n.stats
	var b strings.Builder
	for _, c := range []Text{txtAsk, txtFact, txtTimeline, txtOnThisDay, txtTrade, txtExchanges, txtSources, txtAbout, txtHelp} {
		fmt.Fprintf(&b, "**/%s** — %s\n", c.Name.In(lang), c.Description.In(lang))
	}
	e := &discordgo.MessageEmbed{
		Title:       tr(lang, msgHelpTitle),
		Description: tr(lang, msgHelpIntro, s.facts, s.documents, len(s.topics), s.years()),
		Color:       embedColor,
		Fields: []*discordgo.MessageEmbedField{
			{Name: tr(lang, msgCommandsField), Value: strings.TrimSpace(b.String())},
			{Name: tr(lang, msgHowToAsk), Value: howToAsk(lang)},
			{Name: tr(lang, msgTopics), Value: n.topicList(lang)},
		},
	}
	return reply(Message{Embeds: []*discordgo.MessageEmbed{e}}), nil
}

func howToAsk(lang facts.Lang) string {
	return tr(lang, msgHowToAskBody, commandMention(txtAsk, lang, nil, ""), txtAskMessage.Name.In(lang))
}

func (n *info) topicList(lang facts.Lang) string {
	names := make([]string, len(n.stats.topics))
	for i, t := range n.stats.topics {
		names[i] = n.base.TopicTitle(t).In(lang)
	}
	return strings.Join(names, ", ")
}
