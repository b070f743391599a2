package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// Op is what a question asks to be done with a series.
type Op int

const (
	OpNone      Op = iota
	OpHighest      // which year had the most
	OpLowest       // which year had the least
	OpLatest       // the newest figure: "now", "how big is"
	OpEarliest     // the oldest figure
	OpChange       // between two years, or since one
	OpDouble       // did it double
	OpMultiple     // how many times larger
	OpSum          // added up over years
	OpAverage      // mean over years
	OpTrend        // the whole series
	OpJump         // the year of the largest change from the year before
	OpRank         // the years in order of their figures
	OpShare        // one series as a share of the series it is part of
	OpAvgChange    // the mean change a year over a span
)

// Intent is what a question asks of the structured data: which metrics it
// names, what it wants done, and for which years.
type Intent struct {
	Series []*facts.Series // the metrics named, in definition order
	Op     Op
	Years  []int // in the order asked, each once
	Span   bool  // the years bound a range ("from 2015 to 2017")
	Since  bool  // "since 2016": from that year to the latest
	Claim  bool  // the question asserts something to check ("…, right?")
	// Figures are the figures it states, other than years: what a claim
	// asserts ("grew 25-fold", "up 10%").
	Figures []figure
	Why     bool // it asks why something is so, which asserts that it is
	Dir     int  // the direction a claim asserts: +1 rose, −1 fell
	// Present: the question asks how things stand now ("is it still"),
	// which sources that end in the past can only answer as of their date.
	Present bool
	// Compare: it asks which of two things grew more ("which grew more",
	// "что выросло сильнее", "어느 쪽이 더 늘었나").
	Compare bool
	// Computes: it asks for a figure to be worked out (a sum, an
	// average, a multiple, a share, a difference, a change between
	// years), not looked up.
	Computes bool
	// Folded is the question as fold leaves it, for the word lists.
	Folded string
	// Named are the entities the question names, in table order.
	Named []*facts.Entity
	// Unanswerable: it asks for a computation this layer does not do
	// (time elapsed between two things, a figure under an assumption).
	Unanswerable bool
	// AsksFigure: it asks for an amount ("how much", "what was the
	// volume"), not about the metric in passing.
	AsksFigure bool
	Groups     []*facts.Group // the groups named
	// Narrow: it asks when, where, who or how many, which one member
	// answers rather than the whole group.
	Narrow bool
	// About: it asks about something as a whole ("tell me about",
	// "what happened at"), which an event answers with all its facts.
	About bool
	// Money: it asks for an amount of money ("by how many dollars").
	Money bool
	// FullYear: it asks for a whole year's figure.
	FullYear bool
	List     bool // it asks for members: "which…", "list", "how many"
}

// cue is a word or phrase that signals an operation. Latin and Cyrillic
// cues match at the start of a word, Hangul anywhere (Korean glues
// particles and endings onto words).
type cue struct {
	op    Op
	words []string
}

// cues are tried in order, and a matched cue's text is blanked so that a
// longer phrase ("most recent") is not read again as a shorter one
// ("most").
var cues = []cue{
	{OpJump, []string{"largest year-on-year", "biggest year-on-year", "largest year-over-year", "biggest year-over-year", "largest annual increase", "biggest annual increase", "jump the most", "jumped the most", "rose the most", "increase the most", "increased the most", "biggest jump", "largest jump", "biggest increase", "largest increase", "biggest rise", "largest rise", "biggest growth", "fastest growth", "grew the most", "grew most", "rose the most", "biggest drop", "largest drop", "biggest fall", "largest fall", "biggest change", "largest change",
		"가장 많이 늘", "가장 크게 늘", "가장 많이 증가", "가장 크게 증가", "증가 폭이 가장", "증가폭이 가장", "가장 큰 폭", "가장 많이 줄", "가장 크게 줄",
		"сильнее всего вырос", "больше всего вырос", "вырос сильнее всего", "выросло сильнее всего", "выросла сильнее всего", "выросли сильнее всего",
		"вырос больше всего", "выросло больше всего", "выросла больше всего", "выросли больше всего", "упал сильнее всего", "упало сильнее всего", "упала сильнее всего", "наибольший рост", "наибольший прирост", "самый большой рост", "самый большой прирост", "самый сильный рост", "наибольшее падение", "сильнее всего упал"}},
	{OpRank, []string{"rank the years", "rank them", "order the years", "sort the years", "in order", "from highest to lowest", "from lowest to highest", "ranking",
		"순위", "순서대로", "큰 순서", "많은 순서", "순으로", "расставь", "расставьте", "упорядоч", "по убыванию", "по возрастанию", "рейтинг"}},
	{OpMultiple, []string{"how many times", "times larger", "times bigger", "times more", "몇 배", "몇배", "во сколько раз"}},
	{OpDouble, []string{"double", "twice", "two-fold", "twofold", "두 배", "두배", "2배", "вдвое", "удвои", "в два раза", "в 2 раза"}},
	{OpLatest, []string{"most recent", "latest", "recent", "now", "currently", "current", "today", "these days", "nowadays", "how big", "how large", "size of", "최근", "최신", "현재", "지금", "요즘", "규모", "последн", "свеж", "новейш", "сейчас", "текущ", "ныне", "на сегодня", "каков объ", "какой объ", "насколько велик"}},
	{OpHighest, []string{"highest", "largest", "biggest", "most", "peak", "record", "maximum", "top year", "best year", "가장 많", "가장 컸", "가장 큰", "가장 높", "제일 많", "최고", "최대", "최다", "정점", "наибольш", "максим", "рекорд", "самый высок", "самым высок", "больше всего", "пик", "лучш", "최고의 해"}},
	{OpLowest, []string{"lowest", "smallest", "least", "minimum", "fewest", "worst year", "가장 적", "가장 작", "가장 낮", "제일 적", "최저", "최소", "наименьш", "миним", "меньше всего", "самый низк", "самым низк", "худш", "최악"}},
	{OpEarliest, []string{"earliest", "oldest", "가장 이른", "가장 오래된", "самый ранн", "самые ранн", "самая ранн"}},
	{OpAverage, []string{"average", "avg", "mean ", "per year on", "평균", "средн"}},
	{OpSum, []string{"combined", "sum of", "in sum", "add up", "added up", "altogether", "cumulative", "합계", "합산", "합치", "더하면", "더해", "누적", "в сумме", "суммарн", "сумма", "сложи", "сложите", "вместе взят", "в совокупности"}},
	{OpTrend, []string{"trend", "over the years", "over time", "evolve", "evolution", "develop", "history of", "each year", "every year", "by year", "year by year", "per year", "추이", "추세", "연도별", "해마다", "매년", "흐름", "динамик", "по годам", "из года в год", "как менял", "как изменял"}},
	{OpChange, []string{"grow", "grew", "growth", "increase", "rise", "rose", "risen", "fall", "fell", "fallen", "drop", "decline", "decrease", "shrink", "shrank", "change", "differ", "compare", "jump", "go up", "went up", "go down", "went down", "up from", "down from", "증가", "감소", "늘었", "늘어", "늘린", "줄었", "줄어", "변화", "변했", "차이", "성장", "상승", "하락", "비교", "рост", "вырос", "увелич", "сниз", "сократ", "упал", "паден", "измен", "разниц", "прирост", "сравн", "collapse", "plunge", "plummet", "slump", "급감", "급증", "폭락", "обвал", "рухнул"}},
	// Bounds, not superlatives: "at least how much" asks for no lowest
	// year. Last, so that they only keep "least" and "минимум" from being
	// read inside them.
	{OpNone, []string{"at least", "at most", "no less than", "no fewer than", "최소한", "적어도", "не менее", "не меньше", "по меньшей мере", "как минимум"}},
}

var (
	// comparatives compare two figures without saying either changed.
	comparatives = []string{"more", "higher", "bigger", "larger", "less", "fewer", "lower", "smaller", "많았", "많아", "많다", "컸", "높았", "적었", "적어", "적다", "작았", "낮았", "больше", "выше", "меньше", "ниже"}
	upWords      = []string{"grow", "grew", "growth", "increase", "rise", "rose", "risen", "jump", "go up", "went up", "up from", "more", "higher", "bigger", "larger",
		"증가", "늘었", "늘어", "성장", "상승", "많았", "많아", "많다", "컸", "높았",
		"рост", "росл", "вырос", "увелич", "прирост", "больше", "выше"}
	downWords = []string{"fall", "fell", "fallen", "drop", "decline", "decrease", "shrink", "shrank", "go down", "went down", "down from", "less", "fewer", "lower", "smaller",
		"감소", "줄었", "줄어", "하락", "적었", "적어", "적다", "작았", "낮았",
		"сниз", "сократ", "упал", "паден", "меньше", "ниже", "collapse", "plunge", "plummet", "slump", "crash", "tumble", "급감", "폭락", "급락", "추락", "곤두박질", "обвал", "рухнул", "обрушил"}
	// claimWords mark a question that asserts something to be checked.
	claimWords = []string{"right?", "correct?", "true?", "is it true", "isn't it", "didn't it", "did it", "is that so", "why did", "why has", "why was", "how come", "왜", "이유", "почему", "отчего", "причин", "맞나", "맞습니까", "맞아", "맞죠", "맞지", "맞음", "사실임", "사실이야", "true or false", "is that what", "is that right", "is that correct", "is this right", "правда ли", "это так", ", да?", "ведь", ", так?", "사실인가", "사실입니까", "아님", "아니야", "아닌가", "아니에요", "라며", "다며", "라던데", "다던데", "верно", "правда", "так ли", "не так ли", "действительно ли", "ли "}
	// differWords ask by how much one figure exceeds another.
	differWords = []string{"how many more", "how much more", "how many fewer", "how much less", "difference between", "how far below", "how far behind", "how far above", "отстав",
		"몇 개 많", "몇 개 더", "몇 명 더", "몇 곳 더", "얼마나 더", "차이", "на сколько больше", "на сколько меньше", "насколько больше", "разница", "разницу"}
	// aboutWords ask about something as a whole.
	aboutWords = []string{"tell me about", "tell me abt", "tell me more about", "what happened", "what went down", "what do we know", "what do you know",
		"story behind", "story of", "were about", "was about", "about?", "details of", "details on", "overview of", "summary of", "summarize", "summarise", "how did it go", "how was",
		"무슨 일", "어떻게 진행", "정리해", "요약", "자세히", "얘기 좀", "이야기 좀", "설명 좀", "설명해",
		"расскажи", "расскажите", "что произошло", "что было", "как прош", "подробн", "что известно", "что за встреч", "о чём", "о чем"}
	// moneyWords ask for an amount of money.
	moneyWords = []string{"dollars", "how many dollars", "in dollars", "in usd", "달러로", "몇 달러", "얼마나 늘", "금액", "액수", "долларов", "в долларах"}
	// fullYearWords ask for a whole year's figure.
	fullYearWords = []string{"all of", "whole year", "full year", "full-year", "entire year", "for the year", "annual", "연간", "한 해 전체", "1년 전체", "일년 전체", "за весь год", "за год", "годовой", "за полный год"}
	// hypotheticalWords set up a computation on an assumption ("if trade
	// was X, what would imports be"), which the sources do not state.
	hypotheticalWords = []string{"if ", "assuming", "suppose", "라면", "다면", "если", "при условии", "допустим"}
	// conditionalWords ask what would follow from an assumption.
	conditionalWords = []string{"what would", "would be", "would have", "얼마일까", "될까", "였을까", "было бы", "будет ли", "составил бы", "составит"}
	// elapsedWords ask how long passed between two things.
	elapsedWords = []string{"how many years", "how many months", "how many days passed", "how many days elapsed", "how long after", "how long between",
		"years between", "years passed", "days passed", "days between", "days after", "years later",
		"몇 년 걸", "몇 년 만에", "몇 년이 걸", "몇 달 만에", "몇 개월 만에", "몇 달이", "몇 년 뒤", "몇 년 후", "며칠 만에", "며칠이 지", "며칠 뒤", "며칠 후",
		"сколько лет прошло", "сколько лет между", "через сколько лет", "через сколько месяцев", "сколько месяцев", "сколько дней прошло", "через сколько дней"}
	// compareWords ask which of two grew more.
	compareWords = []string{"grew more", "grew faster", "grown more", "increased more", "rose more", "bigger growth", "faster growth",
		"выросло сильнее", "вырос сильнее", "выросли сильнее", "выросло больше", "росло быстрее", "вырос больше", "сильнее вырос",
		"더 많이 늘", "더 크게 늘", "더 빨리 늘", "더 많이 증가", "더 크게 증가", "더 많이 성장"}
	// ratioWords divide one figure by another.
	ratioWords = []string{"divided by", "ratio of", "ratio between", "per tourist", "per person", "per capita", "per visitor",
		"나눈", "나누면", "나눠", "1인당", "인당", "разделить на", "разделённ", "разделенн", "делённ", "деленн", "на одного", "на каждого", "в расчёте на", "в расчете на"}
	// countWords ask for a count.
	countWords = []string{"how many", "total number", "number of", "몇 명", "몇 개", "몇 곳", "сколько", "общее число", "общее количество"}
	// narrowWords ask for one thing: a date, a place, a person, a count.
	narrowWords = []string{"when did", "when was", "when were", "when is", "when will", "when does", "when do", "where", "who", "how many",
		"언제", "어디서", "누가", "누구", "몇", "где", "кто", "сколько",
		// A person's post is one detail, not the events they took part in.
		"what position", "which position", "what post", "what job", "what role", "what title", "직책", "직위", "직함", "무슨 자리", "어떤 자리", "무슨 직", "должност", "какой пост", "какую роль"}
	// figureWords ask for an amount.
	figureWords = []string{"how much", "how big", "how many", "what was", "what's", "what is", "whats", "volume", "figure", "amount", "number of",
		"얼마", "규모", "몇", "액", "сколько", "какой", "каков", "какова", "объем", "объём", "цифр", "товарооборот"}
	// personWords ask who: a person, never a figure.
	personWords = []string{"who ", "who's", "whom", "누가", "누구", "кто ", "кого", "кем ", "кому"}
	// whyWords ask for a reason, and so assert what they ask it of.
	whyWords     = []string{"why", "how come", "what caused", "reason", "왜", "이유", "원인", "почему", "отчего", "зачем", "причин"}
	shareWords   = []string{"percent of", "per cent of", "% of", "의 몇 퍼센트", "의 몇 %", "의 몇%", "процент от", "процентов от", "share", "slice", "portion", "proportion", "fraction", "percentage of", "비중", "점유", "차지", "доля", "долю", "доли", "удельн"}
	presentWords = []string{"still", "now", "currently", "current", "today", "these days", "at present", "nowadays", "anymore", "any more", "as of today", "yet", "so far", "by now",
		"아직", "여전히", "지금", "현재", "요즘", "오늘날", "이제", "벌써",
		"до сих пор", "все еще", "всё ещё", "сейчас", "в настоящее время", "ныне", "по-прежнему", "на сегодня", "сегодня", "уже", "пока"}
	// listWords ask for the members. "How many" is left out on purpose: a
	// group holds what the sources name, not a count of everything there
	// is ("how many Korean companies work in Russia" is not in them).
	listWords = []string{"which", "list", "what are", "what were", "name the", "name all", "enumerate", "what companies", "what risks", "what kind", "all the", "each of",
		"어떤", "어느", "무엇이", "무엇인", "뭐가", "뭐야", "뭐있", "뭐 있", "나열", "목록", "알려", "어디어디", "누구누구", "각각", "전부", "정리해",
		"какие", "каких", "какими", "перечисл", "список", "назови", "назовите", "что за", "по пунктам", "всех", "все ",
		// What a named whole is made of: its members.
		"consist of", "consists of", "made up of", "comprise", "what's included", "what is included", "구성", "이루어져", "что входит", "входят", "состоит из", "состоят из", "из чего состо"}
	totalWords = []string{"total", "in all", "combined", "altogether", "both sides", "총", "모두", "전부", "합쳐", "합치면", "양측", "всего", "итого", "общий", "общая", "общее", "общий объ", "в сумме", "вместе", "с обеих сторон"}
	spanWords  = []string{"between", "from", "through", "until", "to ", "부터", "까지", "사이", "에서", "между", "с ", "по ", "от ", "до "}
	sinceWords = []string{"since", "이후", "이래", "с тех пор", "начиная с"}
)

var (
	yearRe = regexp.MustCompile(`(?:19|20)[0-9]{2}`)
	// dashRe joins two years into a range: 2015-2017, 2015~2017.
	dashRe = regexp.MustCompile(`(?:19|20)[0-9]{2}\s*[-~–—]\s*(?:19|20)[0-9]{2}`)
)

// shortYearRe is a Korean year written with two digits: "16년" for 2016.
var shortYearRe = regexp.MustCompile(`(^|[^0-9'])([0-9]{2})년(\s*(?:간|동안|째|만에|이상|이내|대(?:[^비]|$)|전(?:[^반]|$))|)`)

// partAndWhole finds, among two series, one that is part of the other.
func partAndWhole(ss []*facts.Series) (part, whole *facts.Series, ok bool) {
	if len(ss) != 2 {
		return nil, nil, false
	}
	switch {
	case slices.Contains(ss[0].PartOf, ss[1].ID):
		return ss[0], ss[1], true
	case slices.Contains(ss[1].PartOf, ss[0].ID):
		return ss[1], ss[0], true
	}
	return nil, nil, false
}

// onlyPart is the one series that is part of the single series in ss. A
// question naming a place asks for that place's share ("the Far East's
// slice of trade"), which no series holds.
func onlyPart(b *facts.Base, ss []*facts.Series) (*facts.Series, bool) {
	if len(ss) != 1 {
		return nil, false
	}
	var part *facts.Series
	for _, s := range b.AllSeries() {
		if slices.Contains(s.PartOf, ss[0].ID) {
			if part != nil {
				return nil, false
			}
			part = s
		}
	}
	return part, part != nil
}

// namesAnyOf reports whether q contains one of the words, in any
// language.
func namesAnyOf(q string, p facts.Phrasings) bool {
	for _, l := range facts.Langs {
		if containsAny(q, p.In(l)) {
			return true
		}
	}
	return false
}

// firstCue is where the first of words occurs in q, or -1.
func firstCue(q string, words []string) int {
	at := -1
	for _, w := range words {
		if i := find(q, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// opIndex is the place of op's group in cues.
func opIndex(op Op) int {
	return slices.IndexFunc(cues, func(c cue) bool { return c.op == op })
}

// fullYears writes out two-digit Korean years ("16년이랑 17년" is 2016
// and 2017; "90년" is 1990), so that every layer reads them as years. A
// span of years ("30년간", "30년 동안", "90년대") is left alone, and so is
// a number no year of 1980–2026 is written as: "수교 30년" is thirty years.
func fullYears(q string) string {
	if !strings.Contains(q, "년") {
		return q
	}
	return shortYearRe.ReplaceAllStringFunc(q, func(m string) string {
		sub := shortYearRe.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[2])
		if sub[3] != "" || n > 26 && n < 80 {
			return m
		}
		century := "20"
		if n >= 80 {
			century = "19"
		}
		return sub[1] + century + sub[2] + "년"
	})
}

// years finds the years a question names: four digits standing alone,
// so that "2010s" (a decade) and "12019" are not read as years.
func years(q string) []int {
	var out []int
	for _, loc := range yearRe.FindAllStringIndex(q, -1) {
		i, j := loc[0], loc[1]
		if i > 0 && isWordByte(q[i-1]) {
			continue
		}
		if j < len(q) && (isWordByte(q[j]) && q[j] != 's' || q[j] == 's' && (j+1 == len(q) || !isWordByte(q[j+1]))) {
			continue
		}
		y, _ := strconv.Atoi(q[i:j])
		if !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// fold lower-cases a question and evens out the spellings that differ
// only in form (ё, curly apostrophes, dashes between words).
func fold(q string) string {
	return folder.Replace(strings.ToLower(q))
}

var folder = strings.NewReplacer("ё", "е", "’", "'", "–", "-", "—", "-", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "")

// find reports where w occurs in s as a word beginning (Latin, Cyrillic)
// or anywhere (Hangul), or -1.
func find(s, w string) int {
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.Is(unicode.Hangul, first) || i == 0 {
			return i
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return i
		}
		from = i + len(w)
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if find(s, w) >= 0 {
			return true
		}
	}
	return false
}

// Parse reads a question's intent over the series of b.
func Parse(b *facts.Base, question string) Intent {
	return parse(b, newVocab(b), question)
}

// vocab holds the words the data defines, by first rune, longest first:
// the series' and groups' terms, the events' names for points in time, and
// the organisations' names, so that a question is read against all of
// them in one pass.
type vocab map[rune][]vocabEntry

type vocabEntry struct {
	text  string
	kind  vocabKind
	idx   int      // into b.AllSeries(), b.Groups() or b.Timeline()
	words []string // a gapped term's words (see gapped)
}

// gapKey holds, in a vocab, the series terms of three words or more, to
// be found with words inside them.
const gapKey rune = -1

type vocabKind uint8

const (
	vSeries vocabKind = iota
	vGroup
	vWith
	vEvent
	vOrg
)

func newVocab(b *facts.Base) vocab {
	v := vocab{}
	add := func(kind vocabKind, idx int, words []string) {
		for _, w := range words {
			if w = fold(w); w != "" {
				r, _ := utf8.DecodeRuneInString(w)
				v[r] = append(v[r], vocabEntry{text: w, kind: kind, idx: idx})
			}
		}
	}
	all := func(p facts.Phrasings) []string { return append(append(slices.Clone(p.EN), p.KO...), p.RU...) }
	for i, s := range b.AllSeries() {
		add(vSeries, i, all(s.Terms))
		for _, t := range append(slices.Clone(s.Terms.EN), s.Terms.RU...) {
			if tw := strings.Fields(fold(t)); len(tw) >= 2 {
				v[gapKey] = append(v[gapKey], vocabEntry{kind: vSeries, idx: i, words: tw})
			}
		}
	}
	for i, g := range b.Groups() {
		add(vGroup, i, all(g.Terms))
		add(vWith, i, all(g.With))
	}
	for i, e := range b.Timeline() {
		add(vEvent, i, all(e.Terms))
	}
	for _, e := range b.Entities() {
		if e.Kind == facts.Organisation {
			add(vOrg, 0, e.Names())
		}
	}
	for _, es := range v {
		slices.SortStableFunc(es, func(a, b vocabEntry) int { return len(b.text) - len(a.text) })
	}
	return v
}

// read finds, in one pass over a folded question, the series, groups and
// events it names, the way scan reads cue words. An organisation's name
// is no metric: "무역협회" (the trade association) does not ask about
// trade.
func (v vocab) read(b *facts.Base, q string, in *Intent) (events []*facts.Event) {
	series := make([]bool, len(b.AllSeries()))
	groups := make([]bool, len(b.Groups()))
	with := make([]bool, len(b.Groups()))
	evs := make([]bool, len(b.Timeline()))
	orgEnd := 0
	prev := ' '
	for i, r := range q {
		es := v[r]
		start := i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
		prev = r
		if len(es) == 0 || !start && !unicode.Is(unicode.Hangul, r) {
			continue
		}
		for _, e := range es {
			if !strings.HasPrefix(q[i:], e.text) {
				continue
			}
			switch e.kind {
			case vOrg:
				orgEnd = max(orgEnd, i+len(e.text))
			case vSeries:
				series[e.idx] = series[e.idx] || i >= orgEnd
			case vGroup:
				groups[e.idx] = true
			case vWith:
				with[e.idx] = true
			case vEvent:
				evs[e.idx] = true
			}
		}
	}
	// "Korea exported $22.34 billion to Russia": a term of three words or
	// more may have a few words inside it, when nothing else names a
	// metric.
	// "Total 2019 exports": a year inside a term of any length, whatever
	// else the question names.
	named := slices.Contains(series, true)
	var words []string
	for _, e := range v[gapKey] {
		if !strings.Contains(q, e.words[0]) || named && len(e.words) >= 3 {
			continue
		}
		if words == nil {
			words = strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' && r != '.' })
		}
		if len(e.words) >= 3 && !named && gapped(words, e.words) || yearInside(words, e.words) {
			series[e.idx] = true
		}
	}
	for i, s := range b.AllSeries() {
		if series[i] && !namesAnyOf(q, s.Excludes) {
			in.Series = append(in.Series, s)
		}
	}
	for i, g := range b.Groups() {
		if groups[i] && (len(g.With.EN)+len(g.With.KO)+len(g.With.RU) == 0 || with[i]) {
			in.Groups = append(in.Groups, g)
		}
	}
	for i, e := range b.Timeline() {
		if evs[i] {
			events = append(events, e)
		}
	}
	return events
}

// yearInside reports whether words hold term with a year after its first
// word: "total 2019 exports".
func yearInside(words, term []string) bool {
	for i := 0; i+len(term) < len(words); i++ {
		if words[i] == term[0] && isYear(words[i+1]) && slices.Equal(words[i+2:i+1+len(term)], term[1:]) {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w >= "1900" && w < "2100"
}

// gapped reports whether words hold term with one to four words between
// its first word and the rest.
func gapped(words, term []string) bool {
	for i, w := range words {
		if w != term[0] {
			continue
		}
		for gap := 1; gap <= 4; gap++ {
			from := i + 1 + gap
			if from+len(term)-1 <= len(words) && slices.Equal(words[from:from+len(term)-1], term[1:]) {
				return true
			}
		}
	}
	return false
}

func parse(b *facts.Base, v vocab, question string) Intent {
	q := fold(question)
	in := Intent{Folded: q, Named: b.EntitiesNamedIn(question)}
	events := v.read(b, q, &in)
	in.Years = years(q)
	// "Since relations were established": the event's year, when the
	// question gives no year of its own for it.
	for _, e := range events {
		if y := e.Date.Start.Year(); !e.Date.IsZero() && !slices.Contains(in.Years, y) && len(in.Years) < 2 {
			in.Years = append([]int{y}, in.Years...)
		}
	}
	tags, op := scan(q)
	in.Op = op
	in.List = tags&tagList != 0
	// "What share of total exports went to Russia": a series divided by
	// the one it is part of. A share of anything else ("the Far East's
	// slice of trade") is a figure of its own, which no series holds.
	if tags&tagShare != 0 {
		if part, whole, ok := partAndWhole(in.Series); ok {
			in.Series, in.Op = []*facts.Series{part, whole}, OpShare
		} else if part, ok := onlyPart(b, in.Series); ok && !slices.ContainsFunc(in.Named, func(e *facts.Entity) bool { return e.Kind == facts.Place }) {
			// "What share of total exports did Russia take?": of a
			// whole, the one part the sources give.
			in.Series, in.Op = []*facts.Series{part, in.Series[0]}, OpShare
		} else {
			in.Series = nil
		}
	}
	// "On average, by how much did exchanges grow a year": the mean of
	// the changes, not of the figures.
	if in.Op == OpAverage && tags&(tagUp|tagDown) != 0 {
		in.Op = OpAvgChange
	}
	// "The lowest year, and how far below the highest?": of the two, the
	// one asked first.
	if in.Op == OpHighest || in.Op == OpLowest {
		if hi, lo := firstCue(q, cues[opIndex(OpHighest)].words), firstCue(q, cues[opIndex(OpLowest)].words); hi >= 0 && lo >= 0 {
			if lo < hi {
				in.Op = OpLowest
			} else {
				in.Op = OpHighest
			}
		}
	}
	// "How big was trade in 2015" asks for that year, not the latest.
	if in.Op == OpLatest && len(in.Years) > 0 {
		in.Op = OpNone
	}
	// "Total trade from 2015 to 2017" adds up; "total trade in 2019" is
	// just that year's figure.
	if len(in.Years) >= 2 && (in.Op == OpNone || in.Op == OpChange && tags&(tagUp|tagDown) == 0) && tags&tagTotal != 0 {
		in.Op = OpSum
	}
	// "Growth since 2016", "рост с 2016 года": one year and a change
	// runs from it to the latest.
	in.Since = len(in.Years) == 1 && (tags&tagSince != 0 || tags&tagSpan != 0 && (op == OpChange || op == OpMultiple || op == OpDouble))

	in.Span = len(in.Years) == 2 && (tags&tagSpan != 0 || dashRe.MatchString(q))
	in.Claim = tags&tagClaim != 0
	in.Why = tags&tagWhy != 0
	// "When" and "когда" open a question for a date, or join two
	// clauses ("what did they agree when they met").
	in.Narrow = tags&tagNarrow != 0 || strings.HasPrefix(q, "when ") || strings.HasPrefix(q, "когда ")
	in.About = tags&tagAbout != 0
	in.FullYear = tags&tagFullYear != 0
	in.Money = tags&tagMoney != 0
	switch in.Op {
	case OpSum, OpAverage, OpMultiple:
		in.Computes = true
	case OpChange:
		in.Computes = len(in.Years) >= 2
	}
	// "How many heads of agencies took part in total?": a count to be
	// added up from the parts a fact gives.
	in.Computes = in.Computes || tags&tagDiffer != 0 || tags&tagTotal != 0 && len(in.Series) == 0 && containsAny(q, countWords)
	// "How many years from the visa waiver to the record?", "if trade
	// was X, what would imports be?": worked out from dates or an
	// assumption, never looked up.
	if containsAny(q, elapsedWords) || containsAny(q, hypotheticalWords) && (in.Computes || in.Op != OpNone || containsAny(q, conditionalWords) && strings.ContainsAny(q, "0123456789")) {
		in.Computes, in.Unanswerable = true, true
	}
	in.Compare = len(in.Series) == 2 && containsAny(q, compareWords)
	// "Trade divided by the number of tourists": one metric over another
	// is a computation across metrics, which the series path refuses.
	if len(in.Series) >= 2 && in.Op == OpNone && containsAny(q, ratioWords) {
		in.Op, in.Computes = OpMultiple, true
	}
	in.AsksFigure = tags&tagFigure != 0 || op != OpNone
	in.Present = tags&tagPresent != 0
	// "Who heads the Institute for International Trade now?" asks for a
	// person: a metric inside a body's name, and "now", make no figure of
	// it.
	if containsAny(q, personWords) && tags&tagFigure == 0 && !in.Claim {
		in.Series, in.AsksFigure = nil, false
		if in.Op == OpLatest {
			in.Op = OpNone
		}
	}
	// A question that names both ("exports to Russia rose although
	// total exports fell?") claims no one direction.
	switch tags & (tagUp | tagDown) {
	case tagDown:
		in.Dir = -1
	case tagUp:
		in.Dir = +1
	}
	return in
}

// Which word lists a question contains.
const (
	tagCue uint32 = 1 << iota
	tagList
	tagShare
	tagTotal
	tagSince
	tagSpan
	tagClaim
	tagPresent
	tagUp
	tagDown
	tagWhy
	tagFigure
	tagNarrow
	tagAbout
	tagDiffer
	tagFullYear
	tagMoney
)

type entry struct {
	text string
	tag  uint32
	op   Op  // for tagCue
	prio int // for tagCue: its group's place in cues
}

// lexicon holds every word list by first rune, longest first, so that a
// question is read in one pass rather than searched once per word.
var lexicon = func() map[rune][]entry {
	lex := map[rune][]entry{}
	add := func(tag uint32, op Op, prio int, words []string) {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			lex[r] = append(lex[r], entry{w, tag, op, prio})
		}
	}
	for i, c := range cues {
		add(tagCue, c.op, i, c.words)
	}
	for tag, words := range map[uint32][]string{
		tagList: listWords, tagShare: shareWords, tagTotal: totalWords, tagSince: sinceWords, tagSpan: spanWords,
		tagClaim: claimWords, tagPresent: presentWords, tagUp: upWords, tagDown: downWords, tagWhy: whyWords, tagFigure: figureWords, tagNarrow: narrowWords, tagAbout: aboutWords, tagDiffer: differWords, tagFullYear: fullYearWords, tagMoney: moneyWords,
	} {
		add(tag, 0, 0, words)
	}
	for _, es := range lex {
		slices.SortStableFunc(es, func(a, b entry) int { return len(b.text) - len(a.text) })
	}
	return lex
}()

// scan reads a folded question once: which lists it contains, and the
// operation its cues ask for. Latin and Cyrillic words match at the start
// of a word, Hangul anywhere. A cue inside a longer cue ("most" in "most
// recent") does not count; of the cues found, the earliest group in cues
// wins.
func scan(q string) (tags uint32, op Op) {
	best, cueEnd := len(cues), 0
	prev := ' '
	for i, r := range q {
		es := lexicon[r]
		start := i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
		prev = r
		if len(es) == 0 || !start && !unicode.Is(unicode.Hangul, r) {
			continue
		}
		for _, e := range es {
			if !strings.HasPrefix(q[i:], e.text) {
				continue
			}
			if e.tag == tagCue {
				if i < cueEnd {
					continue
				}
				cueEnd = i + len(e.text)
				if e.prio < best {
					best, op = e.prio, e.op
				}
				continue
			}
			tags |= e.tag
		}
	}
	return tags | tagCue, op
}

// withoutPresent drops the words that ask how things stand now, and the
// verbs of being in force that come with them.
func withoutPresent(question string) string {
	return withoutWords(question, append(slices.Clone(presentWords), "in force", "in effect", "valid", "유효", "효력", "действует", "действуют", "в силе"))
}
