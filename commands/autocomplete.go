package commands

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// completing holds what the built-in commands' autocomplete needs.
type completing struct {
	base *facts.Base
	m    Answerer
}

// autocomplete suggests values for the option being typed. Only /ask and
// /fact have autocompleted options; anything else gets no choices.
func (c *completing) autocomplete(req *Request) []*discordgo.ApplicationCommandOptionChoice {
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range req.data.Options {
		if o.Focused {
			focused = o
		}
	}
	if focused == nil {
		return nil
	}
	input, _ := focused.Value.(string)
	switch {
	case req.data.Name == cmdAsk && focused.Name == optQuestion:
		return c.completeQuestion(input, req.Lang)
	case req.data.Name == cmdFact && focused.Name == optID:
		return c.completeFact(input, req.Lang)
	}
	return nil
}

// completeQuestion offers phrasings of facts. While the box is empty they
// are a spread of popular questions in the user's locale; once typing
// starts, in the language being typed.
func (c *completing) completeQuestion(input string, lang facts.Lang) []*discordgo.ApplicationCommandOptionChoice {
	input = strings.TrimSpace(input)
	if input != "" {
		lang = match.DetectLang(input)
	}
	var out []*discordgo.ApplicationCommandOptionChoice
	seen := map[string]bool{}
	for _, c := range c.m.Complete(input, lang, maxChoices) {
		// The value is what gets asked: cut to Discord's 100 characters
		// at a rune boundary, never with an added "…".
		v := truncateRunes(c.Question, maxChoiceLen)
		if seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: truncate(c.Question, maxChoiceLen), Value: v})
	}
	return out
}

// completeFact offers facts by id and by title in the user's locale: ids
// and titles that start with the input first, then those containing it,
// then what the matcher finds for it as a question.
func (c *completing) completeFact(input string, lang facts.Lang) []*discordgo.ApplicationCommandOptionChoice {
	q := strings.ToLower(strings.TrimSpace(input))
	var out []*discordgo.ApplicationCommandOptionChoice
	seen := map[string]bool{}
	add := func(f *facts.Fact) {
		if f == nil || seen[f.ID] || len(out) == maxChoices {
			return
		}
		seen[f.ID] = true
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: factChoiceName(f, lang), Value: f.ID})
	}
	if q == "" {
		for _, hit := range c.m.Complete("", lang, maxChoices) {
			f, _ := c.base.Fact(hit.FactID)
			add(f)
		}
		return out
	}
	titles := func(f *facts.Fact) []string {
		return []string{strings.ToLower(f.ID), strings.ToLower(f.Title.In(lang)), strings.ToLower(f.Title.EN)}
	}
	for _, f := range c.base.Facts() {
		for _, t := range titles(f) {
			if strings.HasPrefix(t, q) {
				add(f)
			}
		}
	}
	for _, f := range c.base.Facts() {
		for _, t := range titles(f) {
			if strings.Contains(t, q) {
				add(f)
			}
		}
	}
	if len(out) < maxChoices {
		for _, hit := range c.m.Complete(input, "", maxChoices) {
			f, _ := c.base.Fact(hit.FactID)
			add(f)
		}
	}
	return out
}

// factChoiceName is "Title (id)", the title cut so the id always shows:
// two facts may share a title in some language.
func factChoiceName(f *facts.Fact, lang facts.Lang) string {
	suffix := " (" + f.ID + ")"
	if runeLen(suffix) >= maxChoiceLen/2 {
		return truncate(f.Title.In(lang), maxChoiceLen)
	}
	return truncate(f.Title.In(lang), maxChoiceLen-runeLen(suffix)) + suffix
}
