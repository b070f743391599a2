package match

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// BM25 parameters, and how much each part of a fact counts. Phrasings and
// titles say what a fact answers; the answer text mostly adds context words.
const (
	k1           = 1.2
	bParam       = 0.75
	weightAsk    = 1.0
	weightTitle  = 1.0
	weightAlias  = 1.0
	weightAnswer = 0.4
	// titlePhrasingBelow is the number of phrasings in a language below
	// which a fact's title in that language counts as one more, at
	// titleScale (see buildIndex).
	titlePhrasingBelow = 4
	titleScale         = 0.9
)

// posting is a fact that holds a term, with the term's BM25 saturation in
// it: (k1+1)·tf / (tf + k1·(1-b+b·len/avglen)), 1 for one occurrence in a
// fact of average length. It depends only on the fact, so it is computed
// once here rather than for every question.
type posting struct {
	doc int32
	sat float32
}

// index is an inverted index over facts with BM25F statistics, plus the
// vocabulary for typo correction.
type index struct {
	an        *analyzer
	facts     []*facts.Fact
	termID    map[string]int32
	idf       []float32
	postings  [][]posting
	docLen    []float32
	avgLen    float32
	years     [][]int // years each fact speaks of: its date, its value, years in its answer
	primary   [][]int // years each fact is about: its date and its value
	ordinals  [][]int // ordinals each fact speaks of ("4th consultation", "first forum")
	phrasings []factPhrasings
	// about lists the constraint concepts (see constraintConcepts) each
	// fact is about: named in its title, aliases or phrasings, not only
	// in passing in its answer.
	about  [][]int32
	idfOOV float32
	docOf  map[*facts.Fact]int32
	byID   map[string]*facts.Fact

	// Typo correction: surface words of the index by symmetric deletions.
	surfaces   []surfaceWord
	surfaceIDs map[string]int32
	typos      typoIndex
	building   *typoBuilder // until the index is built
}

type surfaceWord struct {
	word  []rune
	terms []alt // what the word is indexed under (stem and concept)
}

var yearInText = regexp.MustCompile(`\b(19|20)\d\d\b`)

func buildIndex(an *analyzer, fs []*facts.Fact) *index {
	ix := &index{
		an:         an,
		facts:      fs,
		termID:     map[string]int32{},
		docLen:     make([]float32, len(fs)),
		years:      make([][]int, len(fs)),
		primary:    make([][]int, len(fs)),
		ordinals:   make([][]int, len(fs)),
		phrasings:  make([]factPhrasings, len(fs)),
		about:      make([][]int32, len(fs)),
		surfaceIDs: map[string]int32{},
		building:   &typoBuilder{},
	}
	ix.docOf = make(map[*facts.Fact]int32, len(fs))
	ix.byID = make(map[string]*facts.Fact, len(fs))
	for d, f := range fs {
		ix.docOf[f] = int32(d)
		ix.byID[f.ID] = f
	}
	var total float64
	tf := map[int32]float32{}
	var ids []int32
	var translations [3]map[int32]float32
	for i := range translations {
		translations[i] = map[int32]float32{}
	}
	for d, f := range fs {
		clear(tf)
		add := func(into map[int32]float32, text string, w float32) {
			an.warm(text)
			// Every word is a possible target of typo correction, also
			// those that only occur inside a phrase ("nine bridges").
			for _, t := range tokenize(normalize(text)) {
				if !isStop(t) {
					ix.addSurface(clause{surface: t.surface, scr: t.script, terms: []alt{{term: an.stem(t), credit: 1}}})
				}
			}
			for _, c := range an.analyze(text) {
				if c.ordinal != 0 {
					if !containsInt(ix.ordinals[d], c.ordinal) {
						ix.ordinals[d] = append(ix.ordinals[d], c.ordinal)
					}
					continue
				}
				ix.addSurface(c)
				for _, a := range c.terms {
					if a.credit == 0 {
						continue
					}
					id := ix.term(a.term)
					if w != weightAnswer && constraintConcepts[a.term] != 0 && !containsID(ix.about[d], id) {
						ix.about[d] = append(ix.about[d], id)
					}
					into[id] += w * a.credit
				}
			}
		}
		// A title or answer is one text in three languages: a concept
		// they all name is named once, not three times, or every fact
		// whose answer lists the nine bridges would be about each of them.
		addTranslated := func(t facts.Text, w float32) {
			for i, l := range facts.Langs {
				clear(translations[i])
				add(translations[i], t.In(l), w)
			}
			for i := range translations {
				for id, n := range translations[i] {
					if slices.ContainsFunc(translations[:i], func(m map[int32]float32) bool { _, ok := m[id]; return ok }) {
						continue // taken with an earlier language
					}
					for _, other := range translations[i+1:] {
						n = max(n, other[id])
					}
					tf[id] += n
				}
			}
		}
		for _, l := range facts.Langs {
			for _, q := range f.Questions.In(l) {
				add(tf, q, weightAsk)
			}
		}
		addTranslated(f.Title, weightTitle)
		for _, a := range f.Aliases {
			add(tf, a, weightAlias)
		}
		addTranslated(f.Answer, weightAnswer)
		if v := f.Value; v != nil && v.Amount > 0 {
			// The figure a fact gives names it as its title does, in
			// whatever notation its answers write it.
			exact, rounded := figureTerms(figure{value: v.Amount, percent: v.Unit == "%"})
			for _, a := range []alt{{exact, 1}, {rounded, roundedCredit}} {
				id := ix.term(a.term)
				tf[id] = max(tf[id], weightTitle*a.credit)
			}
		}
		// Summed in term order: a float sum depends on its order, and a
		// map's changes from run to run, which would let the last bit of a
		// fact's length, and so a tie between two facts, change with it.
		ids = ids[:0]
		for id := range tf {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			ix.docLen[d] += tf[id]
		}
		for id, n := range tf {
			ix.postings[id] = append(ix.postings[id], posting{doc: int32(d), sat: n})
		}
		total += float64(ix.docLen[d])
		ix.primary[d], ix.years[d] = factYears(f)
	}
	ix.typos, ix.building = ix.building.build(), nil
	ix.surfaceIDs = nil // only needed while building
	n := float64(len(fs))
	if n > 0 {
		ix.avgLen = float32(total / n)
	}
	ix.idf = make([]float32, len(ix.postings))
	for id, p := range ix.postings {
		ix.idf[id] = idf(n, float64(len(p)))
	}
	ix.idfOOV = idf(n, 0)
	for _, ps := range ix.postings {
		for i := range ps {
			tf := ps[i].sat // holds the weighted term frequency until here
			norm := k1 * (1 - bParam + bParam*ix.docLen[ps[i].doc]/ix.avgLen)
			ps[i].sat = tf * (k1 + 1) / (tf + norm)
		}
	}
	var ps []phrasing
	for d, f := range fs {
		for _, l := range facts.Langs {
			for _, q := range f.Questions.In(l) {
				ps = append(ps, ix.phrasing(q))
			}
		}
		// A fact asked in few ways in a language, a drafted one above
		// all, is asked in the words of its title too: a title is a short
		// label of what the fact answers, the nearest thing to a phrasing
		// it has. It counts a little less than one, as nobody asks in the
		// form of a label; a fact with phrasings enough has its title's
		// words among them, and is left as its curators wrote it.
		for _, l := range facts.Langs {
			if len(f.Questions.In(l)) >= titlePhrasingBelow {
				continue
			}
			p := ix.phrasing(f.Title.In(l))
			p.scale = titleScale
			ps = append(ps, p)
		}
		ix.phrasings[d] = newFactPhrasings(ps)
		ps = ps[:0]
	}
	return ix
}

// phrasing is one way of asking for a fact, kept as weighted clauses so a
// question can be compared with it as a whole: the best candidates are told
// apart by how closely a question follows one of their phrasings.
type phrasing struct {
	clauses []pclause
	weight  float32
	scale   float32 // what closeness to it is worth: 1, less for a title
}

type pclause struct {
	ids    []int32
	credit []float32
	w      float32
}

// factPhrasings are a fact's phrasings indexed by term, so that a question
// is compared with all of them by visiting only the terms they share with
// it: a real fact has some thirty phrasings, and most of their words are
// not in any one question.
type factPhrasings struct {
	weight    []float32 // per phrasing: the weight of its clauses
	scale     []float32 // per phrasing: its phrasing.scale
	clauseOff []int32   // phrasing p's clauses are clauseW[clauseOff[p]:clauseOff[p+1]]
	clauseW   []float32 // per clause, of all phrasings in turn: its weight
	ids       []int32   // the terms of the phrasings, sorted
	entryOff  []int32   // ids[i] occurs at entries[entryOff[i]:entryOff[i+1]]
	entries   []phrasingEntry
}

// phrasingEntry is one occurrence of a term in a fact's phrasings.
type phrasingEntry struct {
	phrasing int32
	clause   int32 // into clauseW
	credit   float32
}

func newFactPhrasings(ps []phrasing) factPhrasings {
	var fp factPhrasings
	byID := map[int32][]phrasingEntry{}
	for pi, p := range ps {
		fp.weight = append(fp.weight, p.weight)
		fp.scale = append(fp.scale, p.scale)
		fp.clauseOff = append(fp.clauseOff, int32(len(fp.clauseW)))
		for _, pc := range p.clauses {
			clause := int32(len(fp.clauseW))
			fp.clauseW = append(fp.clauseW, pc.w)
			for j, id := range pc.ids {
				byID[id] = append(byID[id], phrasingEntry{phrasing: int32(pi), clause: clause, credit: pc.credit[j]})
			}
		}
	}
	fp.clauseOff = append(fp.clauseOff, int32(len(fp.clauseW)))
	for id := range byID {
		fp.ids = append(fp.ids, id)
	}
	slices.Sort(fp.ids)
	for _, id := range fp.ids {
		fp.entryOff = append(fp.entryOff, int32(len(fp.entries)))
		fp.entries = append(fp.entries, byID[id]...)
	}
	fp.entryOff = append(fp.entryOff, int32(len(fp.entries)))
	return fp
}

func (ix *index) phrasing(q string) phrasing {
	p := phrasing{scale: 1}
	for _, c := range ix.an.analyze(q) {
		if c.year != 0 || c.ordinal != 0 {
			continue
		}
		var pc pclause
		for _, a := range c.terms {
			if id, ok := ix.termID[a.term]; ok && a.credit > 0 {
				pc.ids = append(pc.ids, id)
				pc.credit = append(pc.credit, a.credit)
				pc.w = max(pc.w, ix.idf[id])
			}
		}
		if len(pc.ids) > 0 {
			p.clauses = append(p.clauses, pc)
			p.weight += pc.w
		}
	}
	return p
}

func idf(n, df float64) float32 {
	return float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
}

func (ix *index) term(t string) int32 {
	id, ok := ix.termID[t]
	if !ok {
		id = int32(len(ix.postings))
		ix.termID[t] = id
		ix.postings = append(ix.postings, nil)
	}
	return id
}

func (ix *index) addSurface(c clause) {
	if c.surface == "" || maxEdits(c.surface, c.scr) == 0 || utf8.RuneCountInString(c.surface) > maxTypoRunes {
		return
	}
	if _, ok := ix.surfaceIDs[c.surface]; ok {
		return
	}
	id := int32(len(ix.surfaces))
	ix.surfaceIDs[c.surface] = id
	var terms []alt
	for _, a := range c.terms {
		if a.credit > 0 {
			terms = append(terms, a)
		}
	}
	ix.surfaces = append(ix.surfaces, surfaceWord{word: []rune(c.surface), terms: terms})
	keys := map[string]struct{}{}
	deletions(c.surface, maxEdits(c.surface, c.scr), keys)
	for k := range keys {
		ix.building.add(k, id)
	}
}

// corrections returns the indexed words within the typo tolerance of w.
func (ix *index) corrections(w string, scr script) []int32 {
	max := maxEdits(w, scr)
	// A word longer than any the base could hold is no typo of one, and
	// its deletion neighbourhood grows with the square of its length.
	if max == 0 || utf8.RuneCountInString(w) > maxTypoRunes {
		return nil
	}
	keys := map[string]struct{}{}
	deletions(w, max, keys)
	rw := []rune(w)
	var out []int32
	best := max + 1
	for k := range keys {
		for _, id := range ix.typos.lookup(k) {
			sw := ix.surfaces[id].word
			// The tolerance is the smaller of the two words' tolerances, so
			// a short indexed word is not matched by a long typo.
			lim := min(max, maxEdits(string(sw), scr))
			if lim == 0 {
				continue
			}
			d := editDistance(rw, sw, lim)
			if d > lim || d > best {
				continue
			}
			if d < best {
				best, out = d, out[:0]
			}
			if !containsID(out, id) {
				out = append(out, id)
			}
		}
	}
	// The keys came in a map's order: the same word must get the same
	// corrections, in the same order, every time.
	slices.SortFunc(out, func(a, b int32) int { return strings.Compare(string(ix.surfaces[a].word), string(ix.surfaces[b].word)) })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// factYears lists the years a fact is about (its date and its value) and
// all the years it speaks of (those and the years named in its answer), so
// that a question naming a year can be kept off facts about other years.
// A long range such as 1990..2019 is about its two ends, not every year
// between.
func factYears(f *facts.Fact) (primary, all []int) {
	add := func(ys []int, y int) []int {
		for _, x := range ys {
			if x == y {
				return ys
			}
		}
		return append(ys, y)
	}
	if !f.Date.IsZero() {
		from, to := f.Date.Start.Year(), f.Date.End.Year()
		if to-from > 3 {
			// A span of decades is about the span, not about its ends:
			// its years are named in passing.
			for y := from; y <= to; y++ {
				all = add(all, y)
			}
		} else {
			for y := from; y <= to; y++ {
				primary = add(primary, y)
			}
		}
	}
	if f.Value != nil {
		primary = add(primary, f.Value.Year)
	}
	for _, y := range primary {
		all = add(all, y)
	}
	for _, m := range yearInText.FindAllString(f.Answer.EN, -1) {
		y, _ := strconv.Atoi(m)
		all = add(all, y)
	}
	return primary, all
}

// maxTypoRunes bounds the words typo correction is tried on.
const maxTypoRunes = 24

// mentions reports whether fact doc has term id anywhere.
func (ix *index) mentions(doc, id int32) bool {
	_, ok := ix.sat(doc, id)
	return ok
}

// sat returns fact doc's BM25 saturation for term id, if it has the term.
func (ix *index) sat(doc, id int32) (float32, bool) {
	ps := ix.postings[id]
	lo, hi := 0, len(ps)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ps[mid].doc < doc {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(ps) && ps[lo].doc == doc {
		return ps[lo].sat, true
	}
	return 0, false
}
