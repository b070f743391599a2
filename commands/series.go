package commands

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// The series behind /trade and /exchanges.
const (
	seriesTrade     = "trade-volume"
	seriesExchanges = "people-exchanges"
	seriesTourists  = "tourists"
	seriesExports   = "exports-to-russia"
)

// seriesCommands holds what /trade and /exchanges need; card draws a
// fact's card, as /fact does.
type seriesCommands struct {
	base   *facts.Base
	charts Charter
	log    *slog.Logger
	card   func(*facts.Fact, facts.Lang) *discordgo.MessageEmbed
	links  links // the site's pages, when there is a site
}

// seriesCommand answers a series command: with a year, that year's fact
// card; without, the whole series as a table. Extra series are shown below
// the main one and answer for years the main one lacks (exports under
// /trade, tourist counts under /exchanges).
func (sc *seriesCommands) seriesCommand(id string, cmd Text, extra ...string) HandlerFunc {
	return func(ctx context.Context, req *Request) (*discordgo.InteractionResponse, error) {
		lang := req.Lang
		s, ok := sc.base.Series(id)
		if !ok || len(s.Points) == 0 {
			sc.log.WarnContext(ctx, "series missing from the fact base", "series", id)
			return reply(Message{Content: tr(lang, msgNoFigures), Ephemeral: true}), nil
		}
		years := s.Years()
		last := strconv.Itoa(years[len(years)-1])
		year, given, err := req.intOpt(optYear, last)
		if err != nil {
			return nil, err
		}
		if given {
			for _, sid := range append([]string{id}, extra...) {
				if xs, ok := sc.base.Series(sid); ok {
					if f := xs.Point(year); f != nil {
						m := Message{Embeds: []*discordgo.MessageEmbed{sc.card(f, lang)}}
						sc.attachChart(ctx, &m, xs, lang, year)
						return reply(m), nil
					}
				}
			}
			return nil, userErr(lang, msgNoYear, year, joinYears(years), commandMention(cmd, lang, &txtYear, last))
		}

		all := []*facts.Series{s}
		table, notes := seriesTable(s, lang)
		desc := table + notes + "\n" + tr(lang, msgSeriesHint, commandMention(cmd, lang, &txtYear, last))
		e := &discordgo.MessageEmbed{
			Title:       s.Title.In(lang),
			Description: desc,
			Color:       embedColor,
			Footer:      &discordgo.MessageEmbedFooter{Text: s.ID},
			URL:         sc.links.series(s.ID, lang),
		}
		for _, sid := range extra {
			xs, ok := sc.base.Series(sid)
			if !ok || len(xs.Points) == 0 {
				continue
			}
			all = append(all, xs)
			t, n := seriesTable(xs, lang)
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: tr(lang, msgAlsoSeries, xs.Title.In(lang)), Value: strings.TrimSpace(t + n)})
		}
		if src := sc.seriesSources(all, lang); src != "" {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: tr(lang, msgSources), Value: src})
		}
		m := Message{Embeds: []*discordgo.MessageEmbed{e}}
		sc.attachChart(ctx, &m, s, lang, 0)
		return reply(m), nil
	}
}

// attachChart adds a chart of s, with highlight's bar picked out, when a
// Charter is configured. A chart is an
// extra: if drawing fails, the table still goes out.
func (sc *seriesCommands) attachChart(ctx context.Context, m *Message, s *facts.Series, lang facts.Lang, highlight int) {
	if sc.charts == nil {
		return
	}
	f, err := sc.charts.Chart(ctx, s, lang, highlight)
	if err != nil || f == nil {
		if err != nil {
			sc.log.WarnContext(ctx, "drawing chart failed", "series", s.ID, "err", err)
		}
		return
	}
	m.Files = append(m.Files, f)
	if len(m.Embeds) > 0 {
		m.Embeds[0].Image = &discordgo.MessageEmbedImage{URL: "attachment://" + f.Name}
	}
}

// seriesTable renders a series as a monospace table, year first: amounts
// in Korean are wider than they look, so they go last where alignment does
// not matter. notes explains the marks, partial years and approximations.
func seriesTable(s *facts.Series, lang facts.Lang) (table, notes string) {
	var t, n strings.Builder
	t.WriteString("```\n")
	approx := false
	for _, f := range s.Points {
		v := f.Value
		amount := facts.FormatAmount(v.Amount, v.Unit, lang)
		if v.Approx {
			amount = "≈" + amount
			approx = true
		}
		mark := ""
		if v.AsOf != "" {
			mark = " *"
			asOf := v.AsOf
			if d, err := facts.ParseDate(v.AsOf); err == nil {
				asOf = d.Human(lang)
			}
			n.WriteString(tr(lang, msgPartial, v.Year, asOf) + "\n")
		}
		fmt.Fprintf(&t, "%d │ %s%s\n", v.Year, amount, mark)
	}
	t.WriteString("```\n")
	if approx {
		n.WriteString(tr(lang, msgApprox) + "\n")
	}
	return t.String(), n.String()
}

// seriesSources names the documents (and outside references) the figures
// come from, in the corpus's date order.
func (sc *seriesCommands) seriesSources(all []*facts.Series, lang facts.Lang) string {
	cited := map[string]bool{}
	var refs []*facts.Reference
	for _, s := range all {
		for _, f := range s.Points {
			for _, src := range f.Sources {
				cited[src.Doc] = true
			}
			refs = append(refs, f.References...)
		}
	}
	var b strings.Builder
	for _, d := range sc.base.Documents() {
		if cited[d.ID] {
			fmt.Fprintf(&b, "• %s — %s, %s\n", d.Title, d.Publisher, d.Date.Human(lang))
		}
	}
	for _, ref := range refs {
		fmt.Fprintf(&b, "• %s %s — %s, %s\n", tr(lang, msgExternal), ref.Title, ref.Publisher, ref.Date)
	}
	return strings.TrimSpace(b.String())
}

func joinYears(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}
