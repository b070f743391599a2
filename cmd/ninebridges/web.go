package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/ninebridges/ninebridges/bot"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/web"
)

// defaultWebAddr is where "ninebridges web" listens when neither --addr
// nor NINEBRIDGES_HTTP_ADDR says: this machine only, since the command is
// for opening the site locally.
const defaultWebAddr = "localhost:8080"

// cmdWeb serves the site with no Discord connection, so anyone can browse
// the fact base and check an answer's quotes in one command.
func cmdWeb(ctx context.Context, cfg Config, args []string, s stdio) int {
	fset := flag.NewFlagSet("web", flag.ContinueOnError)
	cfg.bind(fset, "dir", "public-url", "log-format")
	addr := fset.String("addr", "", "serve the site on `ADDR` (default: NINEBRIDGES_HTTP_ADDR, else "+defaultWebAddr+")")
	if code, ok := parseFlags(fset, args, s, flagsHelp("web [--addr ADDR] [--dir DIR] [--public-url URL]", fset)); !ok {
		return code
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(s.errOut, "ninebridges web: unexpected %q\n", fset.Arg(0))
		return 2
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintln(s.errOut, "ninebridges web:", err)
		return 2
	}
	if *addr == "" {
		*addr = cfg.HTTPAddr
	}
	if *addr == "" {
		*addr = defaultWebAddr
	}
	log := newLogger(s.errOut, cfg.LogFormat)
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(s.errOut, err)
		return 1
	}
	h, err := withSite(bot.HTTPHandler(bot.NewMetrics()), b, cfg, newLateMatcher(b), log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	stop, bound, err := listenOn("--addr", *addr, h, log, "serving the site")
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	defer stop()
	fmt.Fprintf(s.out, "Nine Bridges on the web: %s/ (Ctrl-C stops)\n", siteURL(bound))
	<-ctx.Done()
	return 0
}

// withSite serves the site beside h's /healthz and /metrics, on the same
// address: the site's pages and API, the bot's health and metrics.
func withSite(h http.Handler, b *facts.Base, cfg Config, m answer.Retriever, log *slog.Logger) (http.Handler, error) {
	wc := web.Config{Base: b, Matcher: m, PublicURL: cfg.PublicURL, Logger: log}
	if cfg.ClientIPHeader != "" {
		wc.ClientIP = web.HeaderClientIP(cfg.ClientIPHeader)
	}
	site, err := web.New(wc)
	if err != nil {
		return nil, fmt.Errorf("the site: %w", err)
	}
	return web.Handler(site, h, "/healthz", "/metrics"), nil
}

// siteURL is an address to open in a browser: a wildcard host is this
// machine.
func siteURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(strings.Trim(host, "[]"), port)
}
