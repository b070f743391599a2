package facts

import (
	"context"
	"embed"
	"os"
	"slices"
	"strings"
	"time"
)

// Base is a loaded, validated fact base. It is read-only after Load and safe
// for concurrent use.
type Base struct {
	facts    []*Fact // sorted by id
	byID     map[string]*Fact
	docs     []*Document
	docByID  map[string]*Document
	series   []*Series
	seriesBy map[string]*Series
	events   []*Event // in chronological order
	groups   []*Group
	entities []*Entity
	names    nameIndex // the entities' names, for EntitiesNamedIn
	// topicTitles label the topics (topics.yaml); nil when the base
	// declares none.
	topicTitles map[string]Text
}

//go:embed corpus/*.txt data/*.yaml
var embedded embed.FS

// Embedded loads the fact base compiled into the binary.
func Embedded() (*Base, error) { return Load(embedded, "facts/") }

// LoadDir loads a fact base from a directory holding corpus/ and data/, so
// curators can check and serve edits without rebuilding.
func LoadDir(dir string) (*Base, error) {
	return LoadDirContext(context.Background(), dir)
}

// LoadDirContext is LoadDir that stops when ctx is done.
func LoadDirContext(ctx context.Context, dir string) (*Base, error) {
	return LoadContext(ctx, os.DirFS(dir), strings.TrimSuffix(dir, "/")+"/")
}

// Facts returns every fact, sorted by id.
func (b *Base) Facts() []*Fact { return b.facts }

// Fact returns the fact with the given id.
func (b *Base) Fact(id string) (*Fact, bool) {
	f, ok := b.byID[id]
	return f, ok
}

// Documents returns the corpus in file-name order (which is date order).
func (b *Base) Documents() []*Document { return b.docs }

// Document returns the document with the given id.
func (b *Base) Document(id string) (*Document, bool) {
	d, ok := b.docByID[id]
	return d, ok
}

// CitedBy returns the facts that quote the document.
func (b *Base) CitedBy(docID string) []*Fact {
	var out []*Fact
	for _, f := range b.facts {
		for _, s := range f.Sources {
			if s.Doc == docID {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// Groups returns the named groups of facts, in definition order.
func (b *Base) Groups() []*Group { return b.groups }

// Entities returns the named people, organisations, places and
// programmes, in definition order.
func (b *Base) Entities() []*Entity { return b.entities }

// Entity returns the entity with the given id.
func (b *Base) Entity(id string) (*Entity, bool) {
	for _, e := range b.entities {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

// AllSeries returns the series in definition order.
func (b *Base) AllSeries() []*Series { return b.series }

// Series returns the series with the given id.
func (b *Base) Series(id string) (*Series, bool) {
	s, ok := b.seriesBy[id]
	return s, ok
}

// Timeline returns every event in chronological order.
func (b *Base) Timeline() []*Event { return b.events }

// EventsBetween returns the events that overlap [from, to], both inclusive
// and either zero for "unbounded" (a forum held 7–9 November is between the
// 8th and the 30th), optionally of one topic (the topic of any of their
// facts).
func (b *Base) EventsBetween(from, to time.Time, topic string) []*Event {
	var out []*Event
	for _, e := range b.events {
		if !from.IsZero() && e.Date.End.Before(from) || !to.IsZero() && e.Date.Start.After(to) {
			continue
		}
		if topic != "" && !e.HasTopic(topic) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// OnThisDay returns the events known to the day that fall on the month and
// day of t, in any year.
func (b *Base) OnThisDay(m time.Month, day int) []*Event {
	var out []*Event
	for _, e := range b.events {
		if e.Date.OnMonthDay(m, day) {
			out = append(out, e)
		}
	}
	return out
}

// Topics lists the topics in use, sorted.
func (b *Base) Topics() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range b.facts {
		if !seen[f.Topic] {
			seen[f.Topic] = true
			out = append(out, f.Topic)
		}
	}
	slices.Sort(out)
	return out
}

// TopicTitle is the label of a topic, or the id itself as its label in
// every language when the base declares no topics.
func (b *Base) TopicTitle(topic string) Text {
	if t, ok := b.topicTitles[topic]; ok {
		return t
	}
	return Text{EN: topic, KO: topic, RU: topic}
}

// HasTopic reports whether any of the event's facts is of topic.
func (e *Event) HasTopic(topic string) bool {
	for _, f := range e.Facts {
		if f.Topic == topic {
			return true
		}
	}
	return false
}
