package match

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match/matchbench"
)

// benchQuestions are the answerable questions of the evaluation set.
func benchQuestions(b *testing.B) []string {
	var qs []string
	for _, c := range loadEval(b) {
		if c.want != "-" {
			qs = append(qs, c.question)
		}
	}
	return qs
}

func BenchmarkAnswerRealBase(b *testing.B) {
	_, m := testMatcher(b)
	answerWithPercentiles(b, m, benchQuestions(b))
}

// answerWithPercentiles answers the questions in turn and reports, beside
// the mean, the median and 99th percentile of one question's latency.
func answerWithPercentiles(b *testing.B, m *Matcher, qs []string) {
	lat := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		m.Answer(qs[i%len(qs)], "")
		if len(lat) < cap(lat) {
			lat = append(lat, time.Since(start))
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "p50-µs")
		b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
	}
}

func BenchmarkCompleteRealBase(b *testing.B) {
	_, m := testMatcher(b)
	prefixes := []string{"tra", "trade 20", "snowfl", "교역", "товаро", "nine bridges", ""}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Complete(prefixes[i%len(prefixes)], facts.EN, 10)
	}
}

// BenchmarkPeerFuzzyScanRealBase is the naive peer: every phrasing scanned
// with sahilm/fuzzy, the best subsequence match wins.
func BenchmarkPeerFuzzyScanRealBase(b *testing.B) {
	base, _ := testMatcher(b)
	phr, _ := matchbench.Phrasings(base.Facts())
	qs := benchQuestions(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		fuzzy.Find(qs[i%len(qs)], phr)
	}
}

var (
	bigOnce    sync.Once
	bigFacts   []*facts.Fact
	bigMatcher *Matcher
)

func bigBase(b *testing.B) ([]*facts.Fact, *Matcher) {
	bigOnce.Do(func() {
		base, _ := testMatcher(b)
		bigFacts = matchbench.Synthetic(base.Facts(), 100_000)
		bigMatcher = newMatcher(bigFacts)
	})
	return bigFacts, bigMatcher
}

func BenchmarkAnswer100k(b *testing.B) {
	_, m := bigBase(b)
	answerWithPercentiles(b, m, benchQuestions(b))
}

func BenchmarkPeerFuzzyScan100k(b *testing.B) {
	fs, _ := bigBase(b)
	phr, _ := matchbench.Phrasings(fs)
	qs := benchQuestions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		fuzzy.Find(qs[i%len(qs)], phr)
	}
}

// TestPeerFuzzyAccuracy reports how the naive fuzzy peer does on the
// evaluation set, for the README's comparison of quality as well as speed.
func TestPeerFuzzyAccuracy(t *testing.T) {
	base, _ := testMatcher(t)
	phr, owner := matchbench.Phrasings(base.Facts())
	s := evaluate(loadEval(t), func(q string) (string, bool) {
		ms := fuzzy.Find(q, phr)
		if len(ms) == 0 {
			return "", false
		}
		return base.Facts()[owner[ms[0].Index]].ID, true
	}, nil)
	t.Logf("fuzzy peer: top-1 en %.1f%%, ko %.1f%%, ru %.1f%%; refusals %.1f%%",
		100*s.top1(facts.EN), 100*s.top1(facts.KO), 100*s.top1(facts.RU), 100*s.refusal())
}
