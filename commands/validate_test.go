package commands

import (
	"regexp"
	"strings"
	"testing"
)

// discordNamePattern is Discord's documented pattern, the oracle for
// isDiscordName.
var discordNamePattern = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func FuzzIsDiscordName(f *testing.F) {
	for _, s := range []string{"ask", "질문", "вопрос", "प्रश्न", "คำถาม", "a b", "", "UPPER", "x'y-z_1", strings.Repeat("a", 32), strings.Repeat("a", 33), strings.Repeat("가", 33), "\xff", "emoji😀", "ask!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isDiscordName(s), discordNamePattern.MatchString(s); got != want {
			t.Fatalf("isDiscordName(%q) = %v, Discord's pattern says %v", s, got, want)
		}
	})
}
