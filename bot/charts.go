package bot

import (
	"bytes"
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/chart"
)

// Charts draws series charts as Discord attachments for the commands.
type Charts struct {
	Base *facts.Base
}

// Chart implements commands.Charter.
func (c Charts) Chart(ctx context.Context, s *facts.Series, lang facts.Lang, highlightYear int) (*discordgo.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	png, err := chart.Render(s, c.Base, lang, chart.Options{HighlightYear: highlightYear})
	if err != nil {
		return nil, fmt.Errorf("chart of %s: %w", s.ID, err)
	}
	name := s.ID + "-" + string(lang) + ".png"
	if highlightYear != 0 {
		name = fmt.Sprintf("%s-%d-%s.png", s.ID, highlightYear, lang)
	}
	return &discordgo.File{Name: name, ContentType: "image/png", Reader: bytes.NewReader(png)}, nil
}
