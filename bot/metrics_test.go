package bot

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestMetricsExposition reads /metrics with Prometheus' own parser: every
// family of the bot's with its help and type, labelled series as
// recorded, and Go's runtime and process metrics beside them.
func TestMetricsExposition(t *testing.T) {
	m := NewMetrics()
	m.interaction("ask", "ok", 3*time.Millisecond)
	m.interaction("ask", "ok", 300*time.Millisecond)
	m.interaction("fact", "error", 30*time.Millisecond)
	m.Question(true)
	m.Question(false)
	m.Reminder("posted")
	m.reconnected()
	m.rateLimit()
	m.setConnected(true)

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	parser := expfmt.NewTextParser(model.LegacyValidation)
	families, err := parser.TextToMetricFamilies(rec.Body)
	if err != nil {
		t.Fatalf("not Prometheus text: %v", err)
	}
	want := map[string]dto.MetricType{
		"ninebridges_interactions_total":       dto.MetricType_COUNTER,
		"ninebridges_interaction_seconds":      dto.MetricType_HISTOGRAM,
		"ninebridges_questions_total":          dto.MetricType_COUNTER,
		"ninebridges_autocomplete_seconds":     dto.MetricType_HISTOGRAM,
		"ninebridges_reminders_total":          dto.MetricType_COUNTER,
		"ninebridges_gateway_reconnects_total": dto.MetricType_COUNTER,
		"ninebridges_rest_rate_limited_total":  dto.MetricType_COUNTER,
		"ninebridges_gateway_connected":        dto.MetricType_GAUGE,
	}
	for name, typ := range want {
		f, ok := families[name]
		if !ok {
			t.Errorf("%s missing", name)
			continue
		}
		if f.GetType() != typ || f.GetHelp() == "" {
			t.Errorf("%s: type %v, help %q; want %v with help", name, f.GetType(), f.GetHelp(), typ)
		}
	}
	if h := series(families, "ninebridges_interaction_seconds", "command", "ask"); h == nil || h.GetHistogram().GetSampleCount() != 2 {
		t.Errorf("ask latency: %v, want 2 samples", h)
	}
	if c := series(families, "ninebridges_interactions_total", "outcome", "error"); c == nil || c.GetCounter().GetValue() != 1 {
		t.Errorf("errors: %v, want 1", c)
	}
	if g := series(families, "ninebridges_gateway_connected"); g == nil || g.GetGauge().GetValue() != 1 {
		t.Errorf("connected: %v, want 1", g)
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes", "go_memstats_heap_inuse_bytes"} {
		if _, ok := families[name]; !ok {
			t.Errorf("%s missing", name)
		}
	}
}

// series is the first series of family name with the given label, if any.
func series(families map[string]*dto.MetricFamily, name string, label ...string) *dto.Metric {
	f := families[name]
	if f == nil {
		return nil
	}
	for _, m := range f.GetMetric() {
		if len(label) < 2 {
			return m
		}
		for _, l := range m.GetLabel() {
			if l.GetName() == label[0] && l.GetValue() == label[1] {
				return m
			}
		}
	}
	return nil
}
