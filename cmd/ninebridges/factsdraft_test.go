package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const fixture = "../../facts/draft/testdata/2022-03-15-testwire-record-trade.txt"

func TestFactsDraftCommand(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  []string // in stdout
		errs string   // in stderr
	}{
		{[]string{"facts", "draft", fixture}, 0, []string{"facts:\n", "- id: testwire-trade-volume-2021\n", "value: {series: trade-volume, year: 2021, amount: 27.3e9, unit: USD}", `answer: {en: "", ko: "", ru: ""}`}, ""},
		// Flags after the file, as the synopsis writes them.
		{[]string{"facts", "draft", fixture, "--dir", "../../facts/draft/testdata/base"}, 0, []string{"testdata/base/data/trade.yaml:15"}, ""},
		{[]string{"facts", "draft", "../../facts/draft/testdata/2020-01-20-testwire-trade-2019.txt"}, 0, []string{"# CONFLICT: trade-volume 2019 is US$24.5 billion in this document but US$22.34 billion in the base"}, ""},
		{[]string{"facts", "draft"}, 2, nil, "usage: ninebridges facts draft FILE"},
		{[]string{"facts", "draft", "a.txt", "b.txt"}, 2, nil, "usage: ninebridges facts draft FILE"},
		{[]string{"facts", "draft", "no-such-file.txt"}, 1, nil, "no-such-file.txt"},
		{[]string{"facts", "draft", "../../facts/testdata/broken/doc-no-separator/corpus/2020-01-01-test-doc.txt"}, 1, nil, `no "---" line`},
		{[]string{"facts", "drat", fixture}, 2, nil, `did you mean "draft"?`},
		{[]string{"facts", "coverag"}, 2, nil, `did you mean "coverage"?`},
		{[]string{"facts", "coverage"}, 0, []string{"2020-09-07-kita-30th-anniversary: ", "total: "}, ""},
		{[]string{"facts", "--help"}, 0, []string{"facts draft FILE [--dir DIR]", "facts coverage [--json] [--dir DIR]"}, ""},
		{[]string{"--help"}, 0, []string{"draft facts from a document"}, ""},
	}
	for _, tt := range tests {
		out, errs, code := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.errs) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.errs)
			continue
		}
		for _, w := range tt.out {
			if !strings.Contains(out, w) {
				t.Errorf("%v: stdout lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestFactsCoverageJSON(t *testing.T) {
	out, errs, code := runCLI(t, "", "facts", "coverage", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got coverageJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) < 5 || got.Total.Sentences == 0 {
		t.Fatalf("coverage of %d documents, %d sentences", len(got.Documents), got.Total.Sentences)
	}
	for _, d := range got.Documents {
		if d.Uncovered == nil || d.Share < 0 || d.Share > 1 || d.Quoted+d.Excluded+len(d.Uncovered) != d.Sentences {
			t.Errorf("%s: %+v does not add up", d.Doc, d)
		}
	}
	// The shipped base leaves no sentence with a figure, a date or a name
	// unexplained: a new one needs a fact, or an exclusion with why.
	if got.Total.Share != 1 {
		t.Errorf("the shipped base covers %.1f%% of its sentences; run \"ninebridges facts coverage\" and quote or exclude the rest", 100*got.Total.Share)
	}
}

// curatedBase is the curator's path: the shipped base copied to a
// directory, a new document added to its corpus, drafted, two candidates
// filled in (in the test, as a curator would by hand) and the rest
// deleted, and the result put in data/. It returns the directory.
func curatedBase(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"corpus", "data"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../../facts", sub))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "corpus", filepath.Base(fixture))
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "facts", "draft", doc, "--dir", dir)
	if code != 0 {
		t.Fatalf("facts draft: exit %d: %s", code, errs)
	}
	var draft yaml.Node
	if err := yaml.Unmarshal([]byte(out), &draft); err != nil {
		t.Fatal(err)
	}
	answers := map[string][3]string{
		"testwire-trade-volume-2021": {
			"Trade between South Korea and Russia reached a record US$27.3 billion in 2021, according to Korea's Ministry of Trade, Industry and Energy.",
			"한국 산업통상자원부에 따르면 2021년 한러 교역액은 사상 최대인 273억 달러였습니다.",
			"По данным Министерства торговли, промышленности и энергетики Республики Корея, в 2021 году товарооборот Южной Кореи и России достиг рекордных 27,3 млрд долларов США.",
		},
		"testwire-exports-to-russia-2021": {
			"South Korea's exports to Russia came to about US$9.98 billion in 2021, according to the trade ministry.",
			"산업통상자원부에 따르면 2021년 한국의 대러시아 수출은 약 99억 8,000만 달러였습니다.",
			"По данным министерства торговли Республики Корея, в 2021 году экспорт Южной Кореи в Россию составил около 9,98 млрд долларов США.",
		},
	}
	top := draft.Content[0]
	list := mapValue(t, top, "facts")
	var kept []*yaml.Node
	for _, item := range list.Content {
		id := mapValue(t, item, "id").Value
		a, ok := answers[id]
		if !ok {
			continue // the curator deletes what is not worth asking
		}
		ans := mapValue(t, item, "answer")
		for i, lang := range []string{"en", "ko", "ru"} {
			mapValue(t, ans, lang).Value = a[i]
		}
		kept = append(kept, item)
	}
	if len(kept) != len(answers) {
		t.Fatalf("the draft has %d of the candidates %v:\n%s", len(kept), answers, out)
	}
	list.Content = kept
	filled, err := yaml.Marshal(&draft)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "drafted.yaml"), filled, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func mapValue(t *testing.T, m *yaml.Node, key string) *yaml.Node {
	t.Helper()
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	t.Fatalf("no %q in the draft", key)
	return nil
}

// A drafted document, two candidates filled in, passes the check.
func TestCuratorPath(t *testing.T) {
	dir := curatedBase(t)
	out, errs, code := runCLI(t, "", "facts", "check", "--dir", dir)
	if code != 0 || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("facts check on the curated base: exit %d\n%s%s", code, out, errs)
	}
	out, _, _ = runCLI(t, "", "facts", "show", "testwire-trade-volume-2021", "--dir", dir)
	if !strings.Contains(out, "US$27.3 billion") || !strings.Contains(out, "Test Wire") {
		t.Errorf("facts show: %s", out)
	}
	out, _, _ = runCLI(t, "", "facts", "coverage", "--dir", dir)
	if !strings.Contains(out, "2022-03-15-testwire-record-trade: ") {
		t.Errorf("the new document is not in the coverage:\n%s", out)
	}
}

// The two new facts, which have no phrasings, are found by their series
// and year, and by their figures.
func TestCuratorPathAskByFigures(t *testing.T) {
	dir := curatedBase(t)
	for _, tt := range []struct{ question, fact string }{
		{"What was the Korea-Russia trade volume in 2021?", "testwire-trade-volume-2021"},
		{"How much did South Korea export to Russia in 2021?", "testwire-exports-to-russia-2021"},
		{"When did Korea-Russia trade reach US$27.3 billion?", "testwire-trade-volume-2021"},
		{"exports to Russia of $9.98 billion", "testwire-exports-to-russia-2021"},
	} {
		out, errs, _ := runCLI(t, "", "ask", "--json", "--lang", "en", "--dir", dir, tt.question)
		var r struct { // the fields of ask --json this test reads (README)
			Answered bool     `json:"answered"`
			Answer   string   `json:"answer"`
			FactID   string   `json:"fact_id"`
			Facts    []string `json:"facts"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%q: %v\n%s%s", tt.question, err, out, errs)
		}
		if !r.Answered || !slices.Contains(r.Facts, tt.fact) && r.FactID != tt.fact {
			t.Errorf("%q: answered %v by %q (%v), want %s: %s", tt.question, r.Answered, r.FactID, r.Facts, tt.fact, r.Answer)
		}
	}
}
