package migrate

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/ninebridges/ninebridges/store"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_more.sql": {Data: []byte("B")},
		"m/0001_init.sql": {Data: []byte("A")},
		"m/0003_x.sql":    {Data: []byte("C")},
	}
	ms, err := Load(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0].SQL != "A" || ms[1].Version != 2 || ms[2].Name != "0003_x.sql" {
		t.Errorf("Load = %+v", ms)
	}
	for _, tc := range []struct {
		current int
		want    int
	}{{0, 3}, {1, 2}, {3, 0}} {
		p, err := Pending(ms, tc.current)
		if err != nil || len(p) != tc.want || (len(p) > 0 && p[0].Version != tc.current+1) {
			t.Errorf("Pending(%d) = %+v, %v", tc.current, p, err)
		}
	}
	var tooNew *store.SchemaTooNewError
	if _, err := Pending(ms, 7); !errors.As(err, &tooNew) || tooNew.Database != 7 || tooNew.Supported != 3 {
		t.Errorf("Pending(7) error = %v", err)
	}
}

func TestLoadRejects(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"gap":       {"m/0001_a.sql": {}, "m/0003_c.sql": {}},
		"duplicate": {"m/0001_a.sql": {}, "m/001_b.sql": {}},
		"no one":    {"m/0002_b.sql": {}},
		"bad name":  {"m/0001_a.sql": {}, "m/notes.txt": {}},
		"empty":     {"m": {Mode: fs.ModeDir}},
	} {
		if ms, err := Load(fsys, "m"); err == nil {
			t.Errorf("%s: Load = %+v, want an error", name, ms)
		}
	}
	if _, err := Load(fstest.MapFS{}, "missing"); err == nil {
		t.Error("Load(missing dir) succeeded")
	}
}
