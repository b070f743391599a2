package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// words are the fixed texts of a chart in one language.
type words struct {
	year    string // the x axis
	source  string // before one source document
	sources string // before several
	// partial explains a figure counted only part of the year: the year
	// and the date it runs to.
	partial func(year int, asOf string) string
	approx  string // explains "≈"
	decimal string // the decimal separator
	group   string // the thousands separator
}

var locales = map[facts.Lang]words{
	facts.EN: {
		year:    "Year",
		source:  "Source:",
		sources: "Sources:",
		partial: func(y int, asOf string) string { return fmt.Sprintf("%d: partial figure, as of %s", y, asOf) },
		approx:  "approximate figure",
		decimal: ".",
		group:   ",",
	},
	facts.KO: {
		year:    "연도",
		source:  "출처:",
		sources: "출처:",
		partial: func(y int, asOf string) string {
			return fmt.Sprintf("%d년: %s까지 집계된 부분 수치", y, asOf)
		},
		approx:  "근삿값",
		decimal: ".",
		group:   ",",
	},
	facts.RU: {
		year:    "Год",
		source:  "Источник:",
		sources: "Источники:",
		partial: func(y int, asOf string) string {
			return fmt.Sprintf("%d: неполные данные, на %s", y, asOf)
		},
		approx:  "приблизительное значение",
		decimal: ",",
		group:   "\u00a0",
	},
}

func wordsFor(lang facts.Lang) words {
	if w, ok := locales[lang]; ok {
		return w
	}
	return locales[facts.EN]
}

// scale is how a series' amounts are shown: divided by div, in the unit
// named by label ("US$ billion", "억 달러", "тыс. человек").
type scale struct {
	div   float64
	label string
}

// scaleFor picks the unit that keeps the largest amount of s readable in
// the language's own way of counting: billions in English and Russian,
// 억 (10⁸) and 만 (10⁴) in Korean.
func scaleFor(s *facts.Series, lang facts.Lang) scale {
	top := 0.0
	for _, f := range s.Points {
		top = math.Max(top, math.Abs(f.Value.Amount))
	}
	type step struct {
		min   float64
		label string
	}
	pick := func(steps ...step) scale {
		for _, st := range steps {
			if top >= st.min {
				return scale{div: math.Max(st.min, 1), label: st.label}
			}
		}
		last := steps[len(steps)-1]
		return scale{div: math.Max(last.min, 1), label: last.label}
	}
	switch s.Unit {
	case "USD":
		switch lang {
		case facts.KO:
			return pick(step{1e8, "억 달러"}, step{1e4, "만 달러"}, step{0, "달러"})
		case facts.RU:
			return pick(step{1e9, "млрд долл. США"}, step{1e6, "млн долл. США"}, step{1e3, "тыс. долл. США"}, step{0, "долл. США"})
		}
		return pick(step{1e9, "US$ billion"}, step{1e6, "US$ million"}, step{1e3, "US$ thousand"}, step{0, "US$"})
	case "people":
		switch lang {
		case facts.KO:
			return pick(step{1e8, "억 명"}, step{1e4, "만 명"}, step{0, "명"})
		case facts.RU:
			return pick(step{1e6, "млн человек"}, step{1e3, "тыс. человек"}, step{0, "человек"})
		}
		return pick(step{1e6, "million people"}, step{1e3, "thousand people"}, step{0, "people"})
	}
	return scale{div: 1, label: s.Unit}
}

// number formats v, already divided by the scale, with at most two
// decimals (one from 100 up) and the language's separators: "22.34",
// "223.4", "13,4", "1,250".
func number(v float64, w words) string {
	prec := 2
	if math.Abs(v) >= 100 {
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(w.group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(w.decimal)
		b.WriteString(frac)
	}
	return b.String()
}
