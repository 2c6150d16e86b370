import Testing
@testable import PikirNormalise

/// Full questions as forms ask them, in Kazakh, Russian and English, and
/// the field each must fill (nil: it stays an extra).
@Suite("Question phrasings")
struct QuestionPhrasingsTests {

    private func field(_ header: String) -> CanonicalField? {
        ColumnMapper().map(headers: [header])[0].field
    }

    @Test("Overall satisfaction", arguments: [
        "Насколько вы довольны тренингом?",
        "Общее впечатление от тренинга",
        "How would you rate this training?",
        "Overall, how would you rate this training?",
        "Тренингті жалпы қалай бағалайсыз?",
        "Тренинг сізге қаншалықты ұнады?",
        "Насколько вам понравился тренинг?",
        "Довольны ли вы в целом пройденным курсом по 10-балльной шкале, где 10 баллов «очень доволен», 1 балл – «категорически недоволен»",
    ])
    func overall(_ header: String) {
        #expect(field(header) == .overall, "\(header)")
    }

    @Test("The trainer's delivery: competence, skill, presentation", arguments: [
        "Профессионализм преподавателя",
        "Насколько доступно ведущий излагал материал?",
        "Манера подачи материала",
        "The trainer was knowledgeable about the subject.",
        "The trainer explained concepts clearly.",
        "Тренер материалды түсінікті жеткізді ме?",
        "Жаттықтырушының кәсібилігі",
        "Спикердің баяндау шеберлігі",
        "Насколько вы удовлетворены работой тренера?",
        "Оцените работу тренера/презентатора (1-5)",
    ])
    func delivery(_ header: String) {
        #expect(field(header) == .delivery, "\(header)")
    }

    @Test("Content: relevance and usefulness of the material", arguments: [
        "Полезность информации",
        "Насколько вы удовлетворены содержанием тренинга?",
        "How useful was the information presented?",
        "Ақпараттың пайдалылығы",
        "Тренинг тақырыбының өзектілігі",
        "The content of the training was relevant to my job.",
    ])
    func content(_ header: String) {
        #expect(field(header) == .content, "\(header)")
    }

    @Test("Applicability: using what was learned at work", arguments: [
        "Насколько тренинг полезен для вашей работы?",
        "Будете ли вы использовать полученные знания в работе?",
        "Алған біліміңізді жұмыста қолдана аласыз ба?",
        "How useful will this training be in your job?",
        "Алған білімді тәжірибеде пайдалана аласыз ба?",
        "How confident are you in applying what you learned?",
    ])
    func applicability(_ header: String) {
        #expect(field(header) == .applicability, "\(header)")
    }

    @Test("Organisation: logistics, venue, timing", arguments: [
        "Удобство места и времени проведения",
        "How would you rate the training venue?",
        "Насколько вы удовлетворены организацией тренинга?",
        "Өткізу орны мен уақыты қаншалықты ыңғайлы болды?",
        "Was the timing of the training convenient?",
        "Оцените качество организации мероприятия (1-5)",
        "The training was well-organized.",
    ])
    func organisation(_ header: String) {
        #expect(field(header) == .organisation, "\(header)")
    }

    @Test("NPS, with or without its 0–10", arguments: [
        "Какова вероятность, что вы порекомендуете этот тренинг другу или коллеге?",
        "Рекомендуете ли вы это мероприятие коллегам?",
        "Порекомендуете ли вы этот тренинг?",
        "Бұл тренингті достарыңызға ұсынар ма едіңіз?",
        "Тренингті басқаларға ұсыну ықтималдығы қандай? (0-ден 10-ға дейін)",
        "On a scale of 0 to 10, how likely are you to recommend this training to a friend or colleague?",
        "Would you recommend this training to others?",
        "Будете ли рекомендовать курсы другим",
        "Насколько вероятно, что вы порекомендуете тренинг знакомым, от 0 до 10?",
    ])
    func nps(_ header: String) {
        #expect(field(header) == .nps, "\(header)")
    }

    @Test("Free-text questions, also when they name the trainer", arguments: [
        ("Что бы вы изменили в тренинге?", CanonicalField.improve),
        ("Нені өзгерту керек?", .improve),
        ("Ваши пожелания тренеру", .improve),
        ("Ваши пожелания и предложения", .improve),
        ("Комментарии о работе тренера", .comment),
        ("Напишите, пожалуйста, свое мнение о преподавателе:", .comment),
        ("Any feedback for the trainer?", .comment),
        ("Тренингке қатысты қосымша пікіріңіз", .comment),
        ("Ваши комментарии и предложения", .comment),
        ("Что вам понравилось в работе тренера?", .liked),
        ("Тренингте сізге не ұнады?", .liked),
        ("What was the most valuable part of this training?", .liked),
    ])
    func freeText(_ header: String, _ expected: CanonicalField) {
        #expect(field(header) == expected, "\(header)")
    }

    @Test("Questions no field fits stay extras", arguments: [
        "Что вам не понравилось?",          // the opposite of liked; no field for it
        "What did you like least?",
        "Тренингте сізге не ұнамады?",
        "Насколько вы удовлетворены питанием?",     // one amenity, not the organisation
        "Насколько вас устроило качество Wi-Fi на площадке?",
        "How was the venue's Wi-Fi?",
        "Оцените свои знания по теме до тренинга",  // a self-assessment, not the training
        "Дата рождения",
        "Место проведения",                 // a place name, not a rating
        "Ваши рекомендации",
        "Оцените интерактивность тренинга", // one aspect of the training, not all of it
        "Название организации",             // the participant's employer
        "Your organisation",
        "Место работы / организация",
    ])
    func extras(_ header: String) {
        #expect(field(header) == nil, "\(header)")
    }
}

/// Google Forms grid (matrix) questions: `Question [Row]`, one column per row.
@Suite("Grid headers")
struct GridHeaderTests {

    private func fields(_ headers: [String]) -> [CanonicalField?] {
        ColumnMapper().map(headers: headers).map(\.field)
    }

    @Test("A grid row maps by its label", arguments: [
        ("Оцените, пожалуйста: [Содержание]", CanonicalField.content),
        ("Please rate the training [Organisation]", .organisation),
        ("Тренингті бағалаңыз [Тренердің шеберлігі]", .delivery),
        ("Оцените, пожалуйста, тренинг по критериям [Подача материала]", .delivery),
        ("Насколько вы удовлетворены тренингом? [Организация]", .organisation),
        ("Оцените тренинг в целом [Актуальность темы]", .content),
        ("Оцените тренинг в целом [Практическая применимость]", .applicability),
        ("Тренингті бағалаңыз [Ұйымдастырылуы]", .organisation),
        ("Тренингті бағалаңыз [Мазмұны / Содержание]", .content),
        ("Rate the following aspects of the training [Venue]", .organisation),
        ("Please rate [Overall]", .overall),
        ("Оцените, пожалуйста, преподавателя\\авторский коллектив по следующим критериям: [Подача материала]", .delivery),
    ])
    func byLabel(_ header: String, _ expected: CanonicalField) {
        #expect(fields([header]) == [expected], "\(header)")
    }

    @Test("A generic label lets the question decide", arguments: [
        ("How satisfied were you with the following? [Trainer]", CanonicalField.delivery),
        ("Оцените, пожалуйста [Тренер]", .delivery),
        ("Тренингті бағалаңыз [Тренер]", .delivery),
        ("Оцените, пожалуйста, преподавателя по следующим критериям: [Компетентность]", .delivery),
        ("Оцените, пожалуйста [Тренинг]", .overall),
    ])
    func byQuestion(_ header: String, _ expected: CanonicalField) {
        #expect(fields([header]) == [expected], "\(header)")
    }

    @Test("Rows no field fits stay extras, whatever the question asks", arguments: [
        "1. Оцените, пожалуйста, содержание курса по пятибалльной шкале, где «очень нравится» - 5 баллов, «совсем не нравится» - 1 балл [Структура курса]",
        "1. Оцените, пожалуйста, содержание курса по пятибалльной шкале, где «очень нравится» - 5 баллов, «совсем не нравится» - 1 балл [Визуальная составляющая]",
        "Оцените работу тренера [Пунктуальность]",
        "Rate the following aspects of the training [Wi-Fi]",
        "Оцените тренинг в целом [Кофе-брейк]",
        "Оцените тренинг по следующим критериям [Интерактивность]",
    ])
    func extras(_ header: String) {
        let got = ColumnMapper().map(headers: [header])
        #expect(got[0].field == nil, "\(header)")
        #expect(got[0].header == header)
    }

    @Test("A real Google Forms export: each row by its label, a second row on one field is an extra with a note")
    func realExport() {
        let q1 = "1. Оцените, пожалуйста, содержание курса по пятибалльной шкале, где «очень нравится» - 5 баллов, «совсем не нравится» - 1 балл"
        let q2 = "Оцените, пожалуйста, преподавателя\\авторский коллектив по следующим критериям:"
        let headers = [
            "Отметка времени", "Название курса",
            q1 + " [Содержание курса]", q1 + " [Структура курса]", q1 + " [Визуальная составляющая]",
            "Напишите, пожалуйста, свое мнение о курсе:",
            q2 + " [Подача материала]", q2 + " [Активность в общении со слушателями]", q2 + " [Компетентность]",
            "Довольны ли вы в целом пройденным курсом по 10-балльной шкале, где 10 баллов «очень доволен», 1 балл – «категорически недоволен»",
            "Будете ли рекомендовать курсы СПбГУ другим",
            "Ваши предложения по улучшению курса",
        ]
        let got = ColumnMapper().map(headers: headers)
        #expect(got.map(\.field) == [.timestamp, .module, .content, nil, nil, .comment, .delivery, nil, nil,
                                     .overall, .nps, .improve])
        #expect(got[8].duplicateOf == 6)
        #expect(got[8].note?.contains("delivery already comes from column 7") == true)
        #expect(got[7].note == nil)
    }

    @Test("A form asking about one aspect of the training and then the whole: the whole is overall")
    func aspectThenWhole() {
        #expect(fields(["Оцените интерактивность тренинга", "Оцените тренинг в целом",
                        "Rate the training [Interactivity]", "Rate the training [Training]"])
                == [nil, .overall, nil, nil])
        let got = ColumnMapper().map(headers: ["Rate the training [Interactivity]", "Rate the training [Training]"])
        #expect(got.map(\.field) == [nil, .overall])
        #expect(got[1].evidence == MatchEvidence(part: .gridQuestion, text: "Rate the training",
                                                 words: ["rate", "training"]))
    }

    @Test("Brackets that hold a scale or a remark are no grid row")
    func notGridRows() {
        #expect(fields(["Общая оценка [1-10]", "Рекомендация [0-10]", "Ваш город [необязательно]"]) == [.overall, .nps, .city])
    }
}

/// Each assignment carries the words that decided it, for `pikir inspect`.
@Suite("What decided a mapping")
struct MatchEvidenceTests {

    private func evidence(_ header: String) -> MatchEvidence? {
        ColumnMapper().map(headers: [header])[0].evidence
    }

    @Test("A heading, whole or as the two halves of a bilingual one")
    func headings() {
        #expect(evidence("Общая оценка") == MatchEvidence(part: .header, text: "Общая оценка", words: ["общая оценка"]))
        #expect(evidence("Қала / Город") == MatchEvidence(part: .header, text: "Қала / Город", words: ["қала", "город"]))
        #expect(evidence("session_date") == MatchEvidence(part: .header, text: "session_date", words: ["session date"]))
    }

    @Test("A question sentence: the word each part of the clue found")
    func keywords() {
        let header = "Насколько понятно тренер подавал материал?"
        #expect(evidence(header) == MatchEvidence(part: .header, text: header, words: ["тренер", "подавал"]))
        let nps = "Тренингті басқаларға ұсынасыз ба? (0-ден 10-ға дейін)"
        #expect(evidence(nps)?.words == ["ұсынасыз", "басқаларға"])
        // Words outside the parentheses decide first; the scale decides only when they do not.
        #expect(evidence("Рекомендация (0-10)")?.words == ["рекомендация", "0 10"])
    }

    @Test("A grid row: its label, with what the question adds; a generic label: the question")
    func gridRows() {
        #expect(evidence("Оцените, пожалуйста, тренинг по критериям [Подача материала]")
                == MatchEvidence(part: .gridRow, text: "Подача материала", words: ["подача материала"]))
        #expect(evidence("Оцените, пожалуйста, преподавателя по следующим критериям: [Компетентность]")
                == MatchEvidence(part: .gridRow, text: "Компетентность", words: ["преподавателя", "компетентность"]))
        #expect(evidence("Оцените, пожалуйста [Тренинг]")
                == MatchEvidence(part: .gridQuestion, text: "Оцените, пожалуйста", words: ["оцените", "тренинг"]))
    }

    @Test("The user's mapping, and nothing for an extra")
    func userAndExtra() throws {
        let user = try ColumnMapper.UserMapping(fields: ["Балл": "overall"])
        let got = ColumnMapper(userMapping: user).map(headers: ["Балл", "Любимый цвет"])
        #expect(got[0].evidence == MatchEvidence(part: .mapping, text: "Балл", words: []))
        #expect(got[1].evidence == nil)
    }

    @Test("A column that lost its field keeps what made it claim it")
    func duplicate() {
        let got = ColumnMapper().map(headers: ["Оцените [Подача материала]", "Оцените [Тренер]"])
        #expect(got[1].field == nil)
        #expect(got[1].duplicateOf == 0)
        #expect(got[1].evidence == MatchEvidence(part: .gridRow, text: "Тренер", words: ["тренер", "оцените"]))
    }

    @Test("The memo of header matches returns the same evidence as computing it")
    func memo() {
        let header = "Оцените, пожалуйста, преподавателя по следующим критериям: [Компетентность]"
        let first = ColumnMapper().map(headers: [header])[0]
        let again = ColumnMapper().map(headers: [header])[0]
        let computed = ColumnMapper.builtInMatch(key: TextFolding.headerKey(header), header: header)
        #expect(first.evidence == again.evidence)
        #expect(first.evidence == computed?.evidence)
        #expect(first.field == computed?.field)
    }
}
