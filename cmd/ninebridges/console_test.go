package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// runConsoleScript runs the binary's default command in-process with a
// scripted stdin and no Discord token.
func runConsoleScript(t *testing.T, script string, envs map[string]string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb strings.Builder
	code = run(context.Background(), nil, strings.NewReader(script), &out, &errb, func(k string) string { return envs[k] })
	return out.String(), errb.String(), code
}

func TestConsole(t *testing.T) {
	tests := []struct {
		name   string
		script string
		env    map[string]string
		want   []string // in this order
		not    []string
	}{
		{
			name:   "ask, then click a suggestion",
			script: "/ask question: trade in 2021\n1\n/quit\nnever read\n",
			want: []string{"Nine Bridges console", "(only you can see this)", "I have no figure for 2021",
				"[1] What was the trade volume", "(type a number to click)", "— trade-volume-20"},
			not: []string{"never read"},
		},
		{
			name:   "the brief's example",
			script: "/ask question: trade in 2016\n1\n/quit",
			want:   []string{"│ Trade volume in 2016", "“US$13.4 billion in 2016”", "— trade-volume-2016", "There is no button 1"},
		},
		{
			name:   "timeline paging by number",
			script: "/timeline\n1\n2\n",
			want:   []string{"Page 1 of 3", "[1] Next ▶", "(message updated)", "Page 2 of 3", "[1] ◀ Previous", "[2] Next ▶", "Page 3 of 3"},
		},
		{
			name:   "options with spaces, several options, a bare value",
			script: "/timeline from:2018 topic: forum\n/trade year:2017\n/trade 2015\n/fact id:trade-volume-2016\n/exchanges\n",
			want: []string{"2018 – … · Interregional forum", "— trade-volume-2017", "— trade-volume-2015", "— trade-volume-2016",
				"2017 │ 510,000", "Tourists between Korea and Russia"},
		},
		{
			name:   "language switch and localized command names",
			script: "/lang ko\n/교역 연도:2015\n/lang ru\n/trade\n/lang de\n",
			want:   []string{"언어: ko", "2015년 한러 교역액", "Язык: ru", "2016 │ 13,4 млрд долл.", `unknown language "de"`},
		},
		{
			name:   "language from the environment",
			script: "/help\n",
			env:    map[string]string{"NINEBRIDGES_LANG": "ru"},
			want:   []string{"Язык: ru", "Nine Bridges — справка", "/спросить"},
		},
		{
			name:   "LANG picks Korean",
			script: "/about\n",
			env:    map[string]string{"LANG": "ko_KR.UTF-8"},
			want:   []string{"언어: ko", "Nine Bridges 소개"},
		},
		{
			name:   "free text in the question's language",
			script: "Каким был товарооборот Кореи и России в 2017 году?\n2016년 한러 교역액은 얼마였나요?\n",
			want:   []string{"Товарооборот в 2017 году", "2016년 한러 교역액"},
		},
		{
			name:   "user errors",
			script: "/trade year:abc\n/trade year:2031\n/timeline from:yesterday\n/fact id:xyz\n/onthisday date:02-30\n/nope\n",
			want: []string{"`year` should be a whole number", "I have figures for 1990, 2015", "`yesterday` is not a date",
				"No fact `xyz`", "`02-30` is not a day", "I don't know that command"},
		},
		{
			name:   "autocomplete",
			script: "?trade 2016\n?\n",
			want:   []string{"  • ", "2016"},
		},
		{
			name:   "number without buttons and blank lines",
			script: "\n\n7\n",
			want:   []string{"There is no button 7 (the last answer has 0)."},
		},
		{
			name:   "mentions in a question",
			script: "@everyone <@123> What was the trade volume between Korea and Russia in 2016?\n",
			want:   []string{"— trade-volume-2016"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runConsoleScript(t, tt.script, tt.env)
			if code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, errs)
			}
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order) in:\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q:\n%s", n, out)
				}
			}
		})
	}
}

// errReader fails after its text, like a broken pipe.
type errReader struct{ r io.Reader }

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, io.ErrUnexpectedEOF
	}
	return n, err
}

func TestConsoleReadError(t *testing.T) {
	var out, errb strings.Builder
	code := run(context.Background(), nil, errReader{strings.NewReader("/help\n")}, &out, &errb, func(string) string { return "" })
	if code != 1 || !strings.Contains(errb.String(), "reading input") {
		t.Errorf("code %d, stderr %q", code, errb.String())
	}
}

func TestConsoleStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe() // a terminal nobody types into
	defer pw.Close()
	done := make(chan int)
	var out strings.Builder
	go func() {
		done <- run(ctx, nil, pr, &out, io.Discard, func(string) string { return "" })
	}()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("console did not stop when its context ended")
	}
}

// TestConsoleSlashParsing checks the interactions the console builds are
// shaped like Discord's: canonical names, declaration order, numbers as
// float64.
func TestConsoleSlashParsing(t *testing.T) {
	b, err := facts.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := newConsole(b, io.Discard, facts.EN, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line string
		name string
		opts map[string]any
	}{
		{"/ask question: trade in 2016", "ask", map[string]any{"question": "trade in 2016"}},
		{"/ask what is: the nine bridges?", "ask", map[string]any{"question": "what is: the nine bridges?"}},
		{"/timeline topic:forum from:2018", "timeline", map[string]any{"from": "2018", "topic": "forum"}},
		{"/timeline from:2018 to:", "timeline", map[string]any{"from": "2018"}},
		{"/TRADE YEAR:2017", "trade", map[string]any{"year": float64(2017)}},
		{"/trade year:soon", "trade", map[string]any{"year": "soon"}},
		{"/교역 연도:2015", "trade", map[string]any{"year": float64(2015)}},
		{"/хроника от:2018 тема:arctic", "timeline", map[string]any{"from": "2018", "topic": "arctic"}},
		{"/sources", "sources", map[string]any{}},
		{"/nope a:b", "nope", map[string]any{}},
	}
	for _, tt := range tests {
		i := c.slash(tt.line)
		if i.Type != discordgo.InteractionApplicationCommand || i.Locale != discordgo.EnglishUS || i.User == nil {
			t.Errorf("%s: interaction %+v", tt.line, i)
		}
		d := i.Data.(discordgo.ApplicationCommandInteractionData)
		if d.Name != tt.name {
			t.Errorf("%s: command %q, want %q", tt.line, d.Name, tt.name)
		}
		got := map[string]any{}
		for _, o := range d.Options {
			got[o.Name] = o.Value
		}
		if len(got) != len(tt.opts) {
			t.Errorf("%s: options %v, want %v", tt.line, got, tt.opts)
			continue
		}
		for k, v := range tt.opts {
			if got[k] != v {
				t.Errorf("%s: %s = %#v, want %#v", tt.line, k, got[k], v)
			}
		}
	}
}
