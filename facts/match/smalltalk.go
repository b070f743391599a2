package match

import "strings"

// Small talk ("hi", "how's it going", "спасибо") asks for no fact, but its
// words can still land on one: "как дела" shares a stem with "Министерство
// иностранных дел". A message that is nothing but small talk is recognised
// whole, before any ranking, and gets a greeting instead of a fact.

// chatFillers address the bot or greet it without asking anything; a
// message of fillers alone is small talk, and they are dropped before a
// message is compared with chatPhrases.
var chatFillers = setOf(
	"hey", "hi", "hello", "hiya", "howdy", "yo", "bot", "there", "please", "pls",
	"plz", "ok", "okay", "oh", "well", "um", "uh", "dear", "buddy", "friend", "guys", "everyone", "all",
	"привет", "приветик", "здравствуй", "здравствуйте", "бот", "ну", "эй", "слушай", "ребята", "всем",
	"안녕", "안녕하세요", "봇", "하이", "헬로", "저기", "저기요", "님",
)

// chatPhrases are whole messages of small talk.
var chatPhrases = []string{
	"how are you", "how are you doing", "how are you today", "how's it going", "how is it going", "how's everything",
	"how are things", "what's up", "whats up", "sup", "how do you do", "good morning", "good afternoon",
	"good evening", "good night", "thank you", "thank you very much", "thanks", "thanks a lot", "thx", "ty",
	"bye", "goodbye", "see you", "see ya", "who are you", "what are you", "are you a bot", "are you there",
	"are you alive", "nice to meet you", "good bot", "bad bot", "cool", "nice", "great", "lol", "help",
	"what can you do", "what do you do", "what do you know",
	"как дела", "как ты", "как поживаешь", "как жизнь", "что нового", "спасибо", "спасибо большое", "благодарю",
	"пока", "до свидания", "кто ты", "ты кто", "доброе утро", "добрый день", "добрый вечер", "спокойной ночи",
	"рад познакомиться", "что ты умеешь", "что умеешь", "помощь", "помоги",
	"잘 지내", "잘 지내요", "잘 지냈어", "잘 지냈어요", "뭐해", "뭐 해", "뭐하니", "고마워", "고마워요", "고맙습니다",
	"감사합니다", "감사해요", "누구야", "넌 누구야", "너는 누구야", "누구세요", "반가워", "반가워요", "반갑습니다",
	"좋은 아침", "잘 자", "잘 가", "안녕히 계세요", "뭐 할 수 있어", "뭘 할 수 있어", "도움말", "도와줘",
}

// chatMessages holds chatPhrases as they read once tokenized, so that
// punctuation, case and apostrophes do not matter.
var chatMessages = func() map[string]bool {
	m := make(map[string]bool, len(chatPhrases))
	for _, p := range chatPhrases {
		m[chatKey(tokenize(normalize(p)))] = true
	}
	return m
}()

// chatKey is a message's words without fillers, as one string.
func chatKey(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if chatFillers[t.surface] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.surface)
	}
	return b.String()
}

// isSmallTalk reports whether a message, as tokens, is small talk and
// nothing else.
func isSmallTalk(toks []token) bool {
	if len(toks) == 0 || len(toks) > 12 {
		return false
	}
	key := chatKey(toks)
	return key == "" || chatMessages[key]
}
