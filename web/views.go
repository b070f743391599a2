package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ninebridges/ninebridges/facts"
)

//go:embed templates
var templateFS embed.FS

// corpusLang is the language the source documents are written in: their
// text and quotes are marked lang="en" inside a Korean or Russian page, so
// a screen reader reads them right.
const corpusLang = facts.EN

// pageMaxAge is how long a cache may keep a page: the base changes only
// with a deploy.
const pageMaxAge = 5 * time.Minute

// views are the parsed templates, one set per page, each the layout and
// that page's content.
type views struct {
	pages map[string]*template.Template
}

var pageNames = []string{"home", "fact", "doc", "docs", "topic", "timeline", "series", "about", "message"}

func newViews(b *facts.Base, as *assets) (*views, error) {
	funcs := template.FuncMap{
		"t":          t,
		"href":       href,
		"topic":      func(id string, lang facts.Lang) string { return b.TopicTitle(id).In(lang) },
		"asset":      as.url,
		"cited":      func(doc string) int { return len(b.CitedBy(doc)) },
		"corpusLang": func() facts.Lang { return corpusLang },
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("web: parsing the layout: %w", err)
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		tp, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parsing %s.html: %w", name, err)
		}
		v.pages[name] = tp
	}
	return v, nil
}

// page is what the layout needs, and the page's own Body.
type page struct {
	Lang       facts.Lang
	Title      string
	Section    string // the nav entry marked current
	Alternates []alternate
	XDefault   string
	Canonical  string
	Quotes     bool // the page marks quotes: link quotes.css
	Script     bool // the page answers as you type: link search.js
	DocCount   int
	Body       any
}

// alternate is the page in one language, for hreflang and the switcher.
type alternate struct {
	Lang    facts.Lang
	Name    string
	Href    string
	Current bool
}

// href is a link inside the site that keeps the reader's language:
// href "ko" "/facts/" id is /facts/{id}?lang=ko. Parts after the first are
// path-escaped.
func href(lang facts.Lang, parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			p = url.PathEscape(p)
		}
		b.WriteString(p)
	}
	b.WriteString("?lang=")
	b.WriteString(string(lang))
	return b.String()
}

// newPage fills in the layout's fields for r in lang. keep are the query
// parameters the language links carry over (the question, the filters).
func (s *Site) newPage(r *http.Request, lang facts.Lang, title, section string, keep ...string) *page {
	p := &page{Lang: lang, Title: title, Section: section, DocCount: len(s.base.Documents())}
	link := func(l facts.Lang) string {
		q := url.Values{}
		for _, k := range keep {
			if v := r.URL.Query().Get(k); v != "" {
				q.Set(k, v)
			}
		}
		if l != "" {
			q.Set("lang", string(l))
		}
		u := s.publicURL + r.URL.EscapedPath()
		if enc := q.Encode(); enc != "" {
			u += "?" + enc
		}
		return u
	}
	for _, l := range facts.Langs {
		p.Alternates = append(p.Alternates, alternate{Lang: l, Name: langNames[l], Href: link(l), Current: l == lang})
	}
	p.XDefault = link("")
	if s.publicURL != "" {
		p.Canonical = link(lang)
	}
	return p
}

// render writes a page, or a plain 500 when a template fails: rendering
// into a buffer first means a reader never gets half a page.
func (s *Site) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	var buf bytes.Buffer
	if err := s.views.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("rendering a page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(p.Lang))
	// Without ?lang= the language came from Accept-Language.
	h.Set("Vary", "Accept-Language")
	if status == http.StatusOK {
		cacheFor(w, pageMaxAge)
	} else {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// message is a page that only says something: not found, too many
// questions, an error.
type message struct {
	Heading, Text string
}

func (s *Site) notFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// The site is read-only.
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	lang, _ := langOf(r)
	p := s.newPage(r, lang, t(lang, "notfound.title"), "")
	p.Body = message{t(lang, "notfound.title"), t(lang, "notfound.body")}
	s.render(w, r, http.StatusNotFound, "message", p)
}

func (s *Site) failed(w http.ResponseWriter, r *http.Request) {
	lang, _ := langOf(r)
	p := s.newPage(r, lang, t(lang, "error.title"), "")
	p.Body = message{t(lang, "error.title"), t(lang, "error.body")}
	s.render(w, r, http.StatusInternalServerError, "message", p)
}
