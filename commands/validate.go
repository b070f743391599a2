package commands

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// isDiscordName is Discord's rule for chat-input command and option names
// (and their localizations), ^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$;
// lower case, where the script has case, is checked apart. Written out
// rather than compiled: the regexp cost every start 1.8 ms and 1.2 MB.
func isDiscordName(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if n > 32 || !(r == '-' || r == '_' || r == '\'' || unicode.In(r, unicode.L, unicode.N, unicode.Devanagari, unicode.Thai)) {
			return false
		}
	}
	return n > 0
}

// declaredLocales are the locales every declaration must localize.
var declaredLocales = []discordgo.Locale{discordgo.Korean, discordgo.Russian}

// Validate checks declarations against Discord's rules for commands,
// options and choices, and against ours (every name and description
// localized in Korean and Russian), so that a mistake is found before the
// bulk overwrite that Discord would refuse whole. Subcommands are checked
// as commands of their own.
func Validate(cmds []*discordgo.ApplicationCommand) error {
	v := &validator{}
	seen := map[string]bool{}
	for _, c := range cmds {
		key := fmt.Sprint(c.Type, c.Name)
		if seen[key] {
			v.errorf("command %q declared twice", c.Name)
		}
		seen[key] = true
		if c.NameLocalizations == nil {
			v.errorf("%s: no name localizations", c.Name)
			continue
		}
		switch c.Type {
		case discordgo.ChatApplicationCommand:
			v.name(c.Name, c.Name)
			v.description(c.Name, c.Description)
			v.localized(c.Name, *c.NameLocalizations, func(s string) { v.name(c.Name, s) })
			if c.DescriptionLocalizations == nil {
				v.errorf("%s: no description localizations", c.Name)
			} else {
				v.localized(c.Name, *c.DescriptionLocalizations, func(s string) { v.description(c.Name, s) })
			}
			v.options(c)
		case discordgo.MessageApplicationCommand, discordgo.UserApplicationCommand:
			if n := utf8.RuneCountInString(c.Name); n < 1 || n > 32 {
				v.errorf("context menu command %q is %d characters", c.Name, n)
			}
			if c.Description != "" || len(c.Options) > 0 {
				v.errorf("context menu command %q has a description or options", c.Name)
			}
			v.localized(c.Name, *c.NameLocalizations, func(s string) {
				if n := utf8.RuneCountInString(s); n > 32 {
					v.errorf("%s: localized name %q is %d characters", c.Name, s, n)
				}
			})
		default:
			v.errorf("%s: unexpected command type %d", c.Name, c.Type)
		}
	}
	return errors.Join(v.errs...)
}

type validator struct{ errs []error }

func (v *validator) errorf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (v *validator) name(where, name string) {
	if !isDiscordName(name) {
		v.errorf("%s: name %q does not match Discord's name pattern", where, name)
	}
	if strings.ToLower(name) != name {
		v.errorf("%s: name %q is not lower case", where, name)
	}
}

func (v *validator) description(where, d string) {
	if n := utf8.RuneCountInString(d); n < 1 || n > 100 {
		v.errorf("%s: description %q is %d characters, want 1–100", where, d, n)
	}
}

func (v *validator) localized(where string, m map[discordgo.Locale]string, check func(string)) {
	for _, l := range declaredLocales {
		s, ok := m[l]
		if !ok || s == "" {
			v.errorf("%s: no %s localization", where, l)
			continue
		}
		check(s)
	}
}

func (v *validator) options(c *discordgo.ApplicationCommand) {
	if len(c.Options) > 25 {
		v.errorf("%s: %d options, Discord allows 25", c.Name, len(c.Options))
	}
	// Discord caps the combined length of a command's name, description,
	// and its options' (and subcommands' options') names, descriptions and
	// choice names and values, in each locale.
	for _, lang := range []discordgo.Locale{"", discordgo.Korean, discordgo.Russian} {
		pick := func(def string, m map[discordgo.Locale]string) string {
			if s, ok := m[lang]; ok && lang != "" {
				return s
			}
			return def
		}
		total := utf8.RuneCountInString(pick(c.Name, *c.NameLocalizations)) + utf8.RuneCountInString(pick(c.Description, *c.DescriptionLocalizations))
		var walk func([]*discordgo.ApplicationCommandOption)
		walk = func(opts []*discordgo.ApplicationCommandOption) {
			for _, o := range opts {
				total += utf8.RuneCountInString(pick(o.Name, o.NameLocalizations)) + utf8.RuneCountInString(pick(o.Description, o.DescriptionLocalizations))
				for _, ch := range o.Choices {
					total += utf8.RuneCountInString(pick(ch.Name, ch.NameLocalizations)) + utf8.RuneCountInString(fmt.Sprint(ch.Value))
				}
				walk(o.Options)
			}
		}
		walk(c.Options)
		if total > 4000 {
			v.errorf("%s (%q): %d characters in all, Discord allows 4000", c.Name, lang, total)
		}
	}
	optional := false
	names := map[string]bool{}
	for _, o := range c.Options {
		where := c.Name + "." + o.Name
		v.name(where, o.Name)
		v.description(where, o.Description)
		v.localized(where, o.NameLocalizations, func(s string) {
			v.name(where, s)
			if names[s] {
				v.errorf("%s: localized name %q used twice in the command", where, s)
			}
			names[s] = true
		})
		v.localized(where, o.DescriptionLocalizations, func(s string) { v.description(where, s) })
		if names[o.Name] {
			v.errorf("%s: option name used twice", where)
		}
		names[o.Name] = true
		if o.Required && optional {
			v.errorf("%s: required option after an optional one", where)
		}
		optional = optional || !o.Required
		if o.Autocomplete && len(o.Choices) > 0 {
			v.errorf("%s: autocomplete and choices are exclusive", where)
		}
		if len(o.Choices) > 25 {
			v.errorf("%s: %d choices, Discord allows 25", where, len(o.Choices))
		}
		if o.MaxLength < 0 || o.MaxLength > 6000 {
			v.errorf("%s: max_length %d", where, o.MaxLength)
		}
		if (o.MinValue != nil || o.MaxValue != 0) && o.Type != discordgo.ApplicationCommandOptionInteger && o.Type != discordgo.ApplicationCommandOptionNumber {
			v.errorf("%s: min/max value on a non-number option", where)
		}
		for _, ch := range o.Choices {
			cw := where + "=" + ch.Name
			if s, ok := ch.Value.(string); ok && (s == "" || utf8.RuneCountInString(s) > 100) || ch.Name == "" || utf8.RuneCountInString(ch.Name) > 100 {
				v.errorf("%s: bad choice %q = %v", cw, ch.Name, ch.Value)
			}
			v.localized(cw, ch.NameLocalizations, func(s string) {
				if n := utf8.RuneCountInString(s); n < 1 || n > 100 {
					v.errorf("%s: localized choice name %q", cw, s)
				}
			})
		}
		if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			v.options(&discordgo.ApplicationCommand{
				Name: c.Name + " " + o.Name, Options: o.Options,
				NameLocalizations: &o.NameLocalizations, DescriptionLocalizations: &o.DescriptionLocalizations,
			})
		}
	}
}
