package draft

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ninebridges/ninebridges/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the drafts")

var (
	embeddedOnce sync.Once
	embedded     *facts.Base
	embeddedErr  error
)

// shipped is the base compiled into the binary, loaded once.
func shipped(t testing.TB) *facts.Base {
	t.Helper()
	embeddedOnce.Do(func() { embedded, embeddedErr = facts.Embedded() })
	if embeddedErr != nil {
		t.Fatal(embeddedErr)
	}
	return embedded
}

// testBase is a small base that does not change as the shipped one grows,
// so the goldens' files and lines stay put.
func testBase(t testing.TB) *facts.Base {
	t.Helper()
	b, err := facts.LoadDir("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readDoc(t testing.TB, path string) *facts.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := facts.ParseDocument(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// draftedFile is the shape of a written draft, as the loader reads it.
type draftedFile struct {
	Facts []struct {
		ID      string         `yaml:"id"`
		Topic   string         `yaml:"topic"`
		Title   facts.Text     `yaml:"title"`
		Date    string         `yaml:"date"`
		Answer  facts.Text     `yaml:"answer"`
		Value   *facts.Value   `yaml:"value"`
		Sources []facts.Source `yaml:"sources"`
	} `yaml:"facts"`
}

// write drafts doc against b and checks what every draft must be: YAML in
// the data files' shape, ids kebab-case, unique and new to the base, and
// every quote verbatim in the document.
func write(t testing.TB, b *facts.Base, doc *facts.Document) (*Draft, []byte, draftedFile) {
	t.Helper()
	d, err := Document(b, doc)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	var f draftedFile
	dec := yaml.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("the draft is not a data file: %v\n%s", err, buf.Bytes())
	}
	if len(f.Facts) != len(d.Candidates) {
		t.Fatalf("%d facts written for %d candidates", len(f.Facts), len(d.Candidates))
	}
	seen := map[string]bool{}
	for _, c := range f.Facts {
		if slug(c.ID) != c.ID || seen[c.ID] {
			t.Errorf("id %q is not kebab-case, or given twice", c.ID)
		}
		if _, ok := b.Fact(c.ID); ok {
			t.Errorf("id %q clashes with the base", c.ID)
		}
		seen[c.ID] = true
		if len(c.Sources) != 1 || c.Sources[0].Doc != doc.ID || !doc.Contains(c.Sources[0].Quote) {
			t.Errorf("%s: sources %+v are not a verbatim quote of %s", c.ID, c.Sources, doc.ID)
		}
		if n := len([]rune(c.Sources[0].Quote)); n > MaxQuoteRunes {
			t.Errorf("%s: quote of %d characters", c.ID, n)
		}
		if c.Answer != (facts.Text{}) {
			t.Errorf("%s: the answer is the curator's to write, got %+v", c.ID, c.Answer)
		}
		if c.Date != "" {
			if _, err := facts.ParseDate(c.Date); err != nil {
				t.Errorf("%s: %v", c.ID, err)
			}
		}
	}
	return d, buf.Bytes(), f
}

// The drafts of the fixture documents, against the small base, are the
// golden files (go test ./facts/draft -update rewrites them).
func TestGolden(t *testing.T) {
	b := testBase(t)
	docs, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(docs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range docs {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			_, got, _ := write(t, b, readDoc(t, path))
			golden := filepath.Join("testdata", "golden", name+".yaml")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the draft of %s differs from %s (run with -update if the change is right):\n%s", path, golden, got)
			}
		})
	}
}

// claim is what a test expects of the candidate whose quote holds has.
type claim struct {
	has     string
	date    string // "" for none
	value   string // series/year/amount[/as_of][~] ("~": approx), "" for none
	held    bool   // the value is a comment for the curator
	speaker string // the entity id, or the text for a name the base lacks
	quoted  string // a fact of the base that already quotes it
}

func (c claim) check(t *testing.T, d *Draft) {
	t.Helper()
	i := slices.IndexFunc(d.Candidates, func(x *Candidate) bool { return strings.Contains(x.Quote, c.has) })
	if i < 0 {
		var qs []string
		for _, x := range d.Candidates {
			qs = append(qs, x.Quote)
		}
		t.Errorf("no candidate quotes %q; quotes:\n%s", c.has, strings.Join(qs, "\n"))
		return
	}
	x := d.Candidates[i]
	date := ""
	if x.Date != nil {
		date = x.Date.Date.String()
	}
	if date != c.date {
		t.Errorf("%q: date %q, want %q", c.has, date, c.date)
	}
	value := ""
	if v := x.Value; v != nil {
		value = v.Series + "/" + itoa(v.Year) + "/" + yamlAmount(v.Amount)
		if v.AsOf != "" {
			value += "/" + v.AsOf
		}
		if v.Approx {
			value += "~"
		}
	}
	if value != c.value || c.value != "" && (x.Held != "") != c.held {
		t.Errorf("%q: value %q (held: %q), want %q (held: %v)", c.has, value, x.Held, c.value, c.held)
	}
	speaker := ""
	if s := x.Speaker; s != nil {
		speaker = s.Text
		if s.Entity != nil {
			speaker = s.Entity.ID
		}
	}
	if speaker != c.speaker {
		t.Errorf("%q: speaker %q, want %q", c.has, speaker, c.speaker)
	}
	if c.quoted != "" && !slices.ContainsFunc(x.Quoted, func(f *facts.Fact) bool { return f.ID == c.quoted }) {
		t.Errorf("%q: not marked as quoted by %s (%v)", c.has, c.quoted, x.Quoted)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// The five shipped documents, drafted against the shipped base: the claims
// the curators made facts of come out with their dates, figures and
// speakers, and those that facts quote are marked so.
func TestShippedDocuments(t *testing.T) {
	b := shipped(t)
	tests := []struct {
		doc    string
		claims []claim
	}{
		{"2014-05-07-hankyoreh-russia-far-east", []claim{
			{has: "At the end of April, Russian Deputy Prime Minister Yury Trutnev visited North Korea", date: "2014-04"},
			{has: "from Apr. 28 to Apr. 30", date: "2014-04-28..2014-04-30", speaker: "nihon-keizai-shimbun"},
			{has: "In Nov. 2013, he visited South Korea", date: "2013-11"},
			{has: "took power in Dec. 2012", date: "2012-12"},
			{has: "reported on Apr. 28 that Russia", date: "2014-04-28", speaker: "kcna"},
			{has: "Trutnev discussed building a natural gas pipeline", speaker: "itar-tass"},
		}},
		{"2018-11-08-mofa-kang-koslov-pohang", []claim{
			{has: "Kang Kyung-wha met in Pohang", date: "2018-11-08"},
			{has: "from November 7 till 9", date: "2018-11-07..2018-11-09"},
			{has: "The volume of the ROK-Russia trade reached US$16 billion in 2015", date: "2015", value: "trade-volume/2015/16e9", held: true, quoted: "trade-volume-2015"},
			{has: "US$13.4 billion in 2016", date: "2016", value: "trade-volume/2016/13.4e9", held: true, quoted: "trade-volume-2016"},
			{has: "US$18 billion as of September 2018", date: "2018-09", value: "trade-volume/2018/18e9/2018-09", held: true},
			{has: "stood at 292,000 in 2014", date: "2014", value: "people-exchanges/2014/292000", held: true},
			{has: "the largest-ever 510,000 in 2017", date: "2017", value: "people-exchanges/2017/510000", held: true},
			{has: "state visit to Russia in June", date: "2018-06"},
			{has: "Minister Koslov stated", speaker: "alexander-kozlov"},
		}},
		{"2020-02-05-yonhap-russia-azerbaijan", []claim{
			{has: "South Korea said Wednesday", date: "2020-02-05", speaker: "South Korea"},
			{has: "according to the Ministry of Trade, Industry, and Energy", speaker: "motie"},
			{has: "roughly $7.6 billion in 2019", date: "2019", value: "exports-to-russia/2019/7.6e9~", held: true},
			{has: "fell 10.3 percent last year to US$542.4 billion", date: "2019", value: "korea-total-exports/2019/542.4e9", held: true},
			{has: "kicked off their negotiations in June last year", date: "2019-06"},
			{has: "will visit Azerbaijan on Thursday"}, // which Thursday is the curator's to say
			{has: "in May 2017", date: "2017-05"},
		}},
		{"2020-09-07-kita-30th-anniversary", []claim{
			{has: "Increased 25 times over 3 Decades"},
			{has: "from 888.8 million dollars in 1990, when Seoul formed official relations with the Soviet Union", date: "1990", value: "trade-volume/1990/888.8e6", held: true, quoted: "trade-volume-1990"},
			{has: "to 22.34 billion dollars last year", date: "2019", value: "trade-volume/2019/22.34e9", held: true, quoted: "trade-volume-2019"},
			{has: "in 1990 was approximately 30,000", date: "1990", value: "tourists/1990/30000~", held: true},
			{has: "a record high of 770,000 last year", date: "2019", value: "tourists/2019/770000", held: true},
			{has: "Samsung Electronics topped the cell phone market in Russia in 2019", date: "2019"},
			{has: "Kim Hyun-soo, a senior researcher", speaker: "kim-hyun-soo"},
		}},
		{"2020-11-mofa-4th-arctic-consultation", []claim{
			{has: "in Moscow on November 19, 2020", date: "2020-11-19"},
			{has: "in September 2017", date: "2017-09"},
			{has: "the next chair of the Arctic Council in 2021-2023", date: "2021..2023"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			doc, ok := b.Document(tt.doc)
			if !ok {
				t.Fatalf("no document %s", tt.doc)
			}
			d, _, _ := write(t, b, doc)
			for _, c := range tt.claims {
				c.check(t, d)
			}
		})
	}
}

// The fixtures, against the shipped base: a new article's figures become
// values of the base's series; one the base has for the same year with
// another amount is a CONFLICT.
func TestFixtures(t *testing.T) {
	b := shipped(t)
	tests := []struct {
		file   string
		claims []claim
	}{
		{"2022-03-15-testwire-record-trade.txt", []claim{
			{has: "reached a record US$27.3 billion last year", date: "2021", value: "trade-volume/2021/27.3e9", speaker: "motie"},
			{has: "came to about $9.98 billion in 2021", date: "2021", value: "exports-to-russia/2021/9.98e9~"},
			{has: "fell to roughly 60,000 in 2021", date: "2021", value: "tourists/2021/60000~"},
			{has: "from Sept. 5 to Sept. 7", date: "2022-09-05..2022-09-07", speaker: "Vice Minister Park Jin-ho"},
			{has: "In May, the two sides signed"}, // May 2021 or 2022: left to the curator
			{has: "grown 30 times since 1990", date: "1990", value: "trade-volume/1990/888.8e6", held: true},
			{has: "no forecast for this year", date: "2022"},
		}},
		{"2018-06-22-testpress-summit.txt", []claim{
			{has: "met in Moscow on June 22", date: "2018-06-22"},
			{has: "talks of Nov. 8, 2017", date: "2017-11-08"},
			{has: "people-to-people exchanges reached 510,000 in 2017", date: "2017", value: "people-exchanges/2017/510000", held: true},
			{has: "grown about 1.5 times since 2015 to US$19 billion in 2017", date: "2017", value: "trade-volume/2017/19e9", held: true},
			{has: "meet again in September", date: "2018-09"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, _, _ := write(t, b, readDoc(t, filepath.Join("testdata", tt.file)))
			for _, c := range tt.claims {
				c.check(t, d)
			}
		})
	}
}

// A 2019 trade volume other than the base's US$22.34 billion is flagged as
// a CONFLICT, and its value is left as a comment so the draft still loads.
func TestConflict(t *testing.T) {
	b := shipped(t)
	p, _ := b.Fact("trade-volume-2019")
	if p == nil || p.Value == nil || p.Value.Amount != 22.34e9 {
		t.Fatalf("the base's 2019 trade volume is no longer US$22.34 billion (%v); update the fixture", p)
	}
	d, out, f := write(t, b, readDoc(t, "testdata/2020-01-20-testwire-trade-2019.txt"))
	c := d.Candidates[0]
	if c.Conflict == nil || c.Conflict.Fact != p || c.Conflict.Draft != 24.5e9 || c.Conflict.Base != 22.34e9 {
		t.Fatalf("conflict %+v", c.Conflict)
	}
	want := "# CONFLICT: trade-volume 2019 is US$24.5 billion in this document but US$22.34 billion in the base (trade-volume-2019, "
	if !bytes.Contains(out, []byte(want)) {
		t.Errorf("the draft does not say %q:\n%s", want, out)
	}
	if f.Facts[0].Value != nil {
		t.Error("a conflicting value is written as a field; the curator must settle it first")
	}
	// The same figure as the base's is no conflict: it names the fact.
	e := d.Candidates[1]
	if e.Conflict != nil || !slices.ContainsFunc(e.Same, func(f *facts.Fact) bool { return f.Value != nil && f.Value.Series == "exports-to-russia" }) {
		t.Errorf("exports of US$7.6 billion in 2019: conflict %v, same %v", e.Conflict, e.Same)
	}
}
