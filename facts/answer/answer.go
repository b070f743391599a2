package answer

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// OutOfRange: the question is about a time after the sources end.
const OutOfRange match.Reason = "out-of-range"

// Retriever finds the fact a question asks for; *match.Matcher is the
// real one.
//
// Every method is required, so that a wrapper (metrics, a lazy start)
// cannot hide a guard by embedding only Answer: *match.Matcher is the
// real one.
type Retriever interface {
	Answer(question string, lang facts.Lang) match.Result
	// NamesOtherCountry reports a question about a third country's
	// figures, which Korea–Russia figures do not answer.
	NamesOtherCountry(question string) bool
	// Unknown lists the names a question gives that the base does not know.
	Unknown(question string) []string
	// Ordinals are the counts a fact gives its subject ("the 2nd forum").
	Ordinals(f *facts.Fact) []int
}

// Answerer answers questions over one base. It is safe for concurrent use.
type Answerer struct {
	base    *facts.Base
	m       Retriever
	eventOf map[string][]*facts.Event // fact id → the timeline events it belongs to
	end     time.Time                 // the newest document's date: where the sources stop
	vocab   vocab                     // the words the data defines (see parse)
}

// New builds an Answerer on a base and its matcher.
func New(b *facts.Base, m Retriever) *Answerer {
	a := &Answerer{base: b, m: m, eventOf: map[string][]*facts.Event{}, vocab: newVocab(b)}
	for _, e := range b.Timeline() {
		for _, f := range e.Facts {
			a.eventOf[f.ID] = append(a.eventOf[f.ID], e)
		}
	}
	for _, d := range b.Documents() {
		if d.Date.Start.After(a.end) {
			a.end = d.Date.Start
		}
	}
	return a
}

// Answer answers a question in lang, or in the question's own language
// when lang is "".
func (a *Answerer) Answer(question string, lang facts.Lang) Reply {
	var in Intent
	r := a.answer(question, lang, &in)
	r = a.wrongSource(question, in, r)
	return beforeOrAfter(question, a.wrongKorea(question, in, a.oneWay(in, a.figureElsewhere(in, r))))
}

// answer answers a question; parsed gets the question's intent as read,
// for the checks Answer runs on the reply.
func (a *Answerer) answer(question string, lang facts.Lang, parsed *Intent) Reply {
	if lang == "" {
		lang = match.DetectLang(question)
	}
	question = fullYears(question)
	in := parse(a.base, a.vocab, question)
	*parsed = in
	// Retrieval is asked the same question by several branches below;
	// the first answer serves them all.
	var retrieved *match.Result
	retrieve := func() match.Result {
		if retrieved == nil {
			r := a.aboutTheText(question, lang, a.m.Answer(question, lang))
			retrieved = &r
		}
		return *retrieved
	}
	in.Claim = in.Claim || isClaim(question, in)
	if in.Claim {
		in.Figures = countable(withoutDates(withoutRanks(withoutOrdinals(in.Folded))))
	}
	// The series are Korea–Russia figures: "trade between Russia and
	// Kazakhstan" is not among them, whichever fact names Kazakhstan.
	if len(in.Series) > 0 && a.m.NamesOtherCountry(question) {
		if in.AsksFigure {
			return Reply{Question: question, Lang: lang, Reason: OtherCountry, Text: say(lang,
				"My sources give figures for Korea and Russia only, not for other countries' trade or travel.",
				"제 자료에는 한국과 러시아 간 수치만 있고, 다른 나라의 교역·왕래 수치는 없습니다.",
				"В моих источниках есть цифры только по Корее и России, а не по другим странам.")}
		}
		in.Series = nil
	}
	// "Russia's GDP growth in 2019": no source gives GDP, and the fact
	// that shares "growth" and "2019" (exports) is no answer to it.
	if m, ok := outsideMetric(in.Folded); ok {
		return Reply{Question: question, Lang: lang, Reason: OutsideMetric, Text: say(lang,
			"My sources give no figures on %s: they cover Korea–Russia trade, investment, exchanges and cooperation.",
			"제 자료에는 %s 수치가 없습니다. 한러 교역·투자·교류·협력에 관한 자료입니다.",
			"В моих источниках нет данных о %s: они о торговле, инвестициях, обменах и сотрудничестве Кореи и России.", m.In(lang))}
	}
	// "What drove exports to $22.34 billion in 2019?": a figure taken for
	// granted is checked before anything is built on it.
	if r, ok := a.premise(question, in, lang); ok {
		return r
	}
	// A curated overview of a series says more about its course than a
	// list of its figures: "how has trade evolved" gets the overview when
	// retrieval is sure of it.
	if in.Op == OpTrend || in.Op == OpChange && (len(in.Years) == 0 || len(in.Series) == 1 && wholeSpan(in.Series[0], in.Years)) {
		if res := retrieve(); res.Confident && res.Fact.Value == nil && len(in.Series) == 1 {
			return Reply{Question: question, Lang: res.Lang, Score: res.Score, Match: res, Answered: true, Kind: KindFact,
				Facts: []*facts.Fact{res.Fact}, Title: res.Fact.Title.In(res.Lang), Text: res.Fact.Answer.In(res.Lang)}
		}
	}
	claimed := in.Claim
	// "What did the institute's president Kim Hyun-soo say?": a title the
	// entity table does not give a person is corrected, not taken up.
	var wrongRole *facts.Entity
	if containsAny(in.Folded, roleWords) {
		if c := readClaim(a.base, question, in); c.role != "" && !hasRole(c.persons[0], c.role) {
			wrongRole = c.persons[0]
		}
	}
	// A named list is answered with all its members: when asked for a
	// list, or when the group is named precisely ("what did Kang and
	// Kozlov agree") and the question asks for nothing narrower (a date,
	// a place, a person, a count, whether something is so).
	if len(in.Groups) == 1 && (len(in.Series) == 0 || in.Op == OpNone) && a.namesNoOneOutside(in, in.Groups[0]) {
		if g := in.Groups[0]; in.List || len(g.With.EN) > 0 && !in.Narrow && (!claimed || in.Why) {
			// "The agenda of the second consultation": the group is the
			// fourth's, so it is not the answer.
			res := retrieve()
			if len(res.Ordinals) > 0 && a.otherOrdinal(g.Facts[0], res.Ordinals) != nil {
				return a.notCounted(Reply{Question: question, Lang: lang, Reason: match.NotFound}, g.Facts[0])
			}
			// "How long was the pipeline Trutnev discussed?": a detail
			// no member gives is not answered by listing them.
			if res.Reason == match.MissingDetail && !in.List {
				r := Reply{Question: question, Lang: res.Lang, Reason: res.Reason, Suggestions: res.Suggestions, Match: res}
				r.Text = res.Explain()
				return r
			}
			// "О чём говорили и договорились Кан и Козлов?": asked about as
			// a whole, the event that holds every agreement says more.
			if in.About {
				if e := a.eventHolding(g.Facts); e != nil {
					return a.event(Reply{Question: question, Lang: lang}, e)
				}
			}
			r := a.list(question, g, lang)
			if wrongRole != nil {
				r.Kind, r.Verdict = KindClaim, Contradicted
				r.Text = roleNote(wrongRole, lang) + "\n\n" + r.Text
			}
			return r
		}
	}
	if r, ok := a.entityList(question, in, lang); ok {
		return r
	}
	// Time elapsed, a figure under an assumption: a computation not
	// done here, whatever series the question names. What the sources
	// say nearby is offered.
	if in.Unanswerable {
		res := retrieve()
		r := Reply{Question: question, Lang: lang, Reason: CannotCompute, Suggestions: res.Suggestions, Match: res,
			Text: say(lang, "I can't work that out from my sources.", "제 자료로는 그 계산을 할 수 없습니다.", "Рассчитать это по моим источникам я не могу.")}
		if res.Confident {
			r.Text += " " + say(lang, "What they do say: ", "자료에 있는 내용은 다음과 같습니다. ", "Вот что в них есть: ") + res.Fact.Answer.In(lang)
			r.Suggestions = append([]match.Suggestion{suggestion(res.Fact, lang)}, r.Suggestions...)
		}
		return r
	}
	// "What was trade in 2020, with COVID?": a figure of a metric for a
	// year it has none for is not to be found in some other fact of 2020.
	// So is its change into that year ("how far did tourism fall in
	// 2020, with COVID?").
	if len(in.Series) == 1 && len(in.Years) == 1 && in.AsksFigure && !in.Why && !in.Claim && (in.Op == OpNone || in.Op == OpChange && !in.Since) {
		if s := in.Series[0]; s.Point(in.Years[0]) == nil {
			return Reply{Question: question, Lang: lang, Reason: match.MissingYear,
				Text: say(lang, "I have no figure for %d. %s: my sources give %s.", "%d년 자료는 없습니다. %s 자료가 있는 해: %s.", "Данных за %d г. у меня нет. %s: есть данные за %s.",
					in.Years[0], s.Title.In(lang), joinYears(s.Years())),
				Suggestions: nearest(s, in.Years[0], lang)}
		}
	}
	if r, ok := computeSeries(in, lang); ok {
		r.Question = question
		if r.Answered {
			r.Score = 1
			if in.Present {
				r.Note = a.asOf(lang, r.Facts)
			}
			return r
		}
		// A curated fact may speak of what the figures cannot be
		// combined into ("trade and tourism grew 25-fold").
		if res := retrieve(); res.Confident && res.Fact.Value == nil {
			return Reply{Question: question, Lang: res.Lang, Score: res.Score, Match: res, Answered: true, Kind: KindFact,
				Facts: []*facts.Fact{res.Fact}, Title: res.Fact.Title.In(res.Lang), Text: res.Fact.Answer.In(res.Lang)}
		}
		return r
	}
	res := retrieve()
	// "Total Korea–Russia trade volume in 2019": one metric and one of
	// its years name that year's figure, however close another fact of
	// the year ("total exports in 2019") came.
	if !res.Confident && res.Reason == match.Ambiguous && len(in.Series) == 1 && len(in.Years) == 1 && in.Op == OpNone {
		if p := in.Series[0].Point(in.Years[0]); p != nil {
			res = match.Result{Question: question, Lang: res.Lang, Fact: p, Confident: true, Score: res.Score}
		}
	}
	// "Кем был Трутнев?": who someone is, from the entity table, when no
	// one fact answers it.
	if !res.Confident || !statesRole(res.Fact, in) {
		if r, ok := a.person(question, in, lang); ok {
			return r
		}
	}
	if !res.Confident && wrongRole != nil && len(wrongRole.Facts) > 0 {
		f := wrongRole.Facts[0]
		return Reply{Question: question, Lang: lang, Answered: true, Kind: KindClaim, Verdict: Contradicted, Score: 1,
			Facts: []*facts.Fact{f}, Title: wrongRole.Name.In(lang),
			Text: say(lang, "No. ", "아니요. ", "Нет. ") + roleNote(wrongRole, lang) + f.Answer.In(lang)}
	}
	// "Hyundai is the top-selling car maker in Russia, right?": a claim
	// retrieval is unsure of is still held against the fact it finds
	// nearest, and answered when that fact settles it outright.
	if !res.Confident && claimed && (res.Reason == match.NotFound || res.Reason == match.Ambiguous) && res.Score >= 0.4 && len(res.Suggestions) > 0 {
		if f, ok := a.base.Fact(res.Suggestions[0].FactID); ok && f.Value == nil {
			if v, decided := readClaim(a.base, question, in).check(f); decided && v != NotInSources {
				res.Fact, res.Confident, res.Reason, res.Suggestions = f, true, "", nil
			}
		}
	}
	// "Exports to Russia were about 17.6 billion in 2019?": a claim that
	// names one metric and one of its years is about that year's figure,
	// whatever retrieval made of the rest.
	if !res.Confident && claimed && len(in.Series) == 1 && len(in.Years) == 1 {
		if p := in.Series[0].Point(in.Years[0]); p != nil {
			res = match.Result{Question: question, Lang: lang, Fact: p, Confident: true, Score: 1}
		}
	}
	// "Is the visa waiver still in force?": the words that ask about now
	// say nothing the sources can match, and the answer is given as of
	// them (see asOf), so ask without them.
	if !res.Confident && in.Present && res.Reason == match.NotFound {
		if alt := a.m.Answer(withoutPresent(question), lang); alt.Confident {
			alt.Question = question
			res = alt
		}
	}
	// "Moon proposed the nine bridges in 2018, right?": a claimed year may
	// be the mistake, so a claim the year keeps from any fact is asked
	// again without it, and the fact found is held against the year. A
	// yearly figure is not: another year's figure says nothing of 2005.
	// "The committee was created in 2018, right?": the year is what the
	// claim asserts, not what it is about, so the fact is found without
	// it and then held against it. A yearly figure is not: another year's
	// figure says nothing of 2005.
	if claimed && len(in.Years) > 0 && len(in.Series) == 0 {
		subject := readClaim(a.base, question, in).subject
		if alt := a.m.Answer(withoutYears(question), lang); alt.Confident && alt.Fact.Value == nil && namesAll(alt.Fact, subject) {
			alt.Question = question
			res = alt
		}
	}
	r := Reply{
		Question: question, Lang: res.Lang, Score: res.Score, Match: res,
		Reason: res.Reason, Suggestions: res.Suggestions,
	}
	// "Tell me about the 4th Arctic consultation": the whole event, not
	// the one fact of it that matched best.
	if (in.About && !claimed || in.Present) && !in.Narrow {
		var near []string
		if res.Fact != nil {
			near = append(near, res.Fact.ID)
		}
		if !res.Confident && res.Reason == match.Ambiguous {
			for _, s := range res.Suggestions {
				near = append(near, s.FactID)
			}
		}
		// A fact in several events does not say which one a question
		// about now means; unless the question shares words with one's
		// title, the fact found is the answer, as of its source.
		if e, shared := a.eventFor(question, near); e != nil && len(e.Facts) > 1 && (in.About || shared > 0 || res.Fact == nil || len(a.eventOf[res.Fact.ID]) < 2) {
			r = a.event(r, e)
			if in.Present {
				r.Note = a.asOf(r.Lang, r.Facts)
			}
			return r
		}
	}
	if res.Confident && res.Fact != nil {
		f := res.Fact
		// A metric and a year its series has: that year's figure is what
		// was asked, whatever else the question says ("exports to Russia
		// dropped 10% in 2019, correct?" is not about total exports).
		if len(in.Series) == 1 && len(in.Years) == 1 && (f.Value == nil || f.Value.Series != in.Series[0].ID) {
			if p := in.Series[0].Point(in.Years[0]); p != nil {
				f = p
			}
		}
		// "Korea's trade deficit in 2019" is not trade volume.
		if f.Value != nil {
			if s, ok := a.base.Series(f.Value.Series); ok && namesAnyOf(in.Folded, s.Excludes) {
				r.Reason = OtherMetric
				r.Text = say(r.Lang, "My sources don't give that measure; the nearest figure is %s.", "제 자료에는 그 지표가 없습니다. 가장 가까운 수치는 %s입니다.", "Такого показателя в моих источниках нет; ближайший — %s.",
					s.Title.In(r.Lang))
				r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
				return r
			}
		}
		// A figure of one metric never answers a question about another:
		// "the most trade" is not the tourists' record year.
		if f.Value != nil && len(in.Series) > 0 && !slices.ContainsFunc(in.Series, func(s *facts.Series) bool { return s.ID == f.Value.Series }) {
			r.Reason = OtherMetric
			r.Text = say(r.Lang,
				"The closest fact I have is about another measure (%s), not the one you asked about.",
				"가장 가까운 사실은 질문하신 지표가 아니라 다른 지표(%s)에 관한 것입니다.",
				"Ближайший факт, который у меня есть, касается другого показателя (%s), а не того, о котором вы спросили.",
				a.seriesTitle(f.Value.Series, r.Lang))
			r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
			return r
		}
		// A figure found for a question that asks for a computation
		// ("… in 2017 compared with 2014") names the series to compute
		// over, though the question did not name the metric in words.
		if f.Value != nil && len(in.Series) == 0 && (len(in.Years) >= 2 || computes(in.Op)) {
			if s, ok := a.base.Series(f.Value.Series); ok {
				in.Series = []*facts.Series{s}
				if c, ok := computeSeries(in, lang); ok {
					c.Question, c.Match = question, res
					if c.Answered {
						c.Score = 1
					}
					return c
				}
			}
		}
		// "What came of the meetings in Azerbaijan?": a fact about a plan
		// cannot say how it turned out.
		if !claimed && containsAny(in.Folded, outcomeWords) && !containsAny(in.Folded, planWords) && planRe.MatchString(f.Answer.EN) {
			r.Reason, r.Verdict = NotInSourcesReason, NotInSources
			r.Text = say(r.Lang, "My sources tell of the plan, not of how it turned out: ", "제 자료에는 계획만 있고 그 결과는 없습니다. ", "В моих источниках есть только план, а не его итоги: ") + f.Answer.In(r.Lang)
			r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
			return r
		}
		// "Which brand was number one?" is not answered by the one that
		// was second.
		if !claimed {
			if asked := rankOf(in.Folded); asked != 0 {
				if stated := rankOf(strings.ToLower(f.Answer.EN)); stated != 0 && stated != asked {
					r.Reason = match.MissingDetail
					r.Text = say(r.Lang, "My sources don't say who was ranked there; here is what they do say: ", "제 자료에는 그 순위에 대한 내용이 없습니다. 자료에 있는 내용은 다음과 같습니다. ",
						"В моих источниках нет данных об этом месте в рейтинге; вот что в них есть: ") + f.Answer.In(r.Lang)
					r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
					return r
				}
			}
		}
		// "What share of total exports went to Russia?", "how many agencies
		// in all?": a computation this layer could not do is not answered
		// by a fact that holds only its inputs.
		if in.Computes {
			r.Reason = CannotCompute
			r.Text = say(r.Lang, "I can't work that out from my sources. What they do say: ", "제 자료로는 그 계산을 할 수 없습니다. 자료에 있는 내용은 다음과 같습니다. ",
				"Рассчитать это по моим источникам я не могу. Вот что в них есть: ") + f.Answer.In(r.Lang)
			r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
			return r
		}
		// "The second consultation" is not answered by a fact of the
		// fourth, even one that does not count it itself.
		if o := a.otherOrdinal(f, res.Ordinals); o != nil {
			r.Reason = match.NotFound
			return a.notCounted(r, f)
		}
		// "Total trade for all of 2018" when the sources count January to
		// September: there is no such figure, and the part is no answer.
		if f.Value != nil && f.Value.AsOf != "" && in.FullYear {
			r.Reason = PartialYear
			r.Text = say(r.Lang, "My sources give no full-year figure for %d: %s. ", "제 자료에는 %d년 한 해 전체 수치가 없습니다. %s. ", "Цифры за весь %d г. в моих источниках нет: %s. ",
				f.Value.Year, partialNote(f, r.Lang)) + f.Answer.In(r.Lang)
			r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
			return r
		}
		r.Answered, r.Kind, r.Facts = true, KindFact, []*facts.Fact{f}
		r.Title, r.Text = f.Title.In(r.Lang), f.Answer.In(r.Lang)
		if wrongRole != nil {
			r.Kind, r.Verdict = KindClaim, Contradicted
			r.Text = roleNote(wrongRole, r.Lang) + r.Text
			claimed = false
		}
		if claimed {
			v, ok := readClaim(a.base, question, in).check(f)
			// "Did the conference Trutnev proposed ever take place?": a
			// fact about a plan cannot say how it turned out.
			if containsAny(in.Folded, everWords) && planRe.MatchString(f.Answer.EN) {
				v, ok = NotInSources, true
			}
			// "Why did Lavrov go to Pyongyang…?": a name the sources never
			// use is no one they say anything of.
			if ok && v == Supported && len(a.m.Unknown(question)) > 0 {
				v = NotInSources
			}
			switch {
			case ok && v == NotInSources:
				// "Did Trutnev go to North Korea in 2016?": the sources
				// tell of another year's visit, and are silent on this one.
				r.Answered, r.Kind, r.Facts = false, "", nil
				r.Reason, r.Verdict = NotInSourcesReason, v
				r.Text = say(r.Lang, "My sources don't say so. What they do say: ", "제 자료에는 그런 내용이 없습니다. 자료에 있는 내용은 다음과 같습니다. ", "В моих источниках этого нет. Вот что в них есть: ") + f.Answer.In(r.Lang)
				r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
				return r
			case ok:
				r.Kind, r.Verdict = KindClaim, v
				r.Text = verdictLine(v, in, r.Lang) + r.Text
			}
		}
		if in.Present {
			r.Note = a.asOf(r.Lang, r.Facts)
		}
		return r
	}
	// The matcher found the series but another metric's: say which years
	// the metric asked about has.
	if res.Reason == match.MissingYear && len(in.Series) == 1 && res.Series != nil && res.Series.ID != in.Series[0].ID {
		s := in.Series[0]
		r.Text = say(r.Lang, "I have no figure for %s. %s: my sources give %s.", "%s년 자료는 없습니다. %s 자료가 있는 해: %s.", "Данных за %s г. у меня нет. %s: есть данные за %s.",
			joinYears(res.Asked), s.Title.In(r.Lang), joinYears(s.Years()))
		r.Suggestions = nearest(s, res.Asked[0], r.Lang)
		return r
	}
	// Two facts of one event are equally good: the question is about the
	// event. Answer with it, and offer its other facts.
	if res.Reason == match.Ambiguous && len(res.Suggestions) >= 2 {
		for _, e := range a.eventOf[res.Suggestions[0].FactID] {
			if slices.Contains(a.eventOf[res.Suggestions[1].FactID], e) {
				return a.event(r, e)
			}
		}
	}
	if late := a.after(in.Years); len(late) > 0 && (res.Reason != match.MissingYear || len(in.Series) == 0) {
		r.Reason = OutOfRange
		r.Text = say(r.Lang,
			"My sources end in %d, so they say nothing about %s.",
			"제 자료는 %d년까지라서 %s년에 대해서는 알 수 없습니다.",
			"Мои источники заканчиваются %d годом, поэтому о %s г. они ничего не говорят.",
			a.end.Year(), joinYears(late))
		return r
	}
	r.Text = res.Explain()
	return r
}

// after is the years asked that lie past the newest source.
func (a *Answerer) after(years []int) []int {
	var out []int
	for _, y := range years {
		if y > a.end.Year() {
			out = append(out, y)
		}
	}
	return out
}

func (a *Answerer) seriesTitle(id string, lang facts.Lang) string {
	if s, ok := a.base.Series(id); ok {
		return s.Title.In(lang)
	}
	return id
}

// computes reports whether an operation is only ever a computation, never a
// look-up of one figure.
func computes(op Op) bool {
	switch op {
	case OpHighest, OpLowest, OpSum, OpAverage, OpDouble, OpMultiple, OpTrend:
		return true
	}
	return false
}

// wholeSpan reports whether years are a series' first and last: a question
// about its whole course.
func wholeSpan(s *facts.Series, years []int) bool {
	ys := s.Years()
	return len(years) == 2 && len(ys) > 1 && slices.Contains(years, ys[0]) && slices.Contains(years, ys[len(ys)-1])
}

// asOf says that an answer about the present is as of its source's date,
// and that the sources end where they do: a question in the present tense
// is answered, not refused, but never as if the sources were today's.
func (a *Answerer) asOf(lang facts.Lang, fs []*facts.Fact) string {
	en := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	ruGen := []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruNom := []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	end := a.end.Month()
	ending := say(lang,
		"My sources end in %[1]s %[2]d; it may have changed since.",
		"제 자료는 %[2]d년 %[3]d월까지의 내용이므로, 그 뒤로 달라졌을 수 있습니다.",
		"Мои источники доходят лишь до %[4]s %[2]d г.; с тех пор всё могло измениться.",
		en[end-1], a.end.Year(), int(end), ruGen[end-1])
	src := a.sourceDate(fs)
	if src.IsZero() {
		return ending
	}
	m := src.Month()
	return say(lang, "As of %[1]s %[2]d, the date of its source. ", "%[2]d년 %[3]d월 자료 기준입니다. ", "По состоянию на %[4]s %[2]d г. — дату источника. ",
		en[m-1], src.Year(), int(m), ruNom[m-1]) + ending
}

// sourceDate is the date of the newest document the facts quote: when
// the sources last said what the answer says.
func (a *Answerer) sourceDate(fs []*facts.Fact) time.Time {
	var newest time.Time
	for _, f := range fs {
		for _, s := range f.Sources {
			if d, ok := a.base.Document(s.Doc); ok && d.Date.Start.After(newest) {
				newest = d.Date.Start
			}
		}
	}
	return newest
}

// namesNoOneOutside reports whether every person or organisation the
// question names is named by some member of g: "what did Trutnev discuss
// with Hyun Oh-seok" is not about his talks in North Korea.
func (a *Answerer) namesNoOneOutside(in Intent, g *facts.Group) bool {
	for _, e := range in.Named {
		if e.Kind != facts.Person && e.Kind != facts.Organisation {
			continue
		}
		if !slices.ContainsFunc(g.Facts, func(f *facts.Fact) bool { return slices.Contains(f.Entities, e) }) {
			return false
		}
	}
	return true
}

// eventHolding is a timeline event that holds all of fs, or nil.
func (a *Answerer) eventHolding(fs []*facts.Fact) *facts.Event {
	for _, e := range a.eventOf[fs[0].ID] {
		if !slices.ContainsFunc(fs, func(f *facts.Fact) bool { return !slices.Contains(e.Facts, f) }) {
			return e
		}
	}
	return nil
}

// eventFor picks the timeline event a question about something as a
// whole means, among the events of the facts retrieval found nearest
// (best first): the one whose title shares most words with the question,
// the first fact's on a tie. "What went down at the Pohang forum" is the
// forum, not the ministers' meeting held there the same week.
func (a *Answerer) eventFor(question string, near []string) (*facts.Event, int) {
	words := strings.FieldsFunc(fold(question), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var cands []*facts.Event
	for _, id := range near {
		for _, e := range a.eventOf[id] {
			cands = append(cands, e)
			// Another event of the same days may be the one meant.
			for _, o := range a.base.Timeline() {
				if o != e && !o.Date.IsZero() && !e.Date.IsZero() && !o.Date.Start.After(e.Date.End) && !e.Date.Start.After(o.Date.End) {
					cands = append(cands, o)
				}
			}
		}
	}
	var best *facts.Event
	bestScore := -1
	for _, e := range cands {
		{
			score := 0
			for _, w := range words {
				if utf8.RuneCountInString(w) < 3 {
					continue
				}
				for _, l := range facts.Langs {
					if strings.Contains(fold(e.Title.In(l)), w) {
						score++
						break
					}
				}
			}
			if score > bestScore {
				best, bestScore = e, score
			}
		}
	}
	return best, bestScore
}

// event answers with a timeline event: its first fact, which dates and
// names it, and the others as follow-ups.
func (a *Answerer) event(r Reply, e *facts.Event) Reply {
	lead := e.Facts[0]
	r.Answered, r.Kind, r.Reason = true, KindEvent, ""
	r.Title = e.Title.In(r.Lang)
	r.Text = lead.Answer.In(r.Lang)
	r.Facts = e.Facts
	r.Suggestions = nil
	if len(e.Facts) > 1 {
		r.Text += "\n\n" + say(r.Lang, "More on this:", "이와 관련해 더 보기:", "Ещё об этом:")
	}
	for _, f := range e.Facts[1:] {
		r.Suggestions = append(r.Suggestions, suggestion(f, r.Lang))
		r.Text += "\n• " + f.Title.In(r.Lang)
	}
	return r
}

// notCounted refuses a question about a count the sources lack, offering
// f, which is about another.
func (a *Answerer) notCounted(r Reply, f *facts.Fact) Reply {
	r.Text = say(r.Lang,
		"My sources don't describe the one you counted; here is what they do say.",
		"제 자료에는 질문하신 회차에 관한 내용이 없습니다. 대신 자료에 있는 내용은 다음과 같습니다.",
		"Того, о котором вы спросили, в моих источниках нет; вот что в них есть.")
	r.Suggestions = append([]match.Suggestion{suggestion(f, r.Lang)}, r.Suggestions...)
	return r
}

// otherOrdinal is a count that f's topic gives its subjects, when the
// question asks for a count none of them has: the sources describe the
// 4th Arctic consultation, so "the second" one is not in them, whatever
// fact about the consultations matched best. nil when a fact of the topic
// has the count asked, or the topic counts nothing.
func (a *Answerer) otherOrdinal(f *facts.Fact, asked []int) []int {
	om := a.m
	if len(asked) == 0 {
		return nil
	}
	var counted []int
	for _, g := range a.base.Facts() {
		if g.Topic != f.Topic {
			continue
		}
		os := om.Ordinals(g)
		if slices.ContainsFunc(os, func(o int) bool { return slices.Contains(asked, o) }) {
			return nil
		}
		counted = append(counted, os...)
	}
	if own := om.Ordinals(f); len(own) > 0 {
		return own
	}
	return counted
}

// list answers with a group's members, each with its own source.
func (a *Answerer) list(question string, g *facts.Group, lang facts.Lang) Reply {
	r := Reply{Question: question, Lang: lang, Answered: true, Kind: KindList, Score: 1, Facts: g.Facts}
	r.Title = g.Title.In(lang)
	r.Text = say(lang, "My sources name %d:", "자료에 나오는 것은 %d가지입니다.", "В источниках названо %d:", len(g.Facts))
	for _, f := range g.Facts {
		r.Text += "\n• " + f.Title.In(lang)
	}
	return r
}
