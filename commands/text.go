package commands

import (
	"regexp"
	"strings"
)

// mentionRE matches Discord's mention and custom emoji syntax.
var mentionRE = regexp.MustCompile(`<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|(?:^|\s)@(?:everyone|here)\b`)

// cleanQuestion removes mentions from a question before matching: they
// are never part of what is asked, and they drown out short questions.
func cleanQuestion(s string) string {
	if strings.ContainsAny(s, "<@") { // every mention has one; most questions neither
		s = mentionRE.ReplaceAllString(s, " ")
	}
	return strings.Join(strings.Fields(s), " ")
}

// inline makes user input safe to quote inside `code`: one line, no
// backticks, short.
func inline(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "'")), " ")
	return truncate(s, 60)
}

// quote collapses a source quote's white space, as the fact checker
// compares it, and puts it in typographic quotes.
func quote(s string, max int) string {
	return "“" + truncate(strings.Join(strings.Fields(s), " "), max-2) + "”"
}
