package facts

import (
	"slices"
	"testing"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		lang Lang
		text string
		want []float64
	}{
		{EN, "Trade reached US$22.34 billion in 2019, up from $888.8 million in 1990.", []float64{1990, 2019, 888.8e6, 22.34e9}},
		{KO, "교역액은 1990년 8억 8,880만 달러에서 2019년 223억 4,000만 달러로 늘었습니다.", []float64{1990, 2019, 888.8e6, 22.34e9}},
		{RU, "товарооборот вырос с 888,8 млн долларов в 1990 году до 22,34 млрд в 2019-м", []float64{1990, 2019, 888.8e6, 22.34e9}},
		{EN, "292,000 people in 2014 and about 30,000 in 1990; 6.5 percent", []float64{6.5, 1990, 2014, 30000, 292000}},
		{KO, "2014년 29만 2,000명, 1990년 약 3만 명; 6.5%", []float64{6.5, 1990, 2014, 30000, 292000}},
		{RU, "292 тыс. человек в 2014 году и около 30 тыс. в 1990 году; 6,5%", []float64{6.5, 1990, 2014, 30000, 292000}},
		// Dates: the month is a name in one language and a number in
		// another, so small numbers are left out.
		{EN, "signed on 13 November 2013", []float64{13, 2013}},
		{KO, "2013년 11월 13일 서명", []float64{13, 2013}},
		{RU, "подписано 13 ноября 2013 года", []float64{13, 2013}},
		{EN, "the 4th consultation, the first forum", nil},
		{RU, "22 340 000 долларов", []float64{22.34e6}},
	}
	for _, tt := range tests {
		if got := Figures(tt.text, tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("Figures(%q, %s) = %v, want %v", tt.text, tt.lang, got, tt.want)
		}
	}
}

// Every fact of the shipped base gives the same figures in its three
// answers (the loader checks it; this names a gap plainly if it breaks).
func TestFigureParityOfTheBase(t *testing.T) {
	b := embeddedBase(t)
	for _, f := range b.Facts() {
		for lang, gap := range figureGaps(f.Answer) {
			if len(gap) > 0 {
				t.Errorf("%s: the %s answer lacks %v", f.ID, lang, gap)
			}
		}
	}
}

func FuzzFigures(f *testing.F) {
	for _, s := range []string{"US$22.34 billion", "223억 4,000만 달러", "22,34 млрд", "1,,2.", "9조 9억 9만 9", "0,0,0 тыс."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range Langs {
			for _, v := range Figures(s, l) {
				if v < 0 {
					t.Fatalf("Figures(%q, %s) gave %v", s, l, v)
				}
			}
		}
	})
}
