package facts

import "time"

// This file holds the calendar arithmetic behind the scheduled posts: what
// falls on a given local date ("on this day"), which events have a round
// anniversary then, and which stretch of the timeline a week's digest shows.
// Days are calendar dates: only a time's year, month and day count, so the
// caller passes a date already reckoned in the subscriber's time zone.

// AnniversaryStep is the spacing of round anniversaries: 5, 10, 15… years.
const AnniversaryStep = 5

// PeriodSize is how many events one weekly digest covers: few enough to
// read in a glance, so the digest stays a digest.
const PeriodSize = 3

// Occurrence is a dated event seen from a later day: the day of the event it
// recalls and how many whole years ago that was.
type Occurrence struct {
	Event *Event
	// Day is the event's day that falls on the calendar day asked about
	// (for a range, the matching day of the range), at midnight UTC.
	Day time.Time
	// Years is how many years separate Day from the day asked about; at
	// least 1, since an event is not its own anniversary.
	Years int
}

// civil is the calendar date of t as midnight UTC, so comparisons and
// arithmetic ignore time zones and daylight saving.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// OnThisDayIn returns the events known to the day that fell on day's month
// and day in an earlier year, in timeline order, with how long ago.
func (b *Base) OnThisDayIn(day time.Time) []Occurrence {
	day = civil(day)
	var out []Occurrence
	for _, e := range b.events {
		if e.Date.Precision != Day {
			continue
		}
		for t := e.Date.Start; !t.After(e.Date.End); t = t.AddDate(0, 0, 1) {
			if t.Month() == day.Month() && t.Day() == day.Day() {
				if years := day.Year() - t.Year(); years >= 1 {
					out = append(out, Occurrence{Event: e, Day: t, Years: years})
				}
				break
			}
		}
	}
	return out
}

// AnniversaryOf is the day in year on which an event that started on start
// has its anniversary: the same month and day, except that 29 February is
// remembered on 28 February in common years, so that it is remembered at all.
func AnniversaryOf(start time.Time, year int) time.Time {
	m, d := start.Month(), start.Day()
	if m == time.February && d == 29 && !isLeap(year) {
		d = 28
	}
	return time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// IsRoundAnniversary reports whether years is a round anniversary.
func IsRoundAnniversary(years int) bool { return years > 0 && years%AnniversaryStep == 0 }

// AnniversariesOn returns the events known to the day whose round
// anniversary (see AnniversaryStep) falls on day. A range counts from its
// first day: that is when the event began.
func (b *Base) AnniversariesOn(day time.Time) []Occurrence {
	day = civil(day)
	var out []Occurrence
	for _, e := range b.events {
		if e.Date.Precision != Day {
			continue
		}
		years := day.Year() - e.Date.Start.Year()
		if IsRoundAnniversary(years) && AnniversaryOf(e.Date.Start, day.Year()).Equal(day) {
			out = append(out, Occurrence{Event: e, Day: e.Date.Start, Years: years})
		}
	}
	return out
}

// NextOnThisDay returns the first day after day, within a year, on which
// OnThisDayIn has anything, with the first of its events: what a quiet day
// can point readers to.
func (b *Base) NextOnThisDay(day time.Time) (time.Time, Occurrence, bool) {
	day = civil(day)
	for k := 1; k <= 366; k++ {
		u := day.AddDate(0, 0, k)
		if occ := b.OnThisDayIn(u); len(occ) > 0 {
			return u, occ[0], true
		}
	}
	return time.Time{}, Occurrence{}, false
}

// Period is one stretch of the timeline, as a weekly digest shows it.
type Period struct {
	Index  int // 0-based position among Count periods, in timeline order
	Count  int
	Events []*Event // in timeline order, never empty
}

// From is the date of the period's first event.
func (p Period) From() Date { return p.Events[0].Date }

// To is the date of the period's last event.
func (p Period) To() Date { return p.Events[len(p.Events)-1].Date }

// Periods cuts the timeline into consecutive periods of about PeriodSize
// events, as evenly as the count allows, so no digest is a lone leftover.
func (b *Base) Periods() []Period {
	n := len(b.events)
	if n == 0 {
		return nil
	}
	count := (n + PeriodSize - 1) / PeriodSize
	out := make([]Period, count)
	for i := range count {
		out[i] = Period{Index: i, Count: count, Events: b.events[i*n/count : (i+1)*n/count]}
	}
	return out
}

// weekEpoch is a Monday: weeks are counted from it, so every server sees
// the same period in the same week, whatever its time zone or start date.
var weekEpoch = time.Date(1970, time.January, 5, 0, 0, 0, 0, time.UTC)

// WeekStart is the Monday that starts day's ISO week.
func WeekStart(day time.Time) time.Time {
	day = civil(day)
	back := (int(day.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return day.AddDate(0, 0, -back)
}

// PeriodOfWeek returns the period the digest for day's ISO week shows. The
// digests cycle through the timeline in order, one period a week, and start
// over after the last; false when the timeline is empty.
func (b *Base) PeriodOfWeek(day time.Time) (Period, bool) {
	ps := b.Periods()
	if len(ps) == 0 {
		return Period{}, false
	}
	weeks := int(WeekStart(day).Sub(weekEpoch).Hours()) / (24 * 7)
	n := len(ps)
	return ps[((weeks%n)+n)%n], true
}
