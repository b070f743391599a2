package answer

import (
	"math"
	"strconv"
	"strings"
)

// want is one expected figure: "22340000000", "41.8%", "1.67x".
type want struct {
	v    float64
	kind figKind
	dec  int // decimals written, for the tolerance
}

func parseWant(s string) (want, bool) {
	w := want{}
	switch {
	case strings.HasSuffix(s, "%"):
		w.kind, s = percentFig, strings.TrimSuffix(s, "%")
	case strings.HasSuffix(s, "x"), strings.HasSuffix(s, "×"):
		w.kind, s = multiple, strings.TrimSuffix(strings.TrimSuffix(s, "x"), "×")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return want{}, false
	}
	if _, frac, ok := strings.Cut(s, "."); ok {
		w.dec = len(frac)
	}
	w.v = v
	return w, true
}

// matches reports whether a stated figure is the one wanted, allowing
// for the rounding either side may have done.
func (w want) matches(f figure) bool {
	if f.kind != w.kind && !(w.kind == plain && f.kind == multiple) {
		return false
	}
	switch w.kind {
	case percentFig, multiple:
		tol := 0.5 * math.Pow(10, -float64(w.dec))
		return math.Abs(f.v-w.v) <= tol+1e-9
	}
	if w.v == math.Trunc(w.v) && w.v >= 1000 && w.v < 2100 && w.dec == 0 {
		return f.v == w.v // a year
	}
	return math.Abs(f.v-w.v) <= 0.006*math.Abs(w.v)+1e-9
}
