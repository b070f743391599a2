package draft

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Figure is an amount a sentence states: money, a percentage, a multiple
// ("25 times") or a count.
type Figure struct {
	Span
	Text   string  // as written
	Amount float64 // in units: 22.34e9 for "22.34 billion dollars"
	// Unit is the base's unit where there is one ("USD", "people"), else
	// "KRW", "RUB", "EUR", "percent", "times", or "" for a count of
	// something that is not people.
	Unit string
	// Approx is set when the amount is hedged ("roughly", "about").
	Approx bool
}

const number = `(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`
const scale = `(trillion|billion|million|thousand|tn|bn|mn)`

var (
	moneyBefore = lazyRegexp(`(US\$|U\.S\.\s?\$|\$|USD\s?|€|EUR\s?|₩|KRW\s?|RUB\s?|₽)\s?` + number + `(?:\s?` + scale + `\b)?`)
	moneyAfter  = lazyRegexp(number + `(?:\s?` + scale + `)?\s+(?:(?:US|U\.S\.)\s+)?(dollars|won|rubles|roubles|euros)\b`)
	percent     = lazyRegexp(number + `\s?(?:%|percent\b|per cent\b)`)
	multiple    = lazyRegexp(number + `(?:\s|-)?(?:times|fold)\b`)
	count       = lazyRegexp(number + `(?:\s?(thousand|million|billion)\b)?`)
	// hedge is a word before a figure that makes it approximate.
	hedge = lazyRegexp(`(?i)\b(?:roughly|about|approximately|around|nearly|almost|some|an estimated|approx\.)\s*$`)
)

var scales = map[string]string{"thousand": "3", "million": "6", "mn": "6", "billion": "9", "bn": "9", "trillion": "12", "tn": "12"}

var currencies = map[string]string{
	"US$": "USD", "$": "USD", "USD": "USD", "dollars": "USD",
	"€": "EUR", "EUR": "EUR", "euros": "EUR",
	"₩": "KRW", "KRW": "KRW", "won": "KRW",
	"RUB": "RUB", "₽": "RUB", "rubles": "RUB", "roubles": "RUB",
}

// people are nouns that make a count a count of people.
var people = lazyRegexp(`(?i)\b(?:people|persons|participants|tourists|visitors|travell?ers|students|workers|residents|citizens|nationals|delegates|employees|passengers|migrants|refugees|troops|soldiers|athletes|pilgrims|guests|attendees)\b`)

// countOfOther reports whether the words after a number say it counts
// something else or is a rate: "1 million exchanges", "28 a week". A
// number followed by a preposition, a conjunction or nothing counts what
// the sentence named before it ("the number of tourists … 30,000 but").
func countOfOther(after string) bool {
	w := strings.ToLower(firstWords(after, 1))
	if w == "" || strings.IndexFunc(w[:1], unicode.IsLetter) < 0 {
		return false
	}
	w = strings.TrimRight(w, ",.;:)")
	switch w {
	case "in", "at", "on", "last", "this", "by", "as", "and", "but", "or", "while", "during", "for", "from", "to", "since", "up", "down", "of", "than", "were", "was", "people":
		return false
	}
	return true
}

// duration is a unit of time right after a number.
var duration = lazyRegexp(`(?i)^[\s-]*(years?|decades?|months?|weeks?|days?|hours?|centuries|century)\b`)

// amount reads "1,234.5" and a scale word as a number, exactly: the scale
// is written as an exponent so that 22.34 billion is 22.34e9, not
// 22.34 × 1e9 with a rounding error.
func amount(num, sc string) (float64, bool) {
	s := strings.ReplaceAll(num, ",", "")
	if e, ok := scales[strings.ToLower(sc)]; ok {
		s += "e" + e
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// Figures finds the figures in text[s.Start:s.End], leaving out numbers
// that are part of a date in dates ("November 19, 2020"), years, ordinals
// ("30th"), and numbers inside words ("COVID-19").
func Figures(text string, s Span, dates []DateRef) []Figure {
	sub := text[s.Start:s.End]
	var found []Figure
	taken := func(sp Span) bool {
		for _, f := range found {
			if f.overlaps(sp) {
				return true
			}
		}
		for _, d := range dates {
			if d.overlaps(sp) {
				return true
			}
		}
		return false
	}
	add := func(m []int, num, sc, unit string) {
		sp := Span{s.Start + m[0], s.Start + m[1]}
		if taken(sp) || !wordEdges(text, sp) {
			return
		}
		a, ok := amount(num, sc)
		if !ok {
			return
		}
		found = append(found, Figure{Span: sp, Text: text[sp.Start:sp.End], Amount: a, Unit: unit,
			Approx: hedge.MatchString(text[max(s.Start, sp.Start-20):sp.Start])})
	}
	group := func(m []int, i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return sub[m[2*i]:m[2*i+1]]
	}
	for _, m := range moneyBefore.FindAllStringSubmatchIndex(sub, -1) {
		add(m, group(m, 2), group(m, 3), currencies[strings.TrimSpace(strings.ReplaceAll(group(m, 1), "U.S.", "US"))])
	}
	for _, m := range moneyAfter.FindAllStringSubmatchIndex(sub, -1) {
		add(m, group(m, 1), group(m, 2), currencies[group(m, 3)])
	}
	for _, m := range percent.FindAllStringSubmatchIndex(sub, -1) {
		add(m, group(m, 1), "", "percent")
	}
	for _, m := range multiple.FindAllStringSubmatchIndex(sub, -1) {
		add(m, group(m, 1), "", "times")
	}
	for _, m := range count.FindAllStringSubmatchIndex(sub, -1) {
		num := group(m, 1)
		if isYear(num) && group(m, 2) == "" {
			continue // a year the date parser did not take ("the 2018 forum")
		}
		sp := Span{s.Start + m[0], s.Start + m[1]}
		if ordinalAfter(text, sp.End) || rangeAfter(text, sp.End) {
			continue
		}
		unit := ""
		after := text[sp.End:min(len(text), sp.End+40)]
		if t := duration.FindStringSubmatch(after); t != nil {
			unit = strings.ToLower(t[1]) // "3 decades", "30 years": a span of time, never people
		} else if people.MatchString(firstWords(after, 3)) || people.MatchString(text[s.Start:sp.Start]) && !countOfOther(after) {
			unit = "people" // "292,000 in 2014" after "the number of participants"
		}
		add(m, num, group(m, 2), unit)
	}
	slices.SortFunc(found, func(a, b Figure) int { return a.Start - b.Start })
	return found
}

func isYear(num string) bool {
	if len(num) != 4 || strings.ContainsAny(num, ",.") {
		return false
	}
	n, _ := strconv.Atoi(num)
	return n >= 1800 && n <= 2200
}

// wordEdges reports whether sp is not inside a word or a longer number:
// "COVID-19", "G20", "A380" hold no figure.
func wordEdges(text string, sp Span) bool {
	if sp.Start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:sp.Start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' && isDigitBefore(text, sp.Start-1) {
			return false
		}
	}
	if sp.End < len(text) {
		r, _ := utf8.DecodeRuneInString(text[sp.End:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isDigitBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsDigit(r)
}

// ordinalAfter: "30th", "4th", "1st".
func ordinalAfter(text string, i int) bool {
	rest := strings.ToLower(text[i:min(len(text), i+2)])
	return rest == "th" || rest == "st" || rest == "nd" || rest == "rd"
}

// rangeAfter: "2021-2023" is a range of years, not a count.
func rangeAfter(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != '-' && r != '–' {
		return false
	}
	d, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsDigit(d)
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}
