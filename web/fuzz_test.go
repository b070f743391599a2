package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWeb sends the site anything from outside: a question, a path, a
// language and an Accept-Language header. Nothing may panic or fail with
// a 5xx, and nothing typed may come back unescaped, in a page or in JSON.
func FuzzWeb(f *testing.F) {
	for _, seed := range []struct{ q, path, lang, accept string }{
		{"trade volume 2016", "facts/trade-volume-2016", "en", ""},
		{"<script>alert(1)</script>", "docs/<x>", "ko", "ko-KR,ko;q=0.9"},
		{`"><img src=x onerror=alert(1)>`, "timeline", "ru", "ru;q=abc"},
		{"javascript:alert(1)", "series/trade-volume", "", "*"},
		{"2017년 한러 교역액은?", "about", "ko", ""},
		{"Каким был товарооборот в 2019 году?", "topics/trade", "auto", "ru"},
		{"' onmouseover='x", "static/style.css", "en\x00", "\xff"},
		{strings.Repeat("가", 301), "api/v1/facts/x\"y", "xx", strings.Repeat("en;q=0.1,", 100)},
		{"{{.}} &amp; %s %v \\u003c", "%2e%2e/%2e%2e/etc/passwd", "", ""},
	} {
		f.Add(seed.q, seed.path, seed.lang, seed.accept)
	}
	s := realSite(f)
	targets := func(q, path, lang string) []*url.URL {
		return []*url.URL{
			{Path: "/", RawQuery: url.Values{"q": {q}, "lang": {lang}}.Encode()},
			{Path: "/api/v1/ask", RawQuery: url.Values{"q": {q}, "lang": {lang}}.Encode()},
			{Path: "/timeline", RawQuery: url.Values{"topic": {q}, "year": {lang}, "lang": {lang}}.Encode()},
			{Path: "/api/v1/timeline", RawQuery: url.Values{"topic": {q}, "year": {lang}}.Encode()},
			{Path: "/" + path, RawQuery: url.Values{"lang": {lang}, "q": {q}}.Encode()},
			{Path: "/facts/" + q},
			{Path: "/docs/" + path},
		}
	}
	serve := func(t *testing.T, u *url.URL, accept string) (body, ctype string) {
		r := &http.Request{Method: http.MethodGet, URL: u, Header: http.Header{}, RemoteAddr: "192.0.2.9:1", Host: "example.test", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
		r.RequestURI = u.RequestURI()
		r.Header.Set("Accept-Language", accept)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s: status %d", u, w.Code)
		}
		return w.Body.String(), w.Header().Get("Content-Type")
	}
	f.Fuzz(func(t *testing.T, q, path, lang, accept string) {
		for i, u := range targets(q, path, lang) {
			body, ctype := serve(t, u, accept)
			inputs := []string{q, path, lang, accept}
			for k, in := range inputs {
				if !reflected(body, ctype, in) {
					continue
				}
				// The page's own markup may hold the same characters
				// ("ipt>" is in every "</script>"): it is a reflection
				// only if the input shows more often than in the page
				// served with that input replaced by a plain word.
				plain := slices.Clone(inputs)
				plain[k] = "zz"
				base, _ := serve(t, targets(plain[0], plain[1], plain[2])[i], plain[3])
				// A short input the page's markup holds anyway ("\"e" is in
				// every class="entry") says nothing when the two pages
				// answer differently; a reflection shows as well with any
				// longer input, which the fuzzer tries too.
				if utf8.RuneCountInString(in) < 6 && strings.Contains(base, in) {
					continue
				}
				if strings.Count(body, in) > strings.Count(base, in) {
					t.Fatalf("%s reflects %q unescaped", u, in)
				}
			}
		}
	})
}

// reflected reports whether input comes back raw where it could do harm:
// in HTML, with any of the characters that open markup or end an
// attribute; in JSON, with any that an HTML parser would take as markup
// (encoding/json writes them as \u003c and the like).
func reflected(body, ctype, input string) bool {
	special := `<>"'`
	if strings.HasPrefix(ctype, "application/json") {
		special = `<>&`
	}
	// A lone special character is everywhere in a page; only input that
	// carries one beside something else could be a reflection.
	if len(input) < 2 || !strings.ContainsAny(input, special) {
		return false
	}
	return strings.Contains(body, input)
}
