package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
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

func cmdFacts(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: ninebridges facts check|list|show|docs")
		return 2
	}
	fset := flag.NewFlagSet("facts "+args[0], flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("dir", "", "load the base from `DIR` (holding corpus/ and data/) instead of the embedded one")
	asJSON := fset.Bool("json", false, "print JSON")
	if err := fset.Parse(args[1:]); err != nil {
		return 2
	}
	b, err := loadBase(ctx, *dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	switch args[0] {
	case "check":
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
		if fset.NArg() != 1 {
			fmt.Fprintln(stderr, "usage: ninebridges facts show ID")
			return 2
		}
		f, ok := b.Fact(fset.Arg(0))
		if !ok {
			fmt.Fprintf(stderr, "no fact %q; \"ninebridges facts list\" shows the ids\n", fset.Arg(0))
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
	}
	fmt.Fprintf(stderr, "ninebridges facts: unknown subcommand %q (want check, list, show or docs)\n", args[0])
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
	if r := f.Reference; r != nil {
		fmt.Fprintf(w, "  outside the corpus: %s, %s, %s <%s>\n", r.Title, r.Publisher, r.Date, r.URL)
	}
}
