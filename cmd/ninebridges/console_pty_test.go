package main

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/mattn/go-runewidth"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata/console")

// escapes are the terminal's control sequences: colours and the line
// editor's cursor moves.
var escapes = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// onATerminal runs the console on a pseudo-terminal of cols columns, types
// keys into it, and returns everything the terminal received.
func onATerminal(t *testing.T, cols int, env map[string]string, keys []string) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 60, Cols: uint16(cols)}); err != nil {
		t.Fatal(err)
	}
	screen := &syncBuffer{}
	copied := make(chan struct{})
	go func() {
		io.Copy(screen, ptmx) // until the terminal is closed
		close(copied)
	}()
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), nil, tty, tty, tty, func(k string) string { return env[k] })
	}()
	// A person types once the prompt is there: before, the terminal is
	// not yet raw and would echo the keys itself.
	prompts := func() int { return strings.Count(screen.String(), "> ") }
	for n, k := range keys {
		deadline := time.Now().Add(20 * time.Second)
		for prompts() <= n && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		ptmx.WriteString(k)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the console did not quit")
	}
	tty.Close()
	select {
	case <-copied:
	case <-time.After(5 * time.Second):
	}
	return screen.String()
}

// shown is what a person sees: escapes interpreted as nothing but style,
// carriage returns dropped.
func shown(raw string) string {
	s := escapes.ReplaceAllString(raw, "")
	return strings.ReplaceAll(s, "\r", "")
}

// The console on a real terminal, in each language, at 80 and 120
// columns: Markdown rendered, lines wrapped in screen cells, colour on,
// suggestions numbered once, Up recalling the last line, and the history
// kept for the next session.
func TestConsoleOnATerminal(t *testing.T) {
	questions := map[string][]string{
		"en": {"trade in 2031", "/timeline from:2018 topic:forum"},
		"ko": {"2031년 한러 교역액", "/timeline from:2018 topic:forum"},
		"ru": {"товарооборот в 2031 году", "/timeline from:2018 topic:forum"},
	}
	for _, lang := range []string{"en", "ko", "ru"} {
		for _, cols := range []int{80, 120} {
			t.Run(lang+"-"+itoa(cols), func(t *testing.T) {
				state := t.TempDir()
				env := map[string]string{"NINEBRIDGES_LANG": lang, "XDG_STATE_HOME": state}
				keys := []string{questions[lang][0] + "\r", "1\r", questions[lang][1] + "\r", "\x1b[A\r", "/quit\r"}
				raw := onATerminal(t, cols, env, keys)
				if !strings.Contains(raw, "\x1b[") {
					t.Error("no colour on a terminal")
				}
				got := shown(raw)
				for _, line := range strings.Split(got, "\n") {
					if w := runewidth.StringWidth(line); w > cols {
						t.Errorf("a line of %d cells on a terminal of %d: %q", w, cols, line)
					}
				}
				if !strings.Contains(got, "[1] ") || strings.Contains(got, "• ") {
					t.Errorf("suggestions should be numbered once, not listed too:\n%s", got)
				}
				if n := strings.Count(got, "2018"); n < 4 {
					t.Errorf("Up did not run the timeline again (%d mentions of 2018)", n)
				}
				if strings.Contains(got, "**") || strings.Contains(got, "level=") {
					t.Errorf("raw Markdown or a log line on the screen:\n%s", got)
				}
				history, err := os.ReadFile(filepath.Join(state, "ninebridges", "history"))
				if err != nil || !strings.Contains(string(history), questions[lang][1]) {
					t.Errorf("history not kept: %q, %v", history, err)
				}
				golden(t, filepath.Join("testdata", "console", lang+"-"+itoa(cols)+".golden"), got)
			})
		}
	}
}

// Without a terminal (a pipe), nothing is coloured or wrapped.
func TestConsoleInAPipeIsPlain(t *testing.T) {
	out, _, _ := runConsoleScript(t, "trade in 2031\n/quit\n", map[string]string{"NINEBRIDGES_LANG": "en"})
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour in a pipe:\n%q", out)
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run with -update and review the diff):\n%s", path, got)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
