package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// ReminderScheduler is told when /reminders changes a subscription, so the
// change takes effect without a restart. bot.Scheduler is the real one.
type ReminderScheduler interface {
	SubscriptionChanged(ctx context.Context, sub store.Subscription)
	SubscriptionRemoved(ctx context.Context, sub store.Subscription)
}

// RemindersConfig is what /reminders needs beyond the fact base. Without it
// (Config.Reminders nil) the command answers that scheduled posts are off.
type RemindersConfig struct {
	Store store.Store
	// Scheduler, if set, hears of every change.
	Scheduler ReminderScheduler
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
}

// Defaults of a new subscription.
const (
	defaultHour, defaultMinute = 9, 0
)

// needToPost are the permissions a scheduled post needs: to see the
// channel, send to it, and show embeds.
const needToPost = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks

// remindersCmd answers /reminders. Every subcommand is for the server's
// managers: Discord hides the command from others by default, but a server
// can override that, so the member's permissions are checked here too.
func (r *Router) remindersCmd(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	lang := req.Lang
	i := req.Interaction
	if i.GuildID == "" || i.Member == nil {
		return nil, userErr(lang, msgRemindersGuildOnly)
	}
	if i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) == 0 {
		return nil, userErr(lang, msgRemindersNeedManage)
	}
	if r.reminders != nil && r.reminders.Down != nil {
		return nil, userErr(lang, msgStoreDown)
	}
	if r.reminders == nil || r.reminders.Store == nil {
		return nil, userErr(lang, msgRemindersOff)
	}
	name, opts := subcommand(req.data)
	var m message
	var err error
	switch name {
	case subSubscribe:
		m, err = r.subscribe(ctx, req, opts)
	case subUnsubscribe:
		m, err = r.unsubscribe(ctx, req, opts)
	case subList:
		m, err = r.listSubscriptions(ctx, req)
	case subPreview:
		m, err = r.previewReminders(ctx, req, opts)
	default:
		// A forged or stale interaction, not a fault of ours: the asker
		// is told, and nothing is logged as an error.
		return nil, userErr(lang, msgUnknownCommand, commandMention(txtHelp, lang, nil, ""))
	}
	var ue *UserError
	if err != nil && !errors.As(err, &ue) {
		// Every other failure here is the store's. The manager is told
		// that nothing was saved, not given the generic apology; the
		// details are for the log.
		r.log.ErrorContext(ctx, "reminder store failed", "subcommand", name, "err", err)
		return nil, userErr(lang, msgStoreDown)
	}
	if err != nil {
		return nil, err
	}
	// Settings are the managers' business: answers do not clutter the
	// channel.
	m.Ephemeral = true
	return reply(m), nil
}

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
	return false, false, userErr(lang, msgBadString, name)
}

// channelSub finds the guild's subscription for a channel.
func (r *Router) channelSub(ctx context.Context, guildID, channelID string) (store.Subscription, bool, error) {
	subs, err := r.reminders.Store.GuildSubscriptions(ctx, guildID)
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
func (r *Router) subscribe(ctx context.Context, req *Request, opts subOptions) (message, error) {
	lang, i := req.Lang, req.Interaction
	channelID := opts.str(optChannel)
	if channelID == "" {
		channelID = i.ChannelID
	}
	if err := r.checkChannel(ctx, req, channelID); err != nil {
		return message{}, err
	}
	sub, found, err := r.channelSub(ctx, i.GuildID, channelID)
	if err != nil {
		return message{}, err
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
			return message{}, userErr(lang, msgBadTime, inline(s))
		}
		sub.Hour, sub.Minute = h, m
	}
	if s := opts.str(optLanguage); s != "" {
		l, err := facts.ParseLang(strings.ToLower(s))
		if err != nil {
			return message{}, userErr(lang, msgBadLang, inline(s))
		}
		sub.Lang = string(l)
		if !found && opts.str(optTimezone) == "" {
			sub.TimeZone = defaultZone(l)
		}
	}
	if s := opts.str(optTimezone); s != "" {
		zone, _, ok := resolveZone(s)
		if !ok {
			return message{}, userErr(lang, msgBadZone, inline(s))
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
			return message{}, userErr(lang, msgBadKinds, inline(s), strings.Join(names, ", "))
		}
		sub.Kinds = ks
	}
	if v, given, err := opts.boolean(optWeekBefore, lang); err != nil {
		return message{}, err
	} else if given {
		sub.WeekBefore = v
	}
	if v, given, err := opts.boolean(optNextIfEmpty, lang); err != nil {
		return message{}, err
	} else if given {
		sub.NextIfEmpty = v
	}
	// Saving again is how a paused subscription is resumed.
	sub.Disabled, sub.DisabledReason = false, ""

	// A file deleted or replaced under the running bot would take the
	// write and lose it at the next start: "Done" is said only of a store
	// that is healthy.
	if err := r.reminders.Store.Ping(ctx); err != nil {
		return message{}, fmt.Errorf("checking the store before saving: %w", err)
	}

	saved, err := r.reminders.Store.SaveSubscription(ctx, sub)
	if err != nil {
		return message{}, fmt.Errorf("saving the subscription: %w", err)
	}
	if r.reminders.Scheduler != nil {
		r.reminders.Scheduler.SubscriptionChanged(ctx, saved)
	}
	r.log.InfoContext(ctx, "reminders subscribed", "guild", saved.GuildID, "channel", saved.ChannelID, "subscription", saved.ID,
		"time", clock(saved), "zone", saved.TimeZone, "lang", saved.Lang, "kinds", saved.Kinds)
	next := fmt.Sprintf("<t:%d:f>", NextPostTime(saved, r.now()).Unix())
	return message{Content: tr(lang, msgSubscribed, channelMention(channelID), describeSub(saved, lang), next)}, nil
}

// checkChannel refuses a channel the bot cannot post scheduled messages in,
// from what the interaction says and, for another channel than the one
// the command was used in, from the gateway's cache when it knows.
func (r *Router) checkChannel(ctx context.Context, req *Request, channelID string) error {
	lang, i := req.Lang, req.Interaction
	if _, err := strconv.ParseUint(channelID, 10, 64); err != nil {
		return userErr(lang, msgBadChannel, inline(channelID))
	}
	if res := req.data.Resolved; res != nil {
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
	case r.reminders.BotPermissions != nil:
		perms, known = r.reminders.BotPermissions(ctx, i.GuildID, channelID)
	}
	if known && perms&discordgo.PermissionAdministrator == 0 && perms&needToPost != needToPost {
		return userErr(lang, msgCannotPost, channelMention(channelID))
	}
	return nil
}

func (r *Router) unsubscribe(ctx context.Context, req *Request, opts subOptions) (message, error) {
	lang, i := req.Lang, req.Interaction
	channelID := opts.str(optChannel)
	if channelID == "" {
		channelID = i.ChannelID
	}
	sub, found, err := r.channelSub(ctx, i.GuildID, channelID)
	if err != nil {
		return message{}, err
	}
	if !found {
		return message{Content: tr(lang, msgNotSubscribed, channelMention(channelID), remindersMention(lang, txtList))}, nil
	}
	if err := r.reminders.Store.Ping(ctx); err != nil {
		return message{}, fmt.Errorf("checking the store before deleting: %w", err)
	}
	deleted, err := r.reminders.Store.DeleteSubscription(ctx, i.GuildID, channelID)
	if err != nil {
		return message{}, fmt.Errorf("deleting the subscription: %w", err)
	}
	if deleted && r.reminders.Scheduler != nil {
		r.reminders.Scheduler.SubscriptionRemoved(ctx, sub)
	}
	r.log.InfoContext(ctx, "reminders unsubscribed", "guild", i.GuildID, "channel", channelID, "subscription", sub.ID)
	return message{Content: tr(lang, msgUnsubscribed, channelMention(channelID))}, nil
}

func (r *Router) listSubscriptions(ctx context.Context, req *Request) (message, error) {
	lang, i := req.Lang, req.Interaction
	subs, err := r.reminders.Store.GuildSubscriptions(ctx, i.GuildID)
	if err != nil {
		return message{}, fmt.Errorf("listing the guild's subscriptions: %w", err)
	}
	if len(subs) == 0 {
		return message{Content: tr(lang, msgListEmpty, remindersMention(lang, txtSubscribe))}, nil
	}
	var lines []string
	for _, s := range subs {
		line := channelMention(s.ChannelID) + " — " + describeSub(s, lang)
		if s.Disabled {
			line += "\n  " + tr(lang, msgPaused, s.DisabledReason, remindersMention(lang, txtSubscribe))
		}
		lines = append(lines, line)
	}
	e := &discordgo.MessageEmbed{Title: tr(lang, msgListTitle), Description: strings.Join(lines, "\n"), Color: embedColor}
	return message{Embeds: []*discordgo.MessageEmbed{e}}, nil
}

// previewReminders shows what RenderReminder makes of a day with a
// channel's settings: the channel given, else this channel, else the
// server's first subscription, else the defaults subscribe would use.
func (r *Router) previewReminders(ctx context.Context, req *Request, opts subOptions) (message, error) {
	lang, i := req.Lang, req.Interaction
	subs, err := r.reminders.Store.GuildSubscriptions(ctx, i.GuildID)
	if err != nil {
		return message{}, fmt.Errorf("listing the guild's subscriptions: %w", err)
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
	day := r.now().In(loc)
	if s := opts.str(optDate); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return message{}, userErr(lang, msgBadDay, inline(s))
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
	parts := RenderReminder(r.base, rem)
	if len(parts) == 0 {
		return message{Content: header + "\n" + tr(lang, msgPreviewEmpty, human)}, nil
	}
	m := message{Content: header}
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

// completeReminders serves /reminders autocomplete: only the time zone
// is autocompleted.
func (r *Router) completeReminders(req *Request) []*discordgo.ApplicationCommandOptionChoice {
	_, opts := subcommand(req.data)
	for _, o := range opts {
		if o.Focused && o.Name == optTimezone {
			s, _ := o.Value.(string)
			return completeZone(s, req.Lang, r.now())
		}
	}
	return nil
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

// NextPostTime is the first instant after now at which the subscription's
// posting time comes round (see PostTime).
func NextPostTime(s store.Subscription, now time.Time) time.Time {
	loc := subLocation(s)
	local := now.In(loc)
	y, m, d := local.Date()
	t := PostTime(s, time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	if !t.After(now) {
		t = PostTime(s, time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC))
	}
	return t
}

// PostTime is the instant of the subscription's post on the local date day
// (only its year, month and day count). On the day daylight saving skips
// the posting time (02:30 when clocks jump from 02:00 to 03:00), it is the
// instant of the jump: the post is then due as soon as its time has passed,
// which is when the scheduler's catch-up sends it, since cron skips it.
// time.Date alone would put it an hour early, before the jump.
func PostTime(s store.Subscription, day time.Time) time.Time {
	loc := subLocation(s)
	y, m, d := day.Date()
	t := time.Date(y, m, d, s.Hour, s.Minute, 0, 0, loc)
	lt := t.In(loc)
	wall := time.Date(lt.Year(), lt.Month(), lt.Day(), lt.Hour(), lt.Minute(), 0, 0, time.UTC)
	if wall.Before(time.Date(y, m, d, s.Hour, s.Minute, 0, 0, time.UTC)) {
		// Normalised back across the gap: the jump is where the zone
		// period t falls in ends.
		if _, end := t.ZoneBounds(); !end.IsZero() {
			return end
		}
	}
	return t
}

func subLocation(s store.Subscription) *time.Location {
	if _, loc, ok := resolveZone(s.TimeZone); ok {
		return loc
	}
	return time.UTC
}

// GuildLocation is a Config.Location that reckons "today" for /onthisday
// in the time zone of the guild's scheduled posts: the subscription of the
// channel the command was used in, else the guild's first active one. A
// guild without subscriptions, a DM, or a store that does not answer
// within a second gets UTC, so the command never waits on the database.
func GuildLocation(st store.Store, log *slog.Logger) func(ctx context.Context, i *discordgo.Interaction) *time.Location {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return func(ctx context.Context, i *discordgo.Interaction) *time.Location {
		// Only commands use the date; autocomplete, on every keystroke,
		// must not cost a query.
		if st == nil || i == nil || i.GuildID == "" || i.Type != discordgo.InteractionApplicationCommand {
			return nil
		}
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		subs, err := st.GuildSubscriptions(ctx, i.GuildID)
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				log.WarnContext(ctx, "guild time zone unavailable; using UTC", "guild", i.GuildID, "err", err)
			}
			return nil
		}
		zone := ""
		for _, s := range subs {
			if s.Disabled {
				continue
			}
			if s.ChannelID == i.ChannelID {
				zone = s.TimeZone
				break
			}
			if zone == "" {
				zone = s.TimeZone
			}
		}
		if zone == "" {
			return nil
		}
		_, loc, ok := resolveZone(zone)
		if !ok {
			return nil
		}
		return loc
	}
}
