package answer

import (
	"slices"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

// SourcesTopic is the topic of the facts about the documents themselves:
// who published each, who wrote it, when (facts/data/sources.yaml).
const SourcesTopic = "sources"

// sourceWords ask who wrote or published a text, or when: what a fact
// about a document answers. Lower-case; matched as in find.
var sourceWords = []string{
	"who wrote", "who authored", "author", "byline", "written by", "who reported", "which paper", "which newspaper",
	"what paper", "what newspaper", "which outlet", "which publication", "which media", "what media", "who published",
	"who issued", "who released", "published", "issued", "publication", "which documents", "what documents",
	// A question that a fact about a document answered may ask only for
	// its date or its maker: these are enough once retrieval chose such a
	// fact, and say nothing otherwise.
	"when", "date", "dated", "who", "prepared",
	"언제", "날짜", "누가", "작성", "펴낸", "кто", "когда", "дата", "подготовил",
	"누가 썼", "누가 작성", "작성자", "기자", "어느 신문", "어떤 신문", "어느 언론", "어떤 언론", "언론사", "신문사",
	"누가 냈", "누가 발표", "누가 펴냈", "발행", "언제 나왔", "언제 발표", "언제 실렸", "출처", "보도한 신문", "보도한 언론",
	"кто написал", "кто автор", "автор", "какая газета", "какое издание", "какое сми", "кто выпустил", "кто опубликовал",
	"опубликова", "когда вышл", "когда вышел", "кто сообщил", "какая газета сообщила", "источник",
}

// documentWords name a kind of text; a question naming one may be about
// the text ("who wrote the article") or about what it says ("what day
// does the Yonhap article give").
var documentWords = []string{
	"article", "press release", "release", "report", "news report", "story",
	"기사", "보도자료", "보고서", "보도",
	"статье", "статья", "статьи", "пресс-релизе", "пресс-релиз", "доклад", "докладе", "сообщении",
}

// asksSource reports whether the question asks about a text itself rather
// than what it says.
func asksSource(question string) bool {
	q := fold(question)
	for _, w := range sourceWords {
		if find(q, w) >= 0 {
			return true
		}
	}
	return false
}

// aboutTheText keeps a fact about a document for questions about the
// document. "What day did the Yonhap article say the delegation would
// visit Azerbaijan?" names the article but asks what it says: retrieval
// is asked again without the words that name the text, and when that
// finds no other fact the question is not answered.
func (a *Answerer) aboutTheText(question string, lang facts.Lang, r match.Result) match.Result {
	if !r.Confident || r.Fact == nil || r.Fact.Topic != SourcesTopic || asksSource(question) {
		return r
	}
	alt := a.m.Answer(withoutWords(question, slices.Concat(r.Fact.Aliases, documentWords)), lang)
	if alt.Confident && alt.Fact.Topic != SourcesTopic {
		alt.Question = question
		return alt
	}
	return match.Result{Question: question, Lang: r.Lang, Score: r.Score, Reason: match.NotFound, Suggestions: alt.Suggestions}
}

// withoutWords blanks out each of words in the question.
func withoutWords(question string, words []string) string {
	q := fold(question)
	for _, w := range words {
		w = fold(w)
		for {
			i := find(q, w)
			if i < 0 {
				break
			}
			q = q[:i] + strings.Repeat(" ", len(w)) + q[i+len(w):]
		}
	}
	return q
}
