@testable import PikirReport
import Testing

/// CLDR plural categories and the plural forms of the shipped catalogues.
@Suite("Localisation: plurals")
struct LocalisationPluralTests {
    @Test("Russian categories (CLDR integer rules)")
    func russianCategories() {
        let expected: [(Int, PluralCategory)] = [
            (0, .many), (1, .one), (2, .few), (3, .few), (4, .few), (5, .many), (10, .many), (11, .many),
            (12, .many), (13, .many), (14, .many), (15, .many), (20, .many), (21, .one), (22, .few), (24, .few),
            (25, .many), (101, .one), (102, .few), (111, .many), (112, .many), (1000, .many), (1001, .one),
            (-1, .one), (-22, .few), (Int.min, .many),
        ]
        for (n, category) in expected {
            #expect(PluralCategory.of(n, language: .ru) == category, "\(n)")
        }
    }

    @Test("Kazakh and English: one for 1, other otherwise")
    func oneOther() {
        for language in [Language.kk, .en] {
            #expect(PluralCategory.of(1, language: language) == .one)
            #expect(PluralCategory.of(-1, language: language) == .one)
            for n in [0, 2, 5, 11, 21, 101, 1000] {
                #expect(PluralCategory.of(n, language: language) == .other)
            }
        }
        #expect(PluralCategory.categories(of: .ru) == [.one, .few, .many, .other])
        #expect(PluralCategory.categories(of: .kk) == [.one, .other])
        #expect(PluralCategory.categories(of: .en) == [.one, .other])
    }

    @Test("Russian: ответ, ответа, ответов", arguments: [
        (1, "1 ответ"), (2, "2 ответа"), (5, "5 ответов"), (11, "11 ответов"), (12, "12 ответов"),
        (14, "14 ответов"), (21, "21 ответ"), (22, "22 ответа"), (25, "25 ответов"), (101, "101 ответ"),
        (111, "111 ответов"), (1000, "1\u{A0}000 ответов"), (0, "0 ответов"),
    ])
    func russianResponses(count: Int, text: String) {
        #expect(Catalogue.load(.ru).plural("responses", count: count) == text)
    }

    @Test("Russian forms of every plural for 1, 2, 5, 11, 21, 22, 111")
    func russianAll() {
        let ru = Catalogue.load(.ru)
        let forms: [String: (String, String, String)] = [
            "responses": ("ответ", "ответа", "ответов"),
            "sessions": ("тренинг", "тренинга", "тренингов"),
            "participants": ("участник", "участника", "участников"),
            "files": ("файл", "файла", "файлов"),
            "trainers": ("тренер", "тренера", "тренеров"),
            "regions": ("регион", "региона", "регионов"),
            "comments": ("комментарий", "комментария", "комментариев"),
            "records": ("запись", "записи", "записей"),
        ]
        #expect(Set(forms.keys) == Set(Catalogue.pluralNames))
        for (name, (one, few, many)) in forms {
            #expect(ru.plural(name, count: 1) == "1 \(one)")
            #expect(ru.plural(name, count: 21) == "21 \(one)")
            #expect(ru.plural(name, count: 2) == "2 \(few)")
            #expect(ru.plural(name, count: 22) == "22 \(few)")
            #expect(ru.plural(name, count: 5) == "5 \(many)")
            #expect(ru.plural(name, count: 11) == "11 \(many)")
            #expect(ru.plural(name, count: 111) == "111 \(many)")
        }
    }

    @Test("Kazakh: the noun stays singular after a numeral")
    func kazakh() {
        let kk = Catalogue.load(.kk)
        #expect(kk.plural("responses", count: 0) == "0 жауап")
        #expect(kk.plural("responses", count: 1) == "1 жауап")
        #expect(kk.plural("responses", count: 2) == "2 жауап")
        #expect(kk.plural("participants", count: 2) == "2 қатысушы")
        #expect(kk.plural("sessions", count: 1234) == "1\u{A0}234 тренинг")
    }

    @Test("English: answer, answers")
    func english() {
        let en = Catalogue.load(.en)
        #expect(en.plural("responses", count: 0) == "0 answers")
        #expect(en.plural("responses", count: 1) == "1 answer")
        #expect(en.plural("responses", count: 2) == "2 answers")
        #expect(en.plural("responses", count: 21) == "21 answers")
        #expect(en.plural("files", count: 1) == "1 file")
        #expect(en.plural("records", count: 1500) == "1,500 records")
    }

    @Test("plural takes the name or the key; an unknown one is visible, not a crash")
    func lookup() {
        let ru = Catalogue.load(.ru)
        #expect(ru.plural("plural.files", count: 3) == "3 файла")
        #expect(ru.plural("nothing", count: 3) == "⟦plural.nothing⟧")
        #expect(ru.plural("label.mean", count: 3) == "⟦plural.label.mean⟧")
        #expect(ru.text("plural.files") == "⟦plural.files⟧")
    }

    @Test("A missing form falls back to other")
    func fallback() {
        let synthetic = Catalogue(language: .ru, entries: ["plural.x": .plural(["other": "{n} x"])])
        #expect(synthetic.plural("x", count: 1) == "1 x")
        let empty = Catalogue(language: .ru, entries: ["plural.x": .plural(["one": "{n} x"])])
        #expect(empty.plural("x", count: 5) == "⟦plural.x⟧")
    }
}
