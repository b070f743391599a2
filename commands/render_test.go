package commands

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestRenderText(t *testing.T) {
	row := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Previous", CustomID: "nb:tl::::0:en", Disabled: true},
		discordgo.Button{Label: "Next ▶", CustomID: "nb:tl::::2:en"},
		discordgo.Button{Label: "Source", URL: "https://example.org", Style: discordgo.LinkButton},
		&discordgo.Button{Label: "Third", CustomID: "nb:fact:x:en"},
	}}
	tests := []struct {
		name string
		resp *discordgo.InteractionResponse
		want []string
		not  []string
	}{
		{"message", &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content: "Hello **there**",
				Embeds: []*discordgo.MessageEmbed{{
					Title:       "Trade volume",
					Description: "```\n2016 │ US$13.4 billion\n```\n* partial",
					Fields:      []*discordgo.MessageEmbedField{{Name: "Source", Value: "MOFA\n“quote”"}},
					Footer:      &discordgo.MessageEmbedFooter{Text: "trade-volume-2016"},
					Image:       &discordgo.MessageEmbedImage{URL: "attachment://chart.png"},
				}},
				Components: []discordgo.MessageComponent{row},
				Files:      []*discordgo.File{{Name: "chart.png"}},
			},
		}, []string{"Hello there", "│ Trade volume", "│ 2016 │ US$13.4 billion", "│ * partial", "│ Source", "│   MOFA", "│   “quote”", "│ — trade-volume-2016", "[image: attachment://chart.png]", "[attachment: chart.png]", "(◀ Previous)", "[1] Next ▶", "Source <https://example.org>", "[2] Third"},
			[]string{"```", "**", "(only you"}},
		{"ephemeral", reply(Message{Content: "I'm not sure.", Ephemeral: true}), []string{"(only you can see this)", "I'm not sure."}, []string{"type a number"}},
		{"update", update(Message{Content: "page 2"}), []string{"(message updated)", "page 2"}, nil},
		{"choices", autocompleteResult([]*discordgo.ApplicationCommandOptionChoice{{Name: "Trade 2016", Value: "trade-volume-2016"}, {Name: "Same", Value: "Same"}}),
			[]string{"• Trade 2016", "= trade-volume-2016", "• Same"}, []string{"= Same"}},
		{"no choices", autocompleteResult(nil), []string{"(no suggestions)"}, nil},
		{"pong", &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, []string{"(pong)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := RenderText(&b, tt.resp); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q:\n%s", n, out)
				}
			}
		})
	}

	bs := Buttons([]discordgo.MessageComponent{row})
	if len(bs) != 2 || bs[0].CustomID != "nb:tl::::2:en" || bs[1].CustomID != "nb:fact:x:en" {
		t.Errorf("Buttons = %+v, want the two clickable ones in order", bs)
	}
	if err := RenderText(&strings.Builder{}, nil); err != nil {
		t.Error(err)
	}
}

func TestRenderMessage(t *testing.T) {
	r, _ := newRouter(t)
	var b strings.Builder
	if err := RenderMessage(&b, r.Message(t.Context(), "exchanges")); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, w := range []string{"Did you mean", "• How many", "[1] ", "[3] "} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if err := RenderMessage(&b, nil); err != nil {
		t.Error(err)
	}
}
