package answer

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ninebridges/ninebridges/facts/match/matchbench"
)

func TestZZDump(t *testing.T) {
	a := answerer(t)
	f, _ := os.Create(os.Getenv("DUMP"))
	defer f.Close()
	for _, set := range []string{"eval", "blind/1", "blind/2", "blind/3"} {
		cases, _ := matchbench.LoadEval(filepath.Join("..", "match", "testdata", filepath.FromSlash(set)))
		for _, c := range cases {
			r := a.Answer(c.Question, "")
			fmt.Fprintf(f, "%s\t%s\t%v\t%v\t%s\t%s\n", set, c.Want, r.Answered, factIDs(r), r.Reason, c.Question)
		}
	}
}
