// Command ninebridges is the Nine Bridges Discord bot and its console tools.
//
// With DISCORD_TOKEN set it connects to Discord; without one it opens a local
// console on the same command handlers. See "ninebridges help".
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
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

// run is main without the process: it returns the exit code so every
// subcommand can be tested in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	if len(args) == 0 {
		return cmdDefault(ctx, stdin, stdout, stderr, getenv)
	}
	switch args[0] {
	case "facts":
		return cmdFacts(ctx, args[1:], stdout, stderr)
	case "ask":
		return cmdAsk(ctx, args[1:], stdin, stdout, stderr)
	case "run":
		return cmdRun(ctx, args[1:], stderr, getenv)
	case "reminders":
		return cmdReminders(ctx, args[1:], stdout, stderr, getenv)
	case "healthcheck":
		return cmdHealthcheck(args[1:], stdout, stderr, getenv)
	case "chart":
		return cmdChart(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "ninebridges: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Nine Bridges answers questions about Korea–Russia relations from a sourced fact base.

Usage:
  ninebridges                      run the bot (DISCORD_TOKEN set) or a local console (no token;
                                   NINEBRIDGES_LANG=ko|ru sets its language)
  ninebridges run [--token-file FILE] [--shard-id N --shard-count M]
  ninebridges healthcheck [--addr HOST:PORT]
  ninebridges facts check [--dir DIR]
  ninebridges facts list [--json] [--dir DIR]
  ninebridges facts show ID
  ninebridges facts docs
  ninebridges ask [--lang en|ko|ru|auto] [--json] QUESTION|-
  ninebridges reminders preview [--date YYYY-MM-DD] [--lang en|ko|ru] [--kinds K,K] [--week-before] [--next-if-empty]
  ninebridges reminders list [--guild ID]   (the store named by NINEBRIDGES_DB / NINEBRIDGES_DATA_DIR)
  ninebridges chart trade|exchanges [--lang en|ko|ru] [--year Y] -o FILE.png
`)
}

func cmdDefault(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	if getenv("DISCORD_TOKEN") != "" {
		return cmdRun(ctx, nil, stderr, getenv)
	}
	return runConsole(ctx, stdin, stdout, stderr, getenv)
}
