@testable import PikirReport
import Testing

/// `Language.resolve`: --lang, else PIKIR_LANG, else LC_ALL / LC_MESSAGES / LANG, else kk.
@Suite("Localisation: Language.resolve")
struct LocalisationLanguageTests {
    @Test("--lang wins over PIKIR_LANG and the locale")
    func flagFirst() {
        let environment = ["PIKIR_LANG": "en", "LC_ALL": "kk_KZ.UTF-8", "LANG": "kk_KZ.UTF-8"]
        #expect(Language.resolve(flag: "ru", environment: environment) == .ru)
        #expect(Language.resolve(flag: "kk", environment: environment) == .kk)
        #expect(Language.resolve(flag: "en", environment: [:]) == .en)
    }

    @Test("--lang accepts any case, spaces, ISO 639-2 codes, kz and locale names")
    func flagSpellings() {
        let cases: [(String, Language)] = [
            ("RU", .ru), (" en ", .en), ("Kk", .kk), ("kz", .kk), ("kaz", .kk), ("rus", .ru), ("eng", .en),
            ("ru_RU.UTF-8", .ru), ("kk-KZ", .kk), ("en_GB", .en),
        ]
        for (flag, language) in cases {
            #expect(Language.resolve(flag: flag, environment: [:]) == language, "\(flag)")
        }
    }

    @Test("An unknown --lang is nil, whatever else is set")
    func unknownFlag() {
        let environment = ["PIKIR_LANG": "ru", "LANG": "ru_RU.UTF-8"]
        for flag in ["de", "", "  ", "russian", "C", "POSIX", "kaz_KZ"] {
            #expect(Language.resolve(flag: flag, environment: environment) == nil, "\(flag)")
        }
        // A locale-like name with the language part right is accepted.
        #expect(Language.resolve(flag: "kk_", environment: environment) == .kk)
    }

    @Test("PIKIR_LANG comes before the locale; blank counts as unset; unknown is nil")
    func pikirLang() {
        #expect(Language.resolve(flag: nil, environment: ["PIKIR_LANG": "en", "LC_ALL": "ru_RU.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["PIKIR_LANG": "RU"]) == .ru)
        #expect(Language.resolve(flag: nil, environment: ["PIKIR_LANG": "", "LANG": "ru_RU.UTF-8"]) == .ru)
        #expect(Language.resolve(flag: nil, environment: ["PIKIR_LANG": "  ", "LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["PIKIR_LANG": "fr", "LANG": "ru_RU.UTF-8"]) == nil)
    }

    @Test("Locale: LC_ALL, then LC_MESSAGES, then LANG")
    func localeOrder() {
        let all = ["LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "kk_KZ.UTF-8"]
        #expect(Language.resolve(flag: nil, environment: all) == .ru)
        var messages = all
        messages["LC_ALL"] = nil
        #expect(Language.resolve(flag: nil, environment: messages) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "kk_KZ.UTF-8"]) == .kk)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "ru_RU.UTF-8"]) == .ru)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "en_US"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "kk_KZ"]) == .kk)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "ru"]) == .ru)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "ru_KZ.UTF-8@cyrillic"]) == .ru)
    }

    @Test("C, POSIX, empty and other languages are skipped, not obeyed")
    func localeSkips() {
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "ru_RU.UTF-8"]) == .ru)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "POSIX", "LC_MESSAGES": "C.UTF-8", "LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"]) == .kk)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"]) == .en)
    }

    @Test("Nothing usable: Kazakh")
    func fallback() {
        #expect(Language.resolve(flag: nil, environment: [:]) == .kk)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]) == .kk)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "fr_FR.UTF-8", "LANG": "uz_UZ"]) == .kk)
        #expect(Language.resolve(flag: nil, environment: ["PATH": "/usr/bin", "LANGUAGE": "ru"]) == .kk)
    }
}
