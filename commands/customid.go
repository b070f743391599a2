package commands

import (
	"strconv"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// Button custom ids carry all the state a click needs, so buttons keep
// working after a restart and no session store is needed:
//
//	nb:fact:<fact id>:<lang>
//	nb:tl:<from>:<to>:<topic>:<page>:<lang>
//
// Fact ids, topics and dates never contain ':'; Discord allows 100 bytes.
const (
	idPrefix     = "nb"
	kindFact     = "fact"
	kindTimeline = "tl"
)

// customIDKind is the <kind> of "nb:<kind>:…", or "".
func customIDKind(id string) string {
	parts := strings.SplitN(id, ":", 3)
	if len(parts) < 3 || parts[0] != idPrefix {
		return ""
	}
	return parts[1]
}

func factButtonID(factID string, lang facts.Lang) string {
	return idPrefix + ":" + kindFact + ":" + factID + ":" + string(lang)
}

func parseFactButtonID(id string) (factID string, lang facts.Lang, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 4 || parts[0] != idPrefix || parts[1] != kindFact || parts[2] == "" {
		return "", "", false
	}
	lang, err := facts.ParseLang(parts[3])
	if err != nil {
		return "", "", false
	}
	return parts[2], lang, true
}

// timelineQuery is one page of /timeline: what the command asked for and
// which page is shown. From and To are in canonical form ("2018",
// "2018-06", "2018-06-13") or empty.
type timelineQuery struct {
	From, To string
	Topic    string
	Page     int
	Lang     facts.Lang
}

func (q timelineQuery) customID() string {
	return strings.Join([]string{idPrefix, kindTimeline, q.From, q.To, q.Topic, strconv.Itoa(q.Page), string(q.Lang)}, ":")
}

func parseTimelineID(id string) (timelineQuery, bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 7 || parts[0] != idPrefix || parts[1] != kindTimeline {
		return timelineQuery{}, false
	}
	page, err := strconv.Atoi(parts[5])
	if err != nil || page < 0 {
		return timelineQuery{}, false
	}
	lang, err := facts.ParseLang(parts[6])
	if err != nil {
		return timelineQuery{}, false
	}
	return timelineQuery{From: parts[2], To: parts[3], Topic: parts[4], Page: page, Lang: lang}, true
}
