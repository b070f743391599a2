package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// Metrics are the bot's metrics, served in the Prometheus text format. A nil
// *Metrics records nothing, so every caller can use one unconditionally.
//
// They are kept with VictoriaMetrics' metrics package rather than the
// Prometheus client: the same exposition for a scraper, and the process
// holds 3 MB less (the client and the protobuf runtime it brings are
// mostly mapped in at start).
type Metrics struct {
	set          *metrics.Set
	autocomplete *metrics.PrometheusHistogram
	reconnects   *metrics.Counter
	rateLimited  *metrics.Counter
	connected    *metrics.Gauge
	// labelled holds the counters and histograms with labels, by their
	// full names: built once a label set, not once an interaction.
	labelled sync.Map // string → *metrics.Counter or *metrics.PrometheusHistogram
}

// help is what each metric is, written above it as # HELP.
var help = map[string]string{
	"ninebridges_interactions_total":       "Interactions handled, by command and outcome.",
	"ninebridges_interaction_seconds":      "Time from receiving an interaction to answering it.",
	"ninebridges_questions_total":          "Free-text and /ask questions, by whether they were answered.",
	"ninebridges_autocomplete_seconds":     "Time to compute autocomplete choices.",
	"ninebridges_reminders_total":          "Scheduled posts, by outcome (posted, failed, disabled).",
	"ninebridges_gateway_reconnects_total": "Gateway connections re-established after a drop.",
	"ninebridges_rest_rate_limited_total":  "REST requests answered 429 by Discord.",
	"ninebridges_gateway_connected":        "1 while the gateway connection is up.",
}

var (
	latencyBuckets      = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}
	autocompleteBuckets = []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05}
)

// NewMetrics makes the bot's metrics, in a set of their own; the handler
// adds Go's runtime and process metrics.
func NewMetrics() *Metrics {
	set := metrics.NewSet()
	return &Metrics{
		set:          set,
		autocomplete: set.NewPrometheusHistogramExt("ninebridges_autocomplete_seconds", autocompleteBuckets),
		reconnects:   set.NewCounter("ninebridges_gateway_reconnects_total"),
		rateLimited:  set.NewCounter("ninebridges_rest_rate_limited_total"),
		connected:    set.NewGauge("ninebridges_gateway_connected", nil),
	}
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		var b bytes.Buffer
		m.set.WritePrometheus(&b)
		writeWithHelp(w, b.Bytes())
		metrics.WriteProcessMetrics(w)
	})
}

// writeWithHelp writes the set's exposition with a # HELP and # TYPE line
// before the first line of each of the bot's metrics.
func writeWithHelp(w io.Writer, exposition []byte) {
	written := map[string]bool{}
	for line := range bytes.Lines(exposition) {
		name, _, _ := strings.Cut(string(line), "{")
		name, _, _ = strings.Cut(name, " ")
		family := name
		for _, suffix := range []string{"_bucket", "_sum", "_count"} {
			if base, ok := strings.CutSuffix(name, suffix); ok && help[base] != "" {
				family = base
			}
		}
		if text := help[family]; text != "" && !written[family] {
			written[family] = true
			fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", family, text, family, metricType(family))
		}
		w.Write(line)
	}
}

func metricType(family string) string {
	switch {
	case strings.HasSuffix(family, "_total"):
		return "counter"
	case strings.HasSuffix(family, "_seconds"):
		return "histogram"
	}
	return "gauge"
}

// counter is the counter name{labels…}; pairs are label names and values.
func (m *Metrics) counter(name string, pairs ...string) *metrics.Counter {
	full := withLabels(name, pairs)
	if c, ok := m.labelled.Load(full); ok {
		return c.(*metrics.Counter)
	}
	c, _ := m.labelled.LoadOrStore(full, m.set.GetOrCreateCounter(full))
	return c.(*metrics.Counter)
}

func (m *Metrics) histogram(name string, buckets []float64, pairs ...string) *metrics.PrometheusHistogram {
	full := withLabels(name, pairs)
	if h, ok := m.labelled.Load(full); ok {
		return h.(*metrics.PrometheusHistogram)
	}
	h, _ := m.labelled.LoadOrStore(full, m.set.GetOrCreatePrometheusHistogramExt(full, buckets))
	return h.(*metrics.PrometheusHistogram)
}

// withLabels writes name{k="v",…}, each value escaped as the exposition
// format wants.
func withLabels(name string, pairs []string) string {
	var b strings.Builder
	b.WriteString(name)
	for i := 0; i+1 < len(pairs); i += 2 {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(pairs[i])
		b.WriteString(`="`)
		labelEscaper.WriteString(&b, pairs[i+1])
		b.WriteByte('"')
	}
	if len(pairs) > 1 {
		b.WriteByte('}')
	}
	return b.String()
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func (m *Metrics) interaction(command, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.counter("ninebridges_interactions_total", "command", command, "outcome", outcome).Inc()
	m.histogram("ninebridges_interaction_seconds", latencyBuckets, "command", command).Update(d.Seconds())
}

// Reminder counts a scheduled post: "posted", "failed" or "disabled".
func (m *Metrics) Reminder(outcome string) {
	if m != nil {
		m.counter("ninebridges_reminders_total", "outcome", outcome).Inc()
	}
}

func (m *Metrics) reconnected() {
	if m != nil {
		m.reconnects.Inc()
	}
}

func (m *Metrics) rateLimit() {
	if m != nil {
		m.rateLimited.Inc()
	}
}

func (m *Metrics) setConnected(up bool) {
	if m == nil {
		return
	}
	if up {
		m.connected.Set(1)
	} else {
		m.connected.Set(0)
	}
}

// Question counts a question (/ask, the message command, free text) by
// whether the answer layer answered it, computed answers included.
func (m *Metrics) Question(answered bool) {
	if m == nil {
		return
	}
	result := "answered"
	if !answered {
		result = "not_confident"
	}
	m.counter("ninebridges_questions_total", "result", result).Inc()
}

// Answerer wraps a matcher so that every autocomplete is timed.
func (m *Metrics) Answerer(inner commands.Answerer) commands.Answerer {
	if m == nil {
		return inner
	}
	return &measuredAnswerer{inner: inner, m: m}
}

type measuredAnswerer struct {
	inner commands.Answerer
	m     *Metrics
}

func (a *measuredAnswerer) Answer(q string, lang facts.Lang) match.Result {
	return a.inner.Answer(q, lang)
}

func (a *measuredAnswerer) NamesOtherCountry(q string) bool { return a.inner.NamesOtherCountry(q) }
func (a *measuredAnswerer) Unknown(q string) []string       { return a.inner.Unknown(q) }
func (a *measuredAnswerer) Ordinals(f *facts.Fact) []int    { return a.inner.Ordinals(f) }

func (a *measuredAnswerer) Complete(input string, lang facts.Lang, limit int) []match.Completion {
	start := time.Now()
	c := a.inner.Complete(input, lang, limit)
	a.m.autocomplete.Update(time.Since(start).Seconds())
	return c
}

// Check is one thing /healthz asks about.
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
}
