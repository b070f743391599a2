package facts

import "testing"

// BenchmarkEmbedded is loading and checking the shipped base, which every
// start of the bot waits on.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}
