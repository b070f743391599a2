package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"golang.org/x/text/unicode/norm"

	"github.com/ninebridges/ninebridges/facts"
)

// Limits that keep the work for one query bounded whatever is pasted in:
// Discord allows 6,000 bytes in an option, far more than any question needs.
const (
	maxQueryBytes  = 6000
	maxQueryTokens = 64
)

// script is the writing system of a token.
type script uint8

const (
	latin script = iota
	hangul
	cyrillic
	digits
)

// token is one analysed word: its surface form (normalised and folded) and
// the terms it contributes to the index.
type token struct {
	surface string
	script  script
	year    int // set for a plausible year such as 2016
	// gap is what separates the token from the one before: 0 for
	// nothing ("134억"), the character for one '.', ',' or space ("22.34",
	// "510 000"), and gapOther for anything else. Figures are read from it.
	gap byte
}

const gapOther = '?'

// DetectLang says which language a question is in: any Hangul makes it
// Korean, any Cyrillic Russian, anything else English.
func DetectLang(s string) facts.Lang {
	hasCyr := false
	for _, r := range s {
		switch {
		case isHangul(r):
			return facts.KO
		case unicode.Is(unicode.Cyrillic, r):
			hasCyr = true
		}
	}
	if hasCyr {
		return facts.RU
	}
	return facts.EN
}

func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

func scriptOf(r rune) script {
	switch {
	case r >= '0' && r <= '9':
		return digits
	case isHangul(r):
		return hangul
	case unicode.Is(unicode.Cyrillic, r):
		return cyrillic
	}
	return latin
}

// normalize folds s into the form both index and queries are compared in:
// NFKC (so full-width digits and compatibility jamo compare equal), lower
// case, "ё" as "е", and invalid UTF-8 dropped.
func normalize(s string) string {
	if len(s) > maxQueryBytes {
		s = s[:maxQueryBytes]
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			// Zero-width and soft-hyphen characters split nothing a
			// reader sees; a word typed with one is the same word.
			return -1
		case 'ё', 'Ё':
			return 'е'
		case '’', '‘', '\'':
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

// tokenize splits normalised text into words. A word is a run of letters or
// digits of one script, so "2016년" is "2016" and "년", and "4th" is "4" and
// "th"; apostrophes inside a Latin word are dropped ("korea's" → "koreas"
// would stem badly, so the possessive is cut instead).
func tokenize(s string) []token {
	var out []token
	var b strings.Builder
	cur := script(255)
	// skipped counts the characters since the last token, and sep is the
	// first of them; start is the gap of the token being built.
	skipped, sep, start := 0, rune(0), byte(0)
	gapOf := func() byte {
		switch {
		case skipped == 0:
			return 0
		case skipped > 1:
			return gapOther
		case sep == '.' || sep == ',':
			return byte(sep)
		case sep == ' ' || sep == '\u00a0' || sep == '\u202f':
			return ' '
		}
		return gapOther
	}
	flush := func() {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		if cur == latin {
			w = strings.TrimSuffix(w, "'s")
			w = strings.Trim(w, "'")
			if w == "" {
				return
			}
		}
		t := token{surface: w, script: cur, gap: start}
		if cur == digits && len(w) == 4 {
			if y := atoi(w); y >= 1900 && y <= 2099 {
				t.year = y
			}
		}
		out = append(out, t)
	}
	for _, r := range s {
		if len(out) >= maxQueryTokens*4 {
			break
		}
		if r == '%' || r == '$' {
			// A word of its own: "6.5%" speaks of a percentage, "US$"
			// of dollars, not of the United States.
			flush()
			cur = 255
			out = append(out, token{surface: string(r), script: latin, gap: gapOf()})
			skipped = 0
			continue
		}
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && cur == latin
		if unicode.Is(unicode.Mn, r) && cur != 255 { // combining marks stay with their letter
			b.WriteRune(r)
			continue
		}
		if !isWord {
			flush()
			cur = 255
			if skipped == 0 {
				sep = r
			}
			skipped++
			continue
		}
		sc := scriptOf(r)
		if r == '\'' {
			sc = latin
		}
		if sc != cur {
			flush()
			cur = sc
		}
		if b.Len() == 0 {
			start, skipped = gapOf(), 0
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// stem reduces a token to the form it is indexed under.
func stem(t token) string {
	switch t.script {
	case latin:
		if w, ok := numberWords[t.surface]; ok {
			return w
		}
		w := t.surface
		if full, ok := shorthand[w]; ok {
			w = full
		}
		if len(w) <= 2 {
			return w
		}
		return english.Stem(w, true)
	case cyrillic:
		if w, ok := numberWords[t.surface]; ok {
			return w
		}
		if w, ok := stemExceptions[t.surface]; ok {
			return w
		}
		return russian.Stem(t.surface, true)
	case hangul:
		return stripParticle(t.surface)
	}
	return t.surface
}

// shorthand are the clipped words of chat and headlines, read as the
// words they stand for: "30 yrs", "ppl", "govt", "feb 2020".
var shorthand = map[string]string{
	"yr": "year", "yrs": "years", "ppl": "people", "govt": "government", "gov": "government", "coop": "cooperation",
	"co-op": "cooperation", "intl": "international", "econ": "economic", "biz": "business", "pres": "president",
	"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
	"sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
	"bn": "billion", "mln": "million", "pct": "percent",
}

// stemExceptions are words the stemmer cuts too far, into another word's
// stem: Snowball takes "визит" (a visit) for a verb in -ит and leaves
// "виз", the stem of "виза", so a visit would be a visa.
var stemExceptions = map[string]string{"визит": "визит"}

// numberWords lets "fourth", "4th" and "четвёртый" meet on "4".
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "thirty": "30",
	"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
	"sixth": "6", "thirtieth": "30", "1st": "1", "2nd": "2", "3rd": "3",
	"первый": "1", "первая": "1", "первое": "1", "первого": "1", "первом": "1", "первой": "1",
	"второй": "2", "второго": "2", "втором": "2", "вторая": "2", "второе": "2",
	"третий": "3", "третьего": "3", "третьем": "3", "третья": "3",
	"четвертый": "4", "четвертого": "4", "четвертом": "4", "четвертая": "4", "четвертой": "4", "четвертое": "4",
	"пятый": "5", "пятого": "5", "пятом": "5", "пятая": "5",
	"девять": "9", "девяти": "9", "тридцать": "30", "тридцатилетие": "30", "тридцатой": "30",
}

// koreanEndings are particles and verb endings that attach to a Korean word;
// stripping them lets "교역액은" and "교역액이" meet "교역액". Longest first.
var koreanEndings = []string{
	"이었습니까", "였습니까", "이었나요", "였었나요", "습니까", "었나요", "았나요", "였나요", "했나요",
	"인가요", "입니까", "이에요", "이었다", "했어요", "하나요", "되나요", "됐나요", "였어요",
	"에서는", "에게서", "으로는", "에서의", "과의", "와의", "에는", "에도", "로는", "으로", "에서", "에게", "한테", "부터", "까지",
	"이랑", "하고", "이나", "이다", "였다", "이야", "인지", "은", "는", "이", "가", "을", "를", "의", "에", "로",
	"와", "과", "도", "만", "랑", "요", "야",
}

func stripParticle(w string) string {
	for _, e := range koreanEndings {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 2 {
			return strings.TrimSuffix(w, e)
		}
	}
	return w
}

// hangulBigrams returns the two-syllable pieces of a Korean word, so that
// compounds written with or without spaces ("한러교역" / "한러 교역") meet.
func hangulBigrams(w string, out []string) []string {
	rs := []rune(w)
	if len(rs) < 3 {
		return out
	}
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, "₂"+string(rs[i:i+2]))
	}
	return out
}

// koreanPredicate reports whether a Korean word ends like a verb or an
// adjective in a question or a clause ("포함돼", "했나요", "원하는", "몇
// 명이었냐"): an ending, not a particle, that carries no content.
func koreanPredicate(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 {
		return false
	}
	switch rs[len(rs)-1] {
	// Endings only: syllables that also end many nouns, foreign names
	// above all (러시아, 캐나다, 아르헨티나, 보고서), are left out.
	case '어', '요', '니', '냐', '까', '는', '던', '돼', '해', '했', '함', '봐', '줘', '죠', '네', '래':
		return true
	}
	return false
}
