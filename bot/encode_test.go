package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
	"github.com/ninebridges/ninebridges/commands"
)

// TestEncodeAsEncodingJSON holds Out.Encode to its promise: the bytes
// encoding/json would send, for answers of every shape the router makes.
func TestEncodeAsEncodingJSON(t *testing.T) {
	b, m := realBase(t)
	router, err := commands.New(commands.Config{Base: b, Matcher: m, PublicURL: "https://ninebridges.example"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := NewRESTOut("test-token", "http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	srv := discordtest.NewServer(t)
	str := discordtest.StringOption
	cases := map[string]*discordgo.Interaction{
		"look-up":      srv.SlashCommand("ask", str("question", "korea russia trade 2016")),
		"computed":     srv.SlashCommand("ask", str("question", "how much did trade grow from 2016 to 2017?")),
		"list":         srv.SlashCommand("ask", str("question", "which Korean companies are mentioned?")),
		"refusal":      srv.SlashCommand("ask", str("question", "what is the weather in Vladivostok tomorrow <@123>?")),
		"korean":       srv.SlashCommand("ask", str("question", "2017년 한러 인적교류")),
		"russian":      srv.SlashCommand("ask", str("question", "товарооборот в 2015 году")),
		"timeline":     srv.SlashCommand("timeline", str("from", "2013"), str("to", "2015")),
		"fact":         srv.SlashCommand("fact", str("id", "trade-2019")),
		"autocomplete": srv.Autocomplete("ask", discordtest.Focused(str("question", "arct"))),
		"bad option":   srv.SlashCommand("timeline", str("from", "yesterday-ish")),
	}
	for name, i := range cases {
		t.Run(name, func(t *testing.T) {
			i.Locale = discordgo.EnglishUS
			resp := router.Handle(context.Background(), i)
			ctype, got, err := out.Encode(resp)
			if err != nil {
				t.Fatal(err)
			}
			if ctype != "application/json" {
				t.Fatalf("content type %q", ctype)
			}
			want, err := json.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) < 40 {
				t.Fatalf("a near-empty answer: %s", want)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("Encode sent\n%s\nencoding/json sends\n%s", got, want)
			}
		})
	}
}
