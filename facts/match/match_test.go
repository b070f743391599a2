package match

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sahilm/fuzzy"

	"github.com/ninebridges/ninebridges/facts"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		in   string
		want facts.Lang
	}{
		{"trade in 2016", facts.EN},
		{"2016년 교역액", facts.KO},
		{"Snowflake이 뭐야", facts.KO},
		{"товарооборот 2016", facts.RU},
		{"", facts.EN},
		{"12345 ???", facts.EN},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.in); got != tt.want {
			t.Errorf("DetectLang(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestAnswer(t *testing.T) {
	_, m := testMatcher(t)
	tests := []struct {
		name     string
		question string
		lang     facts.Lang
		wantFact string // "" means it must not answer
		reason   Reason
		wantLang facts.Lang
	}{
		{"year picks the year's figure", "korea russia trade 2016", "", "trade-volume-2016", "", facts.EN},
		{"another year", "ROK-Russia trade volume in 2017", "", "trade-volume-2017", "", facts.EN},
		// The 2017 figure names 2016 to compare, and words its questions
		// more like this one: the series has 2016, so 2017 is out.
		{"never a neighbouring year's figure", "how big was bilateral trade between seoul and moscow in 2016", "", "trade-volume-2016", "", facts.EN},
		{"typo tolerated", "korea russia tarde volume 2015", "", "trade-volume-2015", "", facts.EN},
		{"korean with particles", "2016년 한러 교역액은 얼마였나요", "", "trade-volume-2016", "", facts.KO},
		{"russian inflection", "товарооборот кореи и россии в 2017 году", "", "trade-volume-2017", "", facts.RU},
		{"requested language wins", "korea russia trade 2016", facts.RU, "trade-volume-2016", "", facts.RU},
		{"year the base lacks", "korea russia trade in 2005", "", "", MissingYear, facts.EN},
		{"year the base lacks, russian", "товарооборот в 2010 году", "", "", MissingYear, facts.RU},
		{"other countries", "trade between japan and brazil", "", "", NotFound, facts.EN},
		{"general knowledge", "what is the capital of australia", "", "", NotFound, facts.EN},
		{"gibberish", "asdkjh qweoiu zxcmnb", "", "", NotFound, facts.EN},
		{"empty", "   ", "", "", Empty, facts.EN},
		{"a detail alone", "what's the weather like", "", "", NotFound, facts.EN},
		{"small talk", "hey bot how's it going", "", "", SmallTalk, facts.EN},
		{"small talk, russian", "привет, как дела?", "", "", SmallTalk, facts.RU},
		{"small talk, korean", "안녕 잘 지내?", "", "", SmallTalk, facts.KO},
		{"a greeting alone", "Hello there!", "", "", SmallTalk, facts.EN},
		{"a greeting, then a question", "hi bot, what was korea russia trade in 2016?", "", "trade-volume-2016", "", facts.EN},
		{"the strategy's name is no greeting", "nine bridges", "", "bridges-nine-bridges-proposal", "", facts.EN},
		{"words run together", "tradevolume korea russia 2018", "", "trade-volume-2018", "", facts.EN},
		{"chat around a question", "yo anyone know how much korea and russia traded in 2017? lol", "", "trade-volume-2017", "", facts.EN},
		{"US$ is a currency, not a country", "Is it right that bilateral trade between Seoul and Moscow hit US$19 billion in 2017?", "", "trade-volume-2017", "", facts.EN},
		{"korean compound naming a detail", "스노우플레이크 기지 건설비용 얼마야?", "", "", MissingDetail, facts.KO},
		{"korean degree words", "2016년 한국과 러시아의 무역액은 어느 정도였나요?", "", "trade-volume-2016", "", facts.KO},
		{"korean talk is discussion", "강경화 코즐로프 회담에서 어떤 얘기 했어?", "", "summit-kang-koslov-agenda", "", facts.KO},
		{"a detail the fact lacks", "how much does the snowflake station cost", "", "", MissingDetail, facts.EN},
		{"a detail the fact lacks, korean", "러시아에서 현대차 점유율 몇 퍼센트야", "", "", MissingDetail, facts.KO},
		{"a detail word is no typo", "кто посол кореи в москве", "", "", MissingDetail, facts.RU},
		{"a detail the fact gives", "by what percent did korean exports to russia grow in 2019", "", "trade-exports-to-russia-2019", "", facts.EN},
		{"korean abbreviation of a pair", "2019년 한중 교역액 얼마야?", "", "", NotFound, facts.KO},
		{"ordinal must agree", "where was the third rok-russia interregional forum held", "", "", "", facts.EN},
		{"arctic consultation", "where was the 4th korea russia arctic consultation held", "", "arctic-4th-consultation", "", facts.EN},
		{"an ordinal the subject lacks", "where was the very first korea russia arctic consultation held", "", "", NotFound, facts.EN},
		{"a plural ordinal the subject lacks", "где прошли первые арктические консультации", "", "", NotFound, facts.RU},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := m.Answer(tt.question, tt.lang)
			if r.Lang != tt.wantLang {
				t.Errorf("lang = %s, want %s", r.Lang, tt.wantLang)
			}
			if r.Score < 0 || r.Score > 1 {
				t.Errorf("score %v outside [0, 1]", r.Score)
			}
			if tt.wantFact == "" {
				if r.Confident {
					t.Fatalf("answered %s (score %.2f), want no answer", r.Fact.ID, r.Score)
				}
				if tt.reason != "" && r.Reason != tt.reason {
					t.Errorf("reason = %s, want %s", r.Reason, tt.reason)
				}
				if r.Explain() == "" {
					t.Error("no explanation for not answering")
				}
				return
			}
			if !r.Confident || r.Fact.ID != tt.wantFact {
				got := "nothing"
				if r.Fact != nil {
					got = r.Fact.ID
				}
				t.Fatalf("answered %s (score %.2f, reason %s, suggestions %v), want %s", got, r.Score, r.Reason, r.Suggestions, tt.wantFact)
			}
		})
	}
}

func TestMissingYearNamesTheYearsItHas(t *testing.T) {
	_, m := testMatcher(t)
	r := m.Answer("trade volume between korea and russia in 2005", facts.EN)
	if r.Reason != MissingYear {
		t.Fatalf("reason = %s, want %s", r.Reason, MissingYear)
	}
	msg := r.Explain()
	for _, y := range []string{"2005", "2015", "2016", "2017", "2019"} {
		if !strings.Contains(msg, y) {
			t.Errorf("explanation %q does not name %s", msg, y)
		}
	}
	if strings.Contains(msg, "billion") {
		t.Errorf("explanation %q states a figure", msg)
	}
}

func TestSuggestionsInAskersLanguage(t *testing.T) {
	_, m := testMatcher(t)
	r := m.Answer("스노우플레이크", "")
	if r.Confident {
		t.Skip("answered outright; nothing to suggest")
	}
	if len(r.Suggestions) == 0 || len(r.Suggestions) > 3 {
		t.Fatalf("suggestions: %v", r.Suggestions)
	}
	for _, s := range r.Suggestions {
		if DetectLang(s.Question) != facts.KO {
			t.Errorf("suggestion %q is not in Korean", s.Question)
		}
	}
}

func TestTypoTolerance(t *testing.T) {
	_, m := testMatcher(t)
	ix := m.ix
	tests := []struct {
		word     string
		scr      script
		corrects bool
	}{
		{"russa", latin, true},     // 5 letters: one edit
		{"excahnges", latin, true}, // transposition counts as one edit
		{"tarde", latin, true},
		{"trde", latin, false},       // 4 letters: no tolerance
		{"shpbuildnig", latin, true}, // 11 letters: two edits
		{"2016", digits, false},      // numbers are exact
	}
	for _, tt := range tests {
		got := len(ix.corrections(tt.word, tt.scr)) > 0
		if got != tt.corrects {
			t.Errorf("corrections(%q) found=%v, want %v", tt.word, got, tt.corrects)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"trade", "trade", 0}, {"tarde", "trade", 1}, {"russa", "russia", 1}, {"kitten", "sitting", 3},
		{"", "abc", 3}, {"교역액", "교역량", 1},
	}
	for _, tt := range tests {
		if got := editDistance([]rune(tt.a), []rune(tt.b), 5); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// sahilm/fuzzy's adjacency bonus grows geometrically: a long verbatim match
// overflows its int score. Complete must not hand it such patterns.
func TestFuzzyScoreOverflow(t *testing.T) {
	verbatim := func(n int) int {
		s := strings.Repeat("abcdefghij", n/10)
		ms := fuzzy.Find(s, []string{s})
		if len(ms) != 1 {
			t.Fatalf("no verbatim match at %d runes", n)
		}
		return ms[0].Score
	}
	// A longer verbatim match should score higher; past about forty runes
	// the int64 score wraps around and the order is garbage.
	if verbatim(40) > verbatim(30) {
		t.Log("sahilm/fuzzy no longer overflows at 40 runes; maxFuzzyRunes could grow")
	}
	if s := verbatim(maxFuzzyRunes); s <= verbatim(maxFuzzyRunes-10) {
		t.Fatalf("a %d-rune pattern already overflows: score %d", maxFuzzyRunes, s)
	}
	_, m := testMatcher(t)
	q := "What was the trade volume between Korea and Russia in 2016?"
	got := m.Complete(q, facts.EN, 10)
	if len(got) == 0 || got[0].FactID != "trade-volume-2016" {
		t.Errorf("Complete of a whole phrasing: %v", got)
	}
}

func TestComplete(t *testing.T) {
	_, m := testMatcher(t)
	tests := []struct {
		input string
		lang  facts.Lang
		want  string // a fact id (or id prefix) that must be among the choices
	}{
		{"", facts.EN, ""},
		{"trade 2016", facts.EN, "trade-volume-2016"},
		{"snowfl", facts.EN, "arctic-snowflake-station"},
		{"교역액", facts.KO, ""},
		{"товарооборот", facts.RU, ""},
		{"nine brid", facts.EN, "bridges-"},
	}
	for _, tt := range tests {
		got := m.Complete(tt.input, tt.lang, 10)
		if len(got) == 0 || len(got) > 10 {
			t.Errorf("Complete(%q): %d choices", tt.input, len(got))
			continue
		}
		found := tt.want == ""
		seen := map[string]bool{}
		for _, c := range got {
			if seen[c.FactID] {
				t.Errorf("Complete(%q): fact %s twice", tt.input, c.FactID)
			}
			seen[c.FactID] = true
			if len([]rune(c.Question)) > 100 {
				t.Errorf("choice over 100 characters: %q", c.Question)
			}
			if tt.lang != facts.EN && DetectLang(c.Question) != tt.lang {
				t.Errorf("Complete(%q, %s): choice %q in another language", tt.input, tt.lang, c.Question)
			}
			found = found || strings.HasPrefix(c.FactID, tt.want)
		}
		if !found {
			t.Errorf("Complete(%q) = %v, want %s among them", tt.input, got, tt.want)
		}
	}
}

func TestConcurrentAnswers(t *testing.T) {
	_, m := testMatcher(t)
	want := m.Answer("korea russia trade 2016", "")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if r := m.Answer("korea russia trade 2016", ""); r.Fact != want.Fact || r.Score != want.Score {
					t.Errorf("concurrent answer differs: %v vs %v", r.Fact, want.Fact)
					return
				}
				m.Complete("trade", facts.EN, 10)
			}
		}()
	}
	wg.Wait()
}

func FuzzAnswer(f *testing.F) {
	for _, s := range []string{"korea russia trade 2016", "2016년 한러 교역액", "товарооборот", "\xff\xfe", "a\u200bb\u0301c",
		strings.Repeat("trade ", 1000), "4th 제4차 4-й", "🇰🇷🇷🇺", strings.Repeat("a", 6000), strings.Repeat("교역액", 2000)} {
		f.Add(s)
	}
	_, m := testMatcher(f)
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > maxQueryBytes {
			q = q[:maxQueryBytes]
		}
		r := m.Answer(q, "")
		if r.Score < 0 || r.Score > 1 || r.Score != r.Score {
			t.Fatalf("score %v for %q", r.Score, q)
		}
		if r.Confident != (r.Fact != nil) {
			t.Fatalf("confident=%v with fact %v", r.Confident, r.Fact)
		}
		if len(r.Suggestions) > maxSuggest {
			t.Fatalf("%d suggestions", len(r.Suggestions))
		}
		_ = r.Explain()
	})
}

func FuzzComplete(f *testing.F) {
	for _, s := range []string{"", "tra", "교역", "товар", "\xff", strings.Repeat("a", 200)} {
		f.Add(s)
	}
	_, m := testMatcher(f)
	f.Fuzz(func(t *testing.T, q string) {
		got := m.Complete(q, "", 10)
		if len(got) > 10 {
			t.Fatalf("%d choices", len(got))
		}
	})
}

// Work per question is bounded by the input limits, not by what is pasted:
// the analyser never yields more than maxQueryTokens clauses, however long
// or strange the text.
func TestQueryWorkIsBounded(t *testing.T) {
	_, m := testMatcher(t)
	inputs := map[string]string{
		"many words":       strings.Repeat("trade korea russia 2016 ", 2000),
		"one huge word":    strings.Repeat("a", 10000),
		"zero-width":       strings.Repeat("trade\u200b", 3000),
		"combining marks":  strings.Repeat("e\u0301\u0302\u0303", 2000),
		"invalid utf-8":    strings.Repeat("\xff\xfe trade ", 1000),
		"hangul syllables": strings.Repeat("교역액 ", 3000),
	}
	for name, in := range inputs {
		cs := m.ix.an.analyze(in)
		if len(cs) > maxQueryTokens {
			t.Errorf("%s: %d clauses, want at most %d", name, len(cs), maxQueryTokens)
		}
		r := m.Answer(in, "")
		if r.Score < 0 || r.Score > 1 {
			t.Errorf("%s: score %v", name, r.Score)
		}
	}
}

// Every concept a constraint names must exist, or the constraint is never
// applied.
func TestConstraintConceptsExist(t *testing.T) {
	for c := range constraintConcepts {
		if _, ok := concepts[strings.TrimPrefix(c, "#")]; !ok {
			t.Errorf("constraint %s has no concept group", c)
		}
	}
}

func TestDecadeIsNotAYear(t *testing.T) {
	_, m := testMatcher(t)
	for _, c := range m.ix.an.analyze("korea russia trade in the 2010s") {
		if c.year != 0 {
			t.Errorf("the 2010s read as the year %d", c.year)
		}
	}
	found := false
	for _, c := range m.ix.an.analyze("korea russia trade in 2016") {
		found = found || c.year == 2016
	}
	if !found {
		t.Error("2016 not read as a year")
	}
}

func TestSplitCompounds(t *testing.T) {
	_, m := testMatcher(t)
	tests := []struct {
		in   string
		want string // the words after splitting, space-separated
	}{
		{"tradevolume 2018", "trade volume 2018"},
		{"ninebridges", "nine bridges"},
		{"peopletopeople exchanges", "people to people exchanges"},
		{"товарооборотроссии", "товарооборот россии"},
		{"rebalance", "rebalance"}, // not "re balance": too short to be a word
		{"snowflake", "snowflake"}, // known as it is
		{"asdfghjkl", "asdfghjkl"}, // no words in it
		{"ofthe", "ofthe"},         // stop words alone say nothing
		{"교역액은", "교역액은"},           // Korean has bigrams for this
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range m.ix.an.splitCompounds(tokenize(normalize(tt.in))) {
			got = append(got, tok.surface)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("splitCompounds(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

// TestChatWords checks how the words of chat are read: clipped words as
// the words they stand for, letters alone and prepositions as nothing,
// "RU" as Russia, and a visit not as a visa.
func TestChatWords(t *testing.T) {
	_, m := testMatcher(t)
	tests := []struct {
		in   string
		want string // each clause's concept, or its word, space-separated
	}{
		{"korean govt", "#korea govern"},
		{"ppl in 2014", "peopl"},
		{"trade n tourists w/ 25x", "#trade #tourists 25"},
		{"ROK-RU trade", "#korea #russia #trade"},
		{"per KITA during 2019", "kita"},
		{"feb 2020", "februari"},
		{"визит в Москву", "#visit #russia"},
		{"визы", "#visa"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range m.ix.an.analyze(tt.in) {
			if c.year != 0 || len(c.terms) == 0 {
				continue
			}
			w := c.terms[0].term
			for _, a := range c.terms {
				if strings.HasPrefix(a.term, "#") {
					w = a.term
				}
			}
			got = append(got, w)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("analyze(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestKoreanPredicate(t *testing.T) {
	for w, want := range map[string]bool{
		"포함돼": true, "했나요": true, "원하는": true, "나왔어": true, "정도였나요": true,
		"교역액": false, "러시아": false, "캐나다": false, "보고서": false, "인원": false, "가": false,
	} {
		if got := koreanPredicate(w); got != want {
			t.Errorf("koreanPredicate(%q) = %v, want %v", w, got, want)
		}
	}
}

// A zero-width character inside a word splits nothing a reader sees.
func TestZeroWidthCharacters(t *testing.T) {
	_, m := testMatcher(t)
	plain := m.Answer("korea russia trade volume 2016", "")
	for _, q := range []string{"korea russia tra\u200bde volume 2016", "korea\u200d russia trade vol\ufeffume 2016", "korea russia trade vo\u00adlume 2016"} {
		r := m.Answer(q, "")
		if r.Confident != plain.Confident || r.Fact != plain.Fact {
			t.Errorf("%q: confident=%v fact=%v, want as without the character (%v)", q, r.Confident, r.Fact, plain.Fact)
		}
	}
}

// Every explanation is in the three languages, with the same format verbs.
func TestExplanations(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	for _, r := range []Reason{NotFound, Ambiguous, MissingYear, Empty, SmallTalk, MissingDetail} {
		text, ok := explanations[r]
		if !ok || text.EN == "" || text.KO == "" || text.RU == "" {
			t.Errorf("%s: no explanation in every language: %+v", r, text)
			continue
		}
		want := verbs.FindAllString(text.EN, -1)
		slices.Sort(want)
		for _, s := range []string{text.KO, text.RU} {
			got := verbs.FindAllString(s, -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: verbs %v, English has %v: %q", r, got, want, s)
			}
		}
	}
}
