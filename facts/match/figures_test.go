package match

import (
	"slices"
	"testing"
)

// TestFigures checks how amounts are read, in each language's notation,
// and that numbers that are not amounts are left alone.
func TestFigures(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // the exact term of each figure, in order
	}{
		{"US$13.4 billion in 2016", []string{"#fig1.34e+10"}},
		{"134억 달러", []string{"#fig1.34e+10"}},
		{"13,4 млрд долларов", []string{"#fig1.34e+10"}},
		{"223억 4,000만 달러", []string{"#fig2.234e+10"}},
		{"77억 7천만 달러", []string{"#fig7.77e+09"}},
		{"8억 8,880만 달러", []string{"#fig8.888e+08"}},
		{"888,8 млн", []string{"#fig8.888e+08"}},
		{"510,000 people", []string{"#fig5.1e+05"}},
		{"510 тыс. человек", []string{"#fig5.1e+05"}},
		{"51만 명", []string{"#fig5.1e+05"}},
		{"770k tourists", []string{"#fig7.7e+05"}},
		{"$22b", []string{"#fig2.2e+10"}},
		{"10.3%", []string{"#fig10.3%"}},
		{"10,3 %", []string{"#fig10.3%"}},
		{"grew 6.5 percent", []string{"#fig6.5%"}},
		{"5,424억", []string{"#fig5.424e+11"}},
		{"in 2019 22 billion", []string{"#fig2.2e+10"}},
		// Not amounts: years, bare numbers, ordinals, a quarter.
		{"Q2 2020", nil},
		{"25 times", nil},
		{"the 4th forum", nil},
		{"in 2019 and 2020", nil},
	} {
		toks := tokenize(normalize(tc.text))
		at, _ := figures(toks)
		var got []string
		for _, f := range at {
			if f.n > 0 {
				exact, _ := figureTerms(f)
				got = append(got, exact)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: figures %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestFigureMatches checks that a question quoting an amount roughly or in
// another notation meets the figure as indexed: the rounded term is shared.
func TestFigureMatches(t *testing.T) {
	for _, tc := range []struct{ indexed, asked string }{
		{"US$22.34 billion", "22 billion"},
		{"US$22.34 billion", "223억 4,000만 달러"},
		{"770,000", "770k"},
		{"13,4 млрд", "$13.4bn"},
	} {
		fi, _ := figures(tokenize(normalize(tc.indexed)))
		fa, _ := figures(tokenize(normalize(tc.asked)))
		first := func(fs []figure) figure {
			for _, f := range fs {
				if f.n > 0 {
					return f
				}
			}
			t.Fatalf("no figure in %q or %q", tc.indexed, tc.asked)
			return figure{}
		}
		_, ri := figureTerms(first(fi))
		ea, ra := figureTerms(first(fa))
		if ri != ra && ri != ea {
			t.Errorf("%q and %q do not meet: %s, %s", tc.indexed, tc.asked, ri, ra)
		}
	}
}
