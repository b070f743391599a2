package reminders

import (
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
)

// msgID names one of the texts the reminders feature shows.
type msgID int

const (
	msgYearsAgoOne msgID = iota
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
	msgBadBool

	msgCount // must stay last
)

// catalogue holds every text of the feature in English, Korean and Russian;
// TestCatalogue checks that none is missing.
var catalogue = commands.Catalogue[msgID]{
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
	msgBadBool: {
		EN: "`%[1]s` takes true or false.",
		KO: "`%[1]s`에는 true 또는 false를 입력해 주세요.",
		RU: "Для `%[1]s` укажите true или false.",
	},
}

func tr(lang facts.Lang, id msgID, args ...any) string { return catalogue.T(lang, id, args...) }
