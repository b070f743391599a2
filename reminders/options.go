package reminders

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// subOptions are the options of one subcommand.
type subOptions []*discordgo.ApplicationCommandInteractionDataOption

func subcommand(d discordgo.ApplicationCommandInteractionData) (string, subOptions) {
	for _, o := range d.Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			return o.Name, o.Options
		}
	}
	return "", nil
}

func (s subOptions) get(name string) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range s {
		if o.Name == name && o.Value != nil {
			return o
		}
	}
	return nil
}

// str is a string (or channel id) option, trimmed; "" when not given.
func (s subOptions) str(name string) string {
	o := s.get(name)
	if o == nil {
		return ""
	}
	if v, ok := o.Value.(string); ok {
		return strings.TrimSpace(v)
	}
	return strings.TrimSpace(fmt.Sprint(o.Value))
}

// boolean is a boolean option; Discord sends JSON booleans, the console
// text.
func (s subOptions) boolean(name string, lang facts.Lang) (value, given bool, err error) {
	o := s.get(name)
	if o == nil {
		return false, false, nil
	}
	switch v := o.Value.(type) {
	case bool:
		return v, true, nil
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "yes", "on", "1":
			return true, true, nil
		case "false", "no", "off", "0":
			return false, true, nil
		}
	}
	return false, false, userErr(lang, msgBadBool, name)
}

// parseClock accepts H:MM and HH:MM on a 24-hour clock.
func parseClock(s string) (int, int, bool) {
	hs, ms, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || strings.ContainsAny(hs+ms, "+-") {
		return 0, 0, false
	}
	return h, m, true
}

// parseKinds accepts kind names separated by commas, plus signs or spaces,
// as the choices' values are and as people type them.
func parseKinds(s string) ([]store.Kind, bool) {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ',' || r == '+' || r == ' ' })
	if len(fields) == 0 {
		return nil, false
	}
	var out []store.Kind
	for _, f := range fields {
		if f == "all" {
			return store.AllKinds(), true
		}
		k := store.Kind(f)
		if !k.Valid() {
			return nil, false
		}
		out = append(out, k)
	}
	return out, true
}
