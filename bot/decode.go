package bot

import (
	"github.com/bwmarrin/discordgo"
	// The v1 semantics of encoding/json/v2 (stable in Go 1.27), which read
	// an interaction in half the time encoding/json takes.
	json "github.com/go-json-experiment/json/v1"
)

// plainInteraction has discordgo.Interaction's fields without its
// UnmarshalJSON, which reads the body twice: once with "data" kept raw,
// then "data" again by the interaction's type.
type plainInteraction discordgo.Interaction

// commandInteraction reads a command or an autocomplete, which are nearly
// every interaction, in one pass: the outer Data is shallower than the
// embedded one, so encoding/json fills it.
type commandInteraction struct {
	plainInteraction
	Data *discordgo.ApplicationCommandInteractionData `json:"data"`
}

// decodeInteraction reads an interaction as discordgo.Interaction's
// UnmarshalJSON does, in one pass for commands and autocompletes; other
// types (a button, a modal, a ping) are read by discordgo itself.
func decodeInteraction(body []byte, i *discordgo.Interaction) error {
	var c commandInteraction
	// Without "data" (or with null, which discordgo reads differently)
	// it is left to discordgo, error and all.
	if err := json.Unmarshal(body, &c); err == nil && c.Data != nil &&
		(c.Type == discordgo.InteractionApplicationCommand || c.Type == discordgo.InteractionApplicationCommandAutocomplete) {
		*i = discordgo.Interaction(c.plainInteraction)
		i.Data = *c.Data
		return nil
	}
	return i.UnmarshalJSON(body)
}
