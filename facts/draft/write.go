package draft

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ninebridges/ninebridges/facts"
)

// WriteYAML writes the draft as a data file: a "facts:" list in the
// shape of facts/data/*.yaml, with comments for the curator above and
// beside each candidate. It is written as text rather than encoded from
// structs so that the comments sit where a curator reads them; every
// string goes through the YAML encoder, so quoting is the library's.
func (d *Draft) WriteYAML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	doc := d.Doc
	p("# Candidate facts drafted from %s: %s (%s, %s).\n", doc.ID, comment(strconv.Quote(doc.Title)), comment(doc.Publisher), comment(doc.Published))
	p("# One candidate for each claim with a figure, a date or a name. Keep those worth\n")
	p("# asking about and delete the rest; for each kept one write the answer (and the\n")
	p("# title where it is empty) in en, ko and ru, in your own words, with no figure,\n")
	p("# date or name that is not in its quote; check its topic, date and value; settle\n")
	p("# every CONFLICT. Then put the file in data/ and run: ninebridges facts check --dir DIR\n")
	if len(d.Topics) > 0 {
		p("# Topics in use: %s.\n", strings.Join(d.Topics, ", "))
	}
	if len(d.Candidates) == 0 {
		p("# The document has no claim with a figure, a date or a name.\nfacts: []\n")
		return flush(bw)
	}
	p("facts:\n")
	for i, c := range d.Candidates {
		if i > 0 {
			p("\n")
		}
		if err := c.write(bw, doc); err != nil {
			return err
		}
	}
	return flush(bw)
}

func flush(bw *bufio.Writer) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the draft: %w", err)
	}
	return nil
}

func (c *Candidate) write(w io.Writer, doc *facts.Document) error {
	quote, err := yamlString(c.Quote)
	if err != nil {
		return fmt.Errorf("candidate %s: %w", c.ID, err)
	}
	var lines []string
	note := func(format string, args ...any) { lines = append(lines, "  # "+comment(fmt.Sprintf(format, args...))) }
	note("sentence %d", c.Sentence)
	if c.Speaker != nil {
		s := c.Speaker.Text
		if e := c.Speaker.Entity; e != nil {
			s = e.Name.EN + " (" + e.ID + ")"
		}
		note("speaker: %s", s)
	}
	if len(c.Names) > 0 {
		var ns []string
		for _, n := range c.Names {
			if n.Entity != nil {
				ns = append(ns, n.Entity.Name.EN+" ("+n.Entity.ID+")")
			} else {
				ns = append(ns, n.Text+" (not in the base's entities)")
			}
		}
		note("names: %s", strings.Join(ns, ", "))
	}
	if len(c.Figures) > 0 {
		var fs []string
		for _, f := range c.Figures {
			fs = append(fs, fmt.Sprintf("%q = %s", f.Text, formatAmount(f.Amount, f.Unit)))
		}
		note("figures: %s", strings.Join(fs, ", "))
	}
	if len(c.Quoted) > 0 {
		note("already quoted by: %s", ids(c.Quoted))
	}
	if len(c.Same) > 0 {
		note("the base already states a figure of this claim in: %s", ids(c.Same))
	}
	if k := c.Conflict; k != nil {
		note("CONFLICT: %s %d is %s in this document but %s in the base (%s, %s:%d). One of them is wrong: check both sources, then correct the base's fact or drop this value.",
			k.Series, k.Year, formatAmount(k.Draft, k.Unit), formatAmount(k.Base, k.Unit), k.Fact.ID, k.Fact.File, k.Fact.Line)
	}
	lines = append(lines, "  - id: "+c.ID)
	if c.Topic != "" {
		lines = append(lines, "    topic: "+c.Topic)
	} else {
		lines = append(lines, `    topic: ""  # one of the topics listed at the top, or a new one`)
	}
	title, err := textMap(c.Title)
	if err != nil {
		return err
	}
	lines = append(lines, "    title: "+title)
	if d := c.Date; d != nil {
		how := fmt.Sprintf("%s, from %q", d.Date.Precision, d.Text)
		if d.Relative {
			how += fmt.Sprintf(" and the published date (%s)", doc.Date)
		}
		if d.Prep != "" {
			how += "; " + d.Prep + " this date"
		}
		lines = append(lines, fmt.Sprintf("    date: %q  # %s", d.Date.String(), comment(how)))
	}
	for _, d := range c.OtherDates {
		lines = append(lines, fmt.Sprintf("    # also dated in the quote: %s (%q)", d.Date, comment(d.Text)))
	}
	for _, d := range c.Unresolved {
		lines = append(lines, fmt.Sprintf("    # date: %q: %s; set date by hand if it is the claim's", comment(d.Text), comment(d.Note)))
	}
	lines = append(lines, `    answer: {en: "", ko: "", ru: ""}`)
	if v := c.Value; v != nil {
		s := "value: " + valueMap(v)
		if c.Held != "" {
			lines = append(lines, "    # "+s+"  # "+comment(c.Held))
		} else {
			lines = append(lines, "    "+s)
		}
	}
	docID, err := plain(doc.ID)
	if err != nil {
		return err
	}
	lines = append(lines, "    sources:", "      - doc: "+docID, "        quote: "+quote)
	_, err = io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

func ids(fs []*facts.Fact) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return strings.Join(out, ", ")
}

// comment makes s safe on one comment line: valid UTF-8 with no line
// breaks or control characters, which YAML refuses even in a comment.
func comment(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !unicode.IsPrint(r) && !unicode.IsSpace(r) {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	return strings.Join(strings.Fields(s), " ")
}

// plain is s as a YAML scalar, plain where the encoder finds that safe.
func plain(s string) (string, error) {
	out, err := yaml.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("writing %q: %w", s, err)
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

// yamlString is s as a double-quoted YAML scalar on one line.
func yamlString(s string) (string, error) {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s})
	if err != nil {
		return "", fmt.Errorf("quoting %q: %w", s, err)
	}
	q := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(q, "\n") {
		return "", fmt.Errorf("quoting %q: the encoder broke it over lines", s)
	}
	return q, nil
}

func textMap(t facts.Text) (string, error) {
	var parts []string
	for _, l := range facts.Langs {
		q, err := yamlString(t.In(l))
		if l != facts.EN && (l == facts.KO && t.KO == "" || l == facts.RU && t.RU == "") {
			q, err = `""`, nil
		}
		if err != nil {
			return "", err
		}
		parts = append(parts, string(l)+": "+q)
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

func valueMap(v *facts.Value) string {
	var parts []string
	if v.Series != "" {
		parts = append(parts, "series: "+v.Series)
	}
	if v.Year != 0 {
		parts = append(parts, "year: "+strconv.Itoa(v.Year))
	}
	parts = append(parts, "amount: "+yamlAmount(v.Amount), "unit: "+v.Unit)
	if v.AsOf != "" {
		parts = append(parts, fmt.Sprintf("as_of: %q", v.AsOf))
	}
	if v.Approx {
		parts = append(parts, "approx: true")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// yamlAmount writes an amount the way the data files do: 22.34e9 rather
// than 22340000000, when that reads back exactly.
func yamlAmount(a float64) string {
	for _, e := range []int{12, 9, 6} {
		p := 1.0
		for range e {
			p *= 10
		}
		if a < p {
			continue
		}
		s := strconv.FormatFloat(a/p, 'f', -1, 64)
		if back, err := strconv.ParseFloat(s+"e"+strconv.Itoa(e), 64); err == nil && back == a && len(s) <= 8 {
			return s + "e" + strconv.Itoa(e)
		}
	}
	return strconv.FormatFloat(a, 'f', -1, 64)
}

// formatAmount is an amount for people: "US$22.34 billion", "770,000
// people", "6.5 percent".
func formatAmount(a float64, unit string) string {
	n := ""
	for _, s := range []struct {
		p    float64
		word string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
		if a >= s.p {
			n = strconv.FormatFloat(a/s.p, 'f', -1, 64)
			if len(n) > 8 {
				n = strconv.FormatFloat(a/s.p, 'f', 2, 64)
			}
			n += " " + s.word
			break
		}
	}
	if n == "" {
		n = thousands(a)
	}
	switch unit {
	case "USD":
		return "US$" + n
	case "":
		return n
	}
	return n + " " + unit
}

func thousands(a float64) string {
	s := strconv.FormatFloat(a, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// newID makes the candidate's id from the document (its publisher's word
// in the file name) and the claim (its series and year, or the first name
// and year, or its first words), unique in the draft and in the base.
func newID(b *facts.Base, doc *facts.Document, c *Candidate, taken map[string]bool) string {
	var what string
	year := ""
	if c.Date != nil {
		year = strconv.Itoa(c.Date.Date.Year())
	}
	switch {
	case c.Value != nil && c.Value.Series != "" && c.Value.Year != 0:
		what = fmt.Sprintf("%s-%d", c.Value.Series, c.Value.Year)
		year = ""
	case len(c.Names) > 0 && c.Names[0].Entity != nil:
		what = c.Names[0].Entity.ID
	case len(c.Names) > 0:
		what = slug(c.Names[0].Text)
	default:
		what = slug(strings.Join(significant(c.Quote, 4), " "))
	}
	if year != "" && !strings.Contains(what, year) {
		what += "-" + year
	}
	tag := docTag(doc.ID)
	root := slug(tag + " " + what)
	if what == tag || strings.HasPrefix(what, tag+"-") {
		root = slug(what) // "mofa", not "mofa-mofa"
	}
	if len(root) > 60 {
		root = strings.TrimRight(root[:60], "-")
		if i := strings.LastIndexByte(root, '-'); i > 30 {
			root = root[:i]
		}
	}
	if root == "" {
		root = "claim"
	}
	id := root
	for n := 2; taken[id] || exists(b, id); n++ {
		id = fmt.Sprintf("%s-%d", root, n)
	}
	taken[id] = true
	return id
}

func exists(b *facts.Base, id string) bool { _, ok := b.Fact(id); return ok }

var datePrefix = lazyRegexp(`^\d{4}(?:-\d{2}){0,2}-`)

// docTag is the word of a document's id after its date: "yonhap" for
// 2020-02-05-yonhap-russia-azerbaijan.
func docTag(id string) string {
	rest := datePrefix.ReplaceAllString(id, "")
	tag, _, _ := strings.Cut(rest, "-")
	if slug(tag) == "" {
		return "doc"
	}
	return tag
}

var nonSlug = lazyRegexp(`[^a-z0-9]+`)

// slug is s in kebab-case: lower-case ASCII letters and digits in words
// joined by single hyphens.
func slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"and": true, "or": true, "but": true, "with": true, "by": true, "from": true, "as": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "been": true, "that": true, "this": true, "its": true,
	"it": true, "their": true, "his": true, "her": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "also": true, "which": true, "who": true, "s": true,
}

func significant(s string, n int) []string {
	var out []string
	for _, w := range strings.Fields(nonSlug.ReplaceAllString(strings.ToLower(s), " ")) {
		if !stopWords[w] && len(out) < n {
			out = append(out, w)
		}
	}
	return out
}

// topic suggests the topic most of the base's related facts have: the
// series' points, or the facts naming the claim's people and bodies.
func topic(b *facts.Base, c *Candidate) string {
	count := map[string]int{}
	if c.Value != nil && c.Value.Series != "" {
		if s, ok := b.Series(c.Value.Series); ok {
			for _, f := range s.Points {
				count[f.Topic]++
			}
		}
	}
	if len(count) == 0 {
		for _, n := range c.Names {
			if n.Entity != nil {
				for _, f := range n.Entity.Facts {
					count[f.Topic]++
				}
			}
		}
	}
	var topics []string
	for t := range count {
		topics = append(topics, t)
	}
	slices.SortFunc(topics, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	if len(topics) == 0 {
		return ""
	}
	return topics[0]
}

// title names a series point in every language from the series' own
// titles; any other claim's title is the curator's to write.
func title(b *facts.Base, c *Candidate) facts.Text {
	v := c.Value
	if v == nil || v.Series == "" || v.Year == 0 {
		return facts.Text{}
	}
	s, ok := b.Series(v.Series)
	if !ok {
		return facts.Text{}
	}
	t := facts.Text{
		EN: fmt.Sprintf("%s in %d", s.Title.EN, v.Year),
		KO: fmt.Sprintf("%d년 %s", v.Year, s.Title.KO),
		RU: fmt.Sprintf("%s в %d году", s.Title.RU, v.Year),
	}
	if v.AsOf != "" {
		if d, err := facts.ParseDate(v.AsOf); err == nil {
			t.EN += " (as of " + d.Human(facts.EN) + ")"
			t.KO += " (" + d.Human(facts.KO) + " 기준)"
			t.RU += " (по состоянию на " + d.Human(facts.RU) + ")"
		}
	}
	return t
}
