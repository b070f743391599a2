package facts

import "strings"

// The voice rule: a claim that is one party's statement, plan, wish or
// forecast is told as theirs in every language ("South Korea said it
// wishes to…"), never in the bot's own voice ("South Korea wishes to…").
// A fact's quotes say when a claim is someone's; its answers must then
// attribute it. What counts as attributing is read from the wording, so
// this catches a bare claim, not a wrong speaker: who is named is the
// curator's to check.

// claimMarks in a quote show that it reports a statement, a plan, a wish
// or a forecast (lower-case, matched with spaces around the quote).
var claimMarks = []string{" said", " says", "according to", "plans to", " will ", "wishes", " hope", " aims",
	"expected", "anticipated", "forecast", " could "}

// attributions are the words with which an answer gives a claim to its
// speaker, by language (lower-case, matched anywhere).
var attributions = map[Lang][]string{
	EN: {"according to", "said", "says", "reported", "wrote", "noted", "called", "announced", "stated", "expect",
		"plan", "propos", "agreed", "hoped", "wish", "aim", "analy", "in the view of"},
	KO: {"따르면", "밝혔", "말했", "보도", "전했", "적었", "발표", "제안", "합의", "기대", "계획", "희망", "목표", "전망", "분석", "평가"},
	RU: {"по данным", "сообщ", "заявил", "заявля", "отмеча", "пишет", "писал", "согласно", "предлож", "договорил",
		"по словам", "говорится", "рассчитыва", "планир", "намерен", "надеж", "ожида", "прогноз", "выразил", "по оценке", "считает"},
}

// claimMark returns the mark that shows one of the quotes reports
// someone's claim, or "".
func claimMark(sources []Source) string {
	for _, s := range sources {
		q := " " + strings.ToLower(collapseSpace(s.Quote)) + " "
		for _, m := range claimMarks {
			if strings.Contains(q, m) {
				return strings.TrimSpace(m)
			}
		}
	}
	return ""
}

// attributes reports whether an answer gives its claim to a speaker.
func attributes(answer string, lang Lang) bool {
	a := strings.ToLower(answer)
	for _, w := range attributions[lang] {
		if strings.Contains(a, w) {
			return true
		}
	}
	return false
}
