package commands

import (
	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// Canonical command and option names: what Discord sends back in
// interactions whatever the user's locale.
const (
	cmdAsk        = "ask"
	cmdFact       = "fact"
	cmdTimeline   = "timeline"
	cmdOnThisDay  = "onthisday"
	cmdTrade      = "trade"
	cmdExchanges  = "exchanges"
	cmdSources    = "sources"
	cmdAbout      = "about"
	cmdHelp       = "help"
	cmdAskMessage = "Ask Nine Bridges"

	optQuestion = "question"
	optID       = "id"
	optFrom     = "from"
	optTo       = "to"
	optTopic    = "topic"
	optDate     = "date"
	optYear     = "year"
)

// Our own caps, within Discord's limits (limits.go).
const (
	maxQuestionLen = 300 // /ask input: questions are short
	maxChoices     = 10  // autocomplete allows 25; ten is easier to scan
)

// Commands returns the declarations for one bulk overwrite of the bot's
// global commands. The /timeline topic choices are the base's topics, so the
// declarations are redeployed whenever the base gains a topic.
func Commands(b *facts.Base) []*discordgo.ApplicationCommand {
	// Usable in servers, in DMs with the bot and, when a user installs the
	// app, in their other DMs: the bot only reads public facts.
	contexts := []discordgo.InteractionContextType{
		discordgo.InteractionContextGuild,
		discordgo.InteractionContextBotDM,
		discordgo.InteractionContextPrivateChannel,
	}
	installs := []discordgo.ApplicationIntegrationType{
		discordgo.ApplicationIntegrationGuildInstall,
		discordgo.ApplicationIntegrationUserInstall,
	}
	slash := func(t Text, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		c := t.Command(opts...)
		c.Contexts, c.IntegrationTypes = &contexts, &installs
		return c
	}
	option := func(typ discordgo.ApplicationCommandOptionType, t Text, required bool) *discordgo.ApplicationCommandOption {
		return t.Option(typ, required)
	}

	question := option(discordgo.ApplicationCommandOptionString, txtQuestion, true)
	question.Autocomplete = true
	question.MaxLength = maxQuestionLen

	id := option(discordgo.ApplicationCommandOptionString, txtID, true)
	id.Autocomplete = true
	id.MaxLength = maxChoiceLen

	// YYYY-MM-DD is the longest form the date options accept.
	from := option(discordgo.ApplicationCommandOptionString, txtFrom, false)
	from.MaxLength = 10
	to := option(discordgo.ApplicationCommandOptionString, txtTo, false)
	to.MaxLength = 10
	topic := option(discordgo.ApplicationCommandOptionString, txtTopic, false)
	topic.Choices = append(topic.Choices, topicChoices(b)...)
	day := option(discordgo.ApplicationCommandOptionString, txtDay, false)
	day.MaxLength = 10

	year := func() *discordgo.ApplicationCommandOption {
		o := option(discordgo.ApplicationCommandOptionInteger, txtYear, false)
		lo := 1900.0
		o.MinValue = &lo
		o.MaxValue = 2100
		return o
	}

	message := &discordgo.ApplicationCommand{
		Type:              discordgo.MessageApplicationCommand,
		Name:              txtAskMessage.Name.EN,
		NameLocalizations: ptr(Localized(txtAskMessage.Name)),
		Contexts:          &contexts,
		IntegrationTypes:  &installs,
	}
	return []*discordgo.ApplicationCommand{
		slash(txtAsk, question),
		slash(txtFact, id),
		slash(txtTimeline, from, to, topic),
		slash(txtOnThisDay, day),
		slash(txtTrade, year()),
		slash(txtExchanges, year()),
		slash(txtSources),
		slash(txtAbout),
		slash(txtHelp),
		message,
	}
}

// topicChoices lists the base's topics as choices; Discord allows 25.
func topicChoices(b *facts.Base) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, t := range b.Topics() {
		if len(out) == 25 {
			break
		}
		name := b.TopicTitle(t)
		out = append(out, &discordgo.ApplicationCommandOptionChoice{
			Name:              name.EN,
			NameLocalizations: Localized(name),
			Value:             t,
		})
	}
	return out
}

// Localized gives the Korean and Russian forms of t, the locales the bot
// speaks besides English, as Discord's declarations take them.
func Localized(t facts.Text) map[discordgo.Locale]string {
	return map[discordgo.Locale]string{
		discordgo.Korean:  t.In(facts.KO),
		discordgo.Russian: t.In(facts.RU),
	}
}

func ptr[T any](v T) *T { return &v }

// Command declares a slash command named and described by t, with its
// options; the caller sets where it may be used.
func (t Text) Command(opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Type:                     discordgo.ChatApplicationCommand,
		Name:                     t.Name.EN,
		NameLocalizations:        ptr(Localized(t.Name)),
		Description:              t.Description.EN,
		DescriptionLocalizations: ptr(Localized(t.Description)),
		Options:                  opts,
	}
}

// Option declares an option named and described by t.
func (t Text) Option(typ discordgo.ApplicationCommandOptionType, required bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:                     typ,
		Name:                     t.Name.EN,
		NameLocalizations:        Localized(t.Name),
		Description:              t.Description.EN,
		DescriptionLocalizations: Localized(t.Description),
		Required:                 required,
	}
}

// commandMention is how a command is written in text for a reader in lang,
// with an option when given ("/trade year:2017").
func commandMention(cmd Text, lang facts.Lang, opt *Text, value string) string {
	s := "/" + cmd.Name.In(lang)
	if opt != nil {
		s += " " + opt.Name.In(lang) + ":" + value
	}
	return s
}
