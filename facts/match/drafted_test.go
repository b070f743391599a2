package match

import "testing"

// TestDraftedFact adds to the real base a fact with no questions yet, only
// its title, answers, value and source (testdata/drafted), and checks that
// it is found by what it says: its figure in any notation, its metric and
// year, the person it names, in each language; and that questions about
// its neighbours, or about nothing in the base, are not answered with it.
func TestDraftedFact(t *testing.T) {
	const drafted = "drafted-exports-2020"
	b := cutBase(t, phrasingCuts[len(phrasingCuts)-1], "testdata/drafted")
	if f, ok := b.Fact(drafted); !ok || len(f.Questions.EN)+len(f.Questions.KO)+len(f.Questions.RU) > 0 {
		t.Fatalf("the fixture must add %s without questions", drafted)
	}
	m := New(b)
	for _, tc := range []struct {
		question string
		found    bool // answered with the drafted fact; otherwise never with it
	}{
		// Its figure, as written and as people round or abbreviate it.
		{"exports to russia 6.9 billion", true},
		{"did korea export $6.9bn to russia?", true},
		{"69억 달러 수출", true},
		{"экспорт 6,9 млрд долларов", true},
		// Its metric and year.
		{"korean exports to russia in 2020", true},
		{"how much did south korea export to russia in 2020", true},
		{"2020년 대러 수출액", true},
		{"экспорт в Россию в 2020 году", true},
		// The person it names.
		{"what did Han Seo-jun say about exports", true},
		{"한서준 통상차관이 밝힌 수출액", true},
		{"Хан Со Джун экспорт", true},
		// Its neighbours: another year of its series, another metric.
		{"korean exports to russia in 2019", false},
		{"korea russia trade volume in 2020", false},
		{"trade volume in 2019", false},
		// Nothing the base knows.
		{"best kimchi recipe", false},
		{"who won the world cup in 2020", false},
	} {
		r := m.Answer(tc.question, "")
		got := r.Confident && r.Fact.ID == drafted
		if got != tc.found {
			id := "nothing"
			if r.Fact != nil {
				id = r.Fact.ID
			}
			t.Errorf("%q: answered with %s (%s, score %.2f), want the drafted fact: %v", tc.question, id, r.Reason, r.Score, tc.found)
		}
	}
}
