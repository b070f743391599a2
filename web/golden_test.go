package web

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// The fact page and the document page, as served in each language, are
// the golden files under testdata/golden; go test ./web -update rewrites
// them after a change meant to change them (look at the diff).
func TestGoldenPages(t *testing.T) {
	s := fixtureSite(t)
	for _, page := range []struct{ name, path string }{
		{"fact", "/facts/fixture-travel-record"},
		{"doc", "/docs/2021-03-04-fixture-bridges"},
	} {
		for _, l := range facts.Langs {
			name := page.name + "-" + string(l) + ".html"
			t.Run(name, func(t *testing.T) {
				w := get(s, page.path+"?lang="+string(l))
				if w.Code != 200 {
					t.Fatalf("status %d", w.Code)
				}
				golden := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, w.Body.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (go test ./web -update writes it)", err)
				}
				if !bytes.Equal(w.Body.Bytes(), want) {
					t.Errorf("%s differs from %s; if the change is meant, go test ./web -update and read the diff.\n%s", page.path, golden, firstDiff(w.Body.Bytes(), want))
				}
			})
		}
	}
}

// firstDiff shows where two texts part, with a little context.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "…\nwant: …" + string(want[from:min(len(want), i+80)]) + "…"
}
