package match

import (
	"testing"

	"github.com/ninebridges/ninebridges/facts"

	"github.com/ninebridges/ninebridges/facts/match/matchbench"
)

// referenceRank is the lexical ranking written the obvious way, every
// fact in a map, to check the blocked one against.
func referenceRank(ix *index, qcs []qclause, k int) []scored {
	score := map[int32]float32{}
	for _, qc := range qcs {
		best := map[int32]float32{}
		for a, id := range qc.ids {
			for _, p := range ix.postings[id] {
				best[p.doc] = max(best[p.doc], qc.credit[a]*p.sat)
			}
		}
		for d, v := range best {
			score[d] += qc.w * v
		}
	}
	var all []scored
	for d, s := range score {
		all = append(all, scored{doc: d, score: s})
	}
	sortRanked(all)
	return all[:min(k, len(all))]
}

// TestRankMatchesReference checks that scoring facts a block at a time,
// with alternatives merged in place, ranks exactly as the plain map-based
// ranking does: the same facts, the same scores to the bit, the same
// order. The synthetic base spans several blocks and ends mid-block.
func TestRankMatchesReference(t *testing.T) {
	base, real := testMatcher(t)
	big := newMatcher(matchbench.Synthetic(base.Facts(), 2*scoreBlock+517))
	// Every third question of the evaluation set keeps the test quick
	// under the race detector and still covers each language and typos.
	var qs []string
	for i, c := range loadEval(t) {
		if i%3 == 0 {
			qs = append(qs, c.question)
		}
	}
	qs = append(qs, "korea korea korea russia", "한국 러시아 교역 2019", "brdiges", "")
	for _, tc := range []struct {
		name string
		m    *Matcher
	}{{"real", real}, {"synthetic", big}} {
		for _, k := range []int{1, candidates, 500} {
			for _, q := range qs {
				_, _, _, _, qcs := tc.m.rankOrd(tc.m.ix.an.analyze(q))
				s := tc.m.scratch.Get().(*scratch)
				got := s.rank(tc.m.ix, qcs, k)
				tc.m.scratch.Put(s)
				want := referenceRank(tc.m.ix, qcs, k)
				if len(got) != len(want) {
					t.Fatalf("%s, k=%d, %q: %d facts, want %d", tc.name, k, q, len(got), len(want))
				}
				for i := range want {
					if got[i].doc != want[i].doc || got[i].score != want[i].score {
						t.Fatalf("%s, k=%d, %q: #%d is fact %d scored %v, want fact %d scored %v",
							tc.name, k, q, i, got[i].doc, got[i].score, want[i].doc, want[i].score)
					}
				}
			}
		}
	}
}

// referenceSimilarity is the closeness of a question to a fact's nearest
// phrasing computed phrasing by phrasing, clause by clause, to check the
// term-indexed one against.
func referenceSimilarity(ix *index, qcs []qclause, qTotal float32, doc int32) float32 {
	type qterm struct {
		clause int
		credit float32
	}
	terms := map[int32]qterm{}
	for ci, q := range qcs {
		for i, id := range q.ids {
			if t, ok := terms[id]; !ok || q.credit[i] > t.credit {
				terms[id] = qterm{ci, q.credit[i]}
			}
		}
	}
	var best float32
	f := ix.facts[doc]
	type asked struct {
		text  string
		scale float32
	}
	var texts []asked
	for _, l := range facts.Langs {
		for _, q := range f.Questions.In(l) {
			texts = append(texts, asked{q, 1})
		}
	}
	for _, l := range facts.Langs {
		if len(f.Questions.In(l)) < titlePhrasingBelow {
			texts = append(texts, asked{f.Title.In(l), titleScale})
		}
	}
	for _, a := range texts {
		p := ix.phrasing(a.text)
		qBest := make([]float32, len(qcs))
		var pMatched float32
		for _, pc := range p.clauses {
			var credit float32
			for j, id := range pc.ids {
				if t, ok := terms[id]; ok {
					c := min(t.credit, pc.credit[j])
					credit = max(credit, c)
					qBest[t.clause] = max(qBest[t.clause], c)
				}
			}
			pMatched += credit * pc.w
		}
		var matched float32
		for ci, q := range qcs {
			matched += qBest[ci] * q.w
		}
		if union := qTotal + p.weight - pMatched; union > 0 {
			best = max(best, a.scale*matched/union)
		}
	}
	return best
}

// TestSimilarityMatchesReference checks the term-indexed comparison with
// phrasings gives, to the bit, what comparing every phrasing clause by
// clause gives, for each evaluation question and its best candidates.
func TestSimilarityMatchesReference(t *testing.T) {
	_, m := testMatcher(t)
	cases := loadEval(t)
	for _, c := range cases {
		ranked, total, _, _, qcs := m.rankOrd(m.ix.an.analyze(c.question))
		sim := m.newSimilarity(qcs, total)
		for _, r := range ranked[:min(len(ranked), rerankDepth)] {
			got, want := sim.to(r.doc), referenceSimilarity(m.ix, qcs, total, r.doc)
			if got != want {
				t.Fatalf("%q against %s: similarity %v, want %v", c.question, m.ix.facts[r.doc].ID, got, want)
			}
		}
		sim.release()
	}
}
