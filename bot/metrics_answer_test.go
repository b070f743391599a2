package bot

import (
	"reflect"
	"testing"

	"github.com/ninebridges/ninebridges/facts/answer"
)

// The metrics wrapper must not change an answer: it once exposed only
// Answer and Complete, and the answer layer's guards that ask the matcher
// more (a third country's figures, unknown names, ordinals) fell silent
// in production while every test, on the bare matcher, passed.
func TestMeasuredMatcherAnswersAsTheMatcher(t *testing.T) {
	b, m := realBase(t)
	bare := answer.New(b, m)
	measured := answer.New(b, NewMetrics().Answerer(m))
	for _, q := range []string{
		"trade between Japan and Brazil in 2019",
		"why did Lavrov go to Pyongyang in 2018?",
		"the second Arctic consultation",
		"korea russia trade 2016",
	} {
		if got, want := measured.Answer(q, ""), bare.Answer(q, ""); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: through the metrics wrapper %q (%s), bare %q (%s)", q, got.Text, got.Reason, want.Text, want.Reason)
		}
	}
}
