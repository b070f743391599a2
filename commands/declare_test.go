package commands

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

func TestCommandDeclarations(t *testing.T) {
	b, _ := embedded(t)
	cmds := Commands(b)
	if err := Validate(cmds); err != nil {
		t.Error(err)
	}
	var chat, msg int
	for _, c := range cmds {
		if c.Contexts == nil || !slices.Contains(*c.Contexts, discordgo.InteractionContextGuild) || !slices.Contains(*c.Contexts, discordgo.InteractionContextBotDM) {
			t.Errorf("%s: not usable in both guilds and DMs", c.Name)
		}
		switch c.Type {
		case discordgo.ChatApplicationCommand:
			chat++
		case discordgo.MessageApplicationCommand:
			msg++
		}
	}
	// /reminders is declared by its own package (reminders.Command).
	if chat != 9 || msg != 1 {
		t.Errorf("%d slash and %d message commands, want 9 and 1", chat, msg)
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

// Validate finds each kind of mistake Discord would refuse.
func TestValidateFindsMistakes(t *testing.T) {
	good := func() *discordgo.ApplicationCommand {
		return txtAsk.Command(txtQuestion.Option(discordgo.ApplicationCommandOptionString, true))
	}
	for _, tt := range []struct {
		name   string
		break_ func(c *discordgo.ApplicationCommand)
		want   string
	}{
		{"upper case", func(c *discordgo.ApplicationCommand) { c.Name = "Ask" }, "not lower case"},
		{"space in a name", func(c *discordgo.ApplicationCommand) { c.Options[0].Name = "a question" }, "name pattern"},
		{"long description", func(c *discordgo.ApplicationCommand) { c.Description = strings.Repeat("x", 101) }, "want 1–100"},
		{"no Korean", func(c *discordgo.ApplicationCommand) { delete(*c.NameLocalizations, discordgo.Korean) }, "no Korean localization"},
		{"required after optional", func(c *discordgo.ApplicationCommand) {
			c.Options = append([]*discordgo.ApplicationCommandOption{txtYear.Option(discordgo.ApplicationCommandOptionInteger, false)}, c.Options...)
		}, "required option after an optional one"},
		{"autocomplete with choices", func(c *discordgo.ApplicationCommand) {
			c.Options[0].Autocomplete = true
			c.Options[0].Choices = []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a", NameLocalizations: Localized(facts.Text{EN: "a"})}}
		}, "exclusive"},
		{"too long in all", func(c *discordgo.ApplicationCommand) {
			for k := range 25 {
				o := txtQuestion.Option(discordgo.ApplicationCommandOptionString, false)
				o.Name = fmt.Sprintf("q%d", k)
				o.Description = strings.Repeat("d", 100)
				for n := range 25 {
					o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: strings.Repeat("c", 90) + fmt.Sprint(n), Value: "v", NameLocalizations: Localized(facts.Text{EN: "c"})})
				}
				c.Options = append(c.Options, o)
			}
		}, "Discord allows 4000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := Validate([]*discordgo.ApplicationCommand{good()}); err != nil {
				t.Fatalf("the good declaration fails: %v", err)
			}
			c := good()
			tt.break_(c)
			err := Validate([]*discordgo.ApplicationCommand{c})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v, want %q", err, tt.want)
			}
		})
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
	for _, err := range catalogue.Check(msgCount) {
		t.Error(err)
	}
}
