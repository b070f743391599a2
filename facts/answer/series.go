package answer

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// Change is the computed difference between two figures of one series.
type Change struct {
	From, To *facts.Fact
	Diff     float64 // To − From, in the series' unit
	Percent  float64 // Diff as a share of From, in per cent
	Ratio    float64 // To / From
	Approx   bool    // either figure is approximate
}

// Compare works out the change from a to b, which must be figures of one
// series. It refuses partial-year figures rather than compare them with a
// full year's.
func Compare(a, b *facts.Fact) (Change, error) {
	if a.Value == nil || b.Value == nil || a.Value.Series != b.Value.Series {
		return Change{}, fmt.Errorf("answer: %s and %s are not figures of one series", a.ID, b.ID)
	}
	for _, f := range []*facts.Fact{a, b} {
		if f.Value.AsOf != "" {
			return Change{}, fmt.Errorf("answer: %s covers a partial year (as of %s)", f.ID, f.Value.AsOf)
		}
	}
	if a.Value.Amount == 0 {
		return Change{}, fmt.Errorf("answer: %s is zero, so no change can be stated as a share of it", a.ID)
	}
	d := b.Value.Amount - a.Value.Amount
	return Change{
		From: a, To: b, Diff: d,
		Percent: 100 * d / a.Value.Amount,
		Ratio:   b.Value.Amount / a.Value.Amount,
		Approx:  a.Value.Approx || b.Value.Approx,
	}, nil
}

// Total is a sum and mean over figures of one series.
type Total struct {
	Points []*facts.Fact
	Sum    float64
	Mean   float64
	Approx bool
}

// Add sums full-year figures of one series; partial years are refused.
func Add(ps []*facts.Fact) (Total, error) {
	if len(ps) == 0 {
		return Total{}, fmt.Errorf("answer: nothing to add up")
	}
	var t Total
	for _, f := range ps {
		if f.Value == nil || f.Value.Series != ps[0].Value.Series {
			return Total{}, fmt.Errorf("answer: %s is not a figure of series %s", f.ID, ps[0].Value.Series)
		}
		if f.Value.AsOf != "" {
			return Total{}, fmt.Errorf("answer: %s covers a partial year (as of %s)", f.ID, f.Value.AsOf)
		}
		t.Sum += f.Value.Amount
		t.Approx = t.Approx || f.Value.Approx
	}
	t.Points = ps
	t.Mean = t.Sum / float64(len(ps))
	return t, nil
}

// full reports whether a figure covers its whole year.
func full(f *facts.Fact) bool { return f.Value.AsOf == "" }

// computeSeries answers a question that asks for something to be worked
// out over a series. ok is false when the question is not of that kind,
// and retrieval should answer it.
func computeSeries(in Intent, lang facts.Lang) (r Reply, ok bool) {
	if len(in.Series) == 0 {
		return Reply{}, false
	}
	op := in.Op
	if op == OpNone && len(in.Years) >= 2 {
		op = OpChange
	}
	if op == OpNone {
		return Reply{}, false
	}
	r = Reply{Lang: lang}
	if op == OpShare {
		return share(in, lang), true
	}
	// "Exports to Russia rose although total exports fell, right?" claims
	// two things, one of each metric, and combines nothing.
	if len(in.Series) > 1 && in.Claim && len(in.Years) <= 1 {
		return Reply{}, false
	}
	// "Which grew more over 30 years, trade or tourists?": each metric's
	// own multiple, compared; the figures themselves are never mixed.
	if len(in.Series) == 2 && in.Compare {
		if r, ok := compareGrowth(in, lang); ok {
			return r, true
		}
	}
	if len(in.Series) > 1 {
		var names []string
		for _, s := range in.Series {
			names = append(names, s.Title.In(lang))
			if n := len(s.Points); n > 0 {
				r.Suggestions = append(r.Suggestions, suggestion(s.Points[n-1], lang))
			}
		}
		r.Reason = MixedMetrics
		r.Text = say(lang,
			"Those are different measures (%s); my sources count them separately, so I won't combine them in one figure.",
			"서로 다른 지표입니다(%s). 자료가 따로 집계하므로 하나의 수치로 합치거나 비교하지 않겠습니다.",
			"Это разные показатели (%s); источники считают их отдельно, поэтому я не буду объединять их в одном расчёте.",
			strings.Join(names, "; "))
		return r, true
	}
	s := in.Series[0]
	if len(s.Points) == 0 {
		return Reply{}, false
	}
	var missing []int
	for _, y := range in.Years {
		if s.Point(y) == nil {
			missing = append(missing, y)
		}
	}
	if len(missing) > 0 {
		r.Reason = match.MissingYear
		r.Text = say(lang,
			"I have no figure for %s. %s: my sources give %s.",
			"%s년 자료는 없습니다. %s 자료가 있는 해: %s.",
			"Данных за %s г. у меня нет. %s: есть данные за %s.",
			joinYears(missing), s.Title.In(lang), joinYears(s.Years()))
		r.Suggestions = nearest(s, missing[0], lang)
		return r, true
	}
	switch op {
	case OpHighest, OpLowest:
		return extreme(s, in, op, lang), true
	case OpLatest, OpEarliest:
		return endpoint(s, op, lang), true
	case OpChange, OpDouble, OpMultiple:
		from, to, ok := changeYears(s, in)
		if op == OpChange && wholeSpan(s, in.Years) && !in.Claim {
			return trend(s, lang), true // its course, first to last
		}
		if !ok {
			if op == OpChange && len(in.Years) == 0 {
				return trend(s, lang), true
			}
			// "By how many dollars did exports to Russia grow in 2019?":
			// with no figure for the year before, the change in money
			// cannot be worked out, whatever share a fact may give.
			if in.Money && len(in.Years) == 1 {
				r.Reason = match.MissingYear
				r.Text = say(lang, "I can't work out that change in money: my sources give %s for %s only.", "그 증감액은 계산할 수 없습니다. %s 자료는 %s년 것만 있습니다.",
					"Рассчитать это изменение в деньгах нельзя: «%s» в источниках есть только за %s г.", s.Title.In(lang), joinYears(s.Years()))
				r.Suggestions = nearest(s, in.Years[0], lang)
				return r, true
			}
			return Reply{}, false
		}
		return change(s, in, op, from, to, lang), true
	case OpSum, OpAverage:
		return total(s, in, op, lang), true
	case OpTrend:
		return trend(s, lang), true
	case OpJump:
		return jump(s, in, lang), true
	case OpAvgChange:
		return avgChange(s, in, lang), true
	case OpRank:
		return rank(s, in, lang), true
	}
	return Reply{}, false
}

// share works out one series as a share of the series it is part of, in
// the year asked or else the latest year both give in full.
func share(in Intent, lang facts.Lang) Reply {
	part, whole := in.Series[0], in.Series[1]
	r := Reply{Lang: lang, Title: part.Title.In(lang)}
	var p, w *facts.Fact
	if len(in.Years) > 0 {
		p, w = part.Point(in.Years[0]), whole.Point(in.Years[0])
	} else {
		for _, y := range slices.Backward(part.Years()) {
			if pp, ww := part.Point(y), whole.Point(y); pp != nil && ww != nil && full(pp) && full(ww) {
				p, w = pp, ww
				break
			}
		}
	}
	if p == nil || w == nil || w.Value.Amount == 0 {
		r.Reason = match.MissingYear
		r.Text = say(lang, "My sources give no year with both %s and %s.", "%s와 %s가 함께 나오는 해가 자료에 없습니다.", "В источниках нет года, за который есть и «%s», и «%s».",
			part.Title.In(lang), whole.Title.In(lang))
		return r
	}
	if !full(p) || !full(w) {
		r.Reason = PartialYear
		r.Text = say(lang, "I can't work out that share: %s.", "그 비중은 계산할 수 없습니다: %s.", "Рассчитать долю нельзя: %s.", partialNote(p, lang))
		return r
	}
	about := ""
	if p.Value.Approx || w.Value.Approx {
		about = say(lang, "about ", "약 ", "около ")
	}
	pct := 100 * p.Value.Amount / w.Value.Amount
	r.Text = say(lang, "In %[1]d, %[2]s (%[3]s) were %[6]s%[5]s of %[4]s (%[7]s).",
		"%[1]d년 %[2]s(%[3]s)은 %[4]s(%[7]s)의 %[6]s%[5]s였습니다.",
		"В %[1]d г. %[2]s (%[3]s) составил %[6]s%[5]s от показателя «%[4]s» (%[7]s).",
		p.Value.Year, lowerFirst(part.Title.In(lang), lang), amount(p.Value.Amount, part.Unit, lang), lowerFirst(whole.Title.In(lang), lang),
		percent(pct, lang), about, amount(w.Value.Amount, whole.Unit, lang))
	r.Text += approxNotes([]*facts.Fact{p, w}, lang)
	r.Answered, r.Kind, r.Facts = true, KindComputed, []*facts.Fact{p, w}
	return r
}

// lowerFirst lower-cases the first letter of an English or Russian title
// set inside a sentence, but not of a name ("South Korea's …").
func lowerFirst(s string, lang facts.Lang) string {
	if lang == facts.KO || strings.HasPrefix(s, "South") || strings.HasPrefix(s, "Korea") {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// avgChange is the mean change a year between the first and last full
// years asked (or of the whole series), over consecutive years only.
func avgChange(s *facts.Series, in Intent, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang)}
	ps := s.Points
	if len(in.Years) >= 2 {
		ys := slices.Clone(in.Years)
		slices.Sort(ys)
		ps = within(s, Intent{Years: []int{ys[0], ys[len(ys)-1]}, Span: true})
	}
	var run []*facts.Fact
	for _, p := range ps {
		if !full(p) || len(run) > 0 && p.Value.Year != run[len(run)-1].Value.Year+1 {
			break
		}
		run = append(run, p)
	}
	if len(run) < 2 || len(run) != len(ps) {
		r.Reason = match.MissingYear
		r.Text = say(lang, "My sources have no run of consecutive full years of %s there: they give %s.", "%s는 그 기간의 연속된 한 해 전체 수치가 없습니다. 자료가 있는 해: %s.", "Для показателя «%s» нет цифр за полные годы подряд в этом промежутке: есть данные за %s.",
			s.Title.In(lang), joinYears(s.Years()))
		return r
	}
	first, last := run[0], run[len(run)-1]
	years := last.Value.Year - first.Value.Year
	mean := (last.Value.Amount - first.Value.Amount) / float64(years)
	r.Text = say(lang, "%[1]s changed on average by %[2]s a year from %[3]d to %[4]d (%[5]s − %[6]s, divided by %[7]d years).",
		"%[1]s %[3]d~%[4]d년 연평균 %[2]s 변했습니다(%[5]s − %[6]s, %[7]d년으로 나눔).",
		"%[1]s: в среднем %[2]s в год с %[3]d по %[4]d г. (%[5]s − %[6]s, разделить на %[7]d).",
		topicIf(s.Title.In(lang), lang), signed(mean, s.Unit, lang), first.Value.Year, last.Value.Year,
		amount(last.Value.Amount, s.Unit, lang), amount(first.Value.Amount, s.Unit, lang), years)
	r.Text += approxNotes(run, lang)
	r.Answered, r.Kind = true, KindComputed
	r.Facts = append([]*facts.Fact{last, first}, run[1:len(run)-1]...)
	return r
}

// topicIf puts the Korean topic particle on a title in Korean only.
func topicIf(title string, lang facts.Lang) string {
	if lang == facts.KO {
		return topic(title)
	}
	return title
}

// jump finds the largest change from one year to the next, over
// consecutive full years only: a change across a gap in the series is not
// one year's.
func jump(s *facts.Series, in Intent, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang)}
	var best *Change
	var steps []string
	for i := 1; i < len(s.Points); i++ {
		a, b := s.Points[i-1], s.Points[i]
		if b.Value.Year != a.Value.Year+1 || !full(a) || !full(b) {
			continue
		}
		c, err := Compare(a, b)
		if err != nil {
			continue
		}
		steps = append(steps, say(lang, "%d→%d: %s", "%d→%d년: %s", "%d→%d: %s", a.Value.Year, b.Value.Year, signed(c.Diff, s.Unit, lang)))
		if best == nil || in.Dir < 0 && c.Diff < best.Diff || in.Dir >= 0 && c.Diff > best.Diff {
			best = &c
		}
	}
	if best == nil {
		r.Reason = match.MissingYear
		r.Text = say(lang, "My sources have no two consecutive full years of %s to compare: they give %s.", "%s는 연속된 두 해의 전체 수치가 없어 비교할 수 없습니다. 자료가 있는 해: %s.", "В источниках нет двух полных лет подряд для показателя «%s»: есть данные за %s.",
			s.Title.In(lang), joinYears(s.Years()))
		return r
	}
	title := s.Title.In(lang)
	if lang == facts.KO {
		title = topic(title)
	}
	r.Text = say(lang, "%[1]s changed most from %[2]d to %[3]d: %[4]s (%[5]s). Year by year: %[6]s.",
		"%[1]s %[2]d→%[3]d년에 가장 크게 변했습니다: %[4]s(%[5]s). 연도별: %[6]s.",
		"%[1]s: сильнее всего изменение с %[2]d по %[3]d г.: %[4]s (%[5]s). По годам: %[6]s.",
		title, best.From.Value.Year, best.To.Value.Year, signed(best.Diff, s.Unit, lang), signedPercent(best.Percent, lang), strings.Join(steps, "; "))
	for _, p := range s.Points {
		if !full(p) {
			r.Text += " " + say(lang, "Not compared: %s.", "비교에서 뺐습니다: %s.", "Не сравнивается: %s.", partialNote(p, lang))
		}
	}
	r.Text += approxNotes(s.Points, lang)
	r.Answered, r.Kind = true, KindComputed
	r.Facts = []*facts.Fact{best.To, best.From}
	for _, p := range s.Points {
		if p != best.To && p != best.From && full(p) {
			r.Facts = append(r.Facts, p)
		}
	}
	return r
}

// rank lists the years asked (or all) from the highest figure to the
// lowest, full years only.
func rank(s *facts.Series, in Intent, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang)}
	ps := s.Points
	if len(in.Years) >= 2 {
		ps = within(s, in)
	}
	var cands, left []*facts.Fact
	for _, p := range ps {
		if full(p) {
			cands = append(cands, p)
		} else {
			left = append(left, p)
		}
	}
	if len(cands) < 2 {
		r.Reason = PartialYear
		r.Text = say(lang, "My sources give too few full-year figures to rank there.", "순위를 매길 만큼 한 해 전체 수치가 없습니다.", "Для ранжирования недостаточно цифр за полные годы.")
		return r
	}
	slices.SortStableFunc(cands, func(a, b *facts.Fact) int {
		switch {
		case a.Value.Amount > b.Value.Amount:
			return -1
		case a.Value.Amount < b.Value.Amount:
			return 1
		}
		return 0
	})
	var parts []string
	for _, p := range cands {
		parts = append(parts, fmt.Sprintf("%d (%s)", p.Value.Year, amount(p.Value.Amount, s.Unit, lang)))
	}
	r.Text = say(lang, "%s, from highest to lowest: %s.", "%s, 많은 순서: %s.", "%s, от большего к меньшему: %s.", s.Title.In(lang), strings.Join(parts, " > "))
	for _, p := range left {
		r.Text += " " + say(lang, "Not ranked: %s.", "순위에서 뺐습니다: %s.", "Не включено: %s.", partialNote(p, lang))
	}
	r.Text += approxNotes(cands, lang)
	r.Answered, r.Kind, r.Facts = true, KindComputed, cands
	return r
}

// signed writes a change with its sign.
func signed(d float64, unit string, lang facts.Lang) string {
	if d >= 0 {
		return "+" + amount(d, unit, lang)
	}
	return amount(d, unit, lang)
}

func signedPercent(p float64, lang facts.Lang) string {
	if p >= 0 {
		return "+" + percent(p, lang)
	}
	return "−" + percent(p, lang)
}

// changeYears picks the two figures a change is asked between.
func changeYears(s *facts.Series, in Intent) (from, to *facts.Fact, ok bool) {
	switch {
	case len(in.Years) >= 2:
		ys := slices.Clone(in.Years[:2])
		slices.Sort(ys)
		return s.Point(ys[0]), s.Point(ys[1]), true
	case len(in.Years) == 1 && in.Since:
		last := latestFull(s)
		if last == nil || last.Value.Year <= in.Years[0] {
			return nil, nil, false
		}
		return s.Point(in.Years[0]), last, true
	case len(in.Years) == 1:
		// "Did trade fall in 2019?": against the figure before it.
		to := s.Point(in.Years[0])
		var prev *facts.Fact
		for _, p := range s.Points {
			if p.Value.Year < in.Years[0] && full(p) {
				prev = p
			}
		}
		if prev == nil {
			return nil, nil, false
		}
		return prev, to, true
	}
	return nil, nil, false
}

func firstFull(s *facts.Series) *facts.Fact {
	for _, p := range s.Points {
		if full(p) {
			return p
		}
	}
	return nil
}

func latestFull(s *facts.Series) *facts.Fact {
	for i := len(s.Points) - 1; i >= 0; i-- {
		if full(s.Points[i]) {
			return s.Points[i]
		}
	}
	return nil
}

func change(s *facts.Series, in Intent, op Op, from, to *facts.Fact, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang)}
	c, err := Compare(from, to)
	if err != nil {
		part := from
		if full(from) {
			part = to
		}
		r.Reason = PartialYear
		r.Text = say(lang,
			"I can't compare those: %s. A part of a year is no match for a whole one.",
			"비교할 수 없습니다: %s. 일부 기간의 수치는 한 해 전체의 수치와 비교할 수 없습니다.",
			"Сравнить нельзя: %s. Часть года нельзя сравнивать с целым годом.",
			partialNote(part, lang))
		r.Suggestions = []match.Suggestion{suggestion(from, lang), suggestion(to, lang)}
		return r
	}
	y1, y2 := from.Value.Year, to.Value.Year
	a1, a2 := amount(from.Value.Amount, s.Unit, lang), amount(to.Value.Amount, s.Unit, lang)
	about := ""
	if c.Approx {
		about = say(lang, "about ", "약 ", "около ")
	}
	var line string
	switch {
	case c.Diff > 0:
		line = say(lang,
			"%s rose from %s in %d to %s in %d: up %s%s (+%s), %s%s.",
			"%[1]s: %[3]d년 %[2]s에서 %[5]d년 %[4]s로 %[6]s%[7]s(+%[8]s) 늘었습니다. %[9]s%[10]s입니다.",
			"%s: с %s в %d г. до %s в %d г., рост на %s%s (+%s), %s%s.",
			s.Title.In(lang), a1, y1, a2, y2, about, amount(c.Diff, s.Unit, lang), percent(c.Percent, lang), about, times(c.Ratio, lang))
	case c.Diff < 0:
		line = say(lang,
			"%s fell from %s in %d to %s in %d: down %s%s (−%s), %s%s.",
			"%[1]s: %[3]d년 %[2]s에서 %[5]d년 %[4]s로 %[6]s%[7]s(−%[8]s) 줄었습니다. %[9]s%[10]s입니다.",
			"%s: с %s в %d г. до %s в %d г., снижение на %s%s (−%s), %s%s.",
			s.Title.In(lang), a1, y1, a2, y2, about, amount(-c.Diff, s.Unit, lang), percent(c.Percent, lang), about, times(c.Ratio, lang))
	default:
		line = say(lang, "%s was the same in %d and %d: %s.", "%s: %d년과 %d년 모두 %s로 같았습니다.", "%s: в %d и %d гг. одинаково — %s.",
			s.Title.In(lang), y1, y2, a1)
	}
	r.Answered, r.Kind, r.Facts = true, KindComputed, []*facts.Fact{to, from}
	switch {
	case op == OpDouble:
		r.Kind = KindClaim
		if c.Ratio >= 2 {
			r.Verdict = Supported
			line = say(lang, "Yes, it more than doubled. ", "네, 두 배 이상 늘었습니다. ", "Да, более чем вдвое. ") + line
		} else {
			r.Verdict = Contradicted
			line = say(lang, "No, it did not double. ", "아니요, 두 배가 되지는 않았습니다. ", "Нет, вдвое он не вырос. ") + line
		}
	case in.Claim && len(in.Figures) > 0:
		// "It grew about 25-fold since 1990, right?": the multiple, share
		// or amount claimed against the one worked out.
		r.Kind = KindClaim
		if claimedChange(in, c) {
			r.Verdict = Supported
			line = say(lang, "Yes. ", "네. ", "Да. ") + line
		} else {
			r.Verdict = Contradicted
			line = say(lang, "No, my sources say otherwise. ", "아니요, 자료는 다르게 말합니다. ", "Нет, источники говорят обратное. ") + line
		}
	case in.Claim && in.Dir != 0:
		r.Kind = KindClaim
		if (in.Dir > 0) == (c.Diff > 0) && c.Diff != 0 {
			r.Verdict = Supported
			line = say(lang, "Yes. ", "네. ", "Да. ") + line
		} else {
			r.Verdict = Contradicted
			line = say(lang, "No, my sources say otherwise. ", "아니요, 자료는 다르게 말합니다. ", "Нет, источники говорят обратное. ") + line
		}
	}
	r.Text = line + approxNotes([]*facts.Fact{from, to}, lang)
	return r
}

// claimedChange reports whether every figure a claim states bears out
// the change worked out: a multiple against the ratio, a share against
// the per cent change, an amount against the difference or the end value.
func claimedChange(in Intent, c Change) bool {
	for _, f := range in.Figures {
		var ok bool
		switch f.kind {
		case multiple:
			ok = math.Abs(f.v-c.Ratio) <= 0.05*c.Ratio
		case percentFig:
			ok = math.Abs(f.v-math.Abs(c.Percent)) <= max(0.5, 0.05*math.Abs(c.Percent))
		default:
			near := func(x float64) bool { return math.Abs(f.v-x) <= 0.05*math.Abs(x) }
			ok = near(math.Abs(c.Diff)) || near(c.To.Value.Amount) || f.v < 1e3 && near(c.Ratio)
		}
		if !ok {
			return false
		}
	}
	return (in.Dir == 0 || (in.Dir > 0) == (c.Diff > 0))
}

func extreme(s *facts.Series, in Intent, op Op, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang)}
	pool := s.Points
	if len(in.Years) >= 2 {
		pool = within(s, in)
	}
	var cands, left []*facts.Fact
	for _, p := range pool {
		if full(p) {
			cands = append(cands, p)
		} else {
			left = append(left, p)
		}
	}
	if len(cands) == 0 {
		r.Reason = PartialYear
		r.Text = say(lang, "My sources give no full-year figure to compare there.", "비교할 수 있는 한 해 전체의 수치가 없습니다.", "Для сравнения нет ни одной цифры за полный год.")
		return r
	}
	best := cands[0]
	for _, p := range cands[1:] {
		if op == OpHighest && p.Value.Amount > best.Value.Amount || op == OpLowest && p.Value.Amount < best.Value.Amount {
			best = p
		}
	}
	a := amount(best.Value.Amount, s.Unit, lang)
	title := s.Title.In(lang)
	if lang == facts.KO {
		title = topic(title)
	}
	if len(cands) == 1 {
		r.Text = say(lang, "My sources give %s for one year only, %d: %s.", "%s 한 해(%d년) 자료만 있습니다: %s.", "%s: в источниках есть данные только за один год, %d: %s.",
			title, best.Value.Year, a)
	} else {
		var others []string
		for _, p := range cands {
			if p != best {
				others = append(others, fmt.Sprintf("%d: %s", p.Value.Year, amount(p.Value.Amount, s.Unit, lang)))
			}
		}
		if op == OpHighest {
			r.Text = say(lang, "%s was highest in %d, at %s (against %s).", "%s %d년에 %s로 가장 많았습니다(%s).", "%s был наибольшим в %d г.: %s (для сравнения: %s).",
				title, best.Value.Year, a, strings.Join(others, "; "))
		} else {
			r.Text = say(lang, "%s was lowest in %d, at %s (against %s).", "%s %d년에 %s로 가장 적었습니다(%s).", "%s был наименьшим в %d г.: %s (для сравнения: %s).",
				title, best.Value.Year, a, strings.Join(others, "; "))
		}
	}
	// "…and how far below the highest?": the gap to the other extreme.
	if in.Computes && len(cands) > 1 {
		other := cands[0]
		for _, p := range cands[1:] {
			if op == OpHighest && p.Value.Amount < other.Value.Amount || op == OpLowest && p.Value.Amount > other.Value.Amount {
				other = p
			}
		}
		gap := math.Abs(best.Value.Amount - other.Value.Amount)
		r.Text += " " + say(lang, "The gap to %d (%s) is %s.", "%d년(%s)과의 차이는 %s입니다.", "Разница с %d г. (%s) — %s.",
			other.Value.Year, amount(other.Value.Amount, s.Unit, lang), amount(gap, s.Unit, lang))
	}
	for _, p := range left {
		r.Text += " " + say(lang, "Not compared: %s.", "비교에서 뺐습니다: %s.", "Не сравнивается: %s.", partialNote(p, lang))
	}
	r.Text += approxNotes(cands, lang) + coverage(s, lang)
	r.Answered, r.Kind = true, KindComputed
	r.Facts = append([]*facts.Fact{best}, without(cands, best)...)
	// "2017 had the most exchanges, 510,000, right?": the year and figure
	// claimed against those worked out.
	if in.Claim && (len(in.Years) == 1 || len(in.Figures) > 0) {
		r.Kind, r.Verdict = KindClaim, Supported
		if len(in.Years) == 1 && in.Years[0] != best.Value.Year || !claimedFigures(in.Figures, best.Value.Amount) {
			r.Verdict = Contradicted
		}
		r.Text = verdictLine(r.Verdict, in, lang) + r.Text
	}
	return r
}

// claimedFigures reports whether every plain figure claimed is v, within
// rounding.
func claimedFigures(figs []figure, v float64) bool {
	for _, f := range figs {
		if f.kind == plain && math.Abs(f.v-v) > 0.05*v {
			return false
		}
	}
	return true
}

func endpoint(s *facts.Series, op Op, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang), Answered: true, Kind: KindComputed}
	p := s.Points[0]
	if op == OpLatest {
		p = s.Points[len(s.Points)-1]
	}
	a := amount(p.Value.Amount, s.Unit, lang)
	if p.Value.Approx {
		a = say(lang, "about ", "약 ", "около ") + a
	}
	if op == OpLatest {
		r.Text = say(lang, "The latest figure in my sources is for %d: %s.", "제 자료에서 가장 최근 수치는 %d년의 %s입니다.", "Последняя цифра в моих источниках — за %d г.: %s.", p.Value.Year, a)
	} else {
		r.Text = say(lang, "The earliest figure in my sources is for %d: %s.", "제 자료에서 가장 이른 수치는 %d년의 %s입니다.", "Самая ранняя цифра в моих источниках — за %d г.: %s.", p.Value.Year, a)
	}
	r.Facts = []*facts.Fact{p}
	if !full(p) {
		r.Text += " " + sentence(partialNote(p, lang)) + "."
		if op == OpLatest {
			if f := latestFull(s); f != nil {
				r.Text += " " + say(lang, "The latest full year is %d: %s.", "가장 최근의 한 해 전체 수치는 %d년의 %s입니다.", "Последний полный год — %d: %s.", f.Value.Year, amount(f.Value.Amount, s.Unit, lang))
				r.Facts = append(r.Facts, f)
			}
		}
	}
	r.Text += approxNotes(r.Facts, lang) + seriesLine(s, lang) + coverage(s, lang)
	return r
}

func total(s *facts.Series, in Intent, op Op, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang)}
	ps := s.Points
	if len(in.Years) >= 2 {
		ps = within(s, in)
	}
	if in.Span {
		var gaps []int
		ys := slices.Clone(in.Years[:2])
		slices.Sort(ys)
		for y := ys[0]; y <= ys[1]; y++ {
			if s.Point(y) == nil {
				gaps = append(gaps, y)
			}
		}
		if len(gaps) > 0 {
			r.Reason = match.MissingYear
			r.Text = say(lang, "I can't add those years up: my sources have no figure for %s. %s: they give %s.",
				"그 기간을 합산할 수 없습니다. %s년 자료가 없습니다. %s 자료가 있는 해: %s.",
				"Сложить эти годы нельзя: нет данных за %s г. %s: есть данные за %s.",
				joinYears(gaps), s.Title.In(lang), joinYears(s.Years()))
			return r
		}
	}
	t, err := Add(ps)
	if err != nil {
		var part []string
		for _, p := range ps {
			if !full(p) {
				part = append(part, partialNote(p, lang))
				r.Suggestions = append(r.Suggestions, suggestion(p, lang))
			}
		}
		r.Reason = PartialYear
		r.Text = say(lang, "I can't add those up: %s.", "합산할 수 없습니다: %s.", "Сложить нельзя: %s.", strings.Join(part, "; "))
		return r
	}
	var ys []int
	var terms []string
	for _, p := range ps {
		ys = append(ys, p.Value.Year)
		terms = append(terms, amount(p.Value.Amount, s.Unit, lang))
	}
	about := ""
	if t.Approx {
		about = say(lang, "about ", "약 ", "около ")
	}
	if op == OpSum {
		r.Text = say(lang, "%s over %s adds up to %s%s (%s).", "%s: %s년 합계 %s%s(%s).", "%s за %s гг. в сумме: %s%s (%s).",
			s.Title.In(lang), joinYears(ys), about, amount(t.Sum, s.Unit, lang), strings.Join(terms, " + "))
	} else {
		r.Text = say(lang, "%[1]s averaged %[3]s%[4]s a year over %[2]s (%[5]s, divided by %[6]d).", "%s: %s년 평균 %s%s(%s, %d개 연도 평균).", "%s в среднем за %s гг.: %s%s в год (%s, разделить на %d).",
			s.Title.In(lang), joinYears(ys), about, amount(t.Mean, s.Unit, lang), strings.Join(terms, " + "), len(ps))
	}
	if len(in.Years) < 2 {
		r.Text += coverage(s, lang)
	}
	r.Text += approxNotes(ps, lang)
	r.Answered, r.Kind, r.Facts = true, KindComputed, ps
	return r
}

func trend(s *facts.Series, lang facts.Lang) Reply {
	r := Reply{Lang: lang, Title: s.Title.In(lang), Answered: true, Kind: KindComputed}
	r.Text = strings.TrimSpace(seriesLine(s, lang))
	if first, last := firstFull(s), latestFull(s); first != nil && last != nil && first != last {
		if c := change(s, Intent{}, OpChange, first, last, lang); c.Answered {
			r.Text += " " + c.Text
		}
	}
	if hi := extreme(s, Intent{}, OpHighest, lang); hi.Answered && len(s.Points) > 1 {
		b := hi.Facts[0]
		r.Text += " " + say(lang, "The highest full year is %d.", "한 해 전체 기준 최고치는 %d년입니다.", "Максимум за полный год — %d г.", b.Value.Year)
	}
	for _, p := range s.Points {
		if !full(p) {
			r.Text += " " + sentence(partialNote(p, lang)) + "."
		}
	}
	r.Text += approxNotes(s.Points, lang) + coverage(s, lang)
	r.Facts = slices.Clone(s.Points)
	slices.Reverse(r.Facts) // the latest first
	return r
}

// within is the series' figures in the years asked: the range between
// them for "from … to …", else just those years.
func within(s *facts.Series, in Intent) []*facts.Fact {
	ys := slices.Clone(in.Years)
	slices.Sort(ys)
	var out []*facts.Fact
	for _, p := range s.Points {
		y := p.Value.Year
		if in.Span && y >= ys[0] && y <= ys[len(ys)-1] || !in.Span && slices.Contains(ys, y) {
			out = append(out, p)
		}
	}
	return out
}

func without(ps []*facts.Fact, x *facts.Fact) []*facts.Fact {
	var out []*facts.Fact
	for _, p := range ps {
		if p != x {
			out = append(out, p)
		}
	}
	return out
}

// seriesLine lists the whole series, so an answer shows what it drew on.
func seriesLine(s *facts.Series, lang facts.Lang) string {
	var parts []string
	for _, p := range s.Points {
		v := fmt.Sprintf("%d: %s", p.Value.Year, amount(p.Value.Amount, s.Unit, lang))
		if !full(p) {
			v += " (" + monthSpan(p, lang) + ")"
		}
		parts = append(parts, v)
	}
	return " " + s.Title.In(lang) + ": " + strings.Join(parts, "; ") + "."
}

// coverage says where the sources end, since "now" is after them.
func coverage(s *facts.Series, lang facts.Lang) string {
	last := s.Points[len(s.Points)-1].Value.Year
	return " " + say(lang, "My sources end in 2020; they give no figure after %d.", "제 자료는 2020년까지이며, %d년 이후 수치는 없습니다.", "Мои источники заканчиваются 2020 годом; цифр после %d г. в них нет.", last)
}

func approxNotes(ps []*facts.Fact, lang facts.Lang) string {
	var out string
	for _, p := range ps {
		if p.Value.Approx {
			out += " " + say(lang, "The %d figure is approximate.", "%d년 수치는 근사치입니다.", "Цифра за %d г. приблизительная.", p.Value.Year)
		}
	}
	return out
}

// monthSpan is the part of its year a partial figure covers, briefly.
func monthSpan(p *facts.Fact, lang facts.Lang) string {
	t, err := time.Parse("2006-01", p.Value.AsOf)
	if err != nil {
		return say(lang, "as of %s", "%s 기준", "на %s", p.Value.AsOf)
	}
	m := int(t.Month())
	enMonths := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	ruMonths := []string{"янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."}
	return say(lang, "Jan–%s only", "1~%d월", "только янв.–%s", pick(lang, enMonths[m-1], m, ruMonths[m-1]))
}

// partialNote says which part of its year a figure covers.
func partialNote(p *facts.Fact, lang facts.Lang) string {
	t, err := time.Parse("2006-01", p.Value.AsOf)
	if err != nil {
		return say(lang, "the %d figure covers part of the year only (as of %s)", "%d년 수치는 한 해의 일부(%s 기준)입니다", "цифра за %d г. охватывает только часть года (на %s)", p.Value.Year, p.Value.AsOf)
	}
	m := int(t.Month())
	enMonths := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	ruMonths := []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	return say(lang, "the %d figure covers January–%s only", "%d년 수치는 1~%d월만 집계한 것입니다", "цифра за %d г. охватывает только январь–%s",
		p.Value.Year, pick(lang, enMonths[m-1], m, ruMonths[m-1]))
}

func pick(lang facts.Lang, en string, ko int, ru string) any {
	switch lang {
	case facts.KO:
		return ko
	case facts.RU:
		return ru
	}
	return en
}

func joinYears(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// nearest offers the series' figures closest to a year asked.
func nearest(s *facts.Series, year int, lang facts.Lang) []match.Suggestion {
	ps := slices.Clone(s.Points)
	slices.SortStableFunc(ps, func(a, b *facts.Fact) int {
		return int(math.Abs(float64(a.Value.Year-year)) - math.Abs(float64(b.Value.Year-year)))
	})
	var out []match.Suggestion
	for _, p := range ps[:min(3, len(ps))] {
		out = append(out, suggestion(p, lang))
	}
	return out
}

func suggestion(f *facts.Fact, lang facts.Lang) match.Suggestion {
	q := f.Title.In(lang)
	if qs := f.Questions.In(lang); len(qs) > 0 {
		q = qs[0]
	}
	return match.Suggestion{FactID: f.ID, Question: q}
}

// say picks the sentence for lang and fills it in.
func say(lang facts.Lang, en, ko, ru string, args ...any) string {
	f := en
	switch lang {
	case facts.KO:
		f = ko
	case facts.RU:
		f = ru
	}
	return fmt.Sprintf(f, args...)
}

// topic puts the Korean topic particle after a noun: 은 after a final
// consonant, 는 after a vowel.
func topic(noun string) string {
	r, _ := utf8.DecodeLastRuneInString(noun)
	if r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 != 0 {
		return noun + "은"
	}
	return noun + "는"
}

// sentence capitalises the first letter of a clause that stands alone.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// compareGrowth answers which of two series grew more between the first
// and last year both have (or the years asked), by their multiples.
func compareGrowth(in Intent, lang facts.Lang) (Reply, bool) {
	a, b := in.Series[0], in.Series[1]
	var common []int
	for _, p := range a.Points {
		if q := b.Point(p.Value.Year); q != nil && full(p) && full(q) {
			common = append(common, p.Value.Year)
		}
	}
	if len(in.Years) == 2 {
		common = slices.DeleteFunc(common, func(y int) bool { return y != in.Years[0] && y != in.Years[1] })
	}
	if len(common) < 2 {
		return Reply{}, false
	}
	y1, y2 := common[0], common[len(common)-1]
	type growth struct {
		s        *facts.Series
		from, to *facts.Fact
		x        float64
	}
	var gs []growth
	for _, s := range []*facts.Series{a, b} {
		from, to := s.Point(y1), s.Point(y2)
		if from.Value.Amount <= 0 {
			return Reply{}, false
		}
		gs = append(gs, growth{s, from, to, to.Value.Amount / from.Value.Amount})
	}
	if gs[1].x > gs[0].x {
		gs[0], gs[1] = gs[1], gs[0]
	}
	line := func(g growth) string {
		return say(lang, "%[1]s %[2]s (%[3]s → %[4]s)", "%[1]s %[2]s(%[3]s → %[4]s)", "%[1]s — %[2]s (%[3]s → %[4]s)",
			g.s.Title.In(lang), times(g.x, lang), amount(g.from.Value.Amount, g.s.Unit, lang), amount(g.to.Value.Amount, g.s.Unit, lang))
	}
	text := say(lang, "From %[1]d to %[2]d, %[3]s grew more: %[4]s, against %[5]s. Each is its own metric's multiple; the figures themselves are not combined.",
		"%[1]d년부터 %[2]d년까지 더 많이 늘어난 것은 %[3]s입니다: %[4]s, 반면 %[5]s. 각 지표의 배수를 비교한 것이며 수치 자체를 합치지는 않았습니다.",
		"С %[1]d по %[2]d г. сильнее вырос показатель «%[3]s»: %[4]s, против: %[5]s. Сравниваются кратности каждого показателя, сами цифры не смешиваются.",
		y1, y2, gs[0].s.Title.In(lang), line(gs[0]), line(gs[1]))
	fs := []*facts.Fact{gs[0].from, gs[0].to, gs[1].from, gs[1].to}
	return Reply{Lang: lang, Answered: true, Kind: KindComputed, Title: gs[0].s.Title.In(lang), Text: text + approxNotes(fs, lang), Facts: fs, Score: 1}, true
}
