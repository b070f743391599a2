package answer

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

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
	months  []time.Month // months it names: "in March", "3월", "в марте"
	rank    int          // 1 for "topped", 2 for "second place"; 0 when none is claimed
	dir     int          // +1 rose, −1 fell
	persons []*facts.Entity
	venue   *facts.Entity   // "in Seoul", "в Москве", "서울에서"
	subject []*facts.Entity // the organisations and programmes it is about
	places  []*facts.Entity // third countries it names, not as a venue
	role    string          // a title it gives its one person: "president", "외무장관"
	once    bool            // it is about something that happens once: a founding, a signing, "the first"
	text    string          // the question, folded
}

// isClaim reports whether a question asks whether something is so: it
// uses a word that asserts ("…, right?", "맞죠", "верно"), or it is a
// statement put as a question, with no question word.
func isClaim(q string, in Intent) bool {
	if in.Claim {
		return true
	}
	f := in.Folded
	if f == "" {
		f = fold(q)
	}
	if !strings.HasSuffix(strings.TrimSpace(f), "?") && !containsAny(f, yesNoWords) {
		return false
	}
	// A statement has a verb; "exact date of Moon's visit?" is a search,
	// not a claim.
	return !containsAny(f, whWords) && (containsAny(f, yesNoWords) || hasVerb(f))
}

// hasVerb reports whether a folded question has a verb: an English
// auxiliary, past tense or common irregular verb; a Russian past or
// present ending; a Korean predicate ending before the question mark.
func hasVerb(q string) bool {
	// "Трутнев — самый высокопоставленный…?": a dash stands for the verb.
	if strings.Contains(q, " — ") || strings.Contains(q, " - ") || strings.Contains(q, " это ") {
		return true
	}
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	for _, w := range words {
		if englishVerbs[w] || russianVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && w[0] < utf8.RuneSelf {
			return true
		}
		for _, e := range russianVerbEndings {
			if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > utf8.RuneCountInString(e)+1 {
				return true
			}
		}
	}
	if len(words) > 0 {
		last := words[len(words)-1]
		for _, e := range koreanEndings {
			if strings.HasSuffix(last, e) {
				return true
			}
		}
	}
	return false
}

var (
	englishVerbs = setOf("is", "was", "were", "are", "am", "be", "been", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could",
		"fell", "rose", "grew", "took", "held", "met", "went", "came", "made", "became", "began", "hit", "led", "won", "lost", "saw", "got", "gave",
		"set", "sent", "spent", "stood", "kept", "paid", "isn't", "wasn't", "didn't", "doesn't", "hasn't", "haven't", "weren't", "aren't")
	russianVerbs       = setOf("должен", "должна", "должно", "должны", "может", "могут", "будет", "будут", "есть", "является", "являются", "входит", "входят")
	russianVerbEndings = []string{"л", "ла", "ло", "ли", "лся", "лась", "лись", "ет", "ит", "ют", "ят", "ется", "ится", "ются", "ятся"}
	koreanEndings      = []string{"었", "았", "였", "했", "됐", "이야", "인가", "이지", "냐", "니", "까", "지", "죠", "요", "다", "며", "데", "음", "임", "함"}
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	// whWords open a question that asks for something rather than whether.
	whWords = []string{"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "list", "tell me", "name",
		"뭐", "무엇", "무슨", "언제", "어디", "누구", "누가", "얼마", "몇", "왜", "어떻게", "어느", "어떤", "뭔", "뭘", "무얼", "누굴", "어딜",
		"что", "о чем", "как", "како", "когда", "где", "кто", "кого", "кем", "кому", "скольк", "почему", "зачем", "куда", "откуда", "чей", "чья"}
	// yesNoWords turn a statement into a yes-or-no question without a
	// question mark: Korean endings of hearsay, Russian "ли".
	yesNoWords = []string{"라며", "다며", "라던데", "다던데", "라는데", "다는데", "맞아", "맞지", "맞나", "맞죠", "잖아", "거지?", "거죠?", "건가", " ли "}
	// Comparatives bound a claimed figure.
	moreWords = []string{"more than", "over ", "above", "exceed", "surpass", "at least", "превысил", "превыси", "больше", "более", "свыше", "넘었", "넘은", "넘어", "이상"}
	lessWords = []string{"less than", "under ", "below", "fewer than", "меньше", "менее", "ниже", "не дотяг", "미만", "밑돌", "못 미"}
)

// onceWords name what happens once, whose year is one year only.
var onceWords = []string{"found", "establish", "created", "create", "set up", "launch", "sign", "agreed", "agree", "propos", "began", "begin", "start", "kick", "inaugurat", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th",
	"설립", "출범", "수교", "합의", "체결", "제안", "시작", "창설", "발족", "처음", "첫", "생겼", "생긴", "만들어", "세워", "설치", "제1", "제2", "제3", "제4", "1차", "2차", "3차", "4차", "1회", "2회", "3회",
	"1-й", "2-й", "3-й", "4-й", "1-е", "2-е", "3-е", "4-е", "1-я", "2-я", "3-я", "4-я", "1-го", "2-го", "3-го", "4-го",
	"созда", "учрежд", "подписа", "согласова", "договорил", "предлож", "начал", "установ", "запуст", "перв", "втор", "трет", "четверт"}

// rankCues name a place in a ranking. Plain ordinals ("the first forum")
// are not ranks: a rank is a place in a market or a list.
var rankCues = []struct {
	rank  int
	words []string
}{
	{1, []string{"number one", "no.1", "no. 1", "#1", "top spot", "topped", "top-selling", "best-selling", "top seller", "first place", "the leader", "market leader", "led the",
		"1위", "1등", "선두", "лидер", "первое место", "первом месте", "первым", "на первом", "номер один", "№1", "№ 1"}},
	{2, []string{"number two", "no.2", "no. 2", "#2", "second place", "second-largest", "ranked second", "runner-up",
		"2위", "2등", "второе место", "втором месте", "второй по", "вторым", "второй на", "на втором"}},
	{3, []string{"number three", "third place", "3위", "3등", "третье место", "третьем месте"}},
}

// withoutRanks blanks the rank a text claims, whose digits ("no.1",
// "1위") are no figure.
func withoutRanks(s string) string {
	for _, c := range rankCues {
		for _, w := range c.words {
			for {
				i := find(s, w)
				if i < 0 {
					break
				}
				s = s[:i] + strings.Repeat(" ", len(w)) + s[i+len(w):]
			}
		}
	}
	return s
}

// monthRe finds a month as a question names it in each language. English
// "may" is a month only with a year or a day beside it; Korean writes the
// month's number.
var monthRe = regexp.MustCompile(`(?i)\b(january|february|march|april|june|july|august|september|october|november|december)\b|\bmay\s+(?:\d{1,2}\b|(?:19|20)\d\d\b)|(?:^|[^\d])(1[0-2]|[1-9])\s*월|(?:^|[^\pL])(январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)`)

var monthStems = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March, "april": time.April, "june": time.June,
	"july": time.July, "august": time.August, "september": time.September, "october": time.October, "november": time.November, "december": time.December,
	"январ": time.January, "феврал": time.February, "март": time.March, "апрел": time.April, "май": time.May, "мая": time.May, "мае": time.May,
	"июн": time.June, "июл": time.July, "август": time.August, "сентябр": time.September, "октябр": time.October, "ноябр": time.November, "декабр": time.December,
}

// monthsIn lists the months q names, each once.
func monthsIn(q string) []time.Month {
	var out []time.Month
	for _, m := range monthRe.FindAllStringSubmatch(q, -1) {
		var month time.Month
		switch {
		case m[1] != "":
			month = monthStems[strings.ToLower(m[1])]
		case m[2] != "":
			n, _ := strconv.Atoi(m[2])
			month = time.Month(n)
		case m[3] != "":
			month = monthStems[strings.ToLower(m[3])]
		default:
			month = time.May
		}
		if month != 0 && !slices.Contains(out, month) {
			out = append(out, month)
		}
	}
	return out
}

// ordinalRe finds a numeral that counts occurrences — the 4th
// consultation, 4차 협의회, 4-й форум — which is no figure a claim
// asserts about a metric. An anniversary's is kept: "the 30th
// anniversary" claims the count of years.
var ordinalRe = regexp.MustCompile(`(?i)\b\d{1,3}(?:st|nd|rd|th)\b|\d{1,3}\s*(?:차|번째|회째)|\b\d{1,3}-?(?:й|я|е|го|му|м)\b`)

var anniversaryWords = []string{"anniversary", "주년", "годовщин", "лети"}

// withoutOrdinals blanks the ordinals of s, keeping its length.
func withoutOrdinals(s string) string {
	return ordinalRe.ReplaceAllStringFunc(s, func(m string) string {
		// The match's place is not given; an anniversary word right
		// after this ordinal anywhere in s keeps them all, which errs
		// on the side of reading a figure as before.
		for _, w := range anniversaryWords {
			if i := strings.Index(s, m); i >= 0 && strings.HasPrefix(strings.TrimLeft(s[i+len(m):], " -"), w) {
				return m
			}
		}
		return strings.Repeat(" ", len(m))
	})
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
	// koDateRe and ruDateRe are a month or a day as Korean and Russian
	// write them: "6월", "19일", "19 ноября".
	koDateRe = regexp.MustCompile(`\d{1,2}\s*(?:월|일)`)
	ruDateRe = regexp.MustCompile(`(?:с\s+)?\d{1,2}(?:\s*(?:[–-]|по)\s*\d{1,2})?\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\pL*`)
	// dayRe is a day of a month, which is no figure a claim can be about.
	dayRe = regexp.MustCompile(`(?i)\b\d{1,2}(?:\s*(?:[–-]|to|till|until)\s*\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:\s*[–-]\s*\d{1,2})?\b`)
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
	f := in.Folded
	if f == "" {
		f = fold(q)
	}
	c := claim{years: in.Years, months: monthsIn(f), dir: in.Dir, rank: rankOf(f), once: containsAny(f, onceWords), figs: in.Figures, text: f}
	switch {
	case containsAny(f, moreWords):
		c.bound = +1
	case containsAny(f, lessWords):
		c.bound = -1
	}
	// "More than a third" bounds a figure; it claims no rise.
	if c.bound != 0 && !containsAny(f, directionVerbs) {
		c.dir = 0
	}
	for _, e := range in.Named {
		switch e.Kind {
		case facts.Person:
			c.persons = append(c.persons, e)
		case facts.Place:
			switch {
			case venueOf(f, e):
				c.venue = e
			case thirdCountry(e):
				c.places = append(c.places, e)
			}
		default:
			c.subject = append(c.subject, e)
		}
	}
	if len(c.persons) == 1 {
		c.role = roleIn(f, c.persons[0])
	}
	return c
}

// outcomeWords ask how something turned out, later than a plan.
var outcomeWords = []string{"eventually", "in the end", "end up", "ended up", "outcome", "result", "came of", "came out of",
	// What was signed at a meeting is its outcome too: a fact that the
	// meeting was planned does not say.
	"signed", "concluded",
	"결국", "성사", "결과", "성과", "체결", "서명", "в итоге", "в конце концов", "итог", "результат", "подписа", "заключ"}

// planWords ask about a plan itself ("when did Korea plan to sign…"),
// which a fact about the plan answers.
var planWords = []string{"plan", "aim", "intend", "going to", "expect", "계획", "예정", "목표", "하려", "планир", "намерева", "собира", "рассчитыва"}

// everWords ask, in a claim, whether a plan came true.
var everWords = append([]string{"ever", "actually", "really happen", "confirmed", "finalized", "finalised", "실제로", "확정", "так и", "состоялась", "состоялся", "состоялось", "подтвержд"}, outcomeWords...)

// planRe finds a plan, a proposal or an aim in a fact's answer.
var planRe = regexp.MustCompile(`(?i)\b(?:propos\w*|plan\w*|aim\w*|would|was to|were to|set to|expected|hope\w*|wish\w*|intend\w*|seek\w*)\b`)

// contrasts are pairs of things a claim may confuse: a fact that states
// one side and not the other contradicts a claim of the other side, and
// bears out a claim of its own side. Words are matched as word
// beginnings in the claim (any language) and in the fact's English.
var contrasts = []struct{ a, b []string }{
	{a: []string{"nuclear", "atomic", "원자력", "핵", "атомн", "ядерн"}, b: []string{"hydrogen", "solar", "wind", "renewable", "수소", "태양", "풍력", "신재생", "водород", "солн", "ветр", "возобновляем"}},
	{a: []string{"surplus", "흑자", "профицит"}, b: []string{"deficit", "적자", "дефицит"}},
	{a: []string{"annual", "every year", "each year", "yearly", "once a year", "매년", "해마다", "1년에 한", "일 년에 한", "ежегодн", "каждый год", "раз в год"},
		b: []string{"every two years", "every 2 years", "biennial", "every other year", "2년마다", "2년에 한", "두 해에 한", "격년", "раз в два года", "раз в 2 года", "каждые два года", "каждые 2 года"}},
	// Superlatives have no other side: the fact says so or is silent.
	{a: []string{"highest-ranking", "highest ranking", "most senior", "최고위", "самый высокопоставленн", "самым высокопоставленн"}},
	{a: []string{"record", "largest-ever", "all-time high", "역대 최대", "사상 최대", "최대치", "рекорд"}},
}

// directionVerbs are the words that say a figure rose or fell, as
// against the comparatives ("more", "больше") that only compare.
var directionVerbs = func() []string {
	var out []string
	for _, w := range append(slices.Clone(upWords), downWords...) {
		if !slices.Contains(comparatives, w) {
			out = append(out, w)
		}
	}
	return out
}()

// roleClasses group the titles a claim may give a person by what they
// mean, in every language: a claim that calls someone the head of a body
// is borne out by a role that says president, 원장 or глава alike. Within
// a class, longer titles come first ("foreign minister" before
// "minister").
var roleClasses = [][]string{
	{"deputy prime minister", "deputy pm", "부총리", "вице-премьер"},
	{"prime minister", "premier", "총리", "премьер"},
	{"foreign minister", "외무장관", "외교장관", "외교부 장관", "министр иностранных дел", "глава мид"},
	{"president of", "head of", "chairman", "chair of", "director", "headed by", "led by", "원장", "회장", "이끄는", "глава", "председател", "директор", "под руководством", "руководител", "возглав"},
	{"president", "대통령", "президент"},
	{"minister", "장관", "министр"},
	{"envoy", "전권대표", "특사", "полпред"},
	{"ambassador", "대사", "посол"},
	{"researcher", "연구원", "научный сотрудник", "исследовател"},
	{"correspondent", "특파원", "корреспондент"},
	{"leader", "지도자", "лидер"},
}

// roleWords are every title of roleClasses.
var roleWords = func() []string {
	var out []string
	for _, c := range roleClasses {
		out = append(out, c...)
	}
	return out
}()

// roleIn is the title a question gives person p, other than words of p's
// own name.
func roleIn(q string, p *facts.Entity) string {
	for _, n := range p.Names() {
		q = strings.ReplaceAll(q, strings.ToLower(n), " ")
	}
	for _, w := range roleWords {
		if find(q, w) >= 0 {
			return w
		}
	}
	return ""
}

// venueOf reports whether a question names e as where something took
// place: "in Seoul", "в Москве", "서울에서", not "Seoul and Moscow".
func venueOf(q string, e *facts.Entity) bool {
	for _, n := range e.Names() {
		n = strings.ToLower(n)
		for _, p := range []string{"in " + n, "at " + n, "visit " + n, "visited " + n, "trip to " + n, "went to " + n, "planned for " + n, "scheduled for " + n, "held for " + n,
			"в " + n, "во " + n, n + "에서", n + "을 방문", n + "를 방문", n + " 방문"} {
			if strings.Contains(q, p) {
				return true
			}
		}
	}
	return false
}

// check compares the claim with what f states. A claim is borne out only
// when everything it asserts is, and contradicted as soon as one thing is;
// ok is false when f cannot settle it either way, and then f is simply
// the answer. A claim about an organisation or programme f does not name
// is not about f at all.
func (c claim) check(f *facts.Fact) (v Verdict, ok bool) {
	if !namesAll(f, c.subject) {
		return "", false
	}
	var t tally3
	en := f.Answer.EN
	// Figures: a claimed figure must be one the fact states, of the same
	// kind (a share with a share); a fact that states figures of that
	// kind, none of them the one claimed, contradicts it.
	stated := statedFigures(f)
	for _, cf := range c.figs {
		var same []figure
		for _, ff := range stated {
			if ff.kind == cf.kind && (cf.kind != plain || comparable(cf.v, ff.v)) {
				same = append(same, ff)
			}
		}
		switch {
		case len(same) == 0:
			t.unsettled()
		case slices.ContainsFunc(same, func(ff figure) bool { return c.holds(cf, ff) }):
			t.bears()
		default:
			t.contradicts()
		}
	}
	// A year: the fact's own date, or a year it names. Something that
	// happens once (a founding, a signing, the fourth consultation) in
	// another year than claimed contradicts the claim; something that may
	// recur (a visit) leaves the sources silent on the year claimed.
	for _, y := range c.years {
		switch {
		case f.Date.IsZero():
			t.unsettled()
		case y == f.Date.Start.Year() || slices.Contains(yearsIn(en), y):
			t.bears()
		case c.once:
			t.contradicts()
		default:
			t.silent = true
		}
	}
	// A month, held against a fact dated to the month or the day: in
	// another month it contradicts what happens once, and leaves the
	// sources silent on what may recur (a visit in March, when the
	// sources give one in April).
	for _, m := range c.months {
		switch {
		case f.Date.Precision < facts.Month:
			t.unsettled()
		case m >= f.Date.Start.Month() && m <= f.Date.End.Month() || f.Date.End.Year() > f.Date.Start.Year() ||
			slices.Contains(monthsIn(en), m): // a month the fact names, as a source's own dating
			t.bears()
		case c.once:
			t.contradicts()
		default:
			t.silent = true
		}
	}
	// A rank in a market.
	if c.rank != 0 {
		switch fr := rankOf(strings.ToLower(en)); {
		case fr == 0:
			t.unsettled()
		case fr == c.rank:
			t.bears()
		default:
			t.contradicts()
		}
	}
	// A direction, when the fact's main sentence states one and only one
	// ("total exports fell…", not the aside that exports to Russia rose).
	if c.dir != 0 {
		main, _, _ := strings.Cut(en, ". ")
		up, down := riseRe.MatchString(main), fallRe.MatchString(main)
		switch {
		case up == down:
			t.unsettled()
		case up == (c.dir > 0):
			t.bears()
		default:
			t.contradicts()
		}
	}
	// People: a fact that names who did something, and not the person
	// claimed, contradicts the claim; a title the claim gives its person
	// is held against the entity table's role.
	for _, p := range c.persons {
		switch {
		case slices.Contains(f.Entities, p):
			t.bears()
			t.weak++
		case slices.ContainsFunc(f.Entities, func(e *facts.Entity) bool { return e.Kind == facts.Person }):
			t.contradicts()
		default:
			t.unsettled()
		}
	}
	if c.role != "" {
		if hasRole(c.persons[0], c.role) {
			t.bears()
		} else {
			t.contradicts()
		}
	}
	// Things a claim may confuse: nuclear power for hydrogen, a surplus
	// for a deficit.
	for _, k := range contrasts {
		for _, side := range [][2][]string{{k.a, k.b}, {k.b, k.a}} {
			mine, other := side[0], side[1]
			if !containsAny(c.text, mine) {
				continue
			}
			switch fact := strings.ToLower(en); {
			case containsAny(fact, mine):
				t.bears()
			case containsAny(fact, other):
				t.contradicts()
			}
			break
		}
	}
	// Third countries a claim names, such as members of a union: a fact
	// that names others of them, and not this one, contradicts it.
	for _, p := range c.places {
		switch {
		case slices.Contains(f.Entities, p):
			t.bears()
		case slices.ContainsFunc(f.Entities, func(e *facts.Entity) bool { return e.Kind == facts.Place && thirdCountry(e) }):
			t.contradicts()
		default:
			t.unsettled()
		}
	}
	// A venue: the fact names where, and it is another place.
	if c.venue != nil {
		switch {
		case slices.Contains(f.Entities, c.venue):
			t.bears()
		case slices.ContainsFunc(f.Entities, func(e *facts.Entity) bool { return e.Kind == facts.Place && e != c.venue }):
			t.contradicts()
		default:
			t.unsettled()
		}
	}
	switch {
	case t.no > 0:
		return Contradicted, true
	case t.silent:
		return NotInSources, true
	case t.yes > t.weak && t.open == 0:
		// The people a claim names only say who it is about: "did the
		// conference Trutnev proposed take place?" is not borne out by
		// Trutnev's proposing it.
		return Supported, true
	}
	return "", false
}

// tally3 counts how each thing a claim asserts fares against a fact.
type tally3 struct {
	yes, no, open int
	weak          int // of yes: things borne out that say little (who it is about)
	silent        bool
}

func (t *tally3) bears()       { t.yes++ }
func (t *tally3) contradicts() { t.no++ }
func (t *tally3) unsettled()   { t.open++ }

// hasRole reports whether the entity table gives p the title claimed, in
// any language.
func hasRole(p *facts.Entity, role string) bool {
	for k, c := range roleClasses {
		if !slices.Contains(c, role) {
			continue
		}
		for _, l := range facts.Langs {
			// A deputy's title holds the title deputised for ("부총리"
			// holds "총리"), and a deputy prime minister is no prime
			// minister.
			text := strings.ToLower(p.Role.In(l))
			if k > 0 {
				for _, w := range roleClasses[0] {
					text = strings.ReplaceAll(text, w, " ")
				}
			}
			if containsAny(text, c) {
				return true
			}
		}
	}
	return false
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
	f := fold(s)
	for _, w := range wordRe.FindAllString(f, -1) {
		if v, ok := smallNumbers[w]; ok {
			out = append(out, figure{v, plain})
		}
	}
	for _, n := range fractions {
		if find(f, n.words) >= 0 {
			out = append(out, figure{n.v, percentFig})
		}
	}
	for _, n := range roundNumbers {
		if i := find(f, n.words); i >= 0 && (i == 0 || !isDigit(lastRune(strings.TrimRight(f[:i], " ")))) {
			out = append(out, figure{n.v, plain})
			f = f[:i] + strings.Repeat(" ", len(n.words)) + f[i+len(n.words):]
		}
	}
	return out
}

// fractions are the shares a text may spell out, as per cent.
var fractions = []struct {
	words string
	v     float64
}{
	{"a third", 100.0 / 3}, {"one third", 100.0 / 3}, {"a quarter", 25}, {"half of", 50}, {"a half", 50},
	{"3분의 1", 100.0 / 3}, {"4분의 1", 25}, {"절반", 50},
	{"треть", 100.0 / 3}, {"трети", 100.0 / 3}, {"четверть", 25}, {"половин", 50},
}

// roundNumbers are the large numbers a claim may spell out, longest first
// ("half a million" before "a million"); one after a digit is a scale
// the figure reader has read ("22.34 billion").
var roundNumbers = []struct {
	words string
	v     float64
}{
	{"half a million", 5e5}, {"полмиллиона", 5e5}, {"a million", 1e6}, {"one million", 1e6}, {"a billion", 1e9},
	{"миллион", 1e6}, {"миллиард", 1e9}, {"백만", 1e6},
}

// comparable reports whether two plain figures are of one order, so that
// a claimed US$20 billion is held against US$19 billion, or US$542
// billion against US$7.6 billion, but not against the 17 agencies in
// the same fact.
func comparable(a, b float64) bool {
	if a <= 0 || b <= 0 {
		return false
	}
	r := a / b
	return a >= 1e5 && b >= 1e5 || r > 0.05 && r < 20
}

// holds reports whether a stated figure bears out a claimed one, exactly
// (allowing for rounding) or within the bound claimed.
func (c claim) holds(claimed, stated figure) bool {
	tol := 0.05 * math.Abs(claimed.v)
	if claimed.kind == percentFig {
		tol = 0.5
	}
	if c.bound != 0 {
		tol = 0.001 * math.Abs(claimed.v) // only the same figure, as in "more than a third" against "more than a third"
	}
	switch {
	case math.Abs(stated.v-claimed.v) <= tol:
		return true
	case c.bound > 0:
		return stated.v > claimed.v
	case c.bound < 0:
		return stated.v < claimed.v
	}
	return false
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

// namesAll reports whether f names every one of es.
func namesAll(f *facts.Fact, es []*facts.Entity) bool {
	for _, e := range es {
		if !slices.Contains(f.Entities, e) {
			return false
		}
	}
	return true
}

// roleNote corrects a title a question gave person p.
func roleNote(p *facts.Entity, lang facts.Lang) string {
	return say(lang, "My sources describe %s as %s. ", "제 자료에서 %s의 직함은 %s입니다. ", "В моих источниках %s — %s. ",
		p.Name.In(lang), p.Role.In(lang))
}

// withoutDates blanks the days and months a text names, which are no
// figures a claim asserts.
func withoutDates(s string) string {
	for _, re := range []*regexp.Regexp{dayRe, koDateRe, ruDateRe} {
		s = re.ReplaceAllString(s, " ")
	}
	return s
}

// thirdCountry reports whether a place is in neither Korea nor Russia.
func thirdCountry(e *facts.Entity) bool {
	return e.Country != "" && e.Country != "KR" && e.Country != "RU" && e.Country != "KP"
}

// stated caches each fact's figures: reading them is the costliest part
// of checking a claim, and a fact's answer never changes.
var stated sync.Map // *facts.Fact → []figure

// statedFigures is what f's English answer states, days and months left
// out, with its series value.
func statedFigures(f *facts.Fact) []figure {
	if v, ok := stated.Load(f); ok {
		return v.([]figure)
	}
	figs := countable(withoutDates(f.Answer.EN))
	if f.Value != nil {
		figs = append(figs, figure{f.Value.Amount, plain})
	}
	stated.Store(f, figs)
	return figs
}
