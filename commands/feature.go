package commands

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// What a feature package (reminders) uses to answer the way the built-in
// commands do: it registers its handlers with HandleCommand and
// HandleAutocomplete, builds Messages and UserErrors, and writes commands
// and dates as they read in the user's language.

// Permissions are what the built-in commands ask of a server: to see a
// channel and reply there to a mention, with embeds and the charts /trade
// and /exchanges attach.
const Permissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
	discordgo.PermissionEmbedLinks | discordgo.PermissionAttachFiles

// EmbedColor is the blue of the Taegukgi, so every answer of the bot is
// recognisable.
const EmbedColor = embedColor

// CommandData is the command (or autocomplete) interaction's data.
func (q *Request) CommandData() discordgo.ApplicationCommandInteractionData { return q.data }

// Reply answers an interaction with a new message.
func Reply(m Message) *discordgo.InteractionResponse { return reply(m) }

// Send is m as a channel message.
func (m Message) Send() *discordgo.MessageSend { return m.send() }

// Inline makes user input safe to quote inside `code`: one line, no
// backticks, short.
func Inline(s string) string { return inline(s) }

// Truncate shortens s to at most n characters, ending with "…" when it
// cuts, preferably at a space.
func Truncate(s string, n int) string { return truncate(s, n) }

// MonthDay writes a day of the year without the year in lang.
func MonthDay(month, day int, lang facts.Lang) string { return monthDay(month, day, lang) }

// OnThisDayTitle is the title of /onthisday's answer, which a scheduled
// "on this day" post shares.
func OnThisDayTitle(lang facts.Lang, month, day int) string {
	return tr(lang, msgOnThisDayTitle, monthDay(month, day, lang))
}

// FactMention is "/fact id:<id>" for a reader in lang.
func FactMention(lang facts.Lang, id string) string {
	return commandMention(txtFact, lang, &txtID, id)
}

// TimelineMention is "/timeline from:<from> to:<to>" for a reader in lang.
func TimelineMention(lang facts.Lang, from, to string) string {
	return commandMention(txtTimeline, lang, &txtFrom, from) + " " + txtTo.Name.In(lang) + ":" + to
}

// DateOption is the name of the built-in commands' date option, which a
// feature's own date option shares.
func DateOption() facts.Text { return txtDay.Name }

// UnknownCommand is the error for a command or subcommand the bot does not
// have: a forged or stale interaction.
func UnknownCommand(lang facts.Lang) error {
	return userErr(lang, msgUnknownCommand, commandMention(txtHelp, lang, nil, ""))
}

// Catalogue holds a package's texts in English, Korean and Russian,
// indexed by the package's own message ids, so that a missing translation
// is a test failure (Check), not a blank message.
type Catalogue[ID ~int] []facts.Text

// T is the text id in lang, formatted with args.
func (c Catalogue[ID]) T(lang facts.Lang, id ID, args ...any) string {
	s := c[id].In(lang)
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

var formatVerbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Check reports a catalogue that lacks one of its count texts, a text
// missing a language, or a translation whose format verbs differ from the
// English (explicit argument indexes let a language reorder them).
func (c Catalogue[ID]) Check(count ID) []error {
	var errs []error
	if len(c) != int(count) {
		errs = append(errs, fmt.Errorf("%d texts for %d message ids", len(c), count))
	}
	for id, text := range c {
		if text.EN == "" || text.KO == "" || text.RU == "" {
			errs = append(errs, fmt.Errorf("message %d lacks a translation: %+v", id, text))
			continue
		}
		want := formatVerbs.FindAllString(text.EN, -1)
		slices.Sort(want)
		for _, s := range []string{text.KO, text.RU} {
			got := formatVerbs.FindAllString(s, -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				errs = append(errs, fmt.Errorf("message %d: verbs %v, English has %v: %q", id, got, want, s))
			}
		}
	}
	return errs
}
