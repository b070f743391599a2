package facts

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"strings"
)

// Document is one source document of the corpus.
type Document struct {
	ID        string // file name without ".txt"
	Title     string
	Publisher string
	Published string // as written, may carry a note after the date
	Date      Date   // the date at the start of Published
	Kind      string
	Text      string // everything after the "---" line

	normText string // Text with white space collapsed, for quote checks
	normHead string // the header's values, likewise: a byline or a date is quotable
}

// Contains reports whether quote occurs in the document's text, comparing
// with runs of white space collapsed and nothing else changed. A quote may
// also be one of the header's values (its title, publisher and byline, or
// date), which is what a fact about the document itself quotes.
func (d *Document) Contains(quote string) bool {
	q := collapseSpace(quote)
	return q != "" && (strings.Contains(d.normText, q) || strings.Contains(d.normHead, q))
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// ParseDocument reads one corpus file the way the loader does, so that a
// document not yet in a base (one a curator is drafting facts from) is
// parsed, and its quotes checked, exactly as it will be once added. name is
// the file's path; the document's id is its base name without ".txt". Any
// problem is returned as an *InvalidError listing them all.
func ParseDocument(name string, data []byte) (*Document, error) {
	doc, probs := parseDocument(name, data)
	if len(probs) > 0 {
		return nil, &InvalidError{Problems: probs}
	}
	return doc, nil
}

// parseDocument reads a corpus file: "key: value" header lines, a line that
// is exactly "---", then the text.
func parseDocument(name string, data []byte) (*Document, []Problem) {
	doc := &Document{ID: strings.TrimSuffix(path.Base(name), ".txt")}
	var probs []Problem
	bad := func(line int, format string, args ...any) {
		probs = append(probs, Problem{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line, body := 0, -1
	seen := map[string]bool{}
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "---" {
			body = line
			break
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		key, val, ok := strings.Cut(text, ":")
		if !ok {
			bad(line, "header line is not \"key: value\"")
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		// Values are joined with a line break no quote can span.
		doc.normHead += collapseSpace(val) + "\n"
		if seen[key] {
			bad(line, "header %q given twice", key)
		}
		seen[key] = true
		switch key {
		case "title":
			doc.Title = val
		case "publisher":
			doc.Publisher = val
		case "published":
			doc.Published = val
			first, _, _ := strings.Cut(val, " ")
			d, err := ParseDate(first)
			if err != nil {
				bad(line, "published: %v", err)
			}
			doc.Date = d
		case "kind":
			doc.Kind = val
		default:
			bad(line, "unknown header %q (want title, publisher, published, kind)", key)
		}
	}
	if body < 0 {
		bad(line, "no \"---\" line between the header and the text")
		return doc, probs
	}
	for _, k := range []string{"title", "publisher", "published", "kind"} {
		if !seen[k] {
			bad(1, "header %q is missing", k)
		}
	}
	// The text is everything after the separator line, byte for byte.
	rest := data
	for i := 0; i < body; i++ {
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			rest = nil
			break
		}
		rest = rest[j+1:]
	}
	doc.Text = strings.TrimSpace(string(rest))
	if doc.Text == "" {
		bad(body, "the document has no text after \"---\"")
	}
	doc.normText = collapseSpace(doc.Text)
	return doc, probs
}
