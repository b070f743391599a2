package discordtest

import (
	"sort"

	"github.com/bwmarrin/discordgo"
)

// The builders below return interactions ready for [Server.SendInteraction]:
// fields they leave empty (id, token, guild, channel, member, command id, ...)
// are filled when the interaction is sent, so a test can still set GuildID,
// ChannelID, Member or User on the result first.

// SlashCommand builds a CHAT_INPUT application command interaction (type 2).
func (s *Server) SlashCommand(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{
			Name: name, CommandType: discordgo.ChatApplicationCommand, Options: options,
		},
	}
}

// Autocomplete builds an APPLICATION_COMMAND_AUTOCOMPLETE interaction
// (type 4). Mark the option being typed with [Focused].
func (s *Server) Autocomplete(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommandAutocomplete,
		Data: discordgo.ApplicationCommandInteractionData{
			Name: name, CommandType: discordgo.ChatApplicationCommand, Options: options,
		},
	}
}

// ButtonClick builds a MESSAGE_COMPONENT interaction (type 3) for a click on
// the button customID of msg. msg is typically a message the bot posted (from
// [Server.Messages]); if nil, a stub bot message is created when sent.
func (s *Server) ButtonClick(customID string, msg *discordgo.Message) *discordgo.Interaction {
	i := &discordgo.Interaction{
		Type: discordgo.InteractionMessageComponent,
		Data: discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
	if msg != nil {
		i.Message, i.ChannelID, i.GuildID = msg, msg.ChannelID, msg.GuildID
	}
	return i
}

// SelectMenu builds a MESSAGE_COMPONENT interaction (type 3) for a string
// select menu customID of msg with the chosen values.
func (s *Server) SelectMenu(customID string, values []string, msg *discordgo.Message) *discordgo.Interaction {
	i := s.ButtonClick(customID, msg)
	i.Data = discordgo.MessageComponentInteractionData{
		CustomID: customID, ComponentType: discordgo.SelectMenuComponent, Values: values,
	}
	return i
}

// MessageCommand builds a MESSAGE context-menu command interaction (type 2,
// command type 3) targeting msg, which is put in data.resolved.messages.
func (s *Server) MessageCommand(name string, target *discordgo.Message) *discordgo.Interaction {
	i := &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{
			Name: name, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID,
			Resolved: &discordgo.ApplicationCommandInteractionDataResolved{
				Messages: map[string]*discordgo.Message{target.ID: target},
			},
		},
		ChannelID: target.ChannelID,
		GuildID:   target.GuildID,
	}
	return i
}

// UserCommand builds a USER context-menu command interaction (type 2,
// command type 2) targeting user, which is put in data.resolved.users.
func (s *Server) UserCommand(name string, target *discordgo.User) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{
			Name: name, CommandType: discordgo.UserApplicationCommand, TargetID: target.ID,
			Resolved: &discordgo.ApplicationCommandInteractionDataResolved{
				Users: map[string]*discordgo.User{target.ID: target},
			},
		},
	}
}

// ModalSubmit builds a MODAL_SUBMIT interaction (type 5) for the modal
// customID, with one text input (in its own action row) per field, sorted by
// custom id.
func (s *Server) ModalSubmit(customID string, fields map[string]string) *discordgo.Interaction {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var rows []discordgo.MessageComponent
	for _, k := range keys {
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.TextInput{CustomID: k, Value: fields[k]},
		}})
	}
	return &discordgo.Interaction{
		Type: discordgo.InteractionModalSubmit,
		Data: discordgo.ModalSubmitInteractionData{CustomID: customID, Components: rows},
	}
}

// StringOption is a string (type 3) command option value.
func StringOption(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// IntegerOption is an integer (type 4) command option value.
func IntegerOption(name string, value int64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// NumberOption is a number (type 10) command option value.
func NumberOption(name string, value float64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionNumber, Value: value}
}

// BoolOption is a boolean (type 5) command option value.
func BoolOption(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// UserOption is a user (type 6) command option value (a user id).
func UserOption(name, userID string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionUser, Value: userID}
}

// ChannelOption is a channel (type 7) command option value (a channel id).
func ChannelOption(name, channelID string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionChannel, Value: channelID}
}

// RoleOption is a role (type 8) command option value (a role id).
func RoleOption(name, roleID string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionRole, Value: roleID}
}

// SubCommand is a sub-command (type 1) with its options.
func SubCommand(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options}
}

// SubCommandGroup is a sub-command group (type 2) with its sub-commands.
func SubCommandGroup(name string, subs ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommandGroup, Options: subs}
}

// Focused marks an option as the one the user is typing (autocomplete) and returns it.
func Focused(o *discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	o.Focused = true
	return o
}
