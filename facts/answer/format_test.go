package answer

import (
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		lang facts.Lang
		want string
	}{
		{5.6e9, "USD", facts.EN, "US$5.6 billion"},
		{5.6e9, "USD", facts.KO, "56억 달러"},
		{5.6e9, "USD", facts.RU, "5,6 млрд долларов"},
		{22.34e9, "USD", facts.EN, "US$22.34 billion"},
		{22.34e9, "USD", facts.KO, "223.4억 달러"},
		{888.8e6, "USD", facts.EN, "US$888.8 million"},
		{888.8e6, "USD", facts.KO, "8.888억 달러"},
		{888.8e6, "USD", facts.RU, "888,8 млн долларов"},
		{-2.6e9, "USD", facts.EN, "−US$2.6 billion"},
		{510000, "people", facts.EN, "510,000 people"},
		{510000, "people", facts.KO, "51만 명"},
		{292000, "people", facts.KO, "29.2만 명"},
		{510000, "people", facts.RU, "510 тыс. человек"},
		{1.3e6, "people", facts.EN, "1.3 million people"},
		{1.3e6, "people", facts.RU, "1,3 млн человек"},
		{12, "ships", facts.EN, "12 ships"},
	}
	for _, tt := range tests {
		if got := amount(tt.v, tt.unit, tt.lang); got != tt.want {
			t.Errorf("amount(%g, %s, %s) = %q, want %q", tt.v, tt.unit, tt.lang, got, tt.want)
		}
	}
}

func TestPercentAndTimes(t *testing.T) {
	if got := percent(41.791, facts.EN); got != "41.8%" {
		t.Errorf("percent en = %q", got)
	}
	if got := percent(41.791, facts.RU); got != "41,8 %" {
		t.Errorf("percent ru = %q", got)
	}
	if got := times(1.6671, facts.EN); got != "×1.67" {
		t.Errorf("times en = %q", got)
	}
	if got := times(1.6671, facts.KO); got != "1.67배" {
		t.Errorf("times ko = %q", got)
	}
	if got := times(1.6671, facts.RU); got != "в 1,67 раза" {
		t.Errorf("times ru = %q", got)
	}
}
