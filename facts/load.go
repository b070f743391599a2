package facts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxAnswerRunes keeps every answer well inside a Discord embed description.
const MaxAnswerRunes = 1000

// A fact base is a few hundred kilobytes. The caps keep a mistake (a data
// file linked to /dev/zero, a log dumped into corpus/) from taking the
// machine's memory; they are variables for the tests.
var (
	maxFileBytes  int64 = 8 << 20
	maxTotalBytes int64 = 64 << 20
)

// dataFile is the shape of one YAML file under data/. Any file may hold facts,
// series definitions and timeline events.
type dataFile struct {
	Facts    []rawFact   `yaml:"facts"`
	Series   []rawSeries `yaml:"series"`
	Events   []rawEvent  `yaml:"events"`
	Groups   []rawGroup  `yaml:"groups"`
	Entities []rawEntity `yaml:"entities"`
	Topics   []rawTopic  `yaml:"topics"`
	// Exclusions are passages deliberately not made facts (exclusion.go).
	Exclusions []rawExclusion `yaml:"exclusions"`
}

type rawTopic struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
}

type rawEntity struct {
	// Misspellings are spellings the table rejects in an answer or a
	// title, by language: "Koslov" is the press release's, not ours.
	Misspellings Phrasings `yaml:"misspellings"`
	ID           string    `yaml:"id"`
	Aside        bool      `yaml:"aside"`
	Kind         string    `yaml:"kind"`
	Country      string    `yaml:"country"`
	Name         Text      `yaml:"name"`
	Role         Text      `yaml:"role"`
	Aliases      []string  `yaml:"aliases"`
}

type rawGroup struct {
	ID    string    `yaml:"id"`
	Title Text      `yaml:"title"`
	Terms Phrasings `yaml:"terms"`
	With  Phrasings `yaml:"with"`
	Facts []string  `yaml:"facts"`
}

type rawFact struct {
	ID         string      `yaml:"id"`
	Topic      string      `yaml:"topic"`
	Title      Text        `yaml:"title"`
	Answer     Text        `yaml:"answer"`
	Questions  Phrasings   `yaml:"questions"`
	Aliases    []string    `yaml:"aliases"`
	Date       string      `yaml:"date"`
	Value      *Value      `yaml:"value"`
	Sources    []Source    `yaml:"sources"`
	Reference  *Reference  `yaml:"reference"`
	References []Reference `yaml:"references"`
}

type rawSeries struct {
	ID       string    `yaml:"id"`
	PartOf   []string  `yaml:"part_of"`
	Excludes Phrasings `yaml:"excludes"`
	OneWay   Phrasings `yaml:"one_way"`
	Unit     string    `yaml:"unit"`
	Title    Text      `yaml:"title"`
	Terms    Phrasings `yaml:"terms"`
}

type rawEvent struct {
	ID    string    `yaml:"id"`
	Title Text      `yaml:"title"`
	Terms Phrasings `yaml:"terms"`
	Facts []string  `yaml:"facts"`
}

// Load reads and validates a fact base from fsys, which holds corpus/*.txt
// and data/*.yaml. prefix is put before file names in problems, so that they
// point at the file a curator edits (for example "facts/").
//
// Any problem makes Load fail with an *InvalidError listing all of them; a
// partly valid base is never returned.
func Load(fsys fs.FS, prefix string) (*Base, error) {
	return LoadContext(context.Background(), fsys, prefix)
}

// LoadContext is Load that stops, with ctx's error, when ctx is done.
func LoadContext(ctx context.Context, fsys fs.FS, prefix string) (*Base, error) {
	l := &loader{ctx: ctx, prefix: prefix, declared: map[string]bool{}, brokenDocs: map[string]bool{}}
	l.read = l.readFile
	b := l.load(fsys)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("loading the fact base: %w", err)
	}
	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool {
			a, b := l.problems[i], l.problems[j]
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		})
		return nil, &InvalidError{Problems: l.problems}
	}
	return b, nil
}

type loader struct {
	ctx      context.Context
	read     func(fsys fs.FS, name string) ([]byte, error)
	total    int64 // bytes read so far
	prefix   string
	problems []Problem
	// declared holds every fact id written down, valid or not, and
	// unparsed is set when a data file could not be read at all: both keep
	// one mistake from being reported again by everything that refers to it.
	declared   map[string]bool
	unparsed   bool
	brokenDocs map[string]bool
	// folded holds each fact's titles and answers folded as names are
	// compared, computed once for every entity to look in.
	folded map[*Fact][]string
	// unquotedFolded caches ownWords.
	unquotedFolded map[*Fact]map[Lang]string
}

// foldedTexts are f's title and answer in every language, folded.
func (l *loader) foldedTexts(f *Fact) []string {
	if l.folded == nil {
		l.folded = map[*Fact][]string{}
	}
	texts, ok := l.folded[f]
	if !ok {
		for _, lang := range Langs {
			texts = append(texts, foldName(f.Title.In(lang)), foldName(f.Answer.In(lang)))
		}
		l.folded[f] = texts
	}
	return texts
}

// ownWords is a fact's title and answer in lang outside quotation marks,
// folded as names are: where a misspelling would be the base's own. It is
// computed once a fact and language, not once an entity.
func (l *loader) ownWords(f *Fact, lang Lang) string {
	if l.unquotedFolded == nil {
		l.unquotedFolded = map[*Fact]map[Lang]string{}
	}
	byLang := l.unquotedFolded[f]
	if byLang == nil {
		byLang = map[Lang]string{}
		l.unquotedFolded[f] = byLang
	}
	text, ok := byLang[lang]
	if !ok {
		text = foldName(unquoted(f.Title.In(lang) + "\n" + f.Answer.In(lang)))
		byLang[lang] = text
	}
	return text
}

// readFile reads one file of the base: a regular file only (not a device,
// a FIFO or a link to one), within the size caps, and not once ctx is
// done.
func (l *loader) readFile(fsys fs.FS, name string) ([]byte, error) {
	if err := l.ctx.Err(); err != nil {
		return nil, err
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	if info.Size() > maxFileBytes {
		return nil, fmt.Errorf("too large (%s > %s)", megabytes(info.Size()), megabytes(maxFileBytes))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size may grow after Stat; read one byte past the cap to know.
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxFileBytes {
		return nil, fmt.Errorf("too large (over %s)", megabytes(maxFileBytes))
	}
	l.total += int64(len(data))
	if l.total > maxTotalBytes {
		return nil, fmt.Errorf("the fact base is too large (over %s in all)", megabytes(maxTotalBytes))
	}
	return data, nil
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func (l *loader) bad(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// where is a fact's, series' or event's positions: the line of the item and
// of each field path within it ("answer.ko", "sources[1].quote").
type where struct {
	file  string
	line  int
	paths map[string]int
}

func (w where) at(path string) int {
	for p := path; p != ""; {
		if n, ok := w.paths[p]; ok {
			return n
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return w.line
}

func (l *loader) load(fsys fs.FS) *Base {
	b := &Base{
		byID:     map[string]*Fact{},
		docByID:  map[string]*Document{},
		seriesBy: map[string]*Series{},
	}
	docNames, err := fs.Glob(fsys, "corpus/*.txt")
	if err != nil || len(docNames) == 0 {
		l.bad(l.prefix+"corpus", 0, "no documents (corpus/*.txt)")
	}
	for _, name := range docNames {
		data, err := l.read(fsys, name)
		if err != nil {
			l.bad(l.prefix+name, 0, "%v", err)
			continue
		}
		doc, probs := parseDocument(l.prefix+name, data)
		l.problems = append(l.problems, probs...)
		if len(probs) > 0 {
			l.brokenDocs[doc.ID] = true
		}
		b.docs = append(b.docs, doc)
		b.docByID[doc.ID] = doc
	}

	dataNames, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil || len(dataNames) == 0 {
		l.bad(l.prefix+"data", 0, "no fact files (data/*.yaml)")
	}
	type pending struct {
		raw rawEvent
		w   where
	}
	var events []pending
	type pendingFact struct {
		raw rawFact
		w   where
	}
	var facts []pendingFact
	type pendingGroup struct {
		raw rawGroup
		w   where
	}
	var groups []pendingGroup
	type pendingEntity struct {
		raw rawEntity
		w   where
	}
	var entities []pendingEntity
	for _, d := range l.decodeAll(fsys, dataNames) {
		l.problems = append(l.problems, d.problems...)
		if d.pos == nil {
			l.unparsed = l.unparsed || d.unparsed
			continue
		}
		df, pos := d.df, d.pos
		for i, s := range df.Series {
			w := pos("series", i)
			l.addSeries(b, s, w)
		}
		for i, f := range df.Facts {
			l.declared[f.ID] = true
			facts = append(facts, pendingFact{f, pos("facts", i)})
		}
		for i, e := range df.Events {
			events = append(events, pending{e, pos("events", i)})
		}
		for i, g := range df.Groups {
			groups = append(groups, pendingGroup{g, pos("groups", i)})
		}
		for i, e := range df.Entities {
			entities = append(entities, pendingEntity{e, pos("entities", i)})
		}
		for i, tp := range df.Topics {
			w := pos("topics", i)
			if !isKebab(tp.ID) {
				l.bad(w.file, w.at("id"), "topic id %q is not kebab-case", tp.ID)
			} else if _, dup := b.topicTitles[tp.ID]; dup {
				l.bad(w.file, w.at("id"), "topic %q is declared twice", tp.ID)
			}
			l.checkText(w, "title", tp.Title, 60)
			if b.topicTitles == nil {
				b.topicTitles = map[string]Text{}
			}
			b.topicTitles[tp.ID] = tp.Title
		}
		for i, e := range df.Exclusions {
			l.checkExclusion(b, e, pos("exclusions", i)) // the documents are read by now
		}
	}
	for _, p := range facts {
		if _, ok := b.topicTitles[p.raw.Topic]; b.topicTitles != nil && p.raw.Topic != "" && !ok {
			l.bad(p.w.file, p.w.at("topic"), "topic %q is not declared under topics: (give it a title in en, ko and ru)", p.raw.Topic)
		}
		if f := l.checkFact(b, p.raw, p.w); f != nil {
			b.facts = append(b.facts, f)
			b.byID[f.ID] = f
		}
	}
	l.buildSeries(b)
	seen := map[string]where{}
	for _, p := range events {
		e, w := p.raw, p.w
		if !isKebab(e.ID) {
			l.bad(w.file, w.at("id"), "event id %q is not kebab-case (like \"forum-opens\")", e.ID)
		} else if first, dup := seen[e.ID]; dup {
			l.bad(w.file, w.at("id"), "duplicate event id %q (first at %s:%d)", e.ID, first.file, first.line)
		}
		seen[e.ID] = w
		l.checkText(w, "title", e.Title, 200)
		for _, lang := range Langs {
			for _, t := range e.Terms.In(lang) {
				if strings.TrimSpace(t) == "" || t != strings.ToLower(t) {
					l.bad(w.file, w.at("terms"), "event %q: term %q must be non-empty and lower-case", e.ID, t)
				}
			}
		}
		ev := &Event{ID: e.ID, Title: e.Title, Terms: e.Terms}
		if len(e.Facts) == 0 {
			l.bad(w.file, w.line, "event %q names no facts", e.ID)
		}
		for i, id := range e.Facts {
			f, ok := b.byID[id]
			if !ok && (l.declared[id] || l.unparsed) {
				continue // already reported where the fact is written
			}
			if !ok {
				l.bad(w.file, w.at(fmt.Sprintf("facts[%d]", i)), "event %q points at unknown fact %q", e.ID, id)
				continue
			}
			ev.Facts = append(ev.Facts, f)
		}
		if len(ev.Facts) > 0 {
			ev.Date = ev.Facts[0].Date
			if ev.Date.IsZero() {
				l.bad(w.file, w.at("facts[0]"), "event %q takes its date from fact %q, which has none", e.ID, ev.Facts[0].ID)
			}
		}
		b.events = append(b.events, ev)
	}
	for _, p := range groups {
		l.addGroup(b, p.raw, p.w)
	}
	sort.SliceStable(b.facts, func(i, j int) bool { return b.facts[i].ID < b.facts[j].ID })
	names := map[string]*Entity{} // every folded name and alias → its entity
	for _, p := range entities {
		l.addEntity(b, p.raw, p.w, names)
	}
	b.names = newNameIndex(b.entities)
	sort.SliceStable(b.events, func(i, j int) bool { return b.events[i].Date.Start.Before(b.events[j].Date.Start) })
	return b
}

// syntaxError places a YAML syntax error on the line a curator must fix:
// invalid UTF-8 and tabs in indentation where they are, anything else at
// the first line whose addition makes the text before it unparsable.
func syntaxError(data []byte, err error) string {
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i, line := range lines {
		if !utf8.Valid(line) {
			return fmt.Sprintf("line %d: not valid UTF-8", i+1)
		}
		if indent := bytes.TrimLeft(line, " "); len(indent) > 0 && indent[0] == '\t' {
			return fmt.Sprintf("line %d: a tab in the indentation; indent with spaces", i+1)
		}
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	from := 1
	if sub := yamlLine.FindStringSubmatch(err.Error()); sub != nil {
		from, _ = strconv.Atoi(sub[1])
		msg = sub[2]
	}
	parses := func(n int) bool {
		var v any
		return yaml.Unmarshal(bytes.Join(lines[:n], nil), &v) == nil
	}
	// The first failing prefix, searched from the line reported; parsing
	// fails from the mistake on.
	lo, hi := from, len(lines)
	for lo < hi {
		mid := (lo + hi) / 2
		if parses(mid) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return fmt.Sprintf("line %d: %s", lo, msg)
}

var (
	yamlLine     = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownField = regexp.MustCompile(`^field (\S+) not found in type .*$`)
)

// decoded is one data file parsed: its items and their positions, or the
// problems that kept it from parsing.
type decoded struct {
	df       dataFile
	pos      func(key string, i int) where
	problems []Problem
	unparsed bool // read, but not valid YAML of the fact format
}

// decodeAll reads the data files in order, so that the size caps and their
// messages do not depend on timing, and parses them in parallel: parsing
// YAML is half of loading, and start-up waits on it.
func (l *loader) decodeAll(fsys fs.FS, names []string) []decoded {
	out := make([]decoded, len(names))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k, name := range names {
		file := l.prefix + name
		data, err := l.read(fsys, name)
		if err != nil {
			out[k].problems = []Problem{{File: file, Msg: err.Error()}}
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			out[k] = decode(file, data)
		})
	}
	wg.Wait()
	return out
}

// decode parses one data file strictly (unknown fields are errors) and
// returns a function giving the positions of its items.
func decode(file string, data []byte) decoded {
	var df dataFile
	var problems []Problem
	bad := func(line int, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&df); err != nil {
		var te *yaml.TypeError
		msgs := []string{err.Error()}
		if errors.As(err, &te) {
			msgs = te.Errors
		}
		if te == nil {
			// A syntax error: the YAML library names the line where the
			// enclosing block began, which may be well before the mistake.
			msgs = []string{syntaxError(data, err)}
		}
		for _, m := range msgs {
			if sub := yamlLine.FindStringSubmatch(m); sub != nil {
				n, _ := strconv.Atoi(sub[1])
				msg := unknownField.ReplaceAllString(sub[2], "unknown field \"$1\" (see the fact format in README.md)")
				bad(n, "%s", msg)
			} else {
				bad(0, "%s", strings.TrimPrefix(m, "yaml: "))
			}
		}
		return decoded{problems: problems, unparsed: true}
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root) // the decode above already succeeded
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	pos := func(key string, i int) where {
		w := where{file: file, paths: map[string]int{}}
		if top.Kind != yaml.MappingNode {
			return w
		}
		for k := 0; k+1 < len(top.Content); k += 2 {
			if top.Content[k].Value == key && i < len(top.Content[k+1].Content) {
				item := top.Content[k+1].Content[i]
				w.line = item.Line
				collectPaths(item, "", w.paths)
			}
		}
		return w
	}
	return decoded{df: df, pos: pos}
}

func collectPaths(n *yaml.Node, prefix string, out map[string]int) {
	switch n.Kind {
	case yaml.MappingNode:
		for k := 0; k+1 < len(n.Content); k += 2 {
			p := n.Content[k].Value
			if prefix != "" {
				p = prefix + "." + p
			}
			out[p] = n.Content[k].Line
			collectPaths(n.Content[k+1], p, out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			out[p] = c.Line
			collectPaths(c, p, out)
		}
	}
}

func (l *loader) checkText(w where, field string, t Text, max int) {
	for _, lang := range Langs {
		s := strings.TrimSpace(t.In(lang))
		if lang != EN && (lang == KO && t.KO == "" || lang == RU && t.RU == "") {
			s = ""
		}
		p := field + "." + string(lang)
		switch {
		case s == "":
			l.bad(w.file, w.at(p), "%s is missing in %s", field, lang)
		case utf8.RuneCountInString(s) > max:
			l.bad(w.file, w.at(p), "%s in %s is %d characters; keep it under %d", field, lang, utf8.RuneCountInString(s), max)
		case !utf8.ValidString(s):
			l.bad(w.file, w.at(p), "%s in %s is not valid UTF-8", field, lang)
		}
	}
}

func (l *loader) checkFact(b *Base, r rawFact, w where) *Fact {
	before := len(l.problems)
	switch {
	case r.ID == "":
		l.bad(w.file, w.line, "fact has no id")
	case !isKebab(r.ID):
		l.bad(w.file, w.at("id"), "fact id %q is not kebab-case (like \"trade-volume-2016\")", r.ID)
	default:
		if first, dup := b.byID[r.ID]; dup {
			l.bad(w.file, w.at("id"), "duplicate fact id %q (first at %s:%d)", r.ID, first.File, first.Line)
		}
	}
	if r.Topic == "" {
		l.bad(w.file, w.line, "fact %q has no topic", r.ID)
	} else if !isKebab(r.Topic) {
		l.bad(w.file, w.at("topic"), "topic %q is not kebab-case", r.Topic)
	}
	l.checkText(w, "title", r.Title, 100)
	l.checkText(w, "answer", r.Answer, MaxAnswerRunes)
	if m := claimMark(r.Sources); m != "" {
		for _, lang := range Langs {
			if a := r.Answer.In(lang); a != "" && !attributes(a, lang) {
				l.bad(w.file, w.at("answer."+string(lang)), "fact %q: its source reports someone's claim (%q), but the answer in %s states it in our own voice; say who said it", r.ID, m, lang)
			}
		}
	}
	for _, field := range []struct {
		name string
		t    Text
	}{{"title", r.Title}, {"answer", r.Answer}} {
		gaps := figureGaps(field.t)
		for _, lang := range Langs {
			if len(gaps[lang]) > 0 {
				l.bad(w.file, w.at(field.name+"."+string(lang)), "fact %q: the %s in %s lacks %s, which another language states; every language gives the same figures and years",
					r.ID, field.name, lang, formatFigures(gaps[lang]))
			}
		}
	}
	// Phrasings are optional: a fact is found by its title, answers,
	// aliases and figures too, so a freshly drafted fact works with none.
	// But phrasings in one language and none in another would make the
	// fact findable in some languages by far more than in others.
	phrased := ""
	for _, lang := range Langs {
		if len(r.Questions.In(lang)) > 0 {
			phrased = string(lang)
			break
		}
	}
	for _, lang := range Langs {
		qs := r.Questions.In(lang)
		if phrased != "" && len(qs) == 0 {
			l.bad(w.file, w.at("questions"), "fact %q has %s questions but none in %s: write some, or none in any language", r.ID, phrased, lang)
		}
		seen := map[string]bool{}
		for i, q := range qs {
			p := fmt.Sprintf("questions.%s[%d]", lang, i)
			switch {
			case strings.TrimSpace(q) == "":
				l.bad(w.file, w.at(p), "empty question")
			case utf8.RuneCountInString(q) > 100:
				l.bad(w.file, w.at(p), "question is over 100 characters, too long for autocomplete")
			case seen[strings.ToLower(q)]:
				l.bad(w.file, w.at(p), "question %q is listed twice", q)
			}
			seen[strings.ToLower(q)] = true
		}
	}
	f := &Fact{
		ID: r.ID, Topic: r.Topic, Title: r.Title, Answer: r.Answer, Questions: r.Questions,
		Aliases: r.Aliases, Value: r.Value, Sources: r.Sources,
		File: w.file, Line: w.line,
	}
	if r.Date != "" {
		d, err := ParseDate(r.Date)
		if err != nil {
			l.bad(w.file, w.at("date"), "%v", err)
		}
		f.Date = d
	}
	if len(r.Sources) == 0 && r.Reference == nil && len(r.References) == 0 {
		l.bad(w.file, w.line, "fact %q has neither sources nor a reference", r.ID)
	}
	for i, s := range r.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		doc, ok := b.docByID[s.Doc]
		switch {
		case s.Doc == "":
			l.bad(w.file, w.at(p), "source has no doc")
		case !ok:
			l.bad(w.file, w.at(p+".doc"), "unknown document %q (known: %s)", s.Doc, strings.Join(b.docIDs(), ", "))
		case strings.TrimSpace(s.Quote) == "":
			l.bad(w.file, w.at(p+".quote"), "source has no quote")
		case l.brokenDocs[s.Doc]:
			// The document's own problem is reported; its text can't be trusted.
		case !doc.Contains(s.Quote):
			l.bad(w.file, w.at(p+".quote"), "quote not found in %s: %q", s.Doc, s.Quote)
		}
		if n := utf8.RuneCountInString(s.Quote); n > 400 {
			l.bad(w.file, w.at(p+".quote"), "quote is %d characters; keep quotes short (under 400)", n)
		}
	}
	type placed struct {
		ref  *Reference
		path string
	}
	var refs []placed
	if r.Reference != nil {
		refs = append(refs, placed{r.Reference, "reference"})
	}
	for i := range r.References {
		refs = append(refs, placed{&r.References[i], fmt.Sprintf("references[%d]", i)})
	}
	for _, pr := range refs {
		ref := pr.ref
		for _, fv := range []struct{ name, v string }{{"title", ref.Title}, {"publisher", ref.Publisher}, {"date", ref.Date}, {"url", ref.URL}} {
			if strings.TrimSpace(fv.v) == "" {
				l.bad(w.file, w.at(pr.path), "reference has no %s", fv.name)
			}
		}
		if u, err := url.Parse(ref.URL); ref.URL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			l.bad(w.file, w.at(pr.path+".url"), "reference url %q is not an http(s) address", ref.URL)
		}
		if d, err := ParseDate(ref.Date); ref.Date != "" && (err != nil || d.Precision != Day) {
			l.bad(w.file, w.at(pr.path+".date"), "reference date %q is not the day it was read (YYYY-MM-DD)", ref.Date)
		}
		f.References = append(f.References, ref)
	}
	if v := r.Value; v != nil {
		if v.Series == "" {
			l.bad(w.file, w.at("value"), "value has no series")
		} else if _, ok := b.seriesBy[v.Series]; !ok {
			l.bad(w.file, w.at("value.series"), "unknown series %q (define it under series:)", v.Series)
		}
		if v.Year == 0 {
			l.bad(w.file, w.at("value"), "value has no year")
		} else if !f.Date.IsZero() && f.Date.Year() != v.Year && f.Date.End.Year() != v.Year {
			l.bad(w.file, w.at("value.year"), "value year %d does not match date %s", v.Year, f.Date)
		}
		if v.Unit == "" {
			l.bad(w.file, w.at("value"), "value has no unit")
		} else if s, ok := b.seriesBy[v.Series]; ok && s.Unit != v.Unit {
			l.bad(w.file, w.at("value.unit"), "unit %q does not match series %q, which is in %s", v.Unit, v.Series, s.Unit)
		}
		if v.Amount <= 0 {
			l.bad(w.file, w.at("value"), "value has no positive amount")
		}
		if v.AsOf != "" {
			if _, err := ParseDate(v.AsOf); err != nil {
				l.bad(w.file, w.at("value.as_of"), "as_of: %v", err)
			}
		}
	}
	if len(l.problems) > before {
		return nil
	}
	return f
}

func (l *loader) addSeries(b *Base, r rawSeries, w where) {
	if !isKebab(r.ID) {
		l.bad(w.file, w.at("id"), "series id %q is not kebab-case", r.ID)
		return
	}
	if _, dup := b.seriesBy[r.ID]; dup {
		l.bad(w.file, w.at("id"), "duplicate series %q", r.ID)
		return
	}
	if r.Unit == "" {
		l.bad(w.file, w.line, "series %q has no unit", r.ID)
	}
	l.checkText(w, "title", r.Title, 100)
	for _, lang := range Langs {
		for _, t := range r.Terms.In(lang) {
			if strings.TrimSpace(t) == "" || t != strings.ToLower(t) {
				l.bad(w.file, w.line, "series %q: term %q must be non-empty and lower-case", r.ID, t)
			}
		}
	}
	for _, field := range []struct {
		name  string
		terms Phrasings
	}{{"excludes", r.Excludes}, {"one_way", r.OneWay}} {
		for _, lang := range Langs {
			for _, t := range field.terms.In(lang) {
				if strings.TrimSpace(t) == "" || t != strings.ToLower(t) {
					l.bad(w.file, w.at(field.name), "series %q: %s term %q must be non-empty and lower-case", r.ID, field.name, t)
				}
			}
		}
	}
	s := &Series{ID: r.ID, Unit: r.Unit, Title: r.Title, Terms: r.Terms, Excludes: r.Excludes, OneWay: r.OneWay, PartOf: r.PartOf, line: w.line, file: w.file}
	b.series = append(b.series, s)
	b.seriesBy[s.ID] = s
}

func (l *loader) addGroup(b *Base, r rawGroup, w where) {
	if !isKebab(r.ID) {
		l.bad(w.file, w.at("id"), "group id %q is not kebab-case", r.ID)
		return
	}
	for _, g := range b.groups {
		if g.ID == r.ID {
			l.bad(w.file, w.at("id"), "duplicate group %q", r.ID)
			return
		}
	}
	l.checkText(w, "title", r.Title, 100)
	for _, lang := range Langs {
		if len(r.Terms.In(lang)) == 0 {
			l.bad(w.file, w.at("terms"), "group %q has no %s terms (the words that name it in a question)", r.ID, lang)
		}
		for _, t := range append(r.Terms.In(lang), r.With.In(lang)...) {
			if strings.TrimSpace(t) == "" || t != strings.ToLower(t) {
				l.bad(w.file, w.at("terms"), "group %q: term %q must be non-empty and lower-case", r.ID, t)
			}
		}
	}
	if len(r.Facts) < 2 {
		l.bad(w.file, w.at("facts"), "group %q needs at least two facts", r.ID)
	}
	g := &Group{ID: r.ID, Title: r.Title, Terms: r.Terms, With: r.With}
	for i, id := range r.Facts {
		f, ok := b.byID[id]
		if !ok {
			if !l.declared[id] && !l.unparsed {
				l.bad(w.file, w.at(fmt.Sprintf("facts[%d]", i)), "group %q points at unknown fact %q", r.ID, id)
			}
			continue
		}
		g.Facts = append(g.Facts, f)
	}
	b.groups = append(b.groups, g)
}

func (l *loader) addEntity(b *Base, r rawEntity, w where, names map[string]*Entity) {
	if !isKebab(r.ID) {
		l.bad(w.file, w.at("id"), "entity id %q is not kebab-case", r.ID)
		return
	}
	if _, dup := b.Entity(r.ID); dup {
		l.bad(w.file, w.at("id"), "duplicate entity %q", r.ID)
		return
	}
	e := &Entity{ID: r.ID, Kind: EntityKind(r.Kind), Country: r.Country, Name: r.Name, Role: r.Role, Aliases: r.Aliases, File: w.file, Line: w.line}
	if !slices.Contains(entityKinds, e.Kind) {
		l.bad(w.file, w.at("kind"), "entity %q: kind %q is not person, organisation, place or programme", r.ID, r.Kind)
	}
	if r.Country != "" && !isCountryCode(r.Country) {
		l.bad(w.file, w.at("country"), "entity %q: country %q is not an ISO 3166 code such as KR or RU", r.ID, r.Country)
	}
	l.checkText(w, "name", r.Name, 100)
	if r.Role != (Text{}) {
		l.checkText(w, "role", r.Role, 200)
	}
	spellings := []struct{ path, name string }{}
	for _, lang := range Langs {
		spellings = append(spellings, struct{ path, name string }{"name." + string(lang), r.Name.In(lang)})
	}
	for i, a := range r.Aliases {
		spellings = append(spellings, struct{ path, name string }{fmt.Sprintf("aliases[%d]", i), a})
	}
	for _, sp := range spellings {
		key := foldName(sp.name)
		if strings.TrimSpace(key) == "" {
			if strings.HasPrefix(sp.path, "aliases") {
				l.bad(w.file, w.at(sp.path), "entity %q has an empty alias", r.ID)
			}
			continue
		}
		if other, ok := names[key]; ok && other != e {
			l.bad(w.file, w.at(sp.path), "entity %q: the name %q is also %q's (%s:%d)", r.ID, sp.name, other.ID, other.File, other.Line)
		}
		names[key] = e
	}
	for _, n := range e.Names() {
		e.folded = append(e.folded, foldName(n))
	}
	for _, f := range b.facts {
		if slices.ContainsFunc(l.foldedTexts(f), e.NamedInFolded) {
			e.Facts = append(e.Facts, f)
			f.Entities = append(f.Entities, e)
		}
	}
	for _, lang := range Langs {
		if len(r.Misspellings.In(lang)) == 0 {
			continue
		}
		for _, f := range b.facts {
			text := l.ownWords(f, lang)
			for _, m := range r.Misspellings.In(lang) {
				if nameAt(text, foldName(m)) {
					l.bad(f.File, f.Line, "fact %q writes %q in %s; the entity table spells it %q (%s:%d)", f.ID, m, lang, e.Name.In(lang), w.file, w.line)
					break // one report a fact is enough to find the rest
				}
			}
		}
	}
	if r.Aside && len(e.Facts) > 0 {
		l.bad(w.file, w.at("aside"), "entity %q is named by %d facts, so it is not aside", r.ID, len(e.Facts))
	}
	if len(e.Facts) == 0 && !r.Aside && !l.unparsed {
		l.bad(w.file, w.line, "entity %q is named by no fact: check its spellings", r.ID)
	}
	b.entities = append(b.entities, e)
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func (l *loader) buildSeries(b *Base) {
	for _, f := range b.facts {
		if f.Value == nil {
			continue
		}
		s := b.seriesBy[f.Value.Series]
		if other := s.Point(f.Value.Year); other != nil {
			l.bad(f.File, f.Line, "series %q has two figures for %d: %q and %q", s.ID, f.Value.Year, other.ID, f.ID)
			continue
		}
		s.Points = append(s.Points, f)
	}
	for _, s := range b.series {
		slices.SortFunc(s.Points, func(a, b *Fact) int { return a.Value.Year - b.Value.Year })
		for _, id := range s.PartOf {
			switch whole, ok := b.seriesBy[id]; {
			case !ok:
				l.bad(s.file, s.line, "series %q is part of unknown series %q", s.ID, id)
			case whole.Unit != s.Unit:
				l.bad(s.file, s.line, "series %q is part of %q, which counts in %s, not %s", s.ID, id, whole.Unit, s.Unit)
			case whole == s:
				l.bad(s.file, s.line, "series %q cannot be part of itself", s.ID)
			}
		}
	}
}

func (b *Base) docIDs() []string {
	ids := make([]string, len(b.docs))
	for i, d := range b.docs {
		ids[i] = d.ID
	}
	return ids
}
