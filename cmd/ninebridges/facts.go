package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/ninebridges/ninebridges/facts"
)

// loadBase loads the embedded base, or the one in dir when given; ctx
// (SIGINT, SIGTERM) stops loading from disk.
func loadBase(ctx context.Context, dir string) (*facts.Base, error) {
	if dir != "" {
		return facts.LoadDirContext(ctx, dir)
	}
	return facts.Embedded()
}

// factsSubcommands are what "ninebridges facts" does.
var factsSubcommands = []string{"check", "list", "show", "docs", "draft", "coverage"}

const factsSynopsis = `facts check [--json] [--dir DIR]    check the base: file:line for every problem
       ninebridges facts list [--json] [--dir DIR]     every fact: id, topic, date, title
       ninebridges facts show [--json] [--dir DIR] ID  one fact with its answers and sources
       ninebridges facts docs [--dir DIR]              the source documents
       ninebridges facts draft FILE [--dir DIR]        candidate facts (YAML) for a document in corpus format
       ninebridges facts coverage [--json] [--dir DIR] sentences with a figure, date or name no fact quotes`

func cmdFacts(ctx context.Context, cfg Config, args []string, s stdio) int {
	stdout, stderr := s.out, s.errOut
	fset := flag.NewFlagSet("facts", flag.ContinueOnError)
	asJSON := fset.Bool("json", false, "print JSON (list and show: the facts as in --dir's YAML, with their fields; check: {\"ok\", \"facts\", …}; coverage: {\"documents\", \"total\"})")
	cfg.bind(fset, "dir")
	help := flagsHelp(factsSynopsis, fset)
	if len(args) == 0 {
		help(stderr)
		return 2
	}
	if isHelp(args[0]) {
		help(stdout)
		return 0
	}
	if !slices.Contains(factsSubcommands, args[0]) {
		fmt.Fprintf(stderr, "ninebridges facts: unknown subcommand %q", args[0])
		if near := didYouMean(args[0], factsSubcommands); near != "" {
			fmt.Fprintf(stderr, "; did you mean %q?", near)
		}
		fmt.Fprintln(stderr, " (check, list, show, docs, draft or coverage)")
		return 2
	}
	pos, code, ok := parseArgs(fset, args[1:], s, help)
	if !ok {
		return code
	}
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	switch args[0] {
	case "check":
		if *asJSON {
			json.NewEncoder(stdout).Encode(map[string]any{"ok": true, "facts": len(b.Facts()), "documents": len(b.Documents()),
				"series": len(b.AllSeries()), "events": len(b.Timeline())})
			return 0
		}
		fmt.Fprintf(stdout, "ok: %d facts, %d documents, %d series, %d timeline events\n",
			len(b.Facts()), len(b.Documents()), len(b.AllSeries()), len(b.Timeline()))
		return 0
	case "list":
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(b.Facts()); err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			return 0
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		for _, f := range b.Facts() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.ID, f.Topic, f.Date, f.Title.EN)
		}
		tw.Flush()
		return 0
	case "show":
		if len(pos) != 1 {
			fmt.Fprintln(stderr, "usage: ninebridges facts show ID")
			return 2
		}
		f, ok := b.Fact(pos[0])
		if !ok {
			fmt.Fprintf(stderr, "no fact %q; \"ninebridges facts list\" shows the ids\n", pos[0])
			return 1
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			enc.Encode(f)
			return 0
		}
		printFact(stdout, b, f)
		return 0
	case "docs":
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tFACTS\tTITLE\tPUBLISHER")
		for _, d := range b.Documents() {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", d.ID, d.Date, len(b.CitedBy(d.ID)), d.Title, d.Publisher)
		}
		tw.Flush()
		return 0
	case "draft":
		return factsDraft(b, pos, s)
	case "coverage":
		return factsCoverage(b, *asJSON, s)
	}
	return 2
}

func printFact(w io.Writer, b *facts.Base, f *facts.Fact) {
	fmt.Fprintf(w, "%s  [%s]", f.ID, f.Topic)
	if !f.Date.IsZero() {
		fmt.Fprintf(w, "  %s", f.Date)
	}
	fmt.Fprintln(w)
	for _, l := range facts.Langs {
		fmt.Fprintf(w, "  %s: %s\n", l, f.Answer.In(l))
	}
	for _, s := range f.Sources {
		title := s.Doc
		if d, ok := b.Document(s.Doc); ok {
			title = fmt.Sprintf("%s (%s, %s)", d.Title, d.Publisher, d.Date)
		}
		fmt.Fprintf(w, "  source: %s\n    “%s”\n", title, strings.Join(strings.Fields(s.Quote), " "))
	}
	for _, r := range f.References {
		fmt.Fprintf(w, "  outside the corpus: %s, %s, read %s <%s>\n", r.Title, r.Publisher, r.Date, r.URL)
	}
}
