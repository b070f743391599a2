package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
)

// askResult is the JSON contract of "ninebridges ask --json": tools build on
// it, so fields are only ever added.
type askResult struct {
	Question    string             `json:"question"`
	Answered    bool               `json:"answered"`
	Answer      string             `json:"answer"`
	FactID      string             `json:"fact_id"`
	Score       float64            `json:"score"`
	Lang        facts.Lang         `json:"lang"`
	Reason      string             `json:"reason,omitempty"`
	Suggestions []match.Suggestion `json:"suggestions"`
	Sources     []askSource        `json:"sources"`
	Reference   *facts.Reference   `json:"reference"` // the first of references
	References  []*facts.Reference `json:"references"`
	// Kind is fact, computed or claim; Facts is every fact the answer
	// used, FactID first; Verdict is set for a claim.
	Kind    answer.Kind    `json:"kind,omitempty"`
	Facts   []string       `json:"facts"`
	Verdict answer.Verdict `json:"verdict,omitempty"`
	// Note qualifies the answer, e.g. "as of my sources" for "now".
	Note string `json:"note,omitempty"`
}

type askSource struct {
	Doc   string `json:"doc"`
	Title string `json:"title"`
	Quote string `json:"quote"`
}

func cmdAsk(ctx context.Context, cfg Config, args []string, s stdio) int {
	stdin, stdout, stderr := s.in, s.out, s.errOut
	fset := flag.NewFlagSet("ask", flag.ContinueOnError)
	langFlag := fset.String("lang", "auto", "answer in `LANG`: en, ko, ru, or auto (the question's language)")
	asJSON := fset.Bool("json", false, "print one JSON object per question (the fields are in the README)")
	cfg.bind(fset, "dir")
	help := flagsHelp("ask [--lang en|ko|ru|auto] [--json] [--dir DIR] QUESTION   (QUESTION \"-\" reads one question a line from stdin)", fset)
	if code, ok := parseFlags(fset, args, s, help); !ok {
		return code
	}
	var lang facts.Lang
	if *langFlag != "auto" {
		l, err := facts.ParseLang(*langFlag)
		if err != nil {
			fmt.Fprintf(stderr, "ninebridges ask: %v\n", err)
			return 2
		}
		lang = l
	}
	if fset.NArg() == 0 {
		help(stderr)
		return 2
	}
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	a := answer.New(b, match.New(b))
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	answer := func(q string) (bool, error) {
		res := buildAskResult(b, a.Answer(q, lang))
		if *asJSON {
			data, err := json.Marshal(res)
			if err != nil {
				return false, err
			}
			w.Write(data)
			w.WriteByte('\n')
		} else {
			writeAskText(w, res)
		}
		// Flushing after each answer lets a tool pair questions and answers
		// over a pipe as they come.
		return res.Answered, w.Flush()
	}
	question := strings.Join(fset.Args(), " ")
	if question != "-" {
		ok, err := answer(question)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if !ok {
			return 1
		}
		return 0
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		if _, err := answer(sc.Text()); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "ninebridges ask: reading questions: %v\n", err)
		return 1
	}
	return 0
}

func buildAskResult(b *facts.Base, r answer.Reply) askResult {
	out := askResult{
		Question:    r.Question,
		Answered:    r.Answered,
		Score:       r.Score,
		Lang:        r.Lang,
		Suggestions: r.Suggestions,
		Sources:     []askSource{},
		Facts:       []string{},
		References:  []*facts.Reference{},
		Answer:      r.Text,
	}
	if out.Suggestions == nil {
		out.Suggestions = []match.Suggestion{}
	}
	if !r.Answered {
		out.Reason = string(r.Reason)
		return out
	}
	out.Kind, out.Verdict, out.Note = r.Kind, r.Verdict, r.Note
	out.FactID = r.Facts[0].ID
	seen := map[facts.Source]bool{}
	for _, f := range r.Facts {
		out.Facts = append(out.Facts, f.ID)
		if ref := f.Reference(); ref != nil && out.Reference == nil {
			out.Reference = ref
		}
		for _, ref := range f.References {
			if !slices.ContainsFunc(out.References, func(r *facts.Reference) bool { return r.URL == ref.URL }) {
				out.References = append(out.References, ref)
			}
		}
		for _, s := range f.Sources {
			if seen[s] {
				continue
			}
			seen[s] = true
			src := askSource{Doc: s.Doc, Quote: strings.Join(strings.Fields(s.Quote), " ")}
			if d, ok := b.Document(s.Doc); ok {
				src.Title = d.Title
			}
			out.Sources = append(out.Sources, src)
		}
	}
	return out
}

func writeAskText(w io.Writer, r askResult) {
	fmt.Fprintln(w, r.Answer)
	if r.Note != "" {
		fmt.Fprintln(w, r.Note)
	}
	for _, s := range r.Sources {
		fmt.Fprintf(w, "  source: %s — “%s”\n", s.Title, s.Quote)
	}
	for _, ref := range r.References {
		fmt.Fprintf(w, "  outside the source documents: %s, %s, read %s <%s>\n", ref.Title, ref.Publisher, ref.Date, ref.URL)
	}
	for _, s := range r.Suggestions {
		fmt.Fprintf(w, "  did you mean: %s  (%s)\n", s.Question, s.FactID)
	}
	if r.FactID != "" {
		fmt.Fprintf(w, "  [%s, score %.2f]\n", r.FactID, r.Score)
	}
}
