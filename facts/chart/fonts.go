package chart

import (
	"embed"
	"fmt"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
)

// The charts draw every language with one face, Noto Sans CJK KR, which
// covers Latin, Cyrillic and Hangul (gonum's Liberation fonts have no
// Hangul). See fonts/README.md for where the subsets come from.
//
//go:embed fonts/NotoSansCJKkr-Regular-subset.otf fonts/NotoSansCJKkr-Bold-subset.otf
var fontFiles embed.FS

// typeface names the bundled face in the font cache.
const typeface font.Typeface = "Noto Sans CJK KR"

// fontSet is the parsed bundled faces and a text handler that draws with
// them. It is built once and only read afterwards: gonum's font.Cache is
// safe for concurrent lookups, and the parsed sfnt fonts are safe for
// concurrent use because every draw makes its own face and buffer.
type fontSet struct {
	cache   *font.Cache
	handler text.Handler
	regular *opentype.Font
}

var (
	fontsOnce sync.Once
	fonts     *fontSet
	fontsErr  error
)

// loadFonts parses the embedded fonts the first time it is called. The
// charts never touch gonum's global font cache or plot.DefaultFont, so
// rendering does not depend on, or change, what other code registered.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		parse := func(name string) (*opentype.Font, error) {
			data, err := fontFiles.ReadFile("fonts/" + name)
			if err != nil {
				return nil, err
			}
			f, err := opentype.Parse(data)
			if err != nil {
				return nil, fmt.Errorf("chart: parsing font %s: %w", name, err)
			}
			return f, nil
		}
		regular, err := parse("NotoSansCJKkr-Regular-subset.otf")
		if err != nil {
			fontsErr = err
			return
		}
		bold, err := parse("NotoSansCJKkr-Bold-subset.otf")
		if err != nil {
			fontsErr = err
			return
		}
		cache := font.NewCache(font.Collection{
			{Font: font.Font{Typeface: typeface}, Face: regular},
			{Font: font.Font{Typeface: typeface, Weight: xfont.WeightBold}, Face: bold},
		})
		fonts = &fontSet{cache: cache, handler: text.Plain{Fonts: cache}, regular: regular}
	})
	return fonts, fontsErr
}
