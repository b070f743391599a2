package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EntityKind is what sort of thing an entity is.
type EntityKind string

const (
	Person       EntityKind = "person"
	Organisation EntityKind = "organisation"
	Place        EntityKind = "place"
	Programme    EntityKind = "programme" // a project, agreement, plan or route
)

var entityKinds = []EntityKind{Person, Organisation, Place, Programme}

// Entity is a person, organisation, place or programme the facts name,
// with its names in every language. The table lets a question about "a
// Russian agency" be answered only by a fact that names one, and a list
// of "the officials in the sources" be drawn from the data.
type Entity struct {
	ID      string
	Kind    EntityKind
	Country string // ISO 3166 alpha-2 ("KR", "RU", "KP"); "" for an international body
	Name    Text
	// Role says what the entity is or was, as of the sources ("Russian
	// Deputy Prime Minister"); it may be empty for a place.
	Role    Text
	Aliases []string // other spellings and scripts, matched like the names
	Facts   []*Fact  // the facts that name it, in the base's order

	File string
	Line int

	folded []string // Names, folded; set when the base is loaded
}

// Names lists every spelling of the entity: its names, then its aliases.
func (e *Entity) Names() []string {
	var out []string
	for _, l := range Langs {
		if n := e.Name.In(l); n != "" {
			out = append(out, n)
		}
	}
	return append(out, e.Aliases...)
}

// NamedIn reports whether text names the entity. Latin and Cyrillic names
// match at the start of a word, so that inflected Russian ("Трутнева")
// counts; Hangul matches anywhere, as Korean glues particles on.
func (e *Entity) NamedIn(text string) bool {
	return e.NamedInFolded(FoldName(text))
}

// NamedInFolded is NamedIn for a text already folded with FoldName, so
// that a question is folded once for every entity.
func (e *Entity) NamedInFolded(folded string) bool {
	names := e.folded
	if names == nil { // an entity made outside Load
		for _, n := range e.Names() {
			names = append(names, foldName(n))
		}
	}
	for _, n := range names {
		if nameAt(folded, n) {
			return true
		}
	}
	return false
}

// FoldName folds text the way entity names are compared.
func FoldName(text string) string { return foldName(text) }

// Names reports whether the fact names the entity in its title or
// answer, in any language.
func (f *Fact) Names(e *Entity) bool {
	for _, l := range Langs {
		if e.NamedIn(f.Title.In(l)) || e.NamedIn(f.Answer.In(l)) {
			return true
		}
	}
	return false
}

// foldName evens out case, ё and the marks that differ between spellings.
func foldName(s string) string {
	return nameFolder.Replace(strings.ToLower(s))
}

var nameFolder = strings.NewReplacer("ё", "е", "’", "'", "–", "-", "—", "-", "\u00a0", " ")

func nameAt(text, name string) bool {
	if name == "" {
		return false
	}
	from := 0
	for {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return false
		}
		i += from
		first, _ := utf8.DecodeRuneInString(name)
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.Is(unicode.Hangul, first) || i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return true
		}
		from = i + len(name)
	}
}

// nameIndex finds the entities a text names in one pass: every folded
// name by its first rune, longest first.
type nameIndex map[rune][]namedEntity

type namedEntity struct {
	name string
	e    *Entity
}

func newNameIndex(es []*Entity) nameIndex {
	ix := nameIndex{}
	for _, e := range es {
		for _, n := range e.folded {
			if n == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(n)
			ix[r] = append(ix[r], namedEntity{n, e})
		}
	}
	for _, ns := range ix {
		slices.SortStableFunc(ns, func(a, b namedEntity) int { return len(b.name) - len(a.name) })
	}
	return ix
}

// EntitiesNamedIn lists, in table order, the entities text names, by the
// same rule as Entity.NamedIn.
func (b *Base) EntitiesNamedIn(text string) []*Entity {
	t := foldName(text)
	found := map[*Entity]bool{}
	prev := ' '
	for i, r := range t {
		ns := b.names[r]
		start := i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
		prev = r
		if len(ns) == 0 || !start && !unicode.Is(unicode.Hangul, r) {
			continue
		}
		for _, n := range ns {
			if strings.HasPrefix(t[i:], n.name) {
				found[n.e] = true
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	var out []*Entity
	for _, e := range b.entities {
		if found[e] {
			out = append(out, e)
		}
	}
	return out
}

// unquoted is text without what it quotes: an answer may cite a source's
// own spelling (“Alexandr Koslov”) that the table rejects in our voice.
func unquoted(text string) string {
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch r {
		case '“', '「', '‘':
			depth++
			continue
		case '”', '」', '’':
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
