package match

import (
	"fmt"
	"strings"

	"github.com/ninebridges/ninebridges/facts"
)

// explanations are the "I don't know" texts, by reason, in the three
// languages; TestExplanations checks that each has all three and that
// their format verbs agree. MissingYear's take the years asked, the
// series' title and the years it has; NotFound's stands for any other
// reason.
var explanations = map[Reason]facts.Text{
	MissingYear: {
		EN: "I have no figure for %[1]s. %[2]s: my sources give %[3]s.",
		KO: "%[1]s년 자료는 없습니다. %[2]s 자료가 있는 해: %[3]s.",
		RU: "Данных за %[1]s г. у меня нет. %[2]s: есть данные за %[3]s.",
	},
	Ambiguous: {
		EN: "That could mean more than one thing. Did you mean one of these?",
		KO: "질문이 여러 사실에 해당할 수 있습니다. 아래에서 골라 주세요.",
		RU: "Вопрос подходит к нескольким фактам. Выберите, что вы имели в виду.",
	},
	MissingDetail: {
		EN: "My sources don't give that detail. Here is what they do say nearby.",
		KO: "제 자료에는 그 내용이 나와 있지 않습니다. 관련된 사실은 다음과 같습니다.",
		RU: "В моих источниках этого нет. Вот что о близком в них сказано.",
	},
	SmallTalk: {
		EN: "Hello! I answer questions about relations between Korea and Russia from my sources. Try: \"What was Korea–Russia trade in 2019?\"",
		KO: "안녕하세요! 저는 한러 관계에 관한 질문에 자료를 근거로 답합니다. 예: 2019년 한러 교역액은?",
		RU: "Здравствуйте! Я отвечаю на вопросы об отношениях Кореи и России по своим источникам. Например: «Каким был товарооборот в 2019 году?»",
	},
	Empty: {
		EN: "Ask me a question, for example: \"What was Korea–Russia trade in 2017?\"",
		KO: "질문을 입력해 주세요. 예: 2017년 한러 교역액은?",
		RU: "Задайте вопрос, например: «Каким был товарооборот в 2017 году?»",
	},
	NotFound: {
		EN: "I'm not sure: my sources don't answer that with confidence.",
		KO: "잘 모르겠습니다. 제 자료에서 이 질문의 답을 확실히 찾지 못했습니다.",
		RU: "Не уверен: в моих источниках нет надёжного ответа на этот вопрос.",
	},
}

// Explain is the "I don't know" text for a result that was not answered, in
// its language. It never states a figure the base does not hold.
func (r Result) Explain() string {
	t, ok := explanations[r.Reason]
	if !ok {
		t = explanations[NotFound]
	}
	if r.Reason != MissingYear {
		return t.In(r.Lang)
	}
	join := func(ys []int) string {
		s := make([]string, len(ys))
		for i, y := range ys {
			s[i] = fmt.Sprint(y)
		}
		return strings.Join(s, ", ")
	}
	return fmt.Sprintf(t.In(r.Lang), join(r.Asked), r.Series.Title.In(r.Lang), join(r.Years))
}
