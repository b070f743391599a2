package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/match"
)

// Answerer finds facts for questions; *match.Matcher is the real one.
type Answerer interface {
	answer.Retriever
	Complete(input string, lang facts.Lang, limit int) []match.Completion
}

// Charter draws a chart of a series for /trade and /exchanges, with one
// year highlighted (0 for none). The router attaches the file and points
// the embed's image at it; without a Charter the tables go out alone.
type Charter interface {
	Chart(ctx context.Context, s *facts.Series, lang facts.Lang, highlightYear int) (*discordgo.File, error)
}

// Config is what a Router needs. Only Base is required.
type Config struct {
	Base *facts.Base
	// Matcher answers questions; nil builds one over Base.
	Matcher Answerer
	// Now is the clock, injected so tests and the console can fix "today".
	// Nil means time.Now.
	Now func() time.Time
	// Location gives the time zone "today" is reckoned in for an
	// interaction, for instance from a per-guild setting. Nil, or a nil
	// result, means UTC.
	Location func(ctx context.Context, i *discordgo.Interaction) *time.Location
	// Logger gets internal errors and recovered panics; nil discards.
	Logger *slog.Logger
	// Charts optionally draws series charts.
	Charts Charter
	// OnQuestion, if set, hears of every question asked (/ask, the message
	// command, free text) and whether it was answered.
	OnQuestion func(answered bool)
	// AnswerCache is how many recent answers are kept for questions asked
	// again; 0 means 4096, negative none.
	AnswerCache int
	// PublicURL is where the site (package web) is reachable, such as
	// https://ninebridges.example. With it, answers, fact cards, sources,
	// timeline entries and series link to their pages there; empty leaves
	// every message as it is without a site.
	PublicURL string
}

// Router turns Discord interactions into responses. It does no I/O of its
// own, so everything it does can be tested without a network, like an
// http.Handler. It is safe for concurrent use once handlers are registered.
type Router struct {
	now      func() time.Time
	location func(ctx context.Context, i *discordgo.Interaction) *time.Location
	log      *slog.Logger

	answering  *answering  // free text (Message) answers as /ask does
	completing *completing // the built-in commands' autocomplete

	commands      map[string]HandlerFunc
	autocompletes map[string]AutocompleteFunc
	components    map[string]HandlerFunc
}

// Request is one interaction being handled, with what every handler needs
// worked out once by the router.
type Request struct {
	Interaction *discordgo.Interaction
	// Lang is the language to answer in: the user's client locale when it
	// is Korean or Russian, else English.
	Lang facts.Lang
	// Now is the injected clock's time in the interaction's time zone.
	Now time.Time

	data     discordgo.ApplicationCommandInteractionData // commands and autocomplete
	customID string                                      // components
}

// HandlerFunc answers one kind of interaction. A *UserError becomes an
// ephemeral message telling the user what to type; any other error is
// logged and answered with an apology.
type HandlerFunc func(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error)

// UserError is a mistake the user can fix, with the message that says how,
// already in the user's language.
type UserError struct {
	Message string
}

func (e *UserError) Error() string { return e.Message }

func userErr(lang facts.Lang, id msgID, args ...any) error {
	return &UserError{Message: tr(lang, id, args...)}
}

// New builds a router over cfg.Base with the built-in commands.
func New(cfg Config) (*Router, error) {
	if cfg.Base == nil {
		return nil, errors.New("commands: Config.Base is nil")
	}
	r := &Router{
		now:           cfg.Now,
		location:      cfg.Location,
		log:           cfg.Logger,
		commands:      map[string]HandlerFunc{},
		autocompletes: map[string]AutocompleteFunc{},
		components:    map[string]HandlerFunc{},
	}
	m := cfg.Matcher
	if m == nil {
		m = match.New(cfg.Base)
	}
	if r.now == nil {
		r.now = time.Now
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	// Each group of commands holds only what its handlers use.
	var answers interface {
		Answer(string, facts.Lang) answer.Reply
	} = answer.New(cfg.Base, m)
	switch {
	case cfg.AnswerCache == 0:
		answers = answer.NewCached(answer.New(cfg.Base, m), 4096)
	case cfg.AnswerCache > 0:
		answers = answer.NewCached(answer.New(cfg.Base, m), cfg.AnswerCache)
	}
	observe := cfg.OnQuestion
	if observe == nil {
		observe = func(bool) {}
	}
	site := newLinks(cfg.PublicURL)
	a := &answering{base: cfg.Base, answers: answers, observe: observe, links: site}
	r.answering = a
	tl := &timelines{base: cfg.Base, links: site}
	n := &info{base: cfg.Base, stats: statsOf(cfg.Base)}
	sc := &seriesCommands{base: cfg.Base, charts: cfg.Charts, log: r.log, card: a.factCard, links: site}
	r.completing = &completing{base: cfg.Base, m: m}
	r.HandleCommand(cmdAsk, a.ask)
	r.HandleCommand(cmdAskMessage, a.askMessage)
	r.HandleCommand(cmdFact, a.fact)
	r.HandleCommand(cmdTimeline, tl.timeline)
	r.HandleCommand(cmdOnThisDay, tl.onThisDay)
	r.HandleCommand(cmdTrade, sc.seriesCommand(seriesTrade, txtTrade, seriesExports))
	r.HandleCommand(cmdExchanges, sc.seriesCommand(seriesExchanges, txtExchanges, seriesTourists))
	r.HandleCommand(cmdSources, n.sources)
	r.HandleCommand(cmdAbout, n.about)
	r.HandleCommand(cmdHelp, n.help)
	r.HandleComponent(kindFact, a.factButton)
	r.HandleComponent(kindTimeline, tl.timelineButton)
	return r, nil
}

// HandleCommand registers h for the application command name (the
// canonical, English name). Register before serving.
func (r *Router) HandleCommand(name string, h HandlerFunc) { r.commands[name] = h }

// AutocompleteFunc suggests choices for the option being typed in a
// command registered with HandleCommand; the built-in commands' options
// are completed by the router itself.
type AutocompleteFunc func(ctx context.Context, req *Request) []*discordgo.ApplicationCommandOptionChoice

// HandleAutocomplete registers h for the autocomplete requests of the
// application command name. Register before serving.
func (r *Router) HandleAutocomplete(name string, h AutocompleteFunc) { r.autocompletes[name] = h }

// HandleComponent registers h for buttons whose custom id starts with
// "nb:<kind>:". Register before serving.
func (r *Router) HandleComponent(kind string, h HandlerFunc) { r.components[kind] = h }

// LangFor is the language to answer a Discord locale in.
func LangFor(l discordgo.Locale) facts.Lang {
	switch l {
	case discordgo.Korean:
		return facts.KO
	case discordgo.Russian:
		return facts.RU
	}
	return facts.EN
}

// Handle answers one interaction. It always returns a response that can be
// sent as is: errors and panics become ephemeral messages (or an empty
// autocomplete list); the way out (bot.Out, ShapeResponse) makes sure it
// pings no one.
func (r *Router) Handle(ctx context.Context, i *discordgo.Interaction) (resp *discordgo.InteractionResponse) {
	start := time.Now()
	if i == nil {
		i = &discordgo.Interaction{}
	}
	lang := LangFor(i.Locale)
	// Resolved only by a line that is written: most interactions write
	// none at the router's levels.
	about := slog.Any("interaction", interactionLog{i})
	log := r.log
	defer func() {
		if p := recover(); p != nil {
			log.ErrorContext(ctx, "handler panicked", about, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			resp = failure(i, lang)
		}
		if log.Enabled(ctx, slog.LevelDebug) {
			log.DebugContext(ctx, "interaction handled", about, "response_type", int(resp.Type), "duration", time.Since(start))
		}
	}()

	resp, err := r.dispatch(ctx, i, lang)
	if err == nil && resp == nil {
		err = errors.New("handler returned no response")
	}
	if err != nil {
		var ue *UserError
		if errors.As(err, &ue) {
			log.DebugContext(ctx, "user error", about, "msg", ue.Message)
			if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
				return autocompleteResult(nil)
			}
			return reply(Message{Content: ue.Message, Ephemeral: true})
		}
		log.ErrorContext(ctx, "handling interaction failed", about, "err", err)
		return failure(i, lang)
	}
	return resp
}

func (r *Router) dispatch(ctx context.Context, i *discordgo.Interaction, lang facts.Lang) (*discordgo.InteractionResponse, error) {
	req := &Request{Interaction: i, Lang: lang, Now: r.today(ctx, i)}
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil
	case discordgo.InteractionApplicationCommand:
		data, ok := commandData(i)
		if !ok {
			return nil, fmt.Errorf("command interaction carries %T, not command data", i.Data)
		}
		req.data = data
		h := r.commands[data.Name]
		if h == nil {
			r.log.WarnContext(ctx, "unknown command; are the declarations out of date?", "command", data.Name)
			return nil, userErr(lang, msgUnknownCommand, commandMention(txtHelp, lang, nil, ""))
		}
		return h(ctx, req)
	case discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := commandData(i)
		if !ok {
			return nil, fmt.Errorf("autocomplete interaction carries %T, not command data", i.Data)
		}
		req.data = data
		if h := r.autocompletes[data.Name]; h != nil {
			return autocompleteResult(h(ctx, req)), nil
		}
		return autocompleteResult(r.completing.autocomplete(req)), nil
	case discordgo.InteractionMessageComponent:
		var id string
		switch d := i.Data.(type) {
		case discordgo.MessageComponentInteractionData:
			id = d.CustomID
		case *discordgo.MessageComponentInteractionData:
			id = d.CustomID
		default:
			return nil, fmt.Errorf("component interaction carries %T, not component data", i.Data)
		}
		req.customID = id
		h := r.components[customIDKind(id)]
		if h == nil {
			return nil, userErr(lang, msgStaleButton)
		}
		return h(ctx, req)
	}
	return nil, fmt.Errorf("unsupported interaction type %d", i.Type)
}

// today is "now" in the interaction's time zone.
func (r *Router) today(ctx context.Context, i *discordgo.Interaction) time.Time {
	loc := time.UTC
	if r.location != nil {
		if l := r.location(ctx, i); l != nil {
			loc = l
		}
	}
	return r.now().In(loc)
}

func commandData(i *discordgo.Interaction) (discordgo.ApplicationCommandInteractionData, bool) {
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		return d, true
	case *discordgo.ApplicationCommandInteractionData:
		if d != nil {
			return *d, true
		}
	}
	return discordgo.ApplicationCommandInteractionData{}, false
}

// interactionLog is an interaction as the log shows it.
type interactionLog struct{ i *discordgo.Interaction }

func (l interactionLog) LogValue() slog.Value { return interactionAttrs(l.i).Value }

func interactionAttrs(i *discordgo.Interaction) slog.Attr {
	attrs := []any{"id", i.ID, "type", int(i.Type), "locale", string(i.Locale)}
	if i.GuildID != "" {
		attrs = append(attrs, "guild", i.GuildID)
	}
	if u := interactionUser(i); u != nil {
		attrs = append(attrs, "user", u.ID)
	}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		attrs = append(attrs, "command", d.Name)
	case discordgo.MessageComponentInteractionData:
		attrs = append(attrs, "custom_id", d.CustomID)
	}
	return slog.Group("interaction", attrs...)
}

func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

// Message answers a free-text question (a mention or a DM, the mention
// already stripped) in the question's own language.
func (r *Router) Message(ctx context.Context, content string) (out *discordgo.MessageSend) {
	lang := match.DetectLang(content)
	defer func() {
		if p := recover(); p != nil {
			r.log.ErrorContext(ctx, "message handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			out = Message{Content: tr(lang, msgApology)}.send()
		}
	}()
	return r.answering.answer(content, "", true).send()
}

// message is a response before it is shaped for an interaction or a
// channel message. Files is where attachments such as charts go.
type Message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Files      []*discordgo.File
	Ephemeral  bool
}

func (m Message) data() *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content:    m.Content,
		Embeds:     m.Embeds,
		Components: m.Components,
		Files:      m.Files,
	}
	if m.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

func (m Message) send() *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: m.Content, Embeds: m.Embeds, Components: m.Components, Files: m.Files}
}

// reply answers with a new message.
func reply(m Message) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m.data()}
}

// update replaces the message a button is on. Components are always sent,
// even empty, so stale buttons disappear.
func update(m Message) *discordgo.InteractionResponse {
	d := m.data()
	d.Flags = 0 // an update cannot change who sees the message
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: d}
}

func autocompleteResult(choices []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// failure is the answer to an internal error or a panic. An autocomplete
// request cannot be answered with a message, so it gets no choices.
func failure(i *discordgo.Interaction, lang facts.Lang) *discordgo.InteractionResponse {
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return autocompleteResult(nil)
	}
	return reply(Message{Content: tr(lang, msgApology), Ephemeral: true})
}

// option returns the named option of a command, if the user gave it.
func (q *Request) option(name string) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range q.data.Options {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// stringOpt returns a string option, trimmed; "" when not given.
func (q *Request) stringOpt(name string) (string, error) {
	o := q.option(name)
	if o == nil || o.Value == nil {
		return "", nil
	}
	s, ok := o.Value.(string)
	if !ok {
		return "", userErr(q.Lang, msgBadString, optionName(name, q.Lang))
	}
	return strings.TrimSpace(s), nil
}

// intOpt returns an integer option. Discord sends numbers as JSON numbers,
// which encoding/json decodes to float64; the console may send text.
func (q *Request) intOpt(name, example string) (int, bool, error) {
	o := q.option(name)
	if o == nil || o.Value == nil {
		return 0, false, nil
	}
	bad := userErr(q.Lang, msgBadInteger, optionName(name, q.Lang), example)
	switch v := o.Value.(type) {
	case float64:
		if v != float64(int(v)) {
			return 0, false, bad
		}
		return int(v), true, nil
	case int:
		return v, true, nil
	case int64:
		return int(v), true, nil
	case string:
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(v), &n); err != nil || fmt.Sprint(n) != strings.TrimSpace(v) {
			return 0, false, bad
		}
		return n, true, nil
	}
	return 0, false, bad
}

var optionTexts = map[string]Text{
	optQuestion: txtQuestion, optID: txtID, optFrom: txtFrom, optTo: txtTo,
	optTopic: txtTopic, optDate: txtDay, optYear: txtYear,
}

// optionName is an option's name as the user sees it.
func optionName(name string, lang facts.Lang) string {
	if t, ok := optionTexts[name]; ok {
		return t.Name.In(lang)
	}
	return name
}
