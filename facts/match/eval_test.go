package match

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match/matchbench"
)

type evalCase struct {
	file, want, question string
	line                 int
}

// loadEval reads the evaluation set, or the one in $NINEBRIDGES_EVAL_DIR:
// a set written apart from this one measures how well the matcher does on
// questions it was not tuned on.
func loadEval(t testing.TB) []evalCase {
	t.Helper()
	dir := "testdata/eval"
	if d := os.Getenv("NINEBRIDGES_EVAL_DIR"); d != "" {
		dir = d
	}
	return loadEvalDir(t, dir)
}

func loadEvalDir(t testing.TB, dir string) []evalCase {
	t.Helper()
	cases, err := matchbench.LoadEval(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]evalCase, len(cases))
	for i, c := range cases {
		out[i] = evalCase{file: c.File, line: c.Line, want: c.Want, question: c.Question}
	}
	return out
}

var (
	realOnce    sync.Once
	realBase    *facts.Base
	realMatcher *Matcher
)

func testMatcher(t testing.TB) (*facts.Base, *Matcher) {
	realOnce.Do(func() {
		b, err := facts.Embedded()
		if err != nil {
			panic(err)
		}
		realBase, realMatcher = b, New(b)
	})
	return realBase, realMatcher
}

// evalScores is the accuracy of an answering function on the evaluation
// set: top-1 per language for answerable questions, and the share of
// unanswerable ones refused.
type evalScores struct {
	right, total        map[facts.Lang]int
	refused, mustRefuse int
	wrongAnswers        int // answered with the wrong fact: the worst outcome
}

func evaluate(cases []evalCase, answer func(q string) (factID string, answered bool), onMiss func(c evalCase, got string, answered bool)) evalScores {
	s := evalScores{right: map[facts.Lang]int{}, total: map[facts.Lang]int{}}
	for _, c := range cases {
		got, answered := answer(c.question)
		if c.want == "-" {
			s.mustRefuse++
			if !answered {
				s.refused++
			} else if onMiss != nil {
				onMiss(c, got, answered)
			}
			continue
		}
		l := DetectLang(c.question)
		s.total[l]++
		switch {
		case answered && got == c.want:
			s.right[l]++
		default:
			if answered {
				s.wrongAnswers++
			}
			if onMiss != nil {
				onMiss(c, got, answered)
			}
		}
	}
	return s
}

func (s evalScores) top1(l facts.Lang) float64 {
	if s.total[l] == 0 {
		return 0
	}
	return float64(s.right[l]) / float64(s.total[l])
}

func (s evalScores) refusal() float64 {
	if s.mustRefuse == 0 {
		return 0
	}
	return float64(s.refused) / float64(s.mustRefuse)
}

func TestEvaluation(t *testing.T) {
	b, m := testMatcher(t)
	cases := loadEval(t)
	for _, c := range cases {
		if c.want != "-" {
			if _, ok := b.Fact(c.want); !ok {
				t.Errorf("%s:%d: unknown fact %q", c.file, c.line, c.want)
			}
		}
	}
	verbose := os.Getenv("NINEBRIDGES_EVAL_VERBOSE") != ""
	s := evaluate(cases, func(q string) (string, bool) {
		r := m.Answer(q, "")
		if r.Fact == nil {
			return "", false
		}
		return r.Fact.ID, true
	}, func(c evalCase, got string, answered bool) {
		if verbose {
			r := m.Answer(c.question, "")
			var sug []string
			for _, s := range r.Suggestions {
				sug = append(sug, s.FactID)
			}
			t.Logf("MISS %s:%d want=%s got=%s answered=%v score=%.2f reason=%s sugg=%v  %q", filepath.Base(c.file), c.line, c.want, got, answered, r.Score, r.Reason, sug, c.question)
		}
	})
	t.Logf("top-1: en %.1f%% (%d/%d), ko %.1f%% (%d/%d), ru %.1f%% (%d/%d); refusals %.1f%% (%d/%d); wrong answers %d",
		100*s.top1(facts.EN), s.right[facts.EN], s.total[facts.EN],
		100*s.top1(facts.KO), s.right[facts.KO], s.total[facts.KO],
		100*s.top1(facts.RU), s.right[facts.RU], s.total[facts.RU],
		100*s.refusal(), s.refused, s.mustRefuse, s.wrongAnswers)
	if s.total[facts.EN] < 120 || s.total[facts.KO] < 40 || s.total[facts.RU] < 40 || s.mustRefuse < 40 {
		t.Errorf("evaluation set too small: %v answerable, %d to refuse", s.total, s.mustRefuse)
	}
	// Issue #3's targets: 95 % English, 90 % Korean and Russian, 90 %
	// refusals.
	for l, want := range map[facts.Lang]float64{facts.EN: 0.95, facts.KO: 0.90, facts.RU: 0.90} {
		if s.top1(l) < want {
			t.Errorf("top-1 %s = %.1f%%, want ≥ %.0f%%", l, 100*s.top1(l), 100*want)
		}
	}
	if s.refusal() < 0.90 {
		t.Errorf("refusals = %.1f%%, want ≥ 90%%", 100*s.refusal())
	}
	if s.wrongAnswers > 5 {
		t.Errorf("%d questions answered with the wrong fact", s.wrongAnswers)
	}
}

// TestBlindEvaluation scores the sets in testdata/blind, written apart
// from the evaluation set and blind to the fact phrasings. Their first
// scores, before any change they prompted, are in each set's en.tsv and
// the README. The floors, a few questions under today's scores, catch a
// change that helps the evaluation set at the expense of questions
// written another way.
func TestBlindEvaluation(t *testing.T) {
	b, m := testMatcher(t)
	floors := map[string]struct{ en, ko, ru, refusals float64 }{
		"1": {en: 0.93, ko: 0.95, ru: 0.95, refusals: 0.88},
		"2": {en: 0.87, ko: 0.86, ru: 0.94, refusals: 0.87},
		"3": {en: 0.91, ko: 0.86, ru: 0.88, refusals: 0.83},
	}
	for set, floor := range floors {
		cases := loadEvalDir(t, filepath.Join("testdata", "blind", set))
		for _, c := range cases {
			if _, ok := b.Fact(c.want); c.want != "-" && !ok {
				t.Errorf("%s:%d: unknown fact %q", c.file, c.line, c.want)
			}
		}
		s := evaluate(cases, func(q string) (string, bool) {
			r := m.Answer(q, "")
			if r.Fact == nil {
				return "", false
			}
			return r.Fact.ID, true
		}, nil)
		t.Logf("blind set %s: top-1 en %.1f%%, ko %.1f%%, ru %.1f%%; refusals %.1f%%; wrong answers %d",
			set, 100*s.top1(facts.EN), 100*s.top1(facts.KO), 100*s.top1(facts.RU), 100*s.refusal(), s.wrongAnswers)
		for l, want := range map[facts.Lang]float64{facts.EN: floor.en, facts.KO: floor.ko, facts.RU: floor.ru} {
			if s.top1(l) < want {
				t.Errorf("blind set %s: top-1 %s = %.1f%%, floor %.0f%%", set, l, 100*s.top1(l), 100*want)
			}
		}
		if s.refusal() < floor.refusals {
			t.Errorf("blind set %s: refusals = %.1f%%, floor %.0f%%", set, 100*s.refusal(), 100*floor.refusals)
		}
	}
}

// TestEvaluationDump writes each question's best candidate, score and
// margin, for calibrating minScore and minMargin.
func TestEvaluationDump(t *testing.T) {
	out := os.Getenv("NINEBRIDGES_EVAL_DUMP")
	if out == "" {
		t.Skip("set NINEBRIDGES_EVAL_DUMP=FILE to write calibration data")
	}
	_, m := testMatcher(t)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range loadEval(t) {
		r := m.Answer(c.question, "")
		top := ""
		if r.top != nil {
			top = r.top.ID
		}
		fmt.Fprintf(f, "%s\t%s\t%s\t%.4f\t%.4f\t%s\n", DetectLang(c.question), c.want, top, r.Score, r.margin, r.Reason)
	}
}
