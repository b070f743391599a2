package answer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/ninebridges/ninebridges/facts"
)

// A content set is scored by what the answer says, not by which fact it
// cites: the figure, the verdict, the names a right answer must contain.
// Each language has a file (en.tsv, ko.tsv, ru.tsv) with a header line
// naming its columns, of which these are read:
//
//	kind      lookup, compute, list, claim, event, present, refuse or trap
//	expect    answer, asof, yes, no or refuse
//	must      items separated by " ; ", each alternatives separated by "|":
//	          a figure (22340000000, 41.8%, 1.67x) or a name in any language
//	cite      optional: fact ids the answer must cite, separated by ","
//	question  the question
type contentCase struct {
	File     string
	Line     int
	Lang     facts.Lang
	Kind     string
	Expect   string
	Must     [][]string
	Cite     [][]string
	Question string
}

func loadContentSet(dir string) ([]contentCase, error) {
	var out []contentCase
	for _, lang := range facts.Langs {
		name := filepath.Join(dir, string(lang)+".tsv")
		f, err := os.Open(name)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		var cols map[string]int
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fields := strings.Split(line, "\t")
			if cols == nil {
				cols = map[string]int{}
				for i, c := range fields {
					cols[strings.TrimSpace(c)] = i
				}
				for _, c := range []string{"kind", "expect", "must", "question"} {
					if _, ok := cols[c]; !ok {
						f.Close()
						return nil, fmt.Errorf("%s:%d: the header has no %q column", name, n, c)
					}
				}
				continue
			}
			get := func(c string) string {
				if i, ok := cols[c]; ok && i < len(fields) {
					return strings.TrimSpace(fields[i])
				}
				return ""
			}
			c := contentCase{File: name, Line: n, Lang: lang, Kind: get("kind"), Expect: get("expect"), Question: get("question")}
			c.Must = alternatives(get("must"), ";")
			c.Cite = alternatives(get("cite"), ",")
			switch c.Expect {
			case "answer", "asof", "yes", "no", "refuse":
			default:
				f.Close()
				return nil, fmt.Errorf("%s:%d: expect %q is not answer, asof, yes, no or refuse", name, n, c.Expect)
			}
			if c.Question == "" {
				f.Close()
				return nil, fmt.Errorf("%s:%d: no question", name, n)
			}
			out = append(out, c)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no questions in %s", dir)
	}
	return out, nil
}

func alternatives(s, sep string) [][]string {
	if s == "" || s == "-" {
		return nil
	}
	var out [][]string
	for _, item := range strings.Split(s, sep) {
		var alts []string
		for _, a := range strings.Split(item, "|") {
			if a = strings.TrimSpace(a); a != "" {
				alts = append(alts, a)
			}
		}
		if len(alts) > 0 {
			out = append(out, alts)
		}
	}
	return out
}

// outcome is how a reply fares against what a question expects.
type outcome int

const (
	right   outcome = iota
	partial         // nothing false, but the verdict or the framing asked for is missing
	refused         // no answer given, where one was due
	wrong           // a confident answer that is wrong: the figure to avoid
)

func (o outcome) String() string {
	return [...]string{"right", "partial", "refused", "WRONG"}[o]
}

// grade scores a reply by its content.
func grade(c contentCase, r Reply) (outcome, string) {
	if c.Expect == "refuse" {
		if r.Answered {
			return wrong, "answered what the sources do not say"
		}
		return right, ""
	}
	if !r.Answered {
		return refused, string(r.Reason)
	}
	// What a reader sees: the answer, and the quotes it cites.
	text := r.Title + "\n" + r.Text + "\n" + r.Note
	for _, f := range r.Facts {
		for _, s := range f.Sources {
			text += "\n" + s.Quote
		}
	}
	missing := missingContent(c.Must, text)
	var uncited []string
	for _, alts := range c.Cite {
		if !slices.ContainsFunc(r.Facts, func(f *facts.Fact) bool { return slices.Contains(alts, f.ID) }) {
			uncited = append(uncited, strings.Join(alts, "|"))
		}
	}
	switch c.Expect {
	case "yes", "no":
		want := map[string]Verdict{"yes": Supported, "no": Contradicted}[c.Expect]
		switch {
		case r.Verdict == want && len(missing) == 0:
			return right, ""
		case r.Verdict == want:
			return partial, "right verdict, lacks " + strings.Join(missing, ", ")
		case r.Verdict != "":
			return wrong, "verdict " + string(r.Verdict)
		case len(missing) == 0:
			return partial, "the figures, but no verdict"
		}
		return wrong, "no verdict, lacks " + strings.Join(missing, ", ")
	}
	if len(missing) > 0 {
		return wrong, "lacks " + strings.Join(missing, ", ")
	}
	if len(uncited) > 0 {
		return partial, "does not cite " + strings.Join(uncited, ", ")
	}
	if c.Expect == "asof" && r.Note == "" {
		return partial, "not framed as of the sources"
	}
	return right, ""
}

// missingContent lists the items of must that text does not state.
func missingContent(must [][]string, text string) []string {
	figs := figures(text)
	folded := foldContent(text)
	var missing []string
	for _, alts := range must {
		found := false
		for _, a := range alts {
			if w, ok := parseWant(a); ok {
				found = slices.ContainsFunc(figs, w.matches)
			} else {
				found = strings.Contains(folded, foldContent(a)) || inflected(text, a)
			}
			if found {
				break
			}
		}
		if !found {
			missing = append(missing, strings.Join(alts, "|"))
		}
	}
	return missing
}

// inflected reports whether text holds a Russian phrase in another case:
// "развития Дальнего Востока" as "по развитию Дальнего Востока". Each word
// of three letters or more may change its last two.
func inflected(text, phrase string) bool {
	if !strings.ContainsFunc(phrase, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
		return false
	}
	var parts []string
	for _, w := range strings.Fields(strings.ReplaceAll(strings.ToLower(phrase), "ё", "е")) {
		rs := []rune(w)
		if len(rs) >= 5 {
			rs = rs[:len(rs)-2]
		}
		parts = append(parts, regexp.QuoteMeta(string(rs))+`\p{L}{0,3}`)
	}
	re, err := regexp.Compile(strings.Join(parts, `\s+`))
	return err == nil && re.MatchString(strings.ReplaceAll(strings.ToLower(text), "ё", "е"))
}

// foldContent evens out what differs between spellings of one name: case,
// ё, spacing, hyphens, dots and quotes.
func foldContent(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("ё", "е", " ", "", "-", "", "–", "", ".", "", "'", "", "’", "", "\"", "", "«", "", "»", "", "·", "", "\u00a0", "").Replace(s)
}

// contentScore tallies one set by language and by kind.
type contentScore struct {
	byKind     map[string]*[4]int // kind → count per outcome
	byLang     map[facts.Lang]*[4]int
	byKindLang map[string]*[4]int // "kind/lang" → count per outcome
	all        [4]int
	wrongs     []string
}

func scoreContentSet(t *testing.T, a *Answerer, cases []contentCase, report *json.Encoder) contentScore {
	t.Helper()
	s := contentScore{byKind: map[string]*[4]int{}, byLang: map[facts.Lang]*[4]int{}, byKindLang: map[string]*[4]int{}}
	for _, c := range cases {
		r := a.Answer(c.Question, "")
		o, why := grade(c, r)
		if s.byKind[c.Kind] == nil {
			s.byKind[c.Kind] = new([4]int)
		}
		if s.byLang[c.Lang] == nil {
			s.byLang[c.Lang] = new([4]int)
		}
		s.byKind[c.Kind][o]++
		kl := c.Kind + "/" + string(c.Lang)
		if s.byKindLang[kl] == nil {
			s.byKindLang[kl] = new([4]int)
		}
		s.byKindLang[kl][o]++
		s.byLang[c.Lang][o]++
		s.all[o]++
		if o == wrong {
			s.wrongs = append(s.wrongs, fmt.Sprintf("%s:%d: [%s/%s] %q: %s\n\t%s %v: %.300s", c.File, c.Line, c.Kind, c.Expect, c.Question, why, r.Kind, factIDs(r), strings.ReplaceAll(r.Text, "\n", " ")))
		}
		if report != nil {
			report.Encode(map[string]any{
				"file": filepath.Base(filepath.Dir(c.File)) + "/" + filepath.Base(c.File), "line": c.Line, "kind": c.Kind, "expect": c.Expect,
				"must": c.Must, "question": c.Question, "outcome": o.String(), "why": why,
				"answered": r.Answered, "reply_kind": r.Kind, "verdict": r.Verdict, "reason": r.Reason,
				"facts": factIDs(r), "title": r.Title, "text": r.Text, "note": r.Note,
			})
		}
	}
	return s
}

func factIDs(r Reply) []string {
	var ids []string
	for _, f := range r.Facts {
		ids = append(ids, f.ID)
	}
	return ids
}

func pct(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}

func (s contentScore) log(t *testing.T, name string) {
	t.Helper()
	line := func(label string, c [4]int) string {
		n := c[0] + c[1] + c[2] + c[3]
		return fmt.Sprintf("%-9s %4d  right %5.1f%%  partial %5.1f%%  refused %5.1f%%  wrong %5.1f%% (%d)",
			label, n, pct(c[right], n), pct(c[partial], n), pct(c[refused], n), pct(c[wrong], n), c[wrong])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", name)
	for _, l := range facts.Langs {
		if c := s.byLang[l]; c != nil {
			fmt.Fprintf(&b, "  %s\n", line(string(l), *c))
		}
	}
	kinds := make([]string, 0, len(s.byKind))
	for k := range s.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %s\n", line(k, *s.byKind[k]))
	}
	fmt.Fprintf(&b, "  %s\n", line("all", s.all))
	t.Log(b.String())
}
