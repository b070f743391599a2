package facts

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The figures an answer states, read in its own language's notation, so
// that the three answers of a fact can be held to the same numbers: "US$
// 22.34 billion", "223억 4,000만 달러" and "22,34 млрд долларов" are one
// figure, and "13 November 2013", "2013년 11월 13일" and "13 ноября 2013
// года" are one date.
//
// Small whole numbers (up to 12) are left out: "the first forum", "양국"
// and "трёхстороннее" say their counts in words as often as in digits, and
// a month is a name in one language and a number in another.

// minFigure is the smallest whole number held to parity.
const minFigure = 13

var (
	// A number with its scale word, if any. Thousands separators are
	// commas (en, ko) or spaces (ru); the decimal mark is "." (en, ko) or
	// "," (ru).
	numberEN = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)(\s*(?:billion|million|thousand|bn|mn)\b)?`)
	numberRU = regexp.MustCompile(`(\d[\d\x{00a0} ]*(?:,\d+)?)(\s*(?:млрд|млн|тыс)\.?)?`)
	// Korean writes large numbers in myriads: 223억 4,000만 is 22.34 billion.
	numberKO = regexp.MustCompile(`(?:(\d[\d,]*(?:\.\d+)?)\s*조\s*)?(?:(\d[\d,]*(?:\.\d+)?)\s*억\s*)?(?:(\d[\d,]*(?:\.\d+)?)\s*만\s*)?(\d[\d,]*(?:\.\d+)?)?`)
)

var scaleOf = map[string]float64{
	"billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "thousand": 1e3,
	"млрд": 1e9, "млн": 1e6, "тыс": 1e3,
}

// Figures lists the numbers text states in lang's notation, each once, in
// order of value.
func Figures(text string, lang Lang) []float64 {
	var out []float64
	add := func(v float64) {
		if v >= minFigure || v != math.Trunc(v) {
			out = append(out, round(v))
		}
	}
	switch lang {
	case KO:
		for _, m := range numberKO.FindAllStringSubmatch(text, -1) {
			if m[0] == "" {
				continue
			}
			v := num(m[1], ".")*1e12 + num(m[2], ".")*1e8 + num(m[3], ".")*1e4 + num(m[4], ".")
			if m[1] == "" && m[2] == "" && m[3] == "" && m[4] == "" {
				continue
			}
			add(v)
		}
	case RU:
		for _, m := range numberRU.FindAllStringSubmatch(text, -1) {
			n := strings.TrimRight(m[1], " \u00a0")
			v := num(strings.NewReplacer(" ", "", "\u00a0", "").Replace(n), ",")
			if s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[2]), ".")); s != "" {
				v *= scaleOf[s]
			}
			add(v)
		}
	default:
		for _, m := range numberEN.FindAllStringSubmatch(text, -1) {
			v := num(m[1], ".")
			if s := strings.TrimSpace(m[2]); s != "" {
				v *= scaleOf[s]
			}
			add(v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// num reads a number written with decimal mark dec; thousands separators
// (the other of "," and ".") are dropped.
func num(s, dec string) float64 {
	if s == "" {
		return 0
	}
	if dec == "." {
		s = strings.ReplaceAll(s, ",", "")
	} else {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	}
	v, err := strconv.ParseFloat(strings.TrimRight(s, "."), 64)
	if err != nil {
		return 0
	}
	return v
}

// round keeps four significant digits, the most any answer gives, so that
// 22.34 billion read two ways is one value.
func round(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	return r
}

// figureGaps compares the figures of a fact's answers: for each language,
// the figures another language states and it lacks.
func figureGaps(answer Text) map[Lang][]float64 {
	by := map[Lang][]float64{}
	for _, l := range Langs {
		by[l] = Figures(answer.In(l), l)
	}
	gaps := map[Lang][]float64{}
	for _, l := range Langs {
		for _, o := range Langs {
			for _, v := range by[o] {
				if !slices.Contains(by[l], v) && !slices.Contains(gaps[l], v) {
					gaps[l] = append(gaps[l], v)
				}
			}
		}
	}
	return gaps
}

func formatFigures(vs []float64) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Join(s, ", ")
}
