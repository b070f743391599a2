package bot

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// interactionBodies are interactions as Discord sends them, one of each
// kind the bot takes.
func interactionBodies(t testing.TB) map[string][]byte {
	names, err := filepath.Glob("testdata/interactions/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no interactions in testdata/interactions: %v", err)
	}
	bodies := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		bodies[filepath.Base(n)] = b
	}
	return bodies
}

// decodedAsDiscordgo fails t unless decodeInteraction reads body exactly
// as discordgo.Interaction's own UnmarshalJSON does.
func decodedAsDiscordgo(t *testing.T, body []byte) (*discordgo.Interaction, bool) {
	t.Helper()
	var want, got discordgo.Interaction
	wantErr := want.UnmarshalJSON(body)
	gotErr := decodeInteraction(body, &got)
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("decodeInteraction error %v, discordgo's %v, on %q", gotErr, wantErr, body)
	}
	if wantErr != nil {
		return nil, false
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeInteraction read\n%#v\ndiscordgo read\n%#v\nfrom %q", got, want, body)
	}
	return &got, true
}

func TestDecodeInteractionAsDiscordgo(t *testing.T) {
	wantType := map[string]discordgo.InteractionType{
		"autocomplete.json":  discordgo.InteractionApplicationCommandAutocomplete,
		"button.json":        discordgo.InteractionMessageComponent,
		"command_dm.json":    discordgo.InteractionApplicationCommand,
		"command_guild.json": discordgo.InteractionApplicationCommand,
		"modal.json":         discordgo.InteractionModalSubmit,
		"ping.json":          discordgo.InteractionPing,
		"subcommand.json":    discordgo.InteractionApplicationCommand,
		"user_command.json":  discordgo.InteractionApplicationCommand,
	}
	bodies := interactionBodies(t)
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			i, ok := decodedAsDiscordgo(t, body)
			if !ok {
				t.Fatal("discordgo cannot read it")
			}
			if want, known := wantType[name]; !known || i.Type != want {
				t.Fatalf("type %v, want %v", i.Type, want)
			}
			if i.Type == discordgo.InteractionApplicationCommand && i.ApplicationCommandData().Name == "" {
				t.Fatal("command without its name")
			}
		})
	}
	if len(bodies) != len(wantType) {
		t.Errorf("%d bodies in testdata, %d expected", len(bodies), len(wantType))
	}
}

func FuzzDecodeInteraction(f *testing.F) {
	for _, body := range interactionBodies(f) {
		f.Add(body)
	}
	f.Add([]byte(`{"type":2,"data":{"name":"ask","options":[{"name":"q","type":3,"value":1}]}}`))
	f.Add([]byte(`{"type":2,"data":null}`))
	f.Add([]byte(`{"type":4,"data":{"custom_id":"x","components":[]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		decodedAsDiscordgo(t, body)
	})
}

// BenchmarkDecodeInteraction compares reading a guild /ask as discordgo
// does with decodeInteraction.
func BenchmarkDecodeInteraction(b *testing.B) {
	body := interactionBodies(b)["command_guild.json"]
	b.Run("discordgo", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var i discordgo.Interaction
			if err := i.UnmarshalJSON(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ninebridges", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var i discordgo.Interaction
			if err := decodeInteraction(body, &i); err != nil {
				b.Fatal(err)
			}
		}
	})
}
