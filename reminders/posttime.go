package reminders

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/store"
)

// nextPostTime is the first instant after now at which the subscription's
// posting time comes round (see postTime).
func nextPostTime(s store.Subscription, now time.Time) time.Time {
	loc := subLocation(s)
	local := now.In(loc)
	y, m, d := local.Date()
	t := postTime(s, time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	if !t.After(now) {
		t = postTime(s, time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC))
	}
	return t
}

// postTime is the instant of the subscription's post on the local date day
// (only its year, month and day count). On the day daylight saving skips
// the posting time (02:30 when clocks jump from 02:00 to 03:00), it is the
// instant of the jump: the post is then due as soon as its time has passed,
// which is when the scheduler's catch-up sends it, since cron skips it.
// time.Date alone would put it an hour early, before the jump.
func postTime(s store.Subscription, day time.Time) time.Time {
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
