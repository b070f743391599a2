package main

import (
	"bufio"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"
)

// terminal is the console's line editor on a real terminal: x/term's
// Terminal (arrows, Home/End, word moves, history on Up and Down) over
// stdin in raw mode, writing through it so lines end as a raw terminal
// needs.
type terminal struct {
	*term.Terminal
	width int
	color bool
}

// openTerminal returns a terminal when stdin and stdout both are one, and
// the function that gives the terminal back as it was; (nil, nil) for a
// pipe or a file.
func openTerminal(in io.Reader, out io.Writer, cfg Config) (*terminal, func()) {
	fin, ok1 := in.(*os.File)
	fout, ok2 := out.(*os.File)
	if !ok1 || !ok2 || !term.IsTerminal(int(fin.Fd())) || !term.IsTerminal(int(fout.Fd())) {
		return nil, nil
	}
	state, err := term.MakeRaw(int(fin.Fd()))
	if err != nil {
		return nil, nil
	}
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{fin, fout}, "> ")
	width, height, err := term.GetSize(int(fout.Fd()))
	if err != nil || width <= 0 {
		width, height = 80, 24
	}
	t.SetSize(width, height)
	if h := openHistory(cfg); h != nil {
		t.History = h
	}
	// NO_COLOR (https://no-color.org) turns colour off.
	return &terminal{Terminal: t, width: width, color: !cfg.noColor}, func() { term.Restore(int(fin.Fd()), state) }
}

// stateDir is where the console keeps its history and log:
// $XDG_STATE_HOME/ninebridges, else ~/.local/state/ninebridges; "" (keep
// nothing) with neither XDG_STATE_HOME nor HOME set.
func stateDir(cfg Config) string {
	if cfg.stateHome == "" {
		return ""
	}
	return filepath.Join(cfg.stateHome, "ninebridges")
}

// maxHistory bounds the history kept between sessions.
const maxHistory = 1000

// fileHistory is the console's history, read at start and appended to as
// lines are entered, so it survives the session (and a crash).
type fileHistory struct {
	lines []string // oldest first
	f     *os.File
}

func openHistory(cfg Config) *fileHistory {
	dir := stateDir(cfg)
	if dir == "" || os.MkdirAll(dir, 0o700) != nil {
		return nil
	}
	path := filepath.Join(dir, "history")
	h := &fileHistory{}
	if data, err := os.ReadFile(path); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				h.lines = append(h.lines, l)
			}
		}
		if len(h.lines) > maxHistory {
			h.lines = h.lines[len(h.lines)-maxHistory:]
			// Rewrite the file trimmed, so it does not grow forever.
			os.WriteFile(path, []byte(strings.Join(h.lines, "\n")+"\n"), 0o600)
		}
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err == nil {
		h.f = f
	}
	return h
}

func (h *fileHistory) Add(entry string) {
	if strings.TrimSpace(entry) == "" || (len(h.lines) > 0 && h.lines[len(h.lines)-1] == entry) {
		return
	}
	h.lines = append(h.lines, entry)
	if len(h.lines) > maxHistory {
		h.lines = h.lines[1:]
	}
	if h.f != nil {
		h.f.WriteString(entry + "\n")
	}
}

func (h *fileHistory) Len() int { return len(h.lines) }

func (h *fileHistory) At(i int) string { return h.lines[len(h.lines)-1-i] }

// consoleLogger writes the handlers' warnings to console.log in the state
// directory, and nowhere when there is none.
func consoleLogger(cfg Config) (*slog.Logger, func()) {
	dir := stateDir(cfg)
	if dir == "" || os.MkdirAll(dir, 0o700) != nil {
		return slog.New(slog.DiscardHandler), func() {}
	}
	f, err := os.OpenFile(filepath.Join(dir, "console.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return slog.New(slog.DiscardHandler), func() {}
	}
	w := bufio.NewWriter(f)
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn})), func() { w.Flush(); f.Close() }
}
