package answer

import "testing"

// Claims put as questions are checked against the fact retrieval finds:
// its figures, its date, the rank and direction it states, the people and
// the venue it names.
func TestClaims(t *testing.T) {
	tests := []struct {
		q       string
		verdict Verdict // "" when the reply is no claim check
		fact    string
		refused bool // the sources are silent on what is claimed
	}{
		{q: "korean exports to russia fell 10.3% in 2019?", verdict: Contradicted, fact: "trade-exports-to-russia-2019"},
		{q: "why did korean exports to russia drop 10.3% in 2019?", verdict: Contradicted, fact: "trade-exports-to-russia-2019"},
		{q: "so samsung was no.1 in the russian phone market in 2019?", verdict: Supported, fact: "business-samsung-phones-2019"},
		{q: "현대차가 2019년에 러시아 자동차 시장 1위였다던데 맞아?", verdict: Contradicted, fact: "business-hyundai-vehicles"},
		{q: "LG был лидером рынка бытовой техники в России?", verdict: Contradicted, fact: "business-lg-appliances"},
		{q: "The 4th Korea-Russia Arctic Consultation took place in Seoul, right?", verdict: Contradicted, fact: "arctic-4th-consultation"},
		{q: "moon proposed the nine bridges at the EEF in 2018, right?", verdict: Contradicted, fact: "bridges-nine-bridges-proposal"},
		{q: "в 2017 товарооборот превысил 20 млрд долл.?", verdict: Contradicted, fact: "trade-volume-2017"},
		{q: "the first interregional forum had nine agencies from the russian far east - correct?", verdict: Supported, fact: "forum-first-participants"},
		{q: "오바마 대통령이 포항 지방협력포럼에 축사 보냈다던데 맞아?", verdict: Contradicted, fact: "forum-congratulatory-remarks-moon-putin"},
		{q: "Kim Hyun-soo is the president of KITA's Institute for International Trade, correct?", verdict: Contradicted},
		{q: "트루트네프는 러시아 외무장관이었죠?", verdict: Contradicted},
		// A false title in a question for something is corrected too.
		{q: "국제무역연구원장 김현수가 한러 협력에 대해 뭐라고 했어?", verdict: Contradicted},
		{q: "Trade grew about 25-fold between 1990 and 2019. True or false?", verdict: Supported, fact: "trade-volume-2019"},
		{q: "правда, что товарооборот вырос примерно в 25 раз с 1990 года?", verdict: Supported, fact: "trade-volume-2019"},
		{q: "tourist numbers between korea and russia hit a million in 2019?", verdict: Contradicted, fact: "people-tourists-2019"},
		{q: "so exports to russia went up in 2019 even tho korea's total exports dropped?", verdict: Supported},
		{q: "hyundai is the top-selling car maker in russia per KITA right?", verdict: Contradicted, fact: "business-hyundai-vehicles"},
		{q: "the snowflake arctic station is supposed to be nuclear powered?", verdict: Contradicted, fact: "arctic-snowflake-station"},
		{q: "«Снежинка» должна работать на водороде от солнца и ветра?", verdict: Supported},
		{q: "the russian far east makes up more than a third of bilateral trade, correct?", verdict: Supported, fact: "trade-far-east-share"},
		{q: "서비스·투자 FTA 협상 2019년 6월에 시작했다며?", verdict: Supported, fact: "fta-russia-talks-launched-2019"},
		{q: "북방경제협력위원회는 2018년에 생겼지?", verdict: Contradicted, fact: "policy-northern-committee-2017"},
		{q: "강경화 장관이 블라디보스토크에서 코즐로프 만났지?", verdict: Contradicted, fact: "summit-kang-koslov-pohang-meeting"},
		{q: "в 2016 обменов было больше, чем в 2015?", verdict: Supported},
		{q: "2017년 인적교류 51만명으로 역대 최대 맞지?", verdict: Supported},
		// A month: another month contradicts what happens once…
		{q: "was the fourth arctic consultation in moscow held in october 2020?", verdict: Contradicted, fact: "arctic-4th-consultation"},
		{q: "Четвёртые консультации по Арктике прошли в ноябре 2020 года?", verdict: Supported, fact: "arctic-4th-consultation"},
		// …is borne out when a source the fact reports dates it so…
		{q: "북방경제협력위원회가 2017년 5월에 만들어졌다는 게 맞아?", verdict: Supported, fact: "policy-northern-committee-2017"},
		// …and leaves the sources silent on a visit, which may recur.
		{q: "트루트네프가 2014년 3월에 북한을 방문한 게 맞아?", refused: true},
		// An ordinal counts meetings; it is no figure to hold against the
		// fact's (the 30th anniversary).
		{q: "the 4th arctic consultation also celebrated 30 years of diplomatic ties, right?", verdict: Supported},
		{q: "is the korea-russia arctic consultation held every 2 years?", verdict: Contradicted},
		// A search is no claim, though it ends in a question mark.
		{q: "exact date of Moon Jae-in's state visit to Russia in 2018?"},
		// A visit may recur: the sources are silent on another year's.
		{q: "трутнев ездил в кндр в 2016?", refused: true},
		// A question for something is no claim.
		{q: "what did trutnev propose in north korea?"},
	}
	a := answerer(t)
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := a.Answer(tt.q, "")
			if tt.refused {
				if r.Answered || r.Reason != NotInSourcesReason {
					t.Fatalf("answered=%v reason=%q, want not-in-sources\n%s", r.Answered, r.Reason, r.Text)
				}
				return
			}
			if r.Verdict != tt.verdict {
				t.Fatalf("verdict %q, want %q (kind %s, facts %v)\n%s", r.Verdict, tt.verdict, r.Kind, factIDs(r), r.Text)
			}
			if tt.fact != "" && (r.Fact() == nil || r.Fact().ID != tt.fact) {
				t.Errorf("fact %v, want %s", factIDs(r), tt.fact)
			}
		})
	}
}
