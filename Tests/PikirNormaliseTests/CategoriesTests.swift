import Foundation
import Testing
@testable import PikirNormalise

struct CategoriesTests {
    // MARK: Participant groups

    @Test func groupsFromTheBriefInThreeLanguages() {
        let cases: [(String, ParticipantGroups)] = [
            ("Оқушы", .pupil), ("Школьник", .pupil), ("Учащийся", .pupil), ("School pupil", .pupil),
            ("Студент", .student), ("Student", .student),
            ("Жұмыс істейтін жастар", .workingYouth), ("Работающая молодёжь", .workingYouth),
            ("Working youth", .workingYouth),
            ("Жастармен жұмыс маманы", .youthWorker), ("Жастар ресурстық орталығының маманы", .youthWorker),
            ("Специалист по работе с молодёжью", .youthWorker), ("Youth worker", .youthWorker),
            ("Басқа", .other), ("Другое", .other), ("Other", .other),
        ]
        for (text, group) in cases {
            #expect(ParticipantGroups.parse(text) == group, "\(text)")
        }
    }

    @Test func canonicalRawValues() {
        #expect(ParticipantGroups.allCases.map(\.rawValue) == ["pupil", "student", "working_youth", "youth_worker", "other"])
        #expect(ParticipantGroups(rawValue: "working_youth") == .workingYouth)
        #expect(Modules.allCases.map(\.rawValue) == ["open", "specialised", "digital", "street"])
        #expect(AnswerLanguage.allCases.map(\.rawValue) == ["kk", "ru", "en"])
    }

    @Test func compoundNamesLandOnTheRightGroup() {
        // "School student" contains "student" but is a pupil (sample 2026-02 vocabulary).
        #expect(ParticipantGroups.parse("School student") == .pupil)
        #expect(ParticipantGroups.parse("Мектеп оқушысы") == .pupil)
        // "Youth worker" vs "Working youth": worker ≠ working.
        #expect(ParticipantGroups.parse("youth WORKER") == .youthWorker)
        #expect(ParticipantGroups.parse("WORKING YOUTH") == .workingYouth)
        // Жұмыс appears in both Kazakh names; істейтін decides.
        #expect(ParticipantGroups.parse("жұмыс істейтін жастар") == .workingYouth)
        #expect(ParticipantGroups.parse("жастармен жұмыс маманы") == .youthWorker)
    }

    @Test func sampleDataCategoriesAreAllRecognised() {
        // Every category string the sample exports use.
        #expect(ParticipantGroups.parse("Специалист МРЦ") == .youthWorker)
        #expect(ParticipantGroups.parse("Youth resource centre staff") == .youthWorker)
        #expect(ParticipantGroups.parse("ҮЕҰ өкілі") == .other)
        #expect(ParticipantGroups.parse("Представитель НПО") == .other)
        #expect(ParticipantGroups.parse("NGO worker") == .other)
        #expect(ParticipantGroups.parse("Ерікті") == .other)
        #expect(ParticipantGroups.parse("Волонтёр") == .other)
        #expect(ParticipantGroups.parse("Volunteer") == .other)
    }

    @Test func groupsIgnoreYoCaseAndKazakhLettersTypedAsRussian() {
        #expect(ParticipantGroups.parse("работающая молодежь") == .workingYouth)
        #expect(ParticipantGroups.parse("Работающая молоде\u{0308}жь") == .workingYouth)  // decomposed ё
        #expect(Modules.parse("Уличная работа с молоде\u{0308}жью") == .street)
        #expect(ParticipantGroups.parse("  СТУДЕНТ ") == .student)
        #expect(ParticipantGroups.parse("Окушы") == .pupil)
        #expect(ParticipantGroups.parse("Жумыс истейтин жастар") == .workingYouth)
        #expect(ParticipantGroups.parse("Школьница"[...]) == .pupil)
    }

    @Test func unknownGroupsAreNil() {
        #expect(ParticipantGroups.parse("") == nil)
        #expect(ParticipantGroups.parse("  ") == nil)
        #expect(ParticipantGroups.parse("Пенсионер") == nil)
        #expect(ParticipantGroups.parse("Алматы") == nil)
        #expect(ParticipantGroups.parse("42") == nil)
    }

    // MARK: Modules

    @Test func modulesFromTheBriefAndTheSampleData() {
        let cases: [(String, Modules)] = [
            ("Жастармен ашық жұмыс", .open), ("Открытая работа с молодёжью", .open), ("Open youth work", .open),
            ("Арнайы жұмыс", .specialised), ("Мамандандырылған жұмыс", .specialised),
            ("Жастармен мамандандырылған жұмыс", .specialised),
            ("Специализированная работа с молодёжью", .specialised),
            ("Specialised youth work", .specialised), ("Specialized youth work", .specialised),
            ("Цифрлық жастар жұмысы", .digital), ("Жастармен цифрлық жұмыс", .digital),
            ("Цифровая работа с молодёжью", .digital), ("Digital youth work", .digital),
            ("Көше жастар жұмысы", .street), ("Жастармен көшедегі жұмыс", .street),
            ("Уличная работа с молодёжью", .street), ("Street youth work", .street),
        ]
        for (text, module) in cases {
            #expect(Modules.parse(text) == module, "\(text)")
        }
    }

    @Test func modulesIgnoreCaseYoAndKazakhLettersTypedAsRussian() {
        #expect(Modules.parse("ОТКРЫТАЯ РАБОТА С МОЛОДЕЖЬЮ") == .open)
        #expect(Modules.parse("жастармен ашык жумыс") == .open)
        #expect(Modules.parse("Коше жумысы") == .street)
        #expect(Modules.parse("  digital  ") == .digital)
    }

    @Test func unknownOrAmbiguousModulesAreNil() {
        #expect(Modules.parse("") == nil)
        #expect(Modules.parse("Модуль 1") == nil)
        #expect(Modules.parse("Жастармен жұмыс") == nil)
        #expect(Modules.parse("Open and digital youth work") == nil)
    }

    // MARK: typed the way people type (issue 12)

    @Test("Groups and modules typed in NFD (macOS): й as и + U+0306 no longer splits the word")
    func decomposedGroupsAndModules() {
        // істейтін typed on a Mac: the й is two scalars.
        #expect(ParticipantGroups.parse("Жұмыс істеи\u{0306}тін жастар") == .workingYouth)
        #expect(ParticipantGroups.parse("Другои\u{0306}") == .other)
        #expect(Modules.parse("Жастармен ашық жұмыс".decomposedStringWithCanonicalMapping) == .open)
    }

    @Test("Latin look-alike letters inside Cyrillic words (layout slips)", arguments: [
        ("\u{0043}тудент", "student"),                  // Latin C
        ("Ст\u{0079}дент", "student"),                  // Latin y for у
        ("\u{0428}\u{043A}\u{043E}\u{043B}\u{044C}\u{043D}\u{0438}\u{043A}", "pupil"),  // control: all Cyrillic
        ("Pаботающая молодёжь", "working_youth"),       // Latin P
        ("Волонтеp", "other"),                           // Latin p
        ("Оқушы".replacingOccurrences(of: "О", with: "O"), "pupil"),  // Latin O
    ])
    func groupLayoutSlips(_ text: String, _ group: String) {
        #expect(ParticipantGroups.parse(text)?.rawValue == group, "\(text)")
    }

    @Test("Module words with look-alike letters", arguments: [
        ("Цифрoвая работа с молодёжью", "digital"),      // Latin o
        ("Уличнaя работа", "street"),                     // Latin a
        ("Cпециализированная работа", "specialised"),     // Latin C
        ("\u{041E}\u{0442}\u{043A}p\u{044B}\u{0442}\u{0430}\u{044F}", "open"),  // Открытая with Latin p
    ])
    func moduleLayoutSlips(_ text: String, _ module: String) {
        #expect(Modules.parse(text)?.rawValue == module, "\(text)")
    }

    @Test("Groups and modules in Kazakh Latin (2021 and 2018) and transliterated Russian", arguments: [
        ("Oqushy", "pupil"), ("Mektep oqushysy", "pupil"), ("Jūmys isteitın jastar", "working_youth"),
        ("Jumys isteıtin jastar", "working_youth"), ("Jastar resurstyq ortalyğynyñ mamany", "youth_worker"),
        ("Basqa", "other"), ("Eriktı", "other"), ("Studentka", "student"), ("Rabotayushchaya molodezh", "working_youth"),
    ])
    func groupsInLatin(_ text: String, _ group: String) {
        #expect(ParticipantGroups.parse(text)?.rawValue == group, "\(text)")
    }

    @Test("Modules in Kazakh Latin", arguments: [
        ("Jastarmen ashyq jūmys", "open"), ("Jastarmen ashyq jumys", "open"), ("Arnaiy jūmys", "specialised"),
        ("Mamandandyrylğan jūmys", "specialised"), ("Sifrlyq jastar jūmysy", "digital"), ("Tsifrlyq jūmys", "digital"),
        ("Köşe jastar jūmysy", "street"), ("Kóshedegi jumys", "street"),
    ])
    func modulesInLatin(_ text: String, _ module: String) {
        #expect(Modules.parse(text)?.rawValue == module, "\(text)")
    }

    @Test("NBSP, zero-width characters and quotes around a category")
    func invisibleCharactersAroundCategories() {
        #expect(ParticipantGroups.parse("«Работающая\u{00A0}молодёжь»") == .workingYouth)
        #expect(ParticipantGroups.parse("Сту\u{200B}дент") == .student)
        #expect(ParticipantGroups.parse("Сту\u{00AD}дент") == .student)
        #expect(Modules.parse("\u{FEFF}\"Digital youth work\"") == .digital)
        #expect(ParticipantGroups.parse("Студент 🎓") == .student)
        #expect(Modules.parse("Цифровая работа 💻") == .digital)
    }

    // MARK: Answer language

    @Test func kazakhLettersMakeKazakh() {
        #expect(AnswerLanguage.detect(["Топтық жұмыс пен тәжірибе алмасу", ""]) == .kk)
        #expect(AnswerLanguage.detect("Өте жақсы") == .kk)
        #expect(AnswerLanguage.detect(["Ұнады"]) == .kk)
        #expect(AnswerLanguage.detect(["ІІ"]) == .kk)  // і is Kazakh here, not Latin I
    }

    @Test func eachKazakhSpecificLetterAloneMakesKazakh() {
        // The same Russian sentence flips to kk by one letter, in either case.
        #expect(AnswerLanguage.detect("Спасибо за тренинг") == .ru)
        for letter in ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"] {
            #expect(AnswerLanguage.detect("Спасибо за тренинг \(letter)") == .kk, "\(letter)")
        }
        // Latin look-alikes of і and ә are not Kazakh evidence.
        #expect(AnswerLanguage.detect("Спасибо за тренинг i") == .ru)
    }

    @Test func kazakhWordsWithoutKazakhLettersMakeKazakh() {
        // Typed on a Russian layout or words that need no special letter.
        #expect(AnswerLanguage.detect(["Орташа", "Нашар"]) == .kk)
        #expect(AnswerLanguage.detect(["Оте жаксы, рахмет"]) == .kk)
        #expect(AnswerLanguage.detect(["Jaqsy, rahmet!"]) == .kk)
    }

    @Test func otherCyrillicIsRussian() {
        #expect(AnswerLanguage.detect(["Хорошо", "Обмен опытом с коллегами из других регионов"]) == .ru)
        #expect(AnswerLanguage.detect(["Всё понравилось, спасибо!"]) == .ru)
        #expect(AnswerLanguage.detect(["Затрудняюсь ответить", "4", ""]) == .ru)
    }

    @Test func latinLettersAreEnglish() {
        #expect(AnswerLanguage.detect(["Excellent", "Group work and sharing experience"]) == .en)
        #expect(AnswerLanguage.detect("Wi-Fi") == .en)
    }

    @Test func theScriptWithMoreLettersWins() {
        // A Russian answer that mentions Wi-Fi is still Russian.
        #expect(AnswerLanguage.detect(["Плохой Wi-Fi в зале"]) == .ru)
        // English answers with one Cyrillic letter-run are still English.
        #expect(AnswerLanguage.detect(["Very useful training, thanks", "Ок"]) == .en)
        // A Kazakh answer with an English term is Kazakh.
        #expect(AnswerLanguage.detect(["Telegram боттары туралы білдім"]) == .kk)
    }

    @Test func noLettersIsNil() {
        #expect(AnswerLanguage.detect(["", "5", "4,5", "—"]) == nil)
        #expect(AnswerLanguage.detect([String]()) == nil)
        #expect(AnswerLanguage.detect("  ") == nil)
    }

    // MARK: Answer language: the eight-bytes-at-a-time scan

    /// Cells of ASCII and Cyrillic are read eight bytes at a time; the
    /// Kazakh letters (two bytes each, possibly split across two blocks) and
    /// the Kazakh words must be found at every offset.
    @Test func kazakhEvidenceIsFoundAtEveryOffset() {
        for pad in 0..<17 {
            let ascii = String(repeating: "x", count: pad) + " "
            let cyrillic = String(repeating: "ж", count: pad) + " "
            for evidence in ["і", "І", "ә", "Қ", "ү", "һ", "жаксы", "РАХМЕТ", "ушин", "иа"] {
                let text = cyrillic + "Спасибо большое " + ascii + evidence + "."
                #expect(AnswerLanguage.detect(text) == .kk, "\(pad) \(evidence)")
                #expect(AnswerLanguage.detect(["Спасибо большое спасибо", ascii + evidence]) == .kk, "\(pad) \(evidence)")
            }
            for evidence in ["jaqsy", "RAHMET", "Keremet"] {
                #expect(AnswerLanguage.detect(ascii + "thanks a lot " + evidence + "!") == .kk, "\(pad) \(evidence)")
            }
            // Not evidence: a Kazakh word inside a longer word, or glued to the other script.
            #expect(AnswerLanguage.detect(cyrillic + "Спасибо жаксыда " + ascii) == .ru)
            #expect(AnswerLanguage.detect(cyrillic + "Спасибо жаксыx " + ascii) == .ru)
            #expect(AnswerLanguage.detect(ascii + "thanks jaqsyжж and more words here") == .en)
            // Ж (D0 96) and ц (D1 86) share their second byte with І (D0 86) and і (D1 96).
            #expect(AnswerLanguage.detect(cyrillic + "Жизнь цветы Ж ц") == .ru, "\(pad)")
        }
    }

    @Test func cellsWithOtherLatinLettersTakeTheExactScan() {
        #expect(AnswerLanguage.detect("Anna Müller öte jaksy") == .kk)
        #expect(AnswerLanguage.detect("Anna Müller was great") == .en)
        #expect(AnswerLanguage.detect("Ortaşa") == .kk)
        #expect(AnswerLanguage.detect(["naşar"]) == .kk)
        #expect(AnswerLanguage.detect("Qarağandy") == .kk)
        #expect(AnswerLanguage.detect("× ÷ ×") == nil)
        #expect(AnswerLanguage.detect("Ǆ ɐ ȿ") == .en)  // U+01C4, U+0250 is not counted, U+023F is
    }

    @Test func substringsAndSingleCellsAgreeWithStrings() {
        let row = "5;Отлично;Рахмет, өте жақсы;Thanks"
        let cells = row.split(separator: ";")
        #expect(AnswerLanguage.detect(cells) == AnswerLanguage.detect(cells.map(String.init)))
        #expect(AnswerLanguage.detect(cells[2]) == .kk)
        #expect(AnswerLanguage.detect(cells[3]) == .en)
        #expect(AnswerLanguage.detect(AnySequence(cells.map(String.init))) == .kk)
    }

    @Test func otherScriptsSymbolsAndEmojiOnlySeparateWords() {
        #expect(AnswerLanguage.detect("Спасибо😀жаксы") == .kk)
        #expect(AnswerLanguage.detect("Спасибо—жаксы—") == .kk)
        #expect(AnswerLanguage.detect("«жаксы»") == .kk)
        #expect(AnswerLanguage.detect("中文 Спасибо") == .ru)
        #expect(AnswerLanguage.detect("Ѣ Ѫ Ӂ ҂") == .ru)  // Cyrillic block, not Kazakh
    }
}
