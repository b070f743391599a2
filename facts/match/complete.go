package match

import (
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/ninebridges/ninebridges/facts"
)

// maxFuzzyRunes bounds the pattern given to sahilm/fuzzy. Its bonus for
// adjacent matches roughly triples with every further adjacent rune, so a
// long verbatim pattern overflows an int64 score after about forty runes and
// ranks the best match last. Longer input is ranked lexically instead.
const maxFuzzyRunes = 30

// Completion is one autocomplete choice: a phrasing of a fact.
type Completion struct {
	FactID   string
	Question string
}

type completer struct {
	m         *Matcher
	phrasings map[facts.Lang][]string
	factOf    map[facts.Lang][]int32
	featured  []int32 // shown for an empty box: one fact per topic
}

func newCompleter(m *Matcher) *completer {
	c := &completer{m: m, phrasings: map[facts.Lang][]string{}, factOf: map[facts.Lang][]int32{}}
	seenTopic := map[string]bool{}
	for d, f := range m.ix.facts {
		for _, l := range facts.Langs {
			for _, q := range f.Questions.In(l) {
				c.phrasings[l] = append(c.phrasings[l], q)
				c.factOf[l] = append(c.factOf[l], int32(d))
			}
		}
		if !seenTopic[f.Topic] && len(c.featured) < 25 {
			seenTopic[f.Topic] = true
			c.featured = append(c.featured, int32(d))
		}
	}
	return c
}

// Complete suggests up to limit phrasings, in lang, for what a user has typed
// so far. An empty input gets a spread of questions across topics.
func (m *Matcher) Complete(input string, lang facts.Lang, limit int) []Completion {
	c := m.complete
	if limit <= 0 {
		return nil
	}
	if lang == "" {
		lang = DetectLang(input)
	}
	input = strings.TrimSpace(input)
	if len(input) > maxQueryBytes {
		input = input[:maxQueryBytes]
	}
	var out []Completion
	seen := map[int32]bool{}
	add := func(d int32, q string) {
		if !seen[d] && len(out) < limit {
			seen[d] = true
			out = append(out, Completion{FactID: m.ix.facts[d].ID, Question: q})
		}
	}
	if input == "" {
		for _, d := range c.featured {
			add(d, firstIn(m.ix.facts[d], lang))
		}
		return out
	}
	// The phrasings are searched in the asker's language only, so fuzzy's
	// per-byte penalties compare like with like.
	if utf8.RuneCountInString(input) <= maxFuzzyRunes && utf8.ValidString(input) {
		for _, hit := range fuzzy.Find(input, c.phrasings[lang]) {
			add(c.factOf[lang][hit.Index], hit.Str)
		}
	}
	if len(out) < limit {
		// The answer and its suggestions come first: they honour years and
		// ordinals, which the raw ranking below does not.
		if r := m.Answer(input, lang); r.Fact != nil {
			add(m.ix.docOf[r.Fact], firstIn(r.Fact, lang))
		} else {
			for _, s := range r.Suggestions {
				if f, ok := m.ix.byID[s.FactID]; ok {
					add(m.ix.docOf[f], s.Question)
				}
			}
		}
		ranked, _, _, _ := m.rank(m.ix.an.analyze(input))
		for _, r := range ranked {
			add(r.doc, firstIn(m.ix.facts[r.doc], lang))
		}
	}
	return out
}

func firstIn(f *facts.Fact, lang facts.Lang) string {
	if qs := f.Questions.In(lang); len(qs) > 0 {
		return qs[0]
	}
	return f.Questions.EN[0]
}
