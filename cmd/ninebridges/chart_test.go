package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/facts/chart"
)

func decodePNG(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got := img.Bounds().Size(); got != (image.Point{chart.Width, chart.Height}) {
		t.Fatalf("size %v, want %dx%d", got, chart.Width, chart.Height)
	}
	// Not blank: a fair share of the pixels are not white.
	inked := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0xe000 {
				inked++
			}
		}
	}
	if total := b.Dx() * b.Dy() / 4; inked < total/25 {
		t.Errorf("%d of %d sampled pixels inked: the chart looks blank", inked, total)
	}
	return img
}

func TestChartCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"trade.png", []string{"trade"}},
		{"trade-ko.png", []string{"trade", "--lang", "ko", "--year", "2017"}},
		{"exchanges-ru.png", []string{"--lang", "ru", "exchanges"}},
		{"tourists.png", []string{"tourists", "--year", "1990"}},
	} {
		out := filepath.Join(dir, tt.name)
		args := append(append([]string{"chart"}, tt.args...), "-o", out)
		stdout, stderr, code := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: code %d, %s", args, code, stderr)
		}
		if !strings.Contains(stdout, "wrote "+out) {
			t.Errorf("%v said %q", args, stdout)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		decodePNG(t, data)
	}
}

func TestChartCommandStdoutAndRun(t *testing.T) {
	// Through the top-level dispatcher, writing the PNG to stdout.
	stdout, stderr, code := runCLI(t, "", "chart", "exchanges", "--lang", "ko", "-o", "-")
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	decodePNG(t, []byte(stdout))

	out, _, _ := runCLI(t, "", "help")
	if !strings.Contains(out, "ninebridges chart trade|exchanges") {
		t.Errorf("help does not mention chart:\n%s", out)
	}
}

func TestChartCommandErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "usage: ninebridges chart"},
		{[]string{"trade"}, 2, "-o FILE.png is required"},
		{[]string{"trade", "exchanges", "-o", "x.png"}, 2, "usage"},
		{[]string{"trade", "--lang", "fr", "-o", "x.png"}, 2, "unknown language"},
		{[]string{"weather", "-o", "x.png"}, 1, "no series \"weather\""},
		{[]string{"trade", "--year", "2001", "-o", "x.png"}, 1, "has no figure for 2001: it has 1990, 2015"},
		{[]string{"trade", "-o", filepath.Join(dir, "missing", "x.png")}, 1, "no such file"},
	} {
		_, stderr, code := runCLI(t, "", append([]string{"chart"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("chart %v: code %d, stderr %q; want code %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}
