package facts

import (
	"encoding/json"
	"strings"
)

// Fact is one curated, sourced statement with its answers and the ways people
// ask for it.
type Fact struct {
	ID        string
	Topic     string
	Title     Text // a short label, for lists, autocomplete and buttons
	Answer    Text
	Questions Phrasings
	Aliases   []string // other spellings and scripts of the names it mentions
	Date      Date     // zero when the fact has no date
	Value     *Value   // set when the fact is one point of a series
	Sources   []Source
	// References are sources outside the corpus, set when the fact rests
	// on knowledge beyond it, such as a correction of a source's error.
	References []*Reference
	Entities   []*Entity // the entities it names (see Entity), derived

	File string // where it is defined, for messages
	Line int
}

// External reports whether the fact needs knowledge from outside the corpus.
func (f *Fact) External() bool { return len(f.References) > 0 }

// Value is a figure that belongs to a series, such as one year's trade volume.
type Value struct {
	Series string  `yaml:"series" json:"series"`
	Year   int     `yaml:"year" json:"year"`
	Amount float64 `yaml:"amount" json:"amount"`
	Unit   string  `yaml:"unit" json:"unit"`
	// AsOf marks a partial figure, such as a year counted only up to
	// September ("2018-09").
	AsOf string `yaml:"as_of,omitempty" json:"as_of,omitempty"`
	// Approx marks a figure the source gives as approximate.
	Approx bool `yaml:"approx,omitempty" json:"approx,omitempty"`
}

// Source ties a fact to a verbatim quote from a corpus document.
type Source struct {
	Doc   string `yaml:"doc" json:"doc"`
	Quote string `yaml:"quote" json:"quote"`
}

// Reference is a source outside the corpus: a primary page (a ministry,
// an embassy, an agreement's text, a contemporary report of an official
// announcement) rather than an encyclopedia.
type Reference struct {
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher" json:"publisher"`
	// Date is the day the page was read (YYYY-MM-DD): a page can change,
	// so a reference says when it said what the fact relies on.
	Date string `yaml:"date" json:"date"`
	URL  string `yaml:"url" json:"url"`
}

// Series is a named sequence of yearly figures, such as trade volume.
type Series struct {
	ID    string
	Unit  string
	Title Text
	// Terms name the metric in questions, lower-case, matched as word
	// beginnings (Korean: anywhere), so that "trade" or "교역" picks the
	// series and a question about one metric is never answered by another.
	Terms Phrasings
	// Excludes are words that name another measure of the same thing:
	// "trade deficit" is not trade volume, so a question naming one is
	// not answered with the other's figures.
	Excludes Phrasings
	// OneWay are words that ask for one direction of a count the series
	// gives both ways: "Russian tourists who visited Korea" is a part of
	// "tourists between the two countries" the sources do not give.
	OneWay Phrasings
	// PartOf are the series this one is a part of (exports to Russia of
	// total exports, and of Korea–Russia trade), so that a share of one in
	// another can be worked out.
	PartOf []string
	Points []*Fact // sorted by Value.Year; a year appears once

	file string // where it is defined, for messages
	line int
}

// Point returns the fact for year, or nil.
func (s *Series) Point(year int) *Fact {
	for _, f := range s.Points {
		if f.Value.Year == year {
			return f
		}
	}
	return nil
}

// Years lists the years the series has figures for, in order.
func (s *Series) Years() []int {
	ys := make([]int, len(s.Points))
	for i, f := range s.Points {
		ys[i] = f.Value.Year
	}
	return ys
}

// Group is a named list of facts, such as the Korean companies the
// sources name in Russia, so that "which companies…" is answered with each
// member and its source.
type Group struct {
	ID    string
	Title Text
	Terms Phrasings // lower-case words that name the group in a question
	// With, when set, are words one of which must also be in the
	// question: "agreed" names the Kang–Kozlov agreements only with
	// "Kang" or "Kozlov".
	With  Phrasings
	Facts []*Fact
}

// Event is one dated entry of the timeline. Its date is its first fact's
// date, so each date is written in exactly one place.
type Event struct {
	ID    string
	Title Text
	// Terms are lower-case words that name the event in a question when
	// it serves as a point in time: "since relations were established"
	// is 1990 for "how many times has trade grown since…".
	Terms Phrasings
	Date  Date
	Facts []*Fact
}

// MarshalJSON gives the stable shape that "facts list --json" promises.
func (f *Fact) MarshalJSON() ([]byte, error) {
	var date *string
	if !f.Date.IsZero() {
		s := f.Date.String()
		date = &s
	}
	aliases := f.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return json.Marshal(struct {
		ID         string       `json:"id"`
		Topic      string       `json:"topic"`
		Title      Text         `json:"title"`
		Date       *string      `json:"date"`
		Answer     Text         `json:"answer"`
		Questions  Phrasings    `json:"questions"`
		Aliases    []string     `json:"aliases"`
		Value      *Value       `json:"value"`
		Sources    []Source     `json:"sources"`
		Reference  *Reference   `json:"reference"` // the first of references, for older readers
		References []*Reference `json:"references"`
		External   bool         `json:"external"`
	}{f.ID, f.Topic, f.Title, date, f.Answer, f.Questions, aliases, f.Value, nonNil(f.Sources), f.Reference(), refs(f.References), f.External()})
}

// Reference returns the fact's first outside reference, or nil.
func (f *Fact) Reference() *Reference {
	if len(f.References) == 0 {
		return nil
	}
	return f.References[0]
}

func refs(r []*Reference) []*Reference {
	if r == nil {
		return []*Reference{}
	}
	return r
}

func nonNil(s []Source) []Source {
	if s == nil {
		return []Source{}
	}
	return s
}

// isKebab reports whether s is a stable kebab-case id: lower-case ASCII
// letters and digits in words joined by single hyphens.
func isKebab(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
