// Command fakediscord serves the project's fake Discord (REST and gateway)
// outside tests, on loopback, until interrupted: a container or a process
// under test can be pointed at it with NINEBRIDGES_DISCORD_URL. It prints
// the URL on its first line, and with -token the token it accepts.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/ninebridges/ninebridges/bot/discordtest"
)

// serving is a discordtest.TB for a program: errors are logged, a fatal
// one ends it, and cleanups run on the way out.
type serving struct{ cleanups []func() }

func (s *serving) Helper()                        {}
func (s *serving) Cleanup(f func())               { s.cleanups = append(s.cleanups, f) }
func (s *serving) Errorf(format string, a ...any) { log.Printf("fakediscord: "+format, a...) }
func (s *serving) Fatal(a ...any)                 { s.close(); log.Fatal(a...) }
func (s *serving) Fatalf(format string, a ...any) {
	s.close()
	log.Fatalf("fakediscord: "+format, a...)
}

func (s *serving) close() {
	for i := len(s.cleanups) - 1; i >= 0; i-- {
		s.cleanups[i]()
	}
	s.cleanups = nil
}

func main() {
	token := flag.String("token", "", "accept only this bot `token` (default: the fake's own)")
	flag.Parse()
	var opts []discordtest.Option
	if *token != "" {
		opts = append(opts, discordtest.WithToken(*token))
	}
	t := &serving{}
	srv := discordtest.NewServer(t, opts...)
	fmt.Println(srv.URL())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	t.close()
}
