@testable import PikirReport
import Testing

/// `Catalogue.problems` on synthetic catalogues: the completeness check must
/// fail when one language lacks a key, and say which.
@Suite("Localisation: completeness check")
struct LocalisationCompletenessTests {
    static let required = ["a", "b", "plural.x"]

    /// Three complete, consistent catalogues with the keys of `required`.
    static func complete() -> [Language: [String: Catalogue.Entry]] {
        var sets: [Language: [String: Catalogue.Entry]] = [:]
        for language in Language.allCases {
            let forms = PluralCategory.categories(of: language).map { ($0.rawValue, "{n} x-\($0.rawValue)") }
            sets[language] = [
                "a": .text("a \(language.rawValue)"),
                "b": .text("b {k} \(language.rawValue)"),
                "plural.x": .plural(Dictionary(uniqueKeysWithValues: forms)),
            ]
        }
        return sets
    }

    static func problems(_ sets: [Language: [String: Catalogue.Entry]], required: [String] = required) -> [String] {
        let catalogues = sets.map { Catalogue(language: $0.key, entries: $0.value) }
        return Catalogue.problems(in: catalogues, required: required)
    }

    @Test("Complete catalogues pass")
    func completePasses() {
        #expect(Self.problems(Self.complete()) == [])
    }

    @Test("A key missing in one language fails, naming the language and the key")
    func missingKey() {
        for language in Language.allCases {
            var sets = Self.complete()
            sets[language]?["b"] = nil
            #expect(Self.problems(sets) == ["\(language.rawValue): missing key b"])
        }
    }

    @Test("A key only one language has is missing in the others and unregistered")
    func extraKey() {
        var sets = Self.complete()
        sets[.kk]?["c"] = .text("c")
        #expect(Self.problems(sets) == [
            "en: missing key c", "kk: key c is not in requiredKeys", "ru: missing key c",
        ])
    }

    @Test("A required key nobody has is missing everywhere")
    func requiredNowhere() {
        #expect(Self.problems(Self.complete(), required: Self.required + ["d"]) == [
            "en: missing key d", "kk: missing key d", "ru: missing key d",
        ])
    }

    @Test("A missing catalogue or one that failed to load fails")
    func missingCatalogue() {
        var sets = Self.complete()
        sets[.en] = nil
        #expect(Self.problems(sets) == ["en: no catalogue"])
        let failed = Catalogue(language: .en, entries: [:], loadError: "gone")
        let others = Self.complete().filter { $0.key != .en }.map { Catalogue(language: $0.key, entries: $0.value) }
        let problems = Catalogue.problems(in: others + [failed], required: Self.required)
        #expect(problems.contains("en: not loaded: gone"))
        #expect(problems.contains("en: missing key a"))
    }

    @Test("The real Russian catalogue with one key taken out fails")
    func realCatalogueMinusOneKey() {
        var entries = Catalogue.load(.ru).entries
        entries["label.mean"] = nil
        let catalogues = [Catalogue.load(.kk), Catalogue(language: .ru, entries: entries), Catalogue.load(.en)]
        #expect(Catalogue.problems(in: catalogues) == ["ru: missing key label.mean"])
    }

    @Test("Plural categories: missing and extra forms fail")
    func pluralCategories() {
        var sets = Self.complete()
        sets[.ru]?["plural.x"] = .plural(["one": "{n} x", "few": "{n} x", "other": "{n} x"])
        sets[.kk]?["plural.x"] = .plural(["one": "{n} x", "few": "{n} x", "other": "{n} x"])
        #expect(Self.problems(sets) == [
            "kk: plural.x has the plural form few, which kk does not use",
            "ru: plural.x lacks the plural form many",
        ])
    }

    @Test("Plurals must be plural forms with {n}; other keys texts")
    func pluralShape() {
        var sets = Self.complete()
        sets[.en]?["plural.x"] = .text("{n} x")
        sets[.kk]?["a"] = .plural(["one": "a", "other": "a"])
        #expect(Self.problems(sets).contains("en: plural.x is a text, not plural forms"))
        #expect(Self.problems(sets).contains("kk: a has plural forms but is not a plural.* key"))

        var noCount = Self.complete()
        noCount[.en]?["plural.x"] = .plural(["one": "one x", "other": "{n} x"])
        #expect(Self.problems(noCount).contains("en: plural.x.one does not show the count {n}"))
    }

    @Test("Different placeholders across languages or forms fail")
    func placeholders() {
        var sets = Self.complete()
        sets[.ru]?["b"] = .text("b {n}")
        #expect(Self.problems(sets) == ["ru: placeholders of b are {n}, kk has {k}"])

        var forms = Self.complete()
        forms[.ru]?["plural.x"] = .plural(["one": "{n} x", "few": "{n} x {k}", "many": "{n} x", "other": "{n} x"])
        let problems = Self.problems(forms)
        #expect(problems.contains { $0.hasPrefix("ru: plural.x.") && $0.contains("placeholders") })
        #expect(problems.contains("ru: placeholders of plural.x are {k} {n}, kk has {n}"))
    }

    @Test("Empty texts fail")
    func empty() {
        var sets = Self.complete()
        sets[.kk]?["a"] = .text(" ")
        #expect(Self.problems(sets) == ["kk: a is empty"])
    }
}
