package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// TestOutsideMetricsNotInCorpus keeps the list to measures no source
// gives: a word of it found in a document would refuse questions the
// sources answer.
func TestOutsideMetricsNotInCorpus(t *testing.T) {
	b, err := facts.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range b.Documents() {
		text := fold(d.Text)
		for _, m := range outsideMetrics {
			for _, w := range m.words {
				if find(text, w) >= 0 {
					t.Errorf("%s names %q: it is no outside metric", d.ID, w)
				}
			}
		}
	}
}

func TestOutsideMetricRefused(t *testing.T) {
	a := answerer(t)
	tests := []struct {
		q      string
		reason bool // refused as an outside metric
	}{
		{"how fast did the russian economy grow in gdp terms in 2018?", true},
		{"러시아 인구는 몇 명이야?", true},
		{"какая инфляция была в России в 2019?", true},
		{"what was the won-ruble exchange rate in 2017?", true},
		// The sources' own measures are answered.
		{"how much did korea-russia trade grow in 2019?", false},
		{"2017년 인적교류 규모는?", false},
	}
	for _, tt := range tests {
		r := a.Answer(tt.q, "")
		if got := r.Reason == OutsideMetric; got != tt.reason {
			t.Errorf("%q: reason %q, answered %v; want outside metric %v\n%s", tt.q, r.Reason, r.Answered, tt.reason, r.Text)
		}
		if tt.reason && (r.Answered || !strings.Contains(r.Text, " ")) {
			t.Errorf("%q: answered %v, text %q", tt.q, r.Answered, r.Text)
		}
	}
}

// TestWhoIsNoFigure: a question for a person is never answered with a
// series' figure, though a body's name holds a metric ("…International
// Trade") and it asks about now.
func TestWhoIsNoFigure(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{"who is in charge of the international trade institute right now?", "Кто сейчас руководит Институтом международной торговли?"} {
		r := a.Answer(q, "")
		if r.Kind == KindComputed || slices.ContainsFunc(r.Facts, func(f *facts.Fact) bool { return f.Value != nil }) {
			t.Errorf("%q answered with a figure (%s %v):\n%s", q, r.Kind, factIDs(r), r.Text)
		}
	}
}

// TestPostIsOneDetail: asked for a person's post now, the answer is the
// fact that states the post, as of its source, not an event they took
// part in.
func TestPostIsOneDetail(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{"what position does Trutnev hold now?", "Какую должность сейчас занимает Трутнев?"} {
		r := a.Answer(q, "")
		if r.Kind != KindFact || len(r.Facts) == 0 || r.Facts[0].ID != "fareast-trutnev-presidential-envoy" || r.Note == "" {
			t.Errorf("%q: %s %v, note %q; want the post's fact, as of its source", q, r.Kind, factIDs(r), r.Note)
		}
	}
}

// TestNoChangeIntoAMissingYear: how far a metric fell in a year the
// series has no figure for is refused with the years it has, not answered
// by another fact of that year.
func TestNoChangeIntoAMissingYear(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{"코로나 때문에 2020년에 관광객 수가 얼마나 줄었지?", "how much did tourist numbers drop in 2020 because of the pandemic?"} {
		if r := a.Answer(q, ""); r.Answered || r.Reason != match.MissingYear {
			t.Errorf("%q: answered %v (%v), reason %q; want missing year", q, r.Answered, factIDs(r), r.Reason)
		}
	}
}

// TestWhoseTextIsNoList: "which body's report says X" asks whose text it
// is, not for a list of bodies.
func TestWhoseTextIsNoList(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{"삼성이 러시아 스마트폰 1위라는 건 어느 기관 보고서에 나와?"} {
		if r := a.Answer(q, ""); r.Kind == KindList {
			t.Errorf("%q: a list (%v)\n%s", q, factIDs(r), r.Text)
		}
	}
	// A list of the bodies a text names is still one.
	if r := a.Answer("which agencies are mentioned in the KITA report?", ""); r.Kind != KindList {
		t.Errorf("the agencies the KITA report names: %s %v", r.Kind, factIDs(r))
	}
}
