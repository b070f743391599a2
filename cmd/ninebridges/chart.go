package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/chart"
)

// chartSeries maps the chart command's names to series ids, as /trade and
// /exchanges do.
var chartSeries = map[string]string{
	"trade":     "trade-volume",
	"exchanges": "people-exchanges",
}

const chartUsage = "usage: ninebridges chart trade|exchanges|SERIES [--lang en|ko|ru] [--year Y] [--dir DIR] -o FILE.png"

// cmdChart renders the chart the bot attaches to /trade and /exchanges
// into a PNG file ("-o -" writes it to stdout).
func cmdChart(ctx context.Context, cfg Config, args []string, sio stdio) int {
	stdout, stderr := sio.out, sio.errOut
	fset := flag.NewFlagSet("chart", flag.ContinueOnError)
	langFlag := fset.String("lang", "en", "chart language: en, ko or ru")
	year := fset.Int("year", 0, "highlight the bar of year `Y`")
	out := fset.String("o", "", "write the PNG to `FILE` (- for stdout)")
	cfg.bind(fset, "dir")
	help := flagsHelp(strings.TrimPrefix(chartUsage, "usage: ninebridges "), fset)

	// The series name may come before or after the flags.
	if code, ok := parseFlags(fset, args, sio, help); !ok {
		return code
	}
	var names []string
	for fset.NArg() > 0 {
		names = append(names, fset.Arg(0))
		if code, ok := parseFlags(fset, fset.Args()[1:], sio, help); !ok {
			return code
		}
	}
	if len(names) != 1 {
		fmt.Fprintln(stderr, chartUsage)
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "ninebridges chart: -o FILE.png is required")
		fmt.Fprintln(stderr, chartUsage)
		return 2
	}
	lang, err := facts.ParseLang(*langFlag)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}

	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	id := names[0]
	if sid, ok := chartSeries[id]; ok {
		id = sid
	}
	s, ok := b.Series(id)
	if !ok {
		ids := make([]string, 0, len(b.AllSeries()))
		for _, s := range b.AllSeries() {
			ids = append(ids, s.ID)
		}
		fmt.Fprintf(stderr, "no series %q: use trade, exchanges or one of %s\n", names[0], strings.Join(ids, ", "))
		return 1
	}
	if *year != 0 && s.Point(*year) == nil {
		years := make([]string, 0, len(s.Points))
		for _, y := range s.Years() {
			years = append(years, strconv.Itoa(y))
		}
		fmt.Fprintf(stderr, "%s has no figure for %d: it has %s\n", s.ID, *year, strings.Join(years, ", "))
		return 1
	}

	png, err := chart.Render(s, b, lang, chart.Options{HighlightYear: *year})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *out == "-" {
		if _, err := stdout.Write(png); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	if err := os.WriteFile(*out, png, 0o644); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %s, %s, %d×%d px, %d bytes\n", *out, s.ID, lang, chart.Width, chart.Height, len(png))
	return 0
}
