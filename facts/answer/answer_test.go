package answer

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/match"
)

var (
	embeddedOnce sync.Once
	embedded     *Answerer
)

func answerer(t testing.TB) *Answerer {
	t.Helper()
	embeddedOnce.Do(func() {
		b, err := facts.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		embedded = New(b, match.New(b))
	})
	return embedded
}

// The figures below were worked by hand from the series in
// facts/data: trade 1990 888.8M, 2015 16B, 2016 13.4B, 2017 19B,
// 2018 18B (Jan–Sep), 2019 22.34B; exchanges 2014–2017 292k, 346k,
// 438k, 510k; tourists 1990 ~30k, 2019 770k.
func TestAnswerComputes(t *testing.T) {
	tests := []struct {
		q       string
		kind    Kind // "" means refused
		reason  match.Reason
		verdict Verdict
		facts   []string // every fact that must be cited, main first
		says    []string // figures the text must state
		never   []string // facts that must not be cited
	}{
		{q: "which year had the highest trade volume", kind: KindComputed,
			facts: []string{"trade-volume-2019"}, says: []string{"2019", "US$22.34 billion", "January–September"}, never: []string{"people-tourists-2019", "trade-volume-2018"}},
		{q: "한러 교역액이 가장 많았던 해는?", kind: KindComputed, facts: []string{"trade-volume-2019"}, says: []string{"2019", "223.4억 달러"}},
		{q: "В каком году товарооборот был наибольшим?", kind: KindComputed, facts: []string{"trade-volume-2019"}, says: []string{"22,34 млрд долларов"}},
		{q: "which year had the lowest trade", kind: KindComputed, facts: []string{"trade-volume-1990"}, says: []string{"US$888.8 million"}},
		{q: "how big is korea russia trade", kind: KindComputed, facts: []string{"trade-volume-2019"}, says: []string{"2019", "US$22.34 billion", "1990"}},
		{q: "did trade with russia double between 2016 and 2019?", kind: KindClaim, verdict: Contradicted,
			facts: []string{"trade-volume-2019", "trade-volume-2016"}, says: []string{"US$13.4 billion", "US$22.34 billion", "×1.67"}},
		{q: "Удвоился ли товарооборот с 2016 по 2019 год?", kind: KindClaim, verdict: Contradicted, facts: []string{"trade-volume-2019", "trade-volume-2016"}, says: []string{"в 1,67 раза"}},
		{q: "2016년에서 2019년 사이 교역액이 두 배로 늘었나요?", kind: KindClaim, verdict: Contradicted, facts: []string{"trade-volume-2019", "trade-volume-2016"}, says: []string{"1.67배"}},
		{q: "did trade grow more than twice from 1990 to 2015", kind: KindClaim, verdict: Supported, facts: []string{"trade-volume-2015", "trade-volume-1990"}},
		{q: "how much did trade grow between 2016 and 2017", kind: KindComputed,
			facts: []string{"trade-volume-2017", "trade-volume-2016"}, says: []string{"US$5.6 billion", "41.8%"}},
		{q: "2016년부터 2017년까지 교역액은 얼마나 늘었나요?", kind: KindComputed, facts: []string{"trade-volume-2017", "trade-volume-2016"}, says: []string{"56억 달러", "41.8%"}},
		{q: "На сколько вырос товарооборот с 2016 по 2017 год?", kind: KindComputed, facts: []string{"trade-volume-2017", "trade-volume-2016"}, says: []string{"5,6 млрд долларов", "41,8 %"}},
		{q: "how did trade change from 2015 to 2016", kind: KindComputed, facts: []string{"trade-volume-2016", "trade-volume-2015"}, says: []string{"fell", "US$2.6 billion", "16.2%"}},
		{q: "why did trade fall in 2019?", kind: KindClaim, verdict: Contradicted, facts: []string{"trade-volume-2019", "trade-volume-2017"}},
		{q: "trade grew in 2017, right?", kind: KindClaim, verdict: Supported, facts: []string{"trade-volume-2017", "trade-volume-2016"}},
		{q: "how much has trade grown since 2015", kind: KindComputed, facts: []string{"trade-volume-2019", "trade-volume-2015"}, says: []string{"US$6.34 billion"}},
		{q: "total trade from 2015 to 2017", kind: KindComputed, facts: []string{"trade-volume-2015", "trade-volume-2016", "trade-volume-2017"}, says: []string{"US$48.4 billion"}},
		{q: "2015~2017년 교역액 합계는?", kind: KindComputed, says: []string{"484억 달러"}},
		{q: "Какой средний товарооборот за 2015-2017 годы?", kind: KindComputed, says: []string{"16,13 млрд долларов"}},
		{q: "what was the average number of people-to-people exchanges from 2014 to 2017", kind: KindComputed, says: []string{"396,500 people"}},
		{q: "how many people traveled between the two countries in 2017 compared with 2014", kind: KindComputed,
			facts: []string{"people-exchanges-2017", "people-exchanges-2014"}, says: []string{"218,000 people", "74.7%"}},
		{q: "how did the number of tourists change between 1990 and 2019", kind: KindComputed, facts: []string{"people-tourists-2019", "people-tourists-1990"}, says: []string{"about", "approximate"}},
		// The largest change from one year to the next, and a ranking;
		// hand-worked: exchanges +54k, +92k, +72k; trade 2017 > 2015 > 2016.
		{q: "which year saw the biggest jump in people-to-people exchanges?", kind: KindComputed,
			facts: []string{"people-exchanges-2016", "people-exchanges-2015"}, says: []string{"2015 to 2016", "+92,000 people", "+26.6%"}},
		{q: "расставь 2015, 2016 и 2017 по объёму товарооборота", kind: KindComputed, says: []string{"2017 (19 млрд долларов) > 2015 (16 млрд долларов) > 2016 (13,4 млрд долларов)"}},
		{q: "avg annual trade 2015-2017?", kind: KindComputed, says: []string{"US$16.13 billion"}},
		// A series as a share of the one it is part of.
		{q: "what share of korea's total exports went to russia in 2019?", kind: KindComputed,
			facts: []string{"trade-exports-to-russia-2019", "trade-korea-total-exports-2019"}, says: []string{"about 1.4%"}},
		// A year named by its event: relations were established in 1990.
		{q: "수교 당시 대비 2019년 교역액 몇 배로 늘었나요", kind: KindComputed, facts: []string{"trade-volume-2019", "trade-volume-1990"}, says: []string{"25.14배"}},
		// The curated overview says more of a series' course than its figures.
		{q: "Как менялся товарооборот России и Кореи?", kind: KindFact, facts: []string{"trade-volume-overview"}},
		// A change over a series' whole span is its course: the overview.
		{q: "how much did people-to-people exchanges change from 2014 to 2017, in numbers", kind: KindFact, facts: []string{"people-exchanges-overview"}},

		// Refusals: a partial year, another metric, a year the metric lacks.
		{q: "what was the trade in 2018 compared to 2017", reason: PartialYear},
		{q: "average trade between 2015 and 2019", reason: PartialYear},
		{q: "total trade from 2014 to 2016", reason: match.MissingYear},
		{q: "how did tourists and people-to-people exchanges compare in 2017", reason: MixedMetrics},
		{q: "what was the trade volume in 2024", reason: match.MissingYear},
		{q: "how much did exports to russia grow between 2018 and 2019", reason: match.MissingYear},
		{q: "how many tourists were there in 2016", reason: match.MissingYear, never: []string{"people-exchanges-2016"}},
		{q: "what happened between the two countries in 2023", reason: OutOfRange},

		// Two facts of one event: the event, with its other facts to follow.
		{q: "what did Kang Kyung-wha and Koslov agree", kind: KindList, facts: []string{"summit-keep-positive-momentum", "bridges-action-plan-2018"}, says: []string{"name 4", "• "}},
		// Two facts of one event are equally good: the event.
		{q: "what happened in pohang in november 2018", kind: KindEvent, says: []string{"More on this:", "• "}},

		// An ordinal the sources lack is not answered by another count.
		{q: "what was on the agenda of the second korea-russia arctic consultation", reason: match.NotFound},
		{q: "제2차 한러 북극협력 협의회 의제는?", reason: match.NotFound},
		// A metric and a year its series has: that figure, which corrects
		// the claim, not Korea's total exports.
		{q: "korea's exports to russia dropped 10% in 2019, correct?", kind: KindClaim, verdict: Contradicted, facts: []string{"trade-exports-to-russia-2019"}, says: []string{"No", "6.5 percent more"}, never: []string{"trade-korea-total-exports-2019"}},

		// Lists: every member of a group, each cited.
		{q: "list the korean companies doing well in russia", kind: KindList,
			facts: []string{"business-samsung-phones-2019", "business-hyundai-vehicles", "business-lg-appliances"}, says: []string{"name 3"}},
		{q: "Какие риски для торговли называет KITA?", kind: KindList, facts: []string{"risks-resource-export-volatility", "risks-covid-q2-2020-downturn"}, says: []string{"названо 6"}},
		{q: "러시아에서 잘나가는 한국 기업은 어디야? 알려줘", kind: KindList, facts: []string{"business-samsung-phones-2019"}},

		// The present tense is answered as of the sources.
		{q: "is the visa waiver still in force?", kind: KindEvent, facts: []string{"people-visa-waiver-2014"}},

		// Look-ups stay look-ups.
		{q: "trade volume in 2016", kind: KindFact, facts: []string{"trade-volume-2016"}},
		{q: "how many tourists in 1990", kind: KindFact, facts: []string{"people-tourists-1990"}},
	}
	a := answerer(t)
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := a.Answer(tt.q, "")
			var ids []string
			for _, f := range r.Facts {
				ids = append(ids, f.ID)
			}
			if tt.kind == "" {
				if r.Answered || r.Reason != tt.reason {
					t.Fatalf("answered=%v kind=%s reason=%q %v, want refusal %q\n%s", r.Answered, r.Kind, r.Reason, ids, tt.reason, r.Text)
				}
			} else if !r.Answered || r.Kind != tt.kind || r.Verdict != tt.verdict {
				t.Fatalf("answered=%v kind=%s verdict=%q reason=%q, want %s %q\n%s", r.Answered, r.Kind, r.Verdict, r.Reason, tt.kind, tt.verdict, r.Text)
			}
			if len(tt.facts) > 0 && (len(ids) == 0 || ids[0] != tt.facts[0]) {
				t.Errorf("main fact %v, want %s", ids, tt.facts[0])
			}
			for _, id := range tt.facts {
				if !slices.Contains(ids, id) {
					t.Errorf("does not cite %s: %v", id, ids)
				}
			}
			for _, id := range tt.never {
				if slices.Contains(ids, id) {
					t.Errorf("cites %s, which answers another question", id)
				}
			}
			for _, s := range tt.says {
				if !strings.Contains(r.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, r.Text)
				}
			}
			if r.Text == "" {
				t.Error("empty text")
			}
		})
	}
}

// A question about an event as a whole gets the whole event, every fact
// of it cited.
func TestAboutAnEvent(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{"tell me abt the 4th arctic consultation w/ russia", "расскажи про визит Трутнева в КНДР весной 2014"} {
		r := a.Answer(q, "")
		if r.Kind != KindEvent || len(r.Facts) < 3 {
			t.Errorf("%q: %s citing %v, want an event citing all its facts", q, r.Kind, factIDs(r))
		}
	}
	// One thing asked of it is answered by one fact.
	if r := a.Answer("when was the 4th arctic consultation held?", ""); r.Kind == KindEvent {
		t.Errorf("a date asked of an event got the whole event: %v", factIDs(r))
	}
}

// A computation over figures that are no series is refused with what the
// sources say, not answered by a fact that holds only its inputs.
func TestCannotCompute(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{
		"How many regional government agencies took part in the first forum, both sides combined?",
		"1차 포럼 참가 기관 수 한국이 러시아보다 몇 개 많았어?",
		"if total exports fell 10.3% to 542.4bn in 2019, what were they in 2018?",
	} {
		r := a.Answer(q, "")
		if r.Answered || r.Reason != CannotCompute && r.Reason != match.MissingYear || len(r.Suggestions) == 0 {
			t.Errorf("%q: answered=%v reason=%q, want cannot-compute or missing-year with the facts offered", q, r.Answered, r.Reason)
		}
	}
	// A share a fact states is a look-up.
	if r := a.Answer("what share of korea russia trade comes from the far east", ""); !r.Answered {
		t.Errorf("the Far East's share is stated by a fact; got %q", r.Reason)
	}
}

func TestFullYears(t *testing.T) {
	tests := map[string]string{
		"16년이랑 17년 교역액":  "2016년이랑 2017년 교역액",
		"90년부터 19년까지":    "1990년부터 2019년까지",
		"14년 대비 16년":     "2014년 대비 2016년",
		"수교 30년 동안":      "수교 30년 동안", // thirty years
		"30년간 교역":        "30년간 교역",
		"90년대 교역":        "90년대 교역", // a decade
		"2016년 교역액":      "2016년 교역액",
		"한러 경제협력 30년 평가": "한러 경제협력 30년 평가",
	}
	for in, want := range tests {
		if got := fullYears(in); got != want {
			t.Errorf("fullYears(%q) = %q, want %q", in, got, want)
		}
	}
}

// A question about how things stand now is answered as of the sources.
func TestPresentIsAsOf(t *testing.T) {
	a := answerer(t)
	for _, q := range []string{"is the visa waiver still in force?", "Has the Korea–Russia services and investment FTA been signed yet?", "current trade volume between korea and russia?"} {
		if r := a.Answer(q, ""); !r.Answered || r.Note == "" {
			t.Errorf("%q: answered=%v note=%q, want an answer as of the sources", q, r.Answered, r.Note)
		}
	}
}

// Who and what the sources name is listed from the entity table.
func TestEntityLists(t *testing.T) {
	a := answerer(t)
	tests := []struct {
		q        string
		has, not []string // names the answer must and must not give
	}{
		{"Which Russian officials are named in your sources?", []string{"Yury Trutnev", "Alexander Kozlov", "Vladimir Putin"}, []string{"Kang Kyung-wha", "Barack Obama"}},
		{"which news outlets does the 2014 hankyoreh piece on the far east rely on?", []string{"ITAR-TASS", "Korean Central News Agency", "Nihon Keizai Shimbun"}, []string{"The Hankyoreh", "Yonhap", "Ministry of Strategy and Finance"}},
		{"무역협회 보고서에 이름 나오는 사람들 누구누구?", []string{"최용민", "김현수"}, []string{"트루트네프"}},
	}
	for _, tt := range tests {
		r := a.Answer(tt.q, "")
		if r.Kind != KindList {
			t.Errorf("%q: %s, want a list\n%s", tt.q, r.Kind, r.Text)
			continue
		}
		for _, n := range tt.has {
			if !strings.Contains(r.Text, n) {
				t.Errorf("%q: lacks %s\n%s", tt.q, n, r.Text)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(r.Text, n) {
				t.Errorf("%q: names %s, who is not asked for\n%s", tt.q, n, r.Text)
			}
		}
	}
	// "people-to-people" is no list of people.
	if r := a.Answer("which year saw the biggest jump in people-to-people exchanges?", ""); r.Kind != KindComputed {
		t.Errorf("people-to-people exchanges got %s", r.Kind)
	}
}

// Who someone is comes from the entity table when no one fact says it.
func TestWhoIs(t *testing.T) {
	a := answerer(t)
	r := a.Answer("Кем был Юрий Трутнев по статье Hankyoreh?", "")
	if !r.Answered || !strings.Contains(r.Text, "вице-премьер") {
		t.Errorf("answered=%v: %s", r.Answered, r.Text)
	}
	// Who Kang met is not who Kang is.
	if r := a.Answer("강경화 장관 포항에서 누구 만났어", ""); r.Answered && strings.Contains(r.Text, "외교부 장관(2018년)") {
		t.Errorf("answered who Kang is: %s", r.Text)
	}
}
