package main

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mattn/go-runewidth"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
)

// screen shows the router's answers in a terminal: Discord's Markdown
// rendered (bold, italics, code, links, timestamps), embeds as blocks with
// a margin, text wrapped at the terminal's width in screen cells (Hangul
// takes two), suggestions numbered once, every word of its own in the
// reader's language, and colour only for a terminal that wants it.
type screen struct {
	w     io.Writer
	width int // 0: do not wrap (a pipe)
	color bool
	lang  facts.Lang
}

// style is how a run of text is shown.
type style uint8

const (
	plainStyle style = iota
	boldStyle
	italicStyle
	codeStyle
	dimStyle
	titleStyle
)

var ansi = map[style]string{
	boldStyle:   "\x1b[1m",
	italicStyle: "\x1b[3m",
	codeStyle:   "\x1b[36m",
	dimStyle:    "\x1b[2m",
	titleStyle:  "\x1b[1;34m",
}

const reset = "\x1b[0m"

// span is a run of text in one style.
type span struct {
	text string
	st   style
}

var (
	mdToken = regexp.MustCompile("\\*\\*([^*]+)\\*\\*|\\*([^*\\s][^*]*)\\*|`([^`]+)`|\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)|<t:(-?\\d+)(?::[tTdDfFR])?>|<#(\\d+)>")
)

// markdown turns one line of Discord Markdown into styled spans.
func markdown(line string, base style) []span {
	var out []span
	at := 0
	for _, m := range mdToken.FindAllStringSubmatchIndex(line, -1) {
		if m[0] > at {
			out = append(out, span{line[at:m[0]], base})
		}
		group := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return line[m[2*k]:m[2*k+1]]
		}
		switch {
		case group(1) != "":
			out = append(out, span{group(1), boldStyle})
		case group(2) != "":
			out = append(out, span{group(2), italicStyle})
		case group(3) != "":
			out = append(out, span{group(3), codeStyle})
		case group(4) != "":
			out = append(out, span{group(4), base}, span{" <" + group(5) + ">", dimStyle})
		case group(6) != "":
			// A Discord timestamp shows in the reader's time zone: so here.
			sec, _ := strconv.ParseInt(group(6), 10, 64)
			out = append(out, span{time.Unix(sec, 0).Local().Format("2006-01-02 15:04 MST"), base})
		case group(7) != "":
			out = append(out, span{"#" + group(7), base})
		}
		at = m[1]
	}
	if at < len(line) {
		out = append(out, span{line[at:], base})
	}
	return out
}

// paint is text in a style, when colour is on.
func (s *screen) paint(text string, st style) string {
	if !s.color && st == codeStyle && text != "" {
		return "`" + text + "`" // what was typed stays marked without colour
	}
	if !s.color || st == plainStyle || text == "" {
		return text
	}
	return ansi[st] + text + reset
}

// block prints text (Markdown, several lines) after prefix on every line,
// wrapped to the width left after the prefix.
func (s *screen) block(prefix, text string, base style) {
	pw := runewidth.StringWidth(prefix)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			continue
		}
		for _, row := range s.wrap(markdown(line, base), s.width-pw) {
			if row == "" {
				fmt.Fprintln(s.w, s.paint(strings.TrimRight(prefix, " "), dimStyle))
				continue
			}
			fmt.Fprintln(s.w, s.paint(prefix, dimStyle)+row)
		}
	}
}

// wrap lays spans out in rows of at most width cells, breaking at spaces
// (a word wider than a row is cut). width <= 0 does not wrap.
func (s *screen) wrap(spans []span, width int) []string {
	var rows []string
	var row strings.Builder
	used := 0
	space := false // a space is owed before the next word on this row
	flush := func() {
		rows = append(rows, row.String())
		row.Reset()
		used, space = 0, false
	}
	for _, sp := range spans {
		for i, word := range strings.Split(sp.text, " ") {
			if i > 0 && used > 0 {
				space = true
			}
			if word == "" {
				continue
			}
			w := runewidth.StringWidth(word)
			gap := 0
			if space {
				gap = 1
			}
			if width > 0 && used > 0 && used+gap+w > width {
				flush()
				gap = 0
			}
			if gap == 1 {
				row.WriteString(" ")
				used++
			}
			space = false
			for width > 0 && w > width {
				head := runewidth.Truncate(word, width, "")
				row.WriteString(s.paint(head, sp.st))
				flush()
				word = strings.TrimPrefix(word, head)
				w = runewidth.StringWidth(word)
			}
			row.WriteString(s.paint(word, sp.st))
			used += w
		}
	}
	flush()
	return rows
}

// response shows an interaction response.
func (s *screen) response(resp *discordgo.InteractionResponse) {
	if resp == nil {
		return
	}
	d := resp.Data
	switch resp.Type {
	case discordgo.InteractionResponseUpdateMessage:
		fmt.Fprintln(s.w, s.paint(s.t(msgUpdated), dimStyle))
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if d == nil || len(d.Choices) == 0 {
			fmt.Fprintln(s.w, s.paint(s.t(msgNoSuggestions), dimStyle))
			return
		}
		for _, c := range d.Choices {
			s.block("  • ", c.Name, plainStyle)
		}
		return
	}
	if d == nil {
		return
	}
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		fmt.Fprintln(s.w, s.paint(s.t(msgOnlyYou), dimStyle))
	}
	s.body(d.Content, d.Embeds, d.Components, d.Files)
}

// message shows a channel message (the answer to free text).
func (s *screen) message(m *discordgo.MessageSend) {
	if m != nil {
		s.body(m.Content, m.Embeds, m.Components, m.Files)
	}
}

func (s *screen) body(content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent, files []*discordgo.File) {
	buttons := commands.Buttons(components)
	if content != "" {
		s.block("", withoutListed(content, buttons), plainStyle)
	}
	for _, e := range embeds {
		s.embed(e)
	}
	for _, f := range files {
		fmt.Fprintln(s.w, s.paint(s.t(msgAttachment, f.Name), dimStyle))
	}
	for k, b := range buttons {
		s.block(fmt.Sprintf("[%d] ", k+1), b.Label, boldStyle)
	}
	if len(buttons) > 0 {
		fmt.Fprintln(s.w, s.paint(s.t(msgTypeNumber), dimStyle))
	}
}

// withoutListed drops the lines of a message that list, as bullets, what
// its buttons offer: on Discord the list is read and the buttons clicked;
// here the numbered buttons are both.
func withoutListed(content string, buttons []discordgo.Button) string {
	if len(buttons) == 0 {
		return content
	}
	labels := map[string]bool{}
	for _, b := range buttons {
		labels[strings.TrimSuffix(b.Label, "…")] = true
	}
	var kept []string
	for _, line := range strings.Split(content, "\n") {
		item := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(item, "• "); ok {
			listed := false
			for l := range labels {
				if strings.HasPrefix(rest, l) {
					listed = true
				}
			}
			if listed {
				continue
			}
		}
		kept = append(kept, line)
	}
	return strings.TrimRight(strings.Join(kept, "\n"), "\n")
}

func (s *screen) embed(e *discordgo.MessageEmbed) {
	if e == nil {
		return
	}
	fmt.Fprintln(s.w)
	if e.Title != "" {
		s.block("│ ", e.Title, titleStyle)
		w := runewidth.StringWidth(e.Title)
		if s.width > 0 {
			w = min(w, s.width-2)
		}
		fmt.Fprintln(s.w, s.paint("│ ", dimStyle)+s.paint(strings.Repeat("─", min(w, 60)), dimStyle))
	}
	if e.Description != "" {
		s.block("│ ", e.Description, plainStyle)
	}
	for _, f := range e.Fields {
		fmt.Fprintln(s.w, s.paint("│", dimStyle))
		s.block("│ ", f.Name, boldStyle)
		s.block("│   ", f.Value, plainStyle)
	}
	if e.Image != nil {
		fmt.Fprintln(s.w, s.paint("│", dimStyle))
		s.block("│ ", s.t(msgImage, strings.TrimPrefix(e.Image.URL, "attachment://")), dimStyle)
	}
	if e.Footer != nil && e.Footer.Text != "" {
		fmt.Fprintln(s.w, s.paint("│", dimStyle))
		s.block("│ ", "— "+e.Footer.Text, dimStyle)
	}
	fmt.Fprintln(s.w)
}
