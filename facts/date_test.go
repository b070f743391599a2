package facts

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		prec    Precision
		wantErr bool
	}{
		{in: "2018", want: "2018", prec: Year},
		{in: "2018-06", want: "2018-06", prec: Month},
		{in: "2018-11-08", want: "2018-11-08", prec: Day},
		{in: "2018-11-07..2018-11-09", want: "2018-11-07..2018-11-09", prec: Day},
		{in: "2021..2023", want: "2021..2023", prec: Year},
		{in: " 2020-02-29 ", want: "2020-02-29", prec: Day},
		{in: "", wantErr: true},
		{in: "2019-02-29", wantErr: true},
		{in: "2018-13", wantErr: true},
		{in: "2018-00", wantErr: true},
		{in: "2018-1-5", wantErr: true},
		{in: "18", wantErr: true},
		{in: "May 2019", wantErr: true},
		{in: "2018-11-09..2018-11-07", wantErr: true},
		{in: "2018..2018-11", wantErr: true},
		{in: "2018-11-07..", wantErr: true},
		{in: "0001", wantErr: true},
		{in: "+201", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, d)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.want || d.Precision != tt.prec {
				t.Errorf("got %s (%v), want %s (%v)", d, d.Precision, tt.want, tt.prec)
			}
		})
	}
}

func TestDateHuman(t *testing.T) {
	d, _ := ParseDate("2018-11-08")
	for lang, want := range map[Lang]string{EN: "8 November 2018", KO: "2018년 11월 8일", RU: "8 ноября 2018 г."} {
		if got := d.Human(lang); got != want {
			t.Errorf("%s: got %q, want %q", lang, got, want)
		}
	}
	r, _ := ParseDate("2014-04-28..2014-04-30")
	if !r.OnMonthDay(time.April, 29) || r.OnMonthDay(time.May, 1) {
		t.Error("OnMonthDay must cover every day of a range and nothing else")
	}
	m, _ := ParseDate("2018-06")
	if m.OnMonthDay(time.June, 1) {
		t.Error("a month-precision date is not on any particular day")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018", "2018-06", "2018-11-08", "2018-11-07..2018-11-09", "..", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		// Whatever parses must print back to something that parses the same.
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("round trip of %q: %v -> %q -> %v (%v)", s, d, d.String(), again, err)
		}
	})
}

func FuzzParseDocument(f *testing.F) {
	f.Add([]byte("title: T\npublisher: P\npublished: 2020-01-01\nkind: k\n---\ntext\n"))
	f.Add([]byte("---\n"))
	f.Add([]byte("title: T\n\n\n---"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, probs := parseDocument("x.txt", data)
		if doc == nil {
			t.Fatal("nil document")
		}
		for _, p := range probs {
			if p.File != "x.txt" || p.Msg == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
