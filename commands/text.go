package commands

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on a message, in characters (we count runes).
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedTotal  = 6000
	maxButtonLabel = 80
	maxCustomID    = 100
)

const ellipsis = "…"

// truncateRunes cuts s to at most n runes, never inside a rune.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// truncate shortens s to at most n runes, ending with "…" when it cuts.
// It prefers to cut at a space near the end so that a word is not split.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 1 {
		return truncateRunes(ellipsis, n)
	}
	cut := truncateRunes(s, n-1)
	if i := strings.LastIndexAny(cut, " \n"); i > 0 && utf8.RuneCountInString(cut[i:]) <= 15 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " \n,;:") + ellipsis
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// embedLen is what Discord counts towards an embed's 6000 characters.
func embedLen(e *discordgo.MessageEmbed) int {
	n := runeLen(e.Title) + runeLen(e.Description)
	for _, f := range e.Fields {
		n += runeLen(f.Name) + runeLen(f.Value)
	}
	if e.Footer != nil {
		n += runeLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += runeLen(e.Author.Name)
	}
	return n
}

// fitEmbed keeps an embed within Discord's limits, shortening the parts
// read last first: the last fields, then the description. Fields that
// cannot be shortened enough are dropped rather than have Discord reject
// the whole answer.
func fitEmbed(e *discordgo.MessageEmbed) {
	if e == nil {
		return
	}
	e.Title = truncate(e.Title, maxTitle)
	e.Description = truncate(e.Description, maxDescription)
	if e.Footer != nil {
		e.Footer.Text = truncate(e.Footer.Text, maxFooter)
	}
	if e.Author != nil {
		e.Author.Name = truncate(e.Author.Name, maxTitle)
	}
	if len(e.Fields) > maxFields {
		e.Fields = e.Fields[:maxFields]
	}
	for _, f := range e.Fields {
		f.Name = truncate(f.Name, maxFieldName)
		f.Value = truncate(f.Value, maxFieldValue)
	}
	over := embedLen(e) - maxEmbedTotal
	for i := len(e.Fields) - 1; i >= 0 && over > 0; i-- {
		f := e.Fields[i]
		keep := max(runeLen(f.Value)-over, 40)
		before := runeLen(f.Value)
		f.Value = truncate(f.Value, keep)
		over -= before - runeLen(f.Value)
	}
	if over > 0 {
		before := runeLen(e.Description)
		e.Description = truncate(e.Description, max(before-over, 1))
		over -= before - runeLen(e.Description)
	}
	for over > 0 && len(e.Fields) > 0 {
		f := e.Fields[len(e.Fields)-1]
		e.Fields = e.Fields[:len(e.Fields)-1]
		over -= runeLen(f.Name) + runeLen(f.Value)
	}
}

// mentionRE matches Discord's mention and custom emoji syntax.
var mentionRE = regexp.MustCompile(`<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|(?:^|\s)@(?:everyone|here)\b`)

// cleanQuestion removes mentions from a question before matching: they
// are never part of what is asked, and they drown out short questions.
func cleanQuestion(s string) string {
	return strings.Join(strings.Fields(mentionRE.ReplaceAllString(s, " ")), " ")
}

// inline makes user input safe to quote inside `code`: one line, no
// backticks, short.
func inline(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "'")), " ")
	return truncate(s, 60)
}

// quote collapses a source quote's white space, as the fact checker
// compares it, and puts it in typographic quotes.
func quote(s string, max int) string {
	return "“" + truncate(strings.Join(strings.Fields(s), " "), max-2) + "”"
}
