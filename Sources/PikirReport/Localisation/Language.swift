/// A language reports are written in: Kazakh, Russian or English.
///
/// The raw value is the ISO 639-1 code, which is also the name of the
/// message catalogue (`Resources/catalogues/kk.json`).
public enum Language: String, Sendable, CaseIterable {
    case kk
    case ru
    case en

    /// The language asked for, in this order of precedence:
    ///
    /// 1. `--lang` (`flag`), when given: `kk`, `ru`, `en` in any case, the
    ///    ISO 639-2 codes `kaz`, `rus`, `eng`, the country code `kz` that
    ///    people often type for Kazakh, or a locale name such as `ru_RU` or
    ///    `kk-KZ`. Any other value, the empty one included, gives `nil`.
    /// 2. `PIKIR_LANG` when set and not blank, read like `--lang`. An unknown
    ///    value gives `nil` too: it is pikir's own setting, and a report in
    ///    another language than the one asked for would go unnoticed.
    /// 3. The locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` whose
    ///    language part is Kazakh, Russian or English (`ru_RU.UTF-8` → ru,
    ///    `kk_KZ` → kk, `en_US` → en). Variables that are unset, empty, `C`,
    ///    `POSIX`, `C.UTF-8` or another language are skipped, so `LC_ALL=C`
    ///    (common in scripts) does not hide `LANG=ru_RU.UTF-8`. `LANGUAGE` is
    ///    not consulted.
    /// 4. Kazakh, the state language.
    ///
    /// - Parameters:
    ///   - flag: The value of `--lang`, or nil when the option was not given.
    ///   - environment: The process environment (`ProcessInfo.processInfo.environment`);
    ///     tests pass their own.
    /// - Returns: The language, or nil when `flag` or `PIKIR_LANG` names none
    ///   of the three (the CLI reports it).
    /// - Complexity: O(1); reads at most five variables.
    public static func resolve(flag: String?, environment: [String: String]) -> Language? {
        if let flag { return named(flag) }
        if let setting = environment["PIKIR_LANG"], !setting.allSatisfy(\.isWhitespace) {
            return named(setting)
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], let language = fromLocale(value) { return language }
        }
        return .kk
    }

    /// The language a `--lang` or `PIKIR_LANG` value names, or nil.
    ///
    /// Accepts `kk`/`ru`/`en` in any case with surrounding spaces, `kaz`,
    /// `rus`, `eng`, `kz`, and locale names (`ru_RU.UTF-8`, `en-GB`).
    public static func named(_ text: String) -> Language? {
        let word = text.trimmingSpaces.lowercased()
        switch word {
        case "kk", "kz", "kaz": return .kk
        case "ru", "rus": return .ru
        case "en", "eng": return .en
        default: return fromLocale(word)
        }
    }

    /// The language of a POSIX locale name (`language[_territory][.codeset][@modifier]`,
    /// or a BCP 47 tag with `-`), or nil for `C`, `POSIX` and other languages.
    static func fromLocale(_ locale: String) -> Language? {
        let name = locale.trimmingSpaces
        let language = name.prefix { $0 != "_" && $0 != "-" && $0 != "." && $0 != "@" }
        return Language(rawValue: language.lowercased())
    }
}

extension String {
    /// The text without leading and trailing whitespace (Foundation-free).
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
