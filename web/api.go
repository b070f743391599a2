package web

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// The API is read-only and versioned under /api/v1/; openapi.json
// describes it, and TestAPISchemas checks every response against that
// description. Fields are only ever added within v1.

//go:embed openapi.json
var openAPI []byte

// apiMaxAge is how long a cache may keep an API response without asking
// again; after that an If-None-Match costs a 304.
const apiMaxAge = 5 * time.Minute

// apiError is a refusal with its status, as {"error": "..."}.
type apiError struct {
	status     int
	msg        string
	retryAfter int // seconds, for 429
}

// apiHandler computes a response body, or refuses.
type apiHandler func(r *http.Request) (any, *apiError)

// apiGET wraps an API handler: CORS for any origin (the API is public and
// read-only, and takes no credentials), an ETag from the base's content
// hash, so a client that has the answer gets a 304, and JSON with HTML
// characters escaped.
func (s *Site) apiGET(h apiHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Access-Control-Allow-Origin", "*")
		hd.Set("Access-Control-Expose-Headers", "ETag, Retry-After")
		// Questions cost the most; they are limited before anything else,
		// a 304 included, so that the limit is the whole truth of what a
		// client may ask.
		if r.URL.Path == "/api/v1/ask" {
			if wait, over := s.limited(r); over {
				writeAPIError(w, &apiError{status: http.StatusTooManyRequests, msg: "too many questions; retry after the Retry-After seconds", retryAfter: retryAfterSeconds(wait)})
				return
			}
		}
		if etagMatches(r.Header.Get("If-None-Match"), s.etag) {
			hd.Set("ETag", s.etag)
			cacheFor(w, apiMaxAge)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		v, aerr := h(r)
		if aerr != nil {
			writeAPIError(w, aerr)
			return
		}
		var body []byte
		if raw, ok := v.(json.RawMessage); ok {
			body = raw
		} else {
			var err error
			body, err = json.Marshal(v)
			if err != nil {
				s.log.Error("encoding an API response", "path", r.URL.Path, "err", err)
				writeAPIError(w, &apiError{status: http.StatusInternalServerError, msg: "internal error"})
				return
			}
		}
		hd.Set("Content-Type", "application/json; charset=utf-8")
		hd.Set("ETag", s.etag)
		cacheFor(w, apiMaxAge)
		w.Write(body)
		if raw, ok := v.(json.RawMessage); !ok || len(raw) == 0 || raw[len(raw)-1] != '\n' {
			w.Write([]byte{'\n'})
		}
	}
}

func writeAPIError(w http.ResponseWriter, e *apiError) {
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	if e.retryAfter > 0 {
		hd.Set("Retry-After", strconv.Itoa(e.retryAfter))
	}
	w.WriteHeader(e.status)
	body, _ := json.Marshal(map[string]string{"error": e.msg})
	w.Write(append(body, '\n'))
}

// etagMatches reports whether an If-None-Match header names etag (or is
// "*"); weak and strong forms compare equal, as RFC 9110 has it for GET.
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// preflight answers a CORS preflight: GET (and HEAD) from anywhere, with
// If-None-Match, so a browser can revalidate across origins.
func preflight(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Access-Control-Allow-Origin", "*")
	hd.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
	hd.Set("Access-Control-Allow-Headers", "If-None-Match")
	hd.Set("Access-Control-Max-Age", "86400")
	hd.Set("Allow", "GET, HEAD, OPTIONS")
	w.WriteHeader(http.StatusNoContent)
}

func (s *Site) apiNotFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions {
		w.Header().Set("Allow", "GET, HEAD, OPTIONS")
		writeAPIError(w, &apiError{status: http.StatusMethodNotAllowed, msg: "the API is read-only: GET only"})
		return
	}
	writeAPIError(w, &apiError{status: http.StatusNotFound, msg: "no such API route; see /api/v1/openapi.json"})
}

// question reads ?q=, refusing one longer than MaxQuestion.
func question(r *http.Request) (string, bool) {
	q := r.URL.Query().Get("q")
	return q, utf8.RuneCountInString(q) <= MaxQuestion
}

func (s *Site) apiAsk(r *http.Request) (any, *apiError) {
	q, ok := question(r)
	if !ok {
		return nil, &apiError{status: http.StatusBadRequest, msg: "q is longer than " + strconv.Itoa(MaxQuestion) + " characters"}
	}
	var lang facts.Lang
	if l := r.URL.Query().Get("lang"); l != "" && l != "auto" {
		var err error
		if lang, err = facts.ParseLang(l); err != nil {
			return nil, &apiError{status: http.StatusBadRequest, msg: "lang must be en, ko, ru or auto"}
		}
	}
	return NewAskResult(s.base, s.answers.Answer(q, lang)), nil
}

func (s *Site) apiFacts(r *http.Request) (any, *apiError) {
	return struct {
		Facts []*facts.Fact `json:"facts"`
	}{s.base.Facts()}, nil
}

func (s *Site) apiFact(r *http.Request) (any, *apiError) {
	f, ok := s.base.Fact(r.PathValue("id"))
	if !ok {
		return nil, &apiError{status: http.StatusNotFound, msg: "no such fact"}
	}
	return f, nil
}

// eventOut is a timeline event in the API.
type eventOut struct {
	ID     string     `json:"id"`
	Title  facts.Text `json:"title"`
	Date   string     `json:"date"`
	Topics []string   `json:"topics"`
	Facts  []string   `json:"facts"`
}

func eventJSON(e *facts.Event) eventOut {
	out := eventOut{ID: e.ID, Title: e.Title, Date: e.Date.String(), Topics: []string{}, Facts: []string{}}
	for _, f := range e.Facts {
		out.Facts = append(out.Facts, f.ID)
		if !slices.Contains(out.Topics, f.Topic) {
			out.Topics = append(out.Topics, f.Topic)
		}
	}
	return out
}

func (s *Site) apiTimeline(r *http.Request) (any, *apiError) {
	f, errKey := parseTimelineFilter(s.base, r.URL.Query())
	if errKey != "" {
		return nil, &apiError{status: http.StatusBadRequest, msg: map[string]string{
			"timeline.badtopic": "unknown topic; see /api/v1/facts for the topics in use",
			"timeline.badyear":  "year must be a year the timeline covers",
		}[errKey]}
	}
	out := struct {
		Events []eventOut `json:"events"`
	}{Events: []eventOut{}}
	for _, e := range f.events(s.base) {
		out.Events = append(out.Events, eventJSON(e))
	}
	return out, nil
}

// pointOut is one figure of a series, with the fact and quotes it rests on.
type pointOut struct {
	facts.Value
	FactID     string             `json:"fact_id"`
	Sources    []facts.Source     `json:"sources"`
	References []*facts.Reference `json:"references"`
}

type seriesOut struct {
	ID     string     `json:"id"`
	Unit   string     `json:"unit"`
	Title  facts.Text `json:"title"`
	Points []pointOut `json:"points"`
}

func seriesJSON(s *facts.Series, b *facts.Base) seriesOut {
	out := seriesOut{ID: s.ID, Unit: s.Unit, Title: s.Title, Points: []pointOut{}}
	for _, f := range s.Points {
		p := pointOut{Value: *f.Value, FactID: f.ID, Sources: f.Sources, References: f.References}
		if p.Sources == nil {
			p.Sources = []facts.Source{}
		}
		if p.References == nil {
			p.References = []*facts.Reference{}
		}
		out.Points = append(out.Points, p)
	}
	return out
}

func (s *Site) apiSeriesList(r *http.Request) (any, *apiError) {
	type item struct {
		ID    string     `json:"id"`
		Unit  string     `json:"unit"`
		Title facts.Text `json:"title"`
		Years []int      `json:"years"`
	}
	out := struct {
		Series []item `json:"series"`
	}{Series: []item{}}
	for _, sr := range s.base.AllSeries() {
		out.Series = append(out.Series, item{sr.ID, sr.Unit, sr.Title, append([]int{}, sr.Years()...)})
	}
	return out, nil
}

func (s *Site) apiSeries(r *http.Request) (any, *apiError) {
	sr, ok := s.base.Series(r.PathValue("id"))
	if !ok {
		return nil, &apiError{status: http.StatusNotFound, msg: "no such series; see /api/v1/series"}
	}
	return seriesJSON(sr, s.base), nil
}

// docOut is a source document's header in the API, and the facts that
// quote it; its text is on its page.
type docOut struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	Published string   `json:"published"`
	Date      string   `json:"date"`
	Kind      string   `json:"kind"`
	CitedBy   []string `json:"cited_by"`
}

func (s *Site) apiDocs(r *http.Request) (any, *apiError) {
	out := struct {
		Documents []docOut `json:"documents"`
	}{Documents: []docOut{}}
	for _, d := range s.base.Documents() {
		o := docOut{ID: d.ID, Title: d.Title, Publisher: d.Publisher, Published: d.Published, Date: d.Date.String(), Kind: d.Kind, CitedBy: []string{}}
		for _, f := range s.base.CitedBy(d.ID) {
			o.CitedBy = append(o.CitedBy, f.ID)
		}
		out.Documents = append(out.Documents, o)
	}
	return out, nil
}

func (s *Site) apiOpenAPI(r *http.Request) (any, *apiError) {
	return json.RawMessage(openAPI), nil
}
