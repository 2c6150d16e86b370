/// The language a participant answered in, with its canonical raw value.
///
/// Decided from the letters of the answer cells (see `detect`):
/// - `kk` when the Cyrillic text has a Kazakh-specific letter
///   (ә ғ қ ң ө ұ ү һ і) or a Kazakh word typed without them (`жаксы`,
///   `рахмет`, `жок`, `және`…), or when Latin text has the 2021 Kazakh Latin
///   letters ä ğ ñ ū ı or Kazakh words (`jaqsy`, `rahmet`);
/// - `ru` for other Cyrillic text;
/// - `en` for Latin text.
public enum AnswerLanguage: String, Sendable, CaseIterable {
    case kk
    case ru
    case en

    /// Kazakh words that need no Kazakh-specific letter, folded
    /// (ә→а ғ→г қ→к ң→н ө→о ұ,ү→у һ→х і→и), as typed on a Russian layout.
    private static let kazakhWords: [String] = [
        "жаксы", "оте", "орташа", "нашар", "рахмет", "ракмет", "жок", "жане", "мен", "пен", "ушин",
        "болды", "керек", "керемет", "жастар", "жастармен", "жумыс", "окушы", "баска", "иа", "коп",
        "тренердин", "келисемин", "келиспеймин", "барлыгы", "уакыт", "жаттыгу", "жаттыгулар",
    ]

    /// Kazakh words in the Latin alphabet (2021 and informal spellings).
    private static let kazakhLatinWords: [String] = [
        "jaqsy", "jaksy", "zhaksy", "zhaqsy", "öte", "rahmet", "rakhmet", "raqmet", "ortaşa", "ortasha",
        "nashar", "naşar", "jumys", "zhumys", "keremet",
    ]

    /// The words above as hashes of their lowercased scalars: a cell's words
    /// are hashed as they are scanned, so no String is made per word.
    private static let kazakhWordHashes: Set<UInt64> = Set(kazakhWords.map(wordHash))
    private static let kazakhLatinWordHashes: Set<UInt64> = Set(kazakhLatinWords.map(wordHash))

    private static func wordHash(_ word: String) -> UInt64 {
        var h = WordHash()
        for s in word.unicodeScalars { h.add(lowered(s.value)) }
        return h.value
    }

    /// FNV-1a over scalar values.
    private struct WordHash {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        @inline(__always) mutating func add(_ v: UInt32) {
            value = (value ^ UInt64(v)) &* 0x0000_0100_0000_01B3
            length += 1
        }
    }

    /// Lower case for the Cyrillic and Latin letters words are made of, by
    /// arithmetic (Unicode property look-ups cost more than the rest of the
    /// scan); ё folds to е as people type it.
    @inline(__always)
    private static func lowered(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x0401, 0x0451: return 0x0435
        case 0x0400...0x040F: return v + 0x50
        case 0x0410...0x042F: return v + 0x20
        case 0x0041...0x005A, 0x00C0...0x00DE: return v == 0xD7 ? v : v + 0x20
        case 0x0100...0x017F, 0x0460...0x04FF: return v & 1 == 0 && !(0x04C1...0x04CE).contains(v) ? v + 1 : v
        default: return v
        }
    }

    /// Detects the language of a set of answer cells taken together.
    ///
    /// Counts Cyrillic and Latin letters over all cells; the script with more
    /// letters wins (a tie goes to Cyrillic). Cyrillic is Kazakh when any
    /// Kazakh evidence appears (a Kazakh-specific letter or a Kazakh word)
    /// and Russian otherwise: the Kazakh alphabet contains every Russian
    /// letter, so Russian can only be told by the absence of Kazakh. Latin
    /// is English unless it carries Kazakh Latin letters or words. Digits,
    /// punctuation and other scripts are ignored. Pass the free-text and
    /// answer cells, not the city or trainer name.
    ///
    /// - Parameter cells: The text cells of one response.
    /// - Returns: The language, or nil when the cells hold no letters.
    /// - Complexity: O(n) in the total length of the cells; no allocation.
    public static func detect<Cells: Sequence>(_ cells: Cells) -> AnswerLanguage? where Cells.Element: StringProtocol {
        var cyrillic = 0
        var latin = 0
        var kazakhCyrillic = false
        var kazakhLatin = false
        for cell in cells {
            var word = WordHash()
            var wordIsCyrillic = false
            var wordIsLatin = false
            func endWord() {
                if word.length > 0 && word.length <= 12 {
                    if wordIsCyrillic && !wordIsLatin && !kazakhCyrillic, kazakhWordHashes.contains(word.value) {
                        kazakhCyrillic = true
                    }
                    if wordIsLatin && !wordIsCyrillic && !kazakhLatin, kazakhLatinWordHashes.contains(word.value) {
                        kazakhLatin = true
                    }
                }
                word = WordHash()
                wordIsCyrillic = false
                wordIsLatin = false
            }
            for s in cell.unicodeScalars {
                let v = s.value
                if v >= 0x0400 && v <= 0x04FF {
                    cyrillic += 1
                    wordIsCyrillic = true
                    if isKazakhCyrillic(v) { kazakhCyrillic = true }
                    word.add(lowered(v))
                } else if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A {
                    latin += 1
                    wordIsLatin = true
                    word.add(v | 0x20)
                } else if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 {
                    latin += 1
                    wordIsLatin = true
                    if isKazakhLatin(v) { kazakhLatin = true }
                    word.add(lowered(v))
                } else {
                    endWord()  // digits, punctuation, other scripts: ignored
                }
            }
            endWord()
        }
        if cyrillic == 0 && latin == 0 { return nil }
        if cyrillic >= latin { return kazakhCyrillic ? .kk : .ru }
        return kazakhLatin ? .kk : .en
    }

    /// Detects the language of a single answer cell.
    ///
    /// Same rules as `detect(_:)` for a set of cells.
    ///
    /// - Complexity: O(n) in the length of the cell.
    public static func detect(_ cell: some StringProtocol) -> AnswerLanguage? {
        detect(CollectionOfOne(cell))
    }

    /// ә ғ қ ң ө ұ ү һ і in either case.
    private static func isKazakhCyrillic(_ v: UInt32) -> Bool {
        switch v {
        case 0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9,
            0x04B0, 0x04B1, 0x04AE, 0x04AF, 0x04BA, 0x04BB, 0x0406, 0x0456:
            true
        default:
            false
        }
    }

    /// ä ğ ñ ū ı (2021 Kazakh Latin letters not used in English) in either case.
    private static func isKazakhLatin(_ v: UInt32) -> Bool {
        switch v {
        case 0x00C4, 0x00E4, 0x011E, 0x011F, 0x00D1, 0x00F1, 0x016A, 0x016B, 0x0131:
            true
        default:
            false
        }
    }
}
