package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// serveHTTP serves /healthz, /metrics and the site (see withSite) on addr
// until the returned stop function is called.
func serveHTTP(addr string, h http.Handler, log *slog.Logger) (stop func(), err error) {
	return listen("NINEBRIDGES_HTTP_ADDR", addr, h, log, "serving the site, /healthz and /metrics")
}

// listen serves h on addr (named by setting, for errors) until the
// returned stop function is called; stop waits up to 5 s for requests in
// flight.
func listen(setting, addr string, h http.Handler, log *slog.Logger, what string) (stop func(), err error) {
	stop, _, err = listenOn(setting, addr, h, log, what)
	return stop, err
}

// listenOn is listen that also says the address it took (a port of 0
// picks a free one).
func listenOn(setting, addr string, h http.Handler, log *slog.Logger, what string) (stop func(), bound net.Addr, err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %q: %w", setting, addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("server stopped", "what", what, "err", err)
		}
	}()
	log.Info(what, "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, ln.Addr(), nil
}

// cmdHealthcheck asks a running bot's /healthz, for a container
// HEALTHCHECK that needs no shell or curl: exit 0 when healthy.
func cmdHealthcheck(_ context.Context, cfg Config, args []string, s stdio) int {
	stdout, stderr := s.out, s.errOut
	fset := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	cfg.bind(fset, "http-addr")
	fset.StringVar(&cfg.HTTPAddr, "addr", cfg.HTTPAddr, "the same as --http-addr")
	if code, ok := parseFlags(fset, args, s, flagsHelp("healthcheck [--http-addr ADDR]", fset)); !ok {
		return code
	}
	if cfg.HTTPAddr == "" {
		fmt.Fprintln(stderr, "ninebridges healthcheck: set NINEBRIDGES_HTTP_ADDR or pass --http-addr")
		return 2
	}
	host := cfg.HTTPAddr
	if strings.HasPrefix(host, ":") {
		host = "127.0.0.1" + host
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + host + "/healthz")
	if err != nil {
		fmt.Fprintf(stderr, "unhealthy: %v\n", err)
		return 1
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	fmt.Fprintf(stdout, "%s %s", resp.Status, body)
	if resp.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}
