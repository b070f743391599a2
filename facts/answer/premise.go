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
	for _, fig := range countable(withoutDates(withoutRanks(in.Folded))) {
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
var southKoreaWords = []string{"south korea", "s. korea", "seoul", "방한", "한국을 방문", "한국 방문", "남한",
	"южную корею", "южной корее", "южной кореи", "в сеул", "в сеуле"}

// wrongKorea corrects an answer whose question puts in South Korea what
// its facts put in the North: "what did Trutnev discuss on his April 2014
// visit to South Korea?" is about his visit to North Korea, and an answer
// that let the premise stand would confirm a visit that did not happen.
func (a *Answerer) wrongKorea(question string, r Reply) Reply {
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
	if f := a.southernVisit(r.Facts); f != nil {
		r.Text += "\n\n" + say(r.Lang, "The sources do have a visit to South Korea: ", "한국 방문은 따로 있습니다: ", "Визит в Южную Корею в источниках есть: ") + f.Answer.In(r.Lang)
		r.Facts = append(r.Facts, f)
	}
	return r
}

// southernVisit is a fact about a person of fs visiting South Korea.
func (a *Answerer) southernVisit(fs []*facts.Fact) *facts.Fact {
	people := map[*facts.Entity]bool{}
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
