package match

import (
	"strconv"
	"strings"
)

// Figures: "US$13.4 billion", "134억 달러" and "13,4 млрд долларов" are one
// amount written three ways, and a question may quote it in any of them,
// or round it ("13 billion", "770k"). Each amount is indexed, and read in a
// question, as a term of its value, so that a fact is found by the figure
// it gives whatever the language and notation, also a fact drafted without
// phrasings.

// figure is an amount read from a run of tokens.
type figure struct {
	value   float64
	percent bool
	n       int // tokens it spans, from the first digit to the last of its scale
	parts   int // of those, the tokens of the number itself (digits, decimals)
}

// A scale word multiplies the number before it. Korean and Russian ones
// are matched as word beginnings, as particles and case endings follow
// ("억으로", "млрд.", "тысяч").
var (
	latinScales = map[string]float64{
		"trillion": 1e12, "tn": 1e12, "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9,
		"million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
	}
	prefixScales = []struct {
		prefix string
		scale  float64
	}{
		{"조", 1e12}, {"억", 1e8}, {"천만", 1e7}, {"백만", 1e6}, {"만", 1e4}, {"천", 1e3},
		{"трлн", 1e12}, {"триллион", 1e12}, {"млрд", 1e9}, {"миллиард", 1e9}, {"млн", 1e6}, {"миллион", 1e6},
		{"тыс", 1e3},
	}
)

func scaleOf(t token) float64 {
	switch t.script {
	case latin:
		return latinScales[t.surface]
	case hangul, cyrillic:
		for _, s := range prefixScales {
			if strings.HasPrefix(t.surface, s.prefix) {
				return s.scale
			}
		}
	}
	return 0
}

func isPercent(t token) bool {
	switch t.surface {
	case "%", "percent", "pct", "퍼센트", "프로":
		return true
	}
	return t.script == cyrillic && strings.HasPrefix(t.surface, "процент")
}

// figureAt reads the figure that starts at toks[i], a digits token. Only
// amounts are figures: a number with a scale, a percentage, a decimal or
// a number of thousands ("510,000"); a bare "25" or a year is left as it is.
func figureAt(toks []token, i int) (figure, bool) {
	if toks[i].script != digits || toks[i].gap == '.' || toks[i].gap == ',' {
		return figure{}, false
	}
	digitsAt := func(j int, gaps string) bool {
		return j < len(toks) && toks[j].script == digits && toks[j].gap != 0 && strings.IndexByte(gaps, toks[j].gap) >= 0
	}
	num := toks[i].surface
	j := i + 1
	// Thousands: "510,000", "5,424억", "510 000" (Russian), when the first
	// group has at most three digits and each further group three.
	grouped := false
	for len(toks[i].surface) <= 3 && digitsAt(j, ", ") && len(toks[j].surface) == 3 {
		if toks[j].gap == ' ' && j+1 < len(toks) && toks[j+1].script == digits {
			break // "in 2019 100 000" is not a thousands group
		}
		num += toks[j].surface
		grouped = true
		j++
	}
	decimal := false
	if digitsAt(j, ".,") && !(toks[j].gap == ',' && len(toks[j].surface) == 3) {
		num += "." + toks[j].surface
		decimal = true
		j++
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return figure{}, false
	}
	f := figure{value: v, n: j - i, parts: j - i}
	if toks[i].year != 0 && f.parts == 1 {
		return figure{}, false
	}
	if j < len(toks) && (toks[j].gap == 0 || toks[j].gap == ' ') {
		if s := scaleOf(toks[j]); s > 0 {
			f.value *= s
			j++
			// "223억 4,000만", "8억 8,880만": a smaller unit may follow.
			if s >= 1e8 && toks[j-1].script == hangul && j < len(toks) && toks[j].gap == ' ' {
				if g, ok := figureAt(toks, j); ok && g.value < s && !g.percent {
					f.value += g.value
					j += g.n
				}
			}
			f.n = j - i
			return f, true
		}
		if isPercent(toks[j]) {
			f.percent = true
			f.n = j - i + 1
			return f, true
		}
	}
	if !grouped && !decimal {
		return figure{}, false
	}
	return f, true
}

// figureTerms are the index terms of a figure: its value to four
// significant digits, and rounded to two, which a question quoting it
// roughly ("22 billion" for 22.34) also names.
func figureTerms(f figure) (exact, rounded string) {
	unit := ""
	if f.percent {
		unit = "%"
	}
	return "#fig" + strconv.FormatFloat(f.value, 'g', 4, 64) + unit,
		"#fig~" + strconv.FormatFloat(f.value, 'g', 2, 64) + unit
}

// roundedCredit is what a figure earns when it only matches rounded: a
// question that says "about 22 billion" has named 22.34 billion, but one
// that says 22.3 may mean another figure.
const roundedCredit = 0.85

// figures finds the figures of a text: at[k] is the figure starting at
// toks[k], and part[k] is set for the digits after its first that belong
// to it ("34" of "22.34", "000" of "510,000"), which are read with it
// rather than as numbers of their own.
func figures(toks []token) (at []figure, part []bool) {
	for k := 0; k < len(toks); k++ {
		if toks[k].script != digits {
			continue
		}
		f, ok := figureAt(toks, k)
		if !ok {
			continue
		}
		if at == nil {
			at, part = make([]figure, len(toks)), make([]bool, len(toks))
		}
		at[k] = f
		// The digits after the first are the number's own, and so are
		// those of a smaller unit after a Korean one ("4,000" of
		// "223억 4,000만"); its scale words stay words.
		for p := k + 1; p < k+f.n; p++ {
			part[p] = toks[p].script == digits
		}
		k += f.n - 1
	}
	return at, part
}
