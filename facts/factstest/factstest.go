// Package factstest gives tests the embedded fact base and its matcher,
// loaded once per test binary: they are read-only, and loading them is most
// of a short test's time.
package factstest

import (
	"sync"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

var (
	once    sync.Once
	base    *facts.Base
	matcher *match.Matcher
	err     error
)

// Base returns the embedded base and a matcher over it.
func Base(t testing.TB) (*facts.Base, *match.Matcher) {
	t.Helper()
	once.Do(func() {
		base, err = facts.Embedded()
		if err == nil {
			matcher = match.New(base)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return base, matcher
}
