import Foundation
import PikirNormalise
import Testing

/// Derived session ids: ASCII slugs safe as file names, stable, and apart
/// when their parts are.
@Suite("SessionKey")
struct SessionKeyTests {
    /// Lower-case ASCII letters, digits and single inner dashes only.
    static func isSlug(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
    }

    @Test("city, date and trainer key: lower-case, dash-joined", arguments: [
        ("Almaty", "2024-11-05", "T01", "almaty-2024-11-05-t01"),
        ("Astana", "2022-11-05", TextFolding.matchKey("Aigerim"), "astana-2022-11-05-aigerim"),
        ("Karaganda", "2023-09-22", TextFolding.matchKey("Aigerim Zhumabekova"), "karaganda-2023-09-22-aigerim-jumabekova"),
        ("Nur-Sultan", "2019-11-14", "T05", "nur-sultan-2019-11-14-t05"),
    ])
    func latin(city: String, date: String, key: String, expected: String) {
        #expect(SessionKey.derived(city: city, date: date, trainerKey: key) == expected)
    }

    @Test("Kazakh and Russian Cyrillic (an unknown city, a registry id) transliterated by one table", arguments: [
        ("Қарағанды", "qaragandy"), ("Талдықорған", "taldyqorgan"), ("Өскемен", "oskemen"), ("Шымкент", "shymkent"),
        ("Щучинск", "shchuchinsk"), ("Усть-Каменогорск", "ust-kamenogorsk"), ("Жаңаөзен", "zhangaozen"),
        ("Подъячий", "podyachiy"), ("Түркістан", "turkistan"), ("Qarağandy", "qaragandy"),
    ])
    func cyrillic(city: String, slug: String) {
        #expect(SessionKey.derived(city: city, date: "2024-03-01", trainerKey: nil) == slug + "-2024-03-01")
    }

    @Test("a missing city or trainer is left out")
    func missingParts() {
        #expect(SessionKey.derived(city: nil, date: "2024-03-01", trainerKey: "T02") == "2024-03-01-t02")
        #expect(SessionKey.derived(city: "Almaty", date: "2024-03-01", trainerKey: nil) == "almaty-2024-03-01")
        #expect(SessionKey.derived(city: nil, date: "2024-03-01", trainerKey: nil) == "2024-03-01")
    }

    @Test("what a shell or a file system acts on becomes a dash: one file name, no folder", arguments: [
        "Almaty;touch pwned;", "Алматы/Almaty", "../..", "a b\tc", "O'Brien \"x\" & co", "$(rm -rf ~)", "Almaty\n2", "ALM|2024",
    ])
    func safe(city: String) {
        let id = SessionKey.derived(city: city, date: "2024-03-01", trainerKey: "T/01")
        #expect(Self.isSlug(id), "\(city) → \(id)")
        #expect(!id.contains("/") && !id.contains(" ") && !id.contains("."), "\(id)")
    }

    @Test("another script, or punctuation only, keeps a hash of the part: different parts stay different")
    func unwritableParts() {
        let li = SessionKey.derived(city: "Almaty", date: "2024-03-01", trainerKey: "李")
        let wang = SessionKey.derived(city: "Almaty", date: "2024-03-01", trainerKey: "王")
        #expect(Self.isSlug(li) && Self.isSlug(wang), "\(li) \(wang)")
        #expect(li != wang)
        #expect(li.hasPrefix("almaty-2024-03-01-") && li.count == "almaty-2024-03-01-".count + 8, "\(li)")
        let bang = SessionKey.derived(city: "!!!", date: "2024-03-01", trainerKey: nil)
        let question = SessionKey.derived(city: "???", date: "2024-03-01", trainerKey: nil)
        #expect(bang != question && bang != "2024-03-01", "\(bang) \(question)")
        // Stable: the same inputs, the same id, in every run.
        #expect(SessionKey.derived(city: "Almaty", date: "2024-03-01", trainerKey: "李") == li)
    }

    @Test("the old form typed by a user stands for its slug too; a registry id only for itself")
    func typed() {
        #expect(SessionKey.typed("Almaty/2024-11-05/T01") == ["Almaty/2024-11-05/T01", "almaty-2024-11-05-t01"])
        #expect(SessionKey.typed("Astana/2022-11-05/aigerim") == ["Astana/2022-11-05/aigerim", "astana-2022-11-05-aigerim"])
        #expect(SessionKey.typed("-/2024-03-01/-") == ["-/2024-03-01/-", "2024-03-01"])
        #expect(SessionKey.typed("Алматы/Almaty/2024-03-01/t02") == ["Алматы/Almaty/2024-03-01/t02", "almaty-almaty-2024-03-01-t02"])
        #expect(SessionKey.typed(" ALM-2024-11-A ") == ["ALM-2024-11-A"])
        #expect(SessionKey.typed("almaty-2024-11-05-t01") == ["almaty-2024-11-05-t01"])
        #expect(SessionKey.typed("ALM/2024/A") == ["ALM/2024/A"])
    }

    @Test("the old form is what migrations recognise")
    func legacy() {
        #expect(SessionKey.legacy(city: "Almaty", date: "2024-11-05", trainerKey: "T01") == "Almaty/2024-11-05/T01")
        #expect(SessionKey.legacy(city: nil, date: "2024-11-05", trainerKey: nil) == "-/2024-11-05/-")
    }
}

/// The formula guard of exports (`'=`), and reading it back.
@Suite("FormulaCells")
struct FormulaCellsTests {
    static func readBack(_ cell: String) -> String {
        var cell = cell
        return cell.withUTF8 { String(decoding: FormulaCells.unneutralised(UnsafeRawBufferPointer($0)), as: UTF8.self) }
    }

    @Test("every stored text reads back as itself after the guard", arguments: [
        "=SUM(A1:A9)", "+7 хорошо", "-5 баллов, холодно", "@channel", "=HYPERLINK(\"http://x\")", "'=already guarded",
        "''=twice", "'quoted", "'", "''", "Жақсы", "KZ-75", "almaty-2024-11-05-t01", "4.5", "",
    ])
    func roundTrip(text: String) {
        let written = FormulaCells.neutralised(text)
        #expect(Self.readBack(written) == text, "\(text) → \(written)")
    }

    @Test("only formula cells are guarded")
    func guarded() {
        #expect(FormulaCells.neutralised("=1+1") == "'=1+1")
        #expect(FormulaCells.neutralised("'=1+1") == "''=1+1")
        #expect(FormulaCells.neutralised("'hello") == "'hello")
        #expect(FormulaCells.neutralised("Almaty") == "Almaty")
        #expect(Self.readBack("'hello") == "'hello", "an apostrophe before a letter is the text's own")
    }
}
