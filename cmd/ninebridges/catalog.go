package main

import (
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
)

// consoleMsg names one of the console's own texts.
type consoleMsg int

const (
	msgBanner consoleMsg = iota
	msgLanguageIs
	msgNoButton
	msgUpdated
	msgNoSuggestions
	msgOnlyYou
	msgAttachment
	msgImage
	msgTypeNumber
	msgFactHint
	msgConsoleCount // must stay last
)

// consoleTexts are the console's words in the three languages;
// TestConsoleCatalogue checks that none is missing.
var consoleTexts = commands.Catalogue[consoleMsg]{
	msgBanner: {
		EN: "Nine Bridges console — %[1]d facts from %[2]d documents, answered by the same handlers as on Discord.\nAsk a question, or type a command: /ask question: trade in 2016, /timeline from:2018 topic:forum,\n/trade year:2017, /fact id:trade-volume-2016, /onthisday, /sources, /help.\nA number clicks a button, ?words shows autocomplete, /lang en|ko|ru switches language, /quit leaves.\nLanguage: %[3]s",
		KO: "Nine Bridges 콘솔 — 문서 %[2]d건에서 뽑은 사실 %[1]d개를 Discord와 같은 처리기로 답합니다.\n질문하거나 명령을 입력하세요: /ask question: 2016년 교역액, /timeline from:2018 topic:forum,\n/trade year:2017, /fact id:trade-volume-2016, /onthisday, /sources, /help.\n숫자를 입력하면 버튼을 누르고, ?단어는 자동 완성을 보여 주며, /lang en|ko|ru로 언어를 바꾸고, /quit로 나갑니다.\n언어: %[3]s",
		RU: "Консоль Nine Bridges — %[1]d фактов из %[2]d документов, ответы те же, что в Discord.\nЗадайте вопрос или введите команду: /ask question: товарооборот в 2016, /timeline from:2018 topic:forum,\n/trade year:2017, /fact id:trade-volume-2016, /onthisday, /sources, /help.\nЧисло нажимает кнопку, ?слова показывает подсказки, /lang en|ko|ru меняет язык, /quit — выход.\nЯзык: %[3]s",
	},
	msgLanguageIs: {EN: "Language: %[1]s", KO: "언어: %[1]s", RU: "Язык: %[1]s"},
	msgNoButton: {
		EN: "There is no button %[1]d (the last answer has %[2]d).",
		KO: "%[1]d번 버튼은 없습니다 (마지막 답의 버튼은 %[2]d개).",
		RU: "Кнопки %[1]d нет (в последнем ответе их %[2]d).",
	},
	msgUpdated:       {EN: "(message updated)", KO: "(메시지가 바뀌었습니다)", RU: "(сообщение обновлено)"},
	msgNoSuggestions: {EN: "(no suggestions)", KO: "(추천 없음)", RU: "(подсказок нет)"},
	msgOnlyYou:       {EN: "(only you can see this)", KO: "(나에게만 보이는 메시지)", RU: "(видно только вам)"},
	msgAttachment:    {EN: "[attachment: %[1]s]", KO: "[첨부: %[1]s]", RU: "[вложение: %[1]s]"},
	msgImage: {
		EN: "[chart %[1]s: \"ninebridges chart\" draws it to a file]",
		KO: "[차트 %[1]s: \"ninebridges chart\"로 파일에 그릴 수 있습니다]",
		RU: "[график %[1]s: его рисует в файл «ninebridges chart»]",
	},
	msgTypeNumber: {EN: "(type a number to click)", KO: "(숫자를 입력하면 누릅니다)", RU: "(введите номер, чтобы нажать)"},
	msgFactHint: {
		EN: "Which fact? Type ?words to find one, then /fact id:ID — for example /fact id:trade-volume-2016.",
		KO: "어떤 사실인가요? ?단어로 찾은 뒤 /fact id:ID를 입력하세요. 예: /fact id:trade-volume-2016",
		RU: "Какой факт? Найдите его через ?слова, затем введите /fact id:ID — например, /fact id:trade-volume-2016.",
	},
}

func (s *screen) t(id consoleMsg, args ...any) string { return consoleTexts.T(s.lang, id, args...) }

func consoleT(lang facts.Lang, id consoleMsg, args ...any) string {
	return consoleTexts.T(lang, id, args...)
}
