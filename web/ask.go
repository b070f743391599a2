package web

import (
	"slices"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
)

// AskResult is the JSON contract of "ninebridges ask --json" and of
// GET /api/v1/ask: one definition, so the command line and the API cannot
// drift apart. Tools build on it, so fields are only ever added.
type AskResult struct {
	Question    string             `json:"question"`
	Answered    bool               `json:"answered"`
	Answer      string             `json:"answer"`
	FactID      string             `json:"fact_id"`
	Score       float64            `json:"score"`
	Lang        facts.Lang         `json:"lang"`
	Reason      string             `json:"reason,omitempty"`
	Suggestions []match.Suggestion `json:"suggestions"`
	Sources     []AskSource        `json:"sources"`
	Reference   *facts.Reference   `json:"reference"` // the first of references
	References  []*facts.Reference `json:"references"`
	// Kind is fact, computed or claim; Facts is every fact the answer
	// used, FactID first; Verdict is set for a claim.
	Kind    answer.Kind    `json:"kind,omitempty"`
	Facts   []string       `json:"facts"`
	Verdict answer.Verdict `json:"verdict,omitempty"`
	// Note qualifies the answer, e.g. "as of my sources" for "now".
	Note string `json:"note,omitempty"`
}

// AskSource is one quote an answer rests on, white space collapsed as the
// quote checks compare it.
type AskSource struct {
	Doc   string `json:"doc"`
	Title string `json:"title"`
	Quote string `json:"quote"`
}

// NewAskResult is the JSON shape of a reply over base b.
func NewAskResult(b *facts.Base, r answer.Reply) AskResult {
	out := AskResult{
		Question:    r.Question,
		Answered:    r.Answered,
		Score:       r.Score,
		Lang:        r.Lang,
		Suggestions: r.Suggestions,
		Sources:     []AskSource{},
		Facts:       []string{},
		References:  []*facts.Reference{},
		Answer:      r.Text,
	}
	if out.Suggestions == nil {
		out.Suggestions = []match.Suggestion{}
	}
	if !r.Answered {
		out.Reason = string(r.Reason)
		return out
	}
	out.Kind, out.Verdict, out.Note = r.Kind, r.Verdict, r.Note
	out.FactID = r.Facts[0].ID
	seen := map[facts.Source]bool{}
	for _, f := range r.Facts {
		out.Facts = append(out.Facts, f.ID)
		if ref := f.Reference(); ref != nil && out.Reference == nil {
			out.Reference = ref
		}
		for _, ref := range f.References {
			if !slices.ContainsFunc(out.References, func(r *facts.Reference) bool { return r.URL == ref.URL }) {
				out.References = append(out.References, ref)
			}
		}
		for _, s := range f.Sources {
			if seen[s] {
				continue
			}
			seen[s] = true
			src := AskSource{Doc: s.Doc, Quote: collapse(s.Quote)}
			if d, ok := b.Document(s.Doc); ok {
				src.Title = d.Title
			}
			out.Sources = append(out.Sources, src)
		}
	}
	return out
}

// collapse joins the words of s with single spaces, as facts.Document's
// Contains compares quotes.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
