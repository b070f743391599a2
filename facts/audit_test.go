package facts

import (
	"strings"
	"testing"
	"time"
)

// TestAuditItemsFixed lists every item of the audit of the base against
// its documents and outside references (issue "truth beyond quotes"), by
// fact id, and asserts that each is fixed. A word that must not come back
// is checked outside quotation marks, where an answer may cite a source's
// own wording.
func TestAuditItemsFixed(t *testing.T) {
	b := embeddedBase(t)
	tests := []struct {
		item   string
		fact   string
		lang   Lang
		has    []string // the answer says these
		hasNot []string // and not these, in its own voice
		ref    bool     // it rests on an outside reference
	}{
		{"visa waiver: signed 13 Nov 2013, in force 1 Jan 2014", "people-visa-waiver-2014", EN,
			[]string{"13 November 2013", "1 January 2014"}, []string{"agreed on a visa-waiver program in 2014"}, true},
		{"visa waiver, as the tourists fact tells it", "people-tourists-2019", EN,
			[]string{"13 November 2013", "1 January 2014"}, []string{"visa-waiver program was agreed in 2014"}, true},
		{"Northern committee: decree in August 2017, launched 7 December 2017", "policy-northern-committee-2017", EN,
			[]string{"21 August 2017", "7 December 2017", "Yonhap"}, []string{"set up the Presidential Committee on Northern Economic Cooperation in May 2017"}, true},
		{"Kim Jong-un took power in December 2011", "fareast-trutnev-highest-ranking", EN,
			[]string{"December 2011", "Hankyoreh"}, []string{"took power in December 2012"}, true},
		{"Kim Jong-un took power in December 2011 (ko)", "fareast-trutnev-highest-ranking", KO, []string{"2011년 12월"}, nil, true},
		{"Kim Jong-un took power in December 2011 (ru)", "fareast-trutnev-highest-ranking", RU, []string{"декабре 2011"}, nil, true},
		{"Hyundai Motor Group, not the Hyundai brand, ranks second", "business-hyundai-vehicles", EN, []string{"Hyundai Motor Group"}, nil, false},
		{"Choi Yong-min heads KITA's institute, not KITA", "business-kita-report", EN, []string{"Institute for International Trade"}, nil, false},
		{"no 'after the Russia meetings'", "policy-azerbaijan-visit", EN, nil, []string{"after the Russia meetings"}, false},
		{"a wish is told as South Korea's", "policy-azerbaijan-diversification", EN, []string{"said"}, nil, false},
		{"Seoul did not join the sanctions in 2014", "fareast-uncertainty-ukraine-sanctions", EN, []string{"Hankyoreh"}, []string{"had to join"}, false},
		{"shipbuilding and cars are the two countries' ties", "trade-materials-parts-equipment", EN, []string{"ties"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			f, ok := b.Fact(tt.fact)
			if !ok {
				t.Fatalf("no fact %s", tt.fact)
			}
			a := f.Answer.In(tt.lang)
			for _, s := range tt.has {
				if !strings.Contains(a, s) {
					t.Errorf("%s (%s) lacks %q: %s", tt.fact, tt.lang, s, a)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(unquoted(a), s) {
					t.Errorf("%s (%s) still says %q: %s", tt.fact, tt.lang, s, a)
				}
			}
			if f.External() != tt.ref {
				t.Errorf("%s: External() = %v, want %v", tt.fact, f.External(), tt.ref)
			}
		})
	}

	// The timeline dates what the references date.
	for id, want := range map[string]string{"visa-waiver-2014": "2014-01-01", "northern-economic-cooperation-committee": "2017-08-21"} {
		for _, e := range b.Timeline() {
			if e.ID == id && e.Date.Start.Format(time.DateOnly) != want {
				t.Errorf("event %s is dated %s, want %s", id, e.Date, want)
			}
		}
	}

	// Wrong terms, in any answer or title of their language (outside
	// quotation marks).
	wrong := map[Lang][]string{
		RU: {"Арктический маршрут", "промышленный комплекс", "промышленных комплекс", "на высшем уровне", "Минпромторгэнерго",
			"Как сообщило МИД", "совместное развитие", "совместного развития", "Yonhap", "Пхоханг", "ЭлДжи"},
		KO: {"한러 북극협력 협의회", "북방항로", "나인브릿지", "행동계획을 마련하고", "서울 남동쪽의 포항"},
		EN: {"Koslov"},
	}
	for _, f := range b.Facts() {
		for lang, words := range wrong {
			text := unquoted(f.Title.In(lang) + "\n" + f.Answer.In(lang))
			for _, w := range words {
				if strings.Contains(text, w) {
					t.Errorf("%s (%s) writes %q", f.ID, lang, w)
				}
			}
		}
		for _, a := range f.Aliases {
			if a == "Пхоханг" || a == "ЭлДжи" {
				t.Errorf("%s: alias %q is a wrong form", f.ID, a)
			}
		}
	}
	for _, e := range b.Entities() {
		for _, a := range e.Aliases {
			if a == "Пхоханг" || a == "ЭлДжи" || strings.HasPrefix(a, "Industry") || strings.HasSuffix(a, "Ministry of Trade") && a != "Ministry of Trade" {
				t.Errorf("entity %s: alias %q is wrong or a name split at a comma", e.ID, a)
			}
		}
	}
}
