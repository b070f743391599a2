package reminders

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// Canonical names of /reminders, its subcommands and options.
const (
	cmdReminders = "reminders"

	subSubscribe   = "subscribe"
	subUnsubscribe = "unsubscribe"
	subList        = "list"
	subPreview     = "preview"

	optChannel     = "channel"
	optTime        = "time"
	optTimezone    = "timezone"
	optLanguage    = "language"
	optKinds       = "kinds"
	optWeekBefore  = "week-before"
	optNextIfEmpty = "next-if-empty"
	optDate        = "date" // as /onthisday's: commands.DateOption
)

var (
	txtReminders = commands.Text{
		Name:        facts.Text{EN: cmdReminders, KO: "예약게시", RU: "напоминания"},
		Description: facts.Text{EN: "Scheduled posts: on this day, anniversaries, weekly timeline", KO: "예약 게시: 오늘의 역사, 기념일, 주간 연표", RU: "Публикации по расписанию: в этот день, годовщины, хроника недели"},
	}
	txtSubscribe = commands.Text{
		Name:        facts.Text{EN: subSubscribe, KO: "구독", RU: "подписать"},
		Description: facts.Text{EN: "Post to a channel every day, or change its settings", KO: "채널에 매일 게시하도록 설정하거나 설정을 바꾸기", RU: "Публиковать в канал каждый день или изменить настройки"},
	}
	txtUnsubscribe = commands.Text{
		Name:        facts.Text{EN: subUnsubscribe, KO: "구독취소", RU: "отписать"},
		Description: facts.Text{EN: "Stop scheduled posts in a channel", KO: "채널의 예약 게시 중지", RU: "Прекратить публикации в канале"},
	}
	txtList = commands.Text{
		Name:        facts.Text{EN: subList, KO: "목록", RU: "список"},
		Description: facts.Text{EN: "The channels of this server that get scheduled posts", KO: "이 서버에서 예약 게시를 받는 채널", RU: "Каналы сервера, получающие публикации по расписанию"},
	}
	txtPreview = commands.Text{
		Name:        facts.Text{EN: subPreview, KO: "미리보기", RU: "предпросмотр"},
		Description: facts.Text{EN: "Show exactly what would be posted on a day", KO: "어느 날 게시될 내용을 그대로 미리 보기", RU: "Показать, что именно будет опубликовано в этот день"},
	}
	txtChannel = commands.Text{
		Name:        facts.Text{EN: optChannel, KO: "채널", RU: "канал"},
		Description: facts.Text{EN: "The channel to post in", KO: "게시할 채널", RU: "Канал для публикаций"},
	}
	txtUnsubChannel = commands.Text{
		Name:        txtChannel.Name,
		Description: facts.Text{EN: "The channel; this one if left out", KO: "채널 (비우면 이 채널)", RU: "Канал; по умолчанию этот"},
	}
	txtPreviewChannel = commands.Text{
		Name:        txtChannel.Name,
		Description: facts.Text{EN: "Use this channel's settings; this channel's if left out", KO: "이 채널의 설정으로 보기 (비우면 이 채널)", RU: "С настройками этого канала; по умолчанию текущего"},
	}
	txtTime = commands.Text{
		Name:        facts.Text{EN: optTime, KO: "시각", RU: "время"},
		Description: facts.Text{EN: "Local time to post, HH:MM on a 24-hour clock (default 09:00)", KO: "게시 시각, 24시간제 HH:MM (기본 09:00)", RU: "Местное время публикации, ЧЧ:ММ (по умолчанию 09:00)"},
	}
	txtTimezone = commands.Text{
		Name:        facts.Text{EN: optTimezone, KO: "시간대", RU: "часовой-пояс"},
		Description: facts.Text{EN: "Time zone, such as Asia/Seoul or Europe/Moscow", KO: "시간대 (예: Asia/Seoul, Europe/Moscow)", RU: "Часовой пояс, например Europe/Moscow или Asia/Seoul"},
	}
	txtLanguage = commands.Text{
		Name:        facts.Text{EN: optLanguage, KO: "언어", RU: "язык"},
		Description: facts.Text{EN: "Language of the posts (default: yours)", KO: "게시 언어 (기본: 내 언어)", RU: "Язык публикаций (по умолчанию ваш)"},
	}
	txtKinds = commands.Text{
		Name:        facts.Text{EN: optKinds, KO: "종류", RU: "виды"},
		Description: facts.Text{EN: "What to post (default: all three)", KO: "게시할 내용 (기본: 세 가지 모두)", RU: "Что публиковать (по умолчанию всё)"},
	}
	txtWeekBeforeOpt = commands.Text{
		Name:        facts.Text{EN: optWeekBefore, KO: "일주일전알림", RU: "за-неделю"},
		Description: facts.Text{EN: "Announce round anniversaries a week ahead too", KO: "꺾어지는 해 기념일을 일주일 전에도 알리기", RU: "Сообщать о круглых годовщинах и за неделю"},
	}
	txtNextIfEmptyOpt = commands.Text{
		Name:        facts.Text{EN: optNextIfEmpty, KO: "빈날다음사건", RU: "если-пусто"},
		Description: facts.Text{EN: "On a day with nothing to post, show the next event", KO: "게시할 내용이 없는 날에는 다가오는 사건 알리기", RU: "В день без событий сообщать о ближайшем"},
	}
	txtPreviewDay = commands.Text{
		Name:        commands.DateOption(),
		Description: facts.Text{EN: "The day, YYYY-MM-DD; today if left out", KO: "날짜 YYYY-MM-DD (비우면 오늘)", RU: "День, ГГГГ-ММ-ДД; по умолчанию сегодня"},
	}
)

// kindTexts are the labels of the kinds of post, in store.AllKinds order.
var kindTexts = map[store.Kind]msgID{
	store.KindOnThisDay:      msgKindOnThisDay,
	store.KindAnniversaries:  msgKindAnniversaries,
	store.KindWeeklyTimeline: msgKindWeekly,
}

// langNames are the languages as their speakers write them, the same in
// every locale, since a reader looks for their own.
var langNames = map[facts.Lang]string{facts.EN: "English", facts.KO: "한국어", facts.RU: "Русский"}

// Command declares /reminders: guild-only and, by default, shown only to
// members who may manage the server (checked again when it runs, since a
// server can change who sees a command).
func Command() *discordgo.ApplicationCommand {
	manage := int64(discordgo.PermissionManageGuild)
	option := func(typ discordgo.ApplicationCommandOptionType, t commands.Text, required bool) *discordgo.ApplicationCommandOption {
		return t.Option(typ, required)
	}
	postable := []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}
	channel := func(t commands.Text, required bool) *discordgo.ApplicationCommandOption {
		o := option(discordgo.ApplicationCommandOptionChannel, t, required)
		o.ChannelTypes = postable
		return o
	}
	sub := func(t commands.Text, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		o := option(discordgo.ApplicationCommandOptionSubCommand, t, false)
		o.Options = opts
		return o
	}

	hhmm := option(discordgo.ApplicationCommandOptionString, txtTime, false)
	hhmm.MaxLength = 5
	zone := option(discordgo.ApplicationCommandOptionString, txtTimezone, false)
	zone.Autocomplete = true
	zone.MaxLength = 64
	language := option(discordgo.ApplicationCommandOptionString, txtLanguage, false)
	for _, l := range facts.Langs {
		n := langNames[l]
		language.Choices = append(language.Choices, &discordgo.ApplicationCommandOptionChoice{
			Name: n, NameLocalizations: commands.Localized(facts.Text{EN: n, KO: n, RU: n}), Value: string(l),
		})
	}
	kinds := option(discordgo.ApplicationCommandOptionString, txtKinds, false)
	kinds.Choices = kindChoices()
	day := option(discordgo.ApplicationCommandOptionString, txtPreviewDay, false)
	day.MaxLength = 10

	c := txtReminders.Command(
		sub(txtSubscribe, channel(txtChannel, true), hhmm, zone, language, kinds,
			option(discordgo.ApplicationCommandOptionBoolean, txtWeekBeforeOpt, false),
			option(discordgo.ApplicationCommandOptionBoolean, txtNextIfEmptyOpt, false)),
		sub(txtUnsubscribe, channel(txtUnsubChannel, false)),
		sub(txtList),
		sub(txtPreview, day, channel(txtPreviewChannel, false)),
	)
	c.DefaultMemberPermissions = &manage
	c.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	c.IntegrationTypes = &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	return c
}

// kindChoices offers every non-empty set of kinds, all three first. The
// value is the kinds' names joined by commas, which is also what the
// console and the option parser accept typed out.
func kindChoices() []*discordgo.ApplicationCommandOptionChoice {
	all := store.AllKinds()
	var out []*discordgo.ApplicationCommandOptionChoice
	// Bit i is all[i]: the most asked-for sets first.
	for _, mask := range []int{0b111, 0b011, 0b001, 0b010, 0b100, 0b101, 0b110} {
		var label facts.Text
		var ks []string
		for i, k := range all {
			if mask&(1<<i) != 0 {
				ks = append(ks, string(k))
			}
		}
		for _, l := range facts.Langs {
			var parts []string
			for _, k := range ks {
				parts = append(parts, tr(l, kindTexts[store.Kind(k)]))
			}
			s := strings.Join(parts, " + ")
			switch l {
			case facts.EN:
				label.EN = s
			case facts.KO:
				label.KO = s
			case facts.RU:
				label.RU = s
			}
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{
			Name: label.EN, NameLocalizations: commands.Localized(label), Value: strings.Join(ks, ","),
		})
	}
	return out
}

// remindersMention is "/reminders <subcommand>" for a reader in lang.
func remindersMention(lang facts.Lang, sub commands.Text) string {
	return "/" + txtReminders.Name.In(lang) + " " + sub.Name.In(lang)
}
