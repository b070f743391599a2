// Package answer works out what a question asks and builds the answer from
// the facts it needs: a looked-up fact, a figure computed over a series
// with every operand cited, or a claim checked against the sources. Finding
// a fact stays in facts/match; this layer decides what to do with it, and
// refuses whenever the base cannot support the answer asked for.
package answer

import (
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// Kind is the shape of an answer.
type Kind string

const (
	KindFact     Kind = "fact"     // one fact, as the matcher found it
	KindComputed Kind = "computed" // a figure worked out from several facts
	KindClaim    Kind = "claim"    // a claim checked against the sources
	KindEvent    Kind = "event"    // one timeline event, its facts as follow-ups
	KindList     Kind = "list"     // the members of a named group, each cited
)

// Verdict is what the sources say of a claim.
type Verdict string

const (
	Supported    Verdict = "supported"
	Contradicted Verdict = "contradicted"
	NotInSources Verdict = "not-in-sources"
)

// Reasons this layer adds to the matcher's when it will not answer.
const (
	// MixedMetrics: the question combines figures of different metrics.
	MixedMetrics match.Reason = "mixed-metrics"
	// PartialYear: a figure asked for covers part of a year only and
	// cannot be compared with a full year's.
	PartialYear match.Reason = "partial-year"
	// OtherMetric: the best fact is a figure of another metric than the
	// one asked about.
	OtherMetric match.Reason = "other-metric"
	// NotInSourcesReason: a claim the sources neither bear out nor
	// contradict, such as a visit in another year than the one they tell.
	NotInSourcesReason match.Reason = "not-in-sources"
	// CannotCompute: the question asks for a computation over figures
	// that are not a series this layer can compute over.
	CannotCompute match.Reason = "cannot-compute"
	// OtherCountry: a figure asked for another country's trade or travel,
	// where the series are Korea–Russia figures.
	OtherCountry match.Reason = "other-country"
	// OutsideMetric: a figure the sources never give, such as GDP or
	// inflation, whatever fact shares the question's other words.
	OutsideMetric match.Reason = "outside-metric"
)

// Reply is the answer to one question, ready to render.
type Reply struct {
	Question string
	Lang     facts.Lang
	Answered bool
	Kind     Kind // set when Answered
	// Title and Text are the answer in Lang; for KindFact they are the
	// fact's own title and answer.
	Title string
	Text  string
	// Facts are every fact the answer uses, the main one first; each one's
	// sources are cited.
	Facts   []*facts.Fact
	Verdict Verdict // set for KindClaim
	// Note qualifies an answer, such as a question in the present tense
	// answered from sources that end before today.
	Note  string
	Score float64
	// Reason says why not, when not Answered.
	Reason      match.Reason
	Suggestions []match.Suggestion
	// Match is the retrieval result the reply was built on, when there
	// was one.
	Match match.Result
}

// Fact is the main fact of an answer, or nil.
func (r Reply) Fact() *facts.Fact {
	if !r.Answered || len(r.Facts) == 0 {
		return nil
	}
	return r.Facts[0]
}
