package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/factstest"
)

// /api/v1/ask gives the same JSON as "ninebridges ask --json": both are
// NewAskResult of the answer layer's reply.
func TestAPIAskIsAskJSON(t *testing.T) {
	s := realSite(t)
	b, m := factstest.Base(t)
	a := answer.New(b, m)
	for _, tt := range []struct {
		q    string
		lang facts.Lang
	}{
		{"korea russia trade 2016", ""},
		{"how much did trade grow between 2016 and 2017", facts.EN},
		{"2017년 한러 교역액은?", ""},
		{"Каким был товарооборот в 2019 году?", facts.RU},
		{"what is the weather in Seoul", ""},
		{"trade in 1850", facts.EN},
		{"", ""},
		{"hello", ""},
	} {
		target := "/api/v1/ask?q=" + url.QueryEscape(tt.q)
		if tt.lang != "" {
			target += "&lang=" + string(tt.lang)
		}
		w := get(s, target)
		want, err := json.Marshal(NewAskResult(b, a.Answer(tt.q, tt.lang)))
		if err != nil {
			t.Fatal(err)
		}
		if w.Code != 200 || !bytes.Equal(bytes.TrimSpace(w.Body.Bytes()), want) {
			t.Errorf("%q: %d\n got %s\nwant %s", tt.q, w.Code, w.Body.Bytes(), want)
		}
	}
}

// Every API response carries the base's ETag; sending it back gets a 304
// with no body. The ETag is the content's: another base has another.
func TestAPIETag(t *testing.T) {
	s := realSite(t)
	w := get(s, "/api/v1/facts")
	etag := w.Header().Get("ETag")
	if w.Code != 200 || len(etag) < 10 || !strings.HasPrefix(etag, `"`) {
		t.Fatalf("status %d, ETag %q", w.Code, etag)
	}
	if cc := w.Header().Get("Cache-Control"); cc != "public, max-age=300" {
		t.Errorf("Cache-Control %q", cc)
	}
	for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
		for _, path := range []string{"/api/v1/facts", "/api/v1/facts/trade-volume-2016", "/api/v1/docs", "/api/v1/ask?q=trade"} {
			w := get(s, path, "If-None-Match", inm)
			if w.Code != http.StatusNotModified || w.Body.Len() != 0 || w.Header().Get("ETag") != etag {
				t.Errorf("%s with If-None-Match %s: %d, %d bytes", path, inm, w.Code, w.Body.Len())
			}
		}
	}
	if w := get(s, "/api/v1/facts", "If-None-Match", `"stale"`); w.Code != 200 {
		t.Errorf("a stale ETag: %d", w.Code)
	}
	if other := get(fixtureSite(t), "/api/v1/facts").Header().Get("ETag"); other == etag || other == "" {
		t.Errorf("two bases, one ETag %q", etag)
	}
	if again := contentHash(s.base); `"`+again+`"` != etag {
		t.Errorf("the hash is not stable: %s then %s", etag, again)
	}
}

// Any origin may GET; a preflight says so and allows If-None-Match.
func TestAPICORS(t *testing.T) {
	s := fixtureSite(t)
	w := get(s, "/api/v1/docs", "Origin", "https://elsewhere.example")
	if w.Header().Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(w.Header().Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("GET: %v", w.Header())
	}
	r := httptestRequest(http.MethodOptions, "/api/v1/ask")
	r.Header.Set("Origin", "https://elsewhere.example")
	r.Header.Set("Access-Control-Request-Method", "GET")
	r.Header.Set("Access-Control-Request-Headers", "if-none-match")
	pw := recorder()
	s.ServeHTTP(pw, r)
	h := pw.Header()
	if pw.Code != 204 || h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") ||
		!strings.Contains(h.Get("Access-Control-Allow-Headers"), "If-None-Match") || strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", pw.Code, h)
	}
}

// Questions are limited per client: past the burst, /api/v1/ask and the
// search answer 429 with Retry-After, other clients and other routes go
// on, and a 304 is no way around the limit.
func TestRateLimit(t *testing.T) {
	b := fixtureBase(t)
	s, err := New(Config{Base: b, Rate: 0.5, Burst: 2})
	if err != nil {
		t.Fatal(err)
	}
	from := func(ip, target string, headers ...string) *http.Response {
		r := httptestRequest(http.MethodGet, target)
		r.RemoteAddr = ip + ":1234"
		for i := 0; i+1 < len(headers); i += 2 {
			r.Header.Set(headers[i], headers[i+1])
		}
		w := recorder()
		s.ServeHTTP(w, r)
		return w.Result()
	}
	for i := range 2 {
		if res := from("192.0.2.1", "/api/v1/ask?q=trade"); res.StatusCode != 200 {
			t.Fatalf("question %d: %d", i, res.StatusCode)
		}
	}
	for _, target := range []string{"/api/v1/ask?q=trade", "/?q=trade"} {
		res := from("192.0.2.1", target, "If-None-Match", s.etag)
		secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
		if res.StatusCode != http.StatusTooManyRequests || err != nil || secs < 1 || secs > 2 {
			t.Errorf("%s over the limit: %d, Retry-After %q", target, res.StatusCode, res.Header.Get("Retry-After"))
		}
	}
	if res := from("192.0.2.1", "/?lang=ko&q=trade"); res.StatusCode != 429 {
		t.Errorf("the search page over the limit: %d", res.StatusCode)
	}
	if res := from("192.0.2.1", "/"); res.StatusCode != 200 {
		t.Errorf("the home page without a question is not limited: %d", res.StatusCode)
	}
	if res := from("192.0.2.1", "/api/v1/facts"); res.StatusCode != 200 {
		t.Errorf("other routes are not limited: %d", res.StatusCode)
	}
	if res := from("192.0.2.2", "/api/v1/ask?q=trade"); res.StatusCode != 200 {
		t.Errorf("another client: %d", res.StatusCode)
	}
	// One IPv6 client holds a /64: its neighbours share its bucket.
	for i := range 2 {
		from("[2001:db8::"+strconv.Itoa(i+1)+"]", "/api/v1/ask?q=trade")
	}
	if res := from("[2001:db8::ff]", "/api/v1/ask?q=trade"); res.StatusCode != 429 {
		t.Errorf("the same /64: %d", res.StatusCode)
	}
}

// The limiter's table holds at most Clients clients.
func TestLimiterIsBounded(t *testing.T) {
	l, err := newLimiter(1, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		l.allow(strconv.Itoa(i), timeZero)
	}
	if n := l.clients.Len(); n != 3 {
		t.Errorf("%d clients remembered, want 3", n)
	}
}

// Each API response is valid against its schema in openapi.json, errors
// included, and the description lists exactly the routes served.
func TestAPISchemas(t *testing.T) {
	s := realSite(t)
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPI))
	if err != nil {
		t.Fatal(err)
	}
	const loc = "file:///openapi.json"
	if err := c.AddResource(loc, doc); err != nil {
		t.Fatal(err)
	}
	schema := func(name string) *jsonschema.Schema {
		sch, err := c.Compile(loc + "#/components/schemas/" + name)
		if err != nil {
			t.Fatalf("schema %s: %v", name, err)
		}
		return sch
	}
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &spec); err != nil {
		t.Fatal(err)
	}
	served := []string{"/api/v1/ask", "/api/v1/facts", "/api/v1/facts/{id}", "/api/v1/timeline", "/api/v1/series", "/api/v1/series/{id}", "/api/v1/docs", "/api/v1/openapi.json"}
	var described []string
	for p := range spec.Paths {
		described = append(described, p)
	}
	slices.Sort(described)
	slices.Sort(served)
	if !slices.Equal(described, served) || spec.OpenAPI != "3.1.0" {
		t.Errorf("openapi.json (%s) describes %v; the site serves %v", spec.OpenAPI, described, served)
	}
	questions := []string{"korea russia trade 2016", "how much did trade grow between 2016 and 2017", "what did kang and kozlov agree",
		"is it true that trade reached $30 billion in 2017", "2017년 한러 교역액은?", "Каким был товарооборот в 2019 году?",
		"what is the weather", "trade in 1850", "", "thanks!", "trade between russia and kazakhstan in 2019", "when was the second forum"}
	cases := []struct {
		path, schema string
		status       int
	}{
		{"/api/v1/facts", "FactList", 200},
		{"/api/v1/facts/nope", "Error", 404},
		{"/api/v1/timeline", "Timeline", 200},
		{"/api/v1/timeline?topic=forum", "Timeline", 200},
		{"/api/v1/timeline?year=nope", "Error", 400},
		{"/api/v1/series", "SeriesList", 200},
		{"/api/v1/series/nope", "Error", 404},
		{"/api/v1/docs", "DocumentList", 200},
		{"/api/v1/ask?q=x&lang=xx", "Error", 400},
		{"/api/v2/", "Error", 404},
	}
	for _, f := range s.base.Facts() {
		cases = append(cases, struct {
			path, schema string
			status       int
		}{"/api/v1/facts/" + f.ID, "Fact", 200})
	}
	for _, sr := range s.base.AllSeries() {
		cases = append(cases, struct {
			path, schema string
			status       int
		}{"/api/v1/series/" + sr.ID, "Series", 200})
	}
	for _, q := range questions {
		cases = append(cases, struct {
			path, schema string
			status       int
		}{"/api/v1/ask?q=" + url.QueryEscape(q), "AskResult", 200})
	}
	for _, tt := range cases {
		w := get(s, tt.path)
		if w.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, w.Code, tt.status)
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if err := schema(tt.schema).Validate(inst); err != nil {
			t.Errorf("%s is not a valid %s: %v", tt.path, tt.schema, err)
		}
	}
	// The schemas are strict: a field they do not name is an error, so
	// the description cannot fall behind the code.
	if err := schema("Document").Validate(map[string]any{"id": "x", "title": "", "publisher": "", "published": "", "date": "", "kind": "", "cited_by": []any{}, "text": ""}); err == nil {
		t.Error("the Document schema accepts a field it does not describe")
	}
	// The description itself is served as it is embedded.
	if w := get(s, "/api/v1/openapi.json"); !bytes.Equal(bytes.TrimSpace(w.Body.Bytes()), bytes.TrimSpace(openAPI)) {
		t.Error("/api/v1/openapi.json is not the embedded description")
	}
}

// Behind a proxy, the client is the last address of the header the proxy
// sets; what the client itself put before it does not count.
func TestHeaderClientIP(t *testing.T) {
	ip := HeaderClientIP("X-Forwarded-For")
	tests := []struct {
		header []string
		remote string
		want   string
	}{
		{[]string{"203.0.113.7"}, "10.0.0.1:5", "203.0.113.7"},
		{[]string{"1.2.3.4, 203.0.113.7"}, "10.0.0.1:5", "203.0.113.7"},
		{[]string{"1.2.3.4", "198.51.100.2"}, "10.0.0.1:5", "198.51.100.2"},
		{[]string{"2001:db8:1:2:3::9"}, "10.0.0.1:5", "2001:db8:1:2::/64"},
		{[]string{"not an address"}, "10.0.0.1:5", "10.0.0.1"},
		{nil, "10.0.0.1:5", "10.0.0.1"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = tt.remote
		for _, h := range tt.header {
			r.Header.Add("X-Forwarded-For", h)
		}
		if got := ip(r); got != tt.want {
			t.Errorf("%v from %s: got %q, want %q", tt.header, tt.remote, got, tt.want)
		}
	}
}
