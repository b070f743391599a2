package answer

import (
	"strings"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// TestTruthBeyondQuotes asks what the sources got wrong or could not know:
// the answer corrects them from outside references, keeps their claim
// attributed, and frames the present as of the sources.
func TestTruthBeyondQuotes(t *testing.T) {
	a := answerer(t)
	tests := []struct {
		q        string
		fact     string   // the fact the answer must cite
		says     []string // in the answer or its note
		external bool     // the answer must rest on an outside reference
	}{
		{"when did kim jong un take power", "fareast-kim-jong-un-took-power-2011", []string{"December 2011", "Hankyoreh", "December 2012"}, true},
		{"김정은은 언제 집권했나", "fareast-kim-jong-un-took-power-2011", []string{"2011년 12월", "한겨레", "2012년 12월"}, true},
		{"Когда Ким Чен Ын пришёл к власти?", "fareast-kim-jong-un-took-power-2011", []string{"декабре 2011", "Хангёре"}, true},
		{"when was the visa waiver agreement signed", "people-visa-waiver-2014", []string{"13 November 2013", "1 January 2014", "in 2014"}, true},
		{"is the visa waiver still in force?", "people-visa-waiver-2014", []string{"As of September 2020", "My sources end in November 2020"}, true},
		{"비자 면제는 지금도 유효한가요?", "people-visa-waiver-2014", []string{"2020년 9월 자료 기준", "2020년 11월까지"}, true},
		{"when was the northern economic cooperation committee created", "policy-northern-committee-2017", []string{"21 August 2017", "7 December 2017", "May 2017"}, true},
		{"who wrote the hankyoreh article", "source-hankyoreh-2014-far-east", []string{"Gil Yun-hyung", "7 May 2014"}, false},
		{"which paper reported trutnev's proposal", "source-hankyoreh-2014-far-east", []string{"Hankyoreh"}, false},
		{"when was the kita report published", "source-kita-2020-30th-anniversary", []string{"7 September 2020"}, false},
		{"연합뉴스 러시아 아제르바이잔 기사는 누가 썼나요?", "source-yonhap-2020-russia-azerbaijan", []string{"강윤승"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := a.Answer(tt.q, "")
			if !r.Answered {
				t.Fatalf("not answered (%s): %s", r.Reason, r.Text)
			}
			cited := false
			external := false
			for _, f := range r.Facts {
				cited = cited || f.ID == tt.fact
				external = external || f.External()
			}
			if !cited {
				t.Errorf("cites %v, want %s", ids(r.Facts), tt.fact)
			}
			text := r.Text + "\n" + r.Note
			for _, s := range tt.says {
				if !strings.Contains(text, s) {
					t.Errorf("lacks %q:\n%s", s, text)
				}
			}
			if external != tt.external {
				t.Errorf("rests on an outside reference: %v, want %v", external, tt.external)
			}
		})
	}
}

// A question that only names a document ("in the Yonhap article") but
// asks what it says is not answered with the document's byline.
func TestNamingADocumentIsNotAskingAboutIt(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{
		"what day did the yonhap article say the delegation would visit azerbaijan",
		"whats the name of the russian far east development minister in the 2018 foreign ministry press release",
	} {
		r := a.Answer(q, "")
		for _, f := range r.Facts {
			if f.Topic == SourcesTopic {
				t.Errorf("%q answered with %s:\n%s", q, f.ID, r.Text)
			}
		}
	}
}

func ids(fs []*facts.Fact) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.ID
	}
	return out
}
