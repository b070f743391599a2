package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
	"github.com/ninebridges/ninebridges/web"
)

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
		res := web.NewAskResult(b, a.Answer(q, lang))
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

// writeAskText prints an answer for people; --json prints web.AskResult,
// the same shape GET /api/v1/ask serves.
func writeAskText(w io.Writer, r web.AskResult) {
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
