package match

import (
	"slices"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

func TestAskedDetails(t *testing.T) {
	tests := []struct {
		q    string
		want detailKind
	}{
		{"who headed the korean delegation?", askWho | askHead},
		{"кто возглавлял делегацию", askWho | askHead},
		{"кто-нибудь знает товарооборот 2019", 0},
		{"누가 나인브릿지를 제안했어?", askWho},
		{"where was the first forum held", askWhere},
		{"where does hyundai rank in russia's car market", 0},
		{"2019 러시아 폰 시장 1등 어디", 0},
		{"제1회 포럼은 어디서 열렸어?", askWhere},
		{"где самый большой потенциал сотрудничества", 0},
		{"где прошли консультации", askWhere},
		{"when did trutnev visit north korea", askWhen},
		{"when will the snowflake station be finished", askWhen | askFuture},
		{"스노우플레이크 기지 언제 완공돼?", askWhen | askFuture},
		{"когда построят станцию", askWhen | askFuture},
		{"how many people attended the forum", askCount},
		{"сколько стоит станция", askCount},
		{"몇 명이 참석했어?", askCount},
		{"whole trade volume", 0}, // "who" inside a word
		{"somewhere in the far east", 0},
	}
	for _, tt := range tests {
		if got := askedDetails(tt.q); got != tt.want {
			t.Errorf("askedDetails(%q) = %b, want %b", tt.q, got, tt.want)
		}
	}
}

// A fact answers a question that asks for a kind of detail only if it
// states one; checked on the real base.
func TestStatedDetails(t *testing.T) {
	b, _ := testMatcher(t)
	tests := []struct {
		fact     string
		has, not detailKind
	}{
		{"fareast-trutnev-nk-visit-2014", askWho | askWhen | askCount, 0},
		{"arctic-snowflake-station", askWhen, askFuture | askCount},
		{"forum-second-maritime-territory-2019", askFuture | askWhere, 0},
		{"arctic-30th-anniversary-celebration", askWhen, askWho},
		{"forum-first-participants", askCount | askWhere, 0},
	}
	for _, tt := range tests {
		f, ok := b.Fact(tt.fact)
		if !ok {
			t.Fatalf("no fact %s", tt.fact)
		}
		got := stated(f, publishedYear(b, f))
		if got&tt.has != tt.has || got&tt.not != 0 {
			t.Errorf("stated(%s) = %b, want %b set and %b clear", tt.fact, got, tt.has, tt.not)
		}
	}
}

func TestAskedEntity(t *testing.T) {
	tests := []struct {
		q    string
		want entityAsk
		ok   bool
	}{
		{"which russian news agency reported the gas pipeline talks", entityAsk{"organisation", "RU"}, true},
		{"какое российское агентство сообщило о переговорах", entityAsk{"organisation", "RU"}, true},
		{"어느 러시아 통신사가 보도했어?", entityAsk{"organisation", "RU"}, true},
		{"which north korean agency reported the talks", entityAsk{"organisation", "KP"}, true},
		{"which russian official visited north korea", entityAsk{"person", "RU"}, true},
		{"russian news agency reports", entityAsk{}, false}, // nothing asked
		{"which year had the most trade", entityAsk{}, false},
	}
	for _, tt := range tests {
		got, ok := askedEntity(tt.q)
		if got != tt.want || ok != tt.ok {
			t.Errorf("askedEntity(%q) = %v, %v; want %v, %v", tt.q, got, ok, tt.want, tt.ok)
		}
	}
	// End to end: the Russian agency, not North Korea's.
	_, m := testMatcher(t)
	r := m.Answer("which russian news agency reported the gas pipeline / trans-korean railroad talks", "")
	if r.Confident && !slices.ContainsFunc(r.Fact.Entities, func(e *facts.Entity) bool { return e.ID == "itar-tass" }) {
		t.Errorf("answered with %s, which does not name ITAR-TASS", r.Fact.ID)
	}
}

// "How many students" needs a number of students, not the 17 agencies
// the same fact gives.
func TestCountedNoun(t *testing.T) {
	b, _ := testMatcher(t)
	tests := []struct {
		q    string
		fact string
		ok   bool
	}{
		{"how many students attended the first interregional forum in pohang?", "forum-first-participants", false},
		{"1회 지방협력포럼 참석자는 총 몇 명이었어?", "forum-first-participants", false},
		{"how many agencies took part in the first forum?", "forum-first-participants", true}, // agencies are no noun of countNouns
		{"2019년 한러 관광객 몇 명이었어", "people-tourists-2019", true},
		{"how many people took part in exchanges in 2017", "people-exchanges-2017", true},
		{"how many days did trutnev spend in north korea", "fareast-trutnev-nk-visit-2014", true},
		{"how many days can a korean stay in russia without a visa?", "people-visa-waiver-2014", false},
		{"сколько членов в ЕАЭС", "fta-eaeu-members", true},
		{"2019년 우리나라 대러 수출액은 얼마고 몇 % 늘었나요?", "trade-exports-to-russia-2019", true},
	}
	for _, tt := range tests {
		f, ok := b.Fact(tt.fact)
		if !ok {
			t.Fatalf("no fact %s", tt.fact)
		}
		k := askedCount(normalize(tt.q))
		if got := k < 0 || countsOf(f, k); got != tt.ok {
			t.Errorf("%q against %s: %v, want %v (noun %d)", tt.q, tt.fact, got, tt.ok, k)
		}
	}
}
