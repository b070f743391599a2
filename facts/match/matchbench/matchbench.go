// Package matchbench holds what the matcher's benchmarks and its peers'
// benchmarks share, so every contender is measured on the same questions
// and the same synthetic base: the evaluation set and a deterministic
// generator of large fact bases.
package matchbench

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// Case is one evaluation question: Want is the fact id that answers it, or
// "-" when it must be refused.
type Case struct {
	File     string
	Line     int
	Want     string
	Question string
}

// LoadEval reads every *.tsv under dir: "fact-id<TAB>question" lines, with
// "#" comments and blank lines.
func LoadEval(dir string) ([]Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no evaluation files in %s", dir)
	}
	var out []Case
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			want, q, ok := strings.Cut(line, "\t")
			if !ok {
				f.Close()
				return nil, fmt.Errorf("%s:%d: want \"fact-id<TAB>question\"", name, n)
			}
			out = append(out, Case{File: name, Line: n, Want: strings.TrimSpace(want), Question: q})
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return out, nil
}

// Answerable returns the questions that have an answer.
func Answerable(cases []Case) []string {
	var qs []string
	for _, c := range cases {
		if c.Want != "-" {
			qs = append(qs, c.Question)
		}
	}
	return qs
}

// Synthetic returns a deterministic base of n facts: the real facts, then
// made-up ones whose text mixes invented words (a vocabulary of 20,000) with
// words of the real base, one in four. Real questions keep their answers,
// and their words have long posting lists, as they would in a large base
// on the same subject.
func Synthetic(real []*facts.Fact, n int) []*facts.Fact {
	rng := rand.New(rand.NewPCG(1, 2))
	var realWords []string
	seen := map[string]bool{}
	for _, f := range real {
		for _, l := range facts.Langs {
			for _, q := range f.Questions.In(l) {
				for _, w := range strings.Fields(q) {
					if !seen[w] {
						seen[w] = true
						realWords = append(realWords, w)
					}
				}
			}
		}
	}
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
			if len(realWords) > 0 && rng.IntN(4) == 0 {
				ws[i] = realWords[rng.IntN(len(realWords))]
			} else {
				ws[i] = vocab[rng.IntN(len(vocab))]
			}
		}
		return strings.Join(ws, " ")
	}
	out := append([]*facts.Fact(nil), real...)
	for len(out) < n {
		f := &facts.Fact{ID: fmt.Sprintf("synthetic-%d", len(out)), Topic: "synthetic"}
		f.Title = facts.Text{EN: sentence(3), KO: sentence(3), RU: sentence(3)}
		f.Answer = facts.Text{EN: sentence(25), KO: sentence(25), RU: sentence(25)}
		f.Questions = facts.Phrasings{
			EN: []string{sentence(6), sentence(6), sentence(5)},
			KO: []string{sentence(5), sentence(5)},
			RU: []string{sentence(5), sentence(5)},
		}
		out = append(out, f)
	}
	return out
}

// Phrasings lists every phrasing of fs with the index of its fact.
func Phrasings(fs []*facts.Fact) (texts []string, owner []int) {
	for i, f := range fs {
		for _, l := range facts.Langs {
			for _, q := range f.Questions.In(l) {
				texts = append(texts, q)
				owner = append(owner, i)
			}
		}
	}
	return texts, owner
}
