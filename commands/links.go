package commands

import (
	"net/url"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// links are the site's addresses (package web) for what the commands
// show, so a reader can click through from Discord to the page that proves
// an answer: a fact card's title to /facts/{id}, a source to the quote
// highlighted in its document, /docs/{doc}#q-{fact}. The zero value has no
// site, and every link is "", which leaves the messages as they were.
type links struct {
	base string // the public URL, without a trailing slash
}

func newLinks(publicURL string) links { return links{base: strings.TrimRight(publicURL, "/")} }

func (l links) on() bool { return l.base != "" }

func (l links) page(path string, lang facts.Lang, query url.Values) string {
	if !l.on() {
		return ""
	}
	if query == nil {
		query = url.Values{}
	}
	query.Set("lang", string(lang))
	return l.base + path + "?" + query.Encode()
}

// fact is a fact's page.
func (l links) fact(id string, lang facts.Lang) string {
	return l.page("/facts/"+url.PathEscape(id), lang, nil)
}

// quote is a source document's page, scrolled to the quote of fact.
func (l links) quote(doc, fact string, lang facts.Lang) string {
	if !l.on() {
		return ""
	}
	return l.page("/docs/"+url.PathEscape(doc), lang, nil) + "#q-" + url.PathEscape(fact)
}

// ask is the site's search page answering question, for answers worked
// out from several facts, which have no page of their own.
func (l links) ask(question string, lang facts.Lang) string {
	return l.page("/", lang, url.Values{"q": {question}})
}

// timeline is the timeline page, of one topic or all.
func (l links) timeline(topic string, lang facts.Lang) string {
	q := url.Values{}
	if topic != "" {
		q.Set("topic", topic)
	}
	return l.page("/timeline", lang, q)
}

// series is a series' page: its chart, table and sources.
func (l links) series(id string, lang facts.Lang) string {
	return l.page("/series/"+url.PathEscape(id), lang, nil)
}

// mdLink is a Markdown link, which Discord shows in embed descriptions and
// field values; its text is escaped so a title cannot end it early.
func mdLink(text, href string) string {
	if href == "" {
		return text
	}
	r := strings.NewReplacer(`[`, `\[`, `]`, `\]`)
	return "[" + r.Replace(text) + "](" + href + ")"
}
