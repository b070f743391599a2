package main

import (
	"os"
	"strings"
	"testing"
)

// Every facts subcommand is in the README's command line.
func TestReadmeFactsSubcommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range factsSubcommands {
		if c == "check" || c == "list" || c == "show" || c == "docs" {
			continue // on one line: facts check|list|show|docs
		}
		if !strings.Contains(string(readme), "ninebridges facts "+c+" ") {
			t.Errorf("README.md does not list %q", "ninebridges facts "+c)
		}
	}
}
