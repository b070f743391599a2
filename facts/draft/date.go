package draft

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ninebridges/ninebridges/facts"
)

// DateRef is a date a sentence names, resolved where it can be.
type DateRef struct {
	Span
	Text string
	// Date is the date at its precision, or zero when the text leaves the
	// year open (Note says why).
	Date facts.Date
	// Relative is set when the year (or the day) came from the document's
	// published date: "last year", "in May", "Wednesday".
	Relative bool
	// Prep is the word before the date that changes what it means: "as
	// of" (a figure counted up to then), "since", "until", "by".
	Prep string
	Note string
}

const month = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan\b|Feb\b|Apr\b|Jun\b|Jul\b|Aug\b|Sept\b|Sep\b|Oct\b|Nov\b|Dec\b)`

const day = `(\d{1,2})(?:st|nd|rd|th)?\b`
const year = `(1[89]\d\d|2[01]\d\d)\b`
const to = `\s*(?:to|till|until|through|thru|-|–|—)\s*`

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

func monthOf(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	return months[s[:3]]
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// datePattern is one way of writing a date; read turns a match's groups
// into a date, given the document's published date.
type datePattern struct {
	re   *lazyRE
	read func(g []string, c dateContext) DateRef
}

// dateContext is what resolves a date written without its year.
type dateContext struct {
	published facts.Date
	// future is set when the sentence speaks of what is to come ("will",
	// "plans to"), which decides whether "in March" is past or next.
	future bool
}

var datePatterns = []datePattern{
	{lazyRegexp(`\b` + year[:len(year)-2] + `-(\d\d)-(\d\d)\b`), func(g []string, c dateContext) DateRef {
		return c.point(atoi(g[1]), atoi(g[2]), atoi(g[3]), true)
	}},
	// "Apr. 28 to Apr. 30", "November 7 till 9", "Nov. 7-9, 2018"
	{lazyRegexp(month + `\s+` + day + `(?:,?\s+` + year + `)?` + to + `(?:` + month + `\s+)?` + day + `(?:,?\s+` + year + `)?`), func(g []string, c dateContext) DateRef {
		m1, m2 := monthOf(g[1]), monthOf(g[1])
		if g[4] != "" {
			m2 = monthOf(g[4])
		}
		y := g[6]
		if y == "" {
			y = g[3]
		}
		return c.rangeOf(m1, atoi(g[2]), m2, atoi(g[5]), y)
	}},
	// "7-9 November 2018"
	{lazyRegexp(`\b` + day + to + day + `\s+` + month + `(?:,?\s+` + year + `)?`), func(g []string, c dateContext) DateRef {
		m := monthOf(g[3])
		return c.rangeOf(m, atoi(g[1]), m, atoi(g[2]), g[4])
	}},
	// "November 19, 2020", "Nov. 8"
	{lazyRegexp(month + `\s+` + day + `(?:,?\s+` + year + `)?`), func(g []string, c dateContext) DateRef {
		if g[3] != "" {
			return c.point(atoi(g[3]), int(monthOf(g[1])), atoi(g[2]), true)
		}
		return c.noYear(monthOf(g[1]), atoi(g[2]))
	}},
	// "19 November 2020"
	{lazyRegexp(`\b` + day + `\s+` + month + `(?:,?\s+` + year + `)?`), func(g []string, c dateContext) DateRef {
		if g[3] != "" {
			return c.point(atoi(g[3]), int(monthOf(g[2])), atoi(g[1]), true)
		}
		return c.noYear(monthOf(g[2]), atoi(g[1]))
	}},
	// "November 2013", "Dec. 2012", "May of 2017"
	{lazyRegexp(month + `(?:\s+of)?,?\s+` + year), func(g []string, c dateContext) DateRef {
		return c.point(atoi(g[2]), int(monthOf(g[1])), 0, true)
	}},
	// "June last year"
	{lazyRegexp(month + `\s+(last|this|next)\s+year\b`), func(g []string, c dateContext) DateRef {
		if c.published.IsZero() {
			return DateRef{Note: "no published date to count from"}
		}
		y := c.published.Year() + map[string]int{"last": -1, "this": 0, "next": 1}[g[2]]
		d := c.point(y, int(monthOf(g[1])), 0, false)
		d.Relative = true
		return d
	}},
	// "April", "in May": the month alone ("May" only after a word that
	// makes it a month, as it is also a verb)
	{lazyRegexp(month), func(g []string, c dateContext) DateRef {
		return c.noYear(monthOf(g[1]), 0)
	}},
	// "2021-2023", "from 2014 to 2016"
	{lazyRegexp(`\b` + year + `\s*(?:-|–|—)\s*` + year), func(g []string, c dateContext) DateRef {
		return c.years(atoi(g[1]), atoi(g[2]))
	}},
	{lazyRegexp(`\b(?:from|between)\s+` + year + `\s+(?:to|and|until|till)\s+` + year), func(g []string, c dateContext) DateRef {
		return c.years(atoi(g[1]), atoi(g[2]))
	}},
	{lazyRegexp(`\b` + year), func(g []string, c dateContext) DateRef {
		return c.point(atoi(g[1]), 0, 0, true)
	}},
	{lazyRegexp(`(?i)\b(last|this|next) (year|month)\b`), func(g []string, c dateContext) DateRef {
		p := c.published
		if p.IsZero() {
			return DateRef{Note: "no published date to count from"}
		}
		n := map[string]int{"last": -1, "this": 0, "next": 1}[strings.ToLower(g[1])]
		var d DateRef
		if strings.EqualFold(g[2], "year") {
			d = c.point(p.Year()+n, 0, 0, false)
		} else if p.Precision >= facts.Month {
			t := p.Start.AddDate(0, n, 0)
			d = c.point(t.Year(), int(t.Month()), 0, false)
		} else {
			return DateRef{Note: fmt.Sprintf("the document's date (%s) has no month to count from", p)}
		}
		d.Relative = true
		return d
	}},
	{lazyRegexp(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`), func(g []string, c dateContext) DateRef {
		p := c.published
		if p.Precision != facts.Day {
			return DateRef{Note: fmt.Sprintf("a weekday; the document's date (%s) has no day to count from", p)}
		}
		if p.Start.Weekday() == weekdays[strings.ToLower(g[1])] {
			d := c.point(p.Year(), int(p.Start.Month()), p.Start.Day(), false)
			d.Relative = true
			return d
		}
		return DateRef{Note: fmt.Sprintf("a weekday other than the published day (%s, a %s): which week is not said", p, p.Start.Weekday())}
	}},
	{lazyRegexp(`(?i)\b(today|yesterday)\b`), func(g []string, c dateContext) DateRef {
		p := c.published
		if p.Precision != facts.Day {
			return DateRef{Note: fmt.Sprintf("the document's date (%s) has no day to count from", p)}
		}
		t := p.Start
		if strings.EqualFold(g[1], "yesterday") {
			t = t.AddDate(0, 0, -1)
		}
		d := c.point(t.Year(), int(t.Month()), t.Day(), false)
		d.Relative = true
		return d
	}},
}

// monthWords are the words after which "May" is a month, not a verb.
var monthWords = lazyRegexp(`(?i)\b(?:in|of|since|until|till|by|from|early|late|mid|end|beginning|during|through|last|next|this|to|on)[\s-]*$`)

// prep finds the word before a date that changes its meaning.
var prep = lazyRegexp(`(?i)\b(as of|as at|since|until|till|by the end of|by end-|by|through|up to)\s*$`)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// point makes a date at the precision given (month 0: a year; day 0: a
// month). known is false when the year came from the published date.
func (c dateContext) point(y, m, d int, known bool) DateRef {
	s := fmt.Sprintf("%04d", y)
	if m > 0 {
		s += fmt.Sprintf("-%02d", m)
		if d > 0 {
			s += fmt.Sprintf("-%02d", d)
		}
	}
	date, err := facts.ParseDate(s)
	if err != nil {
		return DateRef{Note: err.Error()}
	}
	return DateRef{Date: date, Relative: !known}
}

func (c dateContext) years(a, b int) DateRef {
	date, err := facts.ParseDate(fmt.Sprintf("%04d..%04d", a, b))
	if err != nil {
		return DateRef{Note: err.Error()}
	}
	return DateRef{Date: date}
}

// yearFor gives the year of a month named without one, only when the
// published date leaves no doubt: the published month itself; an earlier
// month of the same year told in the past; a later one told as to come.
// Otherwise (a later month in the past tense: last year's, or this year's
// with the tense wrong?) the curator decides.
func (c dateContext) yearFor(m time.Month) (int, string) {
	p := c.published
	if p.IsZero() || p.Precision < facts.Month {
		return 0, fmt.Sprintf("no year, and the document's date (%s) has no month to place it", p)
	}
	pm := p.Start.Month()
	switch {
	case m == pm, m < pm && !c.future, m > pm && c.future:
		return p.Year(), ""
	}
	return 0, fmt.Sprintf("no year: %s %d or %d? (the document is of %s)", m, p.Year()-1, p.Year(), p)
}

func (c dateContext) noYear(m time.Month, d int) DateRef {
	y, note := c.yearFor(m)
	if y == 0 {
		return DateRef{Note: note}
	}
	r := c.point(y, int(m), d, false)
	r.Relative = true
	return r
}

func (c dateContext) rangeOf(m1 time.Month, d1 int, m2 time.Month, d2 int, y string) DateRef {
	yr := atoi(y)
	relative := false
	if y == "" {
		var note string
		if yr, note = c.yearFor(m1); yr == 0 {
			return DateRef{Note: note}
		}
		relative = true
	}
	y2 := yr
	if m2 < m1 {
		y2++ // "Dec. 30 to Jan. 2"
	}
	date, err := facts.ParseDate(fmt.Sprintf("%04d-%02d-%02d..%04d-%02d-%02d", yr, m1, d1, y2, m2, d2))
	if err != nil {
		return DateRef{Note: err.Error()}
	}
	return DateRef{Date: date, Relative: relative}
}

// future marks a sentence about what is to come.
var future = lazyRegexp(`(?i)\b(?:will|shall|plans? to|planned|is to|are to|to be held|to come|upcoming|scheduled|expected to|aims? to|intends? to|next)\b`)

// Dates finds the dates in text[s.Start:s.End], resolving those written
// without a year against published.
func Dates(text string, s Span, published facts.Date) []DateRef {
	sub := text[s.Start:s.End]
	c := dateContext{published: published, future: future.MatchString(sub)}
	var found []DateRef
	for _, p := range datePatterns {
		for _, m := range p.re.FindAllStringSubmatchIndex(sub, -1) {
			sp := Span{s.Start + m[0], s.Start + m[1]}
			if slices.ContainsFunc(found, func(d DateRef) bool { return d.overlaps(sp) }) {
				continue
			}
			g := make([]string, len(m)/2)
			for i := range g {
				if m[2*i] >= 0 {
					g[i] = sub[m[2*i]:m[2*i+1]]
				}
			}
			before := text[max(s.Start, sp.Start-24):sp.Start]
			if g[1] == "May" && p.re.NumSubexp() == 1 && !monthWords.MatchString(before) {
				continue // "May" the verb
			}
			if isYearPattern(p) && !plausibleYear(text, sp) {
				continue
			}
			d := p.read(g, c)
			d.Span, d.Text = sp, text[sp.Start:sp.End]
			if pm := prep.FindStringSubmatch(before); pm != nil {
				d.Prep = strings.ToLower(pm[1])
			}
			found = append(found, d)
		}
	}
	slices.SortFunc(found, func(a, b DateRef) int { return a.Start - b.Start })
	return found
}

func isYearPattern(p datePattern) bool { return p.re.String() == `\b`+year }

// plausibleYear tells a year from a count that looks like one: "2000
// tourists" and "$2019" are not years.
func plausibleYear(text string, sp Span) bool {
	if sp.Start > 0 && strings.ContainsAny(text[sp.Start-1:sp.Start], "$€₩,.") {
		return false
	}
	after := firstWords(text[sp.End:min(len(text), sp.End+30)], 1)
	after = strings.ToLower(strings.TrimRight(after, ",.;:)"))
	switch {
	case people.MatchString(after), strings.HasPrefix(after, "percent"), strings.HasPrefix(after, "%"),
		after == "dollars", after == "won", after == "times", after == "units", after == "tons", after == "tonnes":
		return false
	}
	return true
}
