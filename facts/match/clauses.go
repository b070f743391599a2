package match

import (
	"slices"
	"unicode/utf8"
)

// clause is one meaningful word of a text: the term it is indexed under and
// the alternatives that also count as a match (its concept, its Korean
// pieces, typo corrections), each with the credit a match earns.
type clause struct {
	terms   []alt
	year    int    // the word is a year (1900–2099)
	ordinal int    // the word is an ordinal: "4th", "fourth", "제4차", "четвёртый"
	number  bool   // the word is a number that is not a year
	surface string // as typed, normalised; for typo correction
	scr     script
}

// asksDetail reports whether the clause asks for a detail a fact must
// give to answer (see constraint).
func (c clause) asksDetail() bool {
	for _, a := range c.terms {
		if constraintConcepts[a.term] == detail {
			return true
		}
	}
	return false
}

type alt struct {
	term   string
	credit float32
}

// analyzer turns text into clauses. It holds the concept table compiled into
// stem sequences, and is read-only after newAnalyzer.
type analyzer struct {
	// stemCache holds the stems of every word of the index, filled while
	// indexing and read-only after: most words of a question are found
	// there instead of running the stemmer again.
	stemCache map[string]string
	// phrases maps a first stem to the stem sequences that start with it,
	// longest first, and the concept each names.
	phrases map[string][]phrase
	// correct, set once the index is built, turns a word the index does
	// not know into the stem of the known word it is a typo of, so that a
	// misspelt word still completes a phrase ("9 brdiges").
	correct func(t token) (string, bool)
	// known, set with correct, reports whether the index has a word's
	// stem, so that words run together ("tradevolume") can be split.
	known func(t token) bool
	// isTerm, set with known, reports whether a string is a term of the
	// index.
	isTerm func(term string) bool
}

type phrase struct {
	stems   []string
	concept string
}

func newAnalyzer() *analyzer {
	a := &analyzer{phrases: map[string][]phrase{}}
	for concept, words := range concepts {
		for _, w := range words {
			stems := a.stems(w)
			if len(stems) == 0 {
				continue
			}
			a.phrases[stems[0]] = append(a.phrases[stems[0]], phrase{stems: stems, concept: "#" + concept})
		}
	}
	for k, ps := range a.phrases {
		// Longest first, so "south korea" wins over "korea"… and ties broken
		// by concept name to keep the table deterministic.
		sortPhrases(ps)
		a.phrases[k] = ps
	}
	return a
}

// stems returns the non-stop-word stems of s, in order.
func (a *analyzer) stems(s string) []string {
	var out []string
	for _, t := range tokenize(normalize(s)) {
		if isStop(t) {
			continue
		}
		out = append(out, stem(t))
	}
	return out
}

func (a *analyzer) stem(t token) string {
	if s, ok := a.stemCache[t.surface]; ok {
		return s
	}
	return stem(t)
}

// warm records the stems of text's words in the cache. Only for use while
// the analyser is being built: the cache is read without locks afterwards.
func (a *analyzer) warm(text string) {
	if a.stemCache == nil {
		a.stemCache = map[string]string{}
	}
	for _, t := range tokenize(normalize(text)) {
		if _, ok := a.stemCache[t.surface]; !ok {
			a.stemCache[t.surface] = stem(t)
		}
	}
}

func isStop(t token) bool {
	if stopWords[t.surface] {
		return true
	}
	if t.script == latin && len(t.surface) == 1 && t.surface[0] >= 'a' && t.surface[0] <= 'z' {
		// A letter alone is shorthand ("w/", "trade n tourists", "25x")
		// or a stray key, never what a question is about.
		return true
	}
	if t.script == hangul {
		return stopWords[stripParticle(t.surface)]
	}
	return false
}

// analyze splits text into clauses.
func (a *analyzer) analyze(s string) []clause {
	return a.analyzeTokens(tokenize(normalize(s)))
}

// analyzeTokens splits tokenized text into clauses.
func (a *analyzer) analyzeTokens(toks []token) []clause {
	if a.known != nil {
		toks = a.splitCompounds(toks)
	}
	var words []token
	var stems []string
	figAt, figPart := figures(toks)
	var wordFig []figure // per word, the figure it starts
	for k, t := range toks {
		// "the 2010s" is a decade, not the year 2010.
		if t.year != 0 && k+1 < len(toks) && toks[k+1].surface == "s" {
			t.year = 0
		}
		if isStop(t) || figPart != nil && figPart[k] {
			continue
		}
		words = append(words, t)
		stems = append(stems, a.stem(t))
		if figAt != nil {
			if wordFig == nil {
				wordFig = make([]figure, len(words)-1, len(toks))
			}
			wordFig = append(wordFig, figAt[k])
		}
		if len(words) >= maxQueryTokens {
			break
		}
	}
	var typo []bool
	if a.correct != nil {
		for i, t := range words {
			if _, lexicon := a.phrases[stems[i]]; lexicon {
				continue // a word of the concept table is no typo
			}
			if st, ok := a.correct(t); ok && st != stems[i] {
				if typo == nil {
					typo = make([]bool, len(words))
				}
				stems[i], typo[i] = st, true
			}
		}
	}
	out := make([]clause, 0, len(words))
	for i := 0; i < len(words); {
		t := words[i]
		if n := ordinalAt(words, i); n > 0 {
			out = append(out, clause{ordinal: n})
			if t.script == digits && i+1 < len(words) && isOrdinalSuffix(words[i+1]) {
				i++
			}
			i++
			continue
		}
		c := clause{surface: t.surface, scr: t.script, year: t.year, number: t.script == digits && t.year == 0}
		if wordFig != nil && wordFig[i].n > 0 {
			// A figure is matched as a figure: the "6" of "6.9 billion"
			// is not the "6" of "6.5%".
			exact, rounded := figureTerms(wordFig[i])
			c.terms = append(c.terms, alt{term: exact, credit: 1}, alt{term: rounded, credit: roundedCredit})
			c.year = 0
		} else {
			c.terms = append(c.terms, alt{term: stems[i], credit: 1})
		}
		n := 1
		// A concept phrase may span several words ("free trade agreement"):
		// it becomes one clause, so a synonym never counts twice.
		for _, p := range a.phrases[stems[i]] {
			if len(p.stems) <= len(stems)-i && equalStems(p.stems, stems[i:i+len(p.stems)]) {
				if len(p.stems) > 1 {
					// Each word of the phrase still matches on its own, so
					// "volume" alone finds what "trade volume" was indexed under.
					for j := 1; j < len(p.stems); j++ {
						c.terms = append(c.terms, alt{term: stems[i+j], credit: 1})
					}
					c.surface = ""
				}
				c.terms = append(c.terms, alt{term: p.concept, credit: 1})
				n = len(p.stems)
				break
			}
		}
		if t.script == hangul && n == 1 {
			// Korean runs nouns together ("건설비용", "극동지역비중"): a
			// concept word at either end of one still names its concept.
			if len(c.terms) == 1 {
				c.terms = a.compoundConcepts(stems[i], c.terms)
			}
			for _, bg := range hangulBigrams(stems[i], nil) {
				c.terms = append(c.terms, alt{term: bg, credit: 0.6})
			}
		}
		if typo != nil && typo[i] {
			for k := range c.terms {
				c.terms[k].credit *= float32(typoCredit)
			}
			c.surface = ""
		}
		out = append(out, c)
		i += n
	}
	return out
}

// ordinalWords are the ordinals written as words.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "thirtieth": 30, "inaugural": 1,
	"첫": 1, "첫번째": 1, "첫째": 1, "두번째": 2, "둘째": 2, "세번째": 3, "셋째": 3, "네번째": 4, "넷째": 4, "다섯번째": 5,
	"первый": 1, "первая": 1, "первое": 1, "первого": 1, "первом": 1, "первой": 1, "первую": 1,
	"второй": 2, "второго": 2, "втором": 2, "вторая": 2, "второе": 2, "вторую": 2,
	"третий": 3, "третьего": 3, "третьем": 3, "третья": 3, "третье": 3, "третью": 3,
	"четвертый": 4, "четвертого": 4, "четвертом": 4, "четвертая": 4, "четвертой": 4, "четвертое": 4, "четвертую": 4,
	"пятый": 5, "пятого": 5, "пятом": 5, "пятая": 5, "пятой": 5, "пятое": 5, "пятую": 5,
	"шестой": 6, "шестого": 6, "шестом": 6,
	// plural: "первые консультации", "на третьих переговорах"
	"первые": 1, "первых": 1, "первым": 1, "вторые": 2, "вторых": 2, "третьи": 3, "третьих": 3,
	"четвертые": 4, "четвертых": 4, "пятые": 5, "пятых": 5,
}

func isOrdinalSuffix(t token) bool {
	switch t.surface {
	case "st", "nd", "rd", "th", "й", "го", "м", "я", "е", "х", "ого", "ый", "ий", "ой", "차", "번째", "회", "째":
		return true
	}
	return false
}

// ordinalAt returns the ordinal that words[i] starts, or 0.
func ordinalAt(words []token, i int) int {
	t := words[i]
	if n, ok := ordinalWords[t.surface]; ok {
		return n
	}
	if t.script == hangul {
		if n, ok := ordinalWords[stripParticle(t.surface)]; ok {
			return n
		}
	}
	if t.script == digits && t.year == 0 && len(t.surface) <= 2 && i+1 < len(words) && isOrdinalSuffix(words[i+1]) {
		return atoi(t.surface)
	}
	return 0
}

func equalStems(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sortPhrases(ps []phrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && less(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func less(a, b phrase) bool {
	if len(a.stems) != len(b.stems) {
		return len(a.stems) > len(b.stems)
	}
	return a.concept < b.concept
}

// maxEdits is the typo tolerance search engines settled on: none for short
// words, where one edit makes another word; one from five letters; two from
// nine. Numbers are never corrected.
func maxEdits(word string, scr script) int {
	if scr == digits || scr == hangul {
		return 0
	}
	switch n := utf8.RuneCountInString(word); {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// editDistance is the optimal-string-alignment distance (Damerau–
// Levenshtein with adjacent transpositions), giving up past max.
func editDistance(a, b []rune, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// deletions returns s with up to n runes deleted, every way, for the
// symmetric-delete typo index.
func deletions(s string, n int, out map[string]struct{}) {
	out[s] = struct{}{}
	if n == 0 {
		return
	}
	rs := []rune(s)
	for i := range rs {
		d := string(rs[:i]) + string(rs[i+1:])
		if _, seen := out[d]; !seen {
			deletions(d, n-1, out)
		}
	}
}

// splitCompounds splits each word the index does not know that is two or
// three words it does run together ("tradevolume", "ninebridges",
// "peopletopeople"), as typed without spaces.
func (a *analyzer) splitCompounds(toks []token) []token {
	var out []token
	for i, t := range toks {
		parts := a.split(t, 2)
		if parts == nil {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(toks)+2), toks[:i]...)
		}
		out = append(out, parts...)
	}
	if out == nil {
		return toks
	}
	return out
}

// split returns t as up to depth+1 words of the index (stop words
// allowed, but not only stop words), longest first word first, or nil.
// Parts are looked up in the index without the stemmer, which would cost
// more than all the rest of a question for every way of cutting a word.
func (a *analyzer) split(t token, depth int) []token {
	if (t.script != latin && t.script != cyrillic) || isStop(t) || a.known(t) {
		return nil
	}
	rs := []rune(t.surface)
	if len(rs) < 6 || len(rs) > maxTypoRunes {
		return nil
	}
	return a.splitRunes(rs, t.script, depth)
}

func (a *analyzer) splitRunes(rs []rune, scr script, depth int) []token {
	if depth == 0 {
		return nil
	}
	for i := len(rs) - 2; i >= 2; i-- {
		left := token{surface: string(rs[:i]), script: scr}
		right := token{surface: string(rs[i:]), script: scr}
		// A content word of one or two letters is more likely a slip
		// than a word: "rebalance" is not "re balance".
		if !isStop(left) && (i < 3 || !a.indexWord(left.surface, scr)) {
			continue
		}
		if isStop(right) || len(rs)-i >= 3 && a.indexWord(right.surface, scr) {
			if isStop(left) && isStop(right) {
				continue
			}
			return []token{left, right}
		}
		if rest := a.splitRunes(rs[i:], scr, depth-1); rest != nil {
			return append([]token{left}, rest...)
		}
	}
	return nil
}

// indexWord reports whether w occurs in the indexed text as written, or,
// for Russian, inflected: a term of the index is w less an ending of up to
// three letters ("торгова" for "торгов"), which is what the stemmer would
// find, for far less.
func (a *analyzer) indexWord(w string, scr script) bool {
	if _, ok := a.stemCache[w]; ok {
		return true
	}
	if scr != cyrillic {
		return false
	}
	rs := []rune(w)
	for cut := 0; cut <= 3 && len(rs)-cut >= 3; cut++ {
		if a.isTerm(string(rs[:len(rs)-cut])) {
			return true
		}
	}
	return false
}

// compoundConcepts adds the concepts named by a Korean compound's first
// or last two or more syllables, when the compound itself names none.
func (a *analyzer) compoundConcepts(w string, terms []alt) []alt {
	rs := []rune(w)
	for k := 2; k <= len(rs)-2; k++ {
		for _, part := range [2]string{string(rs[:k]), string(rs[k:])} {
			for _, p := range a.phrases[part] {
				if len(p.stems) == 1 && !slices.ContainsFunc(terms, func(t alt) bool { return t.term == p.concept }) {
					terms = append(terms, alt{term: p.concept, credit: 1})
				}
			}
		}
	}
	return terms
}
