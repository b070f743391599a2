package answer

import (
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/ninebridges/ninebridges/facts"
)

// The base does not change while the bot runs, and people ask the same
// questions: the phrasings /ask's autocomplete offers, the popular ones,
// a question asked again by the next person in the channel. A cache of
// recent replies answers those without retrieval. A Reply is shared by
// every caller that gets it from the cache: its slices are read, never
// written.

type cacheKey struct {
	question string
	lang     facts.Lang
}

// Cached is an Answerer that remembers its last n replies.
type Cached struct {
	*Answerer
	cache *lru.Cache[cacheKey, Reply]
}

// NewCached wraps a in a cache of its n most recent replies.
func NewCached(a *Answerer, n int) *Cached {
	c, err := lru.New[cacheKey, Reply](n)
	if err != nil {
		panic(err) // only for n <= 0
	}
	return &Cached{Answerer: a, cache: c}
}

// Answer is a.Answer, from the cache when the same question was asked in
// the same language lately.
func (c *Cached) Answer(question string, lang facts.Lang) Reply {
	k := cacheKey{question, lang}
	if r, ok := c.cache.Get(k); ok {
		return r
	}
	r := c.Answerer.Answer(question, lang)
	c.cache.Add(k, r)
	return r
}
