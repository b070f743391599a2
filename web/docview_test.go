package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// A quote is found where facts.Document.Contains finds it, whatever white
// space the text has, and mapped back to the original's bytes.
func TestFindQuote(t *testing.T) {
	for _, tt := range []struct {
		text, quote string
		want        []string // the original text of each place found
	}{
		{"a b c", "b", []string{"b"}},
		{"reviewed   the\nprogress", "reviewed the progress", []string{"reviewed   the\nprogress"}},
		{"reviewed the progress", "reviewed\n  the progress", []string{"reviewed the progress"}},
		{"  lead\t\tspace ", "lead space", []string{"lead\t\tspace"}},
		{"한러 \u00a0교역 2019", "한러 교역", []string{"한러 \u00a0교역"}},
		{"Пхохан  и Сеул, Пхохан и", "Пхохан и", []string{"Пхохан  и", "Пхохан и"}},
		{"aaa", "aa", []string{"aa", "aa"}},
		{"no match", "match!", nil},
		{"empty", " \n ", nil},
		{"bad \xff byte here", "\xff byte", []string{"\xff byte"}},
	} {
		c := collapseWithOffsets(tt.text)
		var got []string
		for _, at := range c.find(tt.quote) {
			got = append(got, tt.text[at[0]:at[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("find(%q in %q) = %q, want %q", tt.quote, tt.text, got, tt.want)
		}
	}
}

// In the real base every quote of every document is placed on its page,
// each fact has one anchor per document it quotes, and the segments of a
// fact's class read, run by run, exactly as its quotes.
func TestEveryQuoteIsMarked(t *testing.T) {
	for _, b := range []*facts.Base{realSite(t).base, fixtureBase(t)} {
		for _, d := range b.Documents() {
			cited := b.CitedBy(d.ID)
			v := newDocView(d, cited)
			if len(v.Unplaced) > 0 {
				t.Errorf("%s: quotes not placed: %v", d.ID, v.Unplaced)
			}
			all := append([][]segment{v.Title}, nil)
			for _, h := range v.Header {
				all = append(all, h.Segments)
			}
			for _, p := range v.Paragraphs {
				all = append(all, p.Segments)
			}
			anchors := map[string]int{}
			runs := map[string][]string{} // fact → the text of each run of its segments
			for _, segs := range all {
				open := map[string]bool{}
				for _, sg := range segs {
					for _, a := range sg.Anchors {
						anchors[a]++
						if !slices.Contains(sg.Facts, a) {
							t.Errorf("%s: %s's anchor is on a segment it does not quote", d.ID, a)
						}
					}
					for _, f := range cited {
						if slices.Contains(sg.Facts, f.ID) {
							if open[f.ID] {
								runs[f.ID][len(runs[f.ID])-1] += sg.Text
							} else {
								runs[f.ID] = append(runs[f.ID], sg.Text)
							}
							open[f.ID] = true
						} else {
							open[f.ID] = false
						}
					}
				}
			}
			for _, f := range cited {
				if anchors[f.ID] != 1 {
					t.Errorf("%s: fact %s has %d anchors, want 1", d.ID, f.ID, anchors[f.ID])
				}
				var want []string
				for _, s := range f.Sources {
					if s.Doc == d.ID && d.Contains(s.Quote) {
						want = append(want, collapse(s.Quote))
					}
				}
				var got []string
				for _, r := range runs[f.ID] {
					got = append(got, collapse(r))
				}
				// A fact's runs are its quotes (a quote may recur, and
				// two quotes of one fact may touch and read as one run).
				joined := strings.Join(got, " ")
				for _, w := range want {
					if !strings.Contains(joined, w) {
						t.Errorf("%s: %s's marked text %q lacks its quote %q", d.ID, f.ID, got, w)
					}
				}
				for _, g := range got {
					if !slices.ContainsFunc(want, func(w string) bool { return strings.Contains(w, g) || strings.Contains(g, w) }) {
						t.Errorf("%s: %s marks %q, which is none of its quotes %q", d.ID, f.ID, g, want)
					}
				}
			}
		}
	}
}

// Overlapping quotes cut the text where either starts or ends; the
// anchor of each fact is where its own quote starts.
func TestOverlappingQuotes(t *testing.T) {
	b := fixtureBase(t)
	d, _ := b.Document("2021-03-04-fixture-bridges")
	v := newDocView(d, b.CitedBy(d.ID))
	var got []string
	for _, p := range v.Paragraphs[:2] {
		for _, sg := range p.Segments {
			got = append(got, sg.Text+"|"+strings.Join(sg.Facts, ",")+"|"+strings.Join(sg.Anchors, ","))
		}
		got = append(got, "¶")
	}
	// The meeting's quote runs on past a line break, into the next
	// paragraph, where it has no second anchor.
	want := []string{
		"1. ||",
		"The two Ministers met in Pohang on March 4 and|fixture-meeting|fixture-meeting",
		"¶",
		"reviewed   the progress in |fixture-meeting|",
		"the bilateral relations|fixture-meeting,fixture-shipbuilding|fixture-shipbuilding",
		", including shipbuilding, |fixture-shipbuilding|",
		"port construction|fixture-farming,fixture-shipbuilding|fixture-farming",
		" and farming|fixture-farming|",
		".||",
		"¶",
	}
	if !slices.Equal(got, want) {
		t.Errorf("segments:\n%q\nwant\n%q", got, want)
	}
	if m := v.Paragraphs[0].Margin; len(m) != 1 || m[0].ID != "fixture-meeting" {
		t.Errorf("the first paragraph's margin: %v", m)
	}
	if len(v.Header) != 3 || len(v.Header[0].Segments) != 2 || !slices.Equal(v.Header[0].Segments[0].Anchors, []string{"fixture-publisher"}) {
		t.Errorf("the publisher quote is not marked in the header: %+v", v.Header)
	}
}
