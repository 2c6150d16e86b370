import Foundation
import Testing
@testable import PikirNormalise

@Suite("TextFolding.matchKey")
struct TextFoldingMatchKeyTests {

    @Test("Нұрлыбай in Kazakh, Russian-keyboard, informal and 2021 Latin spelling folds to one key",
          arguments: ["Нұрлыбай", "Нурлыбай", "Nurlybai", "Nurlybay", "Nūrlybai", "NURLYBAI", "нұрлыбай"])
    func nurlybaiVariants(_ spelling: String) {
        #expect(TextFolding.matchKey(spelling) == "nurlibai")
    }

    @Test("Full names from the sample exports fold to one key per trainer", arguments: [
        (["Нұрлыбай Наурызбаев", "Нурлыбай Наурызбаев", "Nurlybai Nauryzbayev", "Nurlybay Nauryzbaev"], "nurlibai naurizbaev"),
        (["Айгерім Жұмабекова", "Айгерим Жумабекова", "Aigerim Zhumabekova", "Aygerim Zhumabekova"], "aigerim jumabekova"),
        (["Жанар Омарова", "Zhanar Omarova", "Janar Omarova"], "janar omarova"),
        (["Ерлан Сәрсенов", "Ерлан Сарсенов", "Yerlan Sarsenov", "Erlan Sarsenov"], "erlan sarsenov"),
        (["Дмитрий Ким", "Dmitriy Kim", "Dmitry Kim"], "dmitri kim"),
    ])
    func sampleTrainerNames(_ spellings: [String], _ key: String) {
        for spelling in spellings {
            #expect(TextFolding.matchKey(spelling) == key, "\(spelling)")
        }
    }

    @Test("Each Kazakh letter folds like its keyboard-less Russian substitute", arguments: [
        ("Әсел", "Асел"), ("Ғалым", "Галым"), ("Қанат", "Канат"), ("Жаңа", "Жана"), ("Өскемен", "Оскемен"),
        ("Ұлан", "Улан"), ("Үміт", "Умит"), ("Һәкім", "Хаким"), ("Ілияс", "Илияс"),
    ])
    func kazakhLettersToRussianKeyboard(_ kazakh: String, _ russianKeyboard: String) {
        #expect(TextFolding.matchKey(kazakh) == TextFolding.matchKey(russianKeyboard))
        // Unlike Foundation's diacritic folding, which leaves қ ғ ә … unchanged.
        let asciiOnly = TextFolding.matchKey(kazakh).unicodeScalars.allSatisfy { $0.isASCII }
        #expect(asciiOnly, "\(kazakh)")
    }

    @Test("Latin 2021 letters ä ğ q ñ ö ū ü ı ş fold like the Cyrillic they stand for", arguments: [
        ("Qarağandy", "Қарағанды"), ("Şymkent", "Шымкент"), ("Taldyqorğan", "Талдықорған"),
        ("Türkıstan", "Түркістан"), ("Öskemen", "Өскемен"), ("Äsel", "Әсел"), ("Jañaözen", "Жаңаөзен"),
        ("Nūrsūltan", "Нұрсұлтан"),
    ])
    func latin2021(_ latin: String, _ cyrillic: String) {
        #expect(TextFolding.matchKey(latin) == TextFolding.matchKey(cyrillic))
    }

    @Test("Informal Latin variants are equal: zh/j, kh/h, gh/g, y/i at word end, sh, ch, ts, yu/iu, ya/ia, ye/e", arguments: [
        ["Zhanar", "Janar", "Жанар"],
        ["Akhmetov", "Ahmetov", "Ахметов"],
        ["Qaraghandy", "Karagandy", "Qarağandy", "Қарағанды"],
        ["Nurlybay", "Nurlybai", "Нурлыбай"],
        ["Shynar", "Şynar", "Шынар"],
        ["Chingiz", "Чингиз"],
        ["Tsoy", "Tsoi", "Цой"],
        ["Yuliya", "Iuliia", "Yulia", "Юлия"],
        ["Mariya", "Maria", "Мария"],
        ["Yerlan", "Erlan", "Ерлан"],
        ["Dzhambul", "Джамбул"],
    ])
    func informalVariants(_ spellings: [String]) {
        let keys = Set(spellings.map(TextFolding.matchKey))
        #expect(keys.count == 1, "\(spellings) → \(keys)")
    }

    @Test("Different names keep different keys")
    func differentNamesDiffer() {
        #expect(TextFolding.matchKey("Нурлыбай") != TextFolding.matchKey("Нурлан"))
        #expect(TextFolding.matchKey("Омарова") != TextFolding.matchKey("Омаров"))
        #expect(TextFolding.matchKey("Жанар") != TextFolding.matchKey("Канат"))
    }

    @Test("Latin look-alike letters inside a Cyrillic word are read as Cyrillic")
    func latinLookAlikesInCyrillic() {
        // Latin p (U+0070) and c (U+0063) where Cyrillic р and с belong: read as Latin they would give "p"/"c".
        #expect(TextFolding.matchKey("Са\u{0070}сенов") == "sarsenov")
        #expect(TextFolding.matchKey("\u{0043}арсенов") == "sarsenov")
        // Latin a (U+0061), e, o, x inside Cyrillic names.
        #expect(TextFolding.matchKey("Нурлыб\u{0061}й Н\u{0061}урызб\u{0061}\u{0065}в") == "nurlibai naurizbaev")
        #expect(TextFolding.matchKey("\u{0041}\u{0078}метов") == TextFolding.matchKey("Ахметов"))
    }

    @Test("Cyrillic look-alike letters inside a Latin word are read as Latin")
    func cyrillicLookAlikesInLatin() {
        // Cyrillic у (U+0443) for y: read as Cyrillic it would fold to "u".
        #expect(TextFolding.matchKey("Naur\u{0443}zbayev") == "naurizbaev")
        // Cyrillic а, о, с, р inside a Latin name.
        #expect(TextFolding.matchKey("Zhum\u{0430}bek\u{043E}v\u{0430}") == "jumabekova")
        #expect(TextFolding.matchKey("\u{0421}hingiz") == TextFolding.matchKey("Chingiz"))
    }

    @Test("Latin Ə (U+018F) and Cyrillic Ә (U+04D8) both fold to a")
    func schwaLatinAndCyrillic() {
        let keys = ["\u{04D8}сел", "\u{018F}sel", "\u{0259}sel", "Äsel", "Асел"].map(TextFolding.matchKey)
        #expect(Set(keys) == ["asel"])
    }

    @Test("Decomposed diacritics, dotted İ and the 2017 apostrophe alphabet fold like the composed letters")
    func decomposedAndApostrophes() {
        #expect(TextFolding.matchKey("Nu\u{0304}rlybai") == "nurlibai")
        #expect(TextFolding.matchKey("İlyas") == TextFolding.matchKey("Ильяс"))
        #expect(TextFolding.matchKey("S'ymkent") == TextFolding.matchKey("Шымкент"))
        #expect(TextFolding.matchKey("s\u{0327}ynar") == TextFolding.matchKey("Шынар"))
        #expect(TextFolding.matchKey("Qarag'andy") == TextFolding.matchKey("Қарағанды"))
    }

    @Test("Punctuation goes, repeated spaces collapse, word order is kept")
    func punctuationAndSpaces() {
        #expect(TextFolding.matchKey("  Наурызбаев,   Н.  ") == "naurizbaev n")
        #expect(TextFolding.matchKey("Н.Наурызбаев") == "n naurizbaev")
        #expect(TextFolding.matchKey("«Нур-Султан»") == "nur sultan")
        #expect(TextFolding.matchKey(" .,- ") == "")
        #expect(TextFolding.matchKey("Группа 2020") == "grupa 2020")
    }

    @Test("Initials are marked: one letter, or two letters before a dot")
    func initials() {
        let words = TextFolding.matchWords("Наурызбаев Н. Zh. Ли")
        #expect(words.map(\.key) == ["naurizbaev", "n", "j", "li"])
        #expect(words.map(\.isInitial) == [false, true, true, false])
    }
}

/// Issue 12: the one folding every matcher uses, on what people really type.
@Suite("TextFolding.matchKey: typed the way people type")
struct TextFoldingTypingTests {

    @Test("2018 ý and 2017 y' are the letter у, not ы", arguments: [
        ("Atyraý", "Атырау"), ("Kókshetaý", "Көкшетау"), ("Naýryzbaev", "Наурызбаев"), ("Atyray'", "Атырау"),
        ("Ko'ks'etay'", "Көкшетау"), ("ATYRAÝ", "Атырау"), ("Atyray\u{0301}", "Атырау"),
    ])
    func latinU(_ latin: String, _ cyrillic: String) {
        #expect(TextFolding.matchKey(latin) == TextFolding.matchKey(cyrillic))
        #expect(TextFolding.matchKey(latin) != TextFolding.matchKey(cyrillic.replacingOccurrences(of: "у", with: "ы")))
    }

    @Test("Format characters (zero-width space and joiners, soft hyphen, BOM, word joiner) vanish inside a word",
          arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{00AD}", "\u{FEFF}", "\u{2060}"])
    func invisibleInsideAWord(_ mark: String) {
        #expect(TextFolding.matchKey("Ай\(mark)гүл Сә\(mark)рсен") == "aigul sarsen")
    }

    @Test("NFC and NFD of a cell give one key", arguments: [
        "Семей", "Қостанай", "Qaraǵandy", "Öskemen", "Жұмыс істейтін жастар", "Приозёрск", "Atyraý",
    ])
    func normalForms(_ text: String) {
        let nfc = text.precomposedStringWithCanonicalMapping, nfd = text.decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count, "the test needs a letter that decomposes")
        #expect(TextFolding.matchKey(nfc) == TextFolding.matchKey(nfd))
    }

    @Test("NBSP, narrow NBSP, tabs, repeated spaces and surrounding quotes fold away")
    func spacesAndQuotes() {
        let plain = TextFolding.matchKey("Жұмыс істейтін жастар")
        #expect(TextFolding.matchKey("«Жұмыс\u{00A0}істейтін\u{202F}жастар»") == plain)
        #expect(TextFolding.matchKey("\"Жұмыс \t  істейтін   жастар\".") == plain)
        #expect(TextFolding.matchKey("'Shymkent'") == TextFolding.matchKey("Шымкент"))
    }

    @Test("The joined key runs words together and collapses the doubles the join makes")
    func joinedKey() {
        #expect(TextFolding.joinedKey(["alma", "ata"]) == TextFolding.joinedKey(["almaata"]))
        #expect(TextFolding.joinedKey(["nur", "sultan"]) == "nursultan")
        #expect(TextFolding.joinedKey(["kz", "1", "1"]) == "kz11", "digits are not letters: 11 stays 11")
    }
}

@Suite("TextFolding.headerKey")
struct TextFoldingHeaderKeyTests {

    @Test("Case, spacing and punctuation collapse; letters keep their script", arguments: [
        ("  Қала / Город ", "қала город"),
        ("ФИО   ТРЕНЕРА:", "фио тренера"),
        ("Ваши комментарии и предложения ", "ваши комментарии и предложения"),
        ("Насколько вероятно, что вы порекомендуете этот тренинг коллегам? (0–10)",
         "насколько вероятно что вы порекомендуете этот тренинг коллегам 0 10"),
        ("Trainer's name", "trainers name"),
        ("Trainer’s  name", "trainers name"),
        ("session_date", "session date"),
        ("Session-Date", "session date"),
        ("\u{FEFF}Отметка\u{00A0}времени", "отметка времени"),
        ("№", "№"),
        ("Отмётка", "отметка"),
        ("İNN", "inn"),
    ])
    func collapses(_ header: String, _ key: String) {
        #expect(TextFolding.headerKey(header) == key)
    }

    @Test("A Latin look-alike inside a Cyrillic heading is read as Cyrillic")
    func lookAlikeInHeader() {
        #expect(TextFolding.headerKey("Го\u{0070}од") == "город")
    }
}
