package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// langOf is the language a request is answered in: ?lang= when it names
// one of ours, else the best of Accept-Language, else English. explicit
// reports a ?lang= that was honoured.
func langOf(r *http.Request) (lang facts.Lang, explicit bool) {
	if l, err := facts.ParseLang(r.URL.Query().Get("lang")); err == nil {
		return l, true
	}
	return acceptLang(r.Header.Get("Accept-Language")), false
}

// acceptLang picks en, ko or ru from an Accept-Language header by its
// quality values ("ko-KR,ko;q=0.9,en;q=0.8" is Korean); ties keep the
// header's order. Anything unparsable counts as absent.
func acceptLang(header string) facts.Lang {
	best, bestQ := facts.EN, 0.0
	// A header is short; a hostile one is cut rather than parsed whole.
	if len(header) > 512 {
		header = header[:512]
	}
	for part := range strings.SplitSeq(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		l, err := facts.ParseLang(primary)
		if err != nil || q <= bestQ {
			continue
		}
		best, bestQ = l, q
	}
	return best
}

// langNames are each language's name in itself, for the switcher.
var langNames = map[facts.Lang]string{facts.EN: "English", facts.KO: "한국어", facts.RU: "Русский"}

// msg is one piece of the site's own text in every language.
type msg = facts.Text

// t is the site's text for key in lang, formatted with args. A missing key
// is a bug that TestCatalogue catches; at run time it shows the key.
func t(lang facts.Lang, key string, args ...any) string {
	m, ok := catalogue[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return m.In(lang)
	}
	return fmt.Sprintf(m.In(lang), args...)
}

// catalogue is the site's own text. The answers, titles and quotes come
// from the fact base; this is only the frame around them.
var catalogue = map[string]msg{
	"site.name":    {EN: "Nine Bridges", KO: "Nine Bridges", RU: "Nine Bridges"},
	"site.tagline": {EN: "Korea–Russia relations, every answer quoted from its source", KO: "한러 관계 — 모든 답에 원문 출처를", RU: "Отношения Кореи и России — каждый ответ с цитатой из источника"},
	"skip":         {EN: "Skip to the content", KO: "본문으로 건너뛰기", RU: "Перейти к содержанию"},
	"nav.label":    {EN: "Site", KO: "사이트", RU: "Разделы"},
	"nav.ask":      {EN: "Ask", KO: "질문", RU: "Вопрос"},
	"nav.timeline": {EN: "Timeline", KO: "연표", RU: "Хроника"},
	"nav.sources":  {EN: "Sources", KO: "출처", RU: "Источники"},
	"nav.about":    {EN: "About", KO: "소개", RU: "О проекте"},
	"lang.label":   {EN: "Language", KO: "언어", RU: "Язык"},
	"footer.proof": {EN: "Every answer is traceable to a verbatim quote in one of %d source documents.", KO: "모든 답은 원문 문서 %d건 가운데 한 곳의 인용문으로 확인할 수 있습니다.", RU: "Каждый ответ подкреплён дословной цитатой из одного из %d исходных документов."},
	"footer.api":   {EN: "JSON API", KO: "JSON API", RU: "JSON API"},

	"home.title":         {EN: "Ask about Korea–Russia relations", KO: "한러 관계에 대해 물어보세요", RU: "Спросите об отношениях Кореи и России"},
	"home.intro":         {EN: "Answers come from %d curated facts drawn from %d documents. Each one links to the passage it quotes.", KO: "문서 %[2]d건에서 가려 뽑은 사실 %[1]d건으로 답합니다. 모든 답은 인용한 대목으로 연결됩니다.", RU: "Ответы берутся из %d проверенных фактов, извлечённых из %d документов. Каждый ответ ведёт к цитируемому отрывку."},
	"search.label":       {EN: "Your question", KO: "질문", RU: "Ваш вопрос"},
	"search.hint":        {EN: "In English, Korean or Russian, up to %d characters — for example “%s”.", KO: "한국어, 영어, 러시아어로 %d자까지 — 예: “%s”", RU: "По-русски, по-корейски или по-английски, до %d символов — например, «%s»."},
	"search.example":     {EN: "What was the trade volume in 2019?", KO: "2019년 한러 교역액은 얼마였나요?", RU: "Каким был товарооборот в 2019 году?"},
	"search.button":      {EN: "Ask", KO: "묻기", RU: "Спросить"},
	"answer.heading":     {EN: "Answer", KO: "답", RU: "Ответ"},
	"answer.none":        {EN: "No answer", KO: "답할 수 없는 질문", RU: "Нет ответа"},
	"answer.question":    {EN: "You asked", KO: "질문", RU: "Ваш вопрос"},
	"answer.open":        {EN: "Open the fact", KO: "사실 자세히 보기", RU: "Открыть факт"},
	"answer.score":       {EN: "match score %.2f", KO: "일치도 %.2f", RU: "совпадение %.2f"},
	"didyoumean":         {EN: "Did you mean:", KO: "혹시 이런 질문인가요?", RU: "Возможно, вы имели в виду:"},
	"answer.followups":   {EN: "More on this", KO: "이와 관련해 더 보기", RU: "Ещё об этом"},
	"browse.heading":     {EN: "Browse by topic", KO: "주제별로 보기", RU: "Темы"},
	"browse.count":       {EN: "%d facts", KO: "사실 %d건", RU: "фактов: %d"},
	"toolong":            {EN: "That question is longer than %d characters. Please shorten it.", KO: "질문이 %d자를 넘습니다. 줄여서 다시 물어봐 주세요.", RU: "Вопрос длиннее %d символов. Сократите его, пожалуйста."},
	"ratelimited":        {EN: "Too many questions at once. Please wait %d seconds and try again.", KO: "질문이 너무 잦습니다. %d초 뒤에 다시 시도해 주세요.", RU: "Слишком много вопросов подряд. Подождите %d с и попробуйте снова."},
	"verdict.heading":    {EN: "What the sources say", KO: "자료의 판단", RU: "Что говорят источники"},
	"kind.computed":      {EN: "Worked out from the facts below", KO: "아래 사실들로 계산한 답", RU: "Вычислено по фактам ниже"},
	"answer.facts":       {EN: "Facts used", KO: "근거가 된 사실", RU: "Использованные факты"},
	"fact.answer":        {EN: "Answer", KO: "답", RU: "Ответ"},
	"fact.otherlangs":    {EN: "In the other languages", KO: "다른 언어로", RU: "На других языках"},
	"fact.date":          {EN: "Date", KO: "날짜", RU: "Дата"},
	"fact.value":         {EN: "Figure", KO: "수치", RU: "Значение"},
	"fact.topic":         {EN: "Topic", KO: "주제", RU: "Тема"},
	"fact.id":            {EN: "Fact id", KO: "사실 ID", RU: "ID факта"},
	"fact.series":        {EN: "Series", KO: "계열", RU: "Ряд"},
	"fact.sources":       {EN: "Sources", KO: "출처", RU: "Источники"},
	"fact.inDoc":         {EN: "Read it in the document", KO: "원문에서 보기", RU: "Открыть в документе"},
	"fact.external":      {EN: "From outside the source documents", KO: "원문 자료 밖의 출처", RU: "Вне исходных документов"},
	"fact.read":          {EN: "read %s", KO: "%s 확인", RU: "просмотрено %s"},
	"fact.related":       {EN: "Related facts", KO: "관련 사실", RU: "Связанные факты"},
	"fact.partial":       {EN: "as of %s only (partial year)", KO: "%s 기준 (연간 전체 아님)", RU: "по состоянию на %s (неполный год)"},
	"fact.approx":        {EN: "approximate", KO: "근삿값", RU: "приблизительно"},
	"fact.header":        {EN: "in the document's header", KO: "문서 머리글에서", RU: "в заголовке документа"},
	"docs.title":         {EN: "Source documents", KO: "원문 자료", RU: "Исходные документы"},
	"docs.intro":         {EN: "Every answer quotes one of these %d documents. Open one to see each quoted passage highlighted.", KO: "모든 답은 아래 문서 %d건 가운데 하나를 인용합니다. 문서를 열면 인용된 대목이 강조되어 있습니다.", RU: "Каждый ответ цитирует один из этих документов (всего %d). Откройте документ, чтобы увидеть выделенные цитаты."},
	"docs.citedby":       {EN: "cited by %d facts", KO: "사실 %d건에서 인용", RU: "цитируется в фактах: %d"},
	"doc.title":          {EN: "Title", KO: "제목", RU: "Заголовок"},
	"doc.publisher":      {EN: "Publisher", KO: "발행", RU: "Издатель"},
	"doc.published":      {EN: "Published", KO: "발행일", RU: "Опубликовано"},
	"doc.kind":           {EN: "Kind", KO: "종류", RU: "Тип"},
	"doc.text":           {EN: "Full text", KO: "전문", RU: "Полный текст"},
	"doc.margin":         {EN: "Facts quoting this paragraph", KO: "이 단락을 인용한 사실", RU: "Факты, цитирующие этот абзац"},
	"doc.passages":       {EN: "%d quoted passages; the highlighted text is quoted by the facts in the margin.", KO: "인용된 대목 %d곳. 강조된 글은 옆에 적힌 사실들이 인용한 부분입니다.", RU: "Цитируемых отрывков: %d. Выделенный текст цитируют факты на полях."},
	"doc.show":           {EN: "show", KO: "보기", RU: "показать"},
	"timeline.title":     {EN: "Korea–Russia timeline", KO: "한러 관계 연표", RU: "Хроника отношений Кореи и России"},
	"timeline.filter":    {EN: "Filter the timeline", KO: "연표 거르기", RU: "Фильтр хроники"},
	"timeline.topic":     {EN: "Topic", KO: "주제", RU: "Тема"},
	"timeline.year":      {EN: "Year", KO: "연도", RU: "Год"},
	"timeline.all":       {EN: "All", KO: "전체", RU: "Все"},
	"timeline.apply":     {EN: "Show", KO: "보기", RU: "Показать"},
	"timeline.count":     {EN: "%d events", KO: "사건 %d건", RU: "событий: %d"},
	"timeline.none":      {EN: "My sources have no events for that choice. Try another year or all topics.", KO: "이 조건에 맞는 사건이 제 자료에는 없습니다. 다른 연도나 전체 주제로 다시 보세요.", RU: "Для такого выбора событий в моих источниках нет. Выберите другой год или все темы."},
	"timeline.badtopic":  {EN: "There is no topic “%s”; showing all topics.", KO: "“%s” 주제는 없습니다. 전체 주제를 보여 드립니다.", RU: "Темы «%s» нет; показаны все темы."},
	"timeline.badyear":   {EN: "“%s” is not a year I have; showing all years.", KO: "“%s”은(는) 자료에 있는 연도가 아닙니다. 전체 연도를 보여 드립니다.", RU: "«%s» — нет такого года в источниках; показаны все годы."},
	"series.table":       {EN: "The figures and their sources", KO: "수치와 출처", RU: "Значения и источники"},
	"series.year":        {EN: "Year", KO: "연도", RU: "Год"},
	"series.value":       {EN: "Value", KO: "값", RU: "Значение"},
	"series.source":      {EN: "Source", KO: "출처", RU: "Источник"},
	"series.chart":       {EN: "Chart of %s by year, %d–%d; the table below gives every figure.", KO: "%s 연도별 차트 (%d–%d년). 모든 수치는 아래 표에 있습니다.", RU: "График: %s по годам, %d–%d; все значения — в таблице ниже."},
	"series.all":         {EN: "Figures", KO: "수치", RU: "Цифры"},
	"about.title":        {EN: "About Nine Bridges", KO: "Nine Bridges 소개", RU: "О Nine Bridges"},
	"about.body":         {EN: "Nine Bridges answers questions about relations between the Republic of Korea and Russia from a small, curated set of source documents — on Discord, on the command line and here. Every answer quotes its source, and when the sources don't say, it says so.", KO: "Nine Bridges는 대한민국과 러시아의 관계에 관한 질문에 엄선된 원문 자료만을 근거로 답합니다. Discord, 명령줄, 그리고 이 사이트에서 같은 답을 드립니다. 모든 답에는 출처 인용이 붙고, 자료에 없는 내용은 모른다고 말씀드립니다.", RU: "Nine Bridges отвечает на вопросы об отношениях Республики Корея и России по небольшой подборке проверенных документов — в Discord, в командной строке и здесь. К каждому ответу прилагается цитата из источника, а если в источниках ответа нет, он так и говорит."},
	"about.knows":        {EN: "What it knows", KO: "아는 것", RU: "Что известно"},
	"about.counts":       {EN: "%d facts from %d documents on %d topics, covering %s, with %d timeline events and %d series of figures.", KO: "문서 %[2]d건에서 뽑은 사실 %[1]d건, 주제 %[3]d개, 기간 %[4]s, 연표 사건 %[5]d건, 수치 계열 %[6]d개.", RU: "%d фактов из %d документов по %d темам за %s; событий хроники — %d, рядов цифр — %d."},
	"about.sources":      {EN: "The sources", KO: "원문 자료", RU: "Источники"},
	"about.refuses":      {EN: "How it refuses", KO: "답하지 않는 경우", RU: "Когда он не отвечает"},
	"about.refusesIntro": {EN: "An answer it cannot trace to a quote is not given. Instead it says why:", KO: "인용으로 뒷받침할 수 없는 답은 하지 않고, 그 이유를 말합니다.", RU: "Ответ, который нельзя подтвердить цитатой, не даётся. Вместо этого объясняется причина:"},
	"about.api":          {EN: "For programs", KO: "프로그램에서 쓰기", RU: "Для программ"},
	"about.apiBody":      {EN: "The same answers and facts are served as JSON, read-only, under /api/v1/; the OpenAPI description is at", KO: "같은 답과 사실을 /api/v1/ 아래에서 읽기 전용 JSON으로 제공합니다. OpenAPI 명세:", RU: "Те же ответы и факты доступны в JSON (только чтение) по адресу /api/v1/; описание OpenAPI:"},
	"topic.title":        {EN: "Topic: %s", KO: "주제: %s", RU: "Тема: %s"},
	"notfound.title":     {EN: "Not found", KO: "찾을 수 없습니다", RU: "Не найдено"},
	"notfound.body":      {EN: "There is no page here. Ask a question, or browse the topics.", KO: "이 주소에는 페이지가 없습니다. 질문을 하거나 주제별로 둘러보세요.", RU: "Такой страницы нет. Задайте вопрос или посмотрите темы."},
	"error.title":        {EN: "Something went wrong", KO: "문제가 생겼습니다", RU: "Что-то пошло не так"},
	"error.body":         {EN: "The page could not be shown. Please try again.", KO: "페이지를 보여 드리지 못했습니다. 다시 시도해 주세요.", RU: "Не удалось показать страницу. Попробуйте ещё раз."},
}

// reasons say, in the reader's words, why a question was not answered;
// /about lists them. Keys are match.Reason and answer's reasons.
var reasons = []struct {
	Key  string
	Text msg
}{
	{"not-found", msg{EN: "nothing in the sources matches the question well enough", KO: "자료에 질문과 충분히 맞는 내용이 없을 때", RU: "в источниках нет ничего, что достаточно точно отвечает на вопрос"}},
	{"ambiguous", msg{EN: "two facts fit about equally: it asks which one you meant", KO: "두 사실이 비슷하게 맞을 때 — 어느 쪽인지 되묻습니다", RU: "два факта подходят одинаково — он уточняет, какой имелся в виду"}},
	{"missing-year", msg{EN: "the figure exists for other years, not the one asked", KO: "다른 해의 수치는 있지만 물어본 해의 수치가 없을 때", RU: "цифры есть за другие годы, но не за запрошенный"}},
	{"missing-detail", msg{EN: "the fact is known but not the detail asked (a cost, an age)", KO: "사실은 있지만 물어본 세부 사항(비용, 나이 등)이 없을 때", RU: "факт известен, но не запрошенная подробность (стоимость, возраст)"}},
	{"out-of-range", msg{EN: "the question is about a time after the sources end", KO: "자료가 끝난 뒤의 일을 물을 때", RU: "вопрос о времени после того, как источники заканчиваются"}},
	{"not-in-sources", msg{EN: "a claim the sources neither bear out nor contradict", KO: "자료가 맞다고도 틀리다고도 하지 않는 주장일 때", RU: "утверждение, которое источники не подтверждают и не опровергают"}},
	{"other-metric", msg{EN: "the only figure is of another measure than the one asked", KO: "물어본 것과 다른 지표의 수치만 있을 때", RU: "есть цифра лишь другого показателя, чем запрошенный"}},
	{"other-country", msg{EN: "the figures asked are another country's, not Korea's and Russia's", KO: "한국과 러시아가 아닌 다른 나라의 수치를 물을 때", RU: "запрошены цифры другой страны, а не Кореи и России"}},
	{"mixed-metrics", msg{EN: "the question mixes figures of different measures", KO: "서로 다른 지표의 수치를 섞어 물을 때", RU: "в вопросе смешаны цифры разных показателей"}},
	{"partial-year", msg{EN: "a figure covers part of a year only and cannot be compared with a full year", KO: "수치가 한 해의 일부만 다뤄 연간 수치와 비교할 수 없을 때", RU: "цифра охватывает лишь часть года и несравнима с годовой"}},
	{"cannot-compute", msg{EN: "the computation asked is not one the figures allow", KO: "수치로는 할 수 없는 계산을 물을 때", RU: "запрошенное вычисление по этим цифрам невозможно"}},
}
