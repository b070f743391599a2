package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/ninebridges/ninebridges/facts"
)

// apiVersion changes when the API's shapes change in a way a cached copy
// must not survive, so it is part of every ETag.
const apiVersion = "v1.1"

// contentHash identifies the base's content: its facts as the API serves
// them, the documents' headers and text, the series and the timeline. Two
// processes serving the same base agree on it, so an ETag stays valid
// across replicas and restarts; any edit to the base changes it.
func contentHash(b *facts.Base) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	write := func(v any) {
		// Encoding these types cannot fail; an error would only mean
		// a weaker hash, never a wrong answer.
		_ = enc.Encode(v)
	}
	write(apiVersion)
	write(b.Facts())
	for _, d := range b.Documents() {
		write([]string{d.ID, d.Title, d.Publisher, d.Published, d.Kind, d.Text})
	}
	for _, s := range b.AllSeries() {
		write(seriesJSON(s, b))
	}
	for _, e := range b.Timeline() {
		write(eventJSON(e))
	}
	write(b.Topics())
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:12])
}
