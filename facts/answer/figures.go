package answer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A figure is a number a text states, read back into a plain value
// whatever the language wrote it as: "US$22.34 billion", "223.4억 달러" and
// "22,34 млрд долларов" are all 22,340,000,000. Claims are checked by
// comparing the figures a question asserts with those a fact states.
type figure struct {
	v    float64
	kind figKind
}

type figKind int

const (
	plain      figKind = iota
	percentFig         // 41.8%, 41,8 %, 41.8퍼센트
	multiple           // ×1.67, 1.67배, в 1,67 раза, 1.67 times
)

// scales are the words that multiply the number before them.
var scales = []struct {
	word string
	mul  float64
}{
	{"trillion", 1e12}, {"billion", 1e9}, {"bn", 1e9}, {"million", 1e6}, {"mn", 1e6}, {"thousand", 1e3},
	{"трлн", 1e12}, {"триллион", 1e12}, {"млрд", 1e9}, {"миллиард", 1e9}, {"млн", 1e6}, {"миллион", 1e6}, {"тыс", 1e3}, {"тысяч", 1e3},
}

// koUnits are Korean's myriad units, largest first: 8억 8,880만 is
// 888,800,000.
var koUnits = []struct {
	r   rune
	mul float64
}{{'조', 1e12}, {'억', 1e8}, {'만', 1e4}}

// figures reads every number in text.
func figures(text string) []figure {
	var out []figure
	s := text
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) || i > 0 && isWordRune(lastRune(s[:i])) && !isCurrencyEnd(s[:i]) {
			i += size
			continue
		}
		v, n := number(s[i:])
		j := i + n
		rest := s[j:]
		// Korean myriads, possibly several in a row: 8억 8,880만.
		if total, m, ok := koreanAmount(v, rest); ok {
			out = append(out, figure{total, plain})
			i = j + m
			continue
		}
		restTrim := strings.TrimLeft(rest, " \u00a0\u202f")
		lower := strings.ToLower(restTrim)
		kind, mul := plain, 1.0
		switch {
		case strings.HasPrefix(lower, "%"), strings.HasPrefix(lower, "퍼센트"), strings.HasPrefix(lower, "процент"), strings.HasPrefix(lower, "percent"), strings.HasPrefix(lower, "per cent"):
			kind = percentFig
		case strings.HasPrefix(lower, "배"), strings.HasPrefix(lower, "times"), strings.HasPrefix(lower, "раз"), strings.HasPrefix(lower, "-fold"), strings.HasPrefix(lower, "fold"):
			kind = multiple
		case strings.HasSuffix(strings.TrimRight(s[:i], " "), "×"), strings.HasSuffix(strings.TrimRight(s[:i], " "), "x"):
			kind = multiple
		default:
			for _, sc := range scales {
				if strings.HasPrefix(lower, sc.word) {
					mul = sc.mul
					break
				}
			}
		}
		out = append(out, figure{v * mul, kind})
		i = j
	}
	return out
}

func koreanAmount(first float64, rest string) (total float64, consumed int, ok bool) {
	v := first
	pos := 0
	for {
		r, size := utf8.DecodeRuneInString(rest[pos:])
		sub := 1.0
		// 2천만 is 2 × 1,000 × 10,000.
		if r == '천' || r == '백' {
			if r == '천' {
				sub = 1e3
			} else {
				sub = 1e2
			}
			r2, size2 := utf8.DecodeRuneInString(rest[pos+size:])
			if !isKoUnit(r2) {
				if !ok {
					return 0, 0, false
				}
				return total, consumed, true
			}
			pos += size
			r, size = r2, size2
		}
		mul := 0.0
		for _, u := range koUnits {
			if r == u.r {
				mul = u.mul
			}
		}
		if mul == 0 {
			if !ok {
				return 0, 0, false
			}
			return total, consumed, true
		}
		total += v * sub * mul
		pos += size
		consumed, ok = pos, true
		// Another number with a smaller unit may follow: "8억 8,880만".
		k := pos
		for k < len(rest) && rest[k] == ' ' {
			k++
		}
		if k >= len(rest) {
			return total, consumed, true
		}
		r, _ = utf8.DecodeRuneInString(rest[k:])
		if !isDigit(r) {
			return total, consumed, true
		}
		nv, n := number(rest[k:])
		r, _ = utf8.DecodeRuneInString(rest[k+n:])
		if !isKoUnit(r) && r != '천' && r != '백' {
			// "43만 8,000명": what is left below the last unit.
			if nv < mul {
				total += nv
				consumed = k + n
			}
			return total, consumed, true
		}
		v, pos = nv, k+n
	}
}

func isKoUnit(r rune) bool { return r == '조' || r == '억' || r == '만' }

// number reads one number at the start of s in any of the three
// languages' notations: 770,000 and 770 000 (thousands), 22.34 and 22,34
// (decimals). It returns the value and the bytes read.
func number(s string) (float64, int) {
	var b strings.Builder
	i := 0
	group := 0 // digits in the current group
	decimal := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDigit(r):
			b.WriteRune(r)
			group++
			i += size
			continue
		case (r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f') && !decimal:
			// A thousands separator is followed by exactly three digits.
			if d := digitsAt(s[i+size:]); d == 3 {
				i += size
				group = 0
				continue
			} else if r == ',' && d > 0 {
				b.WriteByte('.')
				decimal = true
				i += size
				continue
			}
		case r == '.' && !decimal:
			if d := digitsAt(s[i+size:]); d > 0 {
				b.WriteByte('.')
				decimal = true
				i += size
				continue
			}
		}
		break
	}
	v, _ := strconv.ParseFloat(b.String(), 64)
	return v, i
}

func digitsAt(s string) int {
	n := 0
	for _, r := range s {
		if !isDigit(r) {
			break
		}
		n++
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || isDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isCurrencyEnd reports whether s ends in a currency sign glued to a
// number: "US$22.34".
func isCurrencyEnd(s string) bool { return strings.HasSuffix(s, "$") }
