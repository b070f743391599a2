package match

import (
	"cmp"
	"math"
	"slices"
)

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
