package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/reminders"
	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/open"
)

// cmdReminders is "ninebridges reminders preview|list".
//
// preview needs no database: it renders the settings given on the command
// line with the same renderer the bot posts with, so curators can see a
// day's post without a token, a store or a server. list opens the store
// the bot would (NINEBRIDGES_DB, NINEBRIDGES_DATA_DIR) and shows its
// subscriptions, for operators.
func cmdReminders(ctx context.Context, cfg Config, args []string, s stdio) int {
	stdout, stderr := s.out, s.errOut
	help := func(w io.Writer) {
		fmt.Fprintln(w, "usage: ninebridges reminders preview [--date YYYY-MM-DD] [--tz ZONE] [--lang en|ko|ru] [--kinds K,K] [--week-before] [--next-if-empty]")
		fmt.Fprintln(w, "       ninebridges reminders list [--guild ID] [--db DSN] [--data-dir DIR]")
		fmt.Fprintln(w, "\n\"ninebridges reminders preview -h\" and \"… list -h\" describe the flags.")
	}
	if len(args) == 0 {
		help(stderr)
		return 2
	}
	switch {
	case isHelp(args[0]):
		help(stdout)
		return 0
	case args[0] == "preview":
		return cmdRemindersPreview(args[1:], s)
	case args[0] == "list":
		return cmdRemindersList(ctx, cfg, args[1:], s)
	}
	fmt.Fprintf(stderr, "ninebridges reminders: unknown subcommand %q", args[0])
	if near := didYouMean(args[0], []string{"preview", "list"}); near != "" {
		fmt.Fprintf(stderr, "; did you mean %q?", near)
	}
	fmt.Fprintln(stderr, " (preview or list)")
	return 2
}

func cmdRemindersPreview(args []string, s stdio) int {
	stdout, stderr := s.out, s.errOut
	fset := flag.NewFlagSet("reminders preview", flag.ContinueOnError)
	date := fset.String("date", "", "the local `date` to preview, YYYY-MM-DD (default: today in --tz)")
	zone := fset.String("tz", "UTC", "the time `zone` \"today\" is reckoned in when --date is not given")
	langFlag := fset.String("lang", "en", "the `language` of the post: en, ko or ru")
	kindsFlag := fset.String("kinds", "on-this-day,anniversaries,weekly-timeline", "the `kinds` of post, separated by commas")
	weekBefore := fset.Bool("week-before", false, "announce round anniversaries a week ahead too")
	nextIfEmpty := fset.Bool("next-if-empty", false, "on a quiet day, show the next event instead of nothing")
	if code, ok := parseFlags(fset, args, s, flagsHelp("reminders preview [FLAGS]", fset)); !ok {
		return code
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "ninebridges reminders preview: unexpected argument %q\n", fset.Arg(0))
		return 2
	}
	lang, err := facts.ParseLang(*langFlag)
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges reminders preview:", err)
		return 2
	}
	var kinds []store.Kind
	for _, k := range strings.Split(*kindsFlag, ",") {
		kind := store.Kind(strings.TrimSpace(k))
		if !kind.Valid() {
			fmt.Fprintf(stderr, "ninebridges reminders preview: unknown kind %q: use %s\n", k, kindList())
			return 2
		}
		kinds = append(kinds, kind)
	}
	var day time.Time
	if *date != "" {
		if day, err = store.ParseLocalDate(*date); err != nil {
			fmt.Fprintf(stderr, "ninebridges reminders preview: --date %q: use YYYY-MM-DD\n", *date)
			return 2
		}
	} else {
		loc, err := time.LoadLocation(*zone)
		if err != nil {
			fmt.Fprintf(stderr, "ninebridges reminders preview: --tz: %v\n", err)
			return 2
		}
		day = time.Now().In(loc)
	}
	b, err := facts.Embedded()
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 1
	}
	parts := reminders.Render(b, reminders.Reminder{Date: day, Lang: lang, Kinds: kinds, WeekBefore: *weekBefore, NextIfEmpty: *nextIfEmpty})
	if len(parts) == 0 {
		fmt.Fprintf(stdout, "Nothing would be posted on %s.\n", day.Format(time.DateOnly))
		return 0
	}
	for _, p := range parts {
		if err := commands.RenderMessage(stdout, p); err != nil {
			fmt.Fprintln(stderr, "ninebridges:", err)
			return 1
		}
	}
	return 0
}

func kindList() string {
	var ks []string
	for _, k := range store.AllKinds() {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

func cmdRemindersList(ctx context.Context, cfg Config, args []string, s stdio) int {
	stdout, stderr := s.out, s.errOut
	fset := flag.NewFlagSet("reminders list", flag.ContinueOnError)
	guild := fset.String("guild", "", "only the subscriptions of guild `ID` (default: every active one)")
	cfg.bind(fset, "db", "data-dir")
	if code, ok := parseFlags(fset, args, s, flagsHelp("reminders list [--guild ID] [--db DSN] [--data-dir DIR]", fset)); !ok {
		return code
	}
	// Listing reads; it must not leave an empty database behind where
	// none was.
	if cfg.DB == "" {
		path := filepath.Join(cfg.DataDir, open.SQLiteFile)
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stdout, "No subscriptions. There is no store at %s yet: the bot makes it when it first runs; --data-dir (NINEBRIDGES_DATA_DIR) says where, --db a PostgreSQL store.\n", path)
			return 0
		}
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 1
	}
	defer st.Close()
	var subs []store.Subscription
	if *guild != "" {
		subs, err = st.GuildSubscriptions(ctx, *guild)
	} else {
		subs, err = st.ActiveSubscriptions(ctx)
	}
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 1
	}
	if len(subs) == 0 {
		fmt.Fprintln(stdout, "No subscriptions.")
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tGUILD\tCHANNEL\tTIME\tZONE\tLANG\tKINDS\tSTATUS")
	for _, s := range subs {
		var ks []string
		for _, k := range s.Kinds {
			ks = append(ks, string(k))
		}
		if s.WeekBefore {
			ks = append(ks, "+week-before")
		}
		if s.NextIfEmpty {
			ks = append(ks, "+next-if-empty")
		}
		status := "active"
		if s.Disabled {
			status = "paused: " + s.DisabledReason
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%02d:%02d\t%s\t%s\t%s\t%s\n", s.ID, s.GuildID, s.ChannelID, s.Hour, s.Minute, s.TimeZone, s.Lang, strings.Join(ks, ","), status)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 1
	}
	return 0
}
