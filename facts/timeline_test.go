package facts

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// These tests run on the real embedded base, so they check the timeline that
// /timeline and the reminders actually show.

func embeddedBase(t *testing.T) *Base {
	t.Helper()
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func eventIDs(evs []*Event) []string {
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTimelineIsChronological(t *testing.T) {
	tl := embeddedBase(t).Timeline()
	if len(tl) == 0 {
		t.Fatal("the timeline is empty")
	}
	for i := 1; i < len(tl); i++ {
		if tl[i].Date.Start.Before(tl[i-1].Date.Start) {
			t.Errorf("%s (%s) comes after %s (%s)", tl[i].ID, tl[i].Date, tl[i-1].ID, tl[i-1].Date)
		}
	}
}

func TestTimelineEventsAreComplete(t *testing.T) {
	b := embeddedBase(t)
	seen := map[string]bool{}
	for _, e := range b.Timeline() {
		t.Run(e.ID, func(t *testing.T) {
			if seen[e.ID] {
				t.Errorf("event id %q is used twice", e.ID)
			}
			seen[e.ID] = true
			for _, lang := range Langs {
				var s string
				switch lang {
				case EN:
					s = e.Title.EN
				case KO:
					s = e.Title.KO
				case RU:
					s = e.Title.RU
				}
				if strings.TrimSpace(s) == "" {
					t.Errorf("no %s title", lang)
				} else if n := utf8.RuneCountInString(s); n >= 100 {
					t.Errorf("%s title is %d characters, want a headline under 100", lang, n)
				}
			}
			if len(e.Facts) == 0 {
				t.Fatal("no facts")
			}
			if e.Date.IsZero() {
				t.Error("no date")
			}
			if e.Date != e.Facts[0].Date {
				t.Errorf("date %s is not its first fact's (%s: %s)", e.Date, e.Facts[0].ID, e.Facts[0].Date)
			}
			related := map[string]bool{}
			for _, f := range e.Facts {
				if related[f.ID] {
					t.Errorf("fact %s is listed twice", f.ID)
				}
				related[f.ID] = true
			}
		})
	}
}

func TestOnThisDay(t *testing.T) {
	b := embeddedBase(t)
	tests := []struct {
		name    string
		month   time.Month
		day     int
		want    []string // must be among the results
		notWant []string // must not be
	}{
		{"arctic consultation", time.November, 19, []string{"arctic-4th-consultation"}, nil},
		{"forum's middle day is Kang–Koslov's", time.November, 8,
			[]string{"kang-koslov-pohang-meeting", "first-interregional-forum-pohang"}, nil},
		{"forum's first day only", time.November, 7,
			[]string{"first-interregional-forum-pohang"}, []string{"kang-koslov-pohang-meeting"}},
		{"forum's last day", time.November, 9, []string{"first-interregional-forum-pohang"}, nil},
		{"day after the forum", time.November, 10, nil, []string{"first-interregional-forum-pohang"}},
		{"diplomatic relations", time.September, 30, []string{"diplomatic-relations-established"}, nil},
		{"Trutnev in North Korea", time.April, 29, []string{"trutnev-north-korea-visit-2014"}, nil},
		// Known only to the month: never a day's reminder.
		{"month-only events stay out", time.November, 1, nil, []string{"trutnev-south-korea-visit-2013"}},
		{"year-only events stay out", time.January, 1, nil,
			[]string{"diplomatic-relations-30th-anniversary", "russia-arctic-council-chair"}},
		// Dated from its text (an outside reference), not KITA's "in 2014".
		{"visa waiver in force", time.January, 1, []string{"visa-waiver-2014"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.OnThisDay(tt.month, tt.day)
			ids := eventIDs(got)
			for _, id := range tt.want {
				if !slices.Contains(ids, id) {
					t.Errorf("OnThisDay(%s %d) = %v, missing %s", tt.month, tt.day, ids, id)
				}
			}
			for _, id := range tt.notWant {
				if slices.Contains(ids, id) {
					t.Errorf("OnThisDay(%s %d) = %v, should not include %s", tt.month, tt.day, ids, id)
				}
			}
			for _, e := range got {
				if e.Date.Precision != Day {
					t.Errorf("%s is known only to the %s, yet is on this day", e.ID, e.Date.Precision)
				}
			}
		})
	}
}

func TestEventsBetween(t *testing.T) {
	b := embeddedBase(t)
	tests := []struct {
		name     string
		from, to time.Time
		topic    string
		want     []string // exactly, in order
	}{
		{"2018, any topic", day("2018-01-01"), day("2018-12-31"), "", []string{
			"moon-state-visit-russia-2018",
			"first-interregional-forum-pohang",
			"kang-koslov-pohang-meeting",
		}},
		{"arctic, unbounded", time.Time{}, time.Time{}, "arctic", []string{
			"arctic-consultation-agreed",
			"arctic-4th-consultation",
			"russia-arctic-council-chair",
		}},
		{"far east from 2014", day("2014-01-01"), time.Time{}, "far-east", []string{
			"trutnev-north-korea-visit-2014",
		}},
		{"fta until 2019", time.Time{}, day("2019-12-31"), "fta", []string{
			"fta-talks-launched-2019",
		}},
		{"November 2018, forum topic", day("2018-11-01"), day("2018-11-30"), "forum", []string{
			"first-interregional-forum-pohang",
			"kang-koslov-pohang-meeting", // related fact: the ministers' appraisal of the forum
		}},
		{"nothing before ties", time.Time{}, day("1990-09-29"), "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eventIDs(b.EventsBetween(tt.from, tt.to, tt.topic))
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("EventsBetween(%s, %s, %q) =\n  %v\nwant\n  %v",
					tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly), tt.topic, got, tt.want)
			}
		})
	}
}
