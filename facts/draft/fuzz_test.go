package draft

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ninebridges/ninebridges/facts"
)

// FuzzDraft feeds any text, as a document's body, to the sentence, figure
// and date parsers and the writer: they never panic, and every quote the
// draft emits, read back from its YAML, is verbatim in the document.
func FuzzDraft(f *testing.F) {
	b := shipped(f)
	for _, d := range b.Documents() {
		f.Add(d.Text, d.Published)
	}
	fixtures, _ := filepath.Glob("testdata/*.txt")
	for _, p := range fixtures {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		_, text, _ := strings.Cut(string(data), "---\n")
		f.Add(text, "2022-03-15")
	}
	f.Add("US$1.5 billion in 2019, 2,000 in 2020 and 3 times since 1990.", "2020-02")
	f.Add("Apr. 28 to Apr. 30. Dec. 30 to Jan. 2, 2019. 7-9 November. May.", "2014-05-07")
	f.Add("1. ° “A,” he said. — U.S. Jan. 2021-2023 $ 9,999,999.99 trillion won", "2021")
	f.Fuzz(func(t *testing.T, text, published string) {
		if strings.ContainsAny(published, "\n\r") {
			return
		}
		src := "title: t\npublisher: p\npublished: " + published + "\nkind: k\n---\n" + text
		doc, err := facts.ParseDocument("fuzz.txt", []byte(src))
		if err != nil {
			return // not a document the loader would take
		}
		d, err := Document(b, doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Candidates {
			if !doc.Contains(c.Quote) {
				t.Fatalf("quote %q is not in the document", c.Quote)
			}
		}
		var buf bytes.Buffer
		if err := d.WriteYAML(&buf); err != nil {
			return // a string YAML cannot carry (invalid UTF-8): reported, not written wrong
		}
		var back draftedFile
		if err := yaml.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("the draft is not YAML: %v\n%s", err, buf.Bytes())
		}
		if len(back.Facts) != len(d.Candidates) {
			t.Fatalf("%d facts read back for %d candidates", len(back.Facts), len(d.Candidates))
		}
		for _, fact := range back.Facts {
			for _, s := range fact.Sources {
				if !doc.Contains(s.Quote) {
					t.Fatalf("quote %q, read back, is not in the document", s.Quote)
				}
			}
		}
		// The coverage's sentence mapping stays inside the text.
		n := newNormDoc(doc.Text)
		for _, s := range Sentences(doc.Text) {
			if ns := n.span(s); ns.Start < 0 || ns.End > len(n.norm) || ns.Start > ns.End {
				t.Fatalf("sentence %v maps to %v outside %d", s, ns, len(n.norm))
			}
		}
	})
}
