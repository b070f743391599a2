package draft

import (
	"slices"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two! Three? Four.", []string{"One.", "Two!", "Three?", "Four."}},
		{"Trutnev visited from Apr. 28 to Apr. 30. He left.", []string{"Trutnev visited from Apr. 28 to Apr. 30.", "He left."}},
		{"He took power in Dec. 2012, and S. Korea said so. Yes.", []string{"He took power in Dec. 2012, and S. Korea said so.", "Yes."}},
		{"Trade reached US$13.4 billion. It grew.", []string{"Trade reached US$13.4 billion.", "It grew."}},
		{"“It grew,” he said. “It will.”", []string{"“It grew,” he said.", "“It will.”"}},
		{"A headline without a stop\n\nThe text.", []string{"A headline without a stop", "The text."}},
		{"A headline broken\n\n   over two lines\n\nThe text.", []string{"A headline broken\n\n   over two lines", "The text."}},
		{"1. The first point.\n\n° A bullet.\n\n2. The second.", []string{"The first point.", "A bullet.", "The second."}},
		{"a feud between China and the U.S.\nSouth Korea said.", []string{"a feud between China and the U.S.", "South Korea said."}},
		{"It is so, e.g. here. Then.", []string{"It is so, e.g. here.", "Then."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	day := func(s string) facts.Date {
		d, err := facts.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	may7, nov2020 := day("2014-05-07"), day("2020-11")
	tests := []struct {
		text      string
		published facts.Date
		want      string // the dates found, as "text=date" ("text=?" when the year is open), joined by "; "
	}{
		{"on Nov. 8", day("2018-11-08"), "Nov. 8=2018-11-08"},
		{"in November 2013", may7, "November 2013=2013-11"},
		{"in 2019", may7, "2019=2019"},
		{"from Apr. 28 to Apr. 30", may7, "Apr. 28 to Apr. 30=2014-04-28..2014-04-30"},
		{"from November 7 till 9", day("2018-11-08"), "November 7 till 9=2018-11-07..2018-11-09"},
		{"on 7-9 November 2018", may7, "7-9 November 2018=2018-11-07..2018-11-09"},
		{"on November 19, 2020 (local time)", nov2020, "November 19, 2020=2020-11-19"},
		{"on 19 November 2020", nov2020, "19 November 2020=2020-11-19"},
		{"At the end of April", may7, "April=2014-04"},
		{"in May", may7, "May=2014-05"},
		{"It may rain in June", may7, "June=?"},                  // June after May, told as past: last year's or this?
		{"The forum will be held in June", may7, "June=2014-06"}, // to come
		{"in December", day("2020-02-05"), "December=?"},
		{"last year", day("2020-09-07"), "last year=2019"},
		{"this year", day("2020-09-07"), "this year=2020"},
		{"last month", day("2020-09-07"), "last month=2020-08"},
		{"in June last year", day("2020-02-05"), "June last year=2019-06"},
		{"said Wednesday", day("2020-02-05"), "Wednesday=2020-02-05"},
		{"on Thursday", day("2020-02-05"), "Thursday=?"},
		{"yesterday", day("2020-02-05"), "yesterday=2020-02-04"},
		{"in 2021-2023", may7, "2021-2023=2021..2023"},
		{"from 2014 to 2016", may7, "from 2014 to 2016=2014..2016"},
		{"on 2020-11-19", may7, "2020-11-19=2020-11-19"},
		{"2000 tourists and $2019", may7, ""},
		{"COVID-19 in the second quarter", may7, ""},
		{"in May", facts.Date{}, "May=?"},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Dates(tt.text, Span{0, len(tt.text)}, tt.published) {
			s := d.Text + "="
			if d.Date.IsZero() {
				s += "?"
			} else {
				s += d.Date.String()
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("Dates(%q, %s) = %q, want %q", tt.text, tt.published, g, tt.want)
		}
	}
	// "as of" makes a figure partial; "since" a start.
	if d := Dates("US$18 billion as of September 2018", Span{0, 34}, may7); len(d) != 1 || d[0].Prep != "as of" {
		t.Errorf("as of: %+v", d)
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want string // "text=amount unit[~]", joined by "; "
	}{
		{"reached US$16 billion in 2015", "US$16 billion=16e9 USD"},
		{"roughly $7.6 billion", "$7.6 billion=7.6e9 USD~"},
		{"from 888.8 million dollars", "888.8 million dollars=888.8e6 USD"},
		{"22.34 billion dollars", "22.34 billion dollars=22.34e9 USD"},
		{"US$542.4 billion", "US$542.4 billion=542.4e9 USD"},
		{"fell 10.3 percent, or 4%", "10.3 percent=10.3 percent; 4%=4 percent"},
		{"Increased 25 times over 3 Decades", "25 times=25 times; 3=3 decades"},
		{"a 3-fold rise", "3-fold=3 times"},
		{"was approximately 30,000 tourists", "30,000=30000 people~"},
		{"the number of participants stood at 292,000 in 2014", "292,000=292000 people"},
		{"about 1.2 million visitors", "1.2 million=1.2e6 people~"},
		{"heads of 17 metropolitan agencies", "17=17 "},
		{"5 trillion won", "5 trillion won=5e12 KRW"},
		{"the 30th anniversary, COVID-19, G20 and the 4th round", ""},
		{"in 2021-2023", ""},
		{"on November 19, 2020", ""},
	}
	for _, tt := range tests {
		s := Span{0, len(tt.text)}
		var got []string
		for _, f := range Figures(tt.text, s, Dates(tt.text, s, facts.Date{})) {
			g := f.Text + "=" + yamlAmount(f.Amount) + " " + f.Unit
			if f.Approx {
				g += "~"
			}
			got = append(got, g)
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("Figures(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

// Splitting a sentence that gives figures for several years: one claim
// per figure, each a quote as a curator would cut it.
func TestSplitClaims(t *testing.T) {
	b := shipped(t)
	tests := []struct {
		text string
		want []string
	}{
		{"The volume of the ROK-Russia trade reached US$16 billion in 2015, US$13.4 billion in 2016, US$19 billion in 2017, and US$18 billion as of September 2018.",
			[]string{"The volume of the ROK-Russia trade reached US$16 billion in 2015", "US$13.4 billion in 2016", "US$19 billion in 2017", "US$18 billion as of September 2018"}},
		{"Bilateral trade skyrocketed from 888.8 million dollars in 1990, when Seoul formed official relations with the Soviet Union, to 22.34 billion dollars last year.",
			[]string{"Bilateral trade skyrocketed from 888.8 million dollars in 1990, when Seoul formed official relations with the Soviet Union", "to 22.34 billion dollars last year"}},
		{"Exports reached roughly $7.6 billion in 2019, up 6.5 percent from 2018.",
			[]string{"Exports reached roughly $7.6 billion in 2019, up 6.5 percent from 2018."}},
	}
	for _, tt := range tests {
		s := Span{0, len(tt.text)}
		var got []string
		for _, c := range splitClaims(tt.text, s, analyse(b, tt.text, s, mustDay(t, "2020-09-07"))) {
			got = append(got, tt.text[c.Start:c.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitClaims(%q) =\n%q\nwant\n%q", tt.text, got, tt.want)
		}
	}
}

func mustDay(t *testing.T, s string) facts.Date {
	d, err := facts.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
