package bot

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// Metrics are the bot's Prometheus metrics. A nil *Metrics records nothing,
// so every caller can use one unconditionally.
type Metrics struct {
	reg          *prometheus.Registry
	interactions *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	answers      *prometheus.CounterVec
	autocomplete prometheus.Histogram
	reminders    *prometheus.CounterVec
	reconnects   prometheus.Counter
	rateLimited  prometheus.Counter
	connected    prometheus.Gauge
}

// NewMetrics registers the bot's metrics, and Go's runtime and process
// metrics, in a registry of their own.
func NewMetrics() *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		reg: reg,
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ninebridges_interactions_total", Help: "Interactions handled, by command and outcome.",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "ninebridges_interaction_seconds", Help: "Time from receiving an interaction to answering it.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"command"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ninebridges_questions_total", Help: "Free-text and /ask questions, by whether they were answered.",
		}, []string{"result"}),
		autocomplete: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "ninebridges_autocomplete_seconds", Help: "Time to compute autocomplete choices.",
			Buckets: []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05},
		}),
		reminders: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ninebridges_reminders_total", Help: "Scheduled posts, by outcome (posted, failed, disabled).",
		}, []string{"outcome"}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "ninebridges_gateway_reconnects_total", Help: "Gateway connections re-established after a drop.",
		}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "ninebridges_rest_rate_limited_total", Help: "REST requests answered 429 by Discord.",
		}),
		connected: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "ninebridges_gateway_connected", Help: "1 while the gateway connection is up.",
		}),
	}
	reg.MustRegister(m.interactions, m.latency, m.answers, m.autocomplete, m.reminders, m.reconnects, m.rateLimited, m.connected,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

func (m *Metrics) interaction(command, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.interactions.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(d.Seconds())
}

// Reminder counts a scheduled post: "posted", "failed" or "disabled".
func (m *Metrics) Reminder(outcome string) {
	if m != nil {
		m.reminders.WithLabelValues(outcome).Inc()
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
	m.answers.WithLabelValues(result).Inc()
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
	a.m.autocomplete.Observe(time.Since(start).Seconds())
	return c
}

// Check is one thing /healthz asks about.
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
}
