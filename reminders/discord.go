package reminders

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// Discord is what the scheduler needs of Discord. The bot's way out
// (bot.Out) is the real one: every message it sends forbids mentions and
// keeps within Discord's limits, so this package does not have to.
type Discord interface {
	// Post sends m to a channel once, with nonce and enforce_nonce, so that
	// Discord returns the message already created by an earlier try with
	// the same nonce (within its window) instead of posting it again. It
	// does not wait out a 429: the scheduler retries, honouring shutdown.
	Post(ctx context.Context, channelID string, m *discordgo.MessageSend, nonce string) (messageID string, err error)
	// DM sends m to a user's direct messages.
	DM(ctx context.Context, userID string, m *discordgo.MessageSend) error
	// Messages lists up to 100 messages of a channel after the message id
	// afterID.
	Messages(ctx context.Context, channelID, afterID string) ([]*discordgo.Message, error)
	// Self is the bot's user id.
	Self(ctx context.Context) (string, error)
	// Permissions are the bot's permissions in a channel of a guild from
	// the gateway's cache; known is false when the cache cannot tell.
	Permissions(guildID, channelID string) (perms int64, known bool)
}
