package facts

import (
	"slices"
	"testing"
)

// EntitiesNamedIn finds, in one pass, exactly the entities NamedIn finds
// one by one.
func TestEntitiesNamedInMatchesNamedIn(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"which russian news agency reported Trutnev's talks", "한국무역협회 김현수 수석연구원", "Трутнева и Козлова в Пхохане",
		"Seoul and Moscow", "the Snowflake station (Снежинку)", "nothing named here"}
	for _, f := range b.Facts() {
		texts = append(texts, f.Answer.EN, f.Answer.KO, f.Answer.RU)
	}
	for _, text := range texts {
		var want []*Entity
		for _, e := range b.Entities() {
			if e.NamedIn(text) {
				want = append(want, e)
			}
		}
		if got := b.EntitiesNamedIn(text); !slices.Equal(got, want) {
			t.Errorf("%.60q: EntitiesNamedIn %v, NamedIn %v", text, ids(got), ids(want))
		}
	}
}

func ids(es []*Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}
