package commands

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on what a bot sends, in characters (counted as runes)
// unless said otherwise. Our own, smaller caps live beside the code that
// sets them.
const (
	maxContent      = 2000
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxEmbedTotal   = 6000 // all the embeds of one message together
	maxButtonLabel  = 80
	maxCustomID     = 100
	maxChoiceLen    = 100
	maxChoicesLimit = 25

	// MaxEmbeds is how many embeds one message may carry.
	MaxEmbeds = 10
	// MaxEmbedTotal is the characters of all embeds of one message together.
	MaxEmbedTotal = maxEmbedTotal
	// MaxNonce is the longest nonce a message may carry, in bytes.
	MaxNonce = 25
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

// EmbedLen is what Discord counts towards an embed's 6000 characters.
func EmbedLen(e *discordgo.MessageEmbed) int {
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

// FitEmbed keeps an embed within Discord's limits, shortening the parts
// read last first: the last fields, then the description. Fields that
// cannot be shortened enough are dropped rather than have Discord reject
// the whole answer.
func FitEmbed(e *discordgo.MessageEmbed) {
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
	over := EmbedLen(e) - maxEmbedTotal
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

// noMentions allows no mention of any kind: the bot quotes users'
// questions and sources, and must never ping anyone with them. A fresh
// value each time, so no caller can change what the next send allows.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// The Shape functions are the one rule for everything the bot sends:
// no mention of anyone, and within Discord's limits. The bot's single way
// out (bot/out.go) calls them on every response, edit, message and DM.

// ShapeResponse makes an interaction response safe to send.
func ShapeResponse(resp *discordgo.InteractionResponse) {
	if resp == nil || resp.Type == discordgo.InteractionResponsePong {
		return
	}
	if resp.Data == nil {
		resp.Data = &discordgo.InteractionResponseData{}
	}
	d := resp.Data
	d.AllowedMentions = noMentions()
	d.Content = truncate(d.Content, maxContent)
	fitEmbeds(d.Embeds)
	if len(d.Embeds) > MaxEmbeds {
		d.Embeds = d.Embeds[:MaxEmbeds]
	}
	if len(d.Choices) > maxChoicesLimit {
		d.Choices = d.Choices[:maxChoicesLimit]
	}
	for _, c := range d.Choices {
		c.Name = truncate(c.Name, maxChoiceLen)
		if s, ok := c.Value.(string); ok {
			c.Value = truncateRunes(s, maxChoiceLen)
		}
	}
}

// ShapeMessage makes a channel message or a DM safe to send.
func ShapeMessage(m *discordgo.MessageSend) {
	m.AllowedMentions = noMentions()
	m.Content = truncate(m.Content, maxContent)
	fitEmbeds(m.Embeds)
	if len(m.Embeds) > MaxEmbeds {
		m.Embeds = m.Embeds[:MaxEmbeds]
	}
}

// ShapeEdit makes the edit of a deferred answer safe to send.
func ShapeEdit(e *discordgo.WebhookEdit) {
	e.AllowedMentions = noMentions()
	if e.Content != nil {
		c := truncate(*e.Content, maxContent)
		e.Content = &c
	}
	if e.Embeds != nil {
		fitEmbeds(*e.Embeds)
		if len(*e.Embeds) > MaxEmbeds {
			es := (*e.Embeds)[:MaxEmbeds]
			e.Embeds = &es
		}
	}
}

func fitEmbeds(es []*discordgo.MessageEmbed) {
	for _, e := range es {
		FitEmbed(e)
	}
}
