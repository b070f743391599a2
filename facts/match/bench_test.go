package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/sahilm/fuzzy"

	"github.com/ninebridges/ninebridges/facts"
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
	qs := benchQuestions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Answer(qs[i%len(qs)], "")
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
	phr, _ := allPhrasings(base.Facts())
	qs := benchQuestions(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		fuzzy.Find(qs[i%len(qs)], phr)
	}
}

func allPhrasings(fs []*facts.Fact) ([]string, []int) {
	var phr []string
	var owner []int
	for i, f := range fs {
		for _, l := range facts.Langs {
			for _, q := range f.Questions.In(l) {
				phr = append(phr, q)
				owner = append(owner, i)
			}
		}
	}
	return phr, owner
}

// synthetic builds a deterministic base of n facts over a made-up
// vocabulary, with the real facts mixed in so real questions still have
// their answers among them.
func synthetic(real []*facts.Fact, n int) []*facts.Fact {
	rng := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "ri", "mo", "su", "te", "lo", "vi", "na", "pe", "zu", "do", "xa", "bo", "qu", "fe", "ji"}
	vocab := make([]string, 20000)
	for i := range vocab {
		var w strings.Builder
		for k := 0; k < 2+rng.IntN(3); k++ {
			w.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab[i] = w.String()
	}
	sentence := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	out := append([]*facts.Fact(nil), real...)
	for len(out) < n {
		f := &facts.Fact{ID: fmt.Sprintf("synthetic-%d", len(out)), Topic: "synthetic"}
		f.Title = facts.Text{EN: sentence(3), KO: sentence(3), RU: sentence(3)}
		f.Answer = facts.Text{EN: sentence(25), KO: sentence(25), RU: sentence(25)}
		f.Questions = facts.Phrasings{EN: []string{sentence(6), sentence(6), sentence(5)}, KO: []string{sentence(5), sentence(5)}, RU: []string{sentence(5), sentence(5)}}
		out = append(out, f)
	}
	return out
}

var (
	bigOnce    sync.Once
	bigFacts   []*facts.Fact
	bigMatcher *Matcher
)

func bigBase(b *testing.B) ([]*facts.Fact, *Matcher) {
	bigOnce.Do(func() {
		base, _ := testMatcher(b)
		bigFacts = synthetic(base.Facts(), 100_000)
		bigMatcher = newMatcher(bigFacts)
	})
	return bigFacts, bigMatcher
}

func BenchmarkAnswer100k(b *testing.B) {
	_, m := bigBase(b)
	qs := benchQuestions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Answer(qs[i%len(qs)], "")
	}
}

func BenchmarkPeerFuzzyScan100k(b *testing.B) {
	fs, _ := bigBase(b)
	phr, _ := allPhrasings(fs)
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
	phr, owner := allPhrasings(base.Facts())
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
