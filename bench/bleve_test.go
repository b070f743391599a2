package bench

import (
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
	"github.com/ninebridges/ninebridges/facts/match/matchbench"
)

const evalDir = "../facts/match/testdata/eval"

// bleveIndex indexes every phrasing as a document whose id is its position;
// owner maps it back to its fact.
type bleveIndex struct {
	idx   bleve.Index
	owner []int
	facts []*facts.Fact
}

func newBleve(tb testing.TB, fs []*facts.Fact) *bleveIndex {
	tb.Helper()
	m := mapping.NewIndexMapping()
	// The "standard" analyser: Unicode tokenising, lower-casing, English
	// stop words — bleve's default, BM25 scoring.
	m.DefaultAnalyzer = "standard"
	m.ScoringModel = "bm25"
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		tb.Fatal(err)
	}
	texts, owner := matchbench.Phrasings(fs)
	b := idx.NewBatch()
	for i, t := range texts {
		if err := b.Index(strconv.Itoa(i), map[string]any{"q": t}); err != nil {
			tb.Fatal(err)
		}
		if b.Size() >= 5000 {
			if err := idx.Batch(b); err != nil {
				tb.Fatal(err)
			}
			b = idx.NewBatch()
		}
	}
	if err := idx.Batch(b); err != nil {
		tb.Fatal(err)
	}
	return &bleveIndex{idx: idx, owner: owner, facts: fs}
}

// top returns the fact of the best-scoring phrasing, and its score.
func (b *bleveIndex) top(q string) (*facts.Fact, float64) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 1, 0, false)
	res, err := b.idx.Search(req)
	if err != nil || len(res.Hits) == 0 {
		return nil, 0
	}
	i, _ := strconv.Atoi(res.Hits[0].ID)
	return b.facts[b.owner[i]], res.Hits[0].Score
}

var (
	realOnce sync.Once
	realBase *facts.Base
	realM    *match.Matcher
)

func real(tb testing.TB) (*facts.Base, *match.Matcher) {
	realOnce.Do(func() {
		b, err := facts.Embedded()
		if err != nil {
			panic(err)
		}
		realBase, realM = b, match.New(b)
	})
	return realBase, realM
}

// TestPeerAccuracy reports top-1 accuracy and refusals of every contender
// on the evaluation set. bleve has no notion of confidence, so it is given
// the refusal threshold that suits it best on this very set: a generous
// comparison.
func TestPeerAccuracy(t *testing.T) {
	base, m := real(t)
	cases, err := matchbench.LoadEval(evalDir)
	if err != nil {
		t.Fatal(err)
	}
	bl := newBleve(t, base.Facts())
	type outcome struct {
		id    string
		score float64
	}
	var bleveOut []outcome
	for _, c := range cases {
		f, s := bl.top(c.Question)
		id := ""
		if f != nil {
			id = f.ID
		}
		bleveOut = append(bleveOut, outcome{id, s})
	}
	score := func(answer func(i int) (string, bool)) (en, ko, ru, refused float64) {
		right, total := map[facts.Lang]float64{}, map[facts.Lang]float64{}
		var ref, must float64
		for i, c := range cases {
			id, ok := answer(i)
			if c.Want == "-" {
				must++
				if !ok {
					ref++
				}
				continue
			}
			l := match.DetectLang(c.Question)
			total[l]++
			if ok && id == c.Want {
				right[l]++
			}
		}
		return right[facts.EN] / total[facts.EN], right[facts.KO] / total[facts.KO], right[facts.RU] / total[facts.RU], ref / must
	}
	report := func(name string, en, ko, ru, ref float64) {
		t.Logf("%-34s top-1 en %5.1f%%  ko %5.1f%%  ru %5.1f%%  refusals %5.1f%%", name, 100*en, 100*ko, 100*ru, 100*ref)
	}
	en, ko, ru, ref := score(func(i int) (string, bool) {
		r := m.Answer(cases[i].Question, "")
		if !r.Confident {
			return "", false
		}
		return r.Fact.ID, true
	})
	report("nine bridges", en, ko, ru, ref)
	best, bestName := -1.0, ""
	var bestScores [4]float64
	for _, th := range []float64{0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8} {
		en, ko, ru, ref := score(func(i int) (string, bool) {
			o := bleveOut[i]
			return o.id, o.id != "" && o.score >= th
		})
		if worst := min(en-0.95, ko-0.9, ru-0.9, ref-0.9); worst > best {
			best, bestName, bestScores = worst, fmt.Sprintf("bleve BM25 (threshold %.1f)", th), [4]float64{en, ko, ru, ref}
		}
	}
	report(bestName, bestScores[0], bestScores[1], bestScores[2], bestScores[3])
}

var (
	bigOnce  sync.Once
	bigFacts []*facts.Fact
	bigM     *match.Matcher
	bigBleve *bleveIndex
)

func big(b *testing.B) {
	bigOnce.Do(func() {
		base, _ := real(b)
		bigFacts = matchbench.Synthetic(base.Facts(), 100_000)
		bigM = match.NewFromFacts(bigFacts)
		bigBleve = newBleve(b, bigFacts)
	})
}

func questions(b *testing.B) []string {
	cases, err := matchbench.LoadEval(evalDir)
	if err != nil {
		b.Fatal(err)
	}
	return matchbench.Answerable(cases)
}

func BenchmarkNineBridgesReal(b *testing.B) {
	_, m := real(b)
	qs := questions(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Answer(qs[i%len(qs)], "")
	}
}

func BenchmarkBleveReal(b *testing.B) {
	base, _ := real(b)
	bl := newBleve(b, base.Facts())
	qs := questions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		bl.top(qs[i%len(qs)])
	}
}

func BenchmarkNineBridges100k(b *testing.B) {
	big(b)
	qs := questions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		bigM.Answer(qs[i%len(qs)], "")
	}
}

func BenchmarkBleve100k(b *testing.B) {
	big(b)
	qs := questions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		bigBleve.top(qs[i%len(qs)])
	}
}
