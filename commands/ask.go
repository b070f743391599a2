package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
)

// embedColor is the blue of the Taegukgi, so answers are recognisable.
const embedColor = 0x0047A0

// answering holds what /ask, /fact, the message command and free text
// need: the base and the answer layer.
type answering struct {
	base    *facts.Base
	answers interface {
		Answer(question string, lang facts.Lang) answer.Reply
	}
	observe func(answered bool)
	links   links // the site's pages, when there is a site
	// cards holds each fact's card by language, built once: the base does
	// not change while the bot runs, and a card is most of what answering
	// a question the answer cache knows costs. Each caller gets a copy,
	// which the way out may shape in place.
	cards sync.Map // cardKey → *discordgo.MessageEmbed
}

type cardKey struct {
	fact *facts.Fact
	lang facts.Lang
}

// ask answers /ask question:….
func (a *answering) ask(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	q, err := req.stringOpt(optQuestion)
	if err != nil {
		return nil, err
	}
	return reply(a.answer(q, req.Lang, false)), nil
}

// askMessage answers the "Ask Nine Bridges" message command: the target
// message's text is the question.
func (a *answering) askMessage(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	var content string
	if res := req.data.Resolved; res != nil {
		if m := res.Messages[req.data.TargetID]; m != nil {
			content = m.Content
		}
	}
	if cleanQuestion(content) == "" {
		return nil, userErr(req.Lang, msgNoMessageText)
	}
	return reply(a.answer(content, req.Lang, false)), nil
}

// answer is the shared core of /ask, the message command and free text:
// the fact card when the matcher is confident; otherwise what it is unsure
// about, in private, with the closest facts as buttons. lang "" answers in
// the question's language. list adds the suggestions as text too, for
// places where buttons may be ignored (free-text replies).
func (a *answering) answer(question string, lang facts.Lang, list bool) Message {
	res := a.answers.Answer(cleanQuestion(question), lang)
	a.observe(res.Answered)
	switch {
	case res.Answered:
		var e *discordgo.MessageEmbed
		if res.Kind == answer.KindFact {
			e = a.factCard(res.Facts[0], res.Lang)
		} else {
			e = a.computedCard(res)
		}
		if res.Note != "" {
			e.Description += "\n\n" + res.Note
		}
		// An event's other facts are follow-ups, a click away.
		return Message{Embeds: []*discordgo.MessageEmbed{e}, Components: suggestionButtons(res.Suggestions, res.Lang)}
	}
	text := res.Text
	if list && len(res.Suggestions) > 0 {
		var b strings.Builder
		b.WriteString(text)
		b.WriteString("\n")
		// An ambiguous question's explanation already asks which one.
		if res.Reason != match.Ambiguous {
			b.WriteString("\n" + tr(res.Lang, msgDidYouMean))
		}
		for _, s := range res.Suggestions {
			b.WriteString("\n• ")
			b.WriteString(s.Question)
		}
		text = b.String()
	}
	return Message{Content: text, Components: suggestionButtons(res.Suggestions, res.Lang), Ephemeral: true}
}

// suggestionButtons offers up to three facts; a click answers that fact.
func suggestionButtons(sugs []match.Suggestion, lang facts.Lang) []discordgo.MessageComponent {
	var buttons []discordgo.MessageComponent
	seen := map[string]bool{}
	for _, s := range sugs {
		id := factButtonID(s.FactID, lang)
		if len(buttons) == 3 || seen[id] || len(id) > maxCustomID {
			continue
		}
		seen[id] = true
		buttons = append(buttons, discordgo.Button{
			Label:    truncate(s.Question, maxButtonLabel),
			Style:    discordgo.SecondaryButton,
			CustomID: id,
		})
	}
	if len(buttons) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}
}

// fact answers /fact id:… with the fact's full card.
func (a *answering) fact(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	id, err := req.stringOpt(optID)
	if err != nil {
		return nil, err
	}
	f := a.lookupFact(id)
	if f == nil {
		return nil, userErr(req.Lang, msgNoFact, inline(id), commandMention(txtFact, req.Lang, nil, ""))
	}
	return reply(Message{Embeds: []*discordgo.MessageEmbed{a.factCard(f, req.Lang)}}), nil
}

// lookupFact finds a fact by id or, when someone typed a title instead of
// picking from autocomplete, by its exact title in any language.
func (a *answering) lookupFact(s string) *facts.Fact {
	s = strings.TrimSpace(s)
	if f, ok := a.base.Fact(strings.ToLower(s)); ok {
		return f
	}
	for _, f := range a.base.Facts() {
		for _, l := range facts.Langs {
			if strings.EqualFold(f.Title.In(l), s) {
				return f
			}
		}
	}
	return nil
}

// factButton answers a "did you mean" button as a new public message: the
// user picked a fact, and the answer is what they wanted to share.
func (a *answering) factButton(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	id, lang, ok := parseFactButtonID(req.customID)
	if !ok {
		return nil, userErr(req.Lang, msgStaleButton)
	}
	f, found := a.base.Fact(id)
	if !found {
		return nil, userErr(lang, msgStaleButton)
	}
	return reply(Message{Embeds: []*discordgo.MessageEmbed{a.factCard(f, lang)}}), nil
}

// factCard is a fact as an embed: the answer, its date, and every source
// with its quote, so the reader can check it. fitEmbed later keeps it within
// Discord's limits.
func (a *answering) factCard(f *facts.Fact, lang facts.Lang) *discordgo.MessageEmbed {
	k := cardKey{f, lang}
	if e, ok := a.cards.Load(k); ok {
		return copyEmbed(e.(*discordgo.MessageEmbed))
	}
	e := a.buildFactCard(f, lang)
	a.cards.Store(k, copyEmbed(e))
	return e
}

// copyEmbed is a deep copy of e: nothing of it is shared with the copy.
func copyEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	c := *e
	if e.Footer != nil {
		f := *e.Footer
		c.Footer = &f
	}
	if e.Image != nil {
		v := *e.Image
		c.Image = &v
	}
	if e.Thumbnail != nil {
		v := *e.Thumbnail
		c.Thumbnail = &v
	}
	if e.Video != nil {
		v := *e.Video
		c.Video = &v
	}
	if e.Provider != nil {
		v := *e.Provider
		c.Provider = &v
	}
	if e.Author != nil {
		v := *e.Author
		c.Author = &v
	}
	if e.Fields != nil {
		c.Fields = make([]*discordgo.MessageEmbedField, len(e.Fields))
		for i, f := range e.Fields {
			v := *f
			c.Fields[i] = &v
		}
	}
	return &c
}

func (a *answering) buildFactCard(f *facts.Fact, lang facts.Lang) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       f.Title.In(lang),
		Description: f.Answer.In(lang),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: f.ID},
		URL:         a.links.fact(f.ID, lang),
	}
	if !f.Date.IsZero() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: tr(lang, msgDate), Value: f.Date.Human(lang), Inline: true})
	}
	a.cite(e, []*facts.Fact{f}, lang)
	return e
}

// computedCard is an answer worked out from several facts: the figure and
// how it was reached, then the quote behind every operand.
func (a *answering) computedCard(res answer.Reply) *discordgo.MessageEmbed {
	ids := make([]string, len(res.Facts))
	for i, f := range res.Facts {
		ids[i] = f.ID
	}
	e := &discordgo.MessageEmbed{
		Title:       res.Title,
		Description: res.Text,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: strings.Join(ids, " · ")},
		// Worked out from several facts, the answer has no page of its
		// own; the site's search answers the same question.
		URL: a.links.ask(res.Question, res.Lang),
	}
	a.cite(e, res.Facts, res.Lang)
	return e
}

// cite adds the sources of facts to an embed: knowledge from outside the
// corpus first, then each document's quote, each quote once.
func (a *answering) cite(e *discordgo.MessageEmbed, fs []*facts.Fact, lang facts.Lang) {
	citedRef := map[string]bool{}
	for _, f := range fs {
		// Knowledge from outside the corpus comes first and says so plainly.
		for _, ref := range f.References {
			if citedRef[ref.URL] {
				continue
			}
			citedRef[ref.URL] = true
			v := fmt.Sprintf("%s — %s (read %s)\n%s", ref.Title, ref.Publisher, ref.Date, ref.URL)
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: tr(lang, msgExternal), Value: v})
		}
	}
	type source struct{ name, head, quote, link string }
	var srcs []source
	seen := map[facts.Source]bool{}
	var all []facts.Source
	for _, f := range fs {
		for _, s := range f.Sources {
			if !seen[s] {
				seen[s] = true
				all = append(all, s)
			}
		}
	}
	all = slices.DeleteFunc(all, func(s facts.Source) bool { return quotedWithin(s, all) })
	for _, s := range all {
		src := source{name: s.Doc, quote: s.Quote}
		if a.links.on() {
			src.link = mdLink(tr(lang, msgInDocument), a.links.quote(s.Doc, anchorFact(s, fs), lang))
		}
		if d, ok := a.base.Document(s.Doc); ok {
			src.name = d.Title
			src.head = d.Publisher
			if !d.Date.IsZero() {
				src.head += " · " + d.Date.Human(lang)
			}
		}
		srcs = append(srcs, src)
	}
	// Quotes share what is left of the embed's 6000 characters, and each
	// is cut inside its quotation marks, not the attribution: a reader
	// always sees who said it, and that the quote was shortened.
	// The link to the quote in its document goes under the quote and is
	// never cut: a cut link leads nowhere.
	budget := maxEmbedTotal - EmbedLen(e)
	for _, s := range srcs {
		budget -= runeLen(truncate(s.name, maxFieldName)) + runeLen(s.head) + 1 + linkLen(s.link)
	}
	for _, s := range srcs {
		limit := min(maxFieldValue-runeLen(s.head)-1-linkLen(s.link), budget/max(len(srcs), 1))
		v := quote(s.quote, max(limit, 3))
		if s.head != "" {
			v = s.head + "\n" + v
		}
		if s.link != "" {
			v += "\n" + s.link
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: s.name, Value: v})
	}
}

// anchorFact is the fact whose anchor, #q-<fact> on the document's page,
// lands on quote s: a fact's anchor is its first listed quote of the
// document (web/docview.go), so a fact whose first quote there is s is
// preferred to one that quotes it later.
func anchorFact(s facts.Source, fs []*facts.Fact) string {
	var later string
	for _, f := range fs {
		for _, q := range f.Sources {
			if q.Doc != s.Doc {
				continue
			}
			if q == s {
				return f.ID
			}
			if later == "" && slices.Contains(f.Sources, s) {
				later = f.ID
			}
			break
		}
	}
	return later
}

// linkLen is the characters a link line takes in a field value, with its
// line break.
func linkLen(link string) int {
	if link == "" {
		return 0
	}
	return runeLen(link) + 1
}

// quotedWithin reports whether another source quotes the same document at
// greater length, taking s in: an answer built from several facts then
// shows each passage once.
func quotedWithin(s facts.Source, all []facts.Source) bool {
	for _, t := range all {
		if t != s && t.Doc == s.Doc && strings.Contains(t.Quote, s.Quote) {
			return true
		}
	}
	return false
}
