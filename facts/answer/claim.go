package answer

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// A claim is what a yes-or-no question asserts that a fact can confirm or
// contradict: the figures it states, a year, a rank ("number one"), a
// direction ("fell"), and the people and places it names. "Korean exports
// to Russia fell 10.3% in 2019?" asserts a fall and 10.3 %; the fact on
// those exports states a 6.5 % rise, so the answer is no, with the fact.
type claim struct {
	figs    []figure // figures other than years
	bound   int      // +1: the claim says "more than" its figure, −1 "less than"
	years   []int
	rank    int // 1 for "topped", 2 for "second place"; 0 when none is claimed
	dir     int // +1 rose, −1 fell
	persons []*facts.Entity
	venue   *facts.Entity // "in Seoul", "в Москве", "서울에서"
	once    bool          // it is about something that happens once: a founding, a signing, "the first"
}

// isClaim reports whether a question asks whether something is so: it
// uses a word that asserts ("…, right?", "맞죠", "верно"), or it is a
// statement put as a question, with no question word.
func isClaim(q string, in Intent) bool {
	if in.Claim {
		return true
	}
	f := fold(q)
	if !strings.HasSuffix(strings.TrimSpace(f), "?") && !containsAny(f, yesNoWords) {
		return false
	}
	return !containsAny(f, whWords)
}

var (
	// whWords open a question that asks for something rather than whether.
	whWords = []string{"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "list", "tell me", "name",
		"뭐", "무엇", "무슨", "언제", "어디", "누구", "누가", "얼마", "몇", "왜", "어떻게", "어느", "어떤", "뭔",
		"что", "чем", "как", "како", "когда", "где", "кто", "кого", "скольк", "почему", "зачем", "куда", "откуда", "чей", "чья"}
	// yesNoWords turn a statement into a yes-or-no question without a
	// question mark: Korean endings of hearsay, Russian "ли".
	yesNoWords = []string{"라며", "다며", "라던데", "다던데", "라는데", "다는데", "맞아", "맞지", "맞나", "맞죠", " ли "}
	// Comparatives bound a claimed figure.
	moreWords = []string{"more than", "over ", "above", "exceed", "surpass", "at least", "превысил", "превыси", "больше", "более", "свыше", "넘었", "넘은", "넘어", "이상"}
	lessWords = []string{"less than", "under ", "below", "fewer than", "меньше", "менее", "ниже", "не дотяг", "미만", "밑돌", "못 미"}
)

// onceWords name what happens once, whose year is one year only.
var onceWords = []string{"found", "establish", "created", "create", "set up", "launch", "sign", "agreed", "agree", "propos", "began", "begin", "start", "kick", "inaugurat", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th",
	"설립", "출범", "수교", "합의", "체결", "제안", "시작", "창설", "발족", "처음", "첫", "제1", "제2", "제3", "제4", "1차", "2차", "3차", "4차", "1회", "2회", "3회",
	"созда", "учрежд", "подписа", "согласова", "договорил", "предлож", "начал", "установ", "запуст", "перв", "втор", "трет", "четверт"}

// rankCues name a place in a ranking. Plain ordinals ("the first forum")
// are not ranks: a rank is a place in a market or a list.
var rankCues = []struct {
	rank  int
	words []string
}{
	{1, []string{"number one", "no.1", "no. 1", "#1", "top spot", "topped", "first place", "the leader", "market leader", "led the",
		"1위", "1등", "선두", "лидер", "первое место", "первом месте", "номер один", "№1", "№ 1"}},
	{2, []string{"number two", "no.2", "no. 2", "#2", "second place", "second-largest", "ranked second", "runner-up",
		"2위", "2등", "второе место", "втором месте", "второй по"}},
	{3, []string{"number three", "third place", "3위", "3등", "третье место", "третьем месте"}},
}

func rankOf(s string) int {
	for _, c := range rankCues {
		if containsAny(s, c.words) {
			return c.rank
		}
	}
	return 0
}

// Directions a fact's own answer states.
var (
	riseRe = regexp.MustCompile(`(?i)\b(?:rose|risen|grew|grown|increased|climbed|jumped|up from|up by|more than in|more than a year|higher than)\b`)
	fallRe = regexp.MustCompile(`(?i)\b(?:fell|fallen|dropped|declined|decreased|down from|down by|lower than|shrank|slumped)\b`)
	// dayRe is a day of a month, which is no figure a claim can be about.
	dayRe = regexp.MustCompile(`(?i)\b\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:\s*[–-]\s*\d{1,2})?\b`)
)

// smallNumbers are the number words a claim may spell out.
var smallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"twelve": 12, "twenty": 20, "thirty": 30, "dozen": 12,
	"один": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
	"двух": 2, "трех": 3, "трёх": 3, "пяти": 5, "девяти": 9,
	"하나": 1, "둘": 2, "셋": 3, "다섯": 5, "아홉": 9,
}

var wordRe = regexp.MustCompile(`[\p{L}]+`)

// readClaim reads what a question asserts.
func readClaim(b *facts.Base, q string, in Intent) claim {
	f := fold(q)
	c := claim{years: in.Years, dir: in.Dir, rank: rankOf(f), once: containsAny(f, onceWords)}
	c.figs = countable(q)
	switch {
	case containsAny(f, moreWords):
		c.bound = +1
	case containsAny(f, lessWords):
		c.bound = -1
	}
	for _, e := range b.Entities() {
		if !e.NamedIn(q) {
			continue
		}
		switch e.Kind {
		case facts.Person:
			c.persons = append(c.persons, e)
		case facts.Place:
			if venueOf(f, e) {
				c.venue = e
			}
		}
	}
	return c
}

// venueOf reports whether a question names e as where something took
// place: "in Seoul", "в Москве", "서울에서", not "Seoul and Moscow".
func venueOf(q string, e *facts.Entity) bool {
	for _, n := range e.Names() {
		n = strings.ToLower(n)
		for _, p := range []string{"in " + n, "at " + n, "в " + n, "во " + n, n + "에서"} {
			if strings.Contains(q, p) {
				return true
			}
		}
	}
	return false
}

// empty reports whether the claim asserts nothing a fact could check.
func (c claim) empty() bool {
	return len(c.figs) == 0 && len(c.years) == 0 && c.rank == 0 && c.dir == 0 && len(c.persons) == 0 && c.venue == nil
}

// check compares the claim with what f states. ok is false when nothing
// the claim asserts can be held against f: then f is just the answer.
func (c claim) check(f *facts.Fact) (v Verdict, ok bool) {
	en := f.Answer.EN
	supported, contradicted := false, false
	// Figures: a claimed figure must be one the fact states, of the same
	// kind (a share with a share); a fact that states figures of that
	// kind, none of them the one claimed, contradicts it.
	stated := countable(dayRe.ReplaceAllString(en, " "))
	if f.Value != nil {
		stated = append(stated, figure{f.Value.Amount, plain})
	}
	for _, cf := range c.figs {
		var same []figure
		for _, ff := range stated {
			if ff.kind == cf.kind && (cf.kind != plain || comparable(cf.v, ff.v)) {
				same = append(same, ff)
			}
		}
		if len(same) == 0 {
			continue
		}
		if slices.ContainsFunc(same, func(ff figure) bool { return c.holds(cf, ff) }) {
			supported = true
		} else {
			contradicted = true
		}
	}
	// A year: the fact's own date, or a year it names. Something that
	// happens once (a founding, a signing, the fourth consultation) in
	// another year than claimed contradicts the claim; something that may
	// recur (a visit) leaves the sources silent on the year claimed.
	silent := false
	if len(c.years) > 0 && !f.Date.IsZero() {
		named := yearsIn(en)
		for _, y := range c.years {
			switch {
			case y == f.Date.Start.Year() || slices.Contains(named, y):
				supported = true
			case c.once:
				contradicted = true
			default:
				silent = true
			}
		}
	}
	// A rank in a market.
	if c.rank != 0 {
		if fr := rankOf(strings.ToLower(en)); fr != 0 {
			if fr == c.rank {
				supported = true
			} else {
				contradicted = true
			}
		}
	}
	// A direction, when the fact states one and only one.
	if c.dir != 0 {
		up, down := riseRe.MatchString(en), fallRe.MatchString(en)
		switch {
		case up && !down:
			if c.dir > 0 {
				supported = true
			} else {
				contradicted = true
			}
		case down && !up:
			if c.dir < 0 {
				supported = true
			} else {
				contradicted = true
			}
		}
	}
	// People: a fact that names who did something, and not the person
	// claimed, contradicts the claim.
	for _, p := range c.persons {
		switch {
		case slices.Contains(f.Entities, p):
			supported = true
		case slices.ContainsFunc(f.Entities, func(e *facts.Entity) bool { return e.Kind == facts.Person }):
			contradicted = true
		}
	}
	// A venue: the fact names where, and it is another place.
	if c.venue != nil {
		switch {
		case slices.Contains(f.Entities, c.venue):
			supported = true
		case slices.ContainsFunc(f.Entities, func(e *facts.Entity) bool { return e.Kind == facts.Place && e != c.venue }):
			contradicted = true
		}
	}
	switch {
	case contradicted:
		return Contradicted, true
	case silent:
		return NotInSources, true
	case supported:
		return Supported, true
	}
	return "", false
}

// countable is the figures a text states other than years, with the
// small numbers it spells out ("nine agencies", "three days").
func countable(s string) []figure {
	var out []figure
	for _, fig := range figures(s) {
		if fig.kind == plain && fig.v == math.Trunc(fig.v) && fig.v >= 1900 && fig.v < 2100 {
			continue // a year
		}
		out = append(out, fig)
	}
	for _, w := range wordRe.FindAllString(fold(s), -1) {
		if v, ok := smallNumbers[w]; ok {
			out = append(out, figure{v, plain})
		}
	}
	return out
}

// comparable reports whether two plain figures are of one order, so that
// a claimed US$20 billion is held against US$19 billion, or US$542
// billion against US$7.6 billion, but not against the 17 agencies in
// the same fact.
func comparable(a, b float64) bool {
	return (a >= 1e5) == (b >= 1e5)
}

// holds reports whether a stated figure bears out a claimed one, exactly
// (allowing for rounding) or within the bound claimed.
func (c claim) holds(claimed, stated figure) bool {
	switch c.bound {
	case +1:
		return stated.v > claimed.v
	case -1:
		return stated.v < claimed.v
	}
	tol := 0.05 * math.Abs(claimed.v)
	if claimed.kind == percentFig {
		tol = 0.5
	}
	return math.Abs(stated.v-claimed.v) <= tol
}

func yearsIn(s string) []int {
	var out []int
	for _, y := range yearRe.FindAllString(s, -1) {
		n, _ := strconv.Atoi(y)
		out = append(out, n)
	}
	return out
}

// verdictLine opens the answer to a claim. A "why" question whose
// premise holds is simply answered.
func verdictLine(v Verdict, in Intent, lang facts.Lang) string {
	switch {
	case v == Contradicted:
		return say(lang, "No, that is not what my sources say. ", "아니요, 제 자료의 내용과 다릅니다. ", "Нет, мои источники говорят иначе. ")
	case v == Supported && !in.Why:
		return say(lang, "Yes, my sources bear that out. ", "네, 제 자료도 그렇게 말합니다. ", "Да, мои источники это подтверждают. ")
	}
	return ""
}

// withoutYears blanks the years a question names.
func withoutYears(q string) string {
	return yearRe.ReplaceAllStringFunc(q, func(y string) string { return strings.Repeat(" ", len(y)) })
}
