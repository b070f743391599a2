package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/draft"
)

// parseArgs parses flags wherever they stand among the arguments, so that
// "facts draft FILE --dir DIR" works as well as "facts draft --dir DIR
// FILE" (the flag package stops at the first argument that is not a
// flag). It returns the arguments that are not flags, in order.
func parseArgs(fset *flag.FlagSet, args []string, s stdio, help func(io.Writer)) (pos []string, code int, ok bool) {
	for {
		if code, ok := parseFlags(fset, args, s, help); !ok {
			return nil, code, false
		}
		if fset.NArg() == 0 {
			return pos, 0, true
		}
		pos = append(pos, fset.Arg(0))
		args = fset.Args()[1:]
	}
}

// factsDraft writes candidate facts for one document to stdout.
func factsDraft(b *facts.Base, args []string, s stdio) int {
	if len(args) != 1 {
		fmt.Fprintln(s.errOut, "usage: ninebridges facts draft FILE [--dir DIR]   (FILE: a document in corpus format, see README)")
		return 2
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(s.errOut, "ninebridges facts draft: %v\n", err)
		return 1
	}
	doc, err := facts.ParseDocument(args[0], data)
	if err != nil {
		fmt.Fprintf(s.errOut, "ninebridges facts draft: %v\n", err)
		return 1
	}
	d, err := draft.Document(b, doc)
	if err != nil {
		fmt.Fprintf(s.errOut, "ninebridges facts draft: %v\n", err)
		return 1
	}
	if err := d.WriteYAML(s.out); err != nil {
		fmt.Fprintf(s.errOut, "ninebridges facts draft: %v\n", err)
		return 1
	}
	return 0
}

// coverageJSON is the shape "facts coverage --json" promises.
type coverageJSON struct {
	Documents []docCoverageJSON `json:"documents"`
	Total     coverageCounts    `json:"total"`
}

type coverageCounts struct {
	Sentences int     `json:"sentences"` // with a figure, a date or a name
	Quoted    int     `json:"quoted"`    // by a fact's source quote
	Excluded  int     `json:"excluded"`  // not quoted, but in exclusions:
	Share     float64 `json:"share"`     // (quoted + excluded) / sentences
}

type docCoverageJSON struct {
	Doc string `json:"doc"`
	coverageCounts
	Uncovered []uncoveredJSON `json:"uncovered"`
}

type uncoveredJSON struct {
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
}

// factsCoverage lists the sentences with a figure, a date or a name that no
// fact quotes and no exclusion explains, and the share covered.
func factsCoverage(b *facts.Base, asJSON bool, s stdio) int {
	var out coverageJSON
	for _, dc := range draft.Coverage(b) {
		q, e, n := dc.Counts()
		dj := docCoverageJSON{Doc: dc.Doc.ID, coverageCounts: coverageCounts{n, q, e, draft.Share(q+e, n)}, Uncovered: []uncoveredJSON{}}
		for _, u := range dc.Uncovered() {
			dj.Uncovered = append(dj.Uncovered, uncoveredJSON{u.Sentence, u.Text})
		}
		out.Documents = append(out.Documents, dj)
		out.Total.Sentences += n
		out.Total.Quoted += q
		out.Total.Excluded += e
	}
	out.Total.Share = draft.Share(out.Total.Quoted+out.Total.Excluded, out.Total.Sentences)
	if asJSON {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(s.errOut, err)
			return 1
		}
		return 0
	}
	for _, d := range out.Documents {
		fmt.Fprintf(s.out, "%s: %s\n", d.Doc, d.coverageCounts)
		for _, u := range d.Uncovered {
			fmt.Fprintf(s.out, "  %d: %s\n", u.Sentence, u.Text)
		}
	}
	fmt.Fprintf(s.out, "total: %s\n", out.Total)
	return 0
}

func (c coverageCounts) String() string {
	return fmt.Sprintf("%.0f%% covered (%d of %d sentences with a figure, date or name: %d quoted, %d excluded)",
		100*c.Share, c.Quoted+c.Excluded, c.Sentences, c.Quoted, c.Excluded)
}
