/// Personal data in any text read from an export → placeholders, before
/// anything is stored or derived from it.
///
/// Three kinds are redacted, each replaced by a fixed token:
/// - `[IIN]`: an IIN or BIN (ЖСН / ИИН / БСН / БИН), any run of exactly 12
///   digits not touching another digit (`950315300019`), whether or not its
///   check digit is right (a mistyped IIN is still personal data). Also the
///   grouped forms whose 12 digits read as `YYMMDD C…` (month 01–12, day
///   01–31, century digit 0–6), groups joined by one space, NBSP or hyphen:
///   a date group of six then the rest in any groups (`950315 300019`,
///   `950315-3-0001-9`), or groups of 2–6 digits (`9503 1530 0019`,
///   `95 03 15 30 00 19`; with a group of two, only when no other number is
///   joined to them, so `8 10 12 15 20 25 30` stays). A list of years
///   (`2019 2020 2021`, `2010 2011 2012`) is not an IIN.
/// - `[PHONE]`: Kazakh and Russian numbers of the +7 plan: `+7 701 234 5678`,
///   `87012345678`, `8 (701) 234-56-78`, `+7(727)2501234`, `8 7172 55-66-77`,
///   `7 701 …`, and the 10-digit national number without a prefix when it
///   starts with 7 or 9 (`(701) 234-56-78`, `7172 55 66 77`). Groups may be
///   separated by spaces, hyphens, dashes and brackets.
/// - `[EMAIL]`: `local@domain.tld`; local part and domain may hold letters and
///   digits of any script (`иван@mail.ru`, `Айгерім.Жұмабекова@почта.қаз`), the
///   last label at least two letters.
///
/// A digit is any Unicode decimal digit: full-width `９５０３…` counts as `9503…`.
///
/// Never touched: dates (`05.11.2024`, `2024-11-05`), times, decimals,
/// years, scores and short counts (`40 participants`, `2 days`), 7-digit
/// city numbers without an area code, and digit runs longer than 12.
///
/// A whole CSV line redacts to the same tokens as its cells one by one: no
/// delimiter (`,` `;` TAB `|`) or quote joins digit groups or an address.
public enum Redaction {
    /// A redacted text and how many items of each kind were replaced.
    public struct RedactionResult: Sendable, Equatable {
        /// The text with personal data replaced by `[IIN]`, `[PHONE]`, `[EMAIL]`.
        public var text: String
        /// How many IINs/BINs were replaced.
        public var iins: Int
        /// How many phone numbers were replaced.
        public var phones: Int
        /// How many e-mail addresses were replaced.
        public var emails: Int

        /// Creates a result from the redacted text and the counts.
        ///
        /// - Complexity: O(1).
        public init(text: String, iins: Int = 0, phones: Int = 0, emails: Int = 0) {
            self.text = text
            self.iins = iins
            self.phones = phones
            self.emails = emails
        }

        /// All replacements together.
        public var total: Int { iins + phones + emails }
    }

    /// The token that replaces an IIN or BIN.
    public static let iinToken = "[IIN]"
    /// The token that replaces a phone number.
    public static let phoneToken = "[PHONE]"
    /// The token that replaces an e-mail address.
    public static let emailToken = "[EMAIL]"

    /// The three tokens.
    public static let tokens = [iinToken, phoneToken, emailToken]

    /// Replaces IINs/BINs, phone numbers and e-mail addresses in a text.
    ///
    /// E-mail addresses are replaced first, so digits inside an address are
    /// never read as a phone. Then digit groups are read left to right: a
    /// 12-digit run becomes `[IIN]`, a +7-plan phone number `[PHONE]`, a
    /// grouped IIN `[IIN]`; everything else is copied byte for byte,
    /// including line breaks, spacing and delimiters. See the type's
    /// documentation for the exact forms.
    ///
    /// - Parameter text: A cell, a header or a whole line of an export.
    /// - Returns: The redacted text and the number of replacements per kind.
    /// - Complexity: O(n) in the UTF-8 length of the text. Text without a
    ///   chain of ten digits and without `@` is returned at once without copying.
    public static func redact(_ text: String) -> RedactionResult {
        let found = text.utf8.withContiguousStorageIfAvailable { redacted(UnsafeRawBufferPointer($0)) }
            ?? Array(text.utf8).withUnsafeBytes { redacted($0) }
        return found ?? RedactionResult(text: text)
    }

    /// Redacts a text; same rules as `redact(_:)` for a `String`.
    ///
    /// - Complexity: O(n) in the UTF-8 length of the text.
    public static func redact(_ text: Substring) -> RedactionResult {
        redact(String(text))
    }

    /// Redacts UTF-8 bytes (a cell as the reader delivers it): nil when they
    /// hold nothing to redact, so the caller can use the bytes as they are.
    ///
    /// - Complexity: O(n) in the number of bytes; no allocation when nil.
    public static func redacted(_ bytes: UnsafeRawBufferPointer) -> RedactionResult? {
        guard RedactionPreCheck.mayHoldPersonalData(bytes) else { return nil }
        var result = RedactionResult(text: "")
        let withoutEmails = EmailScanner.redact(bytes, count: &result.emails)
        let withoutNumbers = if let withoutEmails {
            withoutEmails.withUnsafeBytes { NumberScanner.redact($0, iins: &result.iins, phones: &result.phones) }
        } else {
            NumberScanner.redact(bytes, iins: &result.iins, phones: &result.phones)
        }
        guard let out = withoutNumbers ?? withoutEmails else { return nil }
        result.text = String(decoding: out, as: UTF8.self)
        return result
    }

    /// The text with every placeholder replaced by a space: what is left of
    /// the participant's own words (the tokens are Latin, and would otherwise
    /// count as English in language detection).
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func removingTokens(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x5B) else { return text }  // no [
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        scan: while i < bytes.count {
            if bytes[i] == 0x5B {
                for token in tokenBytes where bytes[i...].starts(with: token) {
                    out.append(0x20)
                    i += token.count
                    continue scan
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let tokenBytes = tokens.map { Array($0.utf8) }

    /// Whether a 12-digit string passes the official IIN/BIN check digit.
    ///
    /// The check digit is `s = Σ dᵢ·i mod 11` over the first 11 digits with
    /// weights 1…11; if `s` is 10 it is recomputed with weights
    /// 3,4,5,6,7,8,9,10,11,1,2; if that is 10 again the number is never
    /// issued (invalid). Only the checksum is checked, not the date or
    /// century digit, so BINs pass too. Anything but exactly 12 ASCII digits
    /// (spaces and hyphens included) is invalid.
    ///
    /// Redaction does not depend on this: every 12-digit run is redacted.
    ///
    /// - Parameter text: The candidate, such as `950315300019`.
    /// - Returns: True when the last digit matches the checksum.
    /// - Complexity: O(n) in the length of the text (at most 12 digits read).
    public static func isValidIIN(_ text: some StringProtocol) -> Bool {
        var d: [Int] = []
        d.reserveCapacity(12)
        for b in text.utf8 {
            guard b &- 0x30 < 10, d.count < 12 else { return false }
            d.append(Int(b &- 0x30))
        }
        guard d.count == 12 else { return false }
        var s = 0
        for i in 0..<11 { s += d[i] * (i + 1) }
        s %= 11
        if s == 10 {
            let w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
            s = 0
            for i in 0..<11 { s += d[i] * w[i] }
            s %= 11
            if s == 10 { return false }
        }
        return s == d[11]
    }
}
