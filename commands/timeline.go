package commands

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// timelinePageSize keeps a page short enough to read at a glance.
const timelinePageSize = 6

// timelines holds what /timeline and /onthisday need.
type timelines struct {
	base  *facts.Base
	links links // the site's pages, when there is a site
}

// timeline answers /timeline [from] [to] [topic] with its first page.
func (tl *timelines) timeline(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	q := timelineQuery{Lang: req.Lang}
	var err error
	if q.From, err = req.stringOpt(optFrom); err != nil {
		return nil, err
	}
	if q.To, err = req.stringOpt(optTo); err != nil {
		return nil, err
	}
	if q.Topic, err = req.stringOpt(optTopic); err != nil {
		return nil, err
	}
	m, err := tl.timelinePage(q)
	if err != nil {
		return nil, err
	}
	return reply(m), nil
}

// timelineButton turns the page: the custom id holds the whole query.
func (tl *timelines) timelineButton(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	q, ok := parseTimelineID(req.customID)
	if !ok {
		return nil, userErr(req.Lang, msgStaleButton)
	}
	m, err := tl.timelinePage(q)
	if err != nil {
		return nil, err
	}
	return update(m), nil
}

// timelinePage renders one page of the timeline for q, checking q first
// since it comes from the user (or from a button they may have kept).
func (tl *timelines) timelinePage(q timelineQuery) (Message, error) {
	lang := q.Lang
	var from, to time.Time
	var fromDate, toDate facts.Date
	if q.From != "" {
		d, err := parseDatePoint(q.From)
		if err != nil {
			return Message{}, userErr(lang, msgBadDate, inline(q.From))
		}
		fromDate, from, q.From = d, d.Start, d.String()
	}
	if q.To != "" {
		d, err := parseDatePoint(q.To)
		if err != nil {
			return Message{}, userErr(lang, msgBadDate, inline(q.To))
		}
		toDate, to, q.To = d, endOf(d), d.String()
	}
	if !from.IsZero() && !to.IsZero() && from.After(to) {
		return Message{}, userErr(lang, msgFromAfterTo, fromDate.Human(lang), toDate.Human(lang))
	}
	if q.Topic != "" {
		// Discord only sends listed choices, but the console sends what
		// was typed, and people type labels.
		topic, ok := tl.resolveTopic(q.Topic)
		if !ok {
			var names []string
			for _, t := range tl.base.Topics() {
				names = append(names, tl.base.TopicTitle(t).In(lang))
			}
			return Message{}, userErr(lang, msgUnknownTopic, inline(q.Topic), strings.Join(names, ", "))
		}
		q.Topic = topic
	}
	events := tl.base.EventsBetween(from, to, q.Topic)
	if len(events) == 0 {
		return Message{}, &UserError{Message: tr(lang, msgNoEvents)}
	}
	pages := (len(events) + timelinePageSize - 1) / timelinePageSize
	q.Page = min(max(q.Page, 0), pages-1)
	shown := events[q.Page*timelinePageSize : min(len(events), (q.Page+1)*timelinePageSize)]

	var b strings.Builder
	if q.From != "" || q.To != "" || q.Topic != "" {
		var filter []string
		if q.From != "" || q.To != "" {
			a, z := "…", "…"
			if q.From != "" {
				a = fromDate.Human(lang)
			}
			if q.To != "" {
				z = toDate.Human(lang)
			}
			filter = append(filter, a+" – "+z)
		}
		if q.Topic != "" {
			filter = append(filter, tl.base.TopicTitle(q.Topic).In(lang))
		}
		fmt.Fprintf(&b, "*%s*\n\n", strings.Join(filter, " · "))
	}
	for _, e := range shown {
		fmt.Fprintf(&b, "**%s** — %s\n", e.Date.Human(lang), tl.entry(e, lang))
	}
	e := &discordgo.MessageEmbed{
		Title:       tr(lang, msgTimelineTitle),
		URL:         tl.links.timeline(q.Topic, lang),
		Description: strings.TrimSpace(b.String()),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: tr(lang, msgPage, q.Page+1, pages) + " · " + tr(lang, msgEventCount, len(events))},
	}
	m := Message{Embeds: []*discordgo.MessageEmbed{e}}
	if pages > 1 {
		prev, next := q, q
		// Distinct ids even at the ends, where one button is disabled:
		// Discord rejects a message with two equal custom ids.
		prev.Page, next.Page = max(q.Page-1, 0), min(q.Page+1, pages-1)
		m.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "◀ " + tr(lang, msgPrev), Style: discordgo.SecondaryButton, CustomID: prev.customID(), Disabled: q.Page == 0},
			discordgo.Button{Label: tr(lang, msgNext) + " ▶", Style: discordgo.SecondaryButton, CustomID: next.customID(), Disabled: q.Page == pages-1},
		}}}
	}
	return m, nil
}

// resolveTopic accepts a topic id or its label in any language.
func (tl *timelines) resolveTopic(s string) (string, bool) {
	topics := tl.base.Topics()
	if slices.Contains(topics, strings.ToLower(s)) {
		return strings.ToLower(s), true
	}
	for _, t := range topics {
		for _, l := range facts.Langs {
			if strings.EqualFold(tl.base.TopicTitle(t).In(l), s) {
				return t, true
			}
		}
	}
	return "", false
}

// parseDatePoint accepts YYYY, YYYY-MM or YYYY-MM-DD: a single date, since
// from and to are separate options.
func parseDatePoint(s string) (facts.Date, error) {
	d, err := facts.ParseDate(s)
	if err != nil {
		return facts.Date{}, err
	}
	if d.IsRange() {
		return facts.Date{}, fmt.Errorf("%q is a range", s)
	}
	return d, nil
}

// endOf is the last instant of d, so that "to:2018" includes December.
func endOf(d facts.Date) time.Time {
	switch d.Precision {
	case facts.Year:
		return d.End.AddDate(1, 0, 0).Add(-time.Nanosecond)
	case facts.Month:
		return d.End.AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return d.End.AddDate(0, 0, 1).Add(-time.Nanosecond)
}

// onThisDay answers /onthisday [date]: the events on that month and day in
// any year. Without a date it is today in the interaction's time zone.
func (tl *timelines) onThisDay(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
	lang := req.Lang
	s, err := req.stringOpt(optDate)
	if err != nil {
		return nil, err
	}
	m, d := req.Now.Month(), req.Now.Day()
	if s != "" {
		var ok bool
		if m, d, ok = parseMonthDay(s); !ok {
			return nil, userErr(lang, msgBadMonthDay, inline(s))
		}
	}
	e := &discordgo.MessageEmbed{Title: tr(lang, msgOnThisDayTitle, monthDay(int(m), d, lang)), Color: embedColor}
	events := tl.base.OnThisDay(m, d)
	if len(events) == 0 {
		e.Description = tr(lang, msgNothingAtAll)
		if next := tl.nextDated(m, d); next != nil {
			e.Description = tr(lang, msgNothingToday, next.Date.Human(lang), next.Title.In(lang))
		}
		return reply(Message{Embeds: []*discordgo.MessageEmbed{e}}), nil
	}
	var b strings.Builder
	for _, ev := range events {
		fmt.Fprintf(&b, "**%s** — %s\n", ev.Date.Human(lang), tl.entry(ev, lang))
	}
	e.Description = strings.TrimSpace(b.String())
	return reply(Message{Embeds: []*discordgo.MessageEmbed{e}}), nil
}

// entry is an event's title, linked to the page of its first fact (the
// one that dates it) when there is a site.
func (tl *timelines) entry(e *facts.Event, lang facts.Lang) string {
	if !tl.links.on() || len(e.Facts) == 0 {
		return e.Title.In(lang)
	}
	return mdLink(e.Title.In(lang), tl.links.fact(e.Facts[0].ID, lang))
}

// nextDated is the first event known to the day that falls after month/day
// in the calendar, wrapping round the year.
func (tl *timelines) nextDated(m time.Month, d int) *facts.Event {
	// 2000 is a leap year, so 29 February is a day like any other.
	t := time.Date(2000, m, d, 0, 0, 0, 0, time.UTC)
	for k := 1; k <= 366; k++ {
		u := t.AddDate(0, 0, k)
		if evs := tl.base.OnThisDay(u.Month(), u.Day()); len(evs) > 0 {
			return evs[0]
		}
	}
	return nil
}

// parseMonthDay accepts MM-DD (or M-D) and YYYY-MM-DD; the year, if any, is
// only checked, since the answer spans all years.
func parseMonthDay(s string) (time.Month, int, bool) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) == 3 {
		d, err := facts.ParseDate(s)
		if err != nil || d.Precision != facts.Day {
			return 0, 0, false
		}
		return d.Start.Month(), d.Start.Day(), true
	}
	if len(parts) != 2 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return 0, 0, false
	}
	mo, err1 := strconv.Atoi(parts[0])
	day, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || mo < 1 || mo > 12 || day < 1 {
		return 0, 0, false
	}
	t := time.Date(2000, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(mo) || t.Day() != day {
		return 0, 0, false
	}
	return time.Month(mo), day, true
}
