package commands

import (
	"fmt"

	"github.com/ninebridges/ninebridges/facts"
)

// msgID names one text of the catalogue. The texts live in an array indexed
// by msgID so that a missing translation is a test failure, not a blank
// message in production.
type msgID int

const (
	msgApology msgID = iota
	msgUnknownCommand
	msgStaleButton
	msgBadInteger
	msgBadString

	// /ask, context menu and free text
	msgDate
	msgExternal
	msgDidYouMean
	msgInDocument
	msgNoMessageText

	// /fact
	msgNoFact

	// /timeline
	msgTimelineTitle
	msgPage
	msgPrev
	msgNext
	msgBadDate
	msgFromAfterTo
	msgUnknownTopic
	msgNoEvents
	msgEventCount

	// /onthisday
	msgOnThisDayTitle
	msgNothingToday
	msgNothingAtAll
	msgBadMonthDay

	// /trade, /exchanges
	msgYearHeader
	msgNoYear
	msgNoFigures
	msgPartial
	msgApprox
	msgSources
	msgSeriesHint
	msgAlsoSeries

	// /sources
	msgSourcesTitle
	msgSourcesIntro
	msgCitedBy

	// /about, /help
	msgAboutTitle
	msgAboutBody
	msgHelpTitle
	msgHelpIntro
	msgFacts
	msgDocuments
	msgTopics
	msgYears
	msgEvents
	msgHowToAsk
	msgHowToAskBody
	msgCommandsField

	// scheduled posts and /reminders (reminders*.go)

	msgCount // must stay last
)

// catalogue holds every text the package shows, in English, Korean and
// Russian. Format verbs must match across the three languages (a test checks
// this); explicit argument indexes let a language reorder them.
var catalogue = Catalogue[msgID]{
	msgApology: {
		EN: "Sorry — something went wrong on my side. Please try again in a moment.",
		KO: "죄송합니다. 제 쪽에서 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.",
		RU: "Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.",
	},
	msgUnknownCommand: {
		EN: "I don't know that command. Type %[1]s to see what I can do.",
		KO: "모르는 명령입니다. %[1]s을(를) 입력하면 쓸 수 있는 명령을 볼 수 있습니다.",
		RU: "Такой команды я не знаю. Наберите %[1]s, чтобы увидеть, что я умею.",
	},
	msgStaleButton: {
		EN: "That button no longer works. Please run the command again.",
		KO: "이 버튼은 더 이상 쓸 수 없습니다. 명령을 다시 실행해 주세요.",
		RU: "Эта кнопка больше не работает. Выполните команду ещё раз.",
	},
	msgBadInteger: {
		EN: "`%[1]s` should be a whole number, for example %[2]s.",
		KO: "`%[1]s`에는 정수를 입력해 주세요. 예: %[2]s",
		RU: "`%[1]s` — целое число, например %[2]s.",
	},
	msgBadString: {
		EN: "`%[1]s` should be text.",
		KO: "`%[1]s`에는 글자를 입력해 주세요.",
		RU: "`%[1]s` должно быть текстом.",
	},

	msgDate: {EN: "Date", KO: "날짜", RU: "Дата"},
	msgExternal: {
		EN: "From outside the source documents:",
		KO: "원문 자료 밖의 출처:",
		RU: "Вне исходных документов:",
	},
	msgDidYouMean: {
		EN: "Did you mean:",
		KO: "혹시 이런 질문인가요?",
		RU: "Возможно, вы имели в виду:",
	},
	msgInDocument: {
		EN: "Read it in the document",
		KO: "원문에서 보기",
		RU: "Открыть в документе",
	},
	msgNoMessageText: {
		EN: "That message has no text I can read. Pick a message with a question in it.",
		KO: "이 메시지에는 읽을 수 있는 글이 없습니다. 질문이 담긴 메시지를 골라 주세요.",
		RU: "В этом сообщении нет текста, который я могу прочитать. Выберите сообщение с вопросом.",
	},

	msgNoFact: {
		EN: "No fact `%[1]s`. Start typing in %[2]s to pick one.",
		KO: "`%[1]s` 항목은 없습니다. %[2]s에 입력을 시작하면 목록에서 고를 수 있습니다.",
		RU: "Факта `%[1]s` нет. Начните вводить текст в %[2]s и выберите факт из списка.",
	},

	msgTimelineTitle: {EN: "Korea–Russia timeline", KO: "한러 관계 연표", RU: "Хроника отношений Кореи и России"},
	msgPage: {
		EN: "Page %[1]d of %[2]d",
		KO: "%[1]d/%[2]d쪽",
		RU: "Стр. %[1]d из %[2]d",
	},
	msgPrev: {EN: "Previous", KO: "이전", RU: "Назад"},
	msgNext: {EN: "Next", KO: "다음", RU: "Далее"},
	msgBadDate: {
		EN: "`%[1]s` is not a date I understand. Use YYYY, YYYY-MM or YYYY-MM-DD, for example 2018 or 2019-06.",
		KO: "`%[1]s`은(는) 알 수 없는 날짜입니다. YYYY, YYYY-MM, YYYY-MM-DD 형식으로 입력해 주세요. 예: 2018, 2019-06",
		RU: "Не понимаю дату `%[1]s`. Используйте формат ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД, например 2018 или 2019-06.",
	},
	msgFromAfterTo: {
		EN: "The start (%[1]s) is after the end (%[2]s). Swap them and try again.",
		KO: "시작(%[1]s)이 끝(%[2]s)보다 늦습니다. 두 날짜를 바꿔서 다시 시도해 주세요.",
		RU: "Начало (%[1]s) позже конца (%[2]s). Поменяйте даты местами и попробуйте снова.",
	},
	msgUnknownTopic: {
		EN: "I have no topic `%[1]s`. Pick one from the list: %[2]s.",
		KO: "`%[1]s` 주제는 없습니다. 목록에서 골라 주세요: %[2]s.",
		RU: "Темы `%[1]s` нет. Выберите тему из списка: %[2]s.",
	},
	msgNoEvents: {
		EN: "My sources have no events in that range. Try a wider range, or leave out the topic.",
		KO: "이 기간에는 제 자료에 있는 사건이 없습니다. 기간을 넓히거나 주제를 빼고 다시 시도해 주세요.",
		RU: "За этот период в моих источниках событий нет. Расширьте период или уберите тему.",
	},
	msgEventCount: {
		EN: "%[1]d events",
		KO: "사건 %[1]d건",
		RU: "событий: %[1]d",
	},

	msgOnThisDayTitle: {EN: "On this day: %[1]s", KO: "이날의 한러 관계: %[1]s", RU: "В этот день: %[1]s"},
	msgNothingToday: {
		EN: "Nothing on this day in my sources — the next dated event is %[1]s: %[2]s.",
		KO: "제 자료에는 이날 있었던 일이 없습니다. 다음으로 날짜가 있는 사건은 %[1]s의 「%[2]s」입니다.",
		RU: "В моих источниках на этот день ничего нет. Ближайшее следующее событие — %[1]s: %[2]s.",
	},
	msgNothingAtAll: {
		EN: "Nothing on this day in my sources.",
		KO: "제 자료에는 이날 있었던 일이 없습니다.",
		RU: "В моих источниках на этот день ничего нет.",
	},
	msgBadMonthDay: {
		EN: "`%[1]s` is not a day I understand. Use MM-DD or YYYY-MM-DD, for example 11-08 or 2018-11-08.",
		KO: "`%[1]s`은(는) 알 수 없는 날짜입니다. MM-DD 또는 YYYY-MM-DD 형식으로 입력해 주세요. 예: 11-08, 2018-11-08",
		RU: "Не понимаю день `%[1]s`. Используйте формат ММ-ДД или ГГГГ-ММ-ДД, например 11-08 или 2018-11-08.",
	},

	// Padded so the year column lines up in a monospace table: two Hangul
	// syllables are as wide as four digits.
	msgYearHeader: {EN: "Year", KO: "연도", RU: "Год "},
	msgNoYear: {
		EN: "I have no figure for %[1]d. I have figures for %[2]s — try %[3]s.",
		KO: "%[1]d년 자료는 없습니다. 자료가 있는 해는 %[2]s년입니다. 예: %[3]s",
		RU: "Данных за %[1]d г. у меня нет. Есть данные за %[2]s гг. — попробуйте %[3]s.",
	},
	msgNoFigures: {
		EN: "My sources have no figures for this yet.",
		KO: "아직 이에 관한 수치 자료가 없습니다.",
		RU: "Цифр по этому вопросу в моих источниках пока нет.",
	},
	msgPartial: {
		EN: "* %[1]d: as of %[2]s only (partial year)",
		KO: "* %[1]d년: %[2]s 기준 (연간 전체 아님)",
		RU: "* %[1]d: по состоянию на %[2]s (неполный год)",
	},
	msgApprox:  {EN: "≈ approximate figure", KO: "≈ 근삿값", RU: "≈ приблизительное значение"},
	msgSources: {EN: "Sources", KO: "출처", RU: "Источники"},
	msgSeriesHint: {
		EN: "For one year's figure with its sources, try %[1]s.",
		KO: "한 해의 수치와 출처를 보려면 %[1]s처럼 입력해 보세요.",
		RU: "Цифра за один год с источниками: %[1]s.",
	},
	msgAlsoSeries: {
		EN: "Also in my sources: %[1]s",
		KO: "이 밖의 자료: %[1]s",
		RU: "Также в моих источниках: %[1]s",
	},

	msgSourcesTitle: {EN: "My sources", KO: "참고 자료", RU: "Мои источники"},
	msgSourcesIntro: {
		EN: "Every answer quotes one of these %[1]d documents.",
		KO: "모든 답변은 아래 문서 %[1]d건 가운데 하나를 인용합니다.",
		RU: "Каждый ответ опирается на цитату из одного из этих документов (всего %[1]d).",
	},
	msgCitedBy: {
		EN: "cited by %[1]d facts",
		KO: "사실 %[1]d건에서 인용",
		RU: "цитируется в фактах: %[1]d",
	},

	msgAboutTitle: {EN: "About Nine Bridges", KO: "Nine Bridges 소개", RU: "О Nine Bridges"},
	msgAboutBody: {
		EN: "I answer questions about relations between the Republic of Korea and Russia from a small, curated set of source documents. Every answer quotes its source, and when my sources don't say, I tell you so.",
		KO: "저는 대한민국과 러시아의 관계에 관한 질문에 엄선된 원문 자료만을 근거로 답합니다. 모든 답변에는 출처 인용이 붙고, 자료에 없는 내용은 모른다고 말씀드립니다.",
		RU: "Я отвечаю на вопросы об отношениях Республики Корея и России по небольшой подборке проверенных документов. К каждому ответу прилагается цитата из источника, а если в источниках ответа нет, я так и говорю.",
	},
	msgHelpTitle: {EN: "Nine Bridges — help", KO: "Nine Bridges 도움말", RU: "Nine Bridges — справка"},
	msgHelpIntro: {
		EN: "I know %[1]d facts from %[2]d documents on %[3]d topics, covering %[4]s.",
		KO: "문서 %[2]d건에서 뽑은 사실 %[1]d건을 알고 있습니다. 주제 %[3]d개, 기간 %[4]s.",
		RU: "В моей базе фактов — %[1]d, документов — %[2]d, тем — %[3]d; период — %[4]s.",
	},
	msgFacts:     {EN: "Facts", KO: "사실", RU: "Факты"},
	msgDocuments: {EN: "Documents", KO: "문서", RU: "Документы"},
	msgTopics:    {EN: "Topics", KO: "주제", RU: "Темы"},
	msgYears:     {EN: "Years covered", KO: "다루는 기간", RU: "Период"},
	msgEvents:    {EN: "Timeline events", KO: "연표 사건", RU: "События хроники"},
	msgHowToAsk:  {EN: "How to ask", KO: "질문하는 법", RU: "Как спросить"},
	msgHowToAskBody: {
		EN: "Use %[1]s, mention me or send me a direct message — in English, Korean or Russian. You can also open a message's menu → Apps → %[2]s.",
		KO: "%[1]s 명령을 쓰거나, 저를 멘션하거나, 저에게 DM을 보내 주세요. 한국어, 영어, 러시아어 모두 됩니다. 메시지 메뉴 → 앱 → %[2]s도 쓸 수 있습니다.",
		RU: "Используйте %[1]s, упомяните меня или напишите мне в личные сообщения — по-русски, по-корейски или по-английски. Ещё можно открыть меню сообщения → Приложения → %[2]s.",
	},
	msgCommandsField: {EN: "Commands", KO: "명령", RU: "Команды"},

	// Plural forms: English uses One and Many; Russian all three; Korean
	// has one form (see plural in reminders_render.go).
}

// tr returns text id in lang, formatted with args.
func tr(lang facts.Lang, id msgID, args ...any) string { return catalogue.T(lang, id, args...) }

// Text is what Discord shows for a command, option or choice: its name
// and description in the three languages.
type Text struct {
	Name        facts.Text // localized names; EN is the canonical name
	Description facts.Text
}

// Command, option and choice texts. The English name is what Discord sends
// back in interactions, whatever the user's locale.
var (
	txtAsk = Text{
		Name:        facts.Text{EN: "ask", KO: "질문", RU: "спросить"},
		Description: facts.Text{EN: "Ask a question about Korea–Russia relations", KO: "한러 관계에 대해 질문하기", RU: "Задать вопрос об отношениях Кореи и России"},
	}
	txtQuestion = Text{
		Name:        facts.Text{EN: "question", KO: "질문", RU: "вопрос"},
		Description: facts.Text{EN: "Your question, in English, Korean or Russian", KO: "질문 (한국어, 영어, 러시아어)", RU: "Ваш вопрос — по-русски, по-корейски или по-английски"},
	}
	txtFact = Text{
		Name:        facts.Text{EN: "fact", KO: "사실", RU: "факт"},
		Description: facts.Text{EN: "Show one fact with all its sources", KO: "사실 하나를 모든 출처와 함께 보기", RU: "Показать факт со всеми источниками"},
	}
	txtID = Text{
		Name:        facts.Text{EN: "id", KO: "항목", RU: "факт"},
		Description: facts.Text{EN: "The fact — start typing to search", KO: "항목 — 입력하면 검색됩니다", RU: "Факт — начните вводить для поиска"},
	}
	txtTimeline = Text{
		Name:        facts.Text{EN: "timeline", KO: "연표", RU: "хроника"},
		Description: facts.Text{EN: "Key events in Korea–Russia relations, in order", KO: "한러 관계 주요 사건 연표", RU: "Ключевые события отношений Кореи и России по порядку"},
	}
	txtFrom = Text{
		Name:        facts.Text{EN: "from", KO: "시작", RU: "от"},
		Description: facts.Text{EN: "From (YYYY, YYYY-MM or YYYY-MM-DD)", KO: "시작 시점 (YYYY, YYYY-MM, YYYY-MM-DD)", RU: "С какого времени (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)"},
	}
	txtTo = Text{
		Name:        facts.Text{EN: "to", KO: "끝", RU: "до"},
		Description: facts.Text{EN: "To (YYYY, YYYY-MM or YYYY-MM-DD)", KO: "끝 시점 (YYYY, YYYY-MM, YYYY-MM-DD)", RU: "По какое время (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)"},
	}
	txtTopic = Text{
		Name:        facts.Text{EN: "topic", KO: "주제", RU: "тема"},
		Description: facts.Text{EN: "Only events on this topic", KO: "이 주제의 사건만 보기", RU: "Только события по этой теме"},
	}
	txtOnThisDay = Text{
		Name:        facts.Text{EN: "onthisday", KO: "오늘의역사", RU: "в-этот-день"},
		Description: facts.Text{EN: "What happened on this day in Korea–Russia relations", KO: "오늘 같은 날 한러 관계에서 있었던 일", RU: "Что происходило в этот день в отношениях Кореи и России"},
	}
	txtDay = Text{
		Name:        facts.Text{EN: "date", KO: "날짜", RU: "дата"},
		Description: facts.Text{EN: "The day (MM-DD or YYYY-MM-DD); today if left out", KO: "날짜 (MM-DD 또는 YYYY-MM-DD), 비우면 오늘", RU: "День (ММ-ДД или ГГГГ-ММ-ДД); по умолчанию сегодня"},
	}
	txtTrade = Text{
		Name:        facts.Text{EN: "trade", KO: "교역", RU: "торговля"},
		Description: facts.Text{EN: "Korea–Russia trade volume by year", KO: "연도별 한러 교역액", RU: "Товарооборот Кореи и России по годам"},
	}
	txtExchanges = Text{
		Name:        facts.Text{EN: "exchanges", KO: "교류", RU: "обмены"},
		Description: facts.Text{EN: "People-to-people exchanges between Korea and Russia by year", KO: "연도별 한러 인적 교류", RU: "Взаимные поездки граждан Кореи и России по годам"},
	}
	txtYear = Text{
		Name:        facts.Text{EN: "year", KO: "연도", RU: "год"},
		Description: facts.Text{EN: "One year, for its figure with sources", KO: "연도 (그해 수치와 출처 보기)", RU: "Год — цифра за этот год с источниками"},
	}
	txtSources = Text{
		Name:        facts.Text{EN: "sources", KO: "출처", RU: "источники"},
		Description: facts.Text{EN: "The documents my answers come from", KO: "답변의 근거가 되는 문서", RU: "Документы, на которых основаны ответы"},
	}
	txtAbout = Text{
		Name:        facts.Text{EN: "about", KO: "소개", RU: "о-боте"},
		Description: facts.Text{EN: "What Nine Bridges knows", KO: "Nine Bridges가 아는 것", RU: "Что знает Nine Bridges"},
	}
	txtHelp = Text{
		Name:        facts.Text{EN: "help", KO: "도움말", RU: "помощь"},
		Description: facts.Text{EN: "How to use Nine Bridges", KO: "Nine Bridges 사용법", RU: "Как пользоваться Nine Bridges"},
	}
	// A message command has a display name (spaces and capitals allowed)
	// and no description.
	txtAskMessage = Text{
		Name: facts.Text{EN: "Ask Nine Bridges", KO: "Nine Bridges에 묻기", RU: "Спросить Nine Bridges"},
	}
)

var ruMonthsGen = [...]string{"", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// monthDay formats a day of the year without the year, in lang.
func monthDay(m int, d int, lang facts.Lang) string {
	switch lang {
	case facts.KO:
		return fmt.Sprintf("%d월 %d일", m, d)
	case facts.RU:
		return fmt.Sprintf("%d %s", d, ruMonthsGen[m])
	}
	return fmt.Sprintf("%d %s", d, [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[m])
}
