package answer

import (
	"encoding/json"
	"os"
	"testing"
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
}
