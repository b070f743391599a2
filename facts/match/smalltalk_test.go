package match

import "testing"

func TestIsSmallTalk(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"hi", true},
		{"Hey bot!", true},
		{"how's it going?", true},
		{"HOW ARE YOU", true},
		{"thanks!!", true},
		{"what can you do", true},
		{"привет, как дела?", true},
		{"Спасибо большое", true},
		{"안녕하세요", true},
		{"고마워요", true},
		{"", false},
		{"?!", false},
		{"hi, what was korea russia trade in 2016?", false},
		{"how are korea and russia doing on trade", false},
		{"nine bridges", false},
		{"как дела у корейских компаний в россии", false},
		{"thanks, and what about 2018?", false},
		{"hi hi hi hi hi hi hi hi hi hi hi hi hi hi", false},
	}
	for _, tt := range tests {
		if got := isSmallTalk(tokenize(normalize(tt.in))); got != tt.want {
			t.Errorf("isSmallTalk(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
