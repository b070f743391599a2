package main

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/ninebridges/ninebridges"

// deps is every package pkg imports, directly or through the module's own
// packages (tests aside).
func deps(t *testing.T, pkg string, seen map[string]bool) map[string]bool {
	t.Helper()
	if seen == nil {
		seen = map[string]bool{}
	}
	dir := filepath.Join("..", "..", strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/"))
	p, err := build.ImportDir(dir, 0)
	if err != nil {
		t.Fatalf("%s: %v", pkg, err)
	}
	for _, imp := range p.Imports {
		if seen[imp] {
			continue
		}
		seen[imp] = true
		if strings.HasPrefix(imp, module) {
			deps(t, imp, seen)
		}
	}
	return seen
}

// Imports point one way: cmd → bot → commands and reminders → facts and
// store, and cmd → web → facts. facts knows nothing of Discord, and
// neither commands nor reminders knows the bot.
func TestImportsPointOneWay(t *testing.T) {
	forbidden := map[string][]string{
		"facts":     {"commands", "reminders", "bot", "store", "github.com/bwmarrin/discordgo"},
		"store":     {"facts", "commands", "reminders", "bot", "github.com/bwmarrin/discordgo"},
		"commands":  {"reminders", "bot", "store"},
		"reminders": {"bot"},
		"bot":       {"reminders", "store"},
		// The site reads the base and answers as /ask does; it knows
		// nothing of Discord, the bot or the reminder store.
		"web": {"bot", "cmd", "commands", "reminders", "store", "github.com/bwmarrin/discordgo"},
	}
	for pkg, bad := range forbidden {
		all := deps(t, module+"/"+pkg, nil)
		// and the packages under it: facts/match, store/sqlite…
		for _, sub := range []string{"match", "answer", "chart", "sqlite", "postgres", "open"} {
			if _, err := build.ImportDir(filepath.Join("..", "..", pkg, sub), 0); err == nil {
				for d := range deps(t, module+"/"+pkg+"/"+sub, nil) {
					all[d] = true
				}
			}
		}
		for _, b := range bad {
			full := b
			if !strings.Contains(b, ".") {
				full = module + "/" + b
			}
			for d := range all {
				if d == full || strings.HasPrefix(d, full+"/") {
					t.Errorf("%s imports %s", pkg, d)
				}
			}
		}
	}
}
