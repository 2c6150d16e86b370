import Foundation

/// The session id of a response no registry names: a slug of its city, date
/// and trainer, `almaty-2024-11-05-t01`.
///
/// Slugs are lower-case ASCII, `[a-z0-9-]` only, so an id is safe as a file
/// name and in a URL, the same on every machine and in every run. Registry
/// session ids are never slugged: they stay as the registry writes them.
///
/// Before slugs the id was `Almaty/2024-11-05/t01`, which made folders of
/// the pipelines' `{session}` file names. Where a user types an id
/// (`--session`, `--where session=`) that form is still accepted
/// (``typed(_:)``), and the warehouse's migration v4 rewrote stored ones.
public enum SessionKey {
    /// `almaty-2024-11-05-t01`: the city's slug, the ISO date, the trainer
    /// key's slug; a missing city or trainer is left out (`2024-11-05-t01`).
    ///
    /// - Parameter trainerKey: The registry id when the trainer resolved,
    ///   else the folded name (`TextFolding.matchKey` of the cleaned name).
    /// - Complexity: O(n) in the length of the parts.
    public static func derived(city: String?, date: String, trainerKey: String?) -> String {
        derived(citySlug: city.map(slug), date: date, trainerSlug: trainerKey.map(slug))
    }

    /// The id from parts already slugged (``slug(_:)``), as the normaliser
    /// keeps them per distinct cell: one allocation per row.
    public static func derived(citySlug: String?, date: String, trainerSlug: String?) -> String {
        var id = ""
        id.reserveCapacity((citySlug?.utf8.count ?? 0) + date.utf8.count + (trainerSlug?.utf8.count ?? 0) + 2)
        if let citySlug, !citySlug.isEmpty {
            id += citySlug
            id += "-"
        }
        id += date
        if let trainerSlug, !trainerSlug.isEmpty {
            id += "-"
            id += trainerSlug
        }
        return id
    }

    /// One part's slug: see ``appendSlug(_:to:)``.
    public static func slug(_ part: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(part.utf8.count + 9)
        appendSlug(part, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The id pikir derived before slugs: `Almaty/2024-11-05/t01`, `-` for a
    /// missing city or trainer. Only migrations use it, to recognise what an
    /// earlier pikir stored.
    public static func legacy(city: String?, date: String, trainerKey: String?) -> String {
        (city ?? "-") + "/" + date + "/" + (trainerKey ?? "-")
    }

    /// The ids a session typed by a user may be stored as: the text itself,
    /// and, when it has the old derived form `City/yyyy-mm-dd/key`, its slug.
    ///
    /// `Almaty/2024-11-05/T01` → `["Almaty/2024-11-05/T01", "almaty-2024-11-05-t01"]`;
    /// `ALM-2024-11-A` → `["ALM-2024-11-A"]` (a registry id, as written).
    public static func typed(_ text: String) -> [String] {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let (city, date, key) = legacyParts(text) else { return [text] }
        let id = derived(city: city, date: date, trainerKey: key)
        return id == text ? [text] : [text, id]
    }

    /// City, date and trainer key of an id in the old form, split at the
    /// first `/yyyy-mm-dd/` (a city name may hold a `/`, a date never does).
    static func legacyParts(_ text: String) -> (city: String?, date: String, key: String?)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 12 else { return nil }
        for start in bytes.indices where bytes[start] == slash && start + 11 < bytes.count && bytes[start + 11] == slash {
            let date = bytes[(start + 1)...(start + 10)]
            guard isISODate(date) else { continue }
            let city = String(decoding: bytes[..<start], as: UTF8.self)
            let key = String(decoding: bytes[(start + 12)...], as: UTF8.self)
            return (city == "-" || city.isEmpty ? nil : city, String(decoding: date, as: UTF8.self), key == "-" || key.isEmpty ? nil : key)
        }
        return nil
    }

    private static func isISODate(_ b: ArraySlice<UInt8>) -> Bool {
        b.enumerated().allSatisfy { i, c in i == 4 || i == 7 ? c == dash : c >= 0x30 && c <= 0x39 }
    }

    /// The key an unresolved trainer is matched and named by: the folded cleaned name.
    public static func trainerKey(cleanedName: String) -> String {
        TextFolding.matchKey(cleanedName)
    }

    // MARK: - Slugs

    private static let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/")

    /// Appends the slug of one part: ASCII letters lower-cased, digits kept,
    /// Cyrillic (Kazakh and Russian) transliterated by one fixed table
    /// (`Қарағанды` → `qaragandy`, `Жұмабекова` → `zhumabekova`), Latin
    /// letters without their accents (`Qarağandy` → `qaragandy`), every other
    /// run of characters one `-`, none at either end.
    ///
    /// Two parts that differ only in case, punctuation or spacing, or in
    /// letters the table writes alike, are spellings of one name and share a
    /// slug. A part holding a letter or digit the table cannot write (another
    /// script: `李`), or nothing but punctuation, would lose what tells it
    /// apart: it gets `-` and eight hex digits of its `Fingerprint` as well,
    /// so different such parts stay different.
    static func appendSlug(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        var pending = false
        @inline(__always) func separate() { if out.count > start { pending = true } }
        @inline(__always) func put(_ byte: UInt8) {
            if pending { out.append(dash); pending = false }
            out.append(byte)
        }
        var lost = false
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // The usual part (a Latin city, a registry id, a folded name): bytes only.
            for b in text.utf8 {
                switch b {
                case 0x30...0x39, 0x61...0x7A: put(b)
                case 0x41...0x5A: put(b + 0x20)
                default: separate()
                }
            }
        } else {
            for scalar in text.unicodeScalars {
                switch ascii(scalar) {
                case .letters(let latin): for b in latin.utf8 { put(b) }
                case .silent: break
                case .separator: separate()
                case .unwritable:
                    lost = true
                    separate()
                }
            }
        }
        if lost || (out.count == start && !text.isEmpty) {
            if out.count > start { out.append(dash) }
            let hash = UInt32(truncatingIfNeeded: Fingerprint.of(text))
            let hex = String(hash, radix: 16)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 8 - hex.utf8.count))
            out.append(contentsOf: hex.utf8)
        }
    }

    private enum Written {
        case letters(String)
        /// Written as nothing, without splitting the word (ъ, ь, a combining accent).
        case silent
        case separator
        case unwritable
    }

    private static func ascii(_ scalar: Unicode.Scalar) -> Written {
        if scalar.isASCII {
            let v = scalar.value
            switch v {
            case 0x30...0x39, 0x61...0x7A: return .letters(String(scalar))
            case 0x41...0x5A: return .letters(String(Unicode.Scalar(v + 0x20)!))
            default: return .separator
            }
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        if let latin = cyrillic[lower.value] { return latin.isEmpty ? .silent : .letters(latin) }
        if let latin = otherLatin[lower.value] { return .letters(latin) }
        if scalar.properties.generalCategory == .nonspacingMark { return .silent }
        // Latin with an accent: its base letter (`ğ` → `g`, `é` → `e`).
        let decomposed = String(lower).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, base.properties.isAlphabetic {
            return .letters(String(base))
        }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return .unwritable }
        return .separator
    }

    /// Kazakh and Russian Cyrillic, lower case, to ASCII. Kazakh letters
    /// follow the 2021 Latin alphabet without its accents (қ → q, ғ → g).
    private static let cyrillic: [UInt32: String] = {
        let pairs: [(Character, String)] = [
            ("а", "a"), ("ә", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("ғ", "g"), ("д", "d"), ("е", "e"),
            ("ё", "yo"), ("ж", "zh"), ("з", "z"), ("и", "i"), ("й", "y"), ("і", "i"), ("к", "k"), ("қ", "q"),
            ("л", "l"), ("м", "m"), ("н", "n"), ("ң", "ng"), ("о", "o"), ("ө", "o"), ("п", "p"), ("р", "r"),
            ("с", "s"), ("т", "t"), ("у", "u"), ("ұ", "u"), ("ү", "u"), ("ф", "f"), ("х", "kh"), ("һ", "h"),
            ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"),
            ("ю", "yu"), ("я", "ya"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0.unicodeScalars.first!.value, $0.1) })
    }()

    /// Latin letters with no accent to drop.
    private static let otherLatin: [UInt32: String] = [
        0x00DF: "ss", 0x00E6: "ae", 0x00F8: "o", 0x0131: "i", 0x0142: "l", 0x0111: "d", 0x0153: "oe", 0x0259: "a",
    ]
}
