package answer

import (
	"reflect"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/factstest"
	"github.com/ninebridges/ninebridges/facts/match"
)

// countingRetriever counts the questions that reach retrieval.
type countingRetriever struct {
	Retriever
	n int
}

func (c *countingRetriever) Answer(q string, lang facts.Lang) match.Result {
	c.n++
	return c.Retriever.Answer(q, lang)
}

func TestCachedAnswersAsTheAnswerer(t *testing.T) {
	b, m := factstest.Base(t)
	counted := &countingRetriever{Retriever: m}
	c := NewCached(New(b, counted), 2)
	plain := New(b, m)
	for _, q := range []struct {
		text string
		lang facts.Lang
	}{{"korea russia trade 2016", facts.EN}, {"korea russia trade 2016", facts.KO}, {"who is Trutnev", ""}} {
		want := plain.Answer(q.text, q.lang)
		before := counted.n
		first, again := c.Answer(q.text, q.lang), c.Answer(q.text, q.lang)
		if !reflect.DeepEqual(first, want) || !reflect.DeepEqual(again, want) {
			t.Errorf("%q (%s): the cache answers differently", q.text, q.lang)
		}
		if counted.n == before {
			t.Errorf("%q: never reached retrieval", q.text)
		}
		if n := counted.n; c.Answer(q.text, q.lang).Text != want.Text || counted.n != n {
			t.Errorf("%q: asked again, retrieval ran again", q.text)
		}
	}
	// Two entries: the first question has been evicted and is computed anew.
	n := counted.n
	c.Answer("korea russia trade 2016", facts.EN)
	if counted.n == n {
		t.Error("an evicted question was still served from the cache")
	}
}
