package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ninebridges/ninebridges/bot/discordtest"
)

// syncBuffer is written by the bot's logger while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// With a token, plain "ninebridges" is the bot: it connects to whatever
// NINEBRIDGES_DISCORD_URL names, registers its commands, and stops cleanly
// when told to, without ever printing the token.
func TestTokenRunsTheBot(t *testing.T) {
	const secret = "secret-token-value"
	srv := discordtest.NewServer(t, discordtest.WithToken(secret))
	addr := freeAddr(t)
	env := map[string]string{
		"DISCORD_TOKEN":           secret,
		"NINEBRIDGES_DISCORD_URL": srv.URL(),
		"NINEBRIDGES_LOG_FORMAT":  "json",
		"NINEBRIDGES_HTTP_ADDR":   addr,
		"NINEBRIDGES_DATA_DIR":    t.TempDir(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, nil, strings.NewReader(""), &stdout, &stderr, func(k string) string { return env[k] })
	}()
	wait, stop := context.WithTimeout(context.Background(), 20*time.Second)
	defer stop()
	if _, err := srv.WaitCall(wait, discordtest.MatchOK(discordtest.MatchRoute("PUT", "/applications/"))); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, stderr.String())
	}
	i := srv.SendInteraction(srv.SlashCommand("about"))
	if _, err := srv.WaitAcknowledged(wait, i.ID); err != nil {
		t.Fatalf("/about not answered: %v", err)
	}
	q := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", "korea russia trade 2016")))
	if _, err := srv.WaitAcknowledged(wait, q.ID); err != nil {
		t.Fatalf("/ask not answered: %v", err)
	}

	// The health check a container runs, and the metrics an operator reads.
	var hout, herr bytes.Buffer
	if code := run(context.Background(), []string{"healthcheck"}, nil, &hout, &herr, func(k string) string { return env[k] }); code != 0 {
		t.Errorf("healthcheck: exit %d, %s %s", code, hout.String(), herr.String())
	}
	// An interaction is counted just after its answer is sent, so the
	// count may trail the acknowledgement by a moment.
	wantMetrics := []string{
		`ninebridges_interactions_total{command="about",outcome="ok"} 1`,
		`ninebridges_interactions_total{command="ask",outcome="ok"} 1`,
		`ninebridges_questions_total{result="answered"} 1`,
		`ninebridges_gateway_connected 1`,
		`ninebridges_interaction_seconds_bucket`,
	}
	var missing []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		metrics := get(t, "http://"+addr+"/metrics")
		missing = missing[:0]
		for _, want := range wantMetrics {
			if !strings.Contains(metrics, want) {
				missing = append(missing, want)
			}
		}
		if len(missing) == 0 || time.Now().After(deadline) {
			break
		}
	}
	for _, m := range missing {
		t.Errorf("/metrics lacks %q", m)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit code %d after shutdown\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no graceful shutdown")
	}
	logs := stderr.String() + stdout.String()
	if strings.Contains(logs, secret) {
		t.Error("the token appears in the output")
	}
	if !strings.Contains(logs, `"msg":"commands registered"`) {
		t.Errorf("JSON logs expected:\n%s", logs)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

func TestRunWithoutTokenFails(t *testing.T) {
	_, errs, code := runCLI(t, "", "run")
	if code != 1 || !strings.Contains(errs, "DISCORD_TOKEN") {
		t.Errorf("code %d, %q", code, errs)
	}
}
