import Foundation
import PikirNormalise
@testable import PikirReport
import Testing

/// The catalogue files as written: canonical JSON, real translations, typography.
@Suite("Localisation: catalogue files and translations")
struct LocalisationTranslationTests {
    /// Keys whose text is the same in every language: symbols, numbers, patterns.
    static let neutral: Set<String> = [
        "label.n", "label.nps", "label.low_mid_high_low", "label.low_mid_high_mid", "label.low_mid_high_high",
        "label.detractors", "label.passives", "label.promoters",
        "trainers.subtitle", "trainers.section", "trainers.summary", "session.subtitle",
        "glossary.n.term", "glossary.nps.term",
    ]

    static func isCyrillic(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
    }

    /// The texts of a catalogue, plural forms as `key.category`.
    static func texts(_ language: Language) -> [(key: String, text: String)] {
        Catalogue.load(language).entries.flatMap { key, entry -> [(key: String, text: String)] in
            switch entry {
            case .text(let text): [(key, text)]
            case .plural(let forms): forms.map { ("\(key).\($0.key)", $0.value) }
            }
        }.sorted { $0.key < $1.key }
    }

    @Test("Files are canonical: keys sorted, two-space indent, final newline, U+00A0 written as \\u00a0",
          arguments: Language.allCases)
    func canonical(language: Language) throws {
        let url = try #require(Catalogue.resourceURL(language))
        let data = try Data(contentsOf: url)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "no BOM")
        #expect(text.hasPrefix("{\n") && text.hasSuffix("\n}\n"))
        #expect(!text.contains("\t") && !text.contains("\r"))
        #expect(!text.contains("\u{A0}"), "write U+00A0 as \\u00a0 so editors can see it")
        var topKeys: [String] = []
        for line in text.split(separator: "\n").dropFirst().dropLast() {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent == 2 || indent == 4, "\(line)")
            if indent == 2, line.dropFirst(2).hasPrefix("\""), let end = line.dropFirst(3).firstIndex(of: "\"") {
                topKeys.append(String(line[line.index(line.startIndex, offsetBy: 3)..<end]))
            }
        }
        #expect(topKeys.count == Catalogue.requiredKeys.count)
        #expect(topKeys == topKeys.sorted(), "keys sorted")
    }

    @Test("Texts are translated: Cyrillic in kk and ru, none in en, and not a copy of the English")
    func translated() {
        let english = Dictionary(uniqueKeysWithValues: Self.texts(.en).map { ($0.key, $0.text) })
        for language in [Language.kk, .ru] {
            for (key, text) in Self.texts(language) {
                let entryKey = key.hasPrefix("plural.") ? String(key[..<key.lastIndex(of: ".")!]) : key
                if Self.neutral.contains(entryKey) { continue }
                #expect(text.contains(where: Self.isCyrillic), "\(language) \(key): \(text)")
                #expect(text != english[key], "\(language) \(key) is the English text")
            }
        }
        for (key, text) in Self.texts(.en) {
            #expect(!text.contains(where: Self.isCyrillic), "en \(key): \(text)")
        }
    }

    @Test("Kazakh texts use Kazakh letters; Russian ones only in official region names")
    func alphabets() {
        let kazakhLetters = Set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
        let kazakh = Self.texts(.kk)
        #expect(kazakh.filter { $0.text.contains(where: kazakhLetters.contains) }.count > kazakh.count / 2)
        for (key, text) in Self.texts(.ru) where text.contains(where: kazakhLetters.contains) {
            #expect(["region.KZ-33", "region.KZ-62"].contains(key), "ru \(key): \(text)")
        }
    }

    @Test("kk and ru put U+00A0 between a number and %, en nothing")
    func percentSigns() {
        func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { ("0"..."9").contains($0) } ?? false }
        for language in Language.allCases {
            for (key, text) in Self.texts(language) {
                let scalars = Array(text.unicodeScalars)
                for i in scalars.indices where scalars[i] == "%" && i > 0 {
                    let before = scalars[i - 1], twoBefore = i > 1 ? scalars[i - 2] : nil
                    let spaced = (before == " " || before == "\u{A0}") && isDigit(twoBefore)
                    if language == .en {
                        #expect(!spaced, "en \(key): \(text) has a space before %")
                    } else {
                        #expect(!isDigit(before) && !(before == " " && isDigit(twoBefore)),
                                "\(language) \(key): \(text) needs U+00A0 before %")
                    }
                }
            }
        }
    }

    @Test("Region names are the gazetteer's official names", arguments: Places.subdivisions.map(\.code))
    func regions(code: String) throws {
        let subdivision = try #require(Places.subdivision(code: code))
        #expect(Catalogue.load(.kk).text("region.\(code)") == subdivision.nameKazakh)
        #expect(Catalogue.load(.ru).text("region.\(code)") == subdivision.nameRussian)
        #expect(Catalogue.load(.en).text("region.\(code)") == subdivision.name)
        #expect(Catalogue.regionCodes.contains(code))
    }

    @Test("Group, module and answer-language keys match PikirNormalise's raw values")
    func categories() {
        let keys = Set(Catalogue.requiredKeys)
        for group in ParticipantGroups.allCases { #expect(keys.contains("group.\(group.rawValue)")) }
        for module in Modules.allCases { #expect(keys.contains("module.\(module.rawValue)")) }
        for language in AnswerLanguage.allCases { #expect(keys.contains("lang.\(language.rawValue)")) }
    }
}
