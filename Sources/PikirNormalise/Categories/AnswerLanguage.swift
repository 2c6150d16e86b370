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
    private static let kazakhWords: Set<String> = [
        "жаксы", "оте", "орташа", "нашар", "рахмет", "ракмет", "жок", "жане", "мен", "пен", "ушин",
        "болды", "керек", "керемет", "жастар", "жастармен", "жумыс", "окушы", "баска", "иа", "коп",
        "тренердин", "келисемин", "келиспеймин", "барлыгы", "уакыт", "жаттыгу", "жаттыгулар",
    ]

    /// Kazakh words in the Latin alphabet (2021 and informal spellings).
    private static let kazakhLatinWords: Set<String> = [
        "jaqsy", "jaksy", "zhaksy", "zhaqsy", "öte", "rahmet", "rakhmet", "raqmet", "ortaşa", "ortasha",
        "nashar", "naşar", "jumys", "zhumys", "keremet",
    ]

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
    /// - Complexity: O(n) in the total length of the cells.
    public static func detect<Cells: Sequence>(_ cells: Cells) -> AnswerLanguage? where Cells.Element: StringProtocol {
        var cyrillic = 0
        var latin = 0
        var kazakhCyrillic = false
        var kazakhLatin = false
        for cell in cells {
            var word = String.UnicodeScalarView()
            var wordIsCyrillic = false
            var wordIsLatin = false
            var wordLength = 0
            func endWord() {
                if !word.isEmpty {
                    let w = String(word)
                    if wordIsCyrillic && !wordIsLatin && !kazakhCyrillic, kazakhWords.contains(w) {
                        kazakhCyrillic = true
                    }
                    if wordIsLatin && !wordIsCyrillic && !kazakhLatin, kazakhLatinWords.contains(w) {
                        kazakhLatin = true
                    }
                    word.removeAll(keepingCapacity: true)
                }
                wordLength = 0
                wordIsCyrillic = false
                wordIsLatin = false
            }
            for s in cell.unicodeScalars {
                let v = s.value
                if v >= 0x0400 && v <= 0x04FF {
                    cyrillic += 1
                    wordIsCyrillic = true
                    if isKazakhCyrillic(v) { kazakhCyrillic = true }
                    if !kazakhCyrillic, wordLength < 12 {
                        word.append(ParticipantGroups.Words.fold(ParticipantGroups.Words.lower(s)))
                        wordLength += 1
                    }
                } else if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A {
                    latin += 1
                    wordIsLatin = true
                    if !kazakhLatin, wordLength < 12 {
                        word.append(Unicode.Scalar(v | 0x20)!)
                        wordLength += 1
                    }
                } else if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 {
                    latin += 1
                    wordIsLatin = true
                    if isKazakhLatin(v) { kazakhLatin = true }
                    if !kazakhLatin, wordLength < 12 {
                        word.append(ParticipantGroups.Words.lower(s))
                        wordLength += 1
                    }
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
