package match

import "slices"

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
			best = max(best, fp.scale[p]*matched/union)
		}
	}
	return best
}
