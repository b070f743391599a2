package discordtest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// benchResponse is an answer like the bot's to /ask: an embed with a
// footer and two fields, and allowed_mentions, as discordgo sends it.
const benchResponse = `{"type":4,"data":{"tts":false,"content":"","components":null,"embeds":[{"title":"Russia's \"Snowflake\" hydrogen-powered Arctic station","description":"At the 2020 Arctic Consultation, Russia shared its plan to build \"Snowflake\" at a remote Arctic location as an Arctic Council project — an environment-friendly Arctic station run on hydrogen energy produced with solar and wind power.","color":18336,"footer":{"text":"arctic-snowflake-station"},"fields":[{"name":"Date","value":"19 November 2020","inline":true},{"name":"4th Korea-Russia Arctic Consultation Takes Place","value":"Ministry of Foreign Affairs of the Republic of Korea (press release) · November 2020\n“the Russian side shared its plan to construct at a remote Arctic location a “Snowflake,” an environment-friendly Arctic station that is operated by hydrogen energy produced with solar and wind power, as a project of the Arctic Council”"}]}],"allowed_mentions":{"parse":[],"replied_user":false}}}`

// cpuTime is the CPU time (user and system) the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkServerRoundTrip measures the fake alone, without discordgo:
// 32 interactions in flight, each dispatched on the gateway (to a client
// that only reads frames), answered with an embed through the callback
// route (over a client that keeps its connections) and waited for with
// WaitAcknowledged. cpu-µs/op is the CPU time of the whole process per
// interaction, which a loaded machine disturbs less than the wall clock.
func BenchmarkServerRoundTrip(b *testing.B) {
	srv := NewServer(b)
	ws, _, err := websocket.DefaultDialer.Dial(srv.GatewayURL()+"/?v=10&encoding=json", nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	if _, _, err := ws.ReadMessage(); err != nil { // HELLO
		b.Fatal(err)
	}
	identify := `{"op":2,"d":{"token":"Bot test-token","intents":` +
		strconv.FormatInt(int64(discordgo.IntentsAllWithoutPrivileged|discordgo.IntentMessageContent), 10) +
		`,"properties":{"os":"linux","browser":"discordtest","device":"discordtest"}}}`
	if err := ws.WriteMessage(websocket.TextMessage, []byte(identify)); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := srv.WaitReady(ctx); err != nil {
		b.Fatal(err)
	}
	go func() {
		for {
			if _, _, err := ws.ReadMessage(); err != nil {
				return
			}
		}
	}()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	defer client.CloseIdleConnections()
	body := []byte(benchResponse)

	const inFlight = 32
	sem := make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, start := cpuTime(), time.Now()
	for n := 0; n < b.N; n++ {
		sem <- struct{}{}
		wg.Add(1)
		i := srv.SendInteraction(srv.SlashCommand("ask", StringOption("question", "what is the snowflake arctic station")))
		go func() {
			defer func() { <-sem; wg.Done() }()
			req, _ := http.NewRequest("POST", srv.URL()+"/api/v10/interactions/"+i.ID+"/"+i.Token+"/callback", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("User-Agent", "DiscordBot (https://github.com/bwmarrin/discordgo, v0.29.0)")
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusNoContent {
				b.Errorf("callback: %s", resp.Status)
				return
			}
			if _, err := srv.WaitAcknowledged(ctx, i.ID); err != nil {
				b.Error(err)
			}
		}()
	}
	wg.Wait()
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "interactions/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
}

// BenchmarkSendInteraction is the fake's cost of recording an interaction
// (no session to dispatch it to).
func BenchmarkSendInteraction(b *testing.B) {
	srv := NewServer(b)
	b.ReportAllocs()
	for b.Loop() {
		srv.SendInteraction(srv.SlashCommand("ask", StringOption("question", "what is the snowflake arctic station")))
	}
}

// BenchmarkCallback is the fake's cost of answering an interaction
// callback (as a handler, without the network or a session to dispatch
// the message to).
func BenchmarkCallback(b *testing.B) {
	srv := NewServer(b)
	reqs := make([]*http.Request, b.N)
	for n := range reqs {
		i := srv.RecordInteraction(srv.SlashCommand("ask", StringOption("question", "what is the snowflake arctic station")))
		req := httptest.NewRequest("POST", "/api/v10/interactions/"+i.ID+"/"+i.Token+"/callback", strings.NewReader(benchResponse))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bot "+DefaultToken)
		reqs[n] = req
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		w := httptest.NewRecorder()
		srv.serveHTTP(w, reqs[n])
		if w.Code != http.StatusNoContent {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}
