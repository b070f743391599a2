package match

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/ninebridges/ninebridges/facts"
)

// phrasingCut is how many of each fact's phrasings are kept per language;
// a negative count keeps them all.
type phrasingCut struct {
	name       string
	en, ko, ru int
}

func (c phrasingCut) keep(lang string) int {
	switch lang {
	case "ko":
		return c.ko
	case "ru":
		return c.ru
	}
	return c.en
}

// phrasingCuts are the points of the phrasing-cost curve: from a fact
// drafted with its answers only to one asked in every way its curators
// wrote.
var phrasingCuts = []phrasingCut{
	{"none", 0, 0, 0},
	{"1/1/1", 1, 1, 1},
	{"2/1/1", 2, 1, 1},
	{"3/2/2", 3, 2, 2},
	{"6/4/4", 6, 4, 4},
	{"full", -1, -1, -1},
}

// cutBase loads the fact base with each fact's questions cut to the first
// few per language. It goes through facts.Load, so the copy is a whole,
// validated base (series, groups, entities and events point at its own
// facts) that differs from the embedded one only in its phrasings. The
// files are read from disk, where the embedded ones come from; the
// corpus/ and data/ files of each extra directory are added to them.
func cutBase(t testing.TB, cut phrasingCut, extra ...string) *facts.Base {
	t.Helper()
	mem := fstest.MapFS{}
	for _, dir := range append([]string{".."}, extra...) { // "..": facts/
		disk := os.DirFS(dir)
		err := fs.WalkDir(disk, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			sub := path.Dir(name)
			if sub != "data" && sub != "corpus" {
				return nil
			}
			if _, dup := mem[name]; dup {
				return fmt.Errorf("%s: %s is already in the base", dir, name)
			}
			b, err := fs.ReadFile(disk, name)
			if err != nil {
				return err
			}
			if sub == "data" && strings.HasSuffix(name, ".yaml") {
				if b, err = cutQuestions(b, cut); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
			mem[name] = &fstest.MapFile{Data: b}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	b, err := facts.Load(mem, "facts/")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// cutQuestions rewrites one data file with each fact's questions cut. It
// edits the YAML tree rather than decoding into the loader's types, so
// everything else in the file reaches the loader as written.
func cutQuestions(data []byte, cut phrasingCut) ([]byte, error) {
	if cut.en < 0 && cut.ko < 0 && cut.ru < 0 {
		return data, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return data, nil
	}
	all := mapValue(doc.Content[0], "facts")
	if all == nil {
		return data, nil
	}
	for _, f := range all.Content {
		qs := mapValue(f, "questions")
		if qs == nil || qs.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(qs.Content); i += 2 {
			lang, list := qs.Content[i].Value, qs.Content[i+1]
			if n := cut.keep(lang); n >= 0 && len(list.Content) > n {
				list.Content = list.Content[:n]
			}
		}
	}
	return yaml.Marshal(&doc)
}

// mapValue returns the value of key in a YAML mapping, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// costScores are one matcher's scores on one question set.
type costScores struct {
	evalScores
	// falseAnswers are questions to refuse that were answered: with
	// wrongAnswers, the confident wrong answers.
	falseAnswers, questions int
}

func (s costScores) wrongShare() float64 {
	return float64(s.wrongAnswers+s.falseAnswers) / float64(s.questions)
}

func scoreCost(m *Matcher, cases []evalCase) costScores {
	s := costScores{questions: len(cases)}
	s.evalScores = evaluate(cases, func(q string) (string, bool) {
		r := m.Answer(q, "")
		if r.Fact == nil {
			return "", false
		}
		return r.Fact.ID, true
	}, func(c evalCase, _ string, answered bool) {
		if c.want == "-" && answered {
			s.falseAnswers++
		}
	})
	return s
}

// costSets are the retrieval sets the curve is drawn on.
func costSets(t testing.TB) (names []string, sets [][]evalCase) {
	names = append(names, "eval")
	sets = append(sets, loadEvalDir(t, filepath.Join("testdata", "eval")))
	dirs, err := filepath.Glob(filepath.Join("testdata", "blind", "*"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(dirs)
	for _, d := range dirs {
		names = append(names, "blind/"+filepath.Base(d))
		sets = append(sets, loadEvalDir(t, d))
	}
	return names, sets
}

// TestPhrasingCost measures what the curated phrasings buy: the matcher is
// built on copies of the base whose facts keep only their first few
// questions per language (en/ko/ru), down to none, and scored on the
// evaluation and blind sets. A fact drafted with its answers only must
// still be found; the fewer phrasings the matcher needs, the cheaper a new
// fact is. Run with -v for the table (markdown):
//
//	go test ./facts/match -run TestPhrasingCost -v
//
// Top-1 is TestEvaluation's (answered, and with the fact wanted); confident
// wrong counts the questions answered with another fact and those to refuse
// that were answered, of all the set's questions. It asserts the targets
// at 3/2/2 on the evaluation set, and that the full copy scores as the
// embedded base does. It takes a few seconds; -short skips it.
func TestPhrasingCost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds six matchers")
	}
	names, sets := costSets(t)
	_, full := testMatcher(t)
	var table strings.Builder
	fmt.Fprintf(&table, "\n| phrasings | set | en top-1 | ko top-1 | ru top-1 | confident wrong |\n|---|---|---:|---:|---:|---:|\n")
	for _, cut := range phrasingCuts {
		m := New(cutBase(t, cut))
		for i, cases := range sets {
			s := scoreCost(m, cases)
			fmt.Fprintf(&table, "| %s | %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% (%d/%d) |\n",
				cut.name, names[i], 100*s.top1(facts.EN), 100*s.top1(facts.KO), 100*s.top1(facts.RU),
				100*s.wrongShare(), s.wrongAnswers+s.falseAnswers, s.questions)
			switch {
			case cut.name == "3/2/2" && names[i] == "eval":
				// A fact asked in three English and two Korean and
				// Russian ways is found nearly as well as one asked in
				// thirty: the matcher leans on its titles, answers,
				// names and figures, not on the curators guessing every
				// wording.
				for l, want := range map[facts.Lang]float64{facts.EN: 0.85, facts.KO: 0.80, facts.RU: 0.80} {
					if s.top1(l) < want {
						t.Errorf("3/2/2 phrasings: eval top-1 %s = %.1f%%, want ≥ %.0f%%", l, 100*s.top1(l), 100*want)
					}
				}
			case cut.name == "full":
				// The copy is the embedded base read again: it must
				// score as the matcher every other test uses.
				if ref := scoreCost(full, cases); ref.right[facts.EN] != s.right[facts.EN] || ref.right[facts.KO] != s.right[facts.KO] ||
					ref.right[facts.RU] != s.right[facts.RU] || ref.wrongAnswers != s.wrongAnswers || ref.falseAnswers != s.falseAnswers {
					t.Errorf("%s: the full copy scores %v, the embedded base %v: the copy is not the base", names[i], s, ref)
				}
			}
		}
	}
	t.Log(table.String())
}
