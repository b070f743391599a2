package web

import (
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/factstest"
)

// The speed the issue asks for, measured with go test -bench:
//
//	go test ./web -run '^$' -bench 'FactPage|AskAPI' -benchtime 2000x
//
// Each reports its p50 beside the mean, and fails when over its budget:
// a fact page within 1 ms, and /api/v1/ask within the bare answer layer's
// p50 plus twice that (the API's own work no more than twice the
// matcher's). Under the race detector only the figures are reported.

func BenchmarkFactPage(b *testing.B) {
	s := realSite(b)
	ids := []string{"trade-volume-2016", "bridges-farming", "forum-first-pohang-2018"}
	var took []time.Duration
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "/facts/"+ids[i%len(ids)]+"?lang=ko", nil))
		took = append(took, time.Since(start))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
	p50 := median(took)
	b.ReportMetric(float64(p50.Nanoseconds()), "p50-ns")
	if !raceEnabled && len(took) >= 100 && p50 > time.Millisecond {
		b.Errorf("a fact page takes %v at p50; the budget is 1 ms", p50)
	}
}

// BenchmarkAskAPI times, in one loop, the same questions through the bare
// answer layer (the matcher and what /ask builds on it) and through
// GET /api/v1/ask, alternating so both see the same machine.
func BenchmarkAskAPI(b *testing.B) {
	s := realSite(b)
	base, m := factstest.Base(b)
	bare := answer.New(base, m)
	questions := []string{"korea russia trade 2016", "how much did trade grow between 2016 and 2017", "2017년 한러 교역액은?",
		"Каким был товарооборот в 2019 году?", "what is the weather", "who opened the first interregional forum", "what did kang and kozlov agree"}
	var bareT, apiT []time.Duration
	for i := 0; b.Loop(); i++ {
		q := questions[i%len(questions)]
		start := time.Now()
		bare.Answer(q, "")
		bareT = append(bareT, time.Since(start))

		start = time.Now()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/ask?q="+url.QueryEscape(q), nil))
		apiT = append(apiT, time.Since(start))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
	mp, ap := median(bareT), median(apiT)
	b.ReportMetric(float64(mp.Nanoseconds()), "matcher-p50-ns")
	b.ReportMetric(float64(ap.Nanoseconds()), "api-p50-ns")
	over := float64(ap-mp) / float64(mp)
	b.ReportMetric(over, "added/matcher")
	if !raceEnabled && len(apiT) >= 100 && over > 2 {
		b.Errorf("/api/v1/ask adds %v over the matcher's %v p50 (×%.2f); the budget is ×2", ap-mp, mp, over)
	}
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
