package facts

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision int

const (
	Year Precision = iota + 1
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "unknown"
}

// Date is a point or range in time known to a given precision: "2018",
// "2018-06", "2018-11-08", or a range "2018-11-07..2018-11-09" whose two ends
// share a precision. The zero Date means "no date".
type Date struct {
	Start, End time.Time // End == Start for a single date
	Precision  Precision
}

// ParseDate parses the forms described on Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, errors.New("empty date")
	}
	if from, to, ok := strings.Cut(s, ".."); ok {
		a, err := parsePoint(from)
		if err != nil {
			return Date{}, err
		}
		b, err := parsePoint(to)
		if err != nil {
			return Date{}, err
		}
		if a.Precision != b.Precision {
			return Date{}, fmt.Errorf("date range %q mixes precisions", s)
		}
		if !b.Start.After(a.Start) {
			return Date{}, fmt.Errorf("date range %q does not run forwards", s)
		}
		return Date{Start: a.Start, End: b.Start, Precision: a.Precision}, nil
	}
	return parsePoint(s)
}

func parsePoint(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("invalid date %q: use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		if len(p) != want {
			return Date{}, fmt.Errorf("invalid date %q: use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, fmt.Errorf("invalid date %q: use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO", s)
		}
		nums[i] = n
	}
	y, m, d := nums[0], 1, 1
	prec := Year
	if len(nums) > 1 {
		m, prec = nums[1], Month
		if m < 1 || m > 12 {
			return Date{}, fmt.Errorf("impossible date %q: month %d", s, m)
		}
	}
	if len(nums) > 2 {
		d, prec = nums[2], Day
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return Date{}, fmt.Errorf("impossible date %q: %s has no day %d", s, time.Month(m), d)
	}
	if y < 1800 || y > 2200 {
		return Date{}, fmt.Errorf("implausible year in date %q", s)
	}
	return Date{Start: t, End: t, Precision: prec}, nil
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.Precision == 0 }

// IsRange reports whether d spans more than one point.
func (d Date) IsRange() bool { return !d.IsZero() && !d.End.Equal(d.Start) }

// String formats d in the same form ParseDate accepts.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	s := formatPoint(d.Start, d.Precision)
	if d.IsRange() {
		s += ".." + formatPoint(d.End, d.Precision)
	}
	return s
}

func formatPoint(t time.Time, p Precision) string {
	switch p {
	case Year:
		return t.Format("2006")
	case Month:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// OnMonthDay reports whether d is known to the day and one of its days falls
// on the given month and day in any year.
func (d Date) OnMonthDay(m time.Month, day int) bool {
	if d.Precision != Day {
		return false
	}
	for t := d.Start; !t.After(d.End); t = t.AddDate(0, 0, 1) {
		if t.Month() == m && t.Day() == day {
			return true
		}
	}
	return false
}

// Year returns the year the date starts in.
func (d Date) Year() int { return d.Start.Year() }

// MarshalText renders d the way it is written in the fact files.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Human formats d for people in lang, at its precision.
func (d Date) Human(lang Lang) string {
	if d.IsZero() {
		return ""
	}
	s := humanPoint(d.Start, d.Precision, lang)
	if d.IsRange() {
		s += " – " + humanPoint(d.End, d.Precision, lang)
	}
	return s
}

var ruMonths = [...]string{"", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
var ruMonthsNom = [...]string{"", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}

func humanPoint(t time.Time, p Precision, lang Lang) string {
	switch lang {
	case KO:
		switch p {
		case Year:
			return fmt.Sprintf("%d년", t.Year())
		case Month:
			return fmt.Sprintf("%d년 %d월", t.Year(), t.Month())
		}
		return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day())
	case RU:
		switch p {
		case Year:
			return fmt.Sprintf("%d г.", t.Year())
		case Month:
			return fmt.Sprintf("%s %d г.", ruMonthsNom[t.Month()], t.Year())
		}
		return fmt.Sprintf("%d %s %d г.", t.Day(), ruMonths[t.Month()], t.Year())
	}
	switch p {
	case Year:
		return t.Format("2006")
	case Month:
		return t.Format("January 2006")
	}
	return t.Format("2 January 2006")
}
