package match

import (
	"github.com/ninebridges/ninebridges/facts"
)

// Reason says why a question was not answered.
type Reason string

const (
	NotFound    Reason = "not-found"    // nothing in the base matches well enough
	Ambiguous   Reason = "ambiguous"    // two facts match about equally
	MissingYear Reason = "missing-year" // the base has the series, not that year
	Empty       Reason = "empty"        // no question was asked
	SmallTalk   Reason = "small-talk"   // a greeting or thanks, not a question
	// MissingDetail: the fact asked about does not give the detail asked
	// for (a cost, an age); it is among the suggestions.
	MissingDetail Reason = "missing-detail"
)

// Result is the outcome of one question.
type Result struct {
	Question  string
	Lang      facts.Lang  // the language to answer in
	Fact      *facts.Fact // nil unless Confident
	Score     float64     // how well the best fact covers the question, in [0, 1]
	Confident bool
	Reason    Reason // why not, when not Confident
	// Suggestions are the closest facts, best first, when not Confident.
	Suggestions []Suggestion
	// Series and Years are set for MissingYear: what the base does have.
	Series *facts.Series
	Years  []int
	Asked  []int // the years the question named
	// Ordinals are the counts the question named ("the second forum").
	Ordinals []int

	top    *facts.Fact // the best candidate, answered or not (for calibration)
	margin float64
	weak   bool // too little evidence to answer
}

// Suggestion is a fact the asker may have meant, with a phrasing of it in
// the asker's language.
type Suggestion struct {
	FactID   string `json:"fact_id"`
	Question string `json:"question"`
}
