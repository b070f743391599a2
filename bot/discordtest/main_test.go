package discordtest

import (
	"flag"
	"os"
	"testing"
)

// TestMain raises the default test parallelism: these tests are dominated
// by discordgo's Session.Close, which sleeps one second, not by CPU, so
// running more of them at once than GOMAXPROCS keeps the package fast on
// small machines. An explicit -test.parallel wins.
func TestMain(m *testing.M) {
	flag.Parse()
	explicit := false
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "test.parallel" {
			explicit = true
		}
	})
	if !explicit {
		_ = flag.Set("test.parallel", "16")
	}
	os.Exit(m.Run())
}
