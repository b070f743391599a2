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
	msgYearsAgoOne
	msgYearsAgoFew
	msgYearsAgoMany
	msgYearsOne
	msgYearsFew
	msgYearsMany
	msgAnniversariesTitle
	msgAnniversaryLine
	msgAnniversaryInAWeek
	msgWeeklyTitle
	msgWeeklyFooter
	msgComingUp
	msgKindOnThisDay
	msgKindAnniversaries
	msgKindWeekly
	msgWeekBefore
	msgNextIfEmpty
	msgRemindersOff
	msgStoreDown
	msgRemindersGuildOnly
	msgRemindersNeedManage
	msgBadTime
	msgBadZone
	msgBadLang
	msgBadKinds
	msgBadChannel
	msgCannotPost
	msgBadDay
	msgSubscribed
	msgUnsubscribed
	msgNotSubscribed
	msgListTitle
	msgListEmpty
	msgPaused
	msgPreviewHeader
	msgPreviewDefaults
	msgPreviewEmpty
	msgDisabledNotice

	msgCount // must stay last
)

// catalogue holds every text the package shows, in English, Korean and
// Russian. Format verbs must match across the three languages (a test checks
// this); explicit argument indexes let a language reorder them.
var catalogue = [msgCount]facts.Text{
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
	msgYearsAgoOne:        {EN: "%[1]d year ago", KO: "%[1]d년 전", RU: "%[1]d год назад"},
	msgYearsAgoFew:        {EN: "%[1]d years ago", KO: "%[1]d년 전", RU: "%[1]d года назад"},
	msgYearsAgoMany:       {EN: "%[1]d years ago", KO: "%[1]d년 전", RU: "%[1]d лет назад"},
	msgYearsOne:           {EN: "%[1]d year", KO: "%[1]d주년", RU: "%[1]d год"},
	msgYearsFew:           {EN: "%[1]d years", KO: "%[1]d주년", RU: "%[1]d года"},
	msgYearsMany:          {EN: "%[1]d years", KO: "%[1]d주년", RU: "%[1]d лет"},
	msgAnniversariesTitle: {EN: "Anniversaries", KO: "기념일", RU: "Годовщины"},
	msgAnniversaryLine: {
		EN: "**%[1]s** since %[2]s: %[3]s",
		KO: "%[3]s **%[1]s** (%[2]s)",
		RU: "**%[1]s** со дня события (%[2]s): %[3]s",
	},
	msgAnniversaryInAWeek: {
		EN: "In a week, on %[1]s — %[2]s",
		KO: "일주일 뒤 %[1]s — %[2]s",
		RU: "Через неделю, %[1]s — %[2]s",
	},
	msgWeeklyTitle: {
		EN: "This week in the timeline: %[1]s",
		KO: "이번 주의 한러 관계 연표: %[1]s",
		RU: "Хроника недели: %[1]s",
	},
	msgWeeklyFooter: {
		EN: "Part %[1]d of %[2]d · the whole timeline: %[3]s",
		KO: "%[2]d편 중 %[1]d편 · 전체 연표: %[3]s",
		RU: "Часть %[1]d из %[2]d · вся хроника: %[3]s",
	},
	msgComingUp: {
		EN: "Nothing on this day in my sources. Coming up on %[1]s: %[2]s (%[3]s).",
		KO: "제 자료에는 이날 있었던 일이 없습니다. 다가오는 %[1]s: %[2]s (%[3]s)",
		RU: "В моих источниках на этот день ничего нет. Скоро, %[1]s: %[2]s (%[3]s).",
	},
	msgKindOnThisDay:     {EN: "on this day", KO: "오늘의 역사", RU: "в этот день"},
	msgKindAnniversaries: {EN: "anniversaries", KO: "기념일", RU: "годовщины"},
	msgKindWeekly:        {EN: "weekly timeline (Mondays)", KO: "주간 연표 (월요일)", RU: "хроника недели (по понедельникам)"},
	msgWeekBefore:        {EN: "anniversaries also a week ahead", KO: "기념일은 일주일 전에도 알림", RU: "о годовщинах — и за неделю"},
	msgNextIfEmpty:       {EN: "the next event on quiet days", KO: "없는 날에는 다가오는 사건", RU: "в пустые дни — ближайшее событие"},
	msgRemindersOff: {
		EN: "Scheduled posts are not switched on for this bot.",
		KO: "이 봇에서는 예약 게시가 켜져 있지 않습니다.",
		RU: "Публикации по расписанию у этого бота не включены.",
	},
	msgStoreDown: {
		EN: "The bot cannot save settings right now, so nothing was changed. Please try again later; the bot's operator can see why in its health check.",
		KO: "지금은 봇이 설정을 저장할 수 없어 아무것도 바꾸지 않았습니다. 나중에 다시 시도해 주세요. 봇 운영자는 상태 점검에서 원인을 볼 수 있습니다.",
		RU: "Сейчас бот не может сохранять настройки, поэтому ничего не изменено. Попробуйте позже; оператор бота видит причину в проверке состояния.",
	},
	msgRemindersGuildOnly: {
		EN: "Scheduled posts are set up per server: run this command in a server channel.",
		KO: "예약 게시는 서버마다 설정합니다. 서버 채널에서 이 명령을 실행해 주세요.",
		RU: "Публикации по расписанию настраиваются для сервера: выполните команду в канале сервера.",
	},
	msgRemindersNeedManage: {
		EN: "Only members with the Manage Server permission can set up scheduled posts.",
		KO: "서버 관리 권한이 있는 멤버만 예약 게시를 설정할 수 있습니다.",
		RU: "Настраивать публикации по расписанию могут только участники с правом «Управлять сервером».",
	},
	msgBadTime: {
		EN: "`%[1]s` is not a time I understand. Use HH:MM on a 24-hour clock, for example 09:00 or 18:30.",
		KO: "`%[1]s`은(는) 알 수 없는 시각입니다. 24시간제 HH:MM 형식으로 입력해 주세요. 예: 09:00, 18:30",
		RU: "Не понимаю время `%[1]s`. Используйте формат ЧЧ:ММ (24 часа), например 09:00 или 18:30.",
	},
	msgBadZone: {
		EN: "`%[1]s` is not a time zone I know. Use a name such as Asia/Seoul, Europe/Moscow or America/New_York — start typing to pick one.",
		KO: "`%[1]s`은(는) 알 수 없는 시간대입니다. Asia/Seoul, Europe/Moscow, America/New_York 같은 이름을 쓰거나, 입력을 시작해 목록에서 골라 주세요.",
		RU: "Часовой пояс `%[1]s` мне неизвестен. Укажите название вроде Europe/Moscow, Asia/Seoul или America/New_York — начните вводить и выберите из списка.",
	},
	msgBadLang: {
		EN: "`%[1]s` is not a language I post in. Pick en, ko or ru.",
		KO: "`%[1]s`은(는) 지원하지 않는 언어입니다. en, ko, ru 가운데 골라 주세요.",
		RU: "На языке `%[1]s` я не пишу. Выберите en, ko или ru.",
	},
	msgBadKinds: {
		EN: "`%[1]s` is not a kind of post. Pick from: %[2]s.",
		KO: "`%[1]s`은(는) 알 수 없는 게시 종류입니다. 다음 가운데 골라 주세요: %[2]s.",
		RU: "Вида публикаций `%[1]s` нет. Выберите из: %[2]s.",
	},
	msgBadChannel: {
		EN: "I can only post in a text or announcement channel of this server; %[1]s is not one.",
		KO: "이 서버의 텍스트 채널이나 공지 채널에만 게시할 수 있습니다. %[1]s은(는) 해당하지 않습니다.",
		RU: "Я могу публиковать только в текстовом канале или канале объявлений этого сервера, а %[1]s к ним не относится.",
	},
	msgCannotPost: {
		EN: "I can't post in %[1]s: I need the View Channel, Send Messages and Embed Links permissions there. Nothing was saved.",
		KO: "%[1]s에 게시할 수 없습니다. 그 채널에서 채널 보기, 메시지 보내기, 링크 첨부 권한이 필요합니다. 아무것도 저장하지 않았습니다.",
		RU: "Я не могу публиковать в %[1]s: там нужны права «Просматривать канал», «Отправлять сообщения» и «Встраивать ссылки». Ничего не сохранено.",
	},
	msgBadDay: {
		EN: "`%[1]s` is not a date I understand. Use YYYY-MM-DD, for example 2026-11-19.",
		KO: "`%[1]s`은(는) 알 수 없는 날짜입니다. YYYY-MM-DD 형식으로 입력해 주세요. 예: 2026-11-19",
		RU: "Не понимаю дату `%[1]s`. Используйте формат ГГГГ-ММ-ДД, например 2026-11-19.",
	},
	msgSubscribed: {
		EN: "Done: %[1]s gets scheduled posts — %[2]s. The next check is %[3]s; a day with nothing to post stays quiet.",
		KO: "설정했습니다. %[1]s에 예약 게시를 합니다 — %[2]s. 다음 확인 시각은 %[3]s이며, 올릴 내용이 없는 날에는 게시하지 않습니다.",
		RU: "Готово: %[1]s будет получать публикации — %[2]s. Следующая проверка — %[3]s; в дни, когда публиковать нечего, бот молчит.",
	},
	msgUnsubscribed: {
		EN: "%[1]s will get no more scheduled posts.",
		KO: "%[1]s에는 더 이상 예약 게시를 하지 않습니다.",
		RU: "В %[1]s больше не будет публикаций по расписанию.",
	},
	msgNotSubscribed: {
		EN: "%[1]s has no scheduled posts. See them all with %[2]s.",
		KO: "%[1]s에는 예약 게시가 없습니다. 전체 목록은 %[2]s에서 볼 수 있습니다.",
		RU: "У %[1]s нет публикаций по расписанию. Все подписки: %[2]s.",
	},
	msgListTitle: {EN: "Scheduled posts in this server", KO: "이 서버의 예약 게시", RU: "Публикации по расписанию на этом сервере"},
	msgListEmpty: {
		EN: "No channel here gets scheduled posts yet. Set one up with %[1]s.",
		KO: "아직 예약 게시를 받는 채널이 없습니다. %[1]s으로 설정해 보세요.",
		RU: "Пока ни один канал здесь не получает публикаций по расписанию. Настройте с помощью %[1]s.",
	},
	msgPaused: {
		EN: "Paused: %[1]s. Run %[2]s again to resume.",
		KO: "일시 중지됨: %[1]s. 다시 시작하려면 %[2]s을(를) 다시 실행하세요.",
		RU: "Приостановлено: %[1]s. Чтобы возобновить, снова выполните %[2]s.",
	},
	msgPreviewHeader: {
		EN: "Preview for %[1]s, as %[2]s would get it — %[3]s:",
		KO: "%[1]s 미리 보기 (%[2]s 기준 — %[3]s):",
		RU: "Предпросмотр на %[1]s — как это получит %[2]s (%[3]s):",
	},
	msgPreviewDefaults: {
		EN: "Preview for %[1]s with the default settings — %[2]s:",
		KO: "%[1]s 미리 보기 (기본 설정 — %[2]s):",
		RU: "Предпросмотр на %[1]s с настройками по умолчанию (%[2]s):",
	},
	msgPreviewEmpty: {
		EN: "Nothing would be posted on %[1]s: my sources have nothing for that day with these settings.",
		KO: "%[1]s에는 게시할 내용이 없습니다. 이 설정으로는 그날 제 자료에 해당하는 내용이 없습니다.",
		RU: "На %[1]s публиковать было бы нечего: с этими настройками в моих источниках на этот день ничего нет.",
	},
	msgDisabledNotice: {
		EN: "I can no longer post scheduled reminders in <#%[1]s> on your server (%[2]s), so I have paused them. Once I can post there again, run %[3]s to resume.",
		KO: "서버의 <#%[1]s> 채널에 더 이상 예약 게시를 할 수 없어 (%[2]s) 일시 중지했습니다. 다시 게시할 수 있게 되면 %[3]s을(를) 실행해 다시 시작하세요.",
		RU: "Я больше не могу публиковать напоминания в канале <#%[1]s> вашего сервера (%[2]s), поэтому приостановил их. Когда доступ вернётся, выполните %[3]s, чтобы возобновить.",
	},
}

// tr returns text id in lang, formatted with args.
func tr(lang facts.Lang, id msgID, args ...any) string {
	s := catalogue[id].In(lang)
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// cmdText is what Discord shows for a command, option or choice.
type cmdText struct {
	Name        facts.Text // localized names; EN is the canonical name
	Description facts.Text
}

// Command, option and choice texts. The English name is what Discord sends
// back in interactions, whatever the user's locale.
var (
	txtAsk = cmdText{
		Name:        facts.Text{EN: "ask", KO: "질문", RU: "спросить"},
		Description: facts.Text{EN: "Ask a question about Korea–Russia relations", KO: "한러 관계에 대해 질문하기", RU: "Задать вопрос об отношениях Кореи и России"},
	}
	txtQuestion = cmdText{
		Name:        facts.Text{EN: "question", KO: "질문", RU: "вопрос"},
		Description: facts.Text{EN: "Your question, in English, Korean or Russian", KO: "질문 (한국어, 영어, 러시아어)", RU: "Ваш вопрос — по-русски, по-корейски или по-английски"},
	}
	txtFact = cmdText{
		Name:        facts.Text{EN: "fact", KO: "사실", RU: "факт"},
		Description: facts.Text{EN: "Show one fact with all its sources", KO: "사실 하나를 모든 출처와 함께 보기", RU: "Показать факт со всеми источниками"},
	}
	txtID = cmdText{
		Name:        facts.Text{EN: "id", KO: "항목", RU: "факт"},
		Description: facts.Text{EN: "The fact — start typing to search", KO: "항목 — 입력하면 검색됩니다", RU: "Факт — начните вводить для поиска"},
	}
	txtTimeline = cmdText{
		Name:        facts.Text{EN: "timeline", KO: "연표", RU: "хроника"},
		Description: facts.Text{EN: "Key events in Korea–Russia relations, in order", KO: "한러 관계 주요 사건 연표", RU: "Ключевые события отношений Кореи и России по порядку"},
	}
	txtFrom = cmdText{
		Name:        facts.Text{EN: "from", KO: "시작", RU: "от"},
		Description: facts.Text{EN: "From (YYYY, YYYY-MM or YYYY-MM-DD)", KO: "시작 시점 (YYYY, YYYY-MM, YYYY-MM-DD)", RU: "С какого времени (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)"},
	}
	txtTo = cmdText{
		Name:        facts.Text{EN: "to", KO: "끝", RU: "до"},
		Description: facts.Text{EN: "To (YYYY, YYYY-MM or YYYY-MM-DD)", KO: "끝 시점 (YYYY, YYYY-MM, YYYY-MM-DD)", RU: "По какое время (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)"},
	}
	txtTopic = cmdText{
		Name:        facts.Text{EN: "topic", KO: "주제", RU: "тема"},
		Description: facts.Text{EN: "Only events on this topic", KO: "이 주제의 사건만 보기", RU: "Только события по этой теме"},
	}
	txtOnThisDay = cmdText{
		Name:        facts.Text{EN: "onthisday", KO: "오늘의역사", RU: "в-этот-день"},
		Description: facts.Text{EN: "What happened on this day in Korea–Russia relations", KO: "오늘 같은 날 한러 관계에서 있었던 일", RU: "Что происходило в этот день в отношениях Кореи и России"},
	}
	txtDay = cmdText{
		Name:        facts.Text{EN: "date", KO: "날짜", RU: "дата"},
		Description: facts.Text{EN: "The day (MM-DD or YYYY-MM-DD); today if left out", KO: "날짜 (MM-DD 또는 YYYY-MM-DD), 비우면 오늘", RU: "День (ММ-ДД или ГГГГ-ММ-ДД); по умолчанию сегодня"},
	}
	txtTrade = cmdText{
		Name:        facts.Text{EN: "trade", KO: "교역", RU: "торговля"},
		Description: facts.Text{EN: "Korea–Russia trade volume by year", KO: "연도별 한러 교역액", RU: "Товарооборот Кореи и России по годам"},
	}
	txtExchanges = cmdText{
		Name:        facts.Text{EN: "exchanges", KO: "교류", RU: "обмены"},
		Description: facts.Text{EN: "People-to-people exchanges between Korea and Russia by year", KO: "연도별 한러 인적 교류", RU: "Взаимные поездки граждан Кореи и России по годам"},
	}
	txtYear = cmdText{
		Name:        facts.Text{EN: "year", KO: "연도", RU: "год"},
		Description: facts.Text{EN: "One year, for its figure with sources", KO: "연도 (그해 수치와 출처 보기)", RU: "Год — цифра за этот год с источниками"},
	}
	txtSources = cmdText{
		Name:        facts.Text{EN: "sources", KO: "출처", RU: "источники"},
		Description: facts.Text{EN: "The documents my answers come from", KO: "답변의 근거가 되는 문서", RU: "Документы, на которых основаны ответы"},
	}
	txtAbout = cmdText{
		Name:        facts.Text{EN: "about", KO: "소개", RU: "о-боте"},
		Description: facts.Text{EN: "What Nine Bridges knows", KO: "Nine Bridges가 아는 것", RU: "Что знает Nine Bridges"},
	}
	txtHelp = cmdText{
		Name:        facts.Text{EN: "help", KO: "도움말", RU: "помощь"},
		Description: facts.Text{EN: "How to use Nine Bridges", KO: "Nine Bridges 사용법", RU: "Как пользоваться Nine Bridges"},
	}
	// A message command has a display name (spaces and capitals allowed)
	// and no description.
	txtAskMessage = cmdText{
		Name: facts.Text{EN: "Ask Nine Bridges", KO: "Nine Bridges에 묻기", RU: "Спросить Nine Bridges"},
	}
)

// topicNames are the labels of the base's topics. A topic missing here is
// shown by its id (and a test fails, so it gets a label).
var topicNames = map[string]facts.Text{
	"arctic":   {EN: "Arctic", KO: "북극", RU: "Арктика"},
	"bridges":  {EN: "Nine Bridges", KO: "나인브릿지", RU: "«Девять мостов»"},
	"business": {EN: "Business", KO: "기업·비즈니스", RU: "Бизнес"},
	"far-east": {EN: "Russian Far East", KO: "러시아 극동", RU: "Дальний Восток"},
	"forum":    {EN: "Interregional forum", KO: "한러 지방협력포럼", RU: "Межрегиональный форум"},
	"fta":      {EN: "Free trade agreement", KO: "자유무역협정(FTA)", RU: "Соглашение о свободной торговле"},
	"history":  {EN: "History", KO: "역사", RU: "История"},
	"people":   {EN: "People-to-people exchanges", KO: "인적 교류", RU: "Гуманитарные обмены"},
	"policy":   {EN: "Policy", KO: "정책", RU: "Политика"},
	"risks":    {EN: "Risks", KO: "위험 요인", RU: "Риски"},
	"summit":   {EN: "Summits", KO: "정상회담", RU: "Саммиты"},
	"trade":    {EN: "Trade", KO: "교역", RU: "Торговля"},
}

// topicName is the label of topic in lang.
func topicName(topic string, lang facts.Lang) string {
	if t, ok := topicNames[topic]; ok {
		return t.In(lang)
	}
	return topic
}

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
