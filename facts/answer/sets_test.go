package answer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// TestContentSets scores the question sets by content. With
// NINEBRIDGES_CONTENT_DIR it scores that directory instead, and with
// NINEBRIDGES_CONTENT_REPORT it writes every reply and its grade there, one
// JSON object a line, to be read by a person.
func TestContentSets(t *testing.T) {
	a := answerer(t)
	var report *json.Encoder
	if path := os.Getenv("NINEBRIDGES_CONTENT_REPORT"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		report = json.NewEncoder(f)
		report.SetEscapeHTML(false)
	}
	if dir := os.Getenv("NINEBRIDGES_CONTENT_DIR"); dir != "" {
		cases, err := loadContentSet(dir)
		if err != nil {
			t.Fatal(err)
		}
		s := scoreContentSet(t, a, cases, report)
		s.log(t, dir)
		for _, w := range s.wrongs {
			t.Log(w)
		}
		return
	}
	sets := []struct {
		dir string
		// minRight is a floor a few questions under today's score, so
		// that a change that costs right answers is noticed.
		minRight int
		// maxWrong, when set, replaces the 1 % ceiling on confident wrong
		// answers.
		maxWrong int
		// kindTargets are the shares right that a kind must reach, per
		// language.
		kindTargets map[string]map[facts.Lang]float64
	}{
		{dir: "eval", minRight: 240, kindTargets: map[string]map[facts.Lang]float64{
			"compute": {facts.EN: 90, facts.KO: 85, facts.RU: 85},
			"list":    {facts.EN: 90, facts.KO: 85, facts.RU: 85},
			"claim":   {facts.EN: 90, facts.KO: 85, facts.RU: 85},
		}},
		{dir: filepath.Join("blind", "4"), minRight: 210},
		// Sets 5 and 6 were kept sealed until the work sets 4 and 5
		// prompted was done; their first scores are in the README.
		{dir: filepath.Join("blind", "5"), minRight: 193},
		{dir: filepath.Join("blind", "6"), minRight: 200},
		// Set 7 was written and sealed after the audit's corrections and
		// documents-as-facts landed; its first score is in the README.
		{dir: filepath.Join("blind", "7"), minRight: 215},
		// Set 8 was written and sealed during issue 13's work, after set
		// 7's rules, and found 16 wrong answers on arrival (README); the
		// ceiling is what remains until the rules they call for are made.
		{dir: filepath.Join("blind", "8"), minRight: 184, maxWrong: 6},
	}
	for _, set := range sets {
		t.Run(filepath.ToSlash(set.dir), func(t *testing.T) {
			cases, err := loadContentSet(filepath.Join("testdata", set.dir))
			if err != nil {
				t.Fatal(err)
			}
			s := scoreContentSet(t, a, cases, report)
			s.log(t, set.dir)
			total := len(cases)
			// Confident wrong answers, the figure to avoid: at most 1 %.
			ceiling := total / 100
			if set.maxWrong > 0 {
				ceiling = set.maxWrong
			}
			if w := s.all[wrong]; w > ceiling {
				t.Errorf("%d confident wrong answers of %d (%.1f %%), want at most %d", w, total, pct(w, total), ceiling)
				for _, line := range s.wrongs {
					t.Log(line)
				}
			}
			if s.all[right] < set.minRight {
				t.Errorf("%d right of %d, want at least %d", s.all[right], total, set.minRight)
			}
			for kind, byLang := range set.kindTargets {
				for lang, target := range byLang {
					c := s.byKindLang[kind+"/"+string(lang)]
					if c == nil {
						t.Errorf("no %s questions in %s", kind, lang)
						continue
					}
					n := c[0] + c[1] + c[2] + c[3]
					if got := pct(c[right], n); got < target {
						t.Errorf("%s in %s: %.1f %% right (%d of %d), want at least %.0f %%", kind, lang, got, c[right], n, target)
					}
				}
			}
		})
	}
}
