package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ninebridges/ninebridges/bot/discordtest"
)

// BenchmarkProcess runs the real binary against the fake Discord: start-up
// is from exec to the command overwrite arriving, and memory is the
// process's resident set (VmRSS) once it is serving: at start, once the
// matcher's index is built, and after answering a few questions.
func BenchmarkProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "ninebridges")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	var startup, rssStart, rss float64
	for b.Loop() {
		srv := discordtest.NewServer(b)
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "DISCORD_TOKEN=test-token", "NINEBRIDGES_DISCORD_URL="+srv.URL(), "NINEBRIDGES_DATA_DIR="+b.TempDir())
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		c, err := srv.WaitCall(ctx, discordtest.MatchOK(discordtest.MatchRoute("PUT", "/applications/")))
		cancel()
		if err != nil {
			cmd.Process.Kill()
			b.Fatal(err)
		}
		startup += float64(c.At.Sub(start).Milliseconds())
		// The matcher's index is built in the background (about 0.2 s);
		// memory at start is read when it is surely done.
		time.Sleep(time.Second)
		rssStart += vmRSS(b, cmd.Process.Pid)
		// Serve a few questions before reading memory, as in real use.
		for _, q := range []string{"korea russia trade 2016", "스노우플레이크", "товарооборот 2017"} {
			i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", q)))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			srv.WaitAcknowledged(ctx, i.ID)
			cancel()
		}
		rss += vmRSS(b, cmd.Process.Pid)
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		srv.Close()
	}
	b.ReportMetric(startup/float64(b.N), "startup-ms")
	b.ReportMetric(rssStart/float64(b.N), "rss-start-MiB")
	b.ReportMetric(rss/float64(b.N), "rss-MiB")
}

func vmRSS(b *testing.B, pid int) float64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}
