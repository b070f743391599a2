// Package draft turns a source document into candidate facts for a
// curator, and measures how much of the corpus the facts quote.
//
// A draft holds one candidate for each claim of the document that has a
// figure, a date or a named person, organisation or programme: its
// verbatim quote, its date, its series value when a series of the base
// fits, who said it, and what the base already says about the same figure.
// The curator writes the answers, keeps what is worth asking and deletes
// the rest; "ninebridges facts check" then validates it like any other
// data file. Nothing here guesses an answer: a draft is never served.
package draft

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// MaxQuoteRunes is the loader's limit on a source quote; a longer claim is
// cut at its clauses.
const MaxQuoteRunes = 400

// Draft is the candidate facts of one document.
type Draft struct {
	Doc        *facts.Document
	Candidates []*Candidate
	Topics     []string // the base's topics, for the curator to pick from
}

// Candidate is one claim of the document, ready to become a fact.
type Candidate struct {
	ID       string
	Topic    string     // "" when nothing in the base suggests one
	Title    facts.Text // set only where the base gives it in every language
	Quote    string     // verbatim, white space collapsed
	Span     Span       // the claim in the document's text
	Sentence int        // which sentence of the document, from 1

	Date       *DateRef  // the claim's date; nil when it names none
	OtherDates []DateRef // other dates the quote names
	Unresolved []DateRef // dates whose year the text leaves open

	// Value is the claim's figure as a series point. Series is empty when
	// no series of the base fits; Held then, or when the base already has
	// a figure for the series and year, says why the value is written as a
	// comment for the curator rather than as a field.
	Value   *facts.Value
	Held    string
	Figures []Figure
	Names   []Name
	Speaker *Speaker

	Quoted   []*facts.Fact // facts of the base that already quote this claim
	Same     []*facts.Fact // facts of the base that state one of its figures
	Conflict *Conflict
}

// Conflict is a full-year figure of the document that disagrees with the
// base's figure for the same series and year.
type Conflict struct {
	Fact   *facts.Fact // the base's point
	Series string
	Year   int
	Base   float64
	Draft  float64
	Unit   string
}

// Document drafts candidate facts from doc, checking them against b: ids
// that b does not use, series that b defines, figures b already holds.
func Document(b *facts.Base, doc *facts.Document) (*Draft, error) {
	if b == nil || doc == nil {
		return nil, errors.New("draft: need a base and a document")
	}
	d := &Draft{Doc: doc, Topics: b.Topics()}
	known := knownFigures(b)
	quoted := quotedSpans(b, doc)
	ids := map[string]bool{}
	text := doc.Text
	for si, sent := range Sentences(text) {
		an := analyse(b, text, sent, doc.Date)
		spk := speaker(b, text[sent.Start:sent.End])
		for _, claim := range splitClaims(text, sent, an) {
			c := candidate(b, doc, text, claim, an)
			if c == nil {
				continue
			}
			c.Sentence = si + 1
			c.Speaker = spk
			c.Quoted = quoted.facts(claim)
			c.Same = known.same(c.Figures)
			value(b, c, text, sent, claim)
			c.ID = newID(b, doc, c, ids)
			c.Topic = topic(b, c)
			c.Title = title(b, c)
			d.Candidates = append(d.Candidates, c)
		}
	}
	return d, nil
}

// analysis is what one sentence names.
type analysis struct {
	figures []Figure
	dates   []DateRef
	names   []Name
}

func analyse(b *facts.Base, text string, s Span, published facts.Date) analysis {
	dates := Dates(text, s, published)
	return analysis{figures: Figures(text, s, dates), dates: dates, names: Names(b, text, s)}
}

// Claims reports whether the sentence has a figure, a date or a name.
func (a analysis) claims() bool { return len(a.figures)+len(a.dates)+len(a.names) > 0 }

var relativeClause = lazyRegexp(`^(?:when|which|who|whom|whose|where)\b`)

// splitClaims cuts a sentence that gives figures for different years
// ("US$16 billion in 2015, US$13.4 billion in 2016, …") into one claim per
// figure, so that each becomes its own fact with its own quote; a relative
// clause after a figure stays with it ("in 1990, when Seoul formed…").
// Any other sentence is one claim. Claims over MaxQuoteRunes are cut at
// their clauses.
func splitClaims(text string, s Span, an analysis) []Span {
	var keep []Span
	for _, f := range an.figures {
		keep = append(keep, f.Span)
	}
	for _, d := range an.dates {
		keep = append(keep, d.Span)
	}
	cl := clauses(text, s, keep)
	dated := make([]bool, len(cl))
	years := map[int]bool{}
	for i, c := range cl {
		// Only money and people split a sentence: "up 43 percent from
		// 2020" compares, it does not add a figure for 2020.
		f := slices.ContainsFunc(an.figures, func(f Figure) bool { return valueUnits[f.Unit] && within(f.Span, c) })
		for _, d := range an.dates {
			if f && within(d.Span, c) && !d.Date.IsZero() {
				dated[i] = true
				years[d.Date.Year()] = true
				break
			}
		}
	}
	out := []Span{s}
	if len(years) >= 2 {
		out = out[:0]
		start := cl[0].Start
		for i := 0; i < len(cl); i++ {
			if !dated[i] {
				continue
			}
			end := cl[i].End
			for i+1 < len(cl) && !dated[i+1] && relativeClause.MatchString(text[cl[i+1].Start:cl[i+1].End]) {
				i++
				end = cl[i].End
			}
			out = append(out, Span{start, end})
			start = -1
			if i+1 < len(cl) {
				start = cl[i+1].Start
			}
		}
		if start >= 0 {
			out[len(out)-1].End = s.End // what follows the last figure belongs to it
		}
		for i := range out {
			out[i] = trimClaim(text, out[i])
			out[i].End = trimFullStop(text, out[i])
		}
	}
	var short []Span
	for _, c := range out {
		short = append(short, shorten(text, c, keep)...)
	}
	return short
}

func within(inner, outer Span) bool { return inner.Start >= outer.Start && inner.End <= outer.End }

// trimFullStop drops the full stop that ends a claim cut from a sentence,
// unless it ends an abbreviation ("the U.S.").
func trimFullStop(text string, s Span) int {
	if s.End > s.Start && text[s.End-1] == '.' && !abbreviationBefore(text[s.Start:s.End-1]) {
		return s.End - 1
	}
	return s.End
}

// shorten cuts a claim longer than a quote may be at its clauses, each
// piece as long as fits.
func shorten(text string, s Span, keep []Span) []Span {
	if utf8.RuneCountInString(collapse(text[s.Start:s.End])) <= MaxQuoteRunes {
		return []Span{s}
	}
	var out []Span
	cur := Span{-1, -1}
	flush := func() {
		if cur.Start >= 0 {
			out = append(out, hardCut(text, trimClaim(text, cur))...)
		}
		cur = Span{-1, -1}
	}
	for _, c := range clauses(text, s, keep) {
		if cur.Start >= 0 && utf8.RuneCountInString(collapse(text[cur.Start:c.End])) > MaxQuoteRunes {
			flush()
		}
		if cur.Start < 0 {
			cur.Start = c.Start
		}
		cur.End = c.End
	}
	flush()
	return out
}

// hardCut splits a clause still too long at spaces.
func hardCut(text string, s Span) []Span {
	var out []Span
	for utf8.RuneCountInString(collapse(text[s.Start:s.End])) > MaxQuoteRunes {
		cut, runes := s.Start, 0
		for i, r := range text[s.Start:s.End] {
			if runes >= MaxQuoteRunes-1 {
				break
			}
			runes++
			if r == ' ' || r == '\n' || r == '\t' {
				cut = s.Start + i
			}
		}
		if cut <= s.Start {
			// No space: cut at a rune boundary.
			n := 0
			for i := range text[s.Start:s.End] {
				if n == MaxQuoteRunes-1 {
					cut = s.Start + i
					break
				}
				n++
			}
		}
		if p := trimSpan(text, Span{s.Start, cut}); p.End > p.Start {
			out = append(out, p)
		}
		s = trimSpan(text, Span{cut, s.End})
	}
	if s.End > s.Start {
		out = append(out, s)
	}
	return out
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// candidate gathers what the claim names, or returns nil when it names
// nothing a fact could be about.
func candidate(b *facts.Base, doc *facts.Document, text string, claim Span, an analysis) *Candidate {
	c := &Candidate{Span: claim, Quote: collapse(text[claim.Start:claim.End])}
	if c.Quote == "" || !doc.Contains(c.Quote) {
		return nil // never a quote the loader would refuse
	}
	for _, f := range an.figures {
		if within(f.Span, claim) {
			c.Figures = append(c.Figures, f)
		}
	}
	var dates []DateRef
	for _, d := range an.dates {
		if within(d.Span, claim) {
			dates = append(dates, d)
		}
	}
	for _, n := range an.names {
		if n.overlaps(claim) {
			c.Names = append(c.Names, n)
		}
	}
	if len(c.Figures)+len(dates)+len(c.Names) == 0 {
		return nil
	}
	var resolved []DateRef
	for _, d := range dates {
		if d.Date.IsZero() {
			c.Unresolved = append(c.Unresolved, d)
		} else {
			resolved = append(resolved, d)
		}
	}
	// The claim's date is the one next to its figure; failing that the
	// first that is not merely when it was reported ("reported on May 6
	// that … Apr. 28 to Apr. 30").
	pick := -1
	if len(c.Figures) > 0 {
		main := c.Figures[0]
		if i := slices.IndexFunc(c.Figures, func(f Figure) bool { return valueUnits[f.Unit] }); i >= 0 {
			main = c.Figures[i] // the figure a value would be made of
		}
		pick = nearest(resolved, main.Span, text)
	}
	if pick < 0 {
		for i, d := range resolved {
			if !reportedOn.MatchString(text[max(claim.Start, d.Start-24):d.Start]) {
				pick = i
				break
			}
		}
	}
	if pick < 0 && len(resolved) > 0 {
		pick = 0
	}
	for i := range resolved {
		if i == pick {
			d := resolved[i]
			c.Date = &d
		} else {
			c.OtherDates = append(c.OtherDates, resolved[i])
		}
	}
	return c
}

var reportedOn = lazyRegexp(`(?i)\b(?:reported|said|announced|stated|wrote|told)\s+(?:on\s+)?$`)

// nearest is the index of the date in the same clause as sp, after it if
// any ("$7.6 billion in 2019"), else before it ("in 1990 was
// approximately 30,000"); -1 when none is in its clause.
func nearest(dates []DateRef, sp Span, text string) int {
	best, bestDist := -1, math.MaxInt
	for i, d := range dates {
		lo, hi := min(d.End, sp.End), max(d.Start, sp.Start)
		if lo > hi {
			lo, hi = hi, lo
		}
		between := text[lo:hi]
		if d.Start < sp.Start && clauseBreak.MatchString(between) {
			continue
		}
		dist := hi - lo
		if d.Prep == "since" {
			continue // "grown 1.5 times since 2015 to US$19 billion in 2017": a start, not the figure's year
		}
		if d.Start > sp.Start {
			dist -= 1 << 20 // a date after the figure is its year
			if clauseBreak.MatchString(between) {
				continue
			}
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	return best
}

// valueUnits are the units a series point may be in: money and people.
// A percentage, a multiple or a span of time is a figure, not a point.
var valueUnits = map[string]bool{"USD": true, "KRW": true, "RUB": true, "EUR": true, "people": true}

// value makes the claim's figure a series point when a series of the base
// names the sentence's metric in the figure's unit, and compares it with
// what the base holds.
func value(b *facts.Base, c *Candidate, text string, sent, claim Span) {
	var money []Figure // figures in a unit a series can have
	for _, f := range c.Figures {
		if valueUnits[f.Unit] {
			money = append(money, f)
		}
	}
	if len(money) == 0 {
		return
	}
	s, f := matchSeries(b, text[claim.Start:claim.End], money)
	if s == nil {
		s, f = matchSeries(b, text[sent.Start:sent.End], money)
	}
	if s == nil {
		f = money[0]
	}
	v := &facts.Value{Amount: f.Amount, Unit: f.Unit, Approx: f.Approx}
	if s != nil {
		v.Series = s.ID
	}
	if c.Date != nil {
		v.Year = c.Date.Date.Year()
		if c.Date.Prep == "as of" || c.Date.Prep == "as at" || c.Date.Prep == "through" || c.Date.Prep == "up to" {
			if c.Date.Date.Precision >= facts.Month {
				v.AsOf = c.Date.Date.Start.Format("2006-01")
			}
		}
	}
	c.Value = v
	switch {
	case s == nil:
		c.Held = "no series of the base names this figure's metric in " + f.Unit + "; define one in series.yaml, or keep the figure in the answer only"
		return
	case v.Year == 0:
		c.Held = "the quote gives no year for this figure; set year (and date) by hand"
		return
	}
	p := s.Point(v.Year)
	if p == nil {
		return
	}
	switch {
	case sameAmount(p.Value.Amount, v.Amount) && p.Value.AsOf == v.AsOf:
		c.Held = fmt.Sprintf("the base already holds this figure as %s (%s:%d): add this quote to its sources rather than a second fact (a series holds one figure a year)", p.ID, p.File, p.Line)
	case p.Value.AsOf == "" && v.AsOf == "":
		c.Conflict = &Conflict{Fact: p, Series: s.ID, Year: v.Year, Base: p.Value.Amount, Draft: v.Amount, Unit: v.Unit}
		c.Held = "see the CONFLICT above"
	default:
		c.Held = fmt.Sprintf("the base has %s for %d as %s (%s:%d), counted over %s; a series holds one figure a year", formatAmount(p.Value.Amount, p.Value.Unit), v.Year, p.ID, p.File, p.Line, span(p.Value.AsOf))
	}
}

func span(asOf string) string {
	if asOf == "" {
		return "the whole year"
	}
	return "the year up to " + asOf
}

func sameAmount(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }

// matchSeries picks the series whose English terms the text names (the
// longest term wins: "total outbound shipments" over "trade") and one of
// whose unit is a figure's, never one whose excluded words it names.
func matchSeries(b *facts.Base, text string, figs []Figure) (*facts.Series, Figure) {
	lower := strings.ToLower(text)
	var best *facts.Series
	var bestFig Figure
	bestLen := 0
	for _, s := range b.AllSeries() {
		i := slices.IndexFunc(figs, func(f Figure) bool { return f.Unit == s.Unit })
		if i < 0 {
			continue
		}
		if slices.ContainsFunc(s.Excludes.EN, func(t string) bool { return findName(lower, t) >= 0 }) {
			continue
		}
		for _, t := range s.Terms.EN {
			if len(t) > bestLen && findName(lower, t) >= 0 {
				best, bestFig, bestLen = s, figs[i], len(t)
			}
		}
	}
	return best, bestFig
}

// known indexes the figures the base states: its series points and every
// figure in its facts' quotes.
type known []struct {
	fig  Figure
	fact *facts.Fact
}

func knownFigures(b *facts.Base) known {
	var k known
	add := func(f Figure, fact *facts.Fact) {
		k = append(k, struct {
			fig  Figure
			fact *facts.Fact
		}{f, fact})
	}
	for _, f := range b.Facts() {
		if f.Value != nil {
			add(Figure{Amount: f.Value.Amount, Unit: f.Value.Unit}, f)
		}
		for _, s := range f.Sources {
			q := Span{0, len(s.Quote)}
			for _, fig := range Figures(s.Quote, q, Dates(s.Quote, q, facts.Date{})) {
				add(fig, f)
			}
		}
	}
	return k
}

func (k known) same(figs []Figure) []*facts.Fact {
	var out []*facts.Fact
	for _, f := range figs {
		for _, e := range k {
			if e.fig.Unit == f.Unit && sameAmount(e.fig.Amount, f.Amount) && !slices.Contains(out, e.fact) {
				out = append(out, e.fact)
			}
		}
	}
	slices.SortFunc(out, func(a, b *facts.Fact) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// quoted finds the facts of the base whose quotes fall on a span of a
// document the base holds (drafting a document already in the base).
type quotedIndex struct {
	doc   *normDoc
	spans []Span        // in normalised text
	by    []*facts.Fact // by[i] quotes spans[i]
}

func quotedSpans(b *facts.Base, doc *facts.Document) quotedIndex {
	q := quotedIndex{doc: newNormDoc(doc.Text)}
	if bd, ok := b.Document(doc.ID); !ok || bd.Text != doc.Text {
		return q
	}
	for _, f := range b.CitedBy(doc.ID) {
		for _, s := range f.Sources {
			if s.Doc != doc.ID {
				continue
			}
			for _, sp := range q.doc.find(s.Quote) {
				q.spans = append(q.spans, sp)
				q.by = append(q.by, f)
			}
		}
	}
	return q
}

func (q quotedIndex) facts(claim Span) []*facts.Fact {
	n := q.doc.span(claim)
	var out []*facts.Fact
	for i, sp := range q.spans {
		if sp.overlaps(n) && !slices.Contains(out, q.by[i]) {
			out = append(out, q.by[i])
		}
	}
	return out
}

// normDoc is a text with runs of white space collapsed, as the loader
// compares quotes.
type normDoc struct {
	text, norm string
}

func newNormDoc(text string) *normDoc { return &normDoc{text: text, norm: collapse(text)} }

// span maps a span of the text, trimmed of white space, to the normalised
// text: what comes before it collapses as the whole text does.
func (n *normDoc) span(s Span) Span {
	before := collapse(n.text[:s.Start])
	start := len(before)
	if before != "" && s.Start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(n.text[:s.Start]); unicode.IsSpace(r) {
			start++ // the space that joins it to what follows
		}
	}
	return Span{start, start + len(collapse(n.text[s.Start:s.End]))}
}

// find gives every place quote occurs, in the normalised text.
func (n *normDoc) find(quote string) []Span {
	q := collapse(quote)
	if q == "" {
		return nil
	}
	var out []Span
	for from := 0; ; {
		i := strings.Index(n.norm[from:], q)
		if i < 0 {
			return out
		}
		out = append(out, Span{from + i, from + i + len(q)})
		from += i + 1
	}
}
