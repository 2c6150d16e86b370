import Foundation

/// The messages of one language: every label, heading, month and plural a
/// report prints, read from `Resources/catalogues/<language>.json`.
///
/// A catalogue file is a JSON object, keys sorted, two-space indent. A value
/// is either a text with `{name}` placeholders or, for keys starting with
/// `plural.`, an object of CLDR plural forms with the count as `{n}`:
///
/// ```json
/// "label.not_enough_answers": "недостаточно ответов (n < {k})",
/// "plural.responses": {"few": "{n} ответа", "many": "{n} ответов", "one": "{n} ответ", "other": "{n} ответа"}
/// ```
///
/// Lookups never fail loudly: a missing key prints as `⟦key⟧`, visible in the
/// report and caught by the completeness tests, and never crashes.
public struct Catalogue: Sendable {
    public let language: Language
    /// Why the catalogue file could not be read, or nil when it was. A
    /// catalogue that failed to load has no entries, so every text is `⟦key⟧`.
    public let loadError: String?
    let entries: [String: Entry]

    /// One catalogue value.
    enum Entry: Sendable, Equatable, Decodable {
        /// A text with `{name}` placeholders.
        case text(String)
        /// Plural forms by CLDR category name (`one`, `few`, `many`, `other`).
        case plural([String: String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .plural(try container.decode([String: String].self))
            }
        }
    }

    init(language: Language, entries: [String: Entry], loadError: String? = nil) {
        self.language = language
        self.entries = entries
        self.loadError = loadError
    }

    /// A catalogue from the bytes of a catalogue file.
    init(language: Language, json: Data) throws {
        self.init(language: language, entries: try JSONDecoder().decode([String: Entry].self, from: json))
    }

    /// The catalogue of `language`, read from the module's resources once per
    /// process (all three on the first call) and shared afterwards.
    ///
    /// - Complexity: O(1) after the first call.
    public static func load(_ language: Language) -> Catalogue {
        loaded[language] ?? Catalogue(language: language, entries: [:], loadError: "not loaded")
    }

    private static let loaded: [Language: Catalogue] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0, read($0)) }
    )

    /// Where the catalogue of `language` lies in the module's resource bundle.
    static func resourceURL(_ language: Language) -> URL? {
        Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/catalogues")
    }

    private static func read(_ language: Language) -> Catalogue {
        guard let url = resourceURL(language) else {
            return Catalogue(language: language, entries: [:], loadError: "Resources/catalogues/\(language.rawValue).json is not in the bundle")
        }
        do {
            return try Catalogue(language: language, json: Data(contentsOf: url))
        } catch {
            return Catalogue(language: language, entries: [:], loadError: "\(url.path): \(error)")
        }
    }

    /// Every key this catalogue has.
    public var keys: [String] { entries.keys.sorted() }

    /// The text of `key` with its `{name}` placeholders replaced by
    /// `arguments[name]`. Placeholders without an argument stay as written;
    /// argument values are inserted as they are (never re-scanned).
    ///
    /// - Returns: The text, or `⟦key⟧` when the catalogue has no text under `key`.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard case .text(let text)? = entries[key] else { return "⟦\(key)⟧" }
        return Self.substitute(text, arguments)
    }

    /// The count with its noun in the form the count takes:
    /// `plural("responses", count: 21)` is «21 ответ» in Russian, `22` «22
    /// ответа», `25` «25 ответов»; «21 жауап»; "21 answers". The count is
    /// formatted with `integer` (thousands grouped).
    ///
    /// - Parameter key: The plural's name, `responses`, or its key, `plural.responses`.
    /// - Returns: The text, or `⟦plural.key⟧` when the catalogue has no such plural.
    public func plural(_ key: String, count: Int) -> String {
        let full = key.hasPrefix("plural.") ? key : "plural." + key
        guard case .plural(let forms)? = entries[full],
              let form = forms[PluralCategory.of(count, language: language).rawValue] ?? forms[PluralCategory.other.rawValue]
        else { return "⟦\(full)⟧" }
        return Self.substitute(form, ["n": integer(count)])
    }

    /// The name of month 1–12 in the nominative, capitalised as at the start of
    /// a label: «Қараша», «Ноябрь», "November". `⟦month.13⟧` out of range.
    public func month(_ month: Int) -> String {
        Self.capitalisingFirst(text("month.\(month)"))
    }

    /// A full date: kk «2024 ж. 5 қараша», ru «5 ноября 2024 г.», en "5 November 2024".
    ///
    /// The pattern is the catalogue's `format.date`; the month is its
    /// `month.gen.<m>` form (genitive in Russian, nominative in Kazakh and
    /// English); the year is plain digits, never grouped. Between the year and
    /// the abbreviation «ж.» / «г.» is a U+00A0 NO-BREAK SPACE, so the
    /// abbreviation never starts a line.
    public func date(year: Int, month: Int, day: Int) -> String {
        text("format.date", ["year": String(year), "month": text("month.gen.\(month)"), "day": String(day)])
    }

    /// A month of a year: kk «2024 ж. қараша», ru «ноябрь 2024 г.», en "November 2024".
    ///
    /// The pattern is the catalogue's `format.month_year`, with the month in
    /// the nominative as the language writes it inside a phrase (lower case in
    /// Kazakh and Russian); U+00A0 before «ж.» / «г.» as in `date`.
    public func monthYear(year: Int, month: Int) -> String {
        text("format.month_year", ["year": String(year), "month": text("month.\(month)")])
    }

    /// The name of an ISO 3166-2:KZ subdivision (`"KZ-75"` → «Алматы»), or
    /// `region.unknown` («Өңір анықталмаған») for nil or a code the catalogue lacks.
    public func region(_ code: String?) -> String {
        if let code, case .text? = entries["region.\(code)"] { return text("region.\(code)") }
        return text("region.unknown")
    }

    /// Whether the catalogue has a text or plural under `key`.
    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// `text` with its first letter upper-cased, by Unicode's rules and no
    /// locale: for a month-year at the start of a label, «Ноябрь 2024 г.».
    public static func capitalised(_ text: String) -> String { capitalisingFirst(text) }

    /// `text` with its first letter upper-cased (Unicode rules, no locale).
    static func capitalisingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Replaces each `{name}` whose name is in `arguments`, in one pass.
    static func substitute(_ text: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let value = arguments[String(rest[afterOpen..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    /// The placeholder names in `text`: every `{name}` whose name is letters,
    /// digits and `_`.
    static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if !name.isEmpty && name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
                names.insert(String(name))
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return names
    }
}
