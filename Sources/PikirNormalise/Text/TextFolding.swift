import Foundation

/// Folding of free text into comparison keys: names (`matchKey`) and column
/// headings (`headerKey`).
///
/// Survey exports from Kazakhstan spell the same name in Kazakh Cyrillic,
/// Russian-keyboard Cyrillic (ә→а, қ→к …), Kazakh Latin 2021, informal Latin
/// and mixtures of look-alike letters. Both keys are pure functions of their
/// input; callers cache them per distinct value where it matters.
public enum TextFolding {

    /// Folds a name or a short value to a plain Latin key that is equal for
    /// the usual spellings of the same thing: the one folding every matcher
    /// uses (trainers, places, modules, participant groups, `--where` values).
    ///
    /// Compare keys, never raw text: `matchKey(typed) == matchKey(known)`.
    /// Callers that match many cells fold each distinct value once and keep
    /// the key (a few microseconds per value).
    ///
    /// The text is read in canonical decomposition, so NFC and NFD input
    /// (macOS writes `й` as `и` + U+0306) give one key. Words are runs of
    /// letters, digits and combining marks; format characters (zero-width
    /// space and joiners, soft hyphen, BOM, word joiner) vanish even inside a
    /// word; everything else (spaces of any kind, punctuation, quotes,
    /// symbols and emoji) separates words and disappears. Then, per word:
    /// 1. Latin look-alike letters inside a mostly Cyrillic word become
    ///    Cyrillic (`Kарағанды` with a Latin `K`, `Нурлыбaй` with a Latin `a`),
    ///    and vice versa (`Рavlodar` with a Cyrillic `Р`).
    /// 2. Lower case; diacritics dropped (`ū ü ö ä ğ ñ ı İ á ǵ ó ú` → `u u o a g n i i a g o u`),
    ///    except that the Kazakh Latin `у` is `u`: `ý` (2018) and `y'` (2017);
    ///    `ş`/`ç` (and the 2017 apostrophe forms `s'`/`c'`) → `sh`/`ch`; other
    ///    apostrophes dropped.
    /// 3. Kazakh letters to their Russian-keyboard substitutes
    ///    (ә→а ғ→г қ→к ң→н ө→о ұ,ү→у һ→х і→и), then Cyrillic to Latin
    ///    (ж→j, х→h, ш/щ→sh, ч→ch, ц→ts, ю→iu, я→ia, ы/й/и→i, ё/э→e, ъ/ь dropped).
    /// 4. Informal Latin variants made equal: `shch`→`sh`, `zh`→`j`, `dj`/`dzh`→`j`,
    ///    `kh`→`h`, `gh`→`g`, `q`→`k`, `x`→`ks`, `w`→`v`, `y`→`i`, doubled letters
    ///    collapsed, `ie`/`ye`→`e` (so `Yerlan`=`Ерлан`, `Nauryzbayev`=`Наурызбаев`).
    ///
    /// Words are joined by one space, in their original order. Examples:
    /// `Нұрлыбай`, `Нурлыбай`, `Nurlybai`, `Nurlybay`, `Nūrlybai` → `nurlibai`;
    /// `Наурызбаев Н.` → `naurizbaev n`; `Дмитрий`, `Dmitriy`, `Dmitry` → `dmitri`;
    /// `Атырау`, `Atyrau`, `Atyraý`, `Atyray'` → `atirau`.
    /// The key is for comparison only; it is not a transliteration to show anyone.
    /// Affixes (`г.`, `облысы` …) are not removed here: they belong to places.
    ///
    /// - Complexity: O(n) in the length of `text` (one Unicode decomposition plus
    ///   a constant number of linear passes).
    public static func matchKey(_ text: String) -> String {
        matchWords(text).map(\.key).joined(separator: " ")
    }

    /// Folds a column heading to a key for exact synonym lookup.
    ///
    /// Lower case (per Unicode scalar, so `İ` gives `i`), `ё`→`е`, look-alike
    /// letters fixed as in ``matchKey(_:)`` (a Latin `p` inside `Гоpод`), apostrophes
    /// removed (`Trainer's` → `trainers`), and every run of punctuation, symbols
    /// used as separators (`/ | + = < >`) and whitespace (incl. NBSP, BOM and
    /// zero-width characters) collapsed into one space, trimmed at both ends.
    /// Letters keep their script: `Қала / Город` → `қала город`,
    /// `Насколько вероятно, что вы порекомендуете … (0–10)` → `… 0 10`,
    /// `session_date` → `session date`. Other symbols such as `№` are kept.
    ///
    /// - Complexity: O(n) in the length of `header`.
    public static func headerKey(_ header: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for word in scan(header.precomposedStringWithCanonicalMapping) {
            switch word {
            case .separator:
                pendingSpace = !out.isEmpty
            case .word(let scalars):
                if pendingSpace { out.append(" "); pendingSpace = false }
                for s in fixLookAlikes(scalars) where s != "'" {
                    for l in lowercase(s) {
                        out.append(l == "ё" ? "е" : l)
                    }
                }
            }
        }
        return String(out)
    }

    // MARK: - Internal API for the other folders of this feature (Trainers)

    /// One folded word of a name, with what the raw text showed about it.
    struct MatchWord: Equatable, Sendable {
        /// The folded key of the word.
        var key: String
        /// True for an initial: one letter, or two letters followed by a dot (`Н.`, `Zh.`).
        var isInitial: Bool
    }

    /// The folded words of `text`, in order; see ``matchKey(_:)``.
    static func matchWords(_ text: String) -> [MatchWord] {
        let tokens = scan(text.decomposedStringWithCanonicalMapping, forMatching: true)
        var words: [MatchWord] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard case .word(let scalars) = tokens[index] else { continue }
            let fixed = fixLookAlikes(scalars)
            let key = foldWord(fixed)
            if key.isEmpty { continue }
            var letters = 0
            for s in fixed where s.properties.isAlphabetic && !isCombining(s) { letters += 1 }
            var dotted = false
            if index + 1 < tokens.count, case .separator(let sep) = tokens[index + 1] {
                dotted = sep.first == "."
            }
            let initial = letters == 1 || (letters == 2 && dotted)
            words.append(MatchWord(key: key, isInitial: initial))
        }
        return words
    }

    /// Folded words run together into one key, as place names compare
    /// (`Алма-Ата` = `Алма Ата` = `Алмаата`): a letter doubled by the join is
    /// collapsed as ``matchKey(_:)`` collapses it inside a word.
    ///
    /// - Complexity: O(n) in the total length of `words`.
    static func joinedKey(_ words: some Sequence<String>) -> String {
        var out = String.UnicodeScalarView()
        for word in words {
            for s in word.unicodeScalars where out.last != s || s.properties.numericType != nil {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Replaces look-alike letters of the minority script in every word of
    /// `text`, keeping case, punctuation and spacing.
    static func fixingLookAlikes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for token in scan(text, keepApostrophes: true) {
            switch token {
            case .separator(let scalars): out.append(contentsOf: scalars)
            case .word(let scalars): out.append(contentsOf: fixLookAlikes(scalars))
            }
        }
        return String(out)
    }
}

// MARK: - Scanning

private enum FoldToken {
    case word([Unicode.Scalar])
    case separator([Unicode.Scalar])
}

/// Splits into words (letters, digits, combining marks, in-word apostrophes) and separators.
/// Apostrophes stay inside words as `'` (U+0027) unless `keepApostrophes` keeps the original.
/// `forMatching` skips invisible format characters (category Cf: zero-width space and
/// joiners, soft hyphen, BOM, word joiner), so they split no word, and makes symbols
/// (emoji, `№`, `✓`, currency) separators, as they name nothing a value is matched by.
private func scan(_ text: String, keepApostrophes: Bool = false, forMatching: Bool = false) -> [FoldToken] {
    var tokens: [FoldToken] = []
    var word: [Unicode.Scalar] = []
    var sep: [Unicode.Scalar] = []
    for s in text.unicodeScalars {
        var isWord = isWordScalar(s)
        if forMatching, !s.isASCII {
            switch s.properties.generalCategory {
            case .format: continue
            case .otherSymbol, .currencySymbol: isWord = false
            default: break
            }
        }
        if isWord {
            if !sep.isEmpty { tokens.append(.separator(sep)); sep.removeAll(keepingCapacity: true) }
            word.append(s)
        } else if isApostrophe(s), !word.isEmpty {
            word.append(keepApostrophes ? s : "'")
        } else {
            if !word.isEmpty { tokens.append(.word(word)); word.removeAll(keepingCapacity: true) }
            sep.append(s)
        }
    }
    if !word.isEmpty { tokens.append(.word(word)) }
    if !sep.isEmpty { tokens.append(.separator(sep)) }
    return tokens
}

private func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    if s.isASCII {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .decimalNumber, .letterNumber, .otherNumber,
         .nonspacingMark, .spacingMark, .enclosingMark,
         .otherSymbol, .currencySymbol:
        // U+02BC MODIFIER LETTER APOSTROPHE is a letter by category; treat it as an apostrophe.
        return !isApostrophe(s)
    default:
        return false
    }
}

private func isApostrophe(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x02B9, 0x02BB, 0x2032: return true
    default: return false
    }
}

private func isCombining(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
}

private func lowercase(_ s: Unicode.Scalar) -> String.UnicodeScalarView {
    if s.isASCII {
        if s.value >= 0x41 && s.value <= 0x5A {
            return String.UnicodeScalarView([Unicode.Scalar(s.value + 0x20)!])
        }
        return String.UnicodeScalarView([s])
    }
    if s == "\u{0130}" { return String.UnicodeScalarView(["i"]) } // İ: no combining dot
    return s.properties.lowercaseMapping.unicodeScalars
}

// MARK: - Look-alike letters

/// Latin letters that look like Cyrillic ones, both cases.
private let latinToCyrillic: [Unicode.Scalar: Unicode.Scalar] = [
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "I": "І",
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і",
    "h": "һ", "k": "к",
    "\u{018F}": "Ә", "\u{0259}": "ә", // Latin schwa
]

/// Cyrillic letters that look like Latin ones, both cases.
private let cyrillicToLatin: [Unicode.Scalar: Unicode.Scalar] = [
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
    "Р": "P", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ү": "Y",
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i",
    "һ": "h", "ү": "y", "ј": "j", "ѕ": "s",
    "Ә": "\u{018F}", "ә": "\u{0259}",
]

private enum Script { case latin, cyrillic, other }

private func script(of s: Unicode.Scalar) -> Script {
    let v = s.value
    if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x2AF && v != 0xD7 && v != 0xF7) {
        return .latin
    }
    if (v >= 0x400 && v <= 0x52F) || (v >= 0x1C80 && v <= 0x1C8F) || (v >= 0x2DE0 && v <= 0x2DFF) || (v >= 0xA640 && v <= 0xA69F) {
        return .cyrillic
    }
    return .other
}

/// Rewrites the look-alike letters of the minority script in one word.
private func fixLookAlikes(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var latinStrong = 0, cyrillicStrong = 0, latinAll = 0, cyrillicAll = 0
    for s in word {
        switch script(of: s) {
        case .latin:
            latinAll += 1
            if latinToCyrillic[s] == nil { latinStrong += 1 }
        case .cyrillic:
            cyrillicAll += 1
            if cyrillicToLatin[s] == nil { cyrillicStrong += 1 }
        case .other:
            break
        }
    }
    guard latinAll > 0, cyrillicAll > 0 else { return word }
    let target: Script
    if cyrillicStrong != latinStrong {
        target = cyrillicStrong > latinStrong ? .cyrillic : .latin
    } else if cyrillicAll != latinAll {
        target = cyrillicAll > latinAll ? .cyrillic : .latin
    } else {
        return word
    }
    let table = target == .cyrillic ? latinToCyrillic : cyrillicToLatin
    return word.map { table[$0] ?? $0 }
}

// MARK: - Name folding

/// Latin spelling of one lower-case letter, before the informal-variant pass.
private func latinSpelling(_ s: Unicode.Scalar) -> String? {
    switch s {
    // Russian alphabet
    case "а": return "a"
    case "б": return "b"
    case "в": return "v"
    case "г": return "g"
    case "д": return "d"
    case "е", "ё", "э", "є": return "e"
    case "ж": return "j"
    case "з": return "z"
    case "и", "й", "ы", "і", "ї": return "i"
    case "к": return "k"
    case "л": return "l"
    case "м": return "m"
    case "н": return "n"
    case "о": return "o"
    case "п": return "p"
    case "р": return "r"
    case "с", "ѕ": return "s"
    case "т": return "t"
    case "у", "ў": return "u"
    case "ф": return "f"
    case "х", "һ": return "h"
    case "ц": return "ts"
    case "ч": return "ch"
    case "ш", "щ": return "sh"
    case "ъ", "ь": return ""
    case "ю": return "iu"
    case "я": return "ia"
    // Kazakh letters: first to the Russian-keyboard substitute, then as above
    case "ә": return "a"
    case "ғ", "ґ": return "g"
    case "қ": return "k"
    case "ң": return "n"
    case "ө": return "o"
    case "ұ", "ү": return "u"
    case "ј": return "j"
    // Latin letters that fold
    case "q": return "k"
    case "x": return "ks"
    case "w": return "v"
    case "y": return "i"
    case "\u{0131}": return "i"       // dotless ı (Latin 2021 і)
    case "\u{0259}": return "a"       // ə
    case "\u{0275}", "ø": return "o"  // ɵ (old Latin ө), ø
    case "ß": return "ss"
    case "æ": return "ae"
    case "ł": return "l"
    case "đ": return "d"
    default: return nil
    }
}

/// Folds one word (already look-alike fixed, decomposed) to its key.
private func foldWord(_ word: [Unicode.Scalar]) -> String {
    var chars: [Unicode.Scalar] = []
    chars.reserveCapacity(word.count + 4)
    for raw in kazakhLatinU(word) {
        if raw == "'" || raw == "\u{0327}" {
            // Cedilla (ş ç decompose to s/c + U+0327) and the 2017 apostrophe forms s' c'.
            if let last = chars.last, last == "s" || last == "c" { chars.append("h") }
            continue
        }
        if isCombining(raw) { continue }
        for s in lowercase(raw) {
            if isCombining(s) { continue }
            if let spelled = latinSpelling(s) {
                chars.append(contentsOf: spelled.unicodeScalars)
            } else {
                chars.append(s)
            }
        }
    }
    chars = replacing(chars, ["s", "h", "c", "h"], with: ["s", "h"])
    chars = replacing(chars, ["z", "h"], with: ["j"])
    chars = replacing(chars, ["d", "j"], with: ["j"])
    chars = replacing(chars, ["k", "h"], with: ["h"])
    chars = replacing(chars, ["g", "h"], with: ["g"])
    chars = collapsingDoubles(chars)
    chars = replacing(chars, ["i", "e"], with: ["e"])
    chars = collapsingDoubles(chars)
    var out = String.UnicodeScalarView()
    out.append(contentsOf: chars)
    return String(out)
}

/// The Kazakh Latin letter for `у` written as `u`: `ý` of the 2018 alphabet
/// (decomposed: `y` + U+0301) and `y'` of the 2017 one. Without this they
/// would fold like `y` (`ы`), and `Atyraý` would miss `Атырау`.
private func kazakhLatinU(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard word.contains(where: { $0 == "y" || $0 == "Y" }) else { return word }
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(word.count)
    var i = 0
    while i < word.count {
        let s = word[i]
        if s == "y" || s == "Y", i + 1 < word.count, word[i + 1] == "\u{0301}" || word[i + 1] == "'" {
            out.append(s == "y" ? "u" : "U")
            i += 2
        } else {
            out.append(s)
            i += 1
        }
    }
    return out
}

private func replacing(_ chars: [Unicode.Scalar], _ pattern: [Unicode.Scalar], with replacement: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard chars.count >= pattern.count else { return chars }
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(chars.count)
    var i = 0
    while i < chars.count {
        if i + pattern.count <= chars.count, chars[i] == pattern[0], chars[i..<(i + pattern.count)].elementsEqual(pattern) {
            out.append(contentsOf: replacement)
            i += pattern.count
        } else {
            out.append(chars[i])
            i += 1
        }
    }
    return out
}

private func collapsingDoubles(_ chars: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(chars.count)
    for c in chars where out.last != c || c.properties.numericType != nil {
        out.append(c)
    }
    return out
}
