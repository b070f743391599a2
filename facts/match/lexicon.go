package match

// stopWords carry no meaning for picking a fact: question words, articles,
// auxiliaries and particles in the three languages. They are dropped before
// stemming, from questions and from the index alike.
var stopWords = setOf(
	// English
	"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "from", "as", "into", "about",
	"what", "whats", "which", "whom", "whose", "was", "were", "is", "are", "be", "been",
	"being", "am", "do", "does", "did", "done", "has", "have", "had", "can", "could", "would", "will", "shall", "should",
	"may", "might", "must", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them", "he", "she",
	"his", "her", "i", "me", "my", "we", "our", "you", "your", "please", "tell", "say", "said", "know", "give", "show",
	"much", "many", "any", "some", "all", "so", "than", "then", "also", "just", "like", "get", "got", "s", "t", "d",
	"u", "ur", "pls", "plz", "hey", "hi", "thanks", "thx", "bot", "nine-bridges", "q", "whats", "wat", "wht", "abt",
	"if", "but", "not", "no", "yes", "up", "out", "over", "under", "again", "very", "really", "exactly", "roughly",
	"approximately", "around", "anything", "something", "happen", "happened", "one", "ones", "let", "lets", "time",
	// English chat: hedges, fillers and asides that ask nothing themselves
	"anyone", "anybody", "someone", "somebody", "actually", "apparently", "seriously", "basically", "literally",
	"honestly", "wait", "ok", "okay", "yo", "yeah", "yep", "nah", "nope", "hmm", "lol", "lmao", "ngl", "tbh", "btw",
	"imo", "idk", "nvm", "bruh", "guys", "sure", "true", "right", "heard", "thought", "think", "remember", "wondering",
	"curious", "maybe", "perhaps", "probably", "kinda", "sorta", "gonna", "wanna", "gotta", "stuff", "thing", "things",
	"didn't", "don't", "doesn't", "isn't", "wasn't", "weren't", "i'm", "i've", "i'd", "they'd", "you'd", "it's", "that's",
	"there's", "someone's", "lot", "bunch", "pretty", "quite", "still", "even", "ever", "now", "back", "way",
	"among", "amongst",
	// The rest of the Snowball stop list: prepositions, pronouns and
	// particles that a question words its way around ("during 2016",
	// "per KITA", "both ROK and RU"). Left as words: the question words
	// (when, where, who, how, why), and comparison and order (more, most,
	// before, after, between, above, below, down), which change what is
	// asked.
	"during", "toward", "towards", "per", "both", "each", "through", "until", "while", "against", "own", "same",
	"such", "only", "further", "once", "off", "because", "having", "doing", "here", "nor", "too", "itself",
	"himself", "herself", "themselves", "ourselves", "yourself", "yourselves", "hers", "ours", "theirs", "yours",
	"myself", "him",
	// Russian
	"что", "как", "какой", "какая", "какое", "какие", "каким", "какого", "какую", "каков", "какова", "каковы", "кто",
	"зачем", "ли", "же", "бы", "был", "была", "было", "были", "быть", "есть",
	"это", "этот", "эта", "эти", "тот", "та", "те", "в", "во", "на", "и", "а", "но", "или", "с", "со", "по", "за", "к",
	"ко", "о", "об", "от", "до", "для", "из", "у", "при", "про", "над", "под", "между", "мне", "мы", "вы", "он", "она",
	"они", "его", "ее", "их", "расскажи", "расскажите", "скажи", "скажите", "подскажи", "подскажите", "знаешь",
	"пожалуйста", "году", "год", "года", "годах", "г", "там", "тут", "же", "ну", "вот", "всего", "такое", "чем", "чего",
	"ему", "им", "так", "уже", "еще", "ещё", "очень", "привет",
	// Russian chat
	"кто-нибудь", "кто-то", "знает", "знаете", "правда", "вообще", "короче", "типа", "блин", "слушайте", "слушай",
	"кстати", "помню", "помнит", "помните", "наверное", "вроде", "именно", "просто", "скока", "че", "чё", "ага",
	// The rest of the Snowball stop list, but for the question words
	// (когда, где, куда), negation (не, нет), numbers (один, два, три,
	// раз: "в 25 раз"), comparison and order (больше, более, лучше,
	// много, после, перед, через, без), always and never, and "можно",
	// which asks what is allowed ("сколько дней можно… без визы").
	"я", "то", "все", "да", "ты", "только", "меня", "даже", "вдруг", "если", "ни", "него", "вас", "нибудь", "опять",
	"уж", "вам", "ведь", "потом", "себя", "ничего", "ей", "может", "надо", "ней", "тебя", "сам", "чтоб", "будто",
	"тоже", "себе", "будет", "ж", "тогда", "того", "потому", "этого", "совсем", "ним", "здесь", "этом", "почти",
	"мой", "тем", "чтобы", "нее", "всех", "наконец", "другой", "хоть", "нас", "них", "разве", "эту", "моя",
	"впрочем", "хорошо", "свою", "этой", "иногда", "чуть", "том", "нельзя", "такой", "конечно", "всю",
	// Korean (after particles are stripped)
	"무엇", "무엇인가", "뭐", "뭐야", "뭔가", "뭔지", "뭐였", "뭐였어", "뭐예요", "무슨", "어떤", "어떻게", "어땠",
	"얼마였", "얼마였어", "얼마인가", "몇", "년", "년도", "해", "월", "일", "알려줘",
	"알려주세요", "알려", "주세요", "있나", "있나요", "있어", "있었", "있었나", "인가", "입니까", "했", "했어", "했나", "했는",
	"했는지", "된", "되었", "됐", "됐어", "그", "이", "저", "것", "수", "좀", "및", "등", "대해", "대해서", "관해", "관한", "대한",
	"때", "였", "었", "하는", "한", "하나", "하나요",
	// Korean chat
	"혹시", "진짜", "정말", "근데", "그럼", "그거", "그게", "아니", "실제로", "아마", "요즘",
	// "계속되는 중": in progress, not China (중국, 미중)
	"중", "중인", "중이야", "중이에요", "중인가요",
	// Korean degree words and counters: "어느 정도", "몇 명", "수는"
	"얼마", "얼마나", "어느", "정도", "대략", "약", "명", "수는", "수가", "수를", "곳", "개", "번",
)

// concepts group words and phrases that mean the same thing across the
// three languages. A word in a group matches any other word of the group, so
// "commerce" finds trade, "교역" finds товарооборот, and "ROK" finds Korea.
// Names with several spellings belong in the facts' aliases instead.
var concepts = map[string][]string{
	"korea": {"korea", "korean", "koreans", "rok", "south korea", "s korea", "s. korea", "republic of korea", "seoul",
		"한국", "대한민국", "남한", "한", "한국의", "корея", "кореи", "корее", "корейский", "корейская", "корейские",
		"республика корея", "южная корея", "южной кореи", "южной кореей", "рк", "сеул", "сеула"},
	"russia": {"russia", "russian", "russians", "rf", "ru", "rus", "russian federation", "moscow", "러시아", "러", "로씨야", "россия",
		"россии", "российский", "российская", "российские", "рф", "москва", "москвы", "кремль", "moscow's"},
	"korea-russia": {"한러", "한-러", "российско-корейский", "корейско-российский", "rok-russia", "korea-russia"},
	"trade": {"trade", "trading", "commerce", "commercial", "bilateral trade", "trade volume", "trade turnover", "turnover",
		"교역", "교역액", "교역량", "무역", "무역액", "무역량", "교역 규모", "무역 규모", "товарооборот", "торговля",
		"торговый", "торговли", "товарооборота", "торговый оборот"},
	"exchanges": {"exchange", "exchanges", "people-to-people", "people to people", "visitors", "visits by people",
		"travellers", "travelers", "trips", "인적교류", "인적 교류", "교류", "방문객", "왕래", "обмен", "обмены",
		"обмены людьми", "поездки", "поездок", "взаимные поездки", "людские обмены", "гуманитарные обмены"},
	"tourists": {"tourist", "tourists", "tourism", "travel", "관광객", "관광", "여행객", "турист", "туристы", "туристов",
		"туризм", "турпоток"},
	"exports": {"export", "exports", "exported", "shipments", "outbound shipments", "sales abroad", "수출", "수출액",
		"экспорт", "экспорта", "поставки"},
	"fta": {"fta", "free trade agreement", "free-trade agreement", "free trade", "free trade deal", "trade deal",
		"자유무역협정", "자유무역", "фта", "зст", "соглашение о свободной торговле", "свободная торговля", "зона свободной торговли"},
	"eaeu": {"eaeu", "eeu", "eurasian economic union", "eurasian union", "유라시아경제연합", "유라시아 경제연합",
		"еаэс", "евразийский экономический союз", "евразийским экономическим союзом"},
	"arctic": {"arctic", "polar", "북극", "арктика", "арктики", "арктический", "арктическое", "арктическая", "арктике"},
	"sea-route": {"northern sea route", "nsr", "arctic route", "arctic shipping route", "북극항로", "북방항로", "북극 항로",
		"севморпуть", "северный морской путь", "северного морского пути", "арктический маршрут"},
	"far-east": {"far east", "far eastern", "russian far east", "rfe", "극동", "러시아 극동", "극동 지역", "дальний восток",
		"дальнего востока", "дальнем востоке", "дальневосточный", "дальневосточного"},
	"north-korea": {"north korea", "dprk", "pyongyang", "n korea", "n. korea", "nk", "북한", "조선민주주의인민공화국", "평양",
		"кндр", "северная корея", "северной корее", "северную корею", "северной кореи", "пхеньян"},
	"forum": {"forum", "포럼", "форум", "форума", "форуме"},
	"nine-bridges": {"nine bridges", "9 bridges", "9-bridges", "nine-bridge", "나인브릿지", "나인 브릿지", "9개 다리", "9개의 다리",
		"9-브릿지", "девять мостов", "9 мостов", "девяти мостов"},
	"minister": {"minister", "fm", "foreign minister", "secretary", "장관", "외교장관", "외교부 장관", "министр", "министра",
		"глава мид"},
	"foreign-ministry": {"foreign ministry", "mofa", "ministry of foreign affairs", "외교부", "мид"},
	"president":        {"president", "presidents", "대통령", "президент", "президента", "президенты"},
	"meeting": {"meet", "met", "meeting", "meetings", "talks", "sat down", "sit down", "sits down", "회담", "만남", "만났", "회동", "면담",
		"встреча", "встретился", "встретились", "встречи", "переговоры"},
	"anniversary": {"anniversary", "jubilee", "주년", "기념", "годовщина", "годовщину", "годовщины", "юбилей", "летие"},
	"diplomatic-relations": {"diplomatic relations", "diplomatic ties", "ties", "relations", "relationship", "수교", "외교관계",
		"외교 관계", "관계", "дипломатические отношения", "дипотношения", "отношения", "отношений", "связи"},
	"phone": {"phone", "phones", "smartphone", "smartphones", "mobile", "mobile phone", "cell phone", "cellphone", "handset",
		"휴대폰", "휴대전화", "스마트폰", "핸드폰", "телефон", "телефонов", "смартфон", "смартфонов", "мобильный"},
	"car": {"car", "cars", "vehicle", "vehicles", "auto", "autos", "automobile", "automotive", "자동차", "차량", "완성차",
		"автомобиль", "автомобили", "автомобилей", "машины", "авто", "автопром"},
	"appliances": {"appliance", "appliances", "household appliances", "home appliances", "white goods", "가전", "가전제품",
		"бытовая техника", "бытовой техники", "техника"},
	"gas":      {"gas", "natural gas", "lng", "가스", "천연가스", "газ", "газа"},
	"pipeline": {"pipeline", "pipelines", "가스관", "파이프라인", "송유관", "газопровод", "газопровода", "трубопровод"},
	"railway": {"종단철도", "한반도종단철도", "tkr", "trans-korean railway", "trans-korean railroad", "транскорейская", "railway", "railways", "railroad", "railroads", "rail", "train", "trains", "철도", "철도망",
		"железная дорога", "железной дороги", "жд", "железнодорожный", "железных дорог"},
	"power": {"power", "electricity", "electric power", "power generation", "grid", "grids", "electrical grids", "전력", "발전",
		"전력망", "электроэнергия", "электроэнергетика", "энергосистема", "электросети", "электросетей"},
	"shipbuilding": {"shipbuilding", "ships", "shipyard", "shipyards", "조선", "조선업", "선박", "судостроение", "судостроения",
		"суда", "верфи"},
	"port": {"port", "ports", "harbour", "harbor", "harbours", "harbors", "항만", "항구", "порт", "порты", "портов"},
	"farming": {"farming", "agriculture", "agricultural", "farms", "agro", "농업", "영농", "сельское хозяйство",
		"сельского хозяйства", "аграрный", "агро"},
	"fishing": {"fishing", "fisheries", "fishery", "fish", "수산", "수산업", "어업", "рыболовство", "рыболовства",
		"рыбная отрасль", "рыбной"},
	"industrial-complex": {"industrial complex", "industrial complexes", "industrial park", "industrial parks", "산업단지",
		"산단", "공단", "промышленный комплекс", "промышленные комплексы", "промышленных комплексов", "промпарк",
		"индустриальный парк"},
	"visa":      {"비자면제", "사증면제", "visa waiver", "visa-waiver", "безвизовый режим", "visa", "visas", "visa-free", "visa free", "비자", "무비자", "виза", "визы", "безвиз", "безвизовый", "безвизовом"},
	"deficit":   {"deficit", "trade deficit", "imbalance", "적자", "무역적자", "дефицит", "дефицита"},
	"sanctions": {"대북제재", "대러제재", "sanction", "sanctions", "embargo", "제재", "санкции", "санкций", "санкциями"},
	"covid": {"covid", "covid-19", "covid19", "coronavirus", "corona", "pandemic", "코로나", "코로나19", "팬데믹",
		"ковид", "коронавирус", "пандемия", "пандемии"},
	"volatility": {"volatile", "volatility", "fluctuate", "fluctuates", "fluctuation", "fluctuations", "swing", "swings",
		"unstable", "instability", "변동성", "변동", "출렁", "волатильность", "колебания", "скачет", "нестабильность",
		"нестабильна"},
	"us-china":     {"us-china", "u.s.-china", "china-us", "미중", "미-중", "американо-китайский"},
	"china-russia": {"china-russia", "sino-russian", "russia-china", "중러", "중-러", "китайско-российский", "российско-китайский"},
	"japan":        {"japan", "japanese", "tokyo", "일본", "한일", "한-일", "япония", "японии", "японией"},
	"azerbaijan":   {"azerbaijan", "azerbaijani", "baku", "아제르바이잔", "азербайджан", "азербайджана", "азербайджаном", "азербайджану"},
	"kazakhstan":   {"kazakhstan", "kazakh", "카자흐스탄", "казахстан", "казахстана", "казахстаном"},
	"armenia":      {"armenia", "armenian", "아르메니아", "армения", "армении", "арменией"},
	"belarus":      {"belarus", "belarusian", "벨라루스", "беларусь", "белоруссия", "белоруссии", "беларуси"},
	"kyrgyzstan":   {"kyrgyzstan", "kyrgyz", "키르기스스탄", "киргизия", "киргизии", "кыргызстан"},
	"vietnam":      {"vietnam", "vietnamese", "베트남", "вьетнам", "вьетнама", "вьетнамом"},
	"india":        {"india", "indian", "인도", "индия", "индии", "индией"},
	"germany":      {"germany", "german", "독일", "германия", "германии", "германией"},
	"trend": {"trend", "trends", "evolve", "evolved", "evolution", "change", "changed", "changes", "develop", "developed",
		"over time", "over the years", "추세", "추이", "변화", "변천", "динамика", "изменился", "изменилась", "менялся",
		"менялась", "развивался", "развивались"},
	"china": {"china", "chinese", "beijing", "중국", "한중", "한-중", "북중", "북-중", "китай", "китая", "китаем", "китайский",
		"кнр"},
	"usa": {"us", "u.s.", "usa", "america", "american", "united states", "washington", "미국", "한미", "한-미", "сша", "америка",
		"штаты"},
	"hydrogen":  {"hydrogen", "green hydrogen", "수소", "그린수소", "водород", "водорода", "водородный"},
	"snowflake": {"snowflake", "스노우플레이크", "스노플레이크", "снежинка", "снежинки", "снежинку"},
	"chair": {"chair", "chairmanship", "chairs", "chaired", "presidency of the arctic council", "의장국", "의장",
		"председатель", "председательство", "председательства", "председательствует"},
	"council":      {"council", "이사회", "совет", "совета"},
	"consultation": {"consultation", "consultations", "dialogue", "협의회", "협의", "консультации", "консультаций", "консультация"},
	"committee":    {"북방위", "북방경제협력위원회", "committee", "commission", "위원회", "комитет", "комитета"},
	"northern":     {"northern", "northward", "북방", "северный", "северного", "северному"},
	"economic":     {"economic", "economy", "economics", "경제", "экономический", "экономического", "экономика", "экономики"},
	"cooperation": {"경협", "경제협력", "cooperation", "co-operation", "collaboration", "cooperate", "partnership", "협력", "협업",
		"сотрудничество", "сотрудничества", "взаимодействие"},
	"investment": {"investment", "investments", "invest", "투자", "инвестиции", "инвестиций", "инвестиционный"},
	"service":    {"service", "services", "서비스", "услуги", "услуг", "сервис"},
	"brand":      {"brand", "brands", "korean brands", "브랜드", "бренд", "бренды", "брендов"},
	"risk": {"risk", "risks", "danger", "threat", "threats", "challenges", "위험", "리스크", "위험요인", "риск", "риски",
		"рисков", "угрозы"},
	"energy":    {"energy", "에너지", "энергия", "энергетика", "энергетики", "энергоносители"},
	"logistics": {"logistics", "물류", "логистика", "логистики"},
	"renewable": {"renewable", "renewables", "clean energy", "solar", "wind", "신재생", "재생에너지", "태양광", "풍력",
		"возобновляемая", "возобновляемой", "солнечной", "ветровой"},
	"station":    {"station", "base", "기지", "스테이션", "станция", "станции", "станцию"},
	"delegation": {"delegation", "delegates", "대표단", "делегация", "делегации"},
	"when":       {"date", "dates", "day", "날짜", "дата", "число"},
	"where":      {"venue", "place", "location", "city", "장소", "개최지", "место", "город"},
	"growth": {"growth", "grew", "increase", "increased", "rise", "rose", "growing", "증가", "성장", "늘었", "늘어", "рост",
		"выросла", "вырос", "увеличение", "увеличился"},
	"record": {"record", "largest", "biggest", "highest", "peak", "최대", "사상 최대", "최고", "рекорд", "рекордный", "рекордных",
		"максимальный", "наибольший"},
	"visit": {"방한", "방북", "방러", "visiting", "visit", "visited", "trip", "tour", "방문", "визит", "визита", "посетил", "поездка"},
	"proposal": {"proposal", "proposed", "propose", "suggested", "suggest", "idea", "제안", "제의", "предложение",
		"предложил", "предложения"},
	"conference":  {"conference", "summit meeting", "회의", "국제회의", "конференция", "конференцию"},
	"mine":        {"mine", "mines", "mining", "광산", "광물", "шахты", "рудники", "месторождения", "добыча"},
	"sovietunion": {"soviet union", "ussr", "soviets", "soviet", "소련", "ссср", "советский союз"},
	"samsung":     {"samsung", "삼성", "삼성전자", "самсунг"},
	"hyundai":     {"hyundai", "현대", "현대차", "현대자동차", "хендай", "хёндэ", "хундай", "хендэ"},
	"lg":          {"lg", "엘지", "lg전자", "элджи"},
	"dollar": {"dollar", "dollars", "usd", "us dollar", "us dollars", "us$", "$", "달러", "доллар", "доллара",
		"долларов"},
	"discuss": {"discuss", "discussed", "discussion", "discussions", "agenda", "논의", "얘기", "이야기", "의제",
		"обсуждали", "обсудили", "обсуждал", "обсуждение", "обсуждения", "повестка"},
	// Details the documents never give: asked for, they need a fact that
	// speaks of them (see constraintConcepts).
	"cost": {"cost", "costs", "price", "prices", "priced", "expensive", "cheap", "budget", "비용", "가격", "예산", "투자액", "사업비", "공사비",
		"стоимость", "стоимости", "цена", "цену", "цены", "бюджет", "стоит", "стоят", "стоила", "стоил", "обойдется", "обошлось"},
	"percent": {"percent", "percentage", "per cent", "%", "market share", "퍼센트", "점유율", "비율", "процент", "процента",
		"процентов", "доля", "долю", "доли"},
	"age":        {"age", "aged", "years old", "how old", "born", "birthday", "나이", "생일", "몇 살", "몇살", "возраст", "родился", "родилась", "сколько лет"},
	"population": {"population", "inhabitants", "residents", "인구", "население", "населения", "жителей"},
	"weather":    {"weather", "temperature", "forecast", "날씨", "기온", "погода", "погоды", "температура"},
	"length": {"length", "how long would", "how long will", "how long is", "how long was", "km", "kilometre", "kilometres", "kilometer", "kilometers", "miles", "길이", "킬로미터", "킬로",
		"протяженность", "протяженности", "длина", "длину", "длиной", "длины", "километров", "километра", "км"},
	"ambassador": {"ambassador", "ambassadors", "embassy", "대사", "대사관", "посол", "посла", "послом", "посольство"},
}

// constraint is what a concept named in a question demands of the fact
// that answers it.
type constraint int

const (
	// mention: the fact must mention it. A question about another
	// country's dealings is not about Korea and Russia.
	mention constraint = iota + 1
	// detail: the fact the rest of the question picks out must give it.
	// "How much will Snowflake cost" is not answered by what Snowflake is,
	// nor by another fact that happens to name a price.
	detail
)

// constraintConcepts are the concepts that constrain the answer.
var constraintConcepts = map[string]constraint{
	"#north-korea": mention, "#china": mention, "#usa": mention, "#japan": mention, "#azerbaijan": mention,
	"#china-russia": mention, "#us-china": mention,
	"#kazakhstan": mention, "#armenia": mention, "#belarus": mention, "#kyrgyzstan": mention, "#vietnam": mention, "#india": mention, "#germany": mention,
	"#cost": detail, "#percent": detail, "#age": detail, "#population": detail, "#weather": detail, "#ambassador": detail, "#length": detail,
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
