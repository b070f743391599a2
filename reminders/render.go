package reminders

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// Reminder is what one scheduled post is about: a subscription's settings
// applied to one date in the subscriber's time zone. The Discord post,
// /reminders preview and "ninebridges reminders preview" all render it with
// Render, so a preview is exactly what will be posted.
type Reminder struct {
	// Date is the local date; only its year, month and day count.
	Date        time.Time
	Lang        facts.Lang
	Kinds       []store.Kind
	WeekBefore  bool // announce round anniversaries a week ahead too
	NextIfEmpty bool // on a quiet day, point to the next event instead of staying silent
}

// ReminderFor applies sub's settings to the local date day. A language the
// store holds but this binary does not know falls back to English rather
// than silencing the channel.
func ReminderFor(sub store.Subscription, day time.Time) Reminder {
	lang, err := facts.ParseLang(sub.Lang)
	if err != nil {
		lang = facts.EN
	}
	return Reminder{Date: day, Lang: lang, Kinds: sub.Kinds, WeekBefore: sub.WeekBefore, NextIfEmpty: sub.NextIfEmpty}
}

func (rem Reminder) has(k store.Kind) bool {
	for _, x := range rem.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// maxAnswerInPost keeps each event of a post to a glance: the title, a
// taste of the answer, and the command that shows the whole fact with its
// sources.
const maxAnswerInPost = 280

// Render returns the messages to post for rem, in order, or nil when
// there is nothing to post: the bot never sends an empty message. It is
// usually one message; the embeds are split over several only if they would
// exceed Discord's limits for one. Every message already forbids mentions.
//
// What goes in, by kind:
//   - on this day: the events whose month and day are the date's, in an
//     earlier year, with how long ago;
//   - anniversaries: round (5, 10, 15… year) anniversaries of day-precise
//     events falling on the date, and with WeekBefore those falling a week
//     later;
//   - weekly timeline: on Mondays only, one period of the timeline, the
//     periods taken in turn week after week (facts.Base.PeriodOfWeek).
//
// With NextIfEmpty, a day on which the daily kinds (on this day,
// anniversaries) have nothing gets the next upcoming event instead; a
// weekly-only subscription is never sent that on its six quiet days.
func Render(b *facts.Base, rem Reminder) []*discordgo.MessageSend {
	var embeds []*discordgo.MessageEmbed
	if rem.has(store.KindOnThisDay) {
		if e := onThisDayEmbed(b, rem); e != nil {
			embeds = append(embeds, e)
		}
	}
	if rem.has(store.KindAnniversaries) {
		if e := anniversariesEmbed(b, rem); e != nil {
			embeds = append(embeds, e)
		}
	}
	if rem.has(store.KindWeeklyTimeline) && rem.Date.Weekday() == time.Monday {
		if e := weeklyEmbed(b, rem); e != nil {
			embeds = append(embeds, e)
		}
	}
	if len(embeds) == 0 && rem.NextIfEmpty && (rem.has(store.KindOnThisDay) || rem.has(store.KindAnniversaries)) {
		if e := comingUpEmbed(b, rem); e != nil {
			embeds = append(embeds, e)
		}
	}
	if len(embeds) == 0 {
		return nil
	}
	return packEmbeds(embeds)
}

// packEmbeds fits the embeds into as few messages as Discord's limits (10
// embeds and 6,000 characters a message) allow, keeping their order.
func packEmbeds(embeds []*discordgo.MessageEmbed) []*discordgo.MessageSend {
	var out []*discordgo.MessageSend
	var cur []*discordgo.MessageEmbed
	size := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, &discordgo.MessageSend{Embeds: cur})
		}
		cur, size = nil, 0
	}
	for _, e := range embeds {
		commands.FitEmbed(e)
		n := commands.EmbedLen(e)
		if len(cur) == commands.MaxEmbeds || size+n > commands.MaxEmbedTotal {
			flush()
		}
		cur = append(cur, e)
		size += n
	}
	flush()
	return out
}

func onThisDayEmbed(b *facts.Base, rem Reminder) *discordgo.MessageEmbed {
	occ := b.OnThisDayIn(rem.Date)
	if len(occ) == 0 {
		return nil
	}
	lang := rem.Lang
	var parts []string
	for _, o := range occ {
		var s strings.Builder
		fmt.Fprintf(&s, "**%s** · %s\n%s", o.Event.Date.Human(lang), yearsAgo(lang, o.Years), o.Event.Title.In(lang))
		if f := o.Event.Facts[0]; f != nil {
			fmt.Fprintf(&s, "\n%s\n→ %s", commands.Truncate(f.Answer.In(lang), maxAnswerInPost), commands.FactMention(lang, f.ID))
		}
		parts = append(parts, s.String())
	}
	return &discordgo.MessageEmbed{
		Title:       commands.OnThisDayTitle(lang, int(rem.Date.Month()), rem.Date.Day()),
		Description: strings.Join(parts, "\n\n"),
		Color:       commands.EmbedColor,
	}
}

func anniversariesEmbed(b *facts.Base, rem Reminder) *discordgo.MessageEmbed {
	lang := rem.Lang
	var lines []string
	for _, o := range b.AnniversariesOn(rem.Date) {
		lines = append(lines, anniversaryLine(o, lang))
	}
	if rem.WeekBefore {
		ahead := rem.Date.AddDate(0, 0, 7)
		for _, o := range b.AnniversariesOn(ahead) {
			lines = append(lines, tr(lang, msgAnniversaryInAWeek, commands.MonthDay(int(ahead.Month()), ahead.Day(), lang), anniversaryLine(o, lang)))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return &discordgo.MessageEmbed{
		Title:       tr(lang, msgAnniversariesTitle),
		Description: strings.Join(lines, "\n"),
		Color:       commands.EmbedColor,
	}
}

// anniversaryLine counts from the event's first day, since that is the day
// whose anniversary it is.
func anniversaryLine(o facts.Occurrence, lang facts.Lang) string {
	first := facts.Date{Start: o.Day, End: o.Day, Precision: facts.Day}
	return tr(lang, msgAnniversaryLine, yearsN(lang, o.Years), first.Human(lang), o.Event.Title.In(lang))
}

func weeklyEmbed(b *facts.Base, rem Reminder) *discordgo.MessageEmbed {
	p, ok := b.PeriodOfWeek(rem.Date)
	if !ok {
		return nil
	}
	lang := rem.Lang
	var lines []string
	for _, e := range p.Events {
		lines = append(lines, fmt.Sprintf("**%s** — %s", e.Date.Human(lang), e.Title.In(lang)))
	}
	from, to := strconv.Itoa(p.From().Start.Year()), strconv.Itoa(p.To().End.Year())
	span := from
	if to != from {
		span += " – " + to
	}
	more := commands.TimelineMention(lang, from, to)
	return &discordgo.MessageEmbed{
		Title:       tr(lang, msgWeeklyTitle, span),
		Description: strings.Join(lines, "\n"),
		Color:       commands.EmbedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: tr(lang, msgWeeklyFooter, p.Index+1, p.Count, more)},
	}
}

func comingUpEmbed(b *facts.Base, rem Reminder) *discordgo.MessageEmbed {
	next, o, ok := b.NextOnThisDay(rem.Date)
	if !ok {
		return nil
	}
	lang := rem.Lang
	day := facts.Date{Start: o.Day, End: o.Day, Precision: facts.Day}
	return &discordgo.MessageEmbed{
		Title:       commands.OnThisDayTitle(lang, int(rem.Date.Month()), rem.Date.Day()),
		Description: tr(lang, msgComingUp, commands.MonthDay(int(next.Month()), next.Day(), lang), o.Event.Title.In(lang), day.Human(lang)),
		Color:       commands.EmbedColor,
	}
}

// plural picks the form of a count: English has one and many, Russian one
// (1, 21…), few (2–4, 22–24…) and many, Korean a single form.
func plural(lang facts.Lang, n int, one, few, many msgID) string {
	id := many
	switch lang {
	case facts.EN:
		if n == 1 {
			id = one
		}
	case facts.RU:
		n10, n100 := n%10, n%100
		switch {
		case n10 == 1 && n100 != 11:
			id = one
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			id = few
		}
	}
	return tr(lang, id, n)
}

func yearsAgo(lang facts.Lang, n int) string {
	return plural(lang, n, msgYearsAgoOne, msgYearsAgoFew, msgYearsAgoMany)
}

func yearsN(lang facts.Lang, n int) string {
	return plural(lang, n, msgYearsOne, msgYearsFew, msgYearsMany)
}

// disabledNotice is what the bot tells the member who set up a channel's
// scheduled posts when it had to pause them (the channel was deleted, or
// the bot lost access to it): reason says why, in a few words.
func disabledNotice(lang facts.Lang, channelID, reason string) string {
	return tr(lang, msgDisabledNotice, channelID, reason, remindersMention(lang, txtSubscribe))
}
