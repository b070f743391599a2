package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/store"
)

// startHTTPReplica runs "ninebridges serve-http" against the fake Discord
// and returns its interactions endpoint once it listens.
func startHTTPReplica(t *testing.T, srv *discordtest.Server, env map[string]string) string {
	t.Helper()
	addr := freeAddr(t)
	full := map[string]string{
		"DISCORD_TOKEN":                 "test-token",
		"NINEBRIDGES_DISCORD_URL":       srv.URL(),
		"NINEBRIDGES_PUBLIC_KEY":        srv.PublicKey(),
		"NINEBRIDGES_INTERACTIONS_ADDR": addr,
	}
	for k, v := range env {
		full[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve-http"}, strings.NewReader(""), &syncBuffer{}, logs, func(k string) string { return full[k] })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve-http exited %d:\n%s", code, logs.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("serve-http did not stop")
		}
	})
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), "taking HTTP interactions"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve-http never listened:\n%s", logs.String())
		}
	}
	return "http://" + addr + "/interactions"
}

// Two replicas answer signed interactions over HTTP, no gateway in sight,
// and post a due reminder once between them.
func TestServeHTTPReplicas(t *testing.T) {
	srv := discordtest.NewServer(t)
	dir := t.TempDir()
	// A subscription due now: midnight UTC has passed today, and a quiet
	// day still gets the next event.
	cfg, err := loadConfig(func(k string) string { return map[string]string{"NINEBRIDGES_DATA_DIR": dir}[k] })
	if err != nil {
		t.Fatal(err)
	}
	st, err := openStore(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSubscription(t.Context(), store.Subscription{GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID,
		TimeZone: "UTC", Lang: "en", Kinds: []store.Kind{store.KindOnThisDay}, NextIfEmpty: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	env := map[string]string{"NINEBRIDGES_DATA_DIR": dir}
	a := startHTTPReplica(t, srv, env)
	b := startHTTPReplica(t, srv, env)
	for k, endpoint := range []string{a, b, a} {
		res, err := srv.PostInteraction(ctxT(t), endpoint, srv.SlashCommand("ask", discordtest.StringOption("question", "korea russia trade 2016")))
		if err != nil || res.Status != 200 || res.CallbackStatus/100 != 2 || !strings.Contains(string(res.Body), "13.4") {
			t.Fatalf("replica %d: %v %d %s", k, err, res.Status, res.Body)
		}
	}
	if _, err := srv.WaitMessages(ctxT(t), discordtest.DefaultChannelID, 1); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // room for a second post, were there one
	var posts int
	for _, m := range srv.Messages(discordtest.DefaultChannelID) {
		if m.Type == discordgo.MessageTypeDefault {
			posts++
		}
	}
	if posts != 1 {
		t.Errorf("%d posts from two replicas, want 1", posts)
	}
	if srv.Identifies() != 0 {
		t.Errorf("an HTTP replica opened a gateway session")
	}
}

// register replaces the commands once; serve-http does not, unless asked.
func TestRegister(t *testing.T) {
	srv := discordtest.NewServer(t)
	startHTTPReplica(t, srv, map[string]string{"NINEBRIDGES_DATA_DIR": t.TempDir()})
	if n := len(srv.CallsMatching(discordtest.MatchRoute("PUT", "/applications/"))); n != 0 {
		t.Errorf("a replica registered the commands on its own (%d overwrites)", n)
	}
	out, errs, code := runEnv(t, map[string]string{"DISCORD_TOKEN": "test-token", "NINEBRIDGES_DISCORD_URL": srv.URL()}, "register", "--guild", discordtest.DefaultGuildID)
	if code != 0 || !strings.Contains(out, "registered 11 commands in guild") {
		t.Fatalf("register: exit %d, %q %q", code, out, errs)
	}
	var names []string
	for _, c := range srv.Commands(discordtest.DefaultGuildID) {
		names = append(names, c.Name)
	}
	data, _ := json.Marshal(names)
	if !strings.Contains(string(data), `"reminders"`) || !strings.Contains(string(data), `"ask"`) {
		t.Errorf("registered %s", data)
	}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}
