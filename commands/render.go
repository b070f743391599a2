package commands

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// RenderText prints an interaction response for a terminal: the content,
// each embed as an indented block, autocomplete choices as a list, and
// buttons as numbered choices, numbered as Buttons returns them.
func RenderText(w io.Writer, resp *discordgo.InteractionResponse) error {
	bw := bufio.NewWriter(w)
	if resp == nil {
		return nil
	}
	d := resp.Data
	switch resp.Type {
	case discordgo.InteractionResponsePong:
		fmt.Fprintln(bw, "(pong)")
		return bw.Flush()
	case discordgo.InteractionResponseUpdateMessage:
		fmt.Fprintln(bw, "(message updated)")
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if d == nil || len(d.Choices) == 0 {
			fmt.Fprintln(bw, "(no suggestions)")
			return bw.Flush()
		}
		for _, c := range d.Choices {
			fmt.Fprintf(bw, "  • %s\n", c.Name)
			if v := fmt.Sprint(c.Value); v != c.Name {
				fmt.Fprintf(bw, "      = %s\n", v)
			}
		}
		return bw.Flush()
	}
	if d == nil {
		return bw.Flush()
	}
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		fmt.Fprintln(bw, "(only you can see this)")
	}
	renderBody(bw, d.Content, d.Embeds, d.Components, d.Files)
	return bw.Flush()
}

// RenderMessage prints a channel message (the answer to free text) the way
// RenderText prints an interaction response.
func RenderMessage(w io.Writer, m *discordgo.MessageSend) error {
	if m == nil {
		return nil
	}
	bw := bufio.NewWriter(w)
	renderBody(bw, m.Content, m.Embeds, m.Components, m.Files)
	return bw.Flush()
}

// Buttons lists the clickable buttons of a message in display order: those
// RenderText numbers 1, 2, 3….
func Buttons(components []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	var walk func([]discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			switch c := c.(type) {
			case discordgo.ActionsRow:
				walk(c.Components)
			case *discordgo.ActionsRow:
				walk(c.Components)
			case discordgo.Button:
				if clickable(c) {
					out = append(out, c)
				}
			case *discordgo.Button:
				if clickable(*c) {
					out = append(out, *c)
				}
			}
		}
	}
	walk(components)
	return out
}

func clickable(b discordgo.Button) bool { return !b.Disabled && b.CustomID != "" }

func renderBody(w io.Writer, content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent, files []*discordgo.File) {
	if content != "" {
		fmt.Fprintln(w, plain(content))
	}
	for _, e := range embeds {
		renderEmbed(w, e)
	}
	for _, f := range files {
		fmt.Fprintf(w, "[attachment: %s]\n", f.Name)
	}
	renderButtons(w, components)
}

func renderEmbed(w io.Writer, e *discordgo.MessageEmbed) {
	if e == nil {
		return
	}
	bar := func(s string) {
		for _, line := range strings.Split(s, "\n") {
			fmt.Fprintln(w, strings.TrimRight("│ "+line, " "))
		}
	}
	fmt.Fprintln(w)
	if e.Title != "" {
		bar(e.Title)
		bar(strings.Repeat("─", min(runeLen(e.Title), 60)))
	}
	if e.Description != "" {
		bar(plain(e.Description))
	}
	for _, f := range e.Fields {
		bar("")
		bar(plain(f.Name))
		bar("  " + strings.ReplaceAll(plain(f.Value), "\n", "\n  "))
	}
	if e.Image != nil {
		bar("")
		bar("[image: " + e.Image.URL + "]")
	}
	if e.Footer != nil && e.Footer.Text != "" {
		bar("")
		bar("— " + e.Footer.Text)
	}
	fmt.Fprintln(w)
}

func renderButtons(w io.Writer, components []discordgo.MessageComponent) {
	n := 0
	var parts []string
	var walk func([]discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			var b discordgo.Button
			switch c := c.(type) {
			case discordgo.ActionsRow:
				walk(c.Components)
				continue
			case *discordgo.ActionsRow:
				walk(c.Components)
				continue
			case discordgo.Button:
				b = c
			case *discordgo.Button:
				b = *c
			default:
				continue
			}
			switch {
			case b.URL != "":
				parts = append(parts, fmt.Sprintf("%s <%s>", b.Label, b.URL))
			case clickable(b):
				n++
				parts = append(parts, fmt.Sprintf("[%d] %s", n, b.Label))
			default:
				parts = append(parts, fmt.Sprintf("(%s)", b.Label))
			}
		}
	}
	walk(components)
	for _, p := range parts {
		fmt.Fprintln(w, p)
	}
	if n > 0 {
		fmt.Fprintln(w, "(type a number to click)")
	}
}

// plain drops the Markdown a terminal would show literally: bold markers
// and code fences.
func plain(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			continue
		}
		out = append(out, strings.ReplaceAll(line, "**", ""))
	}
	return strings.Join(out, "\n")
}
