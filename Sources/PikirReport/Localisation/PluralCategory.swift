/// A CLDR plural category: which form of a counted noun a number takes.
///
/// Only whole counts are ever pluralised, so the rules below are CLDR's for
/// integers (the operand `n` with no visible fraction digits):
///
/// - Russian: `one` when n % 10 = 1 and n % 100 ≠ 11 (1, 21, 101: «ответ»);
///   `few` when n % 10 is 2…4 and n % 100 is not 12…14 (2, 22: «ответа»);
///   `many` otherwise (0, 5, 11, 12, 14, 25, 111, 1000: «ответов»). `other`
///   is CLDR's category for fractions («1,5 ответа»); catalogues must carry
///   it, integers never select it.
/// - Kazakh: `one` for 1, `other` otherwise. A Kazakh noun after a numeral
///   stays singular («21 жауап»), so both forms are usually the same text.
/// - English: `one` for 1, `other` otherwise (0 answers, 2 answers).
///
/// Negative counts take the category of their magnitude, as in CLDR.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other

    /// The category of the whole number `count` in `language`.
    ///
    /// - Complexity: O(1).
    public static func of(_ count: Int, language: Language) -> PluralCategory {
        let n = count.magnitude
        switch language {
        case .ru:
            let mod10 = n % 10, mod100 = n % 100
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case .kk, .en:
            return n == 1 ? .one : .other
        }
    }

    /// The categories a catalogue entry in `language` must have, in CLDR order.
    public static func categories(of language: Language) -> [PluralCategory] {
        switch language {
        case .ru: [.one, .few, .many, .other]
        case .kk, .en: [.one, .other]
        }
    }
}

/// A count with its noun in the form the count takes, for pikir's messages
/// (which are in English; reports use `Catalogue.plural` in their language).
public enum Counted {
    /// `english(1, "file")` is "1 file", `english(0, "file")` "0 files",
    /// `english(2, "personal-data item")` "2 personal-data items".
    /// - Parameter plural: For a noun whose plural is not the singular + "s".
    public static func english(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (PluralCategory.of(count, language: .en) == .one ? noun : plural ?? noun + "s")
    }
}
