package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// A question may take a figure for granted: "Korea exported $22.34 billion
// to Russia in 2019, up from what?" or "what drove exports to $22.34
// billion?". Answering it as asked would repeat the figure as if it were
// so. When a question names one metric and one year and states an amount
// of the same order as that year's figure but not it, the premise is what
// gets answered: the figure the sources give, and, when the amount is
// another metric's figure for that year, which one it is.

// premise returns the correction of a question's wrong figure, if it has
// one.
func (a *Answerer) premise(question string, in Intent, lang facts.Lang) (Reply, bool) {
	// A claim ("…was under $1 billion, right?") is the claim checker's,
	// bounds and all; this is for questions that take a figure as given.
	if in.Claim || len(in.Series) != 1 || len(in.Years) != 1 {
		return Reply{}, false
	}
	s := in.Series[0]
	p := s.Point(in.Years[0])
	if p == nil || p.Value == nil {
		return Reply{}, false
	}
	var c claim
	for _, fig := range countable(withoutDates(withoutRanks(withoutOrdinals(in.Folded)))) {
		if fig.kind != plain || fig.v < 1e5 || !comparable(fig.v, p.Value.Amount) {
			continue // a count, a share or a multiple is not the year's figure
		}
		if c.holds(fig, figure{p.Value.Amount, plain}) {
			return Reply{}, false // the question has it right
		}
		// Which figure of that year it is, if any.
		var other *facts.Fact
		for _, t := range a.base.AllSeries() {
			if q := t.Point(in.Years[0]); t != s && q != nil && q.Value != nil && t.Unit == s.Unit && c.holds(fig, figure{q.Value.Amount, plain}) {
				other = q
				break
			}
		}
		asked := amount(fig.v, s.Unit, lang)
		text := say(lang, "Not by my sources: ", "제 자료와 다릅니다. ", "По моим источникам — нет: ") + p.Answer.In(lang)
		fs := []*facts.Fact{p}
		if other != nil {
			text += " " + say(lang, "%[1]s is a different figure: %[2]s",
				"%[1]s 다른 수치입니다: %[2]s",
				"%[1]s — это другая цифра: %[2]s", topicIn(lang, asked), other.Answer.In(lang))
			fs = append(fs, other)
		} else {
			text += " " + say(lang, "They give no %[1]s for %[2]d.", "%[2]d년 수치로 %[1]s 나오지 않습니다.", "Цифры %[1]s за %[2]d год в них нет.", topicIn(lang, asked), in.Years[0])
		}
		return Reply{Question: question, Lang: lang, Answered: true, Kind: KindClaim, Verdict: Contradicted, Score: 1,
			Facts: fs, Title: p.Title.In(lang), Text: text}, true
	}
	return Reply{}, false
}

// topicIn is the noun with the Korean topic particle in Korean, as is
// elsewhere.
func topicIn(lang facts.Lang, noun string) string {
	if lang == facts.KO {
		return topic(noun)
	}
	return noun
}

// southKoreaWords place something in South Korea; northKorea is the
// entity the facts name for the North.
var southKoreaWords = []string{"south korea", "s. korea", "seoul", "방한", "한국을 방문", "한국 방문", "남한", "서울",
	"южную корею", "южной корее", "южной кореи", "в сеул", "в сеуле"}

// wrongKorea corrects an answer whose question puts in South Korea what
// its facts put in the North: "what did Trutnev discuss on his April 2014
// visit to South Korea?" is about his visit to North Korea, and an answer
// that let the premise stand would confirm a visit that did not happen.
func (a *Answerer) wrongKorea(question string, in Intent, r Reply) Reply {
	if !r.Answered || len(r.Facts) == 0 {
		return r
	}
	q := fold(question) // cheap next to answering, and only for answers
	if !containsAny(q, southKoreaWords) || containsAny(q, []string{"north korea", "북한", "방북", "кндр", "северн"}) {
		return r
	}
	for _, f := range r.Facts {
		north := false
		for _, e := range f.Entities {
			if e.ID == "north-korea" || e.Kind == facts.Place && e.Country == "KP" {
				north = true
			}
		}
		if !north {
			return r
		}
	}
	r.Kind, r.Verdict = KindClaim, Contradicted
	r.Text = say(r.Lang, "Not South Korea: my sources place this in North Korea. ",
		"한국이 아니라 북한입니다. 제 자료에 따르면 북한에서 있었던 일입니다. ",
		"Не в Южной Корее: по моим источникам, это было в КНДР. ") + r.Text
	// The visit to the South the asker may have in mind, when the sources
	// have one by the same person.
	if f := a.southernVisit(r.Facts, in.Named); f != nil {
		r.Text += "\n\n" + say(r.Lang, "The sources do have a visit to South Korea: ", "한국 방문은 따로 있습니다: ", "Визит в Южную Корею в источниках есть: ") + f.Answer.In(r.Lang)
		r.Facts = append(r.Facts, f)
	}
	return r
}

// southernVisit is a fact about a person of fs, or one the question
// names, visiting South Korea.
func (a *Answerer) southernVisit(fs []*facts.Fact, named []*facts.Entity) *facts.Fact {
	people := map[*facts.Entity]bool{}
	for _, e := range named {
		if e.Kind == facts.Person {
			people[e] = true
		}
	}
	for _, f := range fs {
		for _, e := range f.Entities {
			if e.Kind == facts.Person {
				people[e] = true
			}
		}
	}
	for _, f := range a.base.Facts() {
		if slices.Contains(fs, f) || !strings.Contains(f.Answer.EN, "visited South Korea") {
			continue
		}
		for _, e := range f.Entities {
			if people[e] {
				return f
			}
		}
	}
	return nil
}

// relativeWho asks who came before or after a named party ("who chaired
// the Arctic Council before Russia?"): a fact that names only that party
// does not say. The party is a capitalised word right after the
// preposition.
var relativeWho = regexp.MustCompile(`(?:^|\P{L})(?i:who|кто)\P{L}.*\P{L}(?i:before|after|prior to|прежде|до|после|перед)\s+(\p{Lu}\p{L}{3,})`)

// beforeOrAfter refuses an answer to "who, before or after X" whose facts
// name X and no one else of the asked kind: it would give X for the one
// asked about.
func beforeOrAfter(question string, r Reply) Reply {
	if !r.Answered || r.Kind == KindClaim {
		return r
	}
	// The regular expression is the costly part: most questions ask
	// neither who nor before.
	q := fold(question)
	if !containsAny(q, []string{"who", "кто"}) || !containsAny(q, []string{"before", "after", "prior", "прежде", "до ", "после", "перед"}) {
		return r
	}
	m := relativeWho.FindStringSubmatch(question)
	if m == nil {
		return r
	}
	stem := fold(m[1])
	if n := len([]rune(stem)); n > 5 {
		stem = string([]rune(stem)[:n-2]) // "России" → "Росси"
	}
	for _, f := range r.Facts {
		if !strings.Contains(fold(f.Title.In(r.Lang)+" "+f.Answer.In(r.Lang)), stem) {
			return r
		}
	}
	out := Reply{Question: r.Question, Lang: r.Lang, Reason: match.MissingDetail, Match: r.Match}
	out.Text = say(r.Lang, "My sources don't say who that was: they speak only of %[1]s.",
		"제 자료에는 그것이 누구였는지 나오지 않습니다. %[1]s에 관한 내용만 있습니다.",
		"В моих источниках не сказано, кто это был: в них говорится только о %[1]s.", m[1])
	for _, f := range r.Facts {
		out.Suggestions = append(out.Suggestions, suggestion(f, r.Lang))
	}
	return out
}

// sourceCues say that a question quotes a publication.
var sourceCues = []string{"report", "according to", "reported", "says", "said", "study", "보고서", "자료에", "에 따르면", "발표", "보도",
	"доклад", "по данным", "сообщ", "отчет", "отчёт", "исследован"}

// wrongSource corrects an answer whose question attributes it to a
// publisher none of its sources is: "the KITA report says 510,000 people
// in 2017, why?" is answered with the figure, and with who gave it (the
// Foreign Ministry), not as if KITA had.
func (a *Answerer) wrongSource(question string, in Intent, r Reply) Reply {
	// A claim already corrected says what is wrong; one borne out may
	// still have its source wrong.
	if !r.Answered || len(r.Facts) == 0 || r.Kind == KindClaim && r.Verdict != Supported || !containsAny(in.Folded, sourceCues) {
		return r
	}
	var named []*facts.Entity
	for _, e := range in.Named {
		if e.Kind == facts.Organisation {
			named = append(named, e)
		}
	}
	if len(named) == 0 {
		return r
	}
	var publishers []string
	for _, f := range r.Facts {
		// "According to the Nikkei…" is right when the answer itself
		// says the Nikkei reported it, whoever's document carries it.
		for _, e := range named {
			if f.Names(e) {
				return r
			}
		}
		for _, src := range f.Sources {
			d, ok := a.base.Document(src.Doc)
			if !ok {
				continue
			}
			for _, e := range named {
				if e.NamedIn(d.Publisher) {
					return r // the question has its source right
				}
			}
			p, _, _ := strings.Cut(d.Publisher, ";")
			if !slices.Contains(publishers, p) {
				publishers = append(publishers, p)
			}
		}
	}
	if len(publishers) == 0 {
		return r
	}
	r.Kind, r.Verdict = KindClaim, Contradicted
	// "Yes, my sources bear that out" would now say the opposite of the
	// correction before it: the figure stands, its source does not.
	r.Text = strings.TrimPrefix(r.Text, verdictLine(Supported, in, r.Lang))
	r.Text = say(r.Lang, "Not from %[1]s: my sources have this from %[2]s. ", "%[1]s 자료가 아닙니다. 제 자료에서 이 내용의 출처는 %[2]s입니다. ",
		"Это не из материалов %[1]s: в моих источниках это сообщает %[2]s. ", named[0].Name.In(r.Lang), strings.Join(publishers, "; ")) + r.Text
	return r
}

// figureElsewhere names the fact a contradicted claim's figure belongs
// to: "why did exports to Russia drop 10.3 % in 2019?" is told that they
// rose, and that 10.3 % is the fall of Korea's total exports that year,
// so the asker learns where the number came from.
func (a *Answerer) figureElsewhere(in Intent, r Reply) Reply {
	if r.Kind != KindClaim || r.Verdict != Contradicted || len(r.Facts) == 0 {
		return r
	}
	stated := func(f *facts.Fact, fig figure) bool {
		for _, g := range figures(strings.ToLower(f.Answer.EN)) {
			if g.kind == fig.kind && g.v == fig.v {
				return true
			}
		}
		return false
	}
	for _, fig := range countable(withoutDates(withoutRanks(withoutOrdinals(in.Folded)))) {
		if fig.kind == plain && fig.v < 100 || slices.ContainsFunc(r.Facts, func(f *facts.Fact) bool { return stated(f, fig) }) {
			continue // a small count says little; a figure already cited needs no source
		}
		for _, f := range a.base.Facts() {
			if f.Topic == SourcesTopic || len(in.Years) == 1 && f.Date.Start.Year() != in.Years[0] && (f.Value == nil || f.Value.Year != in.Years[0]) {
				continue
			}
			if stated(f, fig) {
				r.Text += "\n\n" + say(r.Lang, "The figure you give belongs elsewhere: ", "질문하신 수치는 다른 내용의 것입니다: ", "Названная вами цифра относится к другому: ") + f.Answer.In(r.Lang)
				r.Facts = append(r.Facts, f)
				return r
			}
		}
	}
	return r
}

// bothWays are words that ask for a count in both directions, which the
// series give: "Koreans and Russians visiting each other".
var bothWays = []string{"each other", "both ways", "both directions", "between", "서로", "양국", "상호", "한러 간", "между", "взаимн", "друг друга", "в обе стороны"}

// oneWay refuses a count asked one way ("how many Russians came to Korea
// in 2019?") when the sources give it only both ways: the two-way figure
// would be taken for the one asked.
func (a *Answerer) oneWay(in Intent, r Reply) Reply {
	if !r.Answered || r.Kind == KindClaim || containsAny(in.Folded, bothWays) {
		return r
	}
	for _, f := range r.Facts {
		if f.Value == nil {
			continue
		}
		s, ok := a.base.Series(f.Value.Series)
		if !ok || !namesAnyOf(in.Folded, s.OneWay) {
			continue
		}
		out := Reply{Question: r.Question, Lang: r.Lang, Reason: match.MissingDetail, Match: r.Match}
		out.Text = say(r.Lang, "My sources give one figure for both directions together (%[1]s), not one way. What they do give: ",
			"제 자료에는 양방향을 합친 수치(%[1]s)만 있고, 한쪽 방향만의 수치는 없습니다. 자료에 있는 내용은 다음과 같습니다. ",
			"В моих источниках есть только общая цифра в обе стороны («%[1]s»), без разбивки по направлениям. Вот что в них есть: ",
			s.Title.In(r.Lang)) + f.Answer.In(r.Lang)
		out.Suggestions = []match.Suggestion{suggestion(f, r.Lang)}
		return out
	}
	return r
}
