import Foundation
@testable import PikirReport
import Testing

/// The shipped catalogues: found in the bundle, complete, consistent, translated.
@Suite("Localisation: catalogues")
struct LocalisationCatalogueTests {
    static let all = Language.allCases.map(Catalogue.load)

    @Test("Each catalogue is found through Bundle.module and loads", arguments: Language.allCases)
    func loads(language: Language) throws {
        let url = try #require(Catalogue.resourceURL(language))
        #expect(url.path.hasSuffix("Resources/catalogues/\(language.rawValue).json"))
        let catalogue = Catalogue.load(language)
        #expect(catalogue.loadError == nil)
        #expect(catalogue.language == language)
        #expect(catalogue.keys.count == Catalogue.requiredKeys.count)
    }

    @Test("The shipped catalogues have no problems")
    func noProblems() {
        #expect(Catalogue.problems(in: Self.all) == [])
    }

    @Test("Every required key is in every language", arguments: Language.allCases, Catalogue.requiredKeys)
    func keyPresent(language: Language, key: String) {
        #expect(Catalogue.load(language).entries[key] != nil, "\(language.rawValue) lacks \(key)")
    }

    @Test("Every language has exactly the required keys")
    func sameKeys() {
        let required = Catalogue.requiredKeys.sorted()
        #expect(Set(required).count == required.count, "requiredKeys has duplicates")
        for catalogue in Self.all {
            let keys = Set(catalogue.keys)
            #expect(Set(required).subtracting(keys).sorted() == [], "missing in \(catalogue.language)")
            #expect(keys.subtracting(required).sorted() == [], "not in requiredKeys, in \(catalogue.language)")
        }
    }

    @Test("requiredKeys covers every ISO 3166-2:KZ code of the reference, the questions and the plurals")
    func registry() {
        let keys = Set(Catalogue.requiredKeys)
        #expect(Catalogue.regionCodes.count == 20)
        for code in [71, 75, 79, 10, 11, 15, 19, 23, 27, 31, 33, 35, 39, 43, 47, 55, 59, 61, 62, 63] {
            #expect(keys.contains("region.KZ-\(code)"))
        }
        #expect(keys.contains("region.unknown"))
        #expect(keys.filter { $0.hasPrefix("question.") }.count == 12)
        // 8 counted nouns and 6 trainer summary sentences; the yearly summary's counted sentences (`plural.yearly_*`) apart.
        #expect(keys.filter { $0.hasPrefix("plural.") && !$0.hasPrefix("plural.yearly_") }.count == 14)
        #expect(keys.filter { $0.hasPrefix("month.") }.count == 24)
    }

    @Test("Placeholders are the same in every language, key by key", arguments: Catalogue.requiredKeys)
    func placeholders(key: String) throws {
        let names = try Self.all.map { try #require(Self.placeholderNames($0.entries[key])) }
        #expect(names.allSatisfy { $0 == names[0] }, "\(key): \(names)")
    }

    @Test("Placeholders the reports rely on")
    func knownPlaceholders() {
        let expected: [String: Set<String>] = [
            "label.not_enough_answers": ["k"], "label.chart_alt": ["title"], "trainers.subtitle": ["region", "period"],
            "trainers.ranking_note": ["k"], "trainers.section": ["name"], "trainers.summary": ["sessions", "responses"],
            "yearly.title": ["year"], "yearly.suppression_note": ["k"], "session.subtitle": ["session", "date", "trainer"],
            "methods.shrinkage": ["k"], "methods.suppression": ["k"], "methods.min_n": ["k"], "report.footer": ["version"],
            "format.date": ["year", "month", "day"], "format.month_year": ["year", "month"],
        ]
        for catalogue in Self.all {
            for (key, names) in expected {
                #expect(Self.placeholderNames(catalogue.entries[key]) == names, "\(catalogue.language) \(key)")
            }
            for name in Catalogue.pluralNames {
                #expect(Self.placeholderNames(catalogue.entries["plural.\(name)"]) == ["n"])
            }
        }
    }

    @Test("Plural entries have exactly the CLDR categories of their language", arguments: Language.allCases)
    func pluralCategories(language: Language) {
        let catalogue = Catalogue.load(language)
        let expected = Set(PluralCategory.categories(of: language).map(\.rawValue))
        for name in Catalogue.pluralNames {
            guard case .plural(let forms)? = catalogue.entries["plural.\(name)"] else {
                Issue.record("\(language) plural.\(name) is not plural forms")
                continue
            }
            #expect(Set(forms.keys) == expected, "\(language) plural.\(name)")
        }
    }

    static func placeholderNames(_ entry: Catalogue.Entry?) -> Set<String>? {
        switch entry {
        case .text(let text)?: Catalogue.placeholders(text)
        case .plural(let forms)?: forms.values.reduce(into: []) { $0.formUnion(Catalogue.placeholders($1)) }
        case nil: nil
        }
    }
}

/// Texts, placeholders and missing keys.
@Suite("Localisation: text lookup")
struct LocalisationTextTests {
    @Test("Placeholders are filled; the rest stays as written")
    func substitution() {
        let ru = Catalogue.load(.ru)
        #expect(ru.text("label.not_enough_answers", ["k": "5"]) == "недостаточно ответов (n < 5)")
        #expect(ru.text("label.not_enough_answers") == "недостаточно ответов (n < {k})")
        #expect(Catalogue.load(.en).text("trainers.subtitle", ["region": "Almaty", "period": "2024"]) == "Almaty, 2024")
        #expect(Catalogue.load(.kk).text("yearly.title", ["year": "2024"]) == "2024 жылғы қорытынды")
        #expect(Catalogue.substitute("{a}{b}", ["a": "{b}", "b": "x"]) == "{b}x")
        #expect(Catalogue.substitute("{ {a} {oops", ["a": "1"]) == "{ 1 {oops")
        #expect(Catalogue.substitute("}{a}", ["a": "1"]) == "}1")
        #expect(Catalogue.placeholders("n < {k}, {bad name} {ok_2} {}") == ["k", "ok_2"])
    }

    @Test("A missing key prints ⟦key⟧ and does not crash")
    func missing() {
        #expect(Catalogue.load(.kk).text("no.such.key") == "⟦no.such.key⟧")
        #expect(Catalogue.load(.en).text("no.such.key", ["k": "1"]) == "⟦no.such.key⟧")
        let empty = Catalogue(language: .ru, entries: [:])
        #expect(empty.text("label.mean") == "⟦label.mean⟧")
        #expect(empty.month(1) == "⟦month.1⟧")
        #expect(empty.date(year: 2024, month: 1, day: 1) == "⟦format.date⟧")
        #expect(empty.plural("responses", count: 1) == "⟦plural.responses⟧")
    }

    @Test("A few texts as the reports print them")
    func samples() {
        let kk = Catalogue.load(.kk), ru = Catalogue.load(.ru), en = Catalogue.load(.en)
        #expect(kk.text("region.KZ-35") == "Қарағанды облысы")
        #expect(ru.text("region.KZ-19") == "Алматинская область")
        #expect(en.text("region.KZ-62") == "Ulytau Region")
        #expect(ru.text("region.KZ-71") == "Астана")
        #expect(en.text("question.overall") == "Overall satisfaction")
        #expect(en.text("label.ci95") == "95% interval")
        #expect(ru.text("label.ci95") == "95\u{A0}% интервал")
        #expect(en.text("report.footer", ["version": "1.0"]) == "Made with pikir 1.0")
        #expect(ru.text("trainers.summary", ["sessions": ru.plural("sessions", count: 3), "responses": ru.plural("responses", count: 41)])
            == "3 тренинга · 41 ответ")
    }
}

/// Conveniences around `text`.
@Suite("Localisation: helpers")
struct LocalisationHelperTests {
    @Test("region: the name of a code, else region.unknown")
    func region() {
        let ru = Catalogue.load(.ru), kk = Catalogue.load(.kk)
        #expect(ru.region("KZ-75") == "Алматы")
        #expect(ru.region("KZ-19") == "Алматинская область")
        #expect(kk.region("KZ-10") == "Абай облысы")
        #expect(ru.region(nil) == "Регион не определён")
        #expect(ru.region("KZ-99") == "Регион не определён")
        #expect(ru.region("unknown") == "Регион не определён")
    }

    @Test("capitalised upper-cases the first letter only, Kazakh letters included")
    func capitalised() {
        #expect(Catalogue.capitalised(Catalogue.load(.ru).monthYear(year: 2024, month: 11)) == "Ноябрь 2024\u{A0}г.")
        #expect(Catalogue.capitalised("қараша") == "Қараша")
        #expect(Catalogue.capitalised("өңір") == "Өңір")
        #expect(Catalogue.capitalised("ұлытау") == "Ұлытау")
        #expect(Catalogue.capitalised("іс") == "Іс")
        #expect(Catalogue.capitalised("") == "")
    }

    @Test("has")
    func has() {
        #expect(Catalogue.load(.en).has("label.mean"))
        #expect(Catalogue.load(.en).has("plural.files"))
        #expect(!Catalogue.load(.en).has("label.nothing"))
    }

    @Test("Loading is cached and the same every time")
    func cached() {
        let a = Catalogue.load(.kk), b = Catalogue.load(.kk)
        #expect(a.entries == b.entries)
        #expect(a.text("methods.title") == "Әдістеме")
    }
}
