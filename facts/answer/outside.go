package answer

import "github.com/ninebridges/ninebridges/facts"

// outsideMetrics are economic measures none of the sources gives, with
// the words a question names them by (as it folds them) in the three
// languages; TestOutsideMetricsNotInCorpus keeps it so. A question about
// one is refused, not answered with a fact that shares its other words.
var outsideMetrics = []struct {
	words []string
	name  facts.Text
}{
	{[]string{"gdp", "gross domestic product", "국내총생산", "경제성장률", "ввп", "валовой внутренний", "валового внутреннего"}, facts.Text{EN: "GDP", KO: "국내총생산(GDP)", RU: "ВВП"}},
	{[]string{"inflation", "인플레이션", "물가", "инфляци"}, facts.Text{EN: "inflation", KO: "물가", RU: "инфляции"}},
	{[]string{"unemployment", "jobless rate", "실업률", "безработиц"}, facts.Text{EN: "unemployment", KO: "실업률", RU: "безработице"}},
	{[]string{"population", "인구", "населени"}, facts.Text{EN: "population", KO: "인구", RU: "населении"}},
	{[]string{"exchange rate", "환율", "курс рубля", "курс валют", "курс вон"}, facts.Text{EN: "exchange rates", KO: "환율", RU: "курсах валют"}},
	{[]string{"interest rate", "금리", "процентн ставк", "ключевая ставка", "ключевой ставк"}, facts.Text{EN: "interest rates", KO: "금리", RU: "процентных ставках"}},
	{[]string{"stock market", "주가", "фондов рын"}, facts.Text{EN: "stock markets", KO: "주가", RU: "фондовом рынке"}},
}

// outsideMetric is the outside metric q (folded) names, if any.
func outsideMetric(q string) (facts.Text, bool) {
	for _, m := range outsideMetrics {
		for _, w := range m.words {
			if find(q, w) >= 0 {
				return m.name, true
			}
		}
	}
	return facts.Text{}, false
}
