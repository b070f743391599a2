// Command ninebridges is the Nine Bridges Discord bot and its console tools.
//
// With DISCORD_TOKEN set it connects to Discord; without one it opens a local
// console on the same command handlers. See "ninebridges --help".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// env is where configuration comes from; tests pass a map's lookup.
type env func(string) string

// io is a command's standard streams.
type stdio struct {
	in          io.Reader
	out, errOut io.Writer
}

// commandSpec is one subcommand: its synopsis for --help, and what runs.
type commandSpec struct {
	name, synopsis, summary string
	run                     func(ctx context.Context, cfg Config, args []string, s stdio) int
}

var commandList = []commandSpec{
	{"run", "run [SETTINGS]", "connect to Discord and serve (needs DISCORD_TOKEN or --token-file)", cmdRun},
	{"serve-http", "serve-http [SETTINGS]", "take Discord's interactions over HTTP (replicas behind a load balancer; no gateway)", cmdServeHTTP},
	{"register", "register [--guild ID]", "register the commands once, for HTTP replicas", cmdRegister},
	{"ask", "ask [--lang en|ko|ru|auto] [--json] [--dir DIR] QUESTION|-", "answer questions from the command line (- reads one a line)", cmdAsk},
	{"facts", "facts check|list|show|docs|draft|coverage [--json] [--dir DIR] [ID|FILE]", "check, list or show the fact base; draft facts from a document; measure what the facts quote", cmdFacts},
	{"reminders", "reminders preview|list [FLAGS]", "print a day's scheduled post, or the store's subscriptions", cmdReminders},
	{"web", "web [--addr ADDR] [--dir DIR]", "serve the site: search, facts, documents with every quote marked, timeline, JSON API (no Discord)", cmdWeb},
	{"chart", "chart trade|exchanges|SERIES [--lang en|ko|ru] [--year Y] [--dir DIR] -o FILE.png", "draw the chart /trade and /exchanges attach (series: trade, exchanges, tourists, exports-to-russia)", cmdChart},
	{"invite", "invite --app-id ID", "print the link that adds the bot to a server, with the permissions it needs", cmdInvite},
	{"healthcheck", "healthcheck [--http-addr ADDR]", "ask a running bot's /healthz; exit 0 when healthy", cmdHealthcheck},
	{"help", "help", "print this help", nil},
}

// run is main without the process: it returns the exit code so every
// subcommand can be tested in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	s := stdio{in: stdin, out: stdout, errOut: stderr}
	cfg, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 2
	}
	// Settings may come before the command ("ninebridges --dir DIR ask …")
	// or, for the settings a command takes, after it.
	top := flag.NewFlagSet("ninebridges", flag.ContinueOnError)
	cfg.bind(top, allSettings()...)
	if code, ok := parseFlags(top, args, s, usage); !ok {
		return code
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 2
	}
	args = top.Args()
	if len(args) == 0 {
		if cfg.token != "" || cfg.TokenFile != "" {
			return cmdRun(ctx, cfg, nil, s)
		}
		return runConsole(ctx, cfg, s)
	}
	if isHelp(args[0]) {
		usage(stdout)
		return 0
	}
	for _, c := range commandList {
		if c.name == args[0] {
			return c.run(ctx, cfg, args[1:], s)
		}
	}
	fmt.Fprintf(stderr, "ninebridges: unknown command %q", args[0])
	if near := didYouMean(args[0], commandNames()); near != "" {
		fmt.Fprintf(stderr, "; did you mean %q?", near)
	}
	fmt.Fprintln(stderr, " (ninebridges --help lists the commands)")
	return 2
}

func commandNames() []string {
	var names []string
	for _, c := range commandList {
		names = append(names, c.name)
	}
	return names
}

// parseFlags parses args into fs. -h and --help print help to stdout and
// exit 0; a bad flag prints the error and help to stderr and exits 2.
// ok is false when the caller must return code.
func parseFlags(fs *flag.FlagSet, args []string, s stdio, help func(io.Writer)) (code int, ok bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		help(s.out)
		return 0, false
	case err != nil:
		fmt.Fprintf(s.errOut, "ninebridges: %v\n\n", err)
		help(s.errOut)
		return 2, false
	}
	return 0, true
}

// flagsHelp is help for a subcommand: its synopsis and its flags.
func flagsHelp(synopsis string, fs *flag.FlagSet) func(io.Writer) {
	return func(w io.Writer) {
		fmt.Fprintf(w, "usage: ninebridges %s\n\n", synopsis)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// isHelp reports whether a subcommand was asked for help in place of a
// sub-subcommand ("facts --help").
func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Nine Bridges answers questions about Korea–Russia relations from a sourced fact base.

Usage:
  ninebridges [SETTINGS]           the bot when a token is set (DISCORD_TOKEN or --token-file),
                                   else a local console on the same handlers
  ninebridges [SETTINGS] COMMAND   one of:

`)
	for _, c := range commandList {
		fmt.Fprintf(w, "  ninebridges %s\n      %s\n", c.synopsis, c.summary)
	}
	fmt.Fprint(w, `
Every command takes -h for its own flags.

Settings (a flag wins over its environment variable):
`)
	writeSettings(w)
}

// didYouMean is the candidate nearest to s by edit distance, if it is near
// enough to be a slip of the keyboard.
func didYouMean(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		d := editDistance(strings.ToLower(s), c)
		if strings.HasPrefix(c, strings.ToLower(s)) && len(s) >= 2 {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
