package answer

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnswer feeds outside text to the whole answering path: it must never
// panic, and an answer always cites what it used.
func FuzzAnswer(f *testing.F) {
	for _, q := range []string{
		"which year had the highest trade volume", "did trade double between 2016 and 2019?",
		"2015~2017년 교역액 합계는?", "Какой средний товарооборот за 2015-2017 годы?",
		"total trade 1990-2019-2018 since 2016", "trade 20152016", "exports to russia tourists trade 2019 2018",
		"", "----", "2099", "1900 1901 now still",
	} {
		f.Add(q)
	}
	a := answerer(f)
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) || len(q) > 4000 {
			return
		}
		r := a.Answer(q, "")
		if r.Answered && (len(r.Facts) == 0 || r.Text == "" || r.Kind == "") {
			t.Fatalf("%q: answered with kind %q, %d facts, text %q", q, r.Kind, len(r.Facts), r.Text)
		}
		if !r.Answered && r.Reason == "" && r.Text == "" {
			t.Fatalf("%q: refused without a reason or text", q)
		}
		for _, f := range r.Facts {
			if len(f.Sources) == 0 && !f.External() {
				t.Fatalf("%q: cites %s, which has no source", q, f.ID)
			}
		}
	})
}
