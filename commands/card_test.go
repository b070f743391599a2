package commands

import (
	"reflect"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// TestFactCardsAreCopies: a card comes from the cache as a copy equal to
// a fresh build, and what one caller does to its card (the way out shapes
// cards in place) reaches no other.
func TestFactCardsAreCopies(t *testing.T) {
	r, _ := newRouter(t)
	b, _ := embedded(t)
	for _, f := range b.Facts()[:20] {
		for _, lang := range facts.Langs {
			first := r.answering.factCard(f, lang)
			want := r.answering.buildFactCard(f, lang)
			if !reflect.DeepEqual(first, want) {
				t.Fatalf("%s/%s: cached card differs from a fresh one", f.ID, lang)
			}
			first.Title = "changed"
			first.Footer.Text = "changed"
			if len(first.Fields) > 0 {
				first.Fields[0].Value = "changed"
			}
			if second := r.answering.factCard(f, lang); !reflect.DeepEqual(second, want) {
				t.Fatalf("%s/%s: a change to one card reached the next", f.ID, lang)
			}
		}
	}
}
