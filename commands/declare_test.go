package commands

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// Discord's rule for chat-input command and option names (and their
// localizations): 1–32 of these, and lower case where the script has case.
var discordName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

var locales = []discordgo.Locale{discordgo.Korean, discordgo.Russian}

func checkName(t *testing.T, where, name string) {
	t.Helper()
	if !discordName.MatchString(name) {
		t.Errorf("%s: name %q does not match Discord's name pattern", where, name)
	}
	if strings.ToLower(name) != name {
		t.Errorf("%s: name %q is not lower case", where, name)
	}
}

func checkDescription(t *testing.T, where, d string) {
	t.Helper()
	if n := utf8.RuneCountInString(d); n < 1 || n > 100 {
		t.Errorf("%s: description %q is %d characters, want 1–100", where, d, n)
	}
}

func checkLocalized(t *testing.T, where string, m map[discordgo.Locale]string, check func(string)) {
	t.Helper()
	for _, l := range locales {
		v, ok := m[l]
		if !ok || v == "" {
			t.Errorf("%s: no %s localization", where, l)
			continue
		}
		check(v)
	}
}

func TestCommandDeclarations(t *testing.T) {
	b, _ := embedded(t)
	cmds := Commands(b)

	var chat, msg int
	seen := map[string]bool{}
	for _, c := range cmds {
		key := string(rune('0'+c.Type)) + c.Name
		if seen[key] {
			t.Errorf("command %q declared twice", c.Name)
		}
		seen[key] = true
		if c.NameLocalizations == nil {
			t.Errorf("%s: no name localizations", c.Name)
			continue
		}
		// /reminders configures a server, so it is guild-only
		// (reminders_test.go checks it).
		if c.Name != cmdReminders && (c.Contexts == nil || !slices.Contains(*c.Contexts, discordgo.InteractionContextGuild) || !slices.Contains(*c.Contexts, discordgo.InteractionContextBotDM)) {
			t.Errorf("%s: not usable in both guilds and DMs", c.Name)
		}
		if c.Name != cmdReminders && (c.DMPermission == nil || !*c.DMPermission) {
			t.Errorf("%s: DMs not permitted", c.Name)
		}
		switch c.Type {
		case discordgo.ChatApplicationCommand:
			chat++
			checkName(t, c.Name, c.Name)
			checkDescription(t, c.Name, c.Description)
			checkLocalized(t, c.Name, *c.NameLocalizations, func(s string) { checkName(t, c.Name, s) })
			if c.DescriptionLocalizations == nil {
				t.Errorf("%s: no description localizations", c.Name)
			} else {
				checkLocalized(t, c.Name, *c.DescriptionLocalizations, func(s string) { checkDescription(t, c.Name, s) })
			}
			checkOptions(t, c)
		case discordgo.MessageApplicationCommand:
			msg++
			if n := utf8.RuneCountInString(c.Name); n < 1 || n > 32 {
				t.Errorf("message command %q is %d characters", c.Name, n)
			}
			if c.Description != "" || len(c.Options) > 0 {
				t.Errorf("message command %q has a description or options", c.Name)
			}
			checkLocalized(t, c.Name, *c.NameLocalizations, func(s string) {
				if n := utf8.RuneCountInString(s); n > 32 {
					t.Errorf("%s: localized name %q is %d characters", c.Name, s, n)
				}
			})
		default:
			t.Errorf("%s: unexpected command type %d", c.Name, c.Type)
		}
	}
	if chat != 10 || msg != 1 {
		t.Errorf("%d slash and %d message commands, want 10 and 1", chat, msg)
	}
	if loc := (*cmds[len(cmds)-1].NameLocalizations); loc[discordgo.Korean] != "Nine Bridges에 묻기" || loc[discordgo.Russian] != "Спросить Nine Bridges" {
		t.Errorf("message command localizations = %v", loc)
	}

	// Every command has a handler, and every handler a command.
	r, _ := newRouter(t)
	for _, c := range cmds {
		if r.commands[c.Name] == nil {
			t.Errorf("command %q has no handler", c.Name)
		}
	}
	if len(r.commands) != len(cmds) {
		t.Errorf("%d handlers for %d commands", len(r.commands), len(cmds))
	}

	// The declarations survive the trip to Discord and back.
	data, err := json.Marshal(cmds)
	if err != nil {
		t.Fatal(err)
	}
	var back []*discordgo.ApplicationCommand
	if err := json.Unmarshal(data, &back); err != nil || len(back) != len(cmds) {
		t.Fatalf("round trip: %v (%d commands)", err, len(back))
	}
}

func checkOptions(t *testing.T, c *discordgo.ApplicationCommand) {
	t.Helper()
	if len(c.Options) > 25 {
		t.Errorf("%s: %d options, Discord allows 25", c.Name, len(c.Options))
	}
	// Discord caps the combined length of a command's name, description,
	// and its options' names, descriptions and choice names and values, in
	// each locale.
	for _, lang := range []discordgo.Locale{"", discordgo.Korean, discordgo.Russian} {
		pick := func(def string, m map[discordgo.Locale]string) string {
			if v, ok := m[lang]; ok && lang != "" {
				return v
			}
			return def
		}
		total := utf8.RuneCountInString(pick(c.Name, *c.NameLocalizations)) + utf8.RuneCountInString(pick(c.Description, *c.DescriptionLocalizations))
		for _, o := range c.Options {
			total += utf8.RuneCountInString(pick(o.Name, o.NameLocalizations)) + utf8.RuneCountInString(pick(o.Description, o.DescriptionLocalizations))
			for _, ch := range o.Choices {
				total += utf8.RuneCountInString(pick(ch.Name, ch.NameLocalizations)) + utf8.RuneCountInString(ch.Value.(string))
			}
		}
		if total > 4000 {
			t.Errorf("%s (%q): %d characters in all, Discord allows 4000", c.Name, lang, total)
		}
	}
	optional := false
	names := map[string]bool{}
	for _, o := range c.Options {
		where := c.Name + "." + o.Name
		checkName(t, where, o.Name)
		checkDescription(t, where, o.Description)
		checkLocalized(t, where, o.NameLocalizations, func(s string) {
			checkName(t, where, s)
			if names[s] {
				t.Errorf("%s: localized name %q used twice in the command", where, s)
			}
			names[s] = true
		})
		checkLocalized(t, where, o.DescriptionLocalizations, func(s string) { checkDescription(t, where, s) })
		if names[o.Name] {
			t.Errorf("%s: option name used twice", where)
		}
		names[o.Name] = true
		if o.Required && optional {
			t.Errorf("%s: required option after an optional one", where)
		}
		optional = optional || !o.Required
		if o.Autocomplete && len(o.Choices) > 0 {
			t.Errorf("%s: autocomplete and choices are exclusive", where)
		}
		if len(o.Choices) > 25 {
			t.Errorf("%s: %d choices, Discord allows 25", where, len(o.Choices))
		}
		if o.MaxLength < 0 || o.MaxLength > 6000 {
			t.Errorf("%s: max_length %d", where, o.MaxLength)
		}
		if (o.MinValue != nil || o.MaxValue != 0) && o.Type != discordgo.ApplicationCommandOptionInteger && o.Type != discordgo.ApplicationCommandOptionNumber {
			t.Errorf("%s: min/max value on a non-number option", where)
		}
		for _, ch := range o.Choices {
			cw := where + "=" + ch.Name
			v, ok := ch.Value.(string)
			if !ok || v == "" || utf8.RuneCountInString(v) > 100 || utf8.RuneCountInString(ch.Name) > 100 || ch.Name == "" {
				t.Errorf("%s: bad choice %q = %v", cw, ch.Name, ch.Value)
			}
			checkLocalized(t, cw, ch.NameLocalizations, func(s string) {
				if n := utf8.RuneCountInString(s); n < 1 || n > 100 {
					t.Errorf("%s: localized choice name %q", cw, s)
				}
			})
		}
	}
}

func TestSpecificOptions(t *testing.T) {
	b, _ := embedded(t)
	byName := map[string]*discordgo.ApplicationCommand{}
	for _, c := range Commands(b) {
		byName[c.Name] = c
	}
	ask := byName[cmdAsk].Options[0]
	if ask.Name != optQuestion || !ask.Required || !ask.Autocomplete || ask.MaxLength != 300 || ask.Type != discordgo.ApplicationCommandOptionString {
		t.Errorf("/ask question = %+v", ask)
	}
	id := byName[cmdFact].Options[0]
	if id.Name != optID || !id.Required || !id.Autocomplete {
		t.Errorf("/fact id = %+v", id)
	}
	topic := byName[cmdTimeline].Options[2]
	var values []string
	for _, ch := range topic.Choices {
		values = append(values, ch.Value.(string))
	}
	if !slices.Equal(values, b.Topics()) {
		t.Errorf("/timeline topic choices %v, want the base's topics %v", values, b.Topics())
	}
	for _, name := range []string{cmdTrade, cmdExchanges} {
		y := byName[name].Options[0]
		if y.Name != optYear || y.Type != discordgo.ApplicationCommandOptionInteger || y.Required {
			t.Errorf("/%s year = %+v", name, y)
		}
	}
	if o := byName[cmdOnThisDay].Options; len(o) != 1 || o[0].Name != optDate || o[0].Required {
		t.Errorf("/onthisday options = %+v", o)
	}
	for _, name := range []string{cmdSources, cmdAbout, cmdHelp} {
		if len(byName[name].Options) != 0 {
			t.Errorf("/%s has options", name)
		}
	}
}

func TestCatalogue(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	for id, text := range catalogue {
		if text.EN == "" || text.KO == "" || text.RU == "" {
			t.Errorf("message %d lacks a translation: %+v", id, text)
			continue
		}
		want := verbs.FindAllString(text.EN, -1)
		slices.Sort(want)
		for _, s := range []string{text.KO, text.RU} {
			got := verbs.FindAllString(s, -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("message %d: verbs %v, English has %v: %q", id, got, want, s)
			}
		}
	}
}

func TestEveryTopicHasALabel(t *testing.T) {
	b, _ := embedded(t)
	for _, topic := range b.Topics() {
		tx, ok := topicNames[topic]
		if !ok || tx.EN == "" || tx.KO == "" || tx.RU == "" {
			t.Errorf("topic %q has no label in every language", topic)
		}
	}
	for _, l := range facts.Langs {
		if got := topicName("brand-new", l); got != "brand-new" {
			t.Errorf("unknown topic shown as %q", got)
		}
	}
}
