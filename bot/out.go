package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
	// encoding/json/v2 with v1 semantics: the same bytes, in half the time.
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/ninebridges/ninebridges/commands"
)

// Out is the bot's one way out to Discord. Every interaction response,
// edit of a deferred answer, reply to a mention or DM, scheduled post and
// direct message goes through one of its methods, and each of them shapes
// what it sends with commands.Shape…: no mention of anyone, and within
// Discord's limits. TestOneWayOut fails if any other code in the module
// calls discordgo's sending methods.
type Out struct{ s *discordgo.Session }

// newSession is a discordgo session for token, its REST requests sent to
// discordURL when given (a proxy, a test server).
func newSession(token, discordURL string) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	if discordURL != "" {
		t, err := newOriginTransport(discordURL, nil)
		if err != nil {
			return nil, err
		}
		s.Client = &http.Client{Transport: t, Timeout: 20 * time.Second}
	}
	return s, nil
}

// NewRESTOut is a way out with no gateway, for HTTP interactions and
// tools: REST only.
func NewRESTOut(token, discordURL string) (*Out, error) {
	if token == "" {
		return nil, errors.New("bot: no token")
	}
	s, err := newSession(token, discordURL)
	if err != nil {
		return nil, err
	}
	return &Out{s: s}, nil
}

// Register replaces the application's commands with cmds in one bulk
// overwrite, in guild guildID or globally. It validates them first:
// Discord refuses the whole set for one bad declaration.
func (o *Out) Register(ctx context.Context, guildID string, cmds []*discordgo.ApplicationCommand) (int, error) {
	if err := commands.Validate(cmds); err != nil {
		return 0, fmt.Errorf("bot: the command declarations: %w", err)
	}
	app, err := o.s.Application("@me")
	if err != nil {
		return 0, fmt.Errorf("bot: asking Discord for the application: %w", realURL(o.s.Client, err))
	}
	got, err := o.s.ApplicationCommandBulkOverwrite(app.ID, guildID, cmds, discordgo.WithContext(ctx))
	if err != nil {
		return 0, fmt.Errorf("bot: registering commands: %w", err)
	}
	return len(got), nil
}

// NewOut is a way out through a session of one's own (the bot makes its
// own; tests and tools without a gateway use this).
func NewOut(s *discordgo.Session) *Out { return &Out{s: s} }

// Out is the way out of this bot's session, for the scheduler.
func (b *Bot) Out() *Out { return b.out }

// Respond sends the first response to an interaction.
func (o *Out) Respond(i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	commands.ShapeResponse(resp)
	return interactionRespond(o.s, i, resp)
}

// Encode shapes resp and encodes it as an HTTP interactions endpoint
// answers: JSON, or multipart when it carries files.
func (o *Out) Encode(resp *discordgo.InteractionResponse) (contentType string, body []byte, err error) {
	commands.ShapeResponse(resp)
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		return discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
	}
	body, err = jsonv1.Marshal(resp)
	return "application/json", body, err
}

// EditOriginal puts resp in place of a deferred response.
func (o *Out) EditOriginal(i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	d := resp.Data
	if d == nil {
		return nil
	}
	edit := &discordgo.WebhookEdit{Content: &d.Content, Embeds: &d.Embeds, Components: &d.Components, Files: d.Files}
	commands.ShapeEdit(edit)
	_, err := interactionResponseEdit(o.s, i, edit)
	return err
}

// Reply answers a message in its channel, as a reply to it.
func (o *Out) Reply(ctx context.Context, to *discordgo.Message, m *discordgo.MessageSend) error {
	m.Reference = to.Reference()
	commands.ShapeMessage(m)
	_, err := o.s.ChannelMessageSendComplex(to.ChannelID, m, discordgo.WithContext(ctx))
	return err
}

// outgoing is the body of POST /channels/{id}/messages. discordgo's
// MessageSend has no nonce field, so the JSON is built here.
type outgoing struct {
	Content         string                            `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce"`
	EnforceNonce    bool                              `json:"enforce_nonce"`
}

// Post sends m to a channel with nonce and enforce_nonce, once: it does
// not wait out a 429, so the caller can retry on its own terms.
func (o *Out) Post(ctx context.Context, channelID string, m *discordgo.MessageSend, nonce string) (string, error) {
	if len(nonce) > commands.MaxNonce {
		return "", fmt.Errorf("nonce %q is longer than Discord's %d bytes", nonce, commands.MaxNonce)
	}
	commands.ShapeMessage(m)
	body := outgoing{Content: m.Content, Embeds: m.Embeds, AllowedMentions: m.AllowedMentions, Nonce: nonce, EnforceNonce: true}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	resp, err := o.s.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint,
		discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	if err != nil {
		return "", err
	}
	var msg discordgo.Message
	if err := json.Unmarshal(resp, &msg); err != nil {
		return "", fmt.Errorf("decoding the created message: %w", err)
	}
	return msg.ID, nil
}

// DM sends m to a user's direct messages.
func (o *Out) DM(ctx context.Context, userID string, m *discordgo.MessageSend) error {
	ch, err := o.s.UserChannelCreate(userID, discordgo.WithContext(ctx))
	if err != nil {
		return err
	}
	commands.ShapeMessage(m)
	_, err = o.s.ChannelMessageSendComplex(ch.ID, m, discordgo.WithContext(ctx))
	return err
}

// Messages lists up to 100 messages of a channel after afterID.
func (o *Out) Messages(ctx context.Context, channelID, afterID string) ([]*discordgo.Message, error) {
	return o.s.ChannelMessages(channelID, 100, "", afterID, "", discordgo.WithContext(ctx))
}

// Self is the bot's user id: from the gateway's READY when connected,
// else asked of Discord.
func (o *Out) Self(ctx context.Context) (string, error) {
	if st := o.s.State; st != nil && st.User != nil && st.User.ID != "" {
		return st.User.ID, nil
	}
	u, err := o.s.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return "", err
	}
	return u.ID, nil
}

// Permissions are the bot's permissions in a channel of a guild from the
// gateway's cache: known is false when the cache cannot tell (the guild's
// roles or the bot's member are not cached), and zero, known, for a
// channel of another guild, where nothing may be posted for this one.
func (o *Out) Permissions(guildID, channelID string) (int64, bool) {
	st := o.s.State
	if st == nil || st.User == nil {
		return 0, false
	}
	ch, err := st.Channel(channelID)
	if err != nil {
		return 0, false
	}
	if ch.GuildID != guildID {
		return 0, true
	}
	perms, err := st.UserChannelPermissions(st.User.ID, channelID)
	if err != nil {
		return 0, false
	}
	return perms, true
}
