package answer

import "testing"

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
