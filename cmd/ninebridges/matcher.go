package main

import (
	"runtime/debug"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// lateMatcher builds the matcher's index in the background: start-up goes
// on to connect and register the commands, which need the base but not the
// index, and the first question waits for it only if it comes sooner.
// Building the index is most of start-up (about 200 ms of the embedded
// base on the 2-core machine).
type lateMatcher struct {
	ready chan struct{}
	m     *match.Matcher
}

func newLateMatcher(b *facts.Base) *lateMatcher {
	l := &lateMatcher{ready: make(chan struct{})}
	go func() {
		l.m = match.New(b)
		close(l.ready)
		// Building the index and checking the base leave several times
		// the index's size in garbage; the bot will not need that memory
		// again, so it goes back to the system now rather than sit in
		// the resident set.
		debug.FreeOSMemory()
	}()
	return l
}

func (l *lateMatcher) get() *match.Matcher { <-l.ready; return l.m }

func (l *lateMatcher) Answer(q string, lang facts.Lang) match.Result { return l.get().Answer(q, lang) }
func (l *lateMatcher) NamesOtherCountry(q string) bool               { return l.get().NamesOtherCountry(q) }
func (l *lateMatcher) Unknown(q string) []string                     { return l.get().Unknown(q) }
func (l *lateMatcher) Ordinals(f *facts.Fact) []int                  { return l.get().Ordinals(f) }
func (l *lateMatcher) Complete(input string, lang facts.Lang, limit int) []match.Completion {
	return l.get().Complete(input, lang, limit)
}
