package draft

import (
	"slices"

	"github.com/ninebridges/ninebridges/facts"
)

// SentenceCoverage is one sentence of a document that has a figure, a
// date or a name, and what covers it.
type SentenceCoverage struct {
	Text     string        // white space collapsed
	Quoted   []*facts.Fact // the facts with a quote on it
	Excluded []*facts.Exclusion
	Sentence int  // its place in the document, from 1
	Span     Span // in the document's text
}

// Covered reports whether a fact quotes the sentence or a curator
// excluded it.
func (s SentenceCoverage) Covered() bool { return len(s.Quoted) > 0 || len(s.Excluded) > 0 }

// DocCoverage is how much of one document the facts quote.
type DocCoverage struct {
	Doc       *facts.Document
	Sentences []SentenceCoverage // only those with a figure, a date or a name
}

// Counts gives how many of the document's sentences with a figure, a
// date or a name facts quote, how many more are excluded, and how many
// there are.
func (d DocCoverage) Counts() (quoted, excluded, total int) {
	for _, s := range d.Sentences {
		switch {
		case len(s.Quoted) > 0:
			quoted++
		case len(s.Excluded) > 0:
			excluded++
		}
	}
	return quoted, excluded, len(d.Sentences)
}

// Uncovered lists the sentences neither quoted nor excluded.
func (d DocCoverage) Uncovered() []SentenceCoverage {
	var out []SentenceCoverage
	for _, s := range d.Sentences {
		if !s.Covered() {
			out = append(out, s)
		}
	}
	return out
}

// Share is the part of sentences covered (quoted or excluded), 1 for a
// document with none to cover.
func Share(covered, total int) float64 {
	if total == 0 {
		return 1
	}
	return float64(covered) / float64(total)
}

// Coverage measures, for each document of b, which sentences with a
// figure, a date or a name its facts quote: a fact quotes a sentence when
// one of its source quotes overlaps it. The sentences and what counts as
// a figure, a date or a name are the draft's, so that what "facts draft"
// would propose and what "facts coverage" counts are the same claims.
func Coverage(b *facts.Base) []DocCoverage {
	var out []DocCoverage
	for _, doc := range b.Documents() {
		n := newNormDoc(doc.Text)
		q := quotedSpans(b, doc)
		var excl []Span
		var exclBy []*facts.Exclusion
		for _, e := range b.Exclusions() {
			if e.Doc != doc.ID {
				continue
			}
			for _, sp := range n.find(e.Quote) {
				excl = append(excl, sp)
				exclBy = append(exclBy, e)
			}
		}
		dc := DocCoverage{Doc: doc}
		for i, s := range Sentences(doc.Text) {
			if !analyse(b, doc.Text, s, doc.Date).claims() {
				continue
			}
			sc := SentenceCoverage{Text: collapse(doc.Text[s.Start:s.End]), Quoted: q.facts(s), Sentence: i + 1, Span: s}
			ns := n.span(s)
			for j, sp := range excl {
				if sp.overlaps(ns) && !slices.Contains(sc.Excluded, exclBy[j]) {
					sc.Excluded = append(sc.Excluded, exclBy[j])
				}
			}
			dc.Sentences = append(dc.Sentences, sc)
		}
		out = append(out, dc)
	}
	return out
}
