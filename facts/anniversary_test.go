package facts

import (
	"slices"
	"testing"
	"time"
)

type occ struct {
	id    string
	years int
}

func occs(os []Occurrence) []occ {
	out := []occ{}
	for _, o := range os {
		out = append(out, occ{o.Event.ID, o.Years})
	}
	return out
}

func TestOnThisDayIn(t *testing.T) {
	b := embeddedBase(t)
	tests := []struct {
		day  string
		want []occ
	}{
		{"2026-11-19", []occ{{"arctic-4th-consultation", 6}}},
		{"2026-11-08", []occ{{"first-interregional-forum-pohang", 8}, {"kang-koslov-pohang-meeting", 8}}},
		{"2026-11-07", []occ{{"first-interregional-forum-pohang", 8}}},
		{"2025-09-30", []occ{{"diplomatic-relations-established", 35}}},
		// The day itself is not "on this day" yet, nor is a later year.
		{"2020-11-19", []occ{}},
		{"2019-11-19", []occ{}},
		{"2021-11-19", []occ{{"arctic-4th-consultation", 1}}},
		// Month- and year-only events never come up.
		{"2026-11-01", []occ{}},
		{"2026-01-02", []occ{}},
		// The visa waiver took effect on 1 January 2014 (its text, an
		// outside reference).
		{"2026-01-01", []occ{{"visa-waiver-2014", 12}}},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			got := occs(b.OnThisDayIn(day(tt.day)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("OnThisDayIn(%s) = %v, want %v", tt.day, got, tt.want)
			}
		})
	}
	// Only the date counts, not the clock or the zone.
	seoul, _ := time.LoadLocation("Asia/Seoul")
	late := time.Date(2026, 11, 19, 23, 59, 0, 0, seoul)
	if got := occs(b.OnThisDayIn(late)); !slices.Equal(got, []occ{{"arctic-4th-consultation", 6}}) {
		t.Errorf("OnThisDayIn(%v) = %v", late, got)
	}
}

func TestAnniversariesOn(t *testing.T) {
	b := embeddedBase(t)
	tests := []struct {
		day  string
		want []occ
	}{
		{"2025-09-30", []occ{{"diplomatic-relations-established", 35}}},
		{"2030-09-30", []occ{{"diplomatic-relations-established", 40}}},
		{"2026-09-30", []occ{}}, // 36: not round
		{"2025-11-19", []occ{{"arctic-4th-consultation", 5}}},
		{"2026-11-19", []occ{}}, // 6: not round
		{"2028-11-08", []occ{{"kang-koslov-pohang-meeting", 10}}},
		// A range has its anniversary on its first day only.
		{"2028-11-07", []occ{{"first-interregional-forum-pohang", 10}}},
		{"2028-11-09", []occ{}},
		{"2024-04-28", []occ{{"trutnev-north-korea-visit-2014", 10}}},
		{"2020-11-19", []occ{}}, // the day itself
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			got := occs(b.AnniversariesOn(day(tt.day)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("AnniversariesOn(%s) = %v, want %v", tt.day, got, tt.want)
			}
		})
	}
}

func TestAnniversaryOf(t *testing.T) {
	leapDay := day("2000-02-29")
	tests := []struct {
		start time.Time
		year  int
		want  string
	}{
		{leapDay, 2005, "2005-02-28"},
		{leapDay, 2004, "2004-02-29"},
		{leapDay, 2100, "2100-02-28"},
		{day("1990-09-30"), 2030, "2030-09-30"},
	}
	for _, tt := range tests {
		if got := AnniversaryOf(tt.start, tt.year).Format(time.DateOnly); got != tt.want {
			t.Errorf("AnniversaryOf(%s, %d) = %s, want %s", tt.start.Format(time.DateOnly), tt.year, got, tt.want)
		}
	}
	for _, y := range []int{-5, 0, 1, 4, 6, 31} {
		if IsRoundAnniversary(y) {
			t.Errorf("IsRoundAnniversary(%d) = true", y)
		}
	}
	for _, y := range []int{5, 10, 30, 35} {
		if !IsRoundAnniversary(y) {
			t.Errorf("IsRoundAnniversary(%d) = false", y)
		}
	}
}

func TestNextOnThisDay(t *testing.T) {
	b := embeddedBase(t)
	tests := []struct {
		after, wantDay, wantID string
	}{
		{"2026-11-10", "2026-11-19", "arctic-4th-consultation"},
		{"2026-11-19", "2027-01-01", "visa-waiver-2014"}, // wraps into the next year
		{"2027-01-01", "2027-02-05", "russia-azerbaijan-meetings-2020"},
		{"2026-11-06", "2026-11-07", "first-interregional-forum-pohang"},
	}
	for _, tt := range tests {
		d, o, ok := b.NextOnThisDay(day(tt.after))
		if !ok || d.Format(time.DateOnly) != tt.wantDay || o.Event.ID != tt.wantID {
			t.Errorf("NextOnThisDay(%s) = %s %v %v, want %s %s", tt.after, d.Format(time.DateOnly), o.Event, ok, tt.wantDay, tt.wantID)
		}
	}
}

func TestPeriods(t *testing.T) {
	b := embeddedBase(t)
	ps := b.Periods()
	var all []*Event
	for i, p := range ps {
		if p.Index != i || p.Count != len(ps) || len(p.Events) == 0 {
			t.Errorf("period %d = index %d of %d with %d events", i, p.Index, p.Count, len(p.Events))
		}
		if n := len(p.Events); n < PeriodSize-1 || n > PeriodSize+1 {
			t.Errorf("period %d has %d events, want about %d", i, n, PeriodSize)
		}
		all = append(all, p.Events...)
	}
	if !slices.Equal(all, b.Timeline()) {
		t.Error("the periods do not cover the timeline exactly once, in order")
	}
}

func TestPeriodOfWeek(t *testing.T) {
	b := embeddedBase(t)
	n := len(b.Periods())
	monday := day("2026-11-16")
	first, _ := b.PeriodOfWeek(monday)
	// Every day of an ISO week gets the same period.
	for k := range 7 {
		if p, _ := b.PeriodOfWeek(monday.AddDate(0, 0, k)); p.Index != first.Index {
			t.Errorf("%s: period %d, want %d (Monday's)", monday.AddDate(0, 0, k).Format(time.DateOnly), p.Index, first.Index)
		}
	}
	// Consecutive weeks go through every period in order, then start over,
	// across a year's end too.
	for w := 1; w <= 2*n; w++ {
		p, _ := b.PeriodOfWeek(monday.AddDate(0, 0, 7*w))
		if want := (first.Index + w) % n; p.Index != want {
			t.Errorf("week +%d: period %d, want %d", w, p.Index, want)
		}
	}
	if got := WeekStart(day("2027-01-03")).Format(time.DateOnly); got != "2026-12-28" {
		t.Errorf("WeekStart(Sunday 2027-01-03) = %s", got)
	}
	if got := WeekStart(day("2026-11-16")).Format(time.DateOnly); got != "2026-11-16" {
		t.Errorf("WeekStart(Monday) = %s", got)
	}
}
