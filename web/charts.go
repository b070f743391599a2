package web

import (
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/chart"
)

// charts draws each series' PNG, the one /trade attaches, once per
// language on first use and keeps it: a few series in three languages.
type charts struct {
	base *facts.Base
	mu   sync.Mutex
	png  map[string][]byte // series id + "/" + lang
}

func newCharts(b *facts.Base) *charts { return &charts{base: b, png: map[string][]byte{}} }

func (c *charts) get(s *facts.Series, lang facts.Lang) ([]byte, error) {
	key := s.ID + "/" + string(lang)
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.png[key]; ok {
		return p, nil
	}
	p, err := chart.Render(s, c.base, lang, chart.Options{})
	if err != nil {
		return nil, fmt.Errorf("drawing the %s chart in %s: %w", s.ID, lang, err)
	}
	c.png[key] = p
	return p, nil
}

func (s *Site) chart(w http.ResponseWriter, r *http.Request) {
	sr, ok := s.base.Series(r.PathValue("id"))
	if !ok {
		s.notFound(w, r)
		return
	}
	lang, _ := langOf(r)
	png, err := s.charts.get(sr, lang)
	if err != nil {
		s.log.Error("chart", "err", err)
		s.failed(w, r)
		return
	}
	// One chart per language: the ETag says which.
	etag := `"` + s.hash + "-" + string(lang) + `"`
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Vary", "Accept-Language")
	w.Header().Set("ETag", etag)
	cacheFor(w, time.Hour)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(png)
}
