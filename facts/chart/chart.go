// Package chart draws a fact-base series as a PNG bar chart with
// gonum.org/v1/plot: one bar per year, the value written on each bar,
// partial and approximate figures marked and explained, and the documents the
// figures come from named under the chart, all in the reader's language.
//
// It bundles a font that covers Latin, Cyrillic and Hangul, so charts in
// every language of the bot render without system fonts. Rendering is safe
// for concurrent use.
package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/ninebridges/ninebridges/facts"
)

// The size of every chart, in pixels.
const (
	Width  = 1000
	Height = 560
)

// Options changes how a chart is drawn.
type Options struct {
	// HighlightYear draws that year's bar in a distinct colour. Zero, or a
	// year the series has no figure for, highlights nothing.
	HighlightYear int
}

// The palette: a calm blue for the bars, orange for the highlighted year,
// and greys for text and rules.
var (
	colBar       = color.RGBA{0x3b, 0x6e, 0xb4, 0xff}
	colHighlight = color.RGBA{0xe8, 0x71, 0x2c, 0xff}
	colText      = color.RGBA{0x1d, 0x22, 0x29, 0xff}
	colMuted     = color.RGBA{0x59, 0x61, 0x6c, 0xff}
	colGrid      = color.RGBA{0xe4, 0xe7, 0xeb, 0xff}
	colBaseline  = color.RGBA{0x8c, 0x94, 0x9e, 0xff}
)

// Layout, in pixels (the canvas runs at 72 dpi, so one point is one pixel).
const (
	dpi         = 72
	margin      = 32   // left and right
	titleSize   = 28   // the series title
	tickSize    = 17   // year labels
	valueSize   = 18   // the figure on each bar
	axisSize    = 16   // axis titles and y tick labels
	noteSize    = 15   // footnotes and sources
	noteLine    = 21   // footnote line height
	barWidth    = 0.62 // of the distance between two consecutive years
	maxBarWidth = 110
	yearGapAdd  = 0.55 // extra room where years are missing
	hatchStep   = 7    // distance between hatch lines
)

// Render draws series s as a PNG of Width×Height pixels with its texts in
// lang. b supplies the documents the figures quote, named under the chart;
// with a nil b the document ids are shown instead.
func Render(s *facts.Series, b *facts.Base, lang facts.Lang, opts Options) ([]byte, error) {
	if s == nil {
		return nil, errors.New("chart: no series")
	}
	if len(s.Points) == 0 {
		return nil, fmt.Errorf("chart: series %s has no figures", s.ID)
	}
	for _, f := range s.Points {
		if f.Value == nil {
			return nil, fmt.Errorf("chart: fact %s in series %s has no value", f.ID, s.ID)
		}
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	r := &renderer{fonts: fs, w: wordsFor(lang), lang: lang}

	canvas := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(canvas)

	// Title, top left.
	top := vg.Length(Height - 24)
	title := r.style(titleSize, true, colText)
	title.YAlign = draw.YTop
	for _, line := range fitTitle(s.Title.In(lang), &title) {
		dc.FillText(title, vg.Point{X: margin, Y: top}, line)
		top -= title.Height("Ag") + 2
	}
	top -= 12

	// The unit, above the y axis. It is written level rather than turned
	// along the axis, so it reads easily in every script.
	sc := scaleFor(s, lang)
	unit := r.style(axisSize, false, colMuted)
	unit.YAlign = draw.YTop
	dc.FillText(unit, vg.Point{X: margin, Y: top}, sc.label)
	top -= unit.Height("Ag") + 6

	// Footnotes and sources, bottom up.
	notes := r.notes(s, b)
	bottom := vg.Length(14)
	for i := len(notes) - 1; i >= 0; i-- {
		r.drawNote(dc, notes[i], bottom)
		bottom += noteLine
	}
	bottom += 10

	plotArea := draw.Crop(dc, margin-6, -margin, bottom, top-Height)
	r.plot(s, sc, opts).Draw(plotArea)

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, canvas.Image()); err != nil {
		return nil, fmt.Errorf("chart: encoding png: %w", err)
	}
	return buf.Bytes(), nil
}

type renderer struct {
	fonts *fontSet
	w     words
	lang  facts.Lang
}

// style is a text style in the bundled face.
func (r *renderer) style(size vg.Length, bold bool, c color.Color) text.Style {
	f := font.Font{Typeface: typeface, Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: c, Font: f, Handler: r.fonts.handler}
}

// bar is one year of the chart.
type bar struct {
	pos             float64 // on the x axis
	year            int
	value           float64 // in the chart's unit
	label           string
	partial, approx bool
	highlight       bool
}

// plot builds the gonum plot of the bars, with categorical years on the x
// axis: the years can be far apart (1990, then 2015…), so each gets a slot
// and a gap marks where years are missing.
func (r *renderer) plot(s *facts.Series, sc scale, opts Options) *plot.Plot {
	bars := make([]bar, len(s.Points))
	var breaks []float64
	top, low := 0.0, 0.0
	for i, f := range s.Points {
		v := f.Value
		b := bar{year: v.Year, value: v.Amount / sc.div, partial: v.AsOf != "", approx: v.Approx, highlight: v.Year == opts.HighlightYear}
		if i > 0 {
			b.pos = bars[i-1].pos + 1
			if v.Year-bars[i-1].year > 1 {
				b.pos += yearGapAdd
				breaks = append(breaks, (bars[i-1].pos+b.pos)/2)
			}
		}
		b.label = number(b.value, r.w)
		if b.approx {
			b.label = "≈" + b.label
		}
		if b.partial {
			b.label += "*"
		}
		bars[i] = b
		top = math.Max(top, b.value)
		low = math.Min(low, b.value)
	}

	p := plot.New()
	p.BackgroundColor = nil
	p.TextHandler = r.fonts.handler
	p.Legend.TextStyle = r.style(axisSize, false, colMuted)

	p.X.Min, p.X.Max = bars[0].pos-0.6, bars[len(bars)-1].pos+0.6
	ticks := make([]plot.Tick, len(bars))
	for i, b := range bars {
		ticks[i] = plot.Tick{Value: b.pos, Label: strconv.Itoa(b.year)}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	// The axis only makes room for the years: the bar plotter writes them,
	// so the highlighted year can stand out.
	p.X.Tick.Label = r.style(tickSize, false, color.Transparent)
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.Label.Text = r.w.year
	p.X.Label.TextStyle = r.style(axisSize, false, colMuted)
	p.X.Label.TextStyle.XAlign, p.X.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
	p.X.Label.Padding = 8
	p.X.Padding = 8

	// Leave room above the tallest bar for its value, then round the top
	// of the axis up to a gridline.
	yt := niceTicks(low, top+(top-low)*0.09, r.w)
	p.Y.Min, p.Y.Max = yt.min, yt.max
	p.Y.Tick.Marker = yt
	p.Y.Tick.Label = r.style(axisSize, false, colMuted)
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Y.Padding = 10

	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.LineStyle.Width = 0
		a.Tick.LineStyle.Width = 0
		a.Tick.Length = 0
	}

	p.Add(&barPlotter{r: r, bars: bars, breaks: breaks})
	return p
}

// barPlotter draws the grid, the bars, their values and the axis breaks.
type barPlotter struct {
	r      *renderer
	bars   []bar
	breaks []float64
}

// crisp puts a coordinate on a pixel boundary, or on a pixel's middle for a
// one-pixel line, so edges are sharp rather than smeared over two pixels.
func crisp(l vg.Length) vg.Length     { return vg.Length(math.Round(float64(l))) }
func crispLine(l vg.Length) vg.Length { return vg.Length(math.Floor(float64(l))) + 0.5 }

func (bp *barPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	grid := draw.LineStyle{Color: colGrid, Width: 1}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.Value == 0 || t.IsMinor() {
			continue
		}
		y := crispLine(trY(t.Value))
		c.StrokeLine2(grid, c.Min.X, y, c.Max.X, y)
	}

	y0 := crisp(trY(0))
	value := bp.r.style(valueSize, true, colText)
	value.XAlign, value.YAlign = draw.XCenter, draw.YBottom
	year := bp.r.style(tickSize, false, colText)
	year.XAlign, year.YAlign = draw.XCenter, draw.YTop
	// Bars are a share of a year's slot, but not too wide when there are few.
	slot := trX(1) - trX(0)
	half := min(slot*barWidth, maxBarWidth) / 2
	// Values shrink rather than run into each other when there are many.
	for _, b := range bp.bars {
		for value.Font.Size > 10 && value.Width(b.label) > slot*0.94 {
			value.Font.Size--
		}
	}
	for _, b := range bp.bars {
		cx := trX(b.pos)
		x0, x1 := crisp(cx-half), crisp(cx+half)
		y1 := crisp(trY(b.value))
		col := colBar
		if b.highlight {
			col = colHighlight
		}
		rect := vg.Rectangle{Min: vg.Point{X: x0, Y: min(y0, y1)}, Max: vg.Point{X: x1, Y: max(y0, y1)}}
		drawBar(c.Canvas, rect, col, b.partial, b.approx)

		sty, yearSty := value, year
		if b.highlight {
			sty.Color = darken(colHighlight, 0.78)
			yearSty = bp.r.style(tickSize, true, sty.Color)
			yearSty.XAlign, yearSty.YAlign = draw.XCenter, draw.YTop
		}
		// A white ground keeps gridlines from running through the value.
		lw := sty.Width(b.label) + 6
		c.FillPolygon(color.White, rectPoints(vg.Rectangle{
			Min: vg.Point{X: cx - lw/2, Y: rect.Max.Y + 2},
			Max: vg.Point{X: cx + lw/2, Y: rect.Max.Y + 7 + sty.Font.Size*0.8},
		}))
		c.FillText(sty, vg.Point{X: cx, Y: rect.Max.Y + 5}, b.label)
		c.FillText(yearSty, vg.Point{X: cx, Y: c.Min.Y - p.X.Padding}, strconv.Itoa(b.year))
	}

	base := draw.LineStyle{Color: colBaseline, Width: 1.5}
	c.StrokeLine2(base, c.Min.X, y0, c.Max.X, y0)
	// A break in the baseline where years are missing: two short slashes.
	for _, pos := range bp.breaks {
		x := trX(pos)
		c.FillPolygon(color.White, rectPoints(vg.Rectangle{Min: vg.Point{X: x - 7, Y: y0 - 4}, Max: vg.Point{X: x + 7, Y: y0 + 4}}))
		slash := draw.LineStyle{Color: colBaseline, Width: 1.5}
		for _, dx := range []vg.Length{-3, 3} {
			c.StrokeLine2(slash, x+dx-3, y0-7, x+dx+3, y0+7)
		}
	}
}

// drawBar fills rect in col: solid for a full figure, hatched for a partial
// one, pale with an outline for an approximate one.
func drawBar(c vg.Canvas, rect vg.Rectangle, col color.RGBA, partial, approx bool) {
	if !partial && !approx {
		c.SetColor(col)
		c.Fill(rectPath(rect))
		return
	}
	c.SetColor(tint(col, 0.68))
	c.Fill(rectPath(rect))
	if partial {
		c.SetColor(col)
		c.SetLineWidth(2)
		c.Stroke(hatch(rect, hatchStep))
	}
	in := vg.Rectangle{Min: vg.Point{X: rect.Min.X + 0.75, Y: rect.Min.Y + 0.75}, Max: vg.Point{X: rect.Max.X - 0.75, Y: rect.Max.Y - 0.75}}
	c.SetColor(col)
	c.SetLineWidth(1.5)
	if approx && !partial {
		c.SetLineDash([]vg.Length{5, 3}, 0)
	}
	c.Stroke(rectPath(in))
	c.SetLineDash(nil, 0)
}

func rectPoints(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}

func rectPath(r vg.Rectangle) vg.Path {
	var p vg.Path
	p.Move(r.Min)
	p.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
	p.Line(r.Max)
	p.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
	p.Close()
	return p
}

// hatch is diagonal lines (rising to the right) across rect, step apart,
// clipped to it.
func hatch(r vg.Rectangle, step vg.Length) vg.Path {
	var p vg.Path
	// Lines y = x + k for k from the bottom-right to the top-left corner.
	for k := r.Min.Y - r.Max.X + step/2; k < r.Max.Y-r.Min.X; k += step {
		xa := max(r.Min.X, r.Min.Y-k)
		xb := min(r.Max.X, r.Max.Y-k)
		if xa >= xb {
			continue
		}
		p.Move(vg.Point{X: xa, Y: xa + k})
		p.Line(vg.Point{X: xb, Y: xb + k})
	}
	return p
}

// tint mixes c with white; f is the share of white.
func tint(c color.RGBA, f float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v)*(1-f) + 255*f)) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

// darken scales c towards black; f is the share kept.
func darken(c color.RGBA, f float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) * f)) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

// yTicks are round values for the y axis, labelled in the language's
// number format.
type yTicks struct {
	min, max, step float64
	w              words
}

// niceTicks picks gridlines from low (at most zero) up to at least high: a
// step of 1, 2, 2.5 or 5 times a power of ten giving four to eight
// intervals, the one whose top gridline is lowest, with about five
// intervals on a tie.
func niceTicks(low, high float64, w words) yTicks {
	low = math.Min(low, 0)
	if high <= low {
		high = low + 1
	}
	span := high - low
	best := yTicks{w: w}
	bestN := 0
	for mag := math.Pow(10, math.Floor(math.Log10(span/8))); mag <= span; mag *= 10 {
		for _, m := range []float64{1, 2, 2.5, 5} {
			step := m * mag
			lo := math.Floor(low/step+1e-9) * step
			n := int(math.Ceil((high-lo)/step - 1e-9))
			if n < 4 || n > 8 {
				continue
			}
			hi := lo + float64(n)*step
			better := best.step == 0 || hi-lo < best.max-best.min-1e-9*step ||
				math.Abs(hi-lo-(best.max-best.min)) <= 1e-9*step && abs(n-5) < abs(bestN-5)
			if better {
				best.min, best.max, best.step, bestN = lo, hi, step, n
			}
		}
	}
	if best.step == 0 { // cannot happen for a positive span; be safe
		best.min, best.max, best.step = low, high, span/5
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (t yTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for i := 0; ; i++ {
		v := t.min + float64(i)*t.step
		if v > max+t.step*1e-9 || i > 100 {
			break
		}
		if v < min-t.step*1e-9 {
			continue
		}
		out = append(out, plot.Tick{Value: v, Label: number(v, t.w)})
	}
	return out
}

// note is one line under the chart: an optional swatch showing how marked
// bars look, a bold lead ("Sources:") and text.
type note struct {
	swatch          bool
	partial, approx bool
	lead, text      string
	indent          bool // a continuation line, aligned after the lead
	leadWidth       vg.Length
}

// notes explains the marks on the bars and names the sources, wrapped to the
// width of the chart.
func (r *renderer) notes(s *facts.Series, b *facts.Base) []note {
	var out []note
	approx := false
	for _, f := range s.Points {
		v := f.Value
		if v.AsOf != "" {
			asOf := v.AsOf
			if d, err := facts.ParseDate(v.AsOf); err == nil {
				asOf = d.Human(r.lang)
			}
			out = append(out, note{swatch: true, partial: true, text: "* " + r.w.partial(v.Year, asOf)})
		}
		approx = approx || v.Approx
	}
	if approx {
		out = append(out, note{swatch: true, approx: true, text: "≈ " + r.w.approx})
	}

	srcs := sources(s, b, r.lang)
	if len(srcs) == 0 {
		return out
	}
	lead := r.w.source
	if len(srcs) > 1 {
		lead = r.w.sources
	}
	leadStyle := r.style(noteSize, true, colMuted)
	leadWidth := leadStyle.Width(lead) + 6
	body := r.style(noteSize, false, colMuted)
	avail := vg.Length(Width-2*margin) - leadWidth
	for i, line := range wrap(strings.Join(srcs, "; "), body, avail) {
		n := note{text: line, leadWidth: leadWidth, indent: i > 0}
		if i == 0 {
			n.lead = lead
		}
		out = append(out, n)
	}
	return out
}

// sources lists "publisher, date" for every document the series' figures
// quote, in the corpus's date order, then any outside references.
func sources(s *facts.Series, b *facts.Base, lang facts.Lang) []string {
	cited := map[string]bool{}
	var order []string
	var refs []string
	for _, f := range s.Points {
		for _, src := range f.Sources {
			if !cited[src.Doc] {
				cited[src.Doc] = true
				order = append(order, src.Doc)
			}
		}
		for _, ref := range f.References {
			refs = append(refs, strings.TrimSuffix(strings.Join(nonEmpty(ref.Publisher, ref.Date), ", "), ", "))
		}
	}
	var out []string
	if b != nil {
		for _, d := range b.Documents() {
			if cited[d.ID] {
				out = append(out, strings.Join(nonEmpty(publisher(d.Publisher), d.Date.Human(lang)), ", "))
				delete(cited, d.ID)
			}
		}
	}
	for _, id := range order { // documents the base does not know
		if cited[id] {
			out = append(out, id)
		}
	}
	seen := map[string]bool{}
	for _, ref := range refs {
		if !seen[ref] {
			seen[ref] = true
			out = append(out, ref)
		}
	}
	return out
}

// publisher drops the byline a news publisher carries ("Yonhap News
// Agency; by Kang Yoon-seung"): the chart names the outlet.
func publisher(p string) string {
	if i := strings.Index(p, "; by "); i >= 0 {
		p = p[:i]
	}
	return strings.TrimSpace(p)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// wrap breaks s at spaces into lines no wider than width in sty. A word
// wider than a line gets a line of its own.
func wrap(s string, sty text.Style, width vg.Length) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if cur != "" && sty.Width(next) > width {
			lines = append(lines, cur)
			next = word
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// fitTitle makes a long title smaller, then wraps it onto a second line,
// then shortens it with "…", rather than let it run off the chart.
func fitTitle(t string, sty *text.Style) []string {
	const width = Width - 2*margin
	for sty.Font.Size > 22 && sty.Width(t) > width {
		sty.Font.Size--
	}
	if sty.Width(t) <= width {
		return []string{t}
	}
	lines := wrap(t, *sty, width)
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] += "…"
	}
	for i, l := range lines {
		for r := []rune(l); sty.Width(string(r)) > width && len(r) > 1; {
			r = append(r[:len(r)-2], '…')
			lines[i] = string(r)
		}
	}
	return lines
}

// drawNote draws one footnote line with its baseline region starting at y.
func (r *renderer) drawNote(c draw.Canvas, n note, y vg.Length) {
	x := vg.Length(margin)
	body := r.style(noteSize, false, colMuted)
	body.YAlign = draw.YBottom
	if n.swatch {
		rect := vg.Rectangle{Min: vg.Point{X: x, Y: y + 2}, Max: vg.Point{X: x + 26, Y: y + 15}}
		drawBar(c.Canvas, rect, colBar, n.partial, n.approx)
		x += 34
	}
	if n.lead != "" {
		lead := r.style(noteSize, true, colMuted)
		lead.YAlign = draw.YBottom
		c.FillText(lead, vg.Point{X: x, Y: y}, n.lead)
	}
	if n.lead != "" || n.indent {
		x += n.leadWidth
	}
	c.FillText(body, vg.Point{X: x, Y: y}, n.text)
}
