package facts

import (
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"weak"
)

// Exclusion is a passage of a document deliberately not made a fact: a
// headline that restates what the text says, a sentence that repeats
// another, rhetoric with nothing to ask about. Writing it down, with why,
// is what lets the coverage report ("ninebridges facts coverage") reach
// 100 % honestly: every sentence with a figure, a date or a name is either
// quoted by a fact or excluded by a curator who read it.
type Exclusion struct {
	Doc   string // the document's id
	Quote string // verbatim, as a source quote is
	Why   string

	File string // where it is written, for messages
	Line int
}

// rawExclusion is an item of "exclusions:" in a data file.
type rawExclusion struct {
	Doc   string `yaml:"doc"`
	Quote string `yaml:"quote"`
	Why   string `yaml:"why"`
}

// Exclusions returns the passages curators chose not to make facts, in the
// order they are written (data files by name).
func (b *Base) Exclusions() []*Exclusion {
	exclusionsMu.Lock()
	defer exclusionsMu.Unlock()
	return exclusionsOf[weak.Make(b)]
}

// The exclusions are kept beside each Base rather than in it, so that
// adding them touched only the loader's data file shape and its load loop
// (base.go is left as it was while others work on the package). A weak key
// with a cleanup drops a base's entry when the base is collected, so tests
// and reloads that make many bases do not pile them up.
// TODO(lead): move into a field of Base when base.go is next edited.
var (
	exclusionsMu sync.Mutex
	exclusionsOf = map[weak.Pointer[Base]][]*Exclusion{}
)

func setExclusions(b *Base, ex []*Exclusion) {
	key := weak.Make(b)
	exclusionsMu.Lock()
	defer exclusionsMu.Unlock()
	if _, ok := exclusionsOf[key]; !ok {
		runtime.AddCleanup(b, func(k weak.Pointer[Base]) {
			exclusionsMu.Lock()
			delete(exclusionsOf, k)
			exclusionsMu.Unlock()
		}, key)
	}
	exclusionsOf[key] = ex
}

// checkExclusion validates one exclusion as a source is validated: its
// document exists, its quote is verbatim there, and it says why.
func (l *loader) checkExclusion(b *Base, r rawExclusion, w where) {
	doc, ok := b.docByID[r.Doc]
	bad := len(l.problems)
	switch {
	case strings.TrimSpace(r.Doc) == "":
		l.bad(w.file, w.line, "exclusion has no doc")
	case !ok:
		l.bad(w.file, w.at("doc"), "exclusion: unknown document %q (known: %s)", r.Doc, strings.Join(b.docIDs(), ", "))
	case strings.TrimSpace(r.Quote) == "":
		l.bad(w.file, w.at("quote"), "exclusion has no quote")
	case l.brokenDocs[r.Doc]:
		// The document's own problem is reported; its text can't be trusted.
	case !doc.Contains(r.Quote):
		l.bad(w.file, w.at("quote"), "exclusion quote not found in %s: %q", r.Doc, r.Quote)
	}
	if n := utf8.RuneCountInString(r.Quote); n > 1000 {
		l.bad(w.file, w.at("quote"), "exclusion quote is %d characters; quote one sentence (under 1000)", n)
	}
	if strings.TrimSpace(r.Why) == "" {
		l.bad(w.file, w.at("why"), "exclusion in %s has no why: say why it is not made a fact", r.Doc)
	}
	if len(l.problems) > bad {
		return
	}
	setExclusions(b, append(b.Exclusions(), &Exclusion{Doc: r.Doc, Quote: r.Quote, Why: r.Why, File: w.file, Line: w.line}))
}
