package reminders

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/ninebridges/ninebridges/store"
)

// Discord drops a resend with the same nonce only "for the past few
// minutes". A process that crashed between sending a day's post and
// recording it, and stayed down longer than that, would post the day twice
// on its return. So before a delivery's second and later attempts, the
// scheduler looks for the post among the bot's own messages in the channel
// since the day began, and sends only the parts it does not find.

// lookBackPages bounds the search: 100 messages a page, so a channel would
// need more than 1,000 messages since the day began to hide a post.
const lookBackPages = 10

// discordEpoch is the first millisecond of 2015, where snowflakes start.
const discordEpoch = 1420070400000

// snowflakeAt is the smallest message id Discord could give at t.
func snowflakeAt(t time.Time) string {
	ms := max(t.UnixMilli()-discordEpoch, 0)
	return strconv.FormatUint(uint64(ms)<<22, 10)
}

// postedEarlier returns, for each part of a day's post, the id of the bot's
// message in the channel that matches it, or "" where none does.
func (s *Scheduler) postedEarlier(ctx context.Context, channelID, day string, parts []*discordgo.MessageSend) ([]string, error) {
	d, err := s.discordOf()
	if err != nil {
		return nil, err
	}
	date, err := store.ParseLocalDate(day)
	if err != nil {
		return nil, err
	}
	botID, err := d.Self(ctx)
	if err != nil {
		return nil, fmt.Errorf("asking who the bot is: %w", err)
	}
	// The day began at most 14 hours before midnight UTC (UTC+14).
	after := snowflakeAt(date.Add(-14 * time.Hour))
	found := make([]string, len(parts))
	for range lookBackPages {
		msgs, err := d.Messages(ctx, channelID, after)
		if err != nil {
			return nil, fmt.Errorf("reading the channel's recent messages: %w", err)
		}
		for _, m := range msgs {
			if m.Author == nil || m.Author.ID != botID {
				continue
			}
			for i, p := range parts {
				if found[i] == "" && sameMessage(m, p) {
					found[i] = m.ID
				}
			}
			if snowLess(after, m.ID) {
				after = m.ID
			}
		}
		if len(msgs) < 100 {
			break
		}
	}
	return found, nil
}

// sameMessage reports whether a message in the channel is part p as sent:
// the same text and the same embeds, by title and description.
func sameMessage(m *discordgo.Message, p *discordgo.MessageSend) bool {
	if strings.TrimSpace(m.Content) != strings.TrimSpace(p.Content) || len(m.Embeds) != len(p.Embeds) {
		return false
	}
	for i, e := range p.Embeds {
		got := m.Embeds[i]
		if strings.TrimSpace(got.Title) != strings.TrimSpace(e.Title) || strings.TrimSpace(got.Description) != strings.TrimSpace(e.Description) {
			return false
		}
	}
	return true
}

func snowLess(a, b string) bool {
	x, _ := strconv.ParseUint(a, 10, 64)
	y, _ := strconv.ParseUint(b, 10, 64)
	return x < y
}
