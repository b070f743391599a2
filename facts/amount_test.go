package facts

import "testing"

func TestFormatAmount(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		lang Lang
		want string
	}{
		{13.4e9, "USD", EN, "US$13.4 billion"},
		{16e9, "USD", EN, "US$16 billion"},
		{22.34e9, "USD", EN, "US$22.34 billion"},
		{888.8e6, "USD", EN, "US$888.8 million"},
		{12345, "USD", EN, "US$12,345"},
		{13.4e9, "USD", KO, "134억 달러"},
		{22.34e9, "USD", KO, "223억 4천만 달러"},
		{888.8e6, "USD", KO, "8억 8,880만 달러"},
		{1.5e12, "USD", KO, "1조 5천억 달러"},
		{13.4e9, "USD", RU, "13,4 млрд долл."},
		{888.8e6, "USD", RU, "888,8 млн долл."},
		{12345, "USD", RU, "12\u00a0345 долл."},
		{510000, "people", EN, "510,000"},
		{292000, "people", EN, "292,000"},
		{510000, "people", KO, "51만 명"},
		{292000, "people", KO, "29만 2천 명"},
		{30000, "people", KO, "3만 명"},
		{12345, "people", KO, "1만 2,345 명"},
		{950, "people", KO, "950 명"},
		{510000, "people", RU, "510 тыс."},
		{292500, "people", RU, "292,5 тыс."},
		{1.25e6, "people", RU, "1,25 млн"},
		{950, "people", RU, "950"},
		{1234567, "tonnes", EN, "1,234,567 tonnes"},
	}
	for _, tt := range tests {
		if got := FormatAmount(tt.v, tt.unit, tt.lang); got != tt.want {
			t.Errorf("FormatAmount(%v, %s, %s) = %q, want %q", tt.v, tt.unit, tt.lang, got, tt.want)
		}
	}
}
