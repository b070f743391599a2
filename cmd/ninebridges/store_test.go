package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/store/open"
)

// startBot runs "ninebridges run" against a fake Discord with its data in
// dir, and waits until it has registered its commands.
func startBot(t *testing.T, dir string) (srv *discordtest.Server, addr string, logs *syncBuffer) {
	t.Helper()
	srv = discordtest.NewServer(t)
	addr = freeAddr(t)
	env := map[string]string{
		"DISCORD_TOKEN":           "test-token",
		"NINEBRIDGES_DISCORD_URL": srv.URL(),
		"NINEBRIDGES_HTTP_ADDR":   addr,
		"NINEBRIDGES_DATA_DIR":    dir,
	}
	ctx, cancel := context.WithCancel(context.Background())
	logs = &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, nil, strings.NewReader(""), &syncBuffer{}, logs, func(k string) string { return env[k] })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			t.Error("no graceful shutdown")
		}
	})
	wait, stop := context.WithTimeout(context.Background(), 20*time.Second)
	defer stop()
	if _, err := srv.WaitCall(wait, discordtest.MatchOK(discordtest.MatchRoute("PUT", "/applications/"))); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, logs.String())
	}
	return srv, addr, logs
}

// replyTo sends an interaction and returns the content of its reply:
// the response, or, when the bot deferred it (the first question can wait
// for the matcher's index, and -race slows everything), the edit that
// followed.
func replyTo(t *testing.T, srv *discordtest.Server, i *discordgo.Interaction) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rec, err := srv.WaitAcknowledged(ctx, srv.SendInteraction(i).ID)
	if err != nil {
		t.Fatalf("%s not answered: %v", i.Data.(discordgo.ApplicationCommandInteractionData).Name, err)
	}
	body := []byte(rec.Response)
	var resp struct {
		Type discordgo.InteractionResponseType
		Data *struct {
			Content string
			Embeds  []*discordgo.MessageEmbed
		}
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatalf("reply %s: %v", body, err)
	}
	if resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
		edit, err := srv.WaitCall(ctx, discordtest.MatchOK(discordtest.MatchRoute("PATCH", "/webhooks/"+i.AppID+"/"+i.Token+"/")))
		if err != nil {
			t.Fatalf("deferred, never edited: %v", err)
		}
		body = edit.Body
		if payload, _, err := edit.Multipart(); err == nil && payload != nil {
			body = payload
		}
		var data struct {
			Content string
			Embeds  []*discordgo.MessageEmbed
		}
		if err := json.Unmarshal(body, &data); err != nil {
			t.Fatal(err)
		}
		resp.Data = &data
	}
	if resp.Data == nil {
		t.Fatalf("reply %s has no data", body)
	}
	all := []string{resp.Data.Content}
	for _, e := range resp.Data.Embeds {
		all = append(all, e.Title, e.Description)
	}
	return strings.Join(all, "\n")
}

// manage makes an interaction come from a server manager.
func manage(i *discordgo.Interaction) *discordgo.Interaction {
	i.Member = &discordgo.Member{User: &discordgo.User{ID: "42", Username: "mina"}, Permissions: discordgo.PermissionManageGuild}
	return i
}

func healthz(t *testing.T, addr string) (int, map[string]string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// A corrupt store at start takes scheduled posts down, not the bot:
// questions are answered, /reminders says settings cannot be saved, and
// /healthz and the log say why.
func TestCorruptStoreAtStartKeepsAnswering(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, open.SQLiteFile), []byte(strings.Repeat("not a database ", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, addr, logs := startBot(t, dir)
	if got := replyTo(t, srv, srv.SlashCommand("ask", discordtest.StringOption("question", "korea russia trade 2016"))); !strings.Contains(got, "13.4") {
		t.Errorf("/ask: %q", got)
	}
	if got := replyTo(t, srv, manage(srv.SlashCommand("reminders", &discordgo.ApplicationCommandInteractionDataOption{
		Name: "list", Type: discordgo.ApplicationCommandOptionSubCommand}))); !strings.Contains(got, "cannot save settings right now") {
		t.Errorf("/reminders list: %q", got)
	}
	code, body := healthz(t, addr)
	if code != http.StatusServiceUnavailable || !strings.Contains(body["store"], "store unavailable since start") {
		t.Errorf("/healthz = %d %v", code, body)
	}
	if !strings.Contains(logs.String(), "scheduled posts are off") || !strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("the log does not say why:\n%s", logs.String())
	}
}

// A store file deleted under the running bot fails /healthz with a fixed
// reason, which names neither the file nor the directory, and /reminders
// subscribe does not say "Done".
func TestDeletedStoreShows(t *testing.T) {
	dir := t.TempDir()
	srv, addr, _ := startBot(t, dir)
	if code, body := healthz(t, addr); code != http.StatusOK {
		t.Fatalf("healthy bot: /healthz = %d %v", code, body)
	}
	path := filepath.Join(dir, open.SQLiteFile)
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(f)
	}
	code, body := healthz(t, addr)
	if code != http.StatusServiceUnavailable || body["store"] != "database file missing" {
		t.Errorf("/healthz = %d %v, want 503 with store: database file missing", code, body)
	}
	for _, v := range body {
		if strings.Contains(v, dir) {
			t.Errorf("/healthz shows the path: %v", body)
		}
	}
	if got := replyTo(t, srv, manage(srv.SlashCommand("reminders", &discordgo.ApplicationCommandInteractionDataOption{
		Name: "subscribe", Type: discordgo.ApplicationCommandOptionSubCommand}))); !strings.Contains(got, "cannot save settings right now") {
		t.Errorf("/reminders subscribe: %q", got)
	}
}
