package facts

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Exclusions are checked like sources: each broken one is reported at its
// file and line, and a valid one is kept on the base.
func TestExclusions(t *testing.T) {
	const doc = "2020-01-01-test-doc"
	tests := []struct {
		name string
		yaml string
		line int    // 0: the base loads
		msg  string // the problem at that line
	}{
		{"valid", `exclusions:
  - doc: ` + doc + `
    quote: "The forum was held in Pohang from November 7 till 9."
    why: restates the forum fact's quote
`, 0, ""},
		{"unknown doc", `exclusions:
  - doc: 2020-01-01-no-such-doc
    quote: "The forum was held"
    why: a test
`, 2, `exclusion: unknown document "2020-01-01-no-such-doc"`},
		{"quote not verbatim", `exclusions:
  - doc: ` + doc + `
    quote: "Trade between the two countries"
    why: a valid one first, so the problem is the second's
  - doc: ` + doc + `
    quote: "The forum was held in Busan"
    why: a test
`, 6, `exclusion quote not found in ` + doc},
		{"no why", `# a comment first, so the line is not the item's first
exclusions:
  - doc: ` + doc + `
    quote: "The forum was held"
`, 3, "has no why"},
		{"empty why", `exclusions:
  - doc: ` + doc + `
    quote: "The forum was held"
    why: "  "
`, 4, "has no why"},
		{"no quote", `exclusions:
  - doc: ` + doc + `
    quote: ""
    why: a test
`, 3, "exclusion has no quote"},
		{"unknown field", `exclusions:
  - doc: ` + doc + `
    quote: "The forum was held"
    because: a test
`, 4, `unknown field "because"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "data", "exclusions.yaml"), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			b, err := LoadDir(dir)
			if tt.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				ex := b.Exclusions()
				if len(ex) != 1 || ex[0].Doc != doc || ex[0].Why != "restates the forum fact's quote" || ex[0].Line != 2 {
					t.Fatalf("exclusions %+v", ex)
				}
				return
			}
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("got %v, want *InvalidError", err)
			}
			want := dir + "/data/exclusions.yaml:" + strconv.Itoa(tt.line) + ": "
			for _, p := range inv.Problems {
				if strings.HasPrefix(p.String(), want) && strings.Contains(p.Msg, tt.msg) {
					return
				}
			}
			t.Errorf("no problem %q%s among:\n%v", want, tt.msg, err)
		})
	}
}

// Each base has its own exclusions, and one without any has none.
func TestExclusionsPerBase(t *testing.T) {
	b, err := LoadDir("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	if ex := b.Exclusions(); len(ex) != 0 {
		t.Errorf("a base with no exclusions: %v", ex)
	}
}
