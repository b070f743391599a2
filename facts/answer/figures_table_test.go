package answer

import "testing"

func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want string // must hold, as a set's must column writes it
		ok   bool
	}{
		{"Trade came to US$22.34 billion in 2019.", "22340000000", true},
		{"Trade came to US$22.34 billion in 2019.", "2019", true},
		{"Trade came to US$22.34 billion in 2019.", "22340000", false},
		{"교역액은 223.4억 달러였습니다.", "22340000000", true},
		{"교역액은 8억 8,880만 달러였습니다.", "888800000", true},
		{"관광객은 77만 명이었습니다.", "770000", true},
		{"약 3만 명", "30000", true},
		{"43만 8,000명으로", "438000", true},
		{"2019년 3만 명", "2019", true},
		{"2천만 달러", "20000000", true},
		{"товарооборот составил 22,34 млрд долларов", "22340000000", true},
		{"888,8 млн долларов", "888800000", true},
		{"770 тыс. человек", "770000", true},
		{"770 000 человек", "770000", true},
		{"770,000 people", "770000", true},
		{"up 41.8%", "41.8%", true},
		{"up 41.8%", "42%", true},
		{"рост на 41,8 %", "41.8%", true},
		{"up 41.8%", "41.8", false}, // a share is not a count
		{"×1.67", "1.67x", true},
		{"1.67배", "1.67x", true},
		{"в 1,67 раза", "1.67x", true},
		{"1.67 times", "1.67x", true},
		{"in 2016, 2017 and 2019", "2017", true},
		{"in 2016, 2017 and 2019", "2018", false},
		{"COVID-19", "19", true},
		{"2019년", "2019", true},
	}
	for _, tt := range tests {
		w, ok := parseWant(tt.want)
		if !ok {
			t.Fatalf("bad want %q", tt.want)
		}
		got := false
		for _, f := range figures(tt.text) {
			got = got || w.matches(f)
		}
		if got != tt.ok {
			t.Errorf("%q states %s: %v, want %v (read %v)", tt.text, tt.want, got, tt.ok, figures(tt.text))
		}
	}
}
