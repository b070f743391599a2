package answer

import (
	"math"
	"strconv"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// amount writes a figure the way each language writes money and head
// counts: US$5.6 billion, 56억 달러, 5,6 млрд долларов.
func amount(v float64, unit string, lang facts.Lang) string {
	neg := v < 0
	v = math.Abs(v)
	var s string
	switch unit {
	case "USD":
		s = usd(v, lang)
	case "people":
		s = people(v, lang)
	default:
		s = num(v, 2, lang) + " " + unit
	}
	if neg {
		return "−" + s
	}
	return s
}

func usd(v float64, lang facts.Lang) string {
	switch lang {
	case facts.KO:
		// Korean counts money in 억 (10^8): 22.34 billion is 223.4억.
		if v >= 1e8 {
			return num(v/1e8, 3, lang) + "억 달러"
		}
		return num(v/1e4, 2, lang) + "만 달러"
	case facts.RU:
		if v >= 1e9 {
			return num(v/1e9, 2, lang) + " млрд долларов"
		}
		return num(v/1e6, 2, lang) + " млн долларов"
	}
	if v >= 1e9 {
		return "US$" + num(v/1e9, 2, lang) + " billion"
	}
	return "US$" + num(v/1e6, 2, lang) + " million"
}

func people(v float64, lang facts.Lang) string {
	switch lang {
	case facts.KO:
		if v >= 1e4 {
			return num(v/1e4, 2, lang) + "만 명"
		}
		return num(v, 0, lang) + "명"
	case facts.RU:
		if v >= 1e6 {
			return num(v/1e6, 2, lang) + " млн человек"
		}
		if v >= 1e3 {
			return num(v/1e3, 1, lang) + " тыс. человек"
		}
		return num(v, 0, lang) + " человек"
	}
	if v >= 1e6 {
		return num(v/1e6, 2, lang) + " million people"
	}
	return num(v, 0, lang) + " people"
}

// percent writes a share: 41.8% in English and Korean, 41,8 % in Russian.
func percent(p float64, lang facts.Lang) string {
	s := num(math.Abs(p), 1, lang)
	if lang == facts.RU {
		return s + " %"
	}
	return s + "%"
}

// times writes a multiple: ×1.67, 1.67배, в 1,67 раза.
func times(x float64, lang facts.Lang) string {
	s := num(x, 2, lang)
	switch lang {
	case facts.KO:
		return s + "배"
	case facts.RU:
		return "в " + s + " раза"
	}
	return "×" + s
}

// num rounds v to at most prec decimals, drops trailing zeros, groups
// thousands and uses the language's decimal mark.
func num(v float64, prec int, lang facts.Lang) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if lang == facts.RU {
		sep, dec = "\u00a0", ","
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}
