package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
	"github.com/ninebridges/ninebridges/reminders"
)

// runConsole is the bot without Discord: it reads commands and questions,
// builds the interactions Discord would send, and shows what the same
// handlers answer. It is for trying the bot out and for curators checking
// the fact base. On a terminal it edits lines (arrows, history kept in the
// user's state directory), wraps at the terminal's width and uses colour
// unless NO_COLOR is set; from a pipe it reads lines and writes plain text.
func runConsole(ctx context.Context, cfg Config, s stdio) int {
	stdin, stdout, stderr := s.in, s.out, s.errOut
	b, err := loadBase(ctx, cfg.Dir)
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 1
	}
	tty, restore := openTerminal(stdin, stdout, cfg)
	if restore != nil {
		defer restore()
	}
	// The conversation is the answers: the handlers' log goes to a file
	// in the state directory, not between them.
	logger, closeLog := consoleLogger(cfg)
	defer closeLog()
	out := stdout
	if tty != nil {
		out = tty
	}
	c, err := newConsole(b, out, consoleLang(cfg), logger, cfg.PublicURL)
	if err != nil {
		fmt.Fprintln(stderr, "ninebridges:", err)
		return 1
	}
	if tty != nil {
		c.screen.width, c.screen.color = tty.width, tty.color
	}
	c.screen.block("", consoleT(c.lang, msgBanner, len(b.Facts()), len(b.Documents()), c.lang), plainStyle)

	if tty != nil {
		for {
			fmt.Fprintln(out)
			line, err := tty.ReadLine()
			if err != nil { // Ctrl-D, or the terminal gone
				fmt.Fprintln(out)
				return 0
			}
			if quit := c.do(ctx, strings.TrimSpace(line)); quit || ctx.Err() != nil {
				return 0
			}
		}
	}
	// Leaving cancels the reader, so a script that says /quit before its
	// end leaves no goroutine behind.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lines, errc := readLines(ctx, stdin)
	for {
		fmt.Fprint(stdout, "\n> ")
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			fmt.Fprintln(stdout)
			return 0
		case line, ok = <-lines:
		}
		if !ok {
			fmt.Fprintln(stdout)
			if err := <-errc; err != nil {
				fmt.Fprintln(stderr, "ninebridges: reading input:", err)
				return 1
			}
			return 0
		}
		if quit := c.do(ctx, strings.TrimSpace(line)); quit {
			return 0
		}
	}
}

// readLines delivers stdin line by line until EOF or ctx ends. A read
// blocked on a terminal cannot be interrupted, so it happens on its own
// goroutine and the console can leave without waiting for it.
func readLines(ctx context.Context, r io.Reader) (<-chan string, <-chan error) {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				errc <- nil
				return
			}
		}
		errc <- sc.Err()
	}()
	return lines, errc
}

func consoleLang(cfg Config) facts.Lang {
	if l, err := facts.ParseLang(cfg.Lang); err == nil {
		return l
	}
	// A Korean or Russian system locale, such as LANG=ko_KR.UTF-8.
	switch l := cfg.sysLang; {
	case strings.HasPrefix(l, "ko"):
		return facts.KO
	case strings.HasPrefix(l, "ru"):
		return facts.RU
	}
	return facts.EN
}

// newConsole wires the router as the bot will: the real matcher and clock,
// and links to the site when it has a public address.
func newConsole(b *facts.Base, out io.Writer, lang facts.Lang, logger *slog.Logger, publicURL string) (*console, error) {
	router, err := commands.New(commands.Config{Base: b, Matcher: match.New(b), Now: time.Now, Logger: logger, PublicURL: publicURL})
	if err != nil {
		return nil, err
	}
	// Without a store, /reminders says that scheduled posts are off here.
	reminders.Register(router, reminders.Config{Base: b, Logger: logger})
	return &console{router: router, decls: append(commands.Commands(b), reminders.Command()), out: out, lang: lang,
		screen: &screen{w: out, lang: lang}}, nil
}

type console struct {
	router  *commands.Router
	decls   []*discordgo.ApplicationCommand
	out     io.Writer
	lang    facts.Lang
	screen  *screen
	buttons []discordgo.Button // of the last response, numbered from 1
	seq     int
}

// do runs one line and reports whether the user asked to quit.
func (c *console) do(ctx context.Context, line string) (quit bool) {
	switch {
	case line == "":
	case line == "/quit" || line == "/exit" || line == "/q":
		return true
	case line == "/lang" || strings.HasPrefix(line, "/lang "):
		l, err := facts.ParseLang(strings.TrimSpace(strings.TrimPrefix(line, "/lang")))
		if err != nil {
			fmt.Fprintln(c.out, err)
			return false
		}
		c.lang, c.screen.lang = l, l
		fmt.Fprintln(c.out, consoleT(l, msgLanguageIs, l))
	case isButtonNumber(line):
		n, _ := strconv.Atoi(line)
		if n < 1 || n > len(c.buttons) {
			fmt.Fprintln(c.out, consoleT(c.lang, msgNoButton, n, len(c.buttons)))
			return false
		}
		c.respond(ctx, c.click(c.buttons[n-1].CustomID))
	case strings.HasPrefix(line, "?"):
		c.respond(ctx, c.autocomplete(strings.TrimSpace(line[1:])))
	case strings.HasPrefix(line, "/"):
		i := c.slash(line)
		// On Discord, /fact without an id is picked from autocomplete; here
		// the way to find one is ?words.
		if d, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok && d.Name == "fact" && len(d.Options) == 0 {
			fmt.Fprintln(c.out, consoleT(c.lang, msgFactHint))
			return false
		}
		c.respond(ctx, i)
	default:
		m := c.router.Message(ctx, line)
		c.buttons = commands.Buttons(m.Components)
		c.screen.message(m)
	}
	return false
}

func isButtonNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && !strings.ContainsAny(s, "+-")
}

func (c *console) respond(ctx context.Context, i *discordgo.Interaction) {
	resp := c.router.Handle(ctx, i)
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		c.buttons = nil
		if resp.Data != nil {
			c.buttons = commands.Buttons(resp.Data.Components)
		}
	}
	c.screen.response(resp)
}

// interaction is what Discord would send, from a DM with a console user.
func (c *console) interaction(typ discordgo.InteractionType, data discordgo.InteractionData) *discordgo.Interaction {
	c.seq++
	locale := discordgo.EnglishUS
	switch c.lang {
	case facts.KO:
		locale = discordgo.Korean
	case facts.RU:
		locale = discordgo.Russian
	}
	return &discordgo.Interaction{
		ID:        "console-" + strconv.Itoa(c.seq),
		AppID:     "console",
		Type:      typ,
		Data:      data,
		ChannelID: "console",
		User:      &discordgo.User{ID: "console-user", Username: "console"},
		Locale:    locale,
		Context:   discordgo.InteractionContextBotDM,
		Token:     "console",
		Version:   1,
	}
}

func (c *console) click(customID string) *discordgo.Interaction {
	i := c.interaction(discordgo.InteractionMessageComponent, discordgo.MessageComponentInteractionData{
		CustomID:      customID,
		ComponentType: discordgo.ButtonComponent,
	})
	i.Message = &discordgo.Message{ID: "console-message", ChannelID: "console"}
	return i
}

func (c *console) autocomplete(input string) *discordgo.Interaction {
	return c.interaction(discordgo.InteractionApplicationCommandAutocomplete, discordgo.ApplicationCommandInteractionData{
		Name:        "ask",
		CommandType: discordgo.ChatApplicationCommand,
		Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: input, Focused: true},
		},
	})
}

// slash parses "/name opt:value opt:value" against the declarations, so
// option names are known (in any language) and values may contain spaces
// and colons. Text before the first option name goes to the first option:
// "/trade 2017" is "/trade year:2017".
func (c *console) slash(line string) *discordgo.Interaction {
	name, rest, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	data := discordgo.ApplicationCommandInteractionData{Name: name, CommandType: discordgo.ChatApplicationCommand}
	decl := c.find(name)
	if decl == nil {
		// Unknown here is unknown to the router too; let it say so.
		return c.interaction(discordgo.InteractionApplicationCommand, data)
	}
	data.Name = decl.Name
	data.ID = "console-" + decl.Name

	alias := map[string]*discordgo.ApplicationCommandOption{}
	var names []string
	for _, o := range decl.Options {
		for _, n := range append([]string{o.Name}, localizedNames(o.NameLocalizations)...) {
			alias[strings.ToLower(n)] = o
			names = append(names, regexp.QuoteMeta(n))
		}
	}
	values := map[*discordgo.ApplicationCommandOption]string{}
	if len(names) > 0 {
		re := regexp.MustCompile(`(?i)(?:^|\s)(` + strings.Join(names, "|") + `):`)
		locs := re.FindAllStringSubmatchIndex(rest, -1)
		if len(locs) == 0 || strings.TrimSpace(rest[:locs[0][0]]) != "" {
			end := len(rest)
			if len(locs) > 0 {
				end = locs[0][0]
			}
			values[decl.Options[0]] = rest[:end]
		}
		for k, loc := range locs {
			end := len(rest)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			values[alias[strings.ToLower(rest[loc[2]:loc[3]])]] = rest[loc[1]:end]
		}
	}
	for _, o := range decl.Options { // in declaration order, as Discord sends them
		v := strings.TrimSpace(values[o])
		if v == "" {
			continue
		}
		opt := &discordgo.ApplicationCommandInteractionDataOption{Name: o.Name, Type: o.Type, Value: v}
		if o.Type == discordgo.ApplicationCommandOptionInteger {
			// Discord's JSON numbers decode to float64. Text that is no
			// number goes through as is, for the router to reject.
			if n, err := strconv.Atoi(v); err == nil {
				opt.Value = float64(n)
			}
		}
		data.Options = append(data.Options, opt)
	}
	return c.interaction(discordgo.InteractionApplicationCommand, data)
}

// find looks a slash command up by its name in any language.
func (c *console) find(name string) *discordgo.ApplicationCommand {
	for _, d := range c.decls {
		if d.Type != discordgo.ChatApplicationCommand {
			continue
		}
		if strings.EqualFold(d.Name, name) {
			return d
		}
		if d.NameLocalizations != nil {
			for _, n := range *d.NameLocalizations {
				if strings.EqualFold(n, name) {
					return d
				}
			}
		}
	}
	return nil
}

func localizedNames(m map[discordgo.Locale]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
