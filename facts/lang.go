package facts

import "fmt"

// Lang is one of the languages every fact is written in.
type Lang string

const (
	EN Lang = "en"
	KO Lang = "ko"
	RU Lang = "ru"
)

// Langs lists the supported languages in their canonical order.
var Langs = []Lang{EN, KO, RU}

// ParseLang accepts "en", "ko" or "ru".
func ParseLang(s string) (Lang, error) {
	switch l := Lang(s); l {
	case EN, KO, RU:
		return l, nil
	}
	return "", fmt.Errorf("unknown language %q: use en, ko or ru", s)
}

// Text is a short text written in every supported language.
type Text struct {
	EN string `yaml:"en" json:"en"`
	KO string `yaml:"ko" json:"ko"`
	RU string `yaml:"ru" json:"ru"`
}

// In returns the text in lang, falling back to English.
func (t Text) In(lang Lang) string {
	switch lang {
	case KO:
		if t.KO != "" {
			return t.KO
		}
	case RU:
		if t.RU != "" {
			return t.RU
		}
	}
	return t.EN
}

// Phrasings are the ways people ask for a fact, per language.
type Phrasings struct {
	EN []string `yaml:"en" json:"en"`
	KO []string `yaml:"ko" json:"ko"`
	RU []string `yaml:"ru" json:"ru"`
}

// In returns the phrasings in lang.
func (p Phrasings) In(lang Lang) []string {
	switch lang {
	case KO:
		return p.KO
	case RU:
		return p.RU
	}
	return p.EN
}
