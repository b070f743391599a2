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
	"github.com/ninebridges/ninebridges/reminders"
)

// newLogger logs text for a terminal, or JSON with --log-format json.
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// token reads the bot token from --token-file or DISCORD_TOKEN. It is
// never logged or printed.
func token(cfg Config) (string, error) {
	if cfg.TokenFile != "" {
		data, err := os.ReadFile(cfg.TokenFile)
		if err != nil {
			return "", fmt.Errorf("reading the token file: %w", err)
		}
		return strings.TrimSpace(string(data)), nil
	}
	return cfg.token, nil
}

// cmdRun connects to Discord and serves until interrupted.
func cmdRun(ctx context.Context, cfg Config, args []string, s stdio) int {
	fset := flag.NewFlagSet("run", flag.ContinueOnError)
	cfg.bind(fset, allSettings()...)
	if code, ok := parseFlags(fset, args, s, flagsHelp("run [SETTINGS]", fset)); !ok {
		return code
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintln(s.errOut, "ninebridges run:", err)
		return 2
	}
	stderr := s.errOut
	log := newLogger(stderr, cfg.LogFormat)
	tok, err := token(cfg)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	if tok == "" {
		log.Error("cannot start: set DISCORD_TOKEN or pass --token-file")
		return 1
	}
	// An invalid base stops start-up here, with file:line for every problem.
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	metrics := bot.NewMetrics()
	lm := newLateMatcher(b)
	m := metrics.Answerer(lm)
	rem, err := openScheduled(ctx, b, cfg, log, metrics)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	defer rem.Close()
	router, err := commands.New(rem.router(commands.Config{Base: b, Matcher: m, Logger: log, Charts: bot.Charts{Base: b}, OnQuestion: metrics.Question, PublicURL: cfg.PublicURL}))
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	rem.register(router)
	bt, err := bot.New(bot.Config{
		Token:      tok,
		Handler:    router,
		Commands:   append(commands.Commands(b), reminders.Command()),
		DiscordURL: cfg.DiscordURL,
		GuildID:    cfg.Guild,
		ShardID:    cfg.ShardID,
		ShardCount: cfg.ShardCount,
		Logger:     log,
		Metrics:    metrics,
		OnReady:    rem.start,
		OnClose:    rem.stop,
	})
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	if addr := cfg.HTTPAddr; addr != "" {
		h, err := withSite(bot.HTTPHandler(metrics, bt.GatewayCheck(), rem.check()), b, cfg, lm, log)
		if err != nil {
			log.Error("cannot start", "err", err)
			return 1
		}
		stopHTTP, err := serveHTTP(addr, h, log)
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
