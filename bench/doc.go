// Package bench measures the Nine Bridges matcher against peers on the same
// questions: a BM25 index of github.com/blevesearch/bleve/v2 over the same
// phrasings. It is a separate module so bleve never becomes a dependency of
// the bot.
//
//	cd bench && go test -run TestPeerAccuracy -v . && go test -run '^$' -bench . -benchtime 2s .
package bench
