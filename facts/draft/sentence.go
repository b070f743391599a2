package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a range of byte offsets [Start, End) in a document's text.
type Span struct{ Start, End int }

func (s Span) overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Sentences splits a document's text into sentences, as byte spans of the
// text so that every sentence is a verbatim quote.
//
// The corpus is news and press releases: a headline or a subtitle is a line
// of its own with no full stop, numbered and bulleted paragraphs ("1.",
// "°") start with a marker that is no part of the sentence, and
// abbreviations ("Apr. 28", "Dec. 2012", "U.S.") end in a full stop that
// ends no sentence.
func Sentences(text string) []Span {
	var out []Span
	for _, p := range paragraphs(text) {
		start := p.Start
		if m := listMarker.FindStringIndex(text[p.Start:p.End]); m != nil {
			start += m[1]
		}
		i := start
		for i < p.End {
			end := sentenceEnd(text, i, p.End)
			if s := trimSpan(text, Span{i, end}); s.End > s.Start {
				out = append(out, s)
			}
			i = end
		}
	}
	return out
}

// A list marker at the start of a paragraph: "1.", "2)", "°", "•", "*".
var listMarker = lazyRegexp(`^\s*(?:\d{1,2}[.)]|[°•*·▪-])\s+`)

var blankLine = lazyRegexp(`\n[ \t\r]*\n\s*`)

// paragraphs splits text at blank lines. A paragraph that starts with a
// lower-case letter continues the one before: a headline broken over two
// lines with a blank line between ("…the Number\n\n of Tourists…").
func paragraphs(text string) []Span {
	var out []Span
	start := 0
	for _, m := range blankLine.FindAllStringIndex(text, -1) {
		out = append(out, Span{start, m[0]})
		start = m[1]
	}
	out = append(out, Span{start, len(text)})
	merged := out[:0]
	for _, p := range out {
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(text[p.Start:p.End]))
		if len(merged) > 0 && unicode.IsLower(r) {
			merged[len(merged)-1].End = p.End
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// sentenceEnd finds where the sentence starting at from ends, at most at
// limit: after a full stop, question or exclamation mark (and any closing
// quotes or brackets) followed by white space and a sentence's start.
func sentenceEnd(text string, from, limit int) int {
	for i := from; i < limit; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i
		for j < limit {
			c, n := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"'”’)]»`, c) {
				break
			}
			j += n
		}
		k := j
		for k < limit {
			c, n := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += n
		}
		if k == j && k < limit {
			continue // "US$13.4", "U.S.-led": no space, no end
		}
		if k >= limit {
			return limit
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLower(next) || next == ',' || next == ';' {
			continue
		}
		newline := strings.Contains(text[j:k], "\n")
		if r == '.' && !newline && abbreviationBefore(text[from:i-1]) {
			continue
		}
		return j
	}
	return limit
}

// abbreviations end in a full stop that ends no sentence when the text
// goes on on the same line.
var abbreviations = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"co": true, "corp": true, "inc": true, "ltd": true, "no": true, "nos": true, "vs": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "lt": true, "col": true, "capt": true,
	"dept": true, "est": true, "approx": true, "fig": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "s": true, "n": true,
}

// abbreviationBefore reports whether before (the text up to a full stop)
// ends in an abbreviation or an initial ("S. Korea", "J. Smith").
func abbreviationBefore(before string) bool {
	i := len(before)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	word := before[i:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}

// trimSpan drops white space at either end of s.
func trimSpan(text string, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// clauseBreak is where a sentence may be cut into clauses: a comma,
// semicolon or dash, or a conjunction that starts a new clause.
var clauseBreak = lazyRegexp(`,\s+|;\s+|\s+[–—]\s+|\s+--\s+|\s+(?:and|but|while|whereas)\s+`)

// clauses splits the sentence s into clauses at breaks that fall inside
// none of keep (the figures and dates, so "November 19, 2020" stays whole).
func clauses(text string, s Span, keep []Span) []Span {
	var out []Span
	start := s.Start
	for _, m := range clauseBreak.FindAllStringIndex(text[s.Start:s.End], -1) {
		b := Span{s.Start + m[0], s.Start + m[1]}
		inside := false
		for _, k := range keep {
			if b.overlaps(k) {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		out = append(out, Span{start, b.Start})
		start = b.End
	}
	return append(out, Span{start, s.End})
}

// leadingConjunction and trailing punctuation are trimmed from a claim cut
// out of a sentence: "and US$18 billion as of September 2018." quotes as
// "US$18 billion as of September 2018".
var leadingConjunction = lazyRegexp(`^(?:and|but|or|while|whereas)\s+`)

func trimClaim(text string, s Span) Span {
	s = trimSpan(text, s)
	if m := leadingConjunction.FindStringIndex(text[s.Start:s.End]); m != nil {
		s.Start += m[1]
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !strings.ContainsRune(",;:", r) && !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}
