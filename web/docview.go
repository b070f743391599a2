package web

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// A document page shows the text with every quoted passage marked, so that
// /docs/{doc}#q-{fact} lands on the words a fact rests on. Quotes are
// matched as facts.Document.Contains matches them: with every run of white
// space collapsed to one space and nothing else changed. Facts may quote
// the same words, words inside each other's quotes, or overlapping words,
// so the text is cut at every quote's ends into segments, each knowing the
// facts that quote it; a fact's quote is then exactly the segments that
// carry its class, which the generated quotes.css marks when its anchor is
// the :target.

// docView is a document laid out for its page.
type docView struct {
	Doc        *facts.Document
	Title      []segment // the title, which a fact may quote
	Header     []headerField
	Paragraphs []paragraph
	Passages   int // runs of quoted text, for the summary line
	// Unplaced are quotes found nowhere on the page; a valid base has
	// none, and a test keeps it so.
	Unplaced []quoteRef
}

// headerField is one of the header's values (a fact about the document
// may quote its publisher or date), marked like the text.
type headerField struct {
	Key      string // catalogue key of its label
	Segments []segment
}

// paragraph is one line of the document's text, and the facts whose
// quotes start in it, for the margin.
type paragraph struct {
	Segments []segment
	Margin   []*facts.Fact
}

// segment is a piece of text between two quote ends. Anchors are the facts
// whose first quote starts here (each gets id="q-<fact>" once per page);
// Facts are every fact quoting this piece.
type segment struct {
	Text    string
	Facts   []string
	Anchors []string
	Start   bool // the first segment of a run of quoted text
}

// quoteRef is one fact's quote of this document.
type quoteRef struct {
	Fact  *facts.Fact
	Quote string
}

// span is a quote's place in a text, in bytes of the original; anchor
// marks the one place of each fact that gets its id.
type span struct {
	start, end int
	fact       string
	anchor     bool
}

// collapsed is a text with white space collapsed, and where each of its
// bytes came from in the original.
type collapsed struct {
	norm string
	from []int // from[i] is the offset in the original of norm[i]
}

// collapseWithOffsets collapses s as strings.Fields and a join with " " do,
// keeping the way back to the original's offsets.
func collapseWithOffsets(s string) collapsed {
	var b strings.Builder
	from := make([]int, 0, len(s))
	space := -1 // the offset of a pending run of white space
	for i, r := range s {
		if unicode.IsSpace(r) {
			if space < 0 {
				space = i
			}
			continue
		}
		if space >= 0 && b.Len() > 0 {
			b.WriteByte(' ')
			from = append(from, space)
		}
		space = -1
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			// An invalid byte is copied as the byte it is, as
			// strings.Fields leaves it.
			n = 1
			if _, size := utf8.DecodeRuneInString(s[i:]); size > 0 {
				n = size
			}
		}
		b.WriteString(s[i : i+n])
		for k := range n {
			from = append(from, i+k)
		}
	}
	return collapsed{norm: b.String(), from: from}
}

// find returns every place quote occurs in the original text, as byte
// ranges of the original, comparing with white space collapsed.
func (c collapsed) find(quote string) [][2]int {
	q := collapse(quote)
	if q == "" {
		return nil
	}
	var out [][2]int
	for off := 0; off <= len(c.norm)-len(q); {
		i := strings.Index(c.norm[off:], q)
		if i < 0 {
			break
		}
		ns, ne := off+i, off+i+len(q)
		out = append(out, [2]int{c.from[ns], c.from[ne-1] + 1})
		off = ns + 1
	}
	return out
}

// newDocView lays out d with the quotes of every fact in cited.
func newDocView(d *facts.Document, cited []*facts.Fact) *docView {
	v := &docView{Doc: d}
	var quotes []quoteRef
	for _, f := range cited {
		for _, s := range f.Sources {
			if s.Doc == d.ID {
				quotes = append(quotes, quoteRef{f, s.Quote})
			}
		}
	}
	// Each fact's anchor is its first quote of this document, in the
	// order its sources are listed (commands link a source to the fact
	// whose first quote it is, so the two agree), at that quote's first
	// place: the text, or else the header.
	text := collapseWithOffsets(d.Text)
	fields := []struct {
		key, val string
		c        collapsed
		spans    []span
	}{{key: "doc.title", val: d.Title}, {key: "doc.publisher", val: d.Publisher}, {key: "doc.published", val: d.Published}, {key: "doc.kind", val: d.Kind}}
	for i := range fields {
		fields[i].c = collapseWithOffsets(fields[i].val)
	}
	var spans []span
	anchored := map[string]bool{}
	place := func(at [][2]int, fact string, into *[]span) {
		for k, a := range at {
			*into = append(*into, span{a[0], a[1], fact, k == 0 && !anchored[fact]})
		}
		anchored[fact] = true
	}
	for _, q := range quotes {
		if at := text.find(q.Quote); len(at) > 0 {
			place(at, q.Fact.ID, &spans)
			continue
		}
		placed := false
		for i := range fields {
			if at := fields[i].c.find(q.Quote); len(at) > 0 {
				place(at, q.Fact.ID, &fields[i].spans)
				placed = true
				break
			}
		}
		if !placed {
			v.Unplaced = append(v.Unplaced, q)
		}
	}
	for _, f := range fields {
		segs := cut(f.val, 0, f.spans)
		if f.key == "doc.title" {
			v.Title = segs
			continue
		}
		v.Header = append(v.Header, headerField{Key: f.key, Segments: segs})
	}
	slices.SortStableFunc(spans, func(a, b span) int { return a.start - b.start })
	start := 0
	for line := range strings.SplitAfterSeq(d.Text, "\n") {
		end := start + len(line)
		body := strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(body) != "" {
			var in []span
			for _, s := range spans {
				if s.start < start+len(body) && s.end > start {
					// A quote running on from the paragraph before
					// has its anchor there.
					in = append(in, span{max(s.start, start), min(s.end, start+len(body)), s.fact, s.anchor && s.start >= start})
				}
			}
			p := paragraph{Segments: cut(body, start, in)}
			seen := map[string]bool{}
			for _, s := range spans {
				if s.start >= start && s.start < end && !seen[s.fact] {
					seen[s.fact] = true
					f := factIn(quotes, s.fact)
					if !slices.Contains(p.Margin, f) && !marginHas(v.Paragraphs, f) {
						p.Margin = append(p.Margin, f)
					}
				}
			}
			for _, sg := range p.Segments {
				if sg.Start {
					v.Passages++
				}
			}
			v.Paragraphs = append(v.Paragraphs, p)
		}
		start = end
	}
	for _, h := range append(v.Header, headerField{Segments: v.Title}) {
		for _, sg := range h.Segments {
			if sg.Start {
				v.Passages++
			}
		}
	}
	return v
}

func factIn(qs []quoteRef, id string) *facts.Fact {
	for _, q := range qs {
		if q.Fact.ID == id {
			return q.Fact
		}
	}
	return nil
}

func marginHas(ps []paragraph, f *facts.Fact) bool {
	for _, p := range ps {
		if slices.Contains(p.Margin, f) {
			return true
		}
	}
	return false
}

// cut splits text (found at offset base of the original) at the ends of
// spans into segments.
func cut(text string, base int, spans []span) []segment {
	cuts := []int{0, len(text)}
	for _, s := range spans {
		cuts = append(cuts, s.start-base, s.end-base)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []segment
	quoted := false
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a < 0 || b > len(text) || a >= b {
			continue
		}
		sg := segment{Text: text[a:b]}
		for _, s := range spans {
			if s.start-base <= a && s.end-base >= b && !slices.Contains(sg.Facts, s.fact) {
				sg.Facts = append(sg.Facts, s.fact)
			}
			if s.start-base == a && s.anchor {
				sg.Anchors = append(sg.Anchors, s.fact)
			}
		}
		slices.Sort(sg.Facts)
		sg.Start = len(sg.Facts) > 0 && !quoted
		quoted = len(sg.Facts) > 0
		out = append(out, sg)
	}
	return out
}
