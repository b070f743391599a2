package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// Listener is told when /reminders changes a subscription, so the change
// takes effect without a restart. *Scheduler is the real one.
type Listener interface {
	SubscriptionChanged(ctx context.Context, sub store.Subscription)
	SubscriptionRemoved(ctx context.Context, sub store.Subscription)
}

// Config is what /reminders needs. Without a Store (and without Down) the
// command answers that scheduled posts are off.
type Config struct {
	Base  *facts.Base
	Store store.Store
	// Scheduler, if set, hears of every change.
	Scheduler Listener
	// BotPermissions, if set, gives the bot's permissions in a channel of
	// the guild from the gateway's cache, with known false when the cache
	// cannot tell. It lets subscribe refuse a channel the bot cannot post
	// in before anything is saved; a channel it cannot check is accepted,
	// and the first post that fails pauses the subscription.
	BotPermissions func(ctx context.Context, guildID, channelID string) (perms int64, known bool)
	// Down, if set, is why the store could not be opened at start: the
	// bot runs without scheduled posts, and /reminders says that settings
	// cannot be saved right now rather than that the feature is off.
	Down error
	// Logger gets the store's failures; nil discards.
	Logger *slog.Logger
}

// handler answers /reminders and its autocomplete.
type handler struct {
	cfg Config
	log *slog.Logger
}

// Register adds /reminders to r; Command is its declaration.
func Register(r *commands.Router, cfg Config) {
	h := &handler{cfg: cfg, log: cfg.Logger}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	r.HandleCommand(cmdReminders, h.command)
	r.HandleAutocomplete(cmdReminders, h.complete)
}

func userErr(lang facts.Lang, id msgID, args ...any) error {
	return &commands.UserError{Message: tr(lang, id, args...)}
}

func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

// Defaults of a new subscription.
const (
	defaultHour, defaultMinute = 9, 0
)

// needToPost are the permissions a scheduled post needs: to see the
// channel, send to it, and show embeds.
const needToPost = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks

// Permissions are what the feature asks of a server: to post, and to read
// the channel's history, where it looks for a post it may have sent before
// a crash (lookback.go).
const Permissions = needToPost | discordgo.PermissionReadMessageHistory

// command answers /reminders. Every subcommand is for the server's
// managers: Discord hides the command from others by default, but a server
// can override that, so the member's permissions are checked here too.
func (h *handler) command(ctx context.Context, req *commands.Request) (*discordgo.InteractionResponse, error) {
	lang := req.Lang
	i := req.Interaction
	if i.GuildID == "" || i.Member == nil {
		return nil, userErr(lang, msgRemindersGuildOnly)
	}
	if i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) == 0 {
		return nil, userErr(lang, msgRemindersNeedManage)
	}
	if h.cfg.Down != nil {
		return nil, userErr(lang, msgStoreDown)
	}
	if h.cfg.Store == nil {
		return nil, userErr(lang, msgRemindersOff)
	}
	name, opts := subcommand(req.CommandData())
	var m commands.Message
	var err error
	switch name {
	case subSubscribe:
		m, err = h.subscribe(ctx, req, opts)
	case subUnsubscribe:
		m, err = h.unsubscribe(ctx, req, opts)
	case subList:
		m, err = h.listSubscriptions(ctx, req)
	case subPreview:
		m, err = h.previewReminders(ctx, req, opts)
	default:
		// A forged or stale interaction, not a fault of ours: the asker
		// is told, and nothing is logged as an error.
		return nil, commands.UnknownCommand(lang)
	}
	var ue *commands.UserError
	if err != nil && !errors.As(err, &ue) {
		// Every other failure here is the store's. The manager is told
		// that nothing was saved, not given the generic apology; the
		// details are for the log.
		h.log.ErrorContext(ctx, "reminder store failed", "subcommand", name, "err", err)
		return nil, userErr(lang, msgStoreDown)
	}
	if err != nil {
		return nil, err
	}
	// Settings are the managers' business: answers do not clutter the
	// channel.
	m.Ephemeral = true
	return commands.Reply(m), nil
}

// channelSub finds the guild's subscription for a channel.
func (h *handler) channelSub(ctx context.Context, guildID, channelID string) (store.Subscription, bool, error) {
	subs, err := h.cfg.Store.GuildSubscriptions(ctx, guildID)
	if err != nil {
		return store.Subscription{}, false, fmt.Errorf("reading the guild's subscriptions: %w", err)
	}
	for _, s := range subs {
		if s.ChannelID == channelID {
			return s, true, nil
		}
	}
	return store.Subscription{}, false, nil
}

// subscribe creates the channel's subscription or changes the settings
// given. Everything is checked before anything is saved.
func (h *handler) subscribe(ctx context.Context, req *commands.Request, opts subOptions) (commands.Message, error) {
	lang, i := req.Lang, req.Interaction
	channelID := opts.str(optChannel)
	if channelID == "" {
		channelID = i.ChannelID
	}
	if err := h.checkChannel(ctx, req, channelID); err != nil {
		return commands.Message{}, err
	}
	sub, found, err := h.channelSub(ctx, i.GuildID, channelID)
	if err != nil {
		return commands.Message{}, err
	}
	if !found {
		sub = store.Subscription{
			GuildID: i.GuildID, ChannelID: channelID,
			Hour: defaultHour, Minute: defaultMinute,
			Lang: string(lang), TimeZone: defaultZone(lang),
			Kinds: store.AllKinds(),
		}
		if u := interactionUser(i); u != nil {
			sub.CreatedBy = u.ID
		}
	}
	if s := opts.str(optTime); s != "" {
		h, m, ok := parseClock(s)
		if !ok {
			return commands.Message{}, userErr(lang, msgBadTime, commands.Inline(s))
		}
		sub.Hour, sub.Minute = h, m
	}
	if s := opts.str(optLanguage); s != "" {
		l, err := facts.ParseLang(strings.ToLower(s))
		if err != nil {
			return commands.Message{}, userErr(lang, msgBadLang, commands.Inline(s))
		}
		sub.Lang = string(l)
		if !found && opts.str(optTimezone) == "" {
			sub.TimeZone = defaultZone(l)
		}
	}
	if s := opts.str(optTimezone); s != "" {
		zone, _, ok := resolveZone(s)
		if !ok {
			return commands.Message{}, userErr(lang, msgBadZone, commands.Inline(s))
		}
		sub.TimeZone = zone
	}
	if s := opts.str(optKinds); s != "" {
		ks, ok := parseKinds(s)
		if !ok {
			var names []string
			for _, k := range store.AllKinds() {
				names = append(names, "`"+string(k)+"`")
			}
			return commands.Message{}, userErr(lang, msgBadKinds, commands.Inline(s), strings.Join(names, ", "))
		}
		sub.Kinds = ks
	}
	if v, given, err := opts.boolean(optWeekBefore, lang); err != nil {
		return commands.Message{}, err
	} else if given {
		sub.WeekBefore = v
	}
	if v, given, err := opts.boolean(optNextIfEmpty, lang); err != nil {
		return commands.Message{}, err
	} else if given {
		sub.NextIfEmpty = v
	}
	// Saving again is how a paused subscription is resumed.
	sub.Disabled, sub.DisabledReason = false, ""

	// A file deleted or replaced under the running bot would take the
	// write and lose it at the next start: "Done" is said only of a store
	// that is healthy.
	if err := h.cfg.Store.Ping(ctx); err != nil {
		return commands.Message{}, fmt.Errorf("checking the store before saving: %w", err)
	}

	saved, err := h.cfg.Store.SaveSubscription(ctx, sub)
	if err != nil {
		return commands.Message{}, fmt.Errorf("saving the subscription: %w", err)
	}
	if h.cfg.Scheduler != nil {
		h.cfg.Scheduler.SubscriptionChanged(ctx, saved)
	}
	h.log.InfoContext(ctx, "reminders subscribed", "guild", saved.GuildID, "channel", saved.ChannelID, "subscription", saved.ID,
		"time", clock(saved), "zone", saved.TimeZone, "lang", saved.Lang, "kinds", saved.Kinds)
	next := fmt.Sprintf("<t:%d:f>", nextPostTime(saved, req.Now).Unix())
	return commands.Message{Content: tr(lang, msgSubscribed, channelMention(channelID), describeSub(saved, lang), next)}, nil
}

// checkChannel refuses a channel the bot cannot post scheduled messages in,
// from what the interaction says and, for another channel than the one
// the command was used in, from the gateway's cache when it knows.
func (h *handler) checkChannel(ctx context.Context, req *commands.Request, channelID string) error {
	lang, i := req.Lang, req.Interaction
	if _, err := strconv.ParseUint(channelID, 10, 64); err != nil {
		return userErr(lang, msgBadChannel, commands.Inline(channelID))
	}
	if res := req.CommandData().Resolved; res != nil {
		if ch := res.Channels[channelID]; ch != nil &&
			ch.Type != discordgo.ChannelTypeGuildText && ch.Type != discordgo.ChannelTypeGuildNews {
			return userErr(lang, msgBadChannel, channelMention(channelID))
		}
	}
	var perms int64
	known := false
	switch {
	case channelID == i.ChannelID && i.AppPermissions != 0:
		// app_permissions are the bot's permissions where the command
		// was used.
		perms, known = i.AppPermissions, true
	case h.cfg.BotPermissions != nil:
		perms, known = h.cfg.BotPermissions(ctx, i.GuildID, channelID)
	}
	if known && perms&discordgo.PermissionAdministrator == 0 && perms&needToPost != needToPost {
		return userErr(lang, msgCannotPost, channelMention(channelID))
	}
	return nil
}

func (h *handler) unsubscribe(ctx context.Context, req *commands.Request, opts subOptions) (commands.Message, error) {
	lang, i := req.Lang, req.Interaction
	channelID := opts.str(optChannel)
	if channelID == "" {
		channelID = i.ChannelID
	}
	sub, found, err := h.channelSub(ctx, i.GuildID, channelID)
	if err != nil {
		return commands.Message{}, err
	}
	if !found {
		return commands.Message{Content: tr(lang, msgNotSubscribed, channelMention(channelID), remindersMention(lang, txtList))}, nil
	}
	if err := h.cfg.Store.Ping(ctx); err != nil {
		return commands.Message{}, fmt.Errorf("checking the store before deleting: %w", err)
	}
	deleted, err := h.cfg.Store.DeleteSubscription(ctx, i.GuildID, channelID)
	if err != nil {
		return commands.Message{}, fmt.Errorf("deleting the subscription: %w", err)
	}
	if deleted && h.cfg.Scheduler != nil {
		h.cfg.Scheduler.SubscriptionRemoved(ctx, sub)
	}
	h.log.InfoContext(ctx, "reminders unsubscribed", "guild", i.GuildID, "channel", channelID, "subscription", sub.ID)
	return commands.Message{Content: tr(lang, msgUnsubscribed, channelMention(channelID))}, nil
}

func (h *handler) listSubscriptions(ctx context.Context, req *commands.Request) (commands.Message, error) {
	lang, i := req.Lang, req.Interaction
	subs, err := h.cfg.Store.GuildSubscriptions(ctx, i.GuildID)
	if err != nil {
		return commands.Message{}, fmt.Errorf("listing the guild's subscriptions: %w", err)
	}
	if len(subs) == 0 {
		return commands.Message{Content: tr(lang, msgListEmpty, remindersMention(lang, txtSubscribe))}, nil
	}
	var lines []string
	for _, s := range subs {
		line := channelMention(s.ChannelID) + " — " + describeSub(s, lang)
		if s.Disabled {
			line += "\n  " + tr(lang, msgPaused, s.DisabledReason, remindersMention(lang, txtSubscribe))
		}
		lines = append(lines, line)
	}
	e := &discordgo.MessageEmbed{Title: tr(lang, msgListTitle), Description: strings.Join(lines, "\n"), Color: commands.EmbedColor}
	return commands.Message{Embeds: []*discordgo.MessageEmbed{e}}, nil
}

// previewReminders shows what Render makes of a day with a
// channel's settings: the channel given, else this channel, else the
// server's first subscription, else the defaults subscribe would use.
func (h *handler) previewReminders(ctx context.Context, req *commands.Request, opts subOptions) (commands.Message, error) {
	lang, i := req.Lang, req.Interaction
	subs, err := h.cfg.Store.GuildSubscriptions(ctx, i.GuildID)
	if err != nil {
		return commands.Message{}, fmt.Errorf("listing the guild's subscriptions: %w", err)
	}
	want := opts.str(optChannel)
	if want == "" {
		want = i.ChannelID
	}
	var sub *store.Subscription
	for k := range subs {
		if subs[k].ChannelID == want {
			sub = &subs[k]
		}
	}
	if sub == nil && opts.str(optChannel) == "" && len(subs) > 0 {
		sub = &subs[0]
	}
	settings := store.Subscription{Hour: defaultHour, Minute: defaultMinute, Lang: string(lang), TimeZone: defaultZone(lang), Kinds: store.AllKinds()}
	if sub != nil {
		settings = *sub
	}
	loc := time.UTC
	if _, l, ok := resolveZone(settings.TimeZone); ok {
		loc = l
	}
	day := req.Now.In(loc)
	if s := opts.str(optDate); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return commands.Message{}, userErr(lang, msgBadDay, commands.Inline(s))
		}
		day = d
	}
	rem := ReminderFor(settings, day)
	human := facts.Date{Start: civilDay(day), End: civilDay(day), Precision: facts.Day}.Human(lang)
	var header string
	if sub != nil {
		header = tr(lang, msgPreviewHeader, human, channelMention(sub.ChannelID), describeSub(settings, lang))
	} else {
		header = tr(lang, msgPreviewDefaults, human, describeSub(settings, lang))
	}
	parts := Render(h.cfg.Base, rem)
	if len(parts) == 0 {
		return commands.Message{Content: header + "\n" + tr(lang, msgPreviewEmpty, human)}, nil
	}
	m := commands.Message{Content: header}
	for _, p := range parts {
		m.Embeds = append(m.Embeds, p.Embeds...)
	}
	if len(m.Embeds) > 10 {
		m.Embeds = m.Embeds[:10]
	}
	return m, nil
}

func civilDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// complete serves /reminders autocomplete: only the time zone is
// autocompleted.
func (h *handler) complete(_ context.Context, req *commands.Request) []*discordgo.ApplicationCommandOptionChoice {
	_, opts := subcommand(req.CommandData())
	for _, o := range opts {
		if o.Focused && o.Name == optTimezone {
			s, _ := o.Value.(string)
			return completeZone(s, req.Lang, req.Now)
		}
	}
	return nil
}

func clock(s store.Subscription) string { return fmt.Sprintf("%02d:%02d", s.Hour, s.Minute) }

func channelMention(id string) string { return "<#" + id + ">" }

// describeSub is a subscription's settings in one line.
func describeSub(s store.Subscription, lang facts.Lang) string {
	parts := []string{clock(s) + " " + s.TimeZone}
	if l, err := facts.ParseLang(s.Lang); err == nil {
		parts = append(parts, langNames[l])
	}
	var kinds []string
	for _, k := range s.Kinds {
		if id, ok := kindTexts[k]; ok {
			kinds = append(kinds, tr(lang, id))
		}
	}
	parts = append(parts, strings.Join(kinds, ", "))
	if s.WeekBefore && s.Has(store.KindAnniversaries) {
		parts = append(parts, tr(lang, msgWeekBefore))
	}
	if s.NextIfEmpty {
		parts = append(parts, tr(lang, msgNextIfEmpty))
	}
	return strings.Join(parts, " · ")
}
