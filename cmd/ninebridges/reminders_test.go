package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/storetest"
)

func runEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	return out.String(), errb.String(), code
}

// The acceptance checks of the scheduled posts: what the console shows for
// two days is what Discord would get.
func TestRemindersPreview(t *testing.T) {
	tests := []struct {
		args []string
		want []string
		lack []string
	}{
		{[]string{"--date", "2026-11-19"}, []string{"On this day: 19 November", "19 November 2020 · 6 years ago", "4th Korea–Russia Arctic Consultation held in Moscow", "/fact id:arctic-4th-consultation"}, nil},
		{[]string{"--date", "2026-11-08"}, []string{"On this day: 8 November", "Kang Kyung-wha meets Alexander Kozlov in Pohang", "First ROK–Russia interregional cooperation forum held in Pohang", "8 years ago"}, nil},
		{[]string{"--date", "2026-11-19", "--lang", "ko"}, []string{"이날의 한러 관계: 11월 19일", "6년 전", "제4차 한-러 북극협의회 모스크바 개최"}, nil},
		{[]string{"--date", "2026-11-08", "--lang", "ru"}, []string{"В этот день: 8 ноября", "Кан Гён Хва встретилась с Александром Козловым в Пхохане", "8 лет назад"}, nil},
		{[]string{"--date", "2025-09-30", "--kinds", "anniversaries"}, []string{"Anniversaries", "35 years since 30 September 1990"}, []string{"On this day"}},
		{[]string{"--date", "2025-09-23", "--kinds", "anniversaries", "--week-before"}, []string{"In a week, on 30 September"}, nil},
		{[]string{"--date", "2026-11-20"}, []string{"Nothing would be posted on 2026-11-20."}, nil},
		{[]string{"--date", "2026-11-20", "--next-if-empty"}, []string{"Coming up on 1 January"}, nil},
		{[]string{"--date", "2026-11-16", "--kinds", "weekly-timeline"}, []string{"This week in the timeline", "/timeline from:"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errs, code := runEnv(t, nil, append([]string{"reminders", "preview"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, l := range tt.lack {
				if strings.Contains(out, l) {
					t.Errorf("output has %q:\n%s", l, out)
				}
			}
		})
	}
}

func TestRemindersUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"reminders"}, "usage: ninebridges reminders"},
		{[]string{"reminders", "send"}, `unknown subcommand "send"`},
		{[]string{"reminders", "preview", "--date", "19.11.2026"}, "use YYYY-MM-DD"},
		{[]string{"reminders", "preview", "--lang", "fr"}, `unknown language "fr"`},
		{[]string{"reminders", "preview", "--kinds", "news"}, `unknown kind "news"`},
		{[]string{"reminders", "preview", "--tz", "Mars/Base"}, "--tz"},
		{[]string{"reminders", "preview", "extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		_, errs, code := runEnv(t, nil, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, errs, tt.want)
		}
	}
	// Today, in a zone: whatever the day, it runs.
	if _, errs, code := runEnv(t, nil, "reminders", "preview", "--tz", "Asia/Seoul"); code != 0 {
		t.Errorf("preview of today: exit %d, %s", code, errs)
	}
}

func TestRemindersList(t *testing.T) {
	check := func(t *testing.T, env map[string]string) {
		t.Helper()
		out, errs, code := runEnv(t, env, "reminders", "list")
		if code != 0 || !strings.Contains(out, "No subscriptions.") {
			t.Fatalf("empty list: exit %d, %q %q", code, out, errs)
		}
		cfg, err := loadConfig(func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		st, err := openStore(t.Context(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveSubscription(t.Context(), store.Subscription{
			GuildID: "100", ChannelID: "101", Hour: 9, TimeZone: "Asia/Seoul", Lang: "ko",
			Kinds: []store.Kind{store.KindOnThisDay}, WeekBefore: true,
		}); err != nil {
			t.Fatal(err)
		}
		paused, err := st.SaveSubscription(t.Context(), store.Subscription{
			GuildID: "100", ChannelID: "102", Hour: 7, Minute: 5, TimeZone: "Europe/Moscow", Lang: "ru", Kinds: store.AllKinds(),
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.DisableSubscription(t.Context(), paused.ID, "unknown channel (404)"); err != nil {
			t.Fatal(err)
		}
		st.Close()

		// The same store, read as the bot would open it.
		out, errs, code = runEnv(t, env, "reminders", "list", "--guild", "100")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, w := range []string{"09:00", "Asia/Seoul", "on-this-day,+week-before", "active", "07:05", "paused: unknown channel (404)"} {
			if !strings.Contains(out, w) {
				t.Errorf("list lacks %q:\n%s", w, out)
			}
		}
		out, _, _ = runEnv(t, env, "reminders", "list")
		if strings.Contains(out, "Europe/Moscow") || !strings.Contains(out, "Asia/Seoul") {
			t.Errorf("without --guild only active subscriptions are listed:\n%s", out)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		check(t, map[string]string{"NINEBRIDGES_DATA_DIR": t.TempDir()})
	})
	t.Run("postgres", func(t *testing.T) {
		check(t, map[string]string{"NINEBRIDGES_DB": storetest.PostgresDSN(t)})
	})
	t.Run("unsupported database", func(t *testing.T) {
		_, errs, code := runEnv(t, map[string]string{"NINEBRIDGES_DB": "mysql://u:secret@db/x"}, "reminders", "list")
		if code != 1 || !strings.Contains(errs, "unsupported database") || strings.Contains(errs, "secret") {
			t.Errorf("exit %d, %q", code, errs)
		}
	})
}
