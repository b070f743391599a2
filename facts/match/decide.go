package match

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// The decision: which fact answers a question, or why none does.

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
				// A fact is about a country only if it says so where it
				// says what it answers (see about); it gives a detail
				// if its answer does.
				if ok && (containsID(m.ix.about[r.doc], id) || kind == detail && m.ix.mentions(r.doc, id)) {
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
		var named []*facts.Series
		if len(years) == 1 {
			// One year: a range ("from 2014 to 2017") asks how a metric
			// went, which no single point answers.
			named = m.seriesNamed(nq)
		}
		kept := ranked[:0:0]
		for _, c := range ranked {
			switch {
			case hasAny(m.ix.primary[c.doc], years):
				c.cover += yearWeight
				if s := m.seriesOf[m.ix.facts[c.doc]]; s != nil && slices.Contains(named, s) {
					// The metric and the year asked name one point of a
					// series: that point, phrased or not, before a fact
					// that only speaks of the metric in that year.
					c.score += seriesPointBonus
				}
				// Ranked by how closely its years are the ones asked:
				// "2016" wants the 2016 figure before the overview of
				// 2014–2017 that includes it; "2014 to 2017" rates the
				// two alike, and the words decide.
				c.score += yearWeight * (1 - spanPenalty*(1-yearJaccard(m.ix.primary[c.doc], years)))
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

// yearJaccard is the share of the years in a or b that are in both.
func yearJaccard(a, b []int) float32 {
	n := 0
	for _, y := range a {
		if slices.Contains(b, y) {
			n++
		}
	}
	return float32(n) / float32(len(a)+len(b)-n)
}

// seriesNamed lists the series whose terms the question names ("exports",
// "수출", "экспорт"), as words begin (Korean: anywhere), less those whose
// excludes it names ("trade deficit" is not trade volume).
func (m *Matcher) seriesNamed(nq string) []*facts.Series {
	var out []*facts.Series
	for _, st := range m.seriesTerms {
		if namesAny(nq, st.terms) && !namesAny(nq, st.excludes) {
			out = append(out, st.s)
		}
	}
	return out
}

// seriesWords are a series' terms and excludes in every language,
// normalised as questions are.
type seriesWords struct {
	s               *facts.Series
	terms, excludes []string
}

func newSeriesWords(s *facts.Series) seriesWords {
	sw := seriesWords{s: s}
	for _, l := range facts.Langs {
		for _, t := range s.Terms.In(l) {
			sw.terms = append(sw.terms, normalize(t))
		}
		for _, t := range s.Excludes.In(l) {
			sw.excludes = append(sw.excludes, normalize(t))
		}
	}
	return sw
}

func namesAny(nq string, words []string) bool {
	for _, w := range words {
		if wordAt(nq, w) {
			return true
		}
	}
	return false
}

// wordAt reports whether w occurs in s at the start of a word, or
// anywhere for Korean, which glues particles and compounds on.
func wordAt(s, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		first, _ := utf8.DecodeRuneInString(w)
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if isHangul(first) || i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return true
		}
		from = i + len(w)
	}
}
