package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
)

// BenchmarkHTTP compares the HTTP interactions endpoint answering /ask
// from the real base with a floor: a bare net/http handler that verifies
// the signature the same way and returns, canned, the very bytes the bot
// answers the same question with. Both are driven the same way, inFlight
// requests at a time over keep-alive connections on loopback.
func BenchmarkHTTP(b *testing.B) {
	srv := discordtest.NewServer(b)
	base, m := realBase(b)
	router, err := commands.New(commands.Config{Base: base, Matcher: m})
	if err != nil {
		b.Fatal(err)
	}
	out, err := NewRESTOut("test-token", srv.URL())
	if err != nil {
		b.Fatal(err)
	}
	questions := []string{"korea russia trade 2016", "what is the snowflake arctic station", "2017년 한러 인적교류", "товарооборот в 2015 году"}
	var bodies [][]byte
	canned := map[string][]byte{}
	for k, q := range questions {
		i := srv.SlashCommand("ask", discordtest.StringOption("question", q))
		i.ID, i.Token, i.AppID, i.Locale = strconv.Itoa(1000+k), "tok", srv.ApplicationID(), discordgo.EnglishUS
		i.Member = &discordgo.Member{User: &discordgo.User{ID: "42"}}
		body, err := json.Marshal(i)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, body)
		resp := router.Handle(context.Background(), i)
		_, data, err := out.Encode(resp)
		if err != nil {
			b.Fatal(err)
		}
		canned[i.ID] = data
	}
	key, _ := hex.DecodeString(srv.PublicKey())

	b.Run("ninebridges", func(b *testing.B) {
		h, err := NewHTTPInteractions(HTTPConfig{PublicKey: srv.PublicKey(), Handler: router, Out: out, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		driveHTTP(b, h, bodies)
	})
	b.Run("floor", func(b *testing.B) {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !discordgo.VerifyInteraction(r, ed25519.PublicKey(key)) {
				http.Error(w, "bad signature", http.StatusUnauthorized)
				return
			}
			var i struct{ ID string }
			body, _ := io.ReadAll(r.Body)
			json.Unmarshal(body, &i)
			w.Header().Set("Content-Type", "application/json")
			w.Write(canned[i.ID])
		})
		driveHTTP(b, h, bodies)
	})
}

func driveHTTP(b *testing.B, h http.Handler, bodies [][]byte) {
	ts := httptest.NewServer(h)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: inFlight, MaxConnsPerHost: inFlight}}
	type signed struct {
		body    []byte
		ts, sig string
	}
	now := strconv.FormatInt(time.Now().Unix(), 10)
	var reqs []signed
	for _, body := range bodies {
		reqs = append(reqs, signed{body, now, discordtest.Sign(now, body)})
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	sem := make(chan struct{}, inFlight)
	b.ResetTimer()
	start := time.Now()
	for n := 0; n < b.N; n++ {
		sem <- struct{}{}
		wg.Add(1)
		r := reqs[n%len(reqs)]
		go func() {
			defer func() { <-sem; wg.Done() }()
			t0 := time.Now()
			req, _ := http.NewRequest(http.MethodPost, ts.URL, bytes.NewReader(r.body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Signature-Timestamp", r.ts)
			req.Header.Set("X-Signature-Ed25519", r.sig)
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
			}
			d := time.Since(t0)
			mu.Lock()
			latencies = append(latencies, d)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(latencies)
	if len(latencies) == 0 {
		return
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "interactions/s")
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds()), "p99-µs")
}
