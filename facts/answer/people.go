package answer

import (
	"slices"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// Lists of who and what the sources name are drawn from the entity
// table: "which Russian officials are named", "무역협회 보고서에 나오는
// 사람들 누구누구?", "what outlets does the Hankyoreh article rely on".
// Each entity is cited by the first fact that names it.

// entityNouns name a kind of entity in a question, by what is asked;
// news means only the organisations the table calls news agencies or
// newspapers.
var entityNouns = []struct {
	kind  facts.EntityKind
	news  bool
	words []string
}{
	{facts.Person, false, []string{"people", "persons", "officials", "individuals", "politicians", "ministers", "leaders",
		"사람들", "인사들", "인물", "관료", "누구누구", "인사 전부", "인사 모두",
		"людей", "люди", "лица", "лиц", "персон", "чиновник", "официальных", "деятел", "кто упоминается", "кого упоминают"}},
	{facts.Organisation, true, []string{"outlets", "media", "news agencies", "newspapers", "papers", "press", "언론", "통신사", "신문", "매체", "сми", "агентств", "газет", "издани"}},
	{facts.Organisation, false, []string{"agencies", "organisations", "organizations", "institutions", "bodies", "ministries", "기관", "단체", "부처", "организаци", "ведомств", "министерств"}},
}

// entityCountries are the adjectives that narrow such a list to a country.
var entityCountries = []struct {
	country string
	words   []string
}{
	{"RU", []string{"russian", "russia's", "러시아", "российск", "русск"}},
	{"KR", []string{"south korean", "korean", "한국", "남한", "корейск", "южнокорейск"}},
	{"KP", []string{"north korean", "북한", "северокорейск"}},
}

// entityList answers a question for the people or organisations the
// sources name, or reports false when the question is no such question.
func (a *Answerer) entityList(question string, in Intent, lang facts.Lang) (Reply, bool) {
	q := in.Folded
	if len(in.Series) > 0 || in.Op != OpNone || !in.List && !containsAny(q, []string{"who are", "누구누구", "кто упоминается", "кого упоминают"}) {
		return Reply{}, false
	}
	var kind facts.EntityKind
	news := false
	// "일본 신문 보도로는…" names a newspaper; it does not ask for a list
	// of them.
	var names []string
	for _, e := range in.Named {
		names = append(names, e.Names()...)
	}
	nouns := withoutWords(q, names)
	for _, n := range entityNouns {
		if containsAny(nouns, n.words) {
			kind, news = n.kind, n.news
			// "어느 기관 자료에 나와요?", "which body's report says…"
			// asks whose text says something: the fact that says it,
			// with its source, answers.
			if textOfOne(nouns, n.words) {
				return Reply{}, false
			}
			break
		}
	}
	if kind == "" {
		return Reply{}, false
	}
	country := ""
	for _, c := range entityCountries {
		if containsAny(q, c.words) {
			country = c.country
			break
		}
	}
	// "…in the Hankyoreh article", "…in the KITA report": the documents
	// whose publisher the question names, and that publisher left out.
	var docs []string
	var publishers []*facts.Entity
	for _, e := range in.Named {
		if e.Kind != facts.Organisation {
			continue
		}
		for _, d := range a.base.Documents() {
			if e.NamedIn(d.Publisher) {
				docs = append(docs, d.ID)
				publishers = append(publishers, e)
			}
		}
	}
	cites := func(f *facts.Fact) bool {
		return len(docs) == 0 || slices.ContainsFunc(f.Sources, func(s facts.Source) bool { return slices.Contains(docs, s.Doc) })
	}
	r := Reply{Question: question, Lang: lang, Answered: true, Kind: KindList, Score: 1}
	var lines []string
	for _, e := range a.base.Entities() {
		if e.Kind != kind || country != "" && e.Country != country || slices.Contains(publishers, e) ||
			news && !strings.Contains(e.Role.EN, "news") {
			continue
		}
		f := citing(e, cites)
		if f == nil {
			continue
		}
		r.Facts = append(r.Facts, f)
		line := "• " + e.Name.In(lang)
		if role := e.Role.In(lang); role != "" {
			line += " — " + role
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return Reply{}, false
	}
	r.Title = say(lang, "Named in my sources", "자료에 나오는 이름", "Названы в моих источниках")
	if kind == facts.Person {
		r.Text = say(lang, "My sources name %d people:", "자료에 나오는 인물은 %d명입니다.", "В источниках названо лиц: %d.", len(lines))
	} else {
		r.Text = say(lang, "My sources name %d organisations:", "자료에 나오는 기관은 %d곳입니다.", "В источниках названо организаций: %d.", len(lines))
	}
	r.Text += "\n" + strings.Join(lines, "\n")
	return r, true
}

// citing is the fact to cite for e among those that pass ok: the one
// most about e, whose title names it, or whose answer names it soonest.
func citing(e *facts.Entity, ok func(*facts.Fact) bool) *facts.Fact {
	var best *facts.Fact
	bestAt := 0
	for _, f := range e.Facts {
		if !ok(f) {
			continue
		}
		at := strings.Index(facts.FoldName(f.Answer.EN), facts.FoldName(e.Name.EN))
		if at < 0 {
			at = 1000 // named by an alias or in another language only
		}
		for _, l := range facts.Langs {
			if e.NamedIn(f.Title.In(l)) {
				at -= 2000
				break
			}
		}
		if best == nil || at < bestAt {
			best, bestAt = f, at
		}
	}
	return best
}

// roleCues ask who a person is, or their post; a cue that stands before
// the name (en, ru) must be right before it, and a Korean one right after.
var roleCues = []string{"who is", "who was", "who's", "position", "title", "role", "job",
	"는 누구", "은 누구", "이 누구", "가 누구", "직함", "직책", "어떤 사람", "뭐하는 사람",
	"кто такой", "кто такая", "кем был", "кем является", "кем работал", "должност"}

// person answers "who is Yury Trutnev?" from the entity table: the role
// as of the sources, and the fact most about them. It reports false when
// the question names no single person or does not ask who they are.
func (a *Answerer) person(question string, in Intent, lang facts.Lang) (Reply, bool) {
	if len(in.Series) > 0 || len(in.Groups) > 0 || in.Claim || !containsAny(in.Folded, roleCues) {
		return Reply{}, false
	}
	var p *facts.Entity
	for _, e := range in.Named {
		if e.Kind == facts.Person {
			if p != nil {
				return Reply{}, false
			}
			p = e
		}
	}
	if p == nil || p.Role.In(lang) == "" || !asksWhoIs(in.Folded, p) {
		return Reply{}, false
	}
	f := citing(p, func(*facts.Fact) bool { return true })
	if f == nil {
		return Reply{}, false
	}
	r := Reply{Question: question, Lang: lang, Answered: true, Kind: KindFact, Score: 1, Facts: []*facts.Fact{f}, Title: p.Name.In(lang)}
	r.Text = p.Name.In(lang) + " — " + p.Role.In(lang) + ".\n\n" + f.Answer.In(lang)
	return r, true
}

// asksWhoIs reports whether q asks who p is: "who is Trutnev", "кем был
// Трутнев", "트루트네프는 누구", "Trutnev's position", not "who did Kang
// meet".
func asksWhoIs(q string, p *facts.Entity) bool {
	for _, n := range p.Names() {
		n = fold(n)
		i := strings.Index(q, n)
		if i < 0 {
			continue
		}
		before, after := strings.TrimSpace(q[:i]), q[i+len(n):]
		for _, c := range []string{"who is", "who was", "who's", "кто такой", "кто такая", "кем был", "кем является", "кем работал"} {
			if strings.HasSuffix(before, c) {
				return true
			}
		}
		for _, c := range []string{"는 누구", "은 누구", "이 누구", "가 누구", "의 직함", "의 직책", "는 어떤 사람", "은 어떤 사람"} {
			if strings.HasPrefix(after, c) {
				return true
			}
		}
		if containsAny(after, []string{"'s position", "'s title", "'s role", "'s job"}) || strings.Contains(q, "должност") {
			return true
		}
	}
	return false
}

// statesRole reports whether f gives the role of the people the question
// names: its English answer holds the start of each one's role ("Russian
// Deputy Prime Minister").
func statesRole(f *facts.Fact, in Intent) bool {
	for _, e := range in.Named {
		if e.Kind != facts.Person {
			continue
		}
		// The most specific title the role has, as roleClasses orders
		// them, must be in the fact.
		role, text := strings.ToLower(e.Role.EN), strings.ToLower(f.Answer.EN)
		for _, c := range roleClasses {
			if containsAny(role, c) {
				if !containsAny(text, c) {
					return false
				}
				break
			}
		}
	}
	return true
}

// textWords name a text a body issues, as "whose" questions ask for it.
var textWords = append([]string{"자료", "문서", "발표", "document", "source", "документ", "материал"}, documentWords...)

// textOfOne reports whether q names a text right after one of nouns
// ("기관 자료", "기관의 보고서", "agency's report"): a question for the
// one whose text it is, not a list of them.
func textOfOne(q string, nouns []string) bool {
	for _, n := range nouns {
		for _, join := range []string{" ", "의 ", "'s ", "’s "} {
			for _, t := range textWords {
				if find(q, n+join+t) >= 0 {
					return true
				}
			}
		}
	}
	return false
}
