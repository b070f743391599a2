package answer

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkAnswer is the whole answering path on the real base, over a mix
// of look-ups, computations, lists and refusals; compare it with
// facts/match's BenchmarkAnswer to see what this layer adds.
func BenchmarkAnswer(b *testing.B) {
	a := answerer(b)
	qs := []string{
		"trade volume in 2016", "which year had the highest trade volume", "did trade double between 2016 and 2019?",
		"2016년부터 2017년까지 교역액은 얼마나 늘었나요?", "Какие риски для торговли называет KITA?",
		"what is the nine bridges", "how much does the snowflake station cost", "когда была основана арктическая консультация",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a.Answer(qs[i%len(qs)], "")
	}
}

// BenchmarkAnswerSets answers every question of the content sets in
// turn (540 questions in three languages, of every kind) and reports the
// median and 99th percentile of one question's latency beside the mean.
func BenchmarkAnswerSets(b *testing.B) {
	a := answerer(b)
	var qs []string
	for _, set := range []string{"eval", filepath.Join("blind", "4")} {
		cases, err := loadContentSet(filepath.Join("testdata", set))
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range cases {
			qs = append(qs, c.Question)
		}
	}
	lat := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		a.Answer(qs[i%len(qs)], "")
		if len(lat) < cap(lat) {
			lat = append(lat, time.Since(start))
		}
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "p50-µs")
		b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
	}
}
