/// Personal data in free-text comments → placeholders, before anything is stored.
///
/// Three kinds are redacted, each replaced by a fixed token:
/// - `[IIN]`: an IIN or BIN (ЖСН / ИИН / БСН / БИН), any run of exactly 12
///   digits not touching another digit (`950315300019`), whether or not its
///   check digit is right (a mistyped IIN is still personal data). Also the
///   grouped forms `950315 300019`, `950315-3-0001-9`: a 6-digit group that
///   reads as a date `YYMMDD` followed by single-space or single-hyphen groups
///   totalling exactly 6 more digits. Other groupings (`9503 1530 0019`) are
///   left alone: they are indistinguishable from lists of years.
/// - `[PHONE]`: Kazakh and Russian numbers of the +7 plan: `+7 701 234 5678`,
///   `87012345678`, `8 (701) 234-56-78`, `+7(727)2501234`, `8 7172 55-66-77`,
///   `7 701 …`, and the 10-digit national number without a prefix when it
///   starts with 7 or 9 (`(701) 234-56-78`, `7172 55 66 77`). Groups may be
///   separated by spaces, hyphens, dashes and brackets.
/// - `[EMAIL]`: `local@domain.tld` with an ASCII local part and domain.
///
/// Never touched: dates (`05.11.2024`, `2024-11-05`), times, decimals,
/// years, scores and short counts (`40 participants`, `2 days`), 7-digit
/// city numbers without an area code, and digit runs longer than 12.
public enum Redaction {
    /// A redacted comment and how many items of each kind were replaced.
    public struct RedactionResult: Sendable, Equatable {
        /// The comment with personal data replaced by `[IIN]`, `[PHONE]`, `[EMAIL]`.
        public var text: String
        /// How many IINs/BINs (12-digit runs) were replaced.
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

    /// Replaces IINs/BINs, phone numbers and e-mail addresses in a comment.
    ///
    /// E-mail addresses are replaced first, so digits inside an address are
    /// never read as a phone. Then digit groups are read left to right: a
    /// 12-digit run (or a grouped IIN) becomes `[IIN]`, a +7-plan phone
    /// number becomes `[PHONE]`; everything else is copied unchanged,
    /// including line breaks and spacing. See the type's documentation for
    /// the exact forms.
    ///
    /// - Parameter text: A free-text cell.
    /// - Returns: The redacted text and the number of replacements per kind.
    /// - Complexity: O(n) in the UTF-8 length of the text. Text without any
    ///   ASCII digit or `@` is returned at once without copying.
    public static func redact(_ text: String) -> RedactionResult {
        let candidate = text.utf8.withContiguousStorageIfAvailable {
            Scanner.mayHoldPersonalData(UnsafeRawBufferPointer($0))
        } ?? Array(text.utf8).withUnsafeBytes { Scanner.mayHoldPersonalData($0) }
        guard let candidate else { return RedactionResult(text: text) }
        let (hasDigit, hasAt) = candidate

        var bytes = Array(text.utf8)
        var result = RedactionResult(text: "")
        if hasAt {
            bytes = Scanner.redactEmails(bytes, count: &result.emails)
        }
        if hasDigit {
            bytes = Scanner.redactNumbers(bytes, iins: &result.iins, phones: &result.phones)
        }
        result.text = result.total == 0 ? text : String(decoding: bytes, as: UTF8.self)
        return result
    }

    /// Redacts a comment; same rules as `redact(_:)` for a `String`.
    ///
    /// - Complexity: O(n) in the UTF-8 length of the text.
    public static func redact(_ text: Substring) -> RedactionResult {
        redact(String(text))
    }

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

extension Redaction {
    /// Byte-level scanning; nested so no name leaves this file.
    fileprivate enum Scanner {
        static let iin = Array(Redaction.iinToken.utf8)
        static let phone = Array(Redaction.phoneToken.utf8)
        static let email = Array(Redaction.emailToken.utf8)

        @inline(__always)
        static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

        @inline(__always)
        static func isAlnum(_ b: UInt8) -> Bool {
            b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
        }

        // MARK: Pre-check

        /// Whether the text could hold anything to redact: `nil` when it has
        /// no `@` and no chain of at least 10 digits (digit groups joined by
        /// at most three separator characters, as `run(_:from:)` reads them),
        /// since every IIN (12 digits) and phone number (10 or 11) is such a
        /// chain. Otherwise whether it has a digit and whether it has an `@`.
        ///
        /// - Complexity: O(n), one pass over the bytes, no allocation.
        static func mayHoldPersonalData(_ p: UnsafeRawBufferPointer) -> (hasDigit: Bool, hasAt: Bool)? {
            let n = p.count
            var hasDigit = false
            var chain = 0  // digits in the current chain
            var gap = 0  // separator characters since the chain's last digit
            var longChain = false
            var i = 0
            while i < n {
                if chain == 0 {
                    // Eight bytes at a time until one may be a digit or an @.
                    while i + 8 <= n, !mayHoldDigitOrAt(p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                        i += 8
                    }
                    if i == n { break }
                }
                let b = p[i]
                if b &- 0x30 < 10 {
                    hasDigit = true
                    chain += 1
                    gap = 0
                    if chain >= 10 { longChain = true }
                    i += 1
                    continue
                }
                if b == 0x40 {
                    // An @: the e-mail pass runs; say whether a digit is anywhere.
                    if !hasDigit {
                        var j = i + 1
                        while j < n, p[j] &- 0x30 >= 10 { j += 1 }
                        hasDigit = j < n
                    }
                    return (hasDigit, true)
                }
                if chain > 0 {
                    let length = separatorLength(p, i)
                    if length > 0 && gap < 3 {
                        gap += 1
                        i += length
                        continue
                    }
                    chain = 0
                    gap = 0
                }
                i += 1
            }
            return longChain ? (true, false) : nil
        }

        /// Whether any of the eight bytes is in 0x30…0x40 (`0`–`9`, `:;<=>?`, `@`);
        /// bytes with the high bit set never are (SWAR "has byte between").
        @inline(__always)
        static func mayHoldDigitOrAt(_ x: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let low = x & (ones &* 0x7F)
            // High bit of a byte set in the first factor when low < 0x41, in the
            // last when low > 0x2F; ~x drops bytes ≥ 0x80.
            return ((ones &* (127 + 0x41)) &- low) & ~x & (low &+ ones &* (127 - 0x2F)) & (ones &* 0x80) != 0
        }

        /// Length of a separator character at `i`, as `separator(_:_:)` reads it, or 0.
        @inline(__always)
        static func separatorLength(_ p: UnsafeRawBufferPointer, _ i: Int) -> Int {
            switch p[i] {
            case 0x20, 0x2D, 0x28, 0x29: return 1
            case 0xC2 where i + 1 < p.count && p[i + 1] == 0xA0: return 2
            case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80:
                switch p[i + 2] {
                case 0xAF, 0x91, 0x93, 0x94: return 3
                default: return 0
                }
            default: return 0
            }
        }

        // MARK: E-mail

        static func isLocal(_ b: UInt8) -> Bool {
            isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D  // . _ % + -
        }

        static func isDomain(_ b: UInt8) -> Bool {
            isAlnum(b) || b == 0x2E || b == 0x2D  // . -
        }

        static func redactEmails(_ s: [UInt8], count: inout Int) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            var copied = 0  // s[..<copied] is already in out
            var i = 0
            while i < s.count {
                guard s[i] == 0x40 else {
                    i += 1
                    continue
                }
                // Local part: back from the @, not before what is already copied.
                var start = i
                while start > copied, isLocal(s[start - 1]) { start -= 1 }
                while start < i, s[start] == 0x2E { start += 1 }  // no leading dot
                // Domain: forward from the @; trailing dots and hyphens are punctuation.
                var end = i + 1
                while end < s.count, isDomain(s[end]) { end += 1 }
                while end > i + 1, s[end - 1] == 0x2E || s[end - 1] == 0x2D { end -= 1 }
                if start < i, validDomain(s[(i + 1)..<end]) {
                    out.append(contentsOf: s[copied..<start])
                    out.append(contentsOf: email)
                    count += 1
                    copied = end
                    i = end
                } else {
                    i += 1
                }
            }
            if count == 0 { return s }
            out.append(contentsOf: s[copied...])
            return out
        }

        /// `label(.label)+` with a final label of at least two letters.
        static func validDomain(_ d: ArraySlice<UInt8>) -> Bool {
            guard !d.isEmpty, d.first != 0x2E, d.first != 0x2D else { return false }
            guard let lastDot = d.lastIndex(of: 0x2E) else { return false }
            let tld = d[(lastDot + 1)...]
            guard tld.count >= 2, tld.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) else { return false }
            var previous: UInt8 = 0
            for b in d {
                if b == 0x2E, previous == 0x2E { return false }
                previous = b
            }
            return true
        }

        // MARK: Digits

        /// One maximal run of ASCII digits and what sits just before it.
        struct Group {
            var start: Int
            var end: Int
            /// Separator characters between the previous group and this one
            /// (0 for the first group of a run).
            var gap: Int
            /// The gap is exactly one space, NBSP or hyphen.
            var simpleGap: Bool
            var count: Int { end - start }
        }

        /// Length of a separator character at `i` (space, NBSP, narrow NBSP,
        /// hyphen, non-breaking hyphen, en/em dash, brackets), or 0.
        /// `simple` says whether it may join the groups of a written IIN.
        @inline(__always)
        static func separator(_ s: [UInt8], _ i: Int) -> (length: Int, simple: Bool) {
            let b = s[i]
            switch b {
            case 0x20, 0x2D: return (1, true)
            case 0x28, 0x29: return (1, false)
            case 0xC2 where i + 1 < s.count && s[i + 1] == 0xA0: return (2, true)
            case 0xE2 where i + 2 < s.count && s[i + 1] == 0x80:
                switch s[i + 2] {
                case 0xAF, 0x91: return (3, true)  // narrow NBSP, non-breaking hyphen
                case 0x93, 0x94: return (3, false)  // en dash, em dash
                default: return (0, false)
                }
            default: return (0, false)
            }
        }

        /// Reads the run of digit groups starting at the digit `i`: groups
        /// joined by at most three separator characters.
        static func run(_ s: [UInt8], from i: Int) -> [Group] {
            var groups: [Group] = []
            var pos = i
            var gap = 0
            var simpleGap = false
            while true {
                let start = pos
                while pos < s.count, isDigit(s[pos]) { pos += 1 }
                groups.append(Group(start: start, end: pos, gap: gap, simpleGap: simpleGap))
                // Look for the next group within three separator characters.
                var j = pos
                var chars = 0
                var simple = true
                while j < s.count, chars < 3 {
                    let (len, isSimple) = separator(s, j)
                    if len == 0 { break }
                    simple = simple && isSimple
                    j += len
                    chars += 1
                }
                guard chars > 0, j < s.count, isDigit(s[j]) else { break }
                gap = chars
                simpleGap = simple && chars == 1
                pos = j
            }
            return groups
        }

        enum Kind { case iin, phone }

        /// A match over groups `g[i...j]`.
        static func match(_ s: [UInt8], _ g: [Group], at i: Int) -> (kind: Kind, last: Int)? {
            if let j = iinMatch(s, g, at: i) { return (.iin, j) }
            if let j = phoneMatch(s, g, at: i) { return (.phone, j) }
            return nil
        }

        static func iinMatch(_ s: [UInt8], _ g: [Group], at i: Int) -> Int? {
            if g[i].count == 12 { return i }
            guard g[i].count == 6, looksLikeDate(s, g[i].start) else { return nil }
            var total = 0
            var j = i + 1
            while j < g.count, j <= i + 3, g[j].simpleGap {
                total += g[j].count
                if total == 6 { return j }
                if total > 6 { return nil }
                j += 1
            }
            return nil
        }

        /// The six digits at `p` read as YYMMDD with a month 01–12 and day 01–31.
        static func looksLikeDate(_ s: [UInt8], _ p: Int) -> Bool {
            let month = Int(s[p + 2] &- 0x30) * 10 + Int(s[p + 3] &- 0x30)
            let day = Int(s[p + 4] &- 0x30) * 10 + Int(s[p + 5] &- 0x30)
            return (1...12).contains(month) && (1...31).contains(day)
        }

        /// First digit of the national number: Kazakh 7xx, Russian 3xx/4xx/8xx/9xx.
        static func isNationalStart(_ b: UInt8) -> Bool {
            b == 0x37 || b == 0x39 || b == 0x33 || b == 0x34 || b == 0x38
        }

        static func phoneMatch(_ s: [UInt8], _ g: [Group], at i: Int) -> Int? {
            let plus = g[i].start > 0 && s[g[i].start - 1] == 0x2B
            let first = s[g[i].start]
            // Prefixed form: 7/8 (or +7) and 10 national digits.
            if first == 0x37 || (first == 0x38 && !plus) {
                if let j = span(g, from: i, digits: 11), prefixedShape(s, g, i, j) { return j }
            }
            // National form without a prefix: 10 digits starting 7 or 9.
            if !plus, first == 0x37 || first == 0x39 {
                if let j = span(g, from: i, digits: 10), nationalShape(g, i, j) { return j }
            }
            return nil
        }

        /// The last group `j` such that `g[i...j]` holds exactly `digits` digits.
        static func span(_ g: [Group], from i: Int, digits: Int) -> Int? {
            var total = 0
            var j = i
            while j < g.count {
                total += g[j].count
                if total == digits { return j }
                if total > digits { return nil }
                j += 1
            }
            return nil
        }

        static func prefixedShape(_ s: [UInt8], _ g: [Group], _ i: Int, _ j: Int) -> Bool {
            let head = g[i].count
            let national: UInt8
            switch head {
            case 11:
                national = s[g[i].start + 1]
            case 4, 5:  // prefix and area code written together: 8701 234 56 78
                national = s[g[i].start + 1]
                guard tailShape(g, i + 1, j) else { return false }
            case 1:  // prefix alone: 8 (701) 234-56-78, +7 701 234 5678
                guard j > i, [3, 4, 5, 10].contains(g[i + 1].count) else { return false }
                national = s[g[i + 1].start]
                guard tailShape(g, i + 2, j) else { return false }
            default:
                return false
            }
            return isNationalStart(national)
        }

        static func nationalShape(_ g: [Group], _ i: Int, _ j: Int) -> Bool {
            switch g[i].count {
            case 10: return true
            case 3, 4: return tailShape(g, i + 1, j)
            default: return false
            }
        }

        /// Subscriber groups: two to seven digits each.
        static func tailShape(_ g: [Group], _ from: Int, _ to: Int) -> Bool {
            guard from <= to else { return true }
            for k in from...to where !(2...7).contains(g[k].count) { return false }
            return true
        }

        static func redactNumbers(_ s: [UInt8], iins: inout Int, phones: inout Int) -> [UInt8] {
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            var changed = false
            while i < s.count {
                guard isDigit(s[i]) else {
                    i += 1
                    continue
                }
                let groups = run(s, from: i)
                var k = 0
                while k < groups.count {
                    guard let m = match(s, groups, at: k) else {
                        k += 1
                        continue
                    }
                    var start = groups[k].start
                    if m.kind == .phone, start > 0, s[start - 1] == 0x2B || s[start - 1] == 0x28 {
                        start -= 1  // the + of +7, or the ( of (701)
                    }
                    if !changed {
                        out.reserveCapacity(s.count)
                        changed = true
                    }
                    out.append(contentsOf: s[copied..<start])
                    if m.kind == .iin {
                        out.append(contentsOf: iin)
                        iins += 1
                    } else {
                        out.append(contentsOf: phone)
                        phones += 1
                    }
                    copied = groups[m.last].end
                    k = m.last + 1
                }
                i = groups[groups.count - 1].end
            }
            if !changed { return s }
            out.append(contentsOf: s[copied...])
            return out
        }
    }
}
