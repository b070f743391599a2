package facts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Every face of the bot (Discord's tables, the web pages) writes a series'
// figures the same way, so a reader moving between them sees one number.

// FormatAmount writes a figure the way a reader of lang expects it:
// "US$13.4 billion", "134억 달러", "13,4 млрд долл."; "510,000", "51만 명",
// "510 тыс.".
func FormatAmount(v float64, unit string, lang Lang) string {
	switch unit {
	case "USD":
		switch lang {
		case KO:
			return koNumber(int64(math.Round(v))) + " 달러"
		case RU:
			switch {
			case v >= 1e9:
				return decimalString(v/1e9, 2, ",") + " млрд долл."
			case v >= 1e6:
				return decimalString(v/1e6, 2, ",") + " млн долл."
			}
			return thousands(int64(math.Round(v)), "\u00a0") + " долл."
		}
		switch {
		case v >= 1e9:
			return "US$" + decimalString(v/1e9, 2, ".") + " billion"
		case v >= 1e6:
			return "US$" + decimalString(v/1e6, 2, ".") + " million"
		}
		return "US$" + thousands(int64(math.Round(v)), ",")
	case "people":
		n := int64(math.Round(v))
		switch lang {
		case KO:
			return koNumber(n) + " 명"
		case RU:
			switch {
			case v >= 1e6:
				return decimalString(v/1e6, 2, ",") + " млн"
			case v >= 1e3:
				return decimalString(v/1e3, 1, ",") + " тыс."
			}
			return thousands(n, "\u00a0")
		}
		return thousands(n, ",")
	}
	sep := ","
	if lang == RU {
		sep = "\u00a0"
	}
	return thousands(int64(math.Round(v)), sep) + " " + unit
}

// decimalString rounds x to at most prec decimals and drops trailing zeros.
func decimalString(x float64, prec int, point string) string {
	p := math.Pow(10, float64(prec))
	s := strconv.FormatFloat(math.Round(x*p)/p, 'f', -1, 64)
	return strings.Replace(s, ".", point, 1)
}

// thousands writes n with thousands separated by sep.
func thousands(n int64, sep string) string {
	if n < 0 {
		return "-" + thousands(-n, sep)
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// koNumber writes n in Korean myriads: 134억, 29만 2천, 8억 8,880만.
func koNumber(n int64) string {
	if n < 10000 {
		return koPart(n)
	}
	var parts []string
	for _, u := range []struct {
		v    int64
		name string
	}{{1e12, "조"}, {1e8, "억"}, {1e4, "만"}} {
		if q := n / u.v; q > 0 {
			parts = append(parts, koPart(q)+u.name)
			n %= u.v
		}
	}
	if n > 0 {
		parts = append(parts, koPart(n))
	}
	return strings.Join(parts, " ")
}

// koPart writes a group below ten thousand, round thousands as "4천".
func koPart(q int64) string {
	if q >= 1000 && q%1000 == 0 {
		return fmt.Sprintf("%d천", q/1000)
	}
	return thousands(q, ",")
}
