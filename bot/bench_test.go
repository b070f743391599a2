package bot

import (
	"context"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// inFlight is how many interactions the throughput benchmarks keep open.
const inFlight = 32

// benchQuestions are what the throughput benchmarks ask, in turn.
var benchQuestions = []string{"korea russia trade 2016", "what is the snowflake arctic station", "2017년 한러 인적교류", "товарооборот в 2015 году"}

// drive sends b.N /ask interactions, inFlight at a time, and reports
// interactions per second and the latency from dispatch to callback.
func drive(b *testing.B, srv *discordtest.Server) {
	questions := benchQuestions
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
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
		i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", questions[n%len(questions)])))
		go func() {
			defer func() { <-sem; wg.Done() }()
			rec, err := srv.WaitAcknowledged(ctx, i.ID)
			if err != nil {
				b.Error(err)
				return
			}
			mu.Lock()
			latencies = append(latencies, rec.AckedAt.Sub(rec.SentAt))
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

// BenchmarkInteractions is the real bot answering /ask through the fake
// Discord with the real base.
func BenchmarkInteractions(b *testing.B) {
	base, m := realBase(b)
	srv := discordtest.NewServer(b)
	router, err := commands.New(commands.Config{Base: base, Matcher: m})
	if err != nil {
		b.Fatal(err)
	}
	bt, err := New(Config{Token: "test-token", Handler: router, Commands: commands.Commands(base),
		DiscordURL: srv.URL(), ShardCount: 1, PerUser: 1e9, Burst: 1 << 20})
	if err != nil {
		b.Fatal(err)
	}
	if err := bt.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer bt.Close()
	drive(b, srv)
}

// BenchmarkFloor is a bare discordgo bot answering /ask, through the same
// fake, with the very response the bot gives the same question, computed
// beforehand: what the library and loopback allow.
func BenchmarkFloor(b *testing.B) {
	base, m := realBase(b)
	router, err := commands.New(commands.Config{Base: base, Matcher: m})
	if err != nil {
		b.Fatal(err)
	}
	canned := map[string]*discordgo.InteractionResponse{}
	for _, q := range benchQuestions {
		i := &discordgo.Interaction{ID: "1", Type: discordgo.InteractionApplicationCommand, Locale: discordgo.EnglishUS,
			Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", q)}}}
		resp := router.Handle(context.Background(), i)
		commands.ShapeResponse(resp)
		canned[q] = resp
	}
	srv := discordtest.NewServer(b)
	s := srv.NewSession(b)
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		q := ic.ApplicationCommandData().Options[0].StringValue()
		s.InteractionRespond(ic.Interaction, canned[q])
	})
	if err := s.Open(); err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	drive(b, srv)
}

// BenchmarkStartup measures what "ninebridges" does before it can answer:
// load and validate the embedded base, build the matcher and the router,
// connect and register the commands. It reports the Go heap in use after
// start-up as well.
func BenchmarkStartup(b *testing.B) {
	srv := discordtest.NewServer(b)
	var heap uint64
	for b.Loop() {
		base, err := facts.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		router, err := commands.New(commands.Config{Base: base, Matcher: match.New(base)})
		if err != nil {
			b.Fatal(err)
		}
		bt, err := New(Config{Token: "test-token", Handler: router, Commands: commands.Commands(base),
			DiscordURL: srv.URL(), ShardCount: 1, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		if err := bt.Start(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = ms.HeapInuse
		bt.s.Close() // not Close: it waits a second for nothing in flight
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
}
