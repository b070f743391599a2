package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
)

// topicItem is a topic with its label and how many facts it has.
type topicItem struct {
	ID, Name string
	Count    int
}

func (s *Site) topicItems(lang facts.Lang) []topicItem {
	var out []topicItem
	for _, tp := range s.base.Topics() {
		n := 0
		for _, f := range s.base.Facts() {
			if f.Topic == tp {
				n++
			}
		}
		out = append(out, topicItem{tp, s.base.TopicTitle(tp).In(lang), n})
	}
	return out
}

// homeView is the search page: the question, its answer, the topics.
type homeView struct {
	Q         string
	Max       int
	FactCount int
	Answer    *answerView
	Problem   string // why the question was not asked
	Topics    []topicItem
}

// answerView is an answer as Discord shows it: the card when answered,
// the refusal and "did you mean" when not.
type answerView struct {
	Lang        facts.Lang
	Question    string
	Answered    bool
	Kind        answer.Kind
	Reason      match.Reason
	Computed    bool
	Ambiguous   bool   // the text already asks which of the suggestions
	FactID      string // the fact the title links to, for one-fact answers
	Title, Text string
	Note        string
	Facts       []*facts.Fact
	Sources     sourcesView
	Suggestions []match.Suggestion
}

// sourcesView is the outside references and the quotes of some facts,
// each shown once.
type sourcesView struct {
	ID     string // prefix of the headings' ids, unique on the page
	Lang   facts.Lang
	Refs   []*facts.Reference
	Quotes []quoteView
}

type quoteView struct {
	Doc, Title, Head string
	Quote            string
	Fact             string // the fact whose anchor the link lands on
}

// sourcesOf lists the sources of fs as Discord's cite does: outside
// references first, then each quote once, a quote inside a longer one of
// the same document left out.
func (s *Site) sourcesOf(id string, fs []*facts.Fact, lang facts.Lang) sourcesView {
	v := sourcesView{ID: id, Lang: lang}
	seenRef := map[string]bool{}
	type src struct {
		facts.Source
	}
	var all []src
	seen := map[facts.Source]bool{}
	for _, f := range fs {
		for _, ref := range f.References {
			if !seenRef[ref.URL] {
				seenRef[ref.URL] = true
				v.Refs = append(v.Refs, ref)
			}
		}
		for _, sc := range f.Sources {
			if !seen[sc] {
				seen[sc] = true
				all = append(all, src{sc})
			}
		}
	}
	for _, sc := range all {
		within := slices.ContainsFunc(all, func(o src) bool {
			return o.Source != sc.Source && o.Doc == sc.Doc && strings.Contains(o.Quote, sc.Quote)
		})
		if within {
			continue
		}
		q := quoteView{Doc: sc.Doc, Title: sc.Doc, Quote: collapse(sc.Quote), Fact: anchorFact(sc.Source, fs)}
		if d, ok := s.base.Document(sc.Doc); ok {
			q.Title, q.Head = d.Title, d.Publisher
			if !d.Date.IsZero() {
				q.Head += " · " + d.Date.Human(lang)
			}
		}
		v.Quotes = append(v.Quotes, q)
	}
	return v
}

// anchorFact is the fact whose anchor on the document's page, #q-<fact>,
// lands on quote sc: a fact's anchor is its first listed quote of that
// document (see newDocView), so a fact whose first quote there is sc wins
// over one that quotes it later. commands/ask.go links the same way.
func anchorFact(sc facts.Source, fs []*facts.Fact) string {
	var later string
	for _, f := range fs {
		for _, q := range f.Sources {
			if q.Doc != sc.Doc {
				continue
			}
			if q == sc {
				return f.ID
			}
			if later == "" && slices.Contains(f.Sources, sc) {
				later = f.ID
			}
			break
		}
	}
	return later
}

func (s *Site) answerView(r answer.Reply) *answerView {
	v := &answerView{
		Lang: r.Lang, Question: r.Question, Answered: r.Answered, Kind: r.Kind, Reason: r.Reason,
		Title: r.Title, Text: r.Text, Note: r.Note, Facts: r.Facts, Suggestions: r.Suggestions,
	}
	if v.Lang == "" {
		v.Lang = facts.EN
	}
	v.Ambiguous = r.Reason == match.Ambiguous
	if r.Answered {
		v.Computed = r.Kind == answer.KindComputed
		if len(r.Facts) == 1 || r.Kind == answer.KindFact {
			v.FactID = r.Facts[0].ID
		}
		if v.Title == "" && len(r.Facts) > 0 {
			v.Title = r.Facts[0].Title.In(v.Lang)
		}
		v.Sources = s.sourcesOf("answer", r.Facts, v.Lang)
	}
	return v
}

func (s *Site) home(w http.ResponseWriter, r *http.Request) {
	lang, explicit := langOf(r)
	q, fits := question(r)
	v := homeView{Q: q, Max: MaxQuestion, FactCount: len(s.base.Facts()), Topics: s.topicItems(lang)}
	status := http.StatusOK
	title := t(lang, "home.title")
	if strings.TrimSpace(q) != "" {
		if wait, over := s.limited(r); over {
			secs := retryAfterSeconds(wait)
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			v.Problem, status = t(lang, "ratelimited", secs), http.StatusTooManyRequests
		} else if !fits {
			v.Problem, status = t(lang, "toolong", MaxQuestion), http.StatusBadRequest
			v.Q = truncateRunes(q, MaxQuestion)
		} else {
			// The page's language is the reader's; a question asked in
			// another language is answered in the page's, as /ask answers
			// in the user's locale. Without ?lang= the question's own
			// language wins, as ask --lang auto does.
			al := lang
			if !explicit {
				al = ""
			}
			reply := s.answers.Answer(q, al)
			v.Answer = s.answerView(reply)
			title = truncateRunes(q, 60)
		}
	}
	p := s.newPage(r, lang, title, "ask", "q")
	p.Script = true
	p.Body = v
	s.render(w, r, status, "home", p)
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// factView is one fact's page.
type factView struct {
	Fact    *facts.Fact
	ISODate string
	Value   *valueView
	Sources sourcesView
	Others  []otherLang
	Related []*facts.Fact
}

type valueView struct {
	Amount, AsOf          string
	Approx                bool
	SeriesID, SeriesTitle string
}

type otherLang struct {
	Lang          facts.Lang
	Title, Answer string
}

func (s *Site) fact(w http.ResponseWriter, r *http.Request) {
	f, ok := s.base.Fact(r.PathValue("id"))
	if !ok {
		s.notFound(w, r)
		return
	}
	lang, _ := langOf(r)
	v := factView{Fact: f, Sources: s.sourcesOf("fact", []*facts.Fact{f}, lang), Related: s.relatedOf[f.ID]}
	if !f.Date.IsZero() {
		v.ISODate = f.Date.Start.Format(time.DateOnly)
		if f.Date.Precision == facts.Year {
			v.ISODate = f.Date.Start.Format("2006")
		} else if f.Date.Precision == facts.Month {
			v.ISODate = f.Date.Start.Format("2006-01")
		}
	}
	if val := f.Value; val != nil {
		vv := &valueView{Amount: facts.FormatAmount(val.Amount, val.Unit, lang), AsOf: val.AsOf, Approx: val.Approx}
		if sr, ok := s.base.Series(val.Series); ok {
			vv.SeriesID, vv.SeriesTitle = sr.ID, sr.Title.In(lang)
		}
		v.Value = vv
	}
	for _, l := range facts.Langs {
		if l != lang {
			v.Others = append(v.Others, otherLang{l, f.Title.In(l), f.Answer.In(l)})
		}
	}
	p := s.newPage(r, lang, f.Title.In(lang), "")
	p.Body = v
	s.render(w, r, http.StatusOK, "fact", p)
}

// relatedFacts is related for every fact of b, worked out once: it is
// most of a fact page's work otherwise.
func relatedFacts(b *facts.Base) map[string][]*facts.Fact {
	out := make(map[string][]*facts.Fact, len(b.Facts()))
	for _, f := range b.Facts() {
		out[f.ID] = related(b, f)
	}
	return out
}

// related are the facts a reader of f may want next, nearest first: the
// other facts of its timeline events and groups, its series' neighbouring
// years, and facts quoting the same words.
func related(b *facts.Base, f *facts.Fact) []*facts.Fact {
	var out []*facts.Fact
	add := func(g *facts.Fact) {
		if g != f && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	for _, e := range b.Timeline() {
		if slices.Contains(e.Facts, f) {
			for _, g := range e.Facts {
				add(g)
			}
		}
	}
	for _, gr := range b.Groups() {
		if slices.Contains(gr.Facts, f) {
			for _, g := range gr.Facts {
				add(g)
			}
		}
	}
	if f.Value != nil {
		if sr, ok := b.Series(f.Value.Series); ok {
			i := slices.Index(sr.Points, f)
			if i > 0 {
				add(sr.Points[i-1])
			}
			if i >= 0 && i+1 < len(sr.Points) {
				add(sr.Points[i+1])
			}
		}
	}
	for _, sc := range f.Sources {
		for _, g := range b.CitedBy(sc.Doc) {
			for _, gs := range g.Sources {
				if gs.Doc == sc.Doc && (strings.Contains(collapse(gs.Quote), collapse(sc.Quote)) || strings.Contains(collapse(sc.Quote), collapse(gs.Quote))) {
					add(g)
				}
			}
		}
	}
	return out[:min(len(out), 8)]
}

func (s *Site) topic(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !slices.Contains(s.base.Topics(), id) {
		s.notFound(w, r)
		return
	}
	lang, _ := langOf(r)
	var fs []*facts.Fact
	for _, f := range s.base.Facts() {
		if f.Topic == id {
			fs = append(fs, f)
		}
	}
	// Dated facts in time order, then the undated by title.
	slices.SortStableFunc(fs, func(a, b *facts.Fact) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		case !a.Date.IsZero():
			return a.Date.Start.Compare(b.Date.Start)
		}
		return strings.Compare(a.Title.In(lang), b.Title.In(lang))
	})
	p := s.newPage(r, lang, t(lang, "topic.title", s.base.TopicTitle(id).In(lang)), "ask")
	p.Body = struct {
		ID    string
		Facts []*facts.Fact
	}{id, fs}
	s.render(w, r, http.StatusOK, "topic", p)
}

func (s *Site) docs(w http.ResponseWriter, r *http.Request) {
	lang, _ := langOf(r)
	p := s.newPage(r, lang, t(lang, "docs.title"), "docs")
	p.Body = s.base.Documents()
	s.render(w, r, http.StatusOK, "docs", p)
}

// docPage is a document's page: its laid-out text and the facts that
// quote its header.
type docPage struct {
	*docView
	TextLang    facts.Lang
	HeaderFacts []*facts.Fact
}

func (s *Site) doc(w http.ResponseWriter, r *http.Request) {
	d, ok := s.base.Document(r.PathValue("id"))
	if !ok {
		s.notFound(w, r)
		return
	}
	lang, _ := langOf(r)
	v := newDocView(d, s.base.CitedBy(d.ID))
	dp := docPage{docView: v, TextLang: corpusLang}
	for _, h := range append(v.Header, headerField{Segments: v.Title}) {
		for _, sg := range h.Segments {
			for _, id := range sg.Anchors {
				if f, ok := s.base.Fact(id); ok {
					dp.HeaderFacts = append(dp.HeaderFacts, f)
				}
			}
		}
	}
	p := s.newPage(r, lang, d.Title, "docs")
	p.Quotes = true
	p.Body = dp
	s.render(w, r, http.StatusOK, "doc", p)
}

// timelineFilter is the timeline's topic and year, checked.
type timelineFilter struct {
	Topic string
	Year  int
}

// parseTimelineFilter reads ?topic= and ?year=; errKey names what was
// wrong, and the filter then leaves that part out.
func parseTimelineFilter(b *facts.Base, q url.Values) (f timelineFilter, errKey string) {
	if tp := q.Get("topic"); tp != "" {
		if slices.Contains(b.Topics(), tp) {
			f.Topic = tp
		} else {
			errKey = "timeline.badtopic"
		}
	}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err == nil && slices.Contains(timelineYears(b), n) {
			f.Year = n
		} else if errKey == "" {
			errKey = "timeline.badyear"
		}
	}
	return f, errKey
}

func (f timelineFilter) events(b *facts.Base) []*facts.Event {
	var from, to time.Time
	if f.Year != 0 {
		from = time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		to = time.Date(f.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return b.EventsBetween(from, to, f.Topic)
}

// timelineYears are the years with events, for the year filter.
func timelineYears(b *facts.Base) []int {
	var ys []int
	for _, e := range b.Timeline() {
		for y := e.Date.Start.Year(); y <= e.Date.End.Year(); y++ {
			if !slices.Contains(ys, y) {
				ys = append(ys, y)
			}
		}
	}
	slices.Sort(ys)
	return ys
}

type eventView struct {
	ID, Date, ISODate, Title string
	Facts                    []*facts.Fact
}

func (s *Site) timeline(w http.ResponseWriter, r *http.Request) {
	lang, _ := langOf(r)
	f, errKey := parseTimelineFilter(s.base, r.URL.Query())
	v := struct {
		Topics  []topicItem
		Years   []int
		Topic   string
		Year    int
		Problem string
		Events  []eventView
	}{Topics: s.topicItems(lang), Years: timelineYears(s.base), Topic: f.Topic, Year: f.Year}
	status := http.StatusOK
	if errKey != "" {
		bad := r.URL.Query().Get("topic")
		if errKey == "timeline.badyear" {
			bad = r.URL.Query().Get("year")
		}
		v.Problem, status = t(lang, errKey, truncateRunes(bad, 40)), http.StatusBadRequest
	}
	for _, e := range f.events(s.base) {
		v.Events = append(v.Events, eventView{ID: e.ID, Date: e.Date.Human(lang), ISODate: e.Date.Start.Format(time.DateOnly), Title: e.Title.In(lang), Facts: e.Facts})
	}
	p := s.newPage(r, lang, t(lang, "timeline.title"), "timeline", "topic", "year")
	p.Body = v
	s.render(w, r, status, "timeline", p)
}

type rowView struct {
	Year         int
	FactID       string
	Amount, AsOf string
	Approx       bool
	Sources      []quoteView
	Refs         []*facts.Reference
}

func (s *Site) series(w http.ResponseWriter, r *http.Request) {
	sr, ok := s.base.Series(r.PathValue("id"))
	if !ok {
		s.notFound(w, r)
		return
	}
	lang, _ := langOf(r)
	v := struct {
		ID, Title, Alt string
		Rows           []rowView
		Others         []*facts.Series
	}{ID: sr.ID, Title: sr.Title.In(lang)}
	for _, f := range sr.Points {
		src := s.sourcesOf("row", []*facts.Fact{f}, lang)
		v.Rows = append(v.Rows, rowView{Year: f.Value.Year, FactID: f.ID, Amount: facts.FormatAmount(f.Value.Amount, f.Value.Unit, lang),
			AsOf: f.Value.AsOf, Approx: f.Value.Approx, Sources: src.Quotes, Refs: src.Refs})
	}
	if ys := sr.Years(); len(ys) > 0 {
		v.Alt = t(lang, "series.chart", v.Title, ys[0], ys[len(ys)-1])
	}
	for _, o := range s.base.AllSeries() {
		if o != sr {
			v.Others = append(v.Others, o)
		}
	}
	p := s.newPage(r, lang, v.Title, "")
	p.Body = v
	s.render(w, r, http.StatusOK, "series", p)
}

func (s *Site) about(w http.ResponseWriter, r *http.Request) {
	lang, _ := langOf(r)
	first, last := 0, 0
	for _, f := range s.base.Facts() {
		if f.Date.IsZero() {
			continue
		}
		if y := f.Date.Start.Year(); first == 0 || y < first {
			first = y
		}
		if y := f.Date.End.Year(); y > last {
			last = y
		}
	}
	years := strconv.Itoa(first) + "–" + strconv.Itoa(last)
	v := struct {
		Facts, Docs, Events int
		Years               string
		Topics              []topicItem
		Series              []*facts.Series
		Documents           []*facts.Document
		Reasons             any
	}{len(s.base.Facts()), len(s.base.Documents()), len(s.base.Timeline()), years, s.topicItems(lang), s.base.AllSeries(), s.base.Documents(), reasons}
	p := s.newPage(r, lang, t(lang, "about.title"), "about")
	p.Body = v
	s.render(w, r, http.StatusOK, "about", p)
}
