package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/ninebridges/ninebridges/facts"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// fixture is a frozen copy of part of the fact base (testdata/base), so the
// golden images do not change when curators edit the real one.
func fixture(t testing.TB) *facts.Base {
	t.Helper()
	b, err := facts.LoadDir("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func series(t testing.TB, b *facts.Base, id string) *facts.Series {
	t.Helper()
	s, ok := b.Series(id)
	if !ok || len(s.Points) == 0 {
		t.Fatalf("no series %s", id)
	}
	return s
}

func render(t testing.TB, s *facts.Series, b *facts.Base, lang facts.Lang, opts Options) *image.RGBA {
	t.Helper()
	data, err := Render(s, b, lang, opts)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, data)
}

func decode(t testing.TB, data []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	return rgba
}

// ink counts the pixels in r that are not (nearly) white.
func ink(img *image.RGBA, r image.Rectangle) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			if int(row[i])+int(row[i+1])+int(row[i+2]) < 3*235 {
				n++
			}
		}
	}
	return n
}

// near counts the pixels within tol of c in every channel.
func near(img *image.RGBA, c color.RGBA, tol int) int {
	n := 0
	p := img.Pix
	for i := 0; i+3 < len(p); i += 4 {
		if absInt(int(p[i])-int(c.R)) <= tol && absInt(int(p[i+1])-int(c.G)) <= tol && absInt(int(p[i+2])-int(c.B)) <= tol {
			n++
		}
	}
	return n
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func colours(img *image.RGBA) int {
	seen := map[[4]byte]bool{}
	p := img.Pix
	for i := 0; i+3 < len(p); i += 4 {
		seen[[4]byte(p[i:i+4])] = true
	}
	return len(seen)
}

// TestRender draws the /trade and /exchanges charts, and the other series,
// in every language from the embedded base, and checks each is a PNG of the
// promised size with a real drawing on it.
func TestRender(t *testing.T) {
	b, err := facts.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range b.AllSeries() {
		if len(s.Points) == 0 {
			continue
		}
		for _, lang := range facts.Langs {
			t.Run(s.ID+"/"+string(lang), func(t *testing.T) {
				img := render(t, s, b, lang, Options{})
				if got := img.Bounds().Size(); got != (image.Point{Width, Height}) {
					t.Fatalf("size %v, want %dx%d", got, Width, Height)
				}
				all := Width * Height
				if n := ink(img, img.Bounds()); n < all/25 || n > all/2 {
					t.Errorf("%d of %d pixels have ink; want a chart, not a blank or a smear", n, all)
				}
				if n := colours(img); n < 50 {
					t.Errorf("only %d distinct colours", n)
				}
				// Full figures are solid, partial and approximate ones pale.
				if n := near(img, colBar, 0) + near(img, tint(colBar, 0.68), 0); n < 2000 {
					t.Errorf("only %d pixels in the bar colours", n)
				}
				if n := near(img, colHighlight, 0); n != 0 {
					t.Errorf("%d pixels in the highlight colour with nothing highlighted", n)
				}
				// Title and footer both carry text.
				if n := ink(img, image.Rect(0, 0, Width, 70)); n < 300 {
					t.Errorf("title region has %d inked pixels", n)
				}
				if n := ink(img, image.Rect(0, Height-40, Width, Height)); n < 300 {
					t.Errorf("sources line has %d inked pixels", n)
				}
			})
		}
	}
}

// TestHighlight checks that the highlighted year's bar, and only it, is
// drawn in the highlight colour.
func TestHighlight(t *testing.T) {
	b := fixture(t)
	s := series(t, b, "trade-volume")
	plain := render(t, s, b, facts.EN, Options{})
	for _, year := range []int{1990, 2017, 2019} {
		img := render(t, s, b, facts.KO, Options{HighlightYear: year})
		n := near(img, colHighlight, 0)
		if n < 500 {
			t.Errorf("%d: %d pixels in the highlight colour", year, n)
		}
		if m := near(img, colBar, 0); m >= near(plain, colBar, 0) {
			t.Errorf("%d: the bar colour did not give way to the highlight", year)
		}
	}
	// The 2019 bar is the tallest: more orange than for 1990.
	a := near(render(t, s, b, facts.EN, Options{HighlightYear: 2019}), colHighlight, 0)
	c := near(render(t, s, b, facts.EN, Options{HighlightYear: 1990}), colHighlight, 0)
	if a <= 10*c {
		t.Errorf("2019 highlighted has %d orange pixels, 1990 %d: not the right bar", a, c)
	}
	// A year the series lacks highlights nothing.
	if n := near(render(t, s, b, facts.EN, Options{HighlightYear: 2000}), colHighlight, 0); n != 0 {
		t.Errorf("a missing year highlighted %d pixels", n)
	}
}

// TestHangulGlyphs makes sure Korean text is drawn with real glyphs, not
// tofu: every rune of the Korean texts is in the font, the title has ink,
// two different Hangul titles of the same length draw differently (tofu
// boxes would be identical), and both differ from a title the font lacks.
func TestHangulGlyphs(t *testing.T) {
	b := fixture(t)
	s := *series(t, b, "trade-volume")
	titleBox := image.Rect(0, 0, Width/2, 70)
	drawTitle := func(title string) *image.RGBA {
		s := s
		s.Title.KO = title
		return render(t, &s, b, facts.KO, Options{})
	}
	crop := func(img *image.RGBA) []byte {
		var out []byte
		for y := titleBox.Min.Y; y < titleBox.Max.Y; y++ {
			i := img.PixOffset(titleBox.Min.X, y)
			out = append(out, img.Pix[i:i+4*titleBox.Dx()]...)
		}
		return out
	}
	a, c := drawTitle("교역액통계"), drawTitle("인적교류수")
	missing := drawTitle("一二三四五") // Han: not in the subset, so .notdef boxes
	if n := ink(a, titleBox); n < 400 {
		t.Fatalf("Korean title has %d inked pixels", n)
	}
	if bytes.Equal(crop(a), crop(c)) {
		t.Error("two different Hangul titles drew the same pixels: glyphs are boxes")
	}
	if bytes.Equal(crop(a), crop(missing)) {
		t.Error("a Hangul title drew like characters the font lacks")
	}
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, r := range "교역액통계인적교류수" {
		if i, err := fs.regular.GlyphIndex(&buf, r); err != nil || i == 0 {
			t.Errorf("%q is not in the font", r)
		}
	}
	if i, _ := fs.regular.GlyphIndex(&buf, '一'); i != 0 {
		t.Error("the check above is void: the font has Han after all")
	}
}

// chartTexts lists every text a chart of s can draw.
func chartTexts(s *facts.Series, b *facts.Base, lang facts.Lang) []string {
	r := &renderer{fonts: fonts, w: wordsFor(lang), lang: lang}
	out := []string{s.Title.In(lang), scaleFor(s, lang).label, r.w.year, r.w.source, r.w.sources, "≈*0123456789−", r.w.decimal, r.w.group}
	for _, n := range r.notes(s, b) {
		out = append(out, n.lead, n.text)
	}
	return out
}

// TestFontCoversBase checks the bundled font subset has a glyph for every
// character that a chart of the embedded base draws, in every language.
func TestFontCoversBase(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	b, err := facts.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, s := range b.AllSeries() {
		for _, lang := range facts.Langs {
			for _, txt := range chartTexts(s, b, lang) {
				for _, r := range txt {
					if r == ' ' {
						continue
					}
					if i, err := fs.regular.GlyphIndex(&buf, r); err != nil || i == 0 {
						t.Errorf("%s/%s: %q (U+%04X) in %q is not in the bundled font; add it to fonts/subset.sh", s.ID, lang, r, r, txt)
					}
				}
			}
		}
	}
}

// TestTexts checks the words on the charts: values in the locale's number
// format with the marks, the unit, and the sources.
func TestTexts(t *testing.T) {
	b := fixture(t)
	tr := series(t, b, "trade-volume")
	for _, tt := range []struct {
		lang  facts.Lang
		unit  string
		value string // 2019
		small string // 1990
	}{
		{facts.EN, "US$ billion", "22.34", "0.89"},
		{facts.KO, "억 달러", "223.4", "8.89"},
		{facts.RU, "млрд долл. США", "22,34", "0,89"},
	} {
		sc := scaleFor(tr, tt.lang)
		w := wordsFor(tt.lang)
		if sc.label != tt.unit {
			t.Errorf("%s unit %q, want %q", tt.lang, sc.label, tt.unit)
		}
		if got := number(tr.Point(2019).Value.Amount/sc.div, w); got != tt.value {
			t.Errorf("%s 2019 %q, want %q", tt.lang, got, tt.value)
		}
		if got := number(tr.Point(1990).Value.Amount/sc.div, w); got != tt.small {
			t.Errorf("%s 1990 %q, want %q", tt.lang, got, tt.small)
		}
	}
	ex := series(t, b, "people-exchanges")
	for lang, want := range map[facts.Lang]string{facts.EN: "thousand people", facts.KO: "만 명", facts.RU: "тыс. человек"} {
		if got := scaleFor(ex, lang).label; got != want {
			t.Errorf("%s people unit %q, want %q", lang, got, want)
		}
	}
	if got := number(1250, wordsFor(facts.RU)); got != "1\u00a0250" {
		t.Errorf("ru grouping %q", got)
	}

	r := &renderer{fonts: mustFonts(t), w: wordsFor(facts.EN), lang: facts.EN}
	var lines []string
	for _, n := range r.notes(tr, b) {
		lines = append(lines, n.lead+" "+n.text)
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"* 2018: partial figure, as of September 2018", "Sources:", "Ministry of Foreign Affairs of the Republic of Korea (press release), 8 November 2018", "7 September 2020"} {
		if !strings.Contains(strings.ReplaceAll(all, "\n ", " "), want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	r.w = wordsFor(facts.KO)
	r.lang = facts.KO
	tour := series(t, b, "tourists")
	var ko []string
	for _, n := range r.notes(tour, b) {
		ko = append(ko, n.lead+" "+n.text)
	}
	if got := strings.Join(ko, "\n"); !strings.Contains(got, "≈ 근삿값") || !strings.Contains(got, "출처:") || !strings.Contains(got, "2020년 9월 7일") {
		t.Errorf("Korean notes for tourists:\n%s", got)
	}
	// A news byline is dropped: the chart names the outlet.
	exp := series(t, b, "exports-to-russia")
	if got := sources(exp, b, facts.EN); len(got) != 1 || got[0] != "Yonhap News Agency, 5 February 2020" {
		t.Errorf("exports sources %q", got)
	}
	// Each line fits the chart.
	for _, lang := range facts.Langs {
		r := &renderer{fonts: mustFonts(t), w: wordsFor(lang), lang: lang}
		body := r.style(noteSize, false, colMuted)
		for _, n := range r.notes(tr, b) {
			w := body.Width(n.text) + n.leadWidth
			if n.swatch {
				w += 34
			}
			if w > Width-2*margin {
				t.Errorf("%s: note %q is %v wide", lang, n.text, w)
			}
		}
	}
}

func mustFonts(t testing.TB) *fontSet {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestNiceTicks(t *testing.T) {
	w := wordsFor(facts.EN)
	for _, tt := range []struct {
		high           float64
		wantMax, steps float64
	}{
		{22.34 * 1.09, 25, 5},
		{223.4 * 1.09, 250, 50},
		{51 * 1.09, 60, 10},
		{770 * 1.09, 1000, 200},
		{7.6 * 1.09, 10, 2},
		{0.32, 0.35, 0.05},
	} {
		yt := niceTicks(0, tt.high, w)
		if yt.min != 0 || !approxEq(yt.max, tt.wantMax) || !approxEq(yt.step, tt.steps) {
			t.Errorf("niceTicks(0, %v) = %v..%v step %v, want 0..%v step %v", tt.high, yt.min, yt.max, yt.step, tt.wantMax, tt.steps)
		}
	}
}

func approxEq(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestErrors(t *testing.T) {
	if _, err := Render(nil, nil, facts.EN, Options{}); err == nil {
		t.Error("nil series rendered")
	}
	if _, err := Render(&facts.Series{ID: "empty"}, nil, facts.EN, Options{}); err == nil {
		t.Error("empty series rendered")
	}
	// Without a base the sources are named by document id.
	b := fixture(t)
	s := series(t, b, "people-exchanges")
	if got := sources(s, nil, facts.EN); len(got) != 1 || got[0] != "2018-11-08-mofa-kang-koslov-pohang" {
		t.Errorf("sources without a base: %q", got)
	}
	if _, err := Render(s, nil, facts.EN, Options{}); err != nil {
		t.Error(err)
	}
}

// TestConcurrent renders the same charts from many goroutines (run it with
// -race) and checks they come out identical to sequential renders.
func TestConcurrent(t *testing.T) {
	b := fixture(t)
	ids := []string{"trade-volume", "people-exchanges"}
	want := map[string][]byte{}
	for _, id := range ids {
		for _, l := range facts.Langs {
			data, err := Render(series(t, b, id), b, l, Options{HighlightYear: 2016})
			if err != nil {
				t.Fatal(err)
			}
			want[id+string(l)] = data
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 24)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, l := ids[i%2], facts.Langs[i%3]
			data, err := Render(series(t, b, id), b, l, Options{HighlightYear: 2016})
			if err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(data, want[id+string(l)]) {
				errs <- fmt.Errorf("%s/%s differs when rendered concurrently", id, l)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// goldens are the charts kept in testdata/ as references.
var goldens = []struct {
	file   string
	series string
	lang   facts.Lang
	year   int
}{
	{"trade-en.png", "trade-volume", facts.EN, 0},
	{"trade-ko-2017.png", "trade-volume", facts.KO, 2017},
	{"trade-ru.png", "trade-volume", facts.RU, 0},
	{"exchanges-ko.png", "people-exchanges", facts.KO, 0},
	{"exchanges-ru-2016.png", "people-exchanges", facts.RU, 2016},
	{"tourists-en.png", "tourists", facts.EN, 0},
}

// TestGolden compares charts of the frozen fixture base with the images in
// testdata/, allowing small per-pixel differences (antialiasing may vary
// with the platform's floating point). Run "go test ./facts/chart -update"
// after an intended change, and look at the new images.
func TestGolden(t *testing.T) {
	b := fixture(t)
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			data, err := Render(series(t, b, g.series), b, g.lang, Options{HighlightYear: g.year})
			if err != nil {
				t.Fatal(err)
			}
			got := decode(t, data)
			path := filepath.Join("testdata", g.file)
			if *update {
				var buf bytes.Buffer
				enc := png.Encoder{CompressionLevel: png.BestCompression}
				if err := enc.Encode(&buf, got); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantData, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			want := decode(t, wantData)
			if want.Bounds() != got.Bounds() {
				t.Fatalf("size %v, golden %v", got.Bounds(), want.Bounds())
			}
			const tol = 48 // per channel
			diff := image.NewRGBA(got.Bounds())
			bad := 0
			for i := 0; i < len(got.Pix); i += 4 {
				d := 0
				for k := range 3 {
					d = max(d, absInt(int(got.Pix[i+k])-int(want.Pix[i+k])))
				}
				if d > tol {
					bad++
					diff.Pix[i], diff.Pix[i+3] = 0xff, 0xff
				} else {
					diff.Pix[i], diff.Pix[i+1], diff.Pix[i+2], diff.Pix[i+3] = 0xff, 0xff, 0xff, 0xff
				}
			}
			// Renders are deterministic, so on one platform nothing
			// differs; the slack is for antialiasing elsewhere. One changed
			// letter of the title already makes about a hundred pixels,
			// a value 13.4 → 13.5 several hundred.
			if limit := 40; bad > limit {
				out := filepath.Join(os.TempDir(), "chart-"+g.file)
				os.WriteFile(strings.TrimSuffix(out, ".png")+"-got.png", data, 0o644)
				var buf bytes.Buffer
				png.Encode(&buf, diff)
				os.WriteFile(strings.TrimSuffix(out, ".png")+"-diff.png", buf.Bytes(), 0o644)
				t.Errorf("%d pixels differ from %s (limit %d); the chart and a diff are in %s", bad, path, limit, filepath.Dir(out))
			}
		})
	}
}

func BenchmarkRender(b *testing.B) {
	base := fixture(b)
	s := series(b, base, "trade-volume")
	if _, err := Render(s, base, facts.KO, Options{}); err != nil { // load the fonts
		b.Fatal(err)
	}
	for _, lang := range facts.Langs {
		b.Run(string(lang), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(s, base, lang, Options{HighlightYear: 2017}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := Render(s, base, facts.KO, Options{}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

// TestLongTitle checks a title too long for the chart is made smaller
// rather than cut off at the right edge.
func TestLongTitle(t *testing.T) {
	b := fixture(t)
	s := *series(t, b, "people-exchanges")
	s.Title.EN = strings.Repeat("People-to-people exchanges between Korea and Russia ", 3)
	img := render(t, &s, b, facts.EN, Options{})
	if n := ink(img, image.Rect(0, 0, Width, 70)); n < 1000 {
		t.Fatalf("title region has %d inked pixels", n)
	}
	if n := ink(img, image.Rect(Width-margin+2, 0, Width, 70)); n != 0 {
		t.Errorf("%d inked pixels in the right margin: the title runs off", n)
	}
}
