// Package web is Nine Bridges' face on the web: the fact base as pages
// (search, facts, documents with every quote marked, timeline, series,
// about) in English, Korean and Russian, and a read-only JSON API. It is
// the proof behind the bot's answers: a Discord embed links to the page
// where its quote is highlighted inside its source document.
//
// Everything is rendered from the base in memory with html/template; the
// pages work without scripts, and one small script, served from the
// binary, answers as you type. The site keeps nothing from requests but a
// bounded table of per-client rate limiters.
package web

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
)

// MaxQuestion is the longest question taken, in characters: Discord's
// /ask takes 300, and the site takes what Discord does.
const MaxQuestion = 300

// Config is what a Site needs. Only Base is required.
type Config struct {
	Base *facts.Base
	// Matcher retrieves facts for questions; nil builds one over Base
	// (about 200 ms of the embedded base).
	Matcher answer.Retriever
	// PublicURL is where the site is reachable, such as
	// https://ninebridges.example; it makes the hreflang and canonical
	// links absolute. Empty keeps them relative.
	PublicURL string
	// Logger gets internal errors; nil discards.
	Logger *slog.Logger
	// Rate and Burst limit questions (/api/v1/ask and the search) per
	// client address: Rate a second on average, Burst at once. Zero means
	// 5 and 30, enough for a person typing with answers as they type.
	Rate  float64
	Burst int
	// Clients is how many client addresses the limiter remembers; the
	// least recently seen is forgotten first. Zero means 10000.
	Clients int
	// ClientIP says which client a request comes from, for the rate limit;
	// nil uses the connection's address (behind a proxy, pass one that
	// reads the header the proxy sets).
	ClientIP func(*http.Request) string
}

// Site serves the pages and the API. It is an http.Handler, safe for
// concurrent use, and holds nothing that a request changes but the rate
// limiter's table.
type Site struct {
	base      *facts.Base
	answers   *answer.Answerer
	publicURL string
	log       *slog.Logger
	mux       *http.ServeMux
	limit     *limiter
	clientIP  func(*http.Request) string
	hash      string // the base's content hash
	etag      string // the hash, quoted: the API's ETag
	views     *views
	assets    *assets
	charts    *charts
	relatedOf map[string][]*facts.Fact // fact id → its related facts
}

// New builds the site over cfg.Base. It renders nothing yet: pages are
// rendered per request from the base in memory, and a chart on first use.
func New(cfg Config) (*Site, error) {
	if cfg.Base == nil {
		return nil, errors.New("web: Config.Base is nil")
	}
	m := cfg.Matcher
	if m == nil {
		m = match.New(cfg.Base)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rate, burst, clients := cfg.Rate, cfg.Burst, cfg.Clients
	if rate <= 0 {
		rate = 5
	}
	if burst <= 0 {
		burst = 30
	}
	if clients <= 0 {
		clients = 10000
	}
	lim, err := newLimiter(rate, burst, clients)
	if err != nil {
		return nil, err
	}
	as, err := newAssets(cfg.Base)
	if err != nil {
		return nil, err
	}
	vs, err := newViews(cfg.Base, as)
	if err != nil {
		return nil, err
	}
	hash := contentHash(cfg.Base)
	s := &Site{
		base:      cfg.Base,
		answers:   answer.New(cfg.Base, m),
		publicURL: strings.TrimRight(cfg.PublicURL, "/"),
		log:       log,
		limit:     lim,
		clientIP:  cfg.ClientIP,
		hash:      hash,
		etag:      `"` + hash + `"`,
		views:     vs,
		assets:    as,
		charts:    newCharts(cfg.Base),
		relatedOf: relatedFacts(cfg.Base),
	}
	if s.clientIP == nil {
		s.clientIP = remoteIP
	}
	s.mux = s.routes()
	return s, nil
}

// routes are every path the site serves; TestRoutes asks each one.
func (s *Site) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /facts/{id}", s.fact)
	mux.HandleFunc("GET /topics/{id}", s.topic)
	mux.HandleFunc("GET /docs", s.docs)
	mux.HandleFunc("GET /docs/{id}", s.doc)
	mux.HandleFunc("GET /timeline", s.timeline)
	mux.HandleFunc("GET /series/{id}", s.series)
	mux.HandleFunc("GET /series/{id}/chart.png", s.chart)
	mux.HandleFunc("GET /about", s.about)
	mux.HandleFunc("GET /static/{name}", s.static)
	// Any other path, or a method the site does not take.
	mux.HandleFunc("/", s.notFound)

	api := func(pattern string, h apiHandler) {
		mux.HandleFunc("GET "+pattern, s.apiGET(h))
		mux.HandleFunc("OPTIONS "+pattern, preflight)
	}
	api("/api/v1/ask", s.apiAsk)
	api("/api/v1/facts", s.apiFacts)
	api("/api/v1/facts/{id}", s.apiFact)
	api("/api/v1/timeline", s.apiTimeline)
	api("/api/v1/series", s.apiSeriesList)
	api("/api/v1/series/{id}", s.apiSeries)
	api("/api/v1/docs", s.apiDocs)
	api("/api/v1/openapi.json", s.apiOpenAPI)
	mux.HandleFunc("/api/", s.apiNotFound)
	return mux
}

// ServeHTTP serves the site with its security headers on every response.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	s.mux.ServeHTTP(w, r)
}

// csp allows the site's own stylesheet, script and images and nothing
// else: no inline script or style, no framing, forms only to the site.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Handler serves the site beside other routes (the bot's /healthz and
// /metrics): every path not in other goes to the site.
func Handler(site http.Handler, other http.Handler, otherPaths ...string) http.Handler {
	mux := http.NewServeMux()
	for _, p := range otherPaths {
		mux.Handle(p, other)
	}
	mux.Handle("/", site)
	return mux
}

// cacheFor sets how long a shared cache may keep a response.
func cacheFor(w http.ResponseWriter, d time.Duration) {
	w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(int(d/time.Second)))
}
