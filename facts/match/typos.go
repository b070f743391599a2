package match

import (
	"slices"
)

// typoIndex finds the index's words within a few edits of a word by
// symmetric deletion: a word and each typo of it share a string made by
// deleting at most the tolerated number of runes from each. It holds only
// a 64-bit hash of each deletion, sorted, with the words that have it laid
// out in one array: about 1 MB for the shipped base where a map from each
// deletion to its words took 8. Two deletions with the same hash only add
// candidates; every candidate is checked by its edit distance.
type typoIndex struct {
	hashes []uint64 // sorted, distinct
	starts []int32  // the words of hashes[i] are words[starts[i]:starts[i+1]]
	words  []int32
}

// typoPair is one deletion of one word while the index is built.
type typoPair struct {
	hash uint64
	word int32
}

type typoBuilder struct{ pairs []typoPair }

func (b *typoBuilder) add(deletion string, word int32) {
	b.pairs = append(b.pairs, typoPair{hashDeletion(deletion), word})
}

func (b *typoBuilder) build() typoIndex {
	slices.SortFunc(b.pairs, func(x, y typoPair) int {
		if x.hash != y.hash {
			if x.hash < y.hash {
				return -1
			}
			return 1
		}
		return int(x.word - y.word)
	})
	b.pairs = slices.Compact(b.pairs)
	var t typoIndex
	t.words = make([]int32, 0, len(b.pairs))
	for _, p := range b.pairs {
		if n := len(t.hashes); n == 0 || t.hashes[n-1] != p.hash {
			t.hashes = append(t.hashes, p.hash)
			t.starts = append(t.starts, int32(len(t.words)))
		}
		t.words = append(t.words, p.word)
	}
	t.starts = append(t.starts, int32(len(t.words)))
	t.hashes = slices.Clip(t.hashes)
	t.starts = slices.Clip(t.starts)
	b.pairs = nil
	return t
}

// lookup returns the words that have deletion, and perhaps a few that
// only share its hash.
func (t *typoIndex) lookup(deletion string) []int32 {
	i, ok := slices.BinarySearch(t.hashes, hashDeletion(deletion))
	if !ok {
		return nil
	}
	return t.words[t.starts[i]:t.starts[i+1]]
}

// hashDeletion is 64-bit FNV-1a: deterministic, so an index answers the
// same in every process, and with no allocation.
func hashDeletion(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
