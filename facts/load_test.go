package facts

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLoadValidFixture(t *testing.T) {
	b, err := LoadDir("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(b.Facts()); got != 2 {
		t.Fatalf("facts: got %d, want 2", got)
	}
	s, ok := b.Series("trade-volume")
	if !ok || len(s.Points) != 1 || s.Point(2019) == nil {
		t.Fatalf("series trade-volume: %+v", s)
	}
	tl := b.Timeline()
	if len(tl) != 1 || tl[0].Date.String() != "2019-11-07..2019-11-09" {
		t.Fatalf("timeline takes its date from its first fact: %+v", tl)
	}
	if got := b.OnThisDay(time.November, 8); len(got) != 1 {
		t.Errorf("OnThisDay(Nov 8) inside the forum's range: got %d events", len(got))
	}
	if got := len(b.CitedBy("2020-01-01-test-doc")); got != 2 {
		t.Errorf("CitedBy: got %d, want 2", got)
	}
}

// Every broken fixture must fail with the problem it was made for, at the
// file and line where a curator would fix it.
func TestLoadBrokenFixtures(t *testing.T) {
	const facts, corpus = "data/facts.yaml", "corpus/2020-01-01-test-doc.txt"
	tests := []struct {
		dir  string
		file string
		line int
		msg  string
	}{
		{"duplicate-id", facts, 18, `duplicate fact id "trade-2019" (first at`},
		{"missing-answer-lang", facts, 6, "answer is missing in ko"},
		{"missing-question-lang", facts, 10, "has en questions but none in ru"},
		{"quote-not-found", facts, 16, `quote not found in 2020-01-01-test-doc: "US$11 billion in 2019"`},
		{"unknown-doc", facts, 15, `unknown document "2020-01-02-missing"`},
		{"invalid-date", facts, 5, `invalid date "May 2019"`},
		{"impossible-date", facts, 21, `impossible date "2019-02-30": February has no day 30`},
		{"value-no-year", facts, 17, "value has no year"},
		{"value-no-unit", facts, 17, "value has no unit"},
		{"unknown-series", facts, 17, `unknown series "trade-value"`},
		{"timeline-unknown-fact", "data/timeline.yaml", 4, `points at unknown fact "forum-busan"`},
		{"group-unknown-fact", "data/timeline.yaml", 5, `group "forum-facts" points at unknown fact "forum-busan"`},
		{"group-no-terms", "data/timeline.yaml", 4, `group "forum-facts" has no ru terms`},
		{"event-undated-fact", "data/timeline.yaml", 4, `takes its date from fact "forum-pohang", which has none`},
		{"empty-answer", facts, 7, "answer is missing in en"},
		{"long-answer", facts, 7, "answer in en is 1109 characters; keep it under 1000"},
		{"unknown-field", facts, 4, `unknown field "colour"`},
		{"bad-yaml", facts, 3, "did not find expected"},
		{"yaml-indent", facts, 7, "did not find expected"},
		{"yaml-tab", facts, 10, "a tab in the indentation; indent with spaces"},
		{"yaml-utf8", facts, 12, "not valid UTF-8"},
		{"no-sources", facts, 2, "has neither sources nor a reference"},
		{"bad-id", facts, 2, `fact id "Trade_2019" is not kebab-case`},
		{"bad-reference-url", facts, 14, `reference url "not a url" is not an http(s) address`},
		{"reference-date", facts, 19, `reference date "2026" is not the day it was read (YYYY-MM-DD)`},
		{"figure-parity", facts, 8, `the answer in ko lacks 10000000000, which another language states`},
		{"topic-undeclared", facts, 3, `topic "trade" is not declared under topics:`},
		{"claim-own-voice", facts, 37, `fact "trade-2030-plan": its source reports someone's claim ("said"), but the answer in en states it in our own voice`},
		{"entity-misspelled", facts, 18, `fact "forum-pohang" writes "Пхоханг" in ru; the entity table spells it "Пхохан"`},
		{"doc-no-separator", corpus, 6, `no "---" line`},
		{"doc-missing-title", corpus, 1, `header "title" is missing`},
		{"entity-bad-kind", "data/entities.yaml", 3, `entity "pohang": kind "city" is not person, organisation, place or programme`},
		{"entity-unnamed", "data/entities.yaml", 6, `entity "busan" is named by no fact: check its spellings`},
		{"entity-shared-name", "data/entities.yaml", 9, `entity "pohang-city": the name "Пхохан" is also "pohang"'s`},
		{"entity-shared-name", "data/entities.yaml", 8, `entity "pohang-city": country "kr" is not an ISO 3166 code`},
		{"entity-aside-named", "data/entities.yaml", 4, `entity "trade-body" is named by 2 facts, so it is not aside`},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.dir] = true
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "broken", tt.dir)
			b, err := LoadDir(dir)
			if b != nil {
				t.Error("a broken base must not be returned, even in part")
			}
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("got %v, want *InvalidError", err)
			}
			want := dir + "/" + tt.file + ":" + strconv.Itoa(tt.line) + ": "
			for _, p := range inv.Problems {
				if strings.HasPrefix(p.String(), want) && strings.Contains(p.Msg, tt.msg) {
					return
				}
			}
			t.Errorf("no problem %q%s among:\n%v", want, tt.msg, err)
		})
	}
	// A fixture nobody asserts on tests nothing.
	entries, err := os.ReadDir(filepath.Join("testdata", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !seen[e.Name()] {
			t.Errorf("fixture testdata/broken/%s has no test case", e.Name())
		}
	}
}

func TestEmbeddedBaseIsValid(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Documents()) == 0 || len(b.Facts()) == 0 {
		t.Fatal("embedded base is empty")
	}
}

// The loader reads regular files only, within its size caps, and stops
// when asked to: a data file linked to /dev/zero, a FIFO or a huge file
// is an error naming the file, not a hang or an exhausted machine.
func TestLoadIsBounded(t *testing.T) {
	valid := func(t *testing.T) string {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"link to a device", func(t *testing.T, dir string) {
			if err := os.Symlink("/dev/zero", filepath.Join(dir, "data", "zero.yaml")); err != nil {
				t.Skip("no symlinks here:", err)
			}
		}, "data/zero.yaml: not a regular file"},
		{"fifo", func(t *testing.T, dir string) {
			if err := mkfifo(filepath.Join(dir, "data", "pipe.yaml")); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}, "data/pipe.yaml: not a regular file"},
		{"too large", func(t *testing.T, dir string) {
			big := "# " + strings.Repeat("x", int(maxFileBytes)+1<<20) + "\n"
			if err := os.WriteFile(filepath.Join(dir, "data", "big.yaml"), []byte(big), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "data/big.yaml: too large (9.0 MB > 8.0 MB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := valid(t)
			tt.setup(t, dir)
			_, err := LoadDir(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a problem %q", err, tt.want)
			}
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := LoadDirContext(ctx, valid(t)); !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
	})
}

// A base that declares no topics shows their ids; the shipped one labels
// every topic in every language.
func TestTopicTitles(t *testing.T) {
	b := embeddedBase(t)
	for _, tp := range b.Topics() {
		if tt := b.TopicTitle(tp); tt.EN == tp || tt.KO == "" || tt.RU == "" {
			t.Errorf("topic %q: title %+v", tp, tt)
		}
	}
	plain, err := LoadDir("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	if got := plain.TopicTitle("trade"); got.EN != "trade" || got.RU != "trade" {
		t.Errorf("undeclared topic shown as %+v, want its id", got)
	}
}
