package web

import (
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// Every route answers with its status and content type, and every
// response carries the security headers.
func TestRoutes(t *testing.T) {
	s := realSite(t)
	doc := s.base.Documents()[0].ID
	html, js, css, png, jsonType := "text/html; charset=utf-8", "text/javascript; charset=utf-8", "text/css; charset=utf-8", "image/png", "application/json; charset=utf-8"
	for _, tt := range []struct {
		method, path string
		status       int
		ctype        string
	}{
		{"GET", "/", 200, html},
		{"GET", "/?q=trade+volume+2016", 200, html},
		{"GET", "/?q=what+is+the+weather", 200, html},
		{"GET", "/?q=" + strings.Repeat("a", MaxQuestion+1), 400, html},
		{"GET", "/facts/trade-volume-2016", 200, html},
		{"GET", "/facts/no-such-fact", 404, html},
		{"GET", "/topics/trade", 200, html},
		{"GET", "/topics/nope", 404, html},
		{"GET", "/docs", 200, html},
		{"GET", "/docs/" + doc, 200, html},
		{"GET", "/docs/nope", 404, html},
		{"GET", "/timeline", 200, html},
		{"GET", "/timeline?topic=forum&year=2018", 200, html},
		{"GET", "/timeline?topic=nope", 400, html},
		{"GET", "/timeline?year=1066", 400, html},
		{"GET", "/series/trade-volume", 200, html},
		{"GET", "/series/nope", 404, html},
		{"GET", "/series/trade-volume/chart.png?lang=ko", 200, png},
		{"GET", "/series/nope/chart.png", 404, html},
		{"GET", "/about", 200, html},
		{"GET", "/static/style.css", 200, css},
		{"GET", "/static/search.js", 200, js},
		{"GET", "/static/quotes.css", 200, css},
		{"GET", "/static/nope.js", 404, html},
		{"GET", "/nope", 404, html},
		{"POST", "/", 405, "text/plain; charset=utf-8"},
		{"HEAD", "/about", 200, html},
		{"GET", "/api/v1/ask?q=trade+volume+2016", 200, jsonType},
		{"GET", "/api/v1/ask?q=hi&lang=de", 400, jsonType},
		{"GET", "/api/v1/ask?q=" + strings.Repeat("a", MaxQuestion+1), 400, jsonType},
		{"GET", "/api/v1/facts", 200, jsonType},
		{"GET", "/api/v1/facts/trade-volume-2016", 200, jsonType},
		{"GET", "/api/v1/facts/nope", 404, jsonType},
		{"GET", "/api/v1/timeline", 200, jsonType},
		{"GET", "/api/v1/timeline?topic=nope", 400, jsonType},
		{"GET", "/api/v1/series", 200, jsonType},
		{"GET", "/api/v1/series/trade-volume", 200, jsonType},
		{"GET", "/api/v1/series/nope", 404, jsonType},
		{"GET", "/api/v1/docs", 200, jsonType},
		{"GET", "/api/v1/openapi.json", 200, jsonType},
		{"GET", "/api/v2/facts", 404, jsonType},
		{"POST", "/api/v1/facts", 405, jsonType},
		{"OPTIONS", "/api/v1/facts", 204, ""},
	} {
		t.Run(tt.method+" "+truncateRunes(tt.path, 50), func(t *testing.T) {
			r := httptestRequest(tt.method, tt.path)
			w := recorder()
			s.ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d: %.200s", w.Code, tt.status, w.Body.String())
			}
			if got := w.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
				if w.Header().Get(h) == "" {
					t.Errorf("no %s", h)
				}
			}
		})
	}
}

// The policy allows no inline script or style, and every page keeps to
// it: no style or on* attributes, no inline <script> or <style>.
func TestCSPHoldsOnEveryPage(t *testing.T) {
	s := fixtureSite(t)
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Fatalf("policy %q", csp)
	}
	bad := regexp.MustCompile(`(?i)<style|\sstyle=|\son[a-z]+=|<script>|<script [^>]*>[^<]|javascript:`)
	for _, path := range []string{"/", "/?q=trade", "/facts/fixture-farming", "/docs/2021-03-04-fixture-bridges", "/docs", "/timeline", "/series/trade-volume", "/about", "/topics/trade", "/nope"} {
		for _, l := range facts.Langs {
			body := get(s, path+sep(path)+"lang="+string(l)).Body.String()
			if m := bad.FindString(body); m != "" {
				t.Errorf("%s in %s: %q breaks the policy", path, l, m)
			}
		}
	}
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

func TestAcceptLanguage(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   facts.Lang
	}{
		{"", facts.EN},
		{"ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", facts.KO},
		{"ru", facts.RU},
		{"de-DE,de;q=0.9,ru;q=0.5,ko;q=0.4", facts.RU},
		{"en;q=0.2, ko;q=0.8", facts.KO},
		{"fr, de", facts.EN},
		{"ko;q=abc, ru;q=0.1", facts.RU},
		{"KO", facts.KO},
		{"ru;q=2", facts.EN},
		{strings.Repeat("x,", 1000) + "ko", facts.EN},
	} {
		if got := acceptLang(tt.header); got != tt.want {
			t.Errorf("acceptLang(%.40q) = %s, want %s", tt.header, got, tt.want)
		}
	}
}

// ?lang= wins over Accept-Language; the page says its language, links the
// others with hreflang, and keeps the reader's language in its links.
func TestLanguageOfPages(t *testing.T) {
	s := fixtureSite(t)
	for _, tt := range []struct {
		target, accept string
		want           facts.Lang
		text           string
	}{
		{"/facts/fixture-farming", "", facts.EN, "Ports and farming"},
		{"/facts/fixture-farming", "ru-RU,ru;q=0.9", facts.RU, "Порты и сельское хозяйство"},
		{"/facts/fixture-farming?lang=ko", "ru", facts.KO, "항만과 농업"},
		{"/facts/fixture-farming?lang=xx", "ko", facts.KO, "항만과 농업"},
	} {
		w := get(s, tt.target, "Accept-Language", tt.accept)
		body := w.Body.String()
		if !strings.Contains(body, `<html lang="`+string(tt.want)+`">`) || w.Header().Get("Content-Language") != string(tt.want) {
			t.Errorf("%s (%s): not in %s", tt.target, tt.accept, tt.want)
		}
		if !strings.Contains(body, "<h1>"+tt.text+"</h1>") {
			t.Errorf("%s (%s): no %q", tt.target, tt.accept, tt.text)
		}
		for _, l := range facts.Langs {
			if !strings.Contains(body, `<link rel="alternate" hreflang="`+string(l)+`" href="/facts/fixture-farming?lang=`+string(l)+`">`) {
				t.Errorf("%s: no hreflang link to %s", tt.target, l)
			}
		}
		if !strings.Contains(body, `href="/topics/bridges?lang=`+string(tt.want)+`"`) {
			t.Errorf("%s: links do not keep the language", tt.target)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept-Language") {
			t.Errorf("%s: Vary %q", tt.target, w.Header().Get("Vary"))
		}
	}
}

// Every text the templates ask for is in the catalogue, in every language.
func TestCatalogue(t *testing.T) {
	for key, m := range catalogue {
		if m.EN == "" || m.KO == "" || m.RU == "" {
			t.Errorf("%s: missing a language", key)
		}
	}
	keys := regexp.MustCompile(`\bt \$?\.Lang "([^"]+)"`)
	for _, name := range append(pageNames, "layout") {
		data, err := templateFS.ReadFile("templates/" + name + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keys.FindAllStringSubmatch(string(data), -1) {
			if _, ok := catalogue[m[1]]; !ok {
				t.Errorf("%s.html asks for %q, which the catalogue lacks", name, m[1])
			}
		}
	}
	for _, r := range reasons {
		if r.Text.EN == "" || r.Text.KO == "" || r.Text.RU == "" {
			t.Errorf("reason %s: missing a language", r.Key)
		}
	}
}

// The site mounts beside the bot's /healthz and /metrics.
func TestHandlerBesideOthers(t *testing.T) {
	other := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	h := Handler(fixtureSite(t), other, "/healthz", "/metrics")
	if body := get(h, "/healthz").Body.String(); body != "ok" {
		t.Errorf("/healthz: %q", body)
	}
	if w := get(h, "/about"); w.Code != 200 || !strings.Contains(w.Body.String(), "<main") {
		t.Errorf("/about: %d", w.Code)
	}
}

// The README's "On the web" section names every page and API route.
func TestReadmeRoutes(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## On the web")
	if !ok {
		t.Fatal(`README.md has no "## On the web" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for _, route := range []string{"/facts/{id}", "/docs/{id}", "/timeline", "/series/{id}", "/about", "/topics/{id}",
		"/api/v1/ask", "/api/v1/facts", "/api/v1/facts/{id}", "/api/v1/timeline", "/api/v1/series/{id}", "/api/v1/docs", "/api/v1/openapi.json", "ninebridges web"} {
		if !strings.Contains(section, route) {
			t.Errorf("README's On the web section does not mention %s", route)
		}
	}
	if !slices.ContainsFunc(strings.Split(section, "\n"), func(l string) bool { return strings.HasPrefix(l, "![") }) {
		t.Error("README's On the web section shows no screenshot")
	}
}
