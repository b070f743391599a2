package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/store/open"
)

// -h and --help work at every level, print to stdout and exit 0.
func TestHelpEverywhere(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"-h"}, {"help"},
		{"run", "-h"}, {"ask", "--help"}, {"facts", "--help"}, {"facts", "list", "-h"},
		{"reminders", "-h"}, {"reminders", "preview", "--help"}, {"reminders", "list", "-h"},
		{"chart", "-h"}, {"healthcheck", "--help"}, {"web", "-h"},
	} {
		out, errs, code := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(out, "usage") && !strings.Contains(out, "Usage") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// --help lists every setting with its environment variable, and every
// command.
func TestHelpListsEverySetting(t *testing.T) {
	out, _, _ := runCLI(t, "", "--help")
	for _, s := range settings {
		if !strings.Contains(out, "--"+s.flag) || !strings.Contains(out, s.env) {
			t.Errorf("--help lacks --%s / %s", s.flag, s.env)
		}
	}
	for _, c := range commandList {
		if !strings.Contains(out, "ninebridges "+c.name) {
			t.Errorf("--help lacks the %s command", c.name)
		}
	}
	if !strings.Contains(out, "DISCORD_TOKEN") {
		t.Error("--help does not say where the token comes from")
	}
}

// The README's settings table is the one the code generates.
func TestReadmeSettings(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := settingsMarkdown(); !strings.Contains(string(readme), want) {
		t.Errorf("README.md's settings table is not the generated one; put this under \"Configuration\":\n%s", want)
	}
}

func TestUnknownCommandsSuggest(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"fact", "list"}, `did you mean "facts"?`},
		{[]string{"remindres"}, `did you mean "reminders"?`},
		{[]string{"facts", "lst"}, `did you mean "list"?`},
		{[]string{"reminders", "previw"}, `did you mean "preview"?`},
		{[]string{"xyzzy"}, "ninebridges --help lists the commands"},
	} {
		_, errs, code := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, errs, tt.want)
		}
	}
}

// Settings come from flags before the command, after it, or the
// environment; a flag wins, and a bad value is refused with what to type.
func TestSettings(t *testing.T) {
	broken := "../../facts/testdata/broken/quote-not-found"
	for _, args := range [][]string{
		{"--dir", broken, "facts", "check"},
		{"facts", "check", "--dir", broken},
	} {
		if _, errs, code := runCLI(t, "", args...); code != 1 || !strings.Contains(errs, "quote not found") {
			t.Errorf("%v: exit %d, %q; want the broken base's error", args, code, errs)
		}
	}
	if _, errs, code := runEnv(t, map[string]string{"NINEBRIDGES_DIR": broken}, "facts", "check"); code != 1 || !strings.Contains(errs, "quote not found") {
		t.Errorf("NINEBRIDGES_DIR: exit %d, %q", code, errs)
	}
	if out, errs, code := runEnv(t, map[string]string{"NINEBRIDGES_DIR": broken}, "facts", "check", "--dir", ""); code != 0 || !strings.HasPrefix(out, "ok:") {
		t.Errorf("a flag wins over the environment: exit %d, %q %q", code, out, errs)
	}
	// The console with a base from disk, as the README's --dir promises.
	if out, errs, code := runCLI(t, "/quit\n", "--dir", broken); code != 1 || !strings.Contains(errs, "quote not found") {
		t.Errorf("console --dir: exit %d, %q %q", code, out, errs)
	}
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"NINEBRIDGES_LANG": "de"}, `language "de": use en, ko or ru`},
		{map[string]string{"NINEBRIDGES_LOG_FORMAT": "xml"}, "use text or json"},
		{map[string]string{"NINEBRIDGES_SHARD_COUNT": "two"}, "NINEBRIDGES_SHARD_COUNT"},
		{map[string]string{"NINEBRIDGES_SHARD_ID": "3", "NINEBRIDGES_SHARD_COUNT": "2"}, "--shard-id must be in [0, --shard-count)"},
	} {
		if _, errs, code := runEnv(t, tt.env, "facts", "check"); code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.env, code, errs, tt.want)
		}
	}
}

// Listing subscriptions reads the store; where there is none it says so
// and leaves no empty database behind.
func TestRemindersListCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	out, _, code := runEnv(t, map[string]string{"NINEBRIDGES_DATA_DIR": dir}, "reminders", "list")
	if code != 0 || !strings.Contains(out, "no store at") {
		t.Errorf("exit %d, %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, open.SQLiteFile)); err == nil {
		t.Error("reminders list created a database")
	}
}

// The invite asks for exactly the permissions the code checks, and the
// README's link and integer are the same.
func TestInvitePermissions(t *testing.T) {
	if invitePermissions != 117760 {
		t.Errorf("invite permissions %d: the README says 117760 (View Channels, Send Messages, Embed Links, Attach Files, Read Message History)", invitePermissions)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := inviteURL("YOUR_APP_ID"); !strings.Contains(string(readme), want) {
		t.Errorf("README lacks %s", want)
	}
	out, _, code := runCLI(t, "", "invite", "--app-id", "123456789012345678")
	if code != 0 || strings.TrimSpace(out) != inviteURL("123456789012345678") {
		t.Errorf("invite: %d %q", code, out)
	}
}

// The README's command line lists every command --help does.
func TestReadmeCommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commandList {
		if c.name != "help" && !strings.Contains(string(readme), "ninebridges "+c.name+" ") {
			t.Errorf("README.md does not list %q", "ninebridges "+c.name)
		}
	}
	for _, series := range []string{"tourists", "exports-to-russia"} {
		out, _, _ := runCLI(t, "", "chart", "--help")
		if !strings.Contains(string(readme), series) || !strings.Contains(out+chartUsage, "SERIES") {
			t.Errorf("the %s chart is not documented", series)
		}
	}
}
