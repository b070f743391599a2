package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"

	"github.com/ninebridges/ninebridges/bot"
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/reminders"
)

// httpSettings are what serve-http takes.
var httpSettings = []string{"token-file", "public-key", "interactions-addr", "register", "guild", "discord-url", "db", "data-dir", "http-addr", "public-url", "log-format", "dir"}

// cmdServeHTTP takes Discord's interactions over HTTP: no gateway, so any
// number of replicas behind a load balancer. Mentions and DMs need the
// gateway (ninebridges run); see the README, "HTTP interactions".
func cmdServeHTTP(ctx context.Context, cfg Config, args []string, s stdio) int {
	fset := flag.NewFlagSet("serve-http", flag.ContinueOnError)
	cfg.bind(fset, httpSettings...)
	if code, ok := parseFlags(fset, args, s, flagsHelp("serve-http [SETTINGS]", fset)); !ok {
		return code
	}
	log := newLogger(s.errOut, cfg.LogFormat)
	tok, err := token(cfg)
	if err != nil || tok == "" {
		log.Error("cannot start: serve-http needs the bot token (DISCORD_TOKEN or --token-file) to edit deferred answers and post reminders", "err", err)
		return 1
	}
	if cfg.PublicKey == "" {
		log.Error("cannot start: set NINEBRIDGES_PUBLIC_KEY (or --public-key) to the application's public key from the developer portal")
		return 1
	}
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(s.errOut, err)
		return 1
	}
	out, err := bot.NewRESTOut(tok, cfg.DiscordURL)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	metrics := bot.NewMetrics()
	rem, err := openScheduled(ctx, b, cfg, log, metrics)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	defer rem.Close()
	lm := newLateMatcher(b)
	router, err := commands.New(rem.router(commands.Config{Base: b, Matcher: metrics.Answerer(lm), Logger: log, Charts: bot.Charts{Base: b}, OnQuestion: metrics.Question, PublicURL: cfg.PublicURL}))
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	rem.register(router)
	if cfg.Register {
		n, err := out.Register(ctx, cfg.Guild, append(commands.Commands(b), reminders.Command()))
		if err != nil {
			log.Error("cannot start", "err", err)
			return 1
		}
		log.Info("commands registered", "count", n, "guild", cfg.Guild)
	}
	endpoint, err := bot.NewHTTPInteractions(bot.HTTPConfig{PublicKey: cfg.PublicKey, Handler: router, Out: out, Logger: log, Metrics: metrics})
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	mux := http.NewServeMux()
	mux.Handle("/interactions", endpoint)
	stopInteractions, err := listen("NINEBRIDGES_INTERACTIONS_ADDR", cfg.InteractionsAddr, mux, log, "taking HTTP interactions at /interactions")
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	if cfg.HTTPAddr != "" {
		h, err := withSite(bot.HTTPHandler(metrics, rem.check()), b, cfg, lm, log)
		if err != nil {
			log.Error("cannot start", "err", err)
			stopInteractions()
			return 1
		}
		stopHTTP, err := serveHTTP(cfg.HTTPAddr, h, log)
		if err != nil {
			log.Error("cannot start", "err", err)
			stopInteractions()
			return 1
		}
		defer stopHTTP()
	}
	// Every replica may run the scheduler: the store's delivery log makes
	// each post go out once, whichever replica claims it.
	if err := rem.start(ctx, out, 0, 1); err != nil {
		log.Error("cannot start", "err", err)
		stopInteractions()
		return 1
	}
	<-ctx.Done()
	log.Info("shutting down")
	stopInteractions()
	rem.stop()
	return 0
}

// cmdRegister replaces the application's commands, once for all replicas.
func cmdRegister(ctx context.Context, cfg Config, args []string, s stdio) int {
	fset := flag.NewFlagSet("register", flag.ContinueOnError)
	cfg.bind(fset, "token-file", "guild", "discord-url", "dir")
	if code, ok := parseFlags(fset, args, s, flagsHelp("register [--guild ID]", fset)); !ok {
		return code
	}
	tok, err := token(cfg)
	if err != nil || tok == "" {
		fmt.Fprintln(s.errOut, "ninebridges register: set DISCORD_TOKEN or pass --token-file")
		return 1
	}
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(s.errOut, err)
		return 1
	}
	out, err := bot.NewRESTOut(tok, cfg.DiscordURL)
	if err != nil {
		fmt.Fprintln(s.errOut, "ninebridges register:", err)
		return 1
	}
	n, err := out.Register(ctx, cfg.Guild, append(commands.Commands(b), reminders.Command()))
	if err != nil {
		fmt.Fprintln(s.errOut, "ninebridges register:", err)
		return 1
	}
	scope := "globally (Discord may take up to an hour to show them)"
	if cfg.Guild != "" {
		scope = "in guild " + cfg.Guild
	}
	fmt.Fprintf(s.out, "registered %d commands %s\n", n, scope)
	return 0
}
