package match

import (
	"slices"
	"testing"
)

func TestTypoIndex(t *testing.T) {
	var b typoBuilder
	add := map[string][]int32{"rade": {1, 2}, "trde": {2}, "한러": {7}, "рот": {3, 3}}
	for d, words := range add {
		for _, w := range words {
			b.add(d, w)
		}
	}
	ix := b.build()
	tests := []struct {
		deletion string
		want     []int32
	}{
		{"rade", []int32{1, 2}},
		{"trde", []int32{2}},
		{"한러", []int32{7}},
		{"рот", []int32{3}}, // added twice, held once
		{"trad", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := ix.lookup(tt.deletion); !slices.Equal(got, tt.want) {
			t.Errorf("lookup(%q) = %v, want %v", tt.deletion, got, tt.want)
		}
	}
	if len(ix.hashes) != 4 || len(ix.starts) != 5 || len(ix.words) != 5 {
		t.Errorf("laid out as %d hashes, %d starts, %d words; want 4, 5, 5", len(ix.hashes), len(ix.starts), len(ix.words))
	}
}

// TestCorrectionsFindTypos checks the index end to end on the real base:
// words a single or double slip away from the base's own come back
// corrected.
func TestCorrectionsFindTypos(t *testing.T) {
	_, m := testMatcher(t)
	tests := []struct{ typo, want string }{
		{"snowflak", "snowflake"},
		{"pipelnie", "pipeline"},
		{"товарооборотт", "товарооборот"},
	}
	for _, tt := range tests {
		var got []string
		for _, id := range m.ix.corrections(tt.typo, scriptOf([]rune(tt.typo)[0])) {
			got = append(got, string(m.ix.surfaces[id].word))
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("corrections(%q) = %q, want %q among them", tt.typo, got, tt.want)
		}
	}
}
