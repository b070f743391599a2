package draft

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// Name is a person, organisation or programme a sentence names: one of
// the base's entities, or a name the draft recognised by its shape.
type Name struct {
	Span
	Text   string
	Entity *facts.Entity // nil for a name the base does not know yet
}

// Names finds the people, organisations and programmes text[s.Start:s.End]
// names. Places are left out: "Russia" or "Seoul" alone makes no claim.
func Names(b *facts.Base, text string, s Span) []Name {
	sub := text[s.Start:s.End]
	var out []Name
	for _, e := range b.EntitiesNamedIn(sub) {
		if e.Kind == facts.Place {
			continue
		}
		sp := s // somewhere in the sentence, when the spelling found differs in more than case
		for _, n := range e.Names() {
			if i := findName(sub, n); i >= 0 {
				sp = Span{s.Start + i, s.Start + i + len(n)}
				break
			}
		}
		out = append(out, Name{Span: sp, Text: e.Name.EN, Entity: e})
	}
	for _, re := range []*lazyRE{titledPerson, koreanName, organisation} {
		for _, m := range re.FindAllStringSubmatchIndex(sub, -1) {
			a, z := m[2], m[3]
			if a < 0 {
				a, z = m[0], m[1]
			}
			n := strings.TrimSpace(sub[a:z])
			if n == "" || stopName[n] || re == organisation && titleFirst.MatchString(n) {
				continue
			}
			known := false
			for _, o := range out {
				if strings.Contains(o.Text, n) || strings.Contains(n, o.Text) || o.Entity != nil && o.Entity.NamedIn(n) {
					known = true
					break
				}
			}
			if !known {
				out = append(out, Name{Span: Span{s.Start + a, s.Start + z}, Text: n})
			}
		}
	}
	return out
}

// cap is a capitalised word of a name: "Kang", "Kyung-wha", "O'Neil".
const capWord = `[A-Z][A-Za-z’'.-]*[A-Za-z]`

var (
	// titledPerson: a title followed by a name, "Minister Kang",
	// "President Moon Jae-in", "Dr. Lee".
	titledPerson = lazyRegexp(`\b(?:President|Prime Minister|Minister|Ambassador|Governor|Mayor|Chairman|Chairwoman|Chairperson|CEO|Director|Secretary|Senator|Spokesman|Spokeswoman|Spokesperson|Envoy|Dr\.|Mr\.|Ms\.|Mrs\.|Prof\.)\s+(` + capWord + `(?:\s+` + capWord + `){0,2})`)
	// koreanName: a family name and a hyphenated given name, the way
	// English-language Korean news writes them ("Kim Hyun-soo").
	koreanName = lazyRegexp(`\b((?:Kim|Lee|Park|Choi|Jung|Chung|Kang|Cho|Yoon|Yun|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|Jeon|Ko|Moon|Yang|Son|Bae|Baek|Heo|Nam|Noh|Ha|Gil|Hyun|Ban|Rhee|Roh|Chun|Kwak|Byun|Min|Sung|Woo|Yeo)\s+[A-Z][a-z]+-[a-z]+)\b`)
	// organisation: capitalised words around a word that names a body or a
	// programme, "Ministry of Trade", "Eastern Economic Forum",
	// "Power of Siberia Pipeline".
	organisation = lazyRegexp(`((?:` + capWord + `\s+(?:(?:of|for|on|and|the)\s+)*)*(?:Ministry|Agency|Association|Committee|Council|Institute|Union|Bank|Corporation|Company|Group|Electronics|Motors?|Forum|Federation|Organi[sz]ation|Chamber|Fund|Office|Administration|Commission|University|Parliament|Assembly|Duma|Kremlin|Project|Programme|Program|Initiative|Agreement|Treaty|Pipeline|Railway|Railroad|Route|Corridor|Partnership|Summit|Conference)\b(?:\s+(?:of|for|on)\s+(?:the\s+)?` + capWord + `(?:\s+(?:and\s+)?` + capWord + `)*)?)`)
)

// titleFirst: "Minister for the Development of the Russian Far East" is a
// person's title, not a body.
var titleFirst = lazyRegexp(`^(?:Deputy |Vice |Prime )?(?:Minister|President|Ambassador|Governor|Mayor|Chairman|Director|Secretary|Envoy)\b`)

// stopName are matches that name no one.
var stopName = map[string]bool{"President": true, "Minister": true, "The": true}

// attribution finds who a sentence says something on the word of: "X
// said", "X reported", "according to X", "said X".
var (
	saidBy      = lazyRegexp(`\b(?:said|says|stated|states|noted|told|reported|reports|announced|added|stressed|explained|wrote|claimed|argued|warned|emphasized|emphasised)\b`)
	accordingTo = lazyRegexp(`\baccording to\s+(?:the\s+)?([^,.;]+)`)
	saidThen    = lazyRegexp(`^\s*(?:,\s*)?(?:the\s+)?(` + capWord + `(?:\s+` + capWord + `)*)`)
)

// Speaker is who the sentence attributes its claim to, as written, and
// the base's entity for it when there is one.
type Speaker struct {
	Text   string
	Entity *facts.Entity
}

// speaker finds the sentence's attribution, if any.
func speaker(b *facts.Base, sentence string) *Speaker {
	if m := accordingTo.FindStringSubmatch(sentence); m != nil {
		if sp := nameIn(b, m[1]); sp != nil {
			return sp
		}
	}
	for _, m := range saidBy.FindAllStringIndex(sentence, -1) {
		before := strings.TrimRight(sentence[:m[0]], " ")
		// "Kim Hyun-soo, a senior researcher at KITA, said": the name is
		// before the apposition.
		if strings.HasSuffix(before, ",") {
			inner := strings.TrimSuffix(before, ",")
			if i := strings.LastIndex(inner, ","); i >= 0 {
				before = inner[:i]
			} else {
				before = inner
			}
		}
		if i := lastBreak(b, before); i >= 0 {
			before = before[i+1:]
		}
		for _, dash := range []string{" -- ", " — ", " – "} {
			if i := strings.LastIndex(before, dash); i >= 0 {
				before = before[i+len(dash):] // a dateline: "SEOUL, Feb. 5 (Yonhap) -- South Korea said"
			}
		}
		if sp := nameIn(b, before); sp != nil {
			return sp
		}
		// "…, said Kim Hyun-soo"
		if sm := saidThen.FindStringSubmatch(sentence[m[1]:]); sm != nil {
			if sp := nameIn(b, sm[1]); sp != nil {
				return sp
			}
		}
	}
	return nil
}

// nameIn picks the speaker out of a phrase: the base's person or
// organisation it names, else its last run of capitalised words that is
// not merely the sentence's first word ("The report" names no one).
func nameIn(b *facts.Base, phrase string) *Speaker {
	phrase = strings.TrimSpace(phrase)
	var best *facts.Entity
	for _, e := range b.EntitiesNamedIn(phrase) {
		if best == nil || rank(e.Kind) < rank(best.Kind) {
			best = e
		}
	}
	if best != nil && best.Kind != facts.Place {
		return &Speaker{Text: phrase, Entity: best}
	}
	runs := capitalRun.FindAllString(phrase, -1)
	for i := len(runs) - 1; i >= 0; i-- {
		r := strings.TrimSpace(runs[i])
		if strings.HasPrefix(phrase, r) && !strings.Contains(r, " ") && !strings.Contains(r, "-") {
			continue // a sentence's first word
		}
		if r != "" {
			return &Speaker{Text: phrase, Entity: best}
		}
	}
	if best != nil {
		return &Speaker{Text: phrase, Entity: best}
	}
	return nil
}

var capitalRun = lazyRegexp(capWord + `(?:\s+` + capWord + `)*`)

func rank(k facts.EntityKind) int {
	switch k {
	case facts.Person:
		return 0
	case facts.Organisation:
		return 1
	case facts.Programme:
		return 2
	}
	return 3
}

// findName is where name starts in text, compared without case and at the
// start of a word, or -1.
func findName(text, name string) int {
	if name == "" {
		return -1
	}
	for i := 0; i+len(name) <= len(text); i++ {
		if !utf8.RuneStart(text[i]) || !strings.EqualFold(text[i:i+len(name)], name) {
			continue
		}
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		return i
	}
	return -1
}

// lastBreak is where the clause before a reporting verb starts: the last
// comma, semicolon, colon or quotation mark that is not inside a name the
// base knows ("the Ministry of Trade, Industry and Energy said").
func lastBreak(b *facts.Base, before string) int {
	var inside []Span
	for _, e := range b.EntitiesNamedIn(before) {
		for _, n := range e.Names() {
			if i := findName(before, n); i >= 0 && strings.ContainsAny(n, ",;:") {
				inside = append(inside, Span{i, i + len(n)})
			}
		}
	}
	for i := len(before) - 1; i >= 0; i-- {
		if !strings.ContainsRune(",;:\"", rune(before[i])) && !strings.HasPrefix(before[i:], "“") && !strings.HasPrefix(before[i:], "”") {
			continue
		}
		if !slices.ContainsFunc(inside, func(s Span) bool { return i >= s.Start && i < s.End }) {
			if before[i] >= 0x80 {
				return i + len("“") - 1 // the last byte of the mark
			}
			return i
		}
	}
	return -1
}
