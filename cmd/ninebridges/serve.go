package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/ninebridges/ninebridges/bot"
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts/match"
	"github.com/ninebridges/ninebridges/reminders"
)

// newLogger logs text for a terminal, or JSON when
// NINEBRIDGES_LOG_FORMAT=json.
func newLogger(w io.Writer, getenv env) *slog.Logger {
	if strings.EqualFold(getenv("NINEBRIDGES_LOG_FORMAT"), "json") {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// token reads the bot token from --token-file or DISCORD_TOKEN. It is never
// logged or printed.
func token(file string, getenv env) (string, error) {
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("reading the token file: %w", err)
		}
		return strings.TrimSpace(string(data)), nil
	}
	return strings.TrimSpace(getenv("DISCORD_TOKEN")), nil
}

// cmdRun connects to Discord and serves until interrupted.
func cmdRun(ctx context.Context, args []string, stderr io.Writer, getenv env) int {
	fset := flag.NewFlagSet("run", flag.ContinueOnError)
	fset.SetOutput(stderr)
	tokenFile := fset.String("token-file", "", "read the bot token from `FILE` instead of DISCORD_TOKEN")
	shardID := fset.Int("shard-id", 0, "this process's shard")
	shardCount := fset.Int("shard-count", 0, "total shards (0: Discord's recommended count)")
	dir := fset.String("dir", "", "serve the fact base in `DIR` instead of the embedded one")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	log := newLogger(stderr, getenv)
	tok, err := token(*tokenFile, getenv)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	if tok == "" {
		log.Error("cannot start: set DISCORD_TOKEN or pass --token-file")
		return 1
	}
	if *shardCount > 0 && (*shardID < 0 || *shardID >= *shardCount) {
		fmt.Fprintf(stderr, "ninebridges run: --shard-id must be in [0, %d)\n", *shardCount)
		return 2
	}
	// An invalid base stops start-up here, with file:line for every problem.
	b, err := loadBase(ctx, *dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	metrics := bot.NewMetrics()
	m := metrics.Answerer(match.New(b))
	rem, err := openScheduled(ctx, b, getenv, log, metrics)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	defer rem.Close()
	router, err := commands.New(rem.router(commands.Config{Base: b, Matcher: m, Logger: log, Charts: bot.Charts{Base: b}}))
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	rem.register(router)
	bt, err := bot.New(bot.Config{
		Token:      tok,
		Handler:    router,
		Commands:   append(commands.Commands(b), reminders.Command()),
		DiscordURL: getenv("NINEBRIDGES_DISCORD_URL"),
		GuildID:    getenv("NINEBRIDGES_GUILD"),
		ShardID:    *shardID,
		ShardCount: *shardCount,
		Logger:     log,
		Metrics:    metrics,
		OnReady:    rem.start,
		OnClose:    rem.stop,
	})
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	if addr := getenv("NINEBRIDGES_HTTP_ADDR"); addr != "" {
		stopHTTP, err := serveHTTP(addr, bot.HTTPHandler(metrics, bt.GatewayCheck(), rem.check()), log)
		if err != nil {
			log.Error("cannot start", "err", err)
			return 1
		}
		defer stopHTTP()
	}
	log.Info("starting", "facts", len(b.Facts()), "documents", len(b.Documents()))
	if err := bt.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		log.Error("stopped", "err", err)
		return 1
	}
	return 0
}
