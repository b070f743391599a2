package reminders

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests must not depend on the machine's zoneinfo

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/sqlite"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	testGuild   = "1109876543210987654"
	testChannel = "1109876543210987657" // where the commands are used
	newsChannel = "1109876543210987658" // another postable channel
	testUser    = "1000000000000000001"
)

// recordingScheduler is a ReminderScheduler that remembers what it heard.
type recordingScheduler struct {
	mu      sync.Mutex
	changed []store.Subscription
	removed []store.Subscription
}

func (s *recordingScheduler) SubscriptionChanged(_ context.Context, sub store.Subscription) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changed = append(s.changed, sub)
}

func (s *recordingScheduler) SubscriptionRemoved(_ context.Context, sub store.Subscription) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removed = append(s.removed, sub)
}

type remindersEnv struct {
	r     *commands.Router
	st    store.Store
	sched *recordingScheduler
	// perms is what BotPermissions answers for newsChannel; zero means
	// "unknown".
	perms int64
}

func newRemindersEnv(t *testing.T) *remindersEnv {
	t.Helper()
	b, m := embedded(t)
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "nb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	env := &remindersEnv{st: st, sched: &recordingScheduler{}}
	r, err := commands.New(commands.Config{
		Base: b, Matcher: m,
		Now:      func() time.Time { return fixedNow },
		Logger:   slog.New(slog.DiscardHandler),
		Location: GuildLocation(st, nil),
	})
	if err != nil {
		t.Fatal(err)
	}
	Register(r, Config{
		Base: b, Store: st, Scheduler: env.sched,
		BotPermissions: func(_ context.Context, guildID, channelID string) (int64, bool) {
			if guildID != testGuild || channelID != newsChannel || env.perms == 0 {
				return 0, false
			}
			return env.perms, true
		},
	})
	env.r = r
	return env
}

// manager is a member who may manage the server.
const manager = discordgo.PermissionManageGuild | discordgo.PermissionViewChannel | discordgo.PermissionSendMessages

// reminders builds /reminders <sub> as Discord sends it from testChannel.
func reminders(locale discordgo.Locale, perms int64, sub string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := slash(locale, cmdReminders, &discordgo.ApplicationCommandInteractionDataOption{
		Name: sub, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts,
	})
	i.User = nil
	i.GuildID, i.ChannelID = testGuild, testChannel
	i.Member = &discordgo.Member{User: &discordgo.User{ID: testUser, Username: "mina"}, Permissions: perms}
	i.AppPermissions = needToPost | discordgo.PermissionReadMessageHistory
	return i
}

func chanOpt(id string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: optChannel, Type: discordgo.ApplicationCommandOptionChannel, Value: id}
}

func boolOpt(name string, v bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: v}
}

// withResolved adds the resolved channel Discord sends with a channel
// option.
func withResolved(i *discordgo.Interaction, id string, typ discordgo.ChannelType) *discordgo.Interaction {
	d := i.Data.(discordgo.ApplicationCommandInteractionData)
	d.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Channels: map[string]*discordgo.Channel{id: {ID: id, Type: typ}}}
	i.Data = d
	return i
}

func (env *remindersEnv) subs(t *testing.T) []store.Subscription {
	t.Helper()
	subs, err := env.st.GuildSubscriptions(t.Context(), testGuild)
	if err != nil {
		t.Fatal(err)
	}
	return subs
}

func TestRemindersDeclaration(t *testing.T) {
	c := Command()
	if err := commands.Validate([]*discordgo.ApplicationCommand{c}); err != nil {
		t.Error(err)
	}
	if c.DefaultMemberPermissions == nil || *c.DefaultMemberPermissions != discordgo.PermissionManageGuild {
		t.Errorf("default_member_permissions = %v, want Manage Server", c.DefaultMemberPermissions)
	}
	if c.Contexts == nil || !slices.Equal(*c.Contexts, []discordgo.InteractionContextType{discordgo.InteractionContextGuild}) {
		t.Errorf("contexts = %v, want guild only", c.Contexts)
	}
	var subs []string
	for _, sub := range c.Options {
		subs = append(subs, sub.Name)
		if sub.Type != discordgo.ApplicationCommandOptionSubCommand {
			t.Errorf("%s is not a subcommand", sub.Name)
		}
		for _, o := range sub.Options {
			if o.Type == discordgo.ApplicationCommandOptionChannel &&
				!slices.Equal(o.ChannelTypes, []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}) {
				t.Errorf("%s %s: channel types %v, want text and announcement", sub.Name, o.Name, o.ChannelTypes)
			}
			if o.Name == optTimezone && !o.Autocomplete {
				t.Error("timezone is not autocompleted")
			}
			for _, ch := range o.Choices {
				if o.Name == optKinds {
					if _, ok := parseKinds(ch.Value.(string)); !ok {
						t.Errorf("kinds choice %q does not parse", ch.Value)
					}
				}
			}
		}
	}
	if want := []string{subSubscribe, subUnsubscribe, subList, subPreview}; !slices.Equal(subs, want) {
		t.Errorf("subcommands %v, want %v", subs, want)
	}
}

func TestRemindersPermissions(t *testing.T) {
	env := newRemindersEnv(t)
	dm := reminders("en-US", manager, subList)
	dm.GuildID, dm.Member, dm.User = "", nil, &discordgo.User{ID: testUser}
	off := newRouter(t, Config{}, nil) // no store
	tests := []struct {
		name   string
		r      *commands.Router
		in     *discordgo.Interaction
		checks []check
	}{
		{"a DM", env.r, dm, []check{ephemeral, contains("run this command in a server channel")}},
		{"without Manage Server", env.r, reminders("en-US", discordgo.PermissionSendMessages, subSubscribe, chanOpt(testChannel)),
			[]check{ephemeral, contains("Manage Server")}},
		{"without Manage Server, list", env.r, reminders("ko", discordgo.PermissionViewChannel, subList), []check{ephemeral, contains("서버 관리 권한")}},
		{"without Manage Server, Russian", env.r, reminders("ru", 0, subPreview), []check{ephemeral, contains("Управлять сервером")}},
		{"administrator", env.r, reminders("en-US", discordgo.PermissionAdministrator, subList), []check{ephemeral, contains("No channel here gets scheduled posts")}},
		{"no store", off, reminders("en-US", manager, subList), []check{ephemeral, contains("not switched on")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := handle(t, tt.r, tt.in)
			assertNoMentions(t, resp)
			for _, c := range tt.checks {
				c(t, resp)
			}
		})
	}
	if subs := env.subs(t); len(subs) != 0 {
		t.Errorf("refused commands saved %v", subs)
	}

	// The same refusal from JSON as Discord sends it (permissions as a
	// string).
	resp := handle(t, env.r, loadReminderFixture(t, "subscribe_no_manage_en.json"))
	ephemeral(t, resp)
	contains("Manage Server")(t, resp)
}

func loadReminderFixture(t *testing.T, name string) *discordgo.Interaction {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(data, &i); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &i
}

func TestRemindersInputErrors(t *testing.T) {
	env := newRemindersEnv(t)
	env.perms = discordgo.PermissionViewChannel // sees newsChannel, may not send there
	sub := func(opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
		return reminders("en-US", manager, subSubscribe, append([]*discordgo.ApplicationCommandInteractionDataOption{chanOpt(testChannel)}, opts...)...)
	}
	noSend := sub()
	noSend.AppPermissions = discordgo.PermissionViewChannel
	tests := []struct {
		name string
		in   *discordgo.Interaction
		want string
	}{
		{"hour 25", sub(opt(optTime, "25:00")), "`25:00` is not a time"},
		{"no minutes", sub(opt(optTime, "9")), "`9` is not a time"},
		{"one-digit minutes", sub(opt(optTime, "9:5")), "is not a time"},
		{"letters", sub(opt(optTime, "ab:cd")), "is not a time"},
		{"negative", sub(opt(optTime, "-1:30")), "is not a time"},
		{"unknown zone", sub(opt(optTimezone, "Mars/Olympus_Mons")), "`Mars/Olympus_Mons` is not a time zone"},
		{"Local is the server's zone", sub(opt(optTimezone, "Local")), "is not a time zone"},
		{"a cron spec smuggled in the zone", sub(opt(optTimezone, "Asia/Seoul 0 0 * * *")), "is not a time zone"},
		{"TZ= prefix", sub(opt(optTimezone, "TZ=Asia/Seoul")), "is not a time zone"},
		{"unknown language", sub(opt(optLanguage, "fr")), "`fr` is not a language"},
		{"unknown kind", sub(opt(optKinds, "horoscope")), "`horoscope` is not a kind of post"},
		{"a voice channel", withResolved(reminders("en-US", manager, subSubscribe, chanOpt(newsChannel)), newsChannel, discordgo.ChannelTypeGuildVoice),
			"text or announcement channel"},
		{"not a channel id", reminders("en-US", manager, subSubscribe, chanOpt("general")), "text or announcement channel"},
		{"the bot may not send here", noSend, "I can't post in <#" + testChannel + ">"},
		{"the bot may not send there", reminders("en-US", manager, subSubscribe, chanOpt(newsChannel)), "I can't post in <#" + newsChannel + ">"},
		{"a bad boolean from the console", sub(opt(optWeekBefore, "maybe")), "takes true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := handle(t, env.r, tt.in)
			ephemeral(t, resp)
			contains(tt.want)(t, resp)
		})
	}
	if subs := env.subs(t); len(subs) != 0 {
		t.Errorf("invalid input was saved: %+v", subs)
	}
	if len(env.sched.changed) != 0 {
		t.Errorf("the scheduler heard of %d changes", len(env.sched.changed))
	}

	// An existing subscription is left exactly as it was by a bad change.
	resp := handle(t, env.r, sub(opt(optTime, "07:15"), opt(optTimezone, "Europe/Moscow")))
	contains("Done")(t, resp)
	before := env.subs(t)
	handle(t, env.r, sub(opt(optTime, "08:00"), opt(optTimezone, "Nowhere/Special")))
	if after := env.subs(t); len(after) != 1 || after[0].Hour != 7 || after[0].TimeZone != "Europe/Moscow" || !after[0].UpdatedAt.Equal(before[0].UpdatedAt) {
		t.Errorf("a refused change touched the subscription: %+v", after)
	}
}

func TestRemindersLifecycle(t *testing.T) {
	env := newRemindersEnv(t)
	env.perms = needToPost

	// Subscribe with defaults: the user's language and its zone.
	resp := handle(t, env.r, reminders("ko", manager, subSubscribe, chanOpt(newsChannel)))
	ephemeral(t, resp)
	assertNoMentions(t, resp)
	contains("<#"+newsChannel+">", "09:00 Asia/Seoul", "한국어", "오늘의 역사, 기념일, 주간 연표")(t, resp)
	subs := env.subs(t)
	if len(subs) != 1 {
		t.Fatalf("%d subscriptions", len(subs))
	}
	s := subs[0]
	if s.Hour != 9 || s.Minute != 0 || s.TimeZone != "Asia/Seoul" || s.Lang != "ko" || !slices.Equal(s.Kinds, store.AllKinds()) || s.CreatedBy != testUser {
		t.Errorf("defaults: %+v", s)
	}
	// The first check is 09:00 Seoul after fixedNow (2025-11-08 23:30 UTC
	// = 11-09 08:30 KST).
	if want := time.Date(2025, 11, 9, 0, 0, 0, 0, time.UTC).Unix(); !strings.Contains(resp.Data.Content, "<t:"+itoa(want)+":f>") {
		t.Errorf("next post should be <t:%d:f>: %s", want, resp.Data.Content)
	}

	// Changing some settings keeps the others.
	resp = handle(t, env.r, reminders("en-US", manager, subSubscribe, chanOpt(newsChannel),
		opt(optTime, "18:30"), opt(optKinds, "anniversaries"), boolOpt(optWeekBefore, true), boolOpt(optNextIfEmpty, true)))
	contains("18:30 Asia/Seoul", "anniversaries", "a week ahead", "quiet days")(t, resp)
	s2 := env.subs(t)[0]
	if s2.ID != s.ID || s2.Hour != 18 || s2.Minute != 30 || s2.TimeZone != "Asia/Seoul" || s2.Lang != "ko" ||
		!slices.Equal(s2.Kinds, []store.Kind{store.KindAnniversaries}) || !s2.WeekBefore || !s2.NextIfEmpty {
		t.Errorf("after the change: %+v", s2)
	}
	// Time zone names are forgiving: case and city names.
	handle(t, env.r, reminders("en-US", manager, subSubscribe, chanOpt(newsChannel), opt(optTimezone, "america/new_york")))
	if z := env.subs(t)[0].TimeZone; z != "America/New_York" {
		t.Errorf("zone = %q", z)
	}
	handle(t, env.r, reminders("en-US", manager, subSubscribe, chanOpt(newsChannel), opt(optTimezone, "Москва")))
	if z := env.subs(t)[0].TimeZone; z != "Europe/Moscow" {
		t.Errorf("zone = %q", z)
	}
	if n := len(env.sched.changed); n != 4 {
		t.Errorf("the scheduler heard of %d changes, want 4", n)
	}

	// A paused subscription shows why, and subscribing again resumes it.
	if err := env.st.DisableSubscription(t.Context(), s.ID, "channel not found (404)"); err != nil {
		t.Fatal(err)
	}
	resp = handle(t, env.r, reminders("en-US", manager, subList))
	contains("<#"+newsChannel+">", "18:30 Europe/Moscow", "Paused: channel not found (404)", "/reminders subscribe")(t, resp)
	handle(t, env.r, reminders("en-US", manager, subSubscribe, chanOpt(newsChannel)))
	if s := env.subs(t)[0]; s.Disabled || s.DisabledReason != "" {
		t.Errorf("resubscribing did not resume: %+v", s)
	}

	// Unsubscribe: the current channel has none, the other one goes.
	resp = handle(t, env.r, reminders("en-US", manager, subUnsubscribe))
	contains("<#"+testChannel+"> has no scheduled posts")(t, resp)
	resp = handle(t, env.r, reminders("ru", manager, subUnsubscribe, chanOpt(newsChannel)))
	contains("больше не будет")(t, resp)
	if subs := env.subs(t); len(subs) != 0 {
		t.Errorf("after unsubscribe: %+v", subs)
	}
	if len(env.sched.removed) != 1 || env.sched.removed[0].ID != s.ID {
		t.Errorf("the scheduler heard of removals %+v", env.sched.removed)
	}

	// As Discord sends it.
	resp = handle(t, env.r, loadReminderFixture(t, "subscribe_guild_ko.json"))
	contains("08:30 Asia/Seoul", "오늘의 역사, 기념일", "일주일 전에도")(t, resp)
	if s := env.subs(t); len(s) != 1 || s[0].ChannelID != newsChannel || !s[0].WeekBefore || s[0].CreatedBy != testUser {
		t.Errorf("from the fixture: %+v", s)
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestRemindersPreview pins what would be posted on two days from the
// issue, in every language, against golden files (go test -update rewrites
// them).
func TestRemindersPreview(t *testing.T) {
	b, _ := embedded(t)
	for _, date := range []string{"2026-11-19", "2026-11-08"} {
		for _, lang := range facts.Langs {
			t.Run(date+"-"+string(lang), func(t *testing.T) {
				day, _ := time.Parse(time.DateOnly, date)
				parts := Render(b, Reminder{Date: day, Lang: lang, Kinds: store.AllKinds()})
				var buf bytes.Buffer
				for _, p := range parts {
					if err := commands.RenderMessage(&buf, p); err != nil {
						t.Fatal(err)
					}
				}
				golden(t, filepath.Join("testdata", "preview-"+date+"-"+string(lang)+".golden"), buf.String())
			})
		}
	}

	// /reminders preview shows the same, for the channel's settings.
	env := newRemindersEnv(t)
	handle(t, env.r, reminders("en-US", manager, subSubscribe, chanOpt(testChannel), opt(optLanguage, "ru"), opt(optTimezone, "Europe/Moscow")))
	resp := handle(t, env.r, reminders("en-US", manager, subPreview, opt(optDate, "2026-11-19")))
	ephemeral(t, resp)
	contains("Preview for 19 November 2026", "<#"+testChannel+">", "В этот день: 19 ноября", "6 лет назад", "/факт факт:arctic-4th-consultation")(t, resp)
	resp = handle(t, env.r, reminders("ko", manager, subPreview, opt(optDate, "2026-11-08")))
	contains("2026년 11월 8일 미리 보기", "Кан Гён Хва встретилась с Александром Козловым в Пхохане", "8 лет назад")(t, resp)
	resp = handle(t, env.r, reminders("en-US", manager, subPreview, opt(optDate, "2026-11-20")))
	contains("Nothing would be posted on 20 November 2026")(t, resp)
	resp = handle(t, env.r, reminders("en-US", manager, subPreview, opt(optDate, "19.11.2026")))
	contains("`19.11.2026` is not a date")(t, resp)
	// Another channel without a subscription: the defaults, in the
	// user's language.
	resp = handle(t, env.r, reminders("ko", manager, subPreview, opt(optDate, "2026-11-19"), chanOpt(newsChannel)))
	contains("기본 설정", "09:00 Asia/Seoul", "이날의 한러 관계: 11월 19일", "6년 전")(t, resp)
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./commands -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./reminders -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestRenderReminder(t *testing.T) {
	b, _ := embedded(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	all := store.AllKinds()
	tests := []struct {
		name string
		rem  Reminder
		want []string // in the text of the post; nil: nothing is posted
		lack []string
	}{
		{"on this day, 6 years", Reminder{Date: day("2026-11-19"), Lang: facts.EN, Kinds: all},
			[]string{"On this day: 19 November", "**19 November 2020** · 6 years ago", "4th Korea–Russia Arctic Consultation held in Moscow", "/fact id:arctic-4th-consultation"},
			[]string{"Anniversaries", "This week"}},
		{"a year ago, singular", Reminder{Date: day("2021-11-19"), Lang: facts.EN, Kinds: all}, []string{"1 year ago"}, nil},
		{"Russian plural: 21", Reminder{Date: day("2011-09-30"), Lang: facts.RU, Kinds: all}, []string{"21 год назад"}, nil},
		{"Russian plural: 22", Reminder{Date: day("2012-09-30"), Lang: facts.RU, Kinds: all}, []string{"22 года назад"}, nil},
		{"round anniversary on the day", Reminder{Date: day("2025-09-30"), Lang: facts.EN, Kinds: all},
			[]string{"Anniversaries", "**35 years** since 30 September 1990: South Korea and the Soviet Union establish diplomatic relations", "35 years ago"}, nil},
		{"anniversaries only", Reminder{Date: day("2025-09-30"), Lang: facts.KO, Kinds: []store.Kind{store.KindAnniversaries}},
			[]string{"기념일", "한국과 소련, 외교관계 수립 **35주년** (1990년 9월 30일)"}, []string{"년 전"}},
		{"a week before, if asked", Reminder{Date: day("2025-09-23"), Lang: facts.EN, Kinds: []store.Kind{store.KindAnniversaries}, WeekBefore: true},
			[]string{"In a week, on 30 September — **35 years** since 30 September 1990"}, nil},
		{"not a week before otherwise", Reminder{Date: day("2025-09-23"), Lang: facts.EN, Kinds: []store.Kind{store.KindAnniversaries}}, nil, nil},
		{"a range counts from its first day", Reminder{Date: day("2028-11-07"), Lang: facts.RU, Kinds: []store.Kind{store.KindAnniversaries}},
			[]string{"**10 лет** со дня события (7 ноября 2018 г.)"}, nil},
		{"quiet day", Reminder{Date: day("2026-11-20"), Lang: facts.EN, Kinds: all}, nil, nil},
		{"quiet day, next event", Reminder{Date: day("2026-11-20"), Lang: facts.EN, Kinds: all, NextIfEmpty: true},
			[]string{"Coming up on 1 January: The Korea–Russia visa-waiver agreement, signed on 13 November 2013, takes effect (1 January 2014)"}, nil},
		{"weekly only on Mondays", Reminder{Date: day("2026-11-17"), Lang: facts.EN, Kinds: []store.Kind{store.KindWeeklyTimeline}, NextIfEmpty: true}, nil, nil},
		{"weekly digest on Monday", Reminder{Date: day("2026-11-16"), Lang: facts.EN, Kinds: []store.Kind{store.KindWeeklyTimeline}},
			[]string{"This week in the timeline:", "Part ", "/timeline from:"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := Render(b, tt.rem)
			if tt.want == nil {
				if parts != nil {
					t.Fatalf("want nothing posted, got %d messages", len(parts))
				}
				return
			}
			if len(parts) == 0 {
				t.Fatal("nothing posted")
			}
			var buf bytes.Buffer
			for _, p := range parts {
				if len(p.Embeds) == 0 && strings.TrimSpace(p.Content) == "" {
					t.Error("an empty message")
				}
				commands.ShapeMessage(p) // as the way out sends it
				if p.AllowedMentions == nil || p.AllowedMentions.Parse == nil || len(p.AllowedMentions.Parse) != 0 {
					t.Errorf("allowed_mentions = %+v", p.AllowedMentions)
				}
				for _, e := range p.Embeds {
					buf.WriteString(e.Title + "\n" + e.Description + "\n")
					if e.Footer != nil {
						buf.WriteString(e.Footer.Text + "\n")
					}
				}
			}
			text := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, l := range tt.lack {
				if strings.Contains(text, l) {
					t.Errorf("contains %q:\n%s", l, text)
				}
			}
		})
	}
}

func TestPackEmbeds(t *testing.T) {
	var embeds []*discordgo.MessageEmbed
	for range 12 {
		embeds = append(embeds, &discordgo.MessageEmbed{Title: "t", Description: strings.Repeat("x", 1500)})
	}
	parts := packEmbeds(embeds)
	n := 0
	for _, p := range parts {
		size := 0
		for _, e := range p.Embeds {
			size += commands.EmbedLen(e)
		}
		if len(p.Embeds) > 10 || size > commands.MaxEmbedTotal {
			t.Errorf("a message with %d embeds, %d characters", len(p.Embeds), size)
		}
		n += len(p.Embeds)
	}
	if n != 12 || len(parts) != 4 {
		t.Errorf("%d embeds in %d messages, want 12 in 4", n, len(parts))
	}
}

func TestResolveZone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Asia/Seoul", "Asia/Seoul"},
		{" Europe/Moscow ", "Europe/Moscow"},
		{"america/new_york", "America/New_York"},
		{"UTC", "UTC"},
		{"utc", "UTC"},
		{"서울", "Asia/Seoul"},
		{"Москва", "Europe/Moscow"},
		{"new york", "America/New_York"},
		{"Etc/GMT-9", "Etc/GMT-9"}, // not listed, still valid
		{"", ""},
		{"Local", ""},
		{"local", ""},
		{"Mars/Base", ""},
		{"Asia/Seoul 0 9 * * *", ""},
		{"CRON_TZ=Asia/Seoul", ""},
		{"../../etc/passwd", ""},
	}
	for _, tt := range tests {
		got, loc, ok := resolveZone(tt.in)
		if got != tt.want || ok != (tt.want != "") || ok && loc == nil {
			t.Errorf("resolveZone(%q) = %q, %v, %v; want %q", tt.in, got, loc, ok, tt.want)
		}
	}
	for _, z := range zoneNames {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("listed zone %q: %v", z, err)
		}
	}
	for a, z := range zoneAliases {
		if _, err := time.LoadLocation(z); err != nil || a != strings.ToLower(a) {
			t.Errorf("alias %q → %q: %v", a, z, err)
		}
	}
	for l, zs := range defaultZones {
		for _, z := range zs {
			if !slices.Contains(zoneNames, z) {
				t.Errorf("%s default %q is not listed", l, z)
			}
		}
	}
}

func TestZoneAutocomplete(t *testing.T) {
	env := newRemindersEnv(t)
	tests := []struct {
		locale discordgo.Locale
		input  string
		first  string
	}{
		{"en-US", "seo", "Asia/Seoul (UTC+09:00)"},
		{"en-US", "Asia/Seoul", "Asia/Seoul (UTC+09:00)"},
		{"en-US", "new_y", "America/New_York (UTC-05:00)"}, // fixedNow is in November: standard time
		{"ru", "моск", "Europe/Moscow (UTC+03:00)"},
		{"ko", "블라디", "Asia/Vladivostok (UTC+10:00)"},
		{"ko", "", "Asia/Seoul (UTC+09:00)"},
		{"ru", "", "Europe/Moscow (UTC+03:00)"},
		{"en-US", "", "UTC (UTC+00:00)"},
	}
	for _, tt := range tests {
		t.Run(string(tt.locale)+"/"+tt.input, func(t *testing.T) {
			i := reminders(tt.locale, manager, subSubscribe, chanOpt(testChannel),
				&discordgo.ApplicationCommandInteractionDataOption{Name: optTimezone, Type: discordgo.ApplicationCommandOptionString, Value: tt.input, Focused: true})
			i.Type = discordgo.InteractionApplicationCommandAutocomplete
			resp := handle(t, env.r, i)
			if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("type %d", resp.Type)
			}
			ch := resp.Data.Choices
			if len(ch) == 0 || ch[0].Name != tt.first {
				var names []string
				for _, c := range ch {
					names = append(names, c.Name)
				}
				t.Fatalf("choices %v, want %q first", names, tt.first)
			}
			if len(ch) > maxZoneChoices {
				t.Errorf("%d choices", len(ch))
			}
			for _, c := range ch {
				if _, _, ok := resolveZone(c.Value.(string)); !ok {
					t.Errorf("choice %q is not a valid zone", c.Value)
				}
			}
		})
	}
}

func TestParseClockAndKinds(t *testing.T) {
	clocks := []struct {
		in   string
		h, m int
		ok   bool
	}{
		{"09:00", 9, 0, true}, {"9:05", 9, 5, true}, {"23:59", 23, 59, true}, {"00:00", 0, 0, true},
		{"24:00", 0, 0, false}, {"12:60", 0, 0, false}, {"1200", 0, 0, false}, {"12:5", 0, 0, false},
		{"+1:00", 0, 0, false}, {"", 0, 0, false}, {"123:00", 0, 0, false},
	}
	for _, tt := range clocks {
		h, m, ok := parseClock(tt.in)
		if h != tt.h || m != tt.m || ok != tt.ok {
			t.Errorf("parseClock(%q) = %d, %d, %v", tt.in, h, m, ok)
		}
	}
	kinds := []struct {
		in   string
		want []store.Kind
	}{
		{"on-this-day", []store.Kind{store.KindOnThisDay}},
		{"anniversaries, weekly-timeline", []store.Kind{store.KindAnniversaries, store.KindWeeklyTimeline}},
		{"on-this-day+anniversaries", []store.Kind{store.KindOnThisDay, store.KindAnniversaries}},
		{"all", store.AllKinds()},
		{"news", nil},
		{", ,", nil},
	}
	for _, tt := range kinds {
		got, ok := parseKinds(tt.in)
		if !slices.Equal(got, tt.want) || ok != (tt.want != nil) {
			t.Errorf("parseKinds(%q) = %v, %v", tt.in, got, ok)
		}
	}
}

func TestNextPostTime(t *testing.T) {
	at := func(zone string, h, m int) store.Subscription {
		return store.Subscription{Hour: h, Minute: m, TimeZone: zone}
	}
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	tests := []struct {
		sub       store.Subscription
		now, want string
	}{
		{at("Asia/Seoul", 9, 0), "2026-11-19T00:30:00Z", "2026-11-20T00:00:00Z"}, // 09:30 KST: tomorrow
		{at("Asia/Seoul", 9, 0), "2026-11-18T23:59:00Z", "2026-11-19T00:00:00Z"},
		{at("Europe/Moscow", 9, 0), "2026-11-19T05:00:00Z", "2026-11-19T06:00:00Z"},
		// New York springs forward on 2026-03-08: 02:30 does not exist;
		// it is due when the clock jumps to 03:00 EDT (07:00 UTC).
		{at("America/New_York", 2, 30), "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z"},
		{at("America/New_York", 2, 30), "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"},
		// It falls back on 2026-11-01: 01:30 comes twice, the first counts.
		{at("America/New_York", 1, 30), "2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z"},
		{at("Europe/Moscow", 2, 30), "2026-03-29T00:00:00Z", "2026-03-29T23:30:00Z"}, // no daylight saving in Moscow
		// Santiago springs forward at midnight (2026-09-06 00:00 → 01:00):
		// 00:30 is due at the jump, not the evening before.
		{at("America/Santiago", 0, 30), "2026-09-05T12:00:00Z", "2026-09-06T04:00:00Z"},
		{at("America/New_York", 9, 0), "2026-03-07T15:00:00Z", "2026-03-08T13:00:00Z"}, // EST → EDT overnight
	}
	for _, tt := range tests {
		if got := nextPostTime(tt.sub, utc(tt.now)).UTC(); !got.Equal(utc(tt.want)) {
			t.Errorf("nextPostTime(%s %02d:%02d, %s) = %s, want %s", tt.sub.TimeZone, tt.sub.Hour, tt.sub.Minute, tt.now, got.Format(time.RFC3339), tt.want)
		}
	}
}

func TestGuildLocation(t *testing.T) {
	env := newRemindersEnv(t)
	// fixedNow, 2025-11-08 23:30 UTC, is already 9 November in Seoul.
	handle(t, env.r, reminders("en-US", manager, subSubscribe, chanOpt(testChannel), opt(optTimezone, "Asia/Seoul")))
	otd := func(channel string) *discordgo.Interaction {
		i := slash("en-US", "onthisday")
		i.GuildID, i.ChannelID = testGuild, channel
		return i
	}
	contains("On this day: 9 November")(t, handle(t, env.r, otd(testChannel)))
	// Another channel of the guild: the guild's subscription still sets
	// the zone.
	contains("On this day: 9 November")(t, handle(t, env.r, otd(newsChannel)))
	// A DM, or another guild: UTC.
	contains("On this day: 8 November")(t, handle(t, env.r, slash("en-US", "onthisday")))
	other := otd(newsChannel)
	other.GuildID = "999"
	contains("On this day: 8 November")(t, handle(t, env.r, other))

	// A store that fails means UTC, not an error.
	loc := GuildLocation(failingStore{env.st}, nil)(t.Context(), otd(testChannel))
	if loc != nil {
		t.Errorf("location from a failing store = %v, want nil", loc)
	}
}

type failingStore struct{ store.Store }

func (failingStore) GuildSubscriptions(context.Context, string) ([]store.Subscription, error) {
	return nil, errors.New("database is down")
}

func TestDisabledNotice(t *testing.T) {
	for _, l := range facts.Langs {
		s := disabledNotice(l, "123", "channel not found")
		if !strings.Contains(s, "<#123>") || !strings.Contains(s, "channel not found") || !strings.Contains(s, "/"+txtReminders.Name.In(l)) {
			t.Errorf("%s: %q", l, s)
		}
	}
}

// An unknown /reminders subcommand (a forged or stale interaction) is the
// asker's mistake: a private message saying what to do, and no error
// logged.
func TestRemindersUnknownSubcommandIsAUserError(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	r := newRouter(t, Config{Store: sqliteStore(t), Logger: log}, log)
	resp := r.Handle(t.Context(), reminders(discordgo.EnglishUS, manager, "explode"))
	if resp == nil || resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "I don't know that command") {
		t.Fatalf("got %+v, want a private 'I don't know that command'", resp)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("logged an error:\n%s", logs.String())
	}
}

// A store that fails says so to the manager: nothing was saved, try again
// later; not the generic apology, and never "Done" for a write the next
// start would lose.
func TestRemindersStoreDown(t *testing.T) {
	t.Run("file deleted", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "nb.db")
		st, err := sqlite.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		var logs bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logs, nil))
		r := newRouter(t, Config{Store: st, Logger: log}, log)
		handle(t, r, reminders(discordgo.EnglishUS, manager, subSubscribe))
		for _, f := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(f)
		}
		for _, sub := range []string{subSubscribe, subUnsubscribe} {
			resp := handle(t, r, reminders(discordgo.EnglishUS, manager, sub))
			ephemeral(t, resp)
			contains("cannot save settings right now")(t, resp)
		}
		if !strings.Contains(logs.String(), "database file missing") {
			t.Errorf("the log does not say why:\n%s", logs.String())
		}
	})
	t.Run("store failed at start", func(t *testing.T) {
		r := newRouter(t, Config{Down: errors.New("sqlite: file is not a database")}, nil)
		for _, l := range []discordgo.Locale{discordgo.EnglishUS, discordgo.Korean, discordgo.Russian} {
			resp := handle(t, r, reminders(l, manager, subList))
			ephemeral(t, resp)
			if want := tr(commands.LangFor(l), msgStoreDown); resp.Data.Content != want {
				t.Errorf("%s: %q, want %q", l, resp.Data.Content, want)
			}
		}
	})
}

func TestCatalogue(t *testing.T) {
	for _, err := range catalogue.Check(msgCount) {
		t.Error(err)
	}
}
