package match

import (
	"testing"

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
	big := newMatcher(matchbench.Synthetic(base.Facts(), 3*scoreBlock+517))
	var qs []string
	for _, c := range loadEval(t) {
		qs = append(qs, c.question)
	}
	qs = append(qs, "korea korea korea russia", "한국 러시아 교역 2019", "brdiges", "")
	for _, tc := range []struct {
		name string
		m    *Matcher
	}{{"real", real}, {"synthetic", big}} {
		for _, k := range []int{1, candidates, 1000} {
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
