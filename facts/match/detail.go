package match

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ninebridges/ninebridges/facts"
)

// A detail is the kind of thing a question asks for: a person, a place, a
// date, a count. Whatever fact the words of a question pick out,
// it answers only if it states a thing of that kind: "who headed the
// delegation" is not answered by a fact that names nobody, "how many
// people attended" not by one that gives no number, and "when will
// Snowflake be finished" not by one that gives no date after its own.
type detailKind uint8

const (
	askWho    detailKind = 1 << iota // a person or an organisation
	askWhere                         // a place
	askWhen                          // a date
	askFuture                        // a date still to come when the source spoke
	askCount                         // a number
	askDay                           // a date to the day
	askHead                          // a person who headed or led something
	askMoney                         // an amount of money (an investment, a cost)
)

// detailCues name the details, by language. Latin and Cyrillic cues match
// whole words, or the start of a word when they end in "*"; Hangul cues
// match anywhere.
var detailCues = []struct {
	d     detailKind
	words []string
}{
	{askWho, []string{"who", "who's", "whom", "whose", "which person", "which official", "what person",
		"누가", "누구", "누군", "кто", "кого", "кем", "кому"}},
	// Korean 어디 and Russian где also ask "which one" or "in what area"
	// ("1위는 어디", "где самый большой потенциал"): only what asks for
	// a venue counts.
	{askWhere, []string{"where", "where's", "which city", "what city", "in which town", "어디서", "어디에서", "어디에", "어느 도시",
		"в каком городе", "где прош*", "где проход*", "где состо*", "где пройд*", "где будет", "где провод*"}},
	{askWhen, []string{"when", "when's", "what date", "which date", "what day", "which day", "언제", "며칠", "몇 월", "когда", "какого числа", "в какой день"}},
	{askHead, []string{"who headed", "who led", "who chaired", "who was the head", "who was head", "who leads", "who heads",
		"кто возглавлял", "кто возглавил", "кто руководил", "кто возглавляет", "누가 이끌", "누가 대표", "단장은 누구", "대표는 누구"}},
	{askDay, []string{"exact date", "what date", "which date", "what day", "which day", "정확한 날짜", "정확한 일자", "며칠", "몇 월 며칠", "какого числа", "точная дата", "точную дату", "в какой день"}},
	{askMoney, []string{"how much money", "how much investment", "how much did korea invest", "how much has korea invested",
		"investment volume", "volume of investment*", "amount of investment*", "size of investment*",
		"объём инвестиц*", "объем инвестиц*", "объёмы инвестиц*", "объемы инвестиц*", "сумм* инвестиц*", "сколько инвестир*", "сколько денег",
		"투자 규모", "투자액", "투자 금액", "얼마나 투자", "얼마를 투자"}},
	{askCount, []string{"how many", "몇 명", "몇명", "몇 개", "몇개", "몇 곳", "몇 군데", "몇 차례", "몇 가지", "몇 개국", "скольк*"}},
}

// futureCues ask when something still to come will happen.
var futureCues = []string{"when will", "when is it going to", "when are they going to", "when do they plan",
	"언제 완공", "언제 완성", "언제 끝", "언제 개통", "언제 열릴", "언제 지어", "언제 가동",
	"когда будет", "когда построят", "когда достроят", "когда закончат", "когда откро*", "когда запуст*", "когда заработает"}

// notCues look like a cue but ask nothing: "кто-нибудь знает" is chat,
// and "where does Hyundai rank" asks for a rank, not a place.
var notCues = []string{"кто-нибудь", "кто-то", "кто нибудь", "somebody who", "anyone who", "someone who", "where does", "where did", "where do"}

// askedDetails reads which details a normalised question asks for.
func askedDetails(q string) detailKind {
	for _, w := range notCues {
		q = strings.ReplaceAll(q, w, " ")
	}
	var d detailKind
	for _, c := range detailCues {
		for _, w := range c.words {
			if cueAt(q, w) {
				d |= c.d
				break
			}
		}
	}
	for _, w := range futureCues {
		if cueAt(q, w) {
			d |= askFuture
			break
		}
	}
	// "Каков объём корейских инвестиций…": an investment and a quantity,
	// with words between them, ask for an amount of money.
	if anyCue(q, investmentCues) && anyCue(q, quantityCues) {
		d |= askMoney
	}
	return d
}

var (
	investmentCues = []string{"investment*", "invest", "invested", "инвестиц*", "вложени*", "투자"}
	quantityCues   = []string{"how much", "volume", "amount", "size", "объём*", "объем*", "сколько", "сумм*", "размер*", "규모", "얼마", "액수"}
)

func anyCue(q string, cues []string) bool {
	return slices.ContainsFunc(cues, func(w string) bool { return cueAt(q, w) })
}

func cueAt(q, w string) bool {
	w, stem := strings.CutSuffix(w, "*")
	first, _ := utf8.DecodeRuneInString(w)
	hangul := unicode.Is(unicode.Hangul, first)
	for from := 0; ; {
		i := strings.Index(q[from:], w)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(w)
		if hangul {
			return true
		}
		prev, _ := utf8.DecodeLastRuneInString(q[:i])
		next, _ := utf8.DecodeRuneInString(q[i+len(w):])
		if !isWordRune(prev) && (stem || !isWordRune(next)) {
			return true
		}
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var (
	yearIn  = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)
	countIn = regexp.MustCompile(`\b\d[\d,.]*\b`)
	// dayIn is a day of a month: "8 November", "Apr. 28", "7–9 November".
	dayIn    = regexp.MustCompile(`(?i)\b\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:\s*[–-]\s*\d{1,2})?\b`)
	pairIn   = regexp.MustCompile(`(?i)\b(?:the two|both|one of|two countries|two sides|two ministers)\b`)
	numWords = regexp.MustCompile(`(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|hundred|thousand|million|billion|half|a third)\b`)
)

// stated is what a fact states of the details: a person or organisation
// it names, a place, a date, a number, and a date still to come when its
// source was written (published is that source's year, or 0).
func stated(f *facts.Fact, published int) detailKind {
	var d detailKind
	for _, e := range f.Entities {
		switch e.Kind {
		case facts.Person:
			d |= askWho | askHead
		case facts.Organisation:
			d |= askWho
		case facts.Place:
			d |= askWhere
		}
	}
	en := f.Answer.EN
	years := yearIn.FindAllString(en, -1)
	if !f.Date.IsZero() || len(years) > 0 {
		d |= askWhen
	}
	if f.Date.Precision == facts.Day || dayIn.MatchString(en) {
		d |= askDay
	}
	// A day of a month is a date, not a count, and "the two countries"
	// counts nothing anyone asks.
	en = dayIn.ReplaceAllString(en, " ")
	en = pairIn.ReplaceAllString(en, " ")
	if published > 0 {
		if !f.Date.IsZero() && f.Date.Start.Year() > published {
			d |= askFuture
		}
		for _, y := range years {
			if n, _ := strconv.Atoi(y); n > published {
				d |= askFuture
			}
		}
	}
	for _, n := range countIn.FindAllString(en, -1) {
		if !yearIn.MatchString(n) {
			d |= askCount
			break
		}
	}
	if numWords.MatchString(en) {
		d |= askCount
	}
	if f.Value != nil && f.Value.Unit == "USD" || moneyIn.MatchString(f.Answer.EN) {
		d |= askMoney
	}
	return d
}

// moneyIn is an amount of money in an English answer.
var moneyIn = regexp.MustCompile(`(?i)\$\s?\d|\bdollars?\b|\bwon\b|\brubles?\b|\broubles?\b`)

// publishedYear is the year of the newest document f cites, or 0.
func publishedYear(b *facts.Base, f *facts.Fact) int {
	y := 0
	for _, s := range f.Sources {
		if d, ok := b.Document(s.Doc); ok {
			y = max(y, d.Date.Start.Year())
		}
	}
	return y
}

// entityAsk is a question for a named thing of one kind and country:
// "which Russian agency reported it" wants a Russian organisation, and
// is not answered by a fact that names only a North Korean one.
type entityAsk struct {
	kind    facts.EntityKind
	country string
}

// Words are matched as word beginnings; the Korean ones are whole words
// (a particle may follow).
var (
	countryWords = map[string][]string{
		"RU": {"russian", "russia's", "российск", "русск", "러시아"},
		"KR": {"korean", "s.korean", "корейск", "южнокорейск", "한국"},
		"KP": {"northkorean", "северокорейск", "북한"},
		"JP": {"japanese", "японск", "일본"},
		"US": {"american", "американск", "미국"},
	}
	kindWords = map[facts.EntityKind][]string{
		facts.Organisation: {"agency", "agencies", "newspaper", "paper", "outlet", "media", "company", "companies", "firm",
			"ministry", "ministries", "organisation", "organization", "institute", "association", "body",
			"агентств", "газет", "издани", "сми", "компани", "фирм", "министерств", "организаци", "институт", "ассоциаци", "ведомств",
			"통신사", "신문", "언론", "기업", "회사", "부처", "기관", "단체"},
		facts.Person: {"official", "minister", "leader", "president", "person", "politician", "envoy", "diplomat",
			"чиновник", "министр", "лидер", "руководител", "президент", "политик", "дипломат", "полпред",
			"관리", "장관", "지도자", "대통령", "인사", "관료", "외교관"},
	}
	whichWords = []string{"which", "what", "who", "name", "어느", "어떤", "무슨", "누구", "누가", "како", "какой", "какая", "какие", "каким", "какого", "кто", "кого", "назов"}
)

// askedEntity finds "which <country> <kind>" in a normalised question.
func askedEntity(q string) (entityAsk, bool) {
	q = strings.ReplaceAll(q, "north korean", "northkorean")
	q = strings.ReplaceAll(q, "s. korean", "s.korean")
	words := strings.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '.' })
	if !slices.ContainsFunc(words, func(w string) bool { return hasPrefixIn(w, whichWords) }) {
		return entityAsk{}, false
	}
	// "Which countries make up the EAEU?": places, more than one.
	for i, w := range words {
		if hasPrefixIn(w, whichWords) && i+1 < len(words) && hasPrefixIn(words[i+1], countryNouns) {
			return entityAsk{facts.Place, "*"}, true
		}
	}
	for i, w := range words {
		for country, adjs := range countryWords {
			if !hasPrefixIn(w, adjs) {
				continue
			}
			for _, next := range words[i+1 : min(len(words), i+4)] {
				for kind, nouns := range kindWords {
					if hasPrefixIn(next, nouns) {
						return entityAsk{kind, country}, true
					}
				}
			}
		}
	}
	return entityAsk{}, false
}

func hasPrefixIn(w string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// countryNouns ask for countries after a question word.
var countryNouns = []string{"countries", "nations", "나라들", "국가들", "страны", "стран"}

// satisfiedBy reports whether f names an entity of the kind and country
// asked for; for countries ("*"), at least two places.
func (a entityAsk) satisfiedBy(f *facts.Fact) bool {
	if a.country == "*" {
		n := 0
		for _, e := range f.Entities {
			if e.Kind == a.kind {
				n++
			}
		}
		return n >= 2
	}
	return slices.ContainsFunc(f.Entities, func(e *facts.Entity) bool { return e.Kind == a.kind && e.Country == a.country })
}

// namedSubjects lists the organisations and programmes a question names.
// Places are left out, as "Seoul" and "Moscow" stand for the two
// countries as often as for the cities; so are people, whom a question
// may name wrongly on purpose ("Obama's remarks at the forum?"), which
// the layer above corrects rather than refuses.
func (m *Matcher) namedSubjects(question string) []*facts.Entity {
	if m.base == nil {
		return nil
	}
	var out []*facts.Entity
	for _, e := range m.base.EntitiesNamedIn(question) {
		switch {
		case e.Kind == facts.Organisation, e.Kind == facts.Programme:
			out = append(out, e)
		case e.Kind == facts.Place && e.Country != "KR" && e.Country != "RU" && e.Country != "KP" && len(e.Facts) > 0:
			// A third country ("what would they discuss in Azerbaijan")
			// is what the question is about; Seoul, Moscow and Pyongyang
			// often stand for the countries themselves.
			out = append(out, e)
		}
	}
	return out
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

// countNouns are what a "how many" question may count, with the words
// that name each in a question (any language) and in a fact's English
// answer. A fact answers "how many students attended" only if it gives a
// number of students, not the 17 agencies it does give.
var countNouns = []struct {
	asked, stated []string
}{
	{asked: []string{"student", "студент", "학생"}, stated: []string{"student"}},
	{asked: []string{"day", "days", "дней", "дня", "день", "суток", "일간", "일 동안"}, stated: []string{"day"}},
	{asked: []string{"people", "person", "participant", "attendee", "visitor", "koreans", "russians", "человек", "участник", "посетител", "корейцев", "россиян", "참석자", "참가자", "사람", "한국인", "러시아인", "몇 명", "몇명"},
		stated: []string{"people", "participant", "person", "visitor", "tourist", "traveller", "traveler", "attendee"}},
	{asked: []string{"member", "членов", "участниц", "회원국", "구성국", "가입국"}, stated: []string{"member"}},
	{asked: []string{"countries", "nations", "стран", "개국"}, stated: []string{"countries", "members", "nations"}},
}

// askedCount finds what a "how many" question counts: the first noun of
// countNouns after its cue, or -1.
func askedCount(q string) int {
	at := -1
	for _, cue := range []string{"how many", "сколько", "скольких", "몇"} {
		if i := strings.Index(q, cue); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return -1
	}
	best, bestAt := -1, len(q)+1
	for k, n := range countNouns {
		for _, w := range n.asked {
			// Korean names what it counts before 몇 as often as after.
			i := strings.Index(q, w)
			if i >= 0 && i < bestAt && (i > at || unicode.Is(unicode.Hangul, firstRune(w))) {
				best, bestAt = k, i
			}
		}
	}
	return best
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// countsOf reports whether a fact's English answer gives a number of the
// noun countNouns[k] names: a number with the noun within a few words of
// it, before or after.
func countsOf(f *facts.Fact, k int) bool {
	words := strings.Fields(strings.ToLower(dayIn.ReplaceAllString(f.Answer.EN, " ")))
	for i, w := range words {
		if !countWord.MatchString(w) {
			continue
		}
		for j := max(0, i-8); j < min(len(words), i+5); j++ {
			for _, s := range countNouns[k].stated {
				if strings.Contains(words[j], s) {
					return true
				}
			}
		}
	}
	return false
}

// countWord is a number written in digits or spelt out.
var countWord = regexp.MustCompile(`^(?:\$?[\d][\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred|thousand)\b|-day$`)

// counts reports whether f gives a number of what a "how many" question
// counts; true when the question counts nothing countNouns knows.
func (m *Matcher) counts(q string, f *facts.Fact) bool {
	k := askedCount(q)
	return k < 0 || countsOf(f, k)
}
