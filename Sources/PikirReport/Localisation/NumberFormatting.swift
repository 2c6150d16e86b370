/// Numbers written the way each language writes them, without Foundation's
/// locale-dependent formatters, so a report is byte-identical on every machine.
///
/// The rules, one per language:
///
/// | | kk, ru | en |
/// |---|---|---|
/// | decimal separator | `,` (4,25) | `.` (4.25) |
/// | thousands separator | U+00A0 NO-BREAK SPACE (1 234,5) | `,` (1,234.5) |
/// | grouping | from 4 integer digits: 1 234, 12 345 | from 4: 1,234 |
/// | minus | U+2212 MINUS SIGN (−0,12) | U+2212 (−0.12) |
/// | percent | U+00A0 before `%` (81 %) | none (81%) |
/// | interval | `4,12 … 4,56`, `−25 … −2` | `4.12 … 4.56`, `−25 … −2` |
///
/// - Grouping starts at 4 digits in all three languages (CLDR's rule for
///   them). Russian book typography leaves 4-digit numbers unspaced, but
///   spaces them in tables whose columns hold larger numbers; a report cell
///   does not know its neighbours, so we always group and columns line up.
///   Years are not numbers in this sense: `date` and `monthYear` print them
///   as plain digits, and `{year}` arguments should be `String(year)`.
/// - The minus is U+2212, the typographic minus, in every language: it has
///   the width of `+` and of a digit, so signed columns align, and it cannot
///   break a line as a hyphen can.
/// - Rounding is half away from zero on the decimal number Swift prints for
///   the `Double` (its shortest round-trip digits), so 2.675 shows as 2,68
///   although its binary value is a hair below. A value that rounds to zero
///   shows without a sign (−0.004 → 0,00, never −0,00).
/// - NaN shows as `—` (U+2014 EM DASH); infinities as `∞` and `−∞`.
/// - An interval's ends are joined by `…` between two U+00A0 NO-BREAK
///   SPACEs, in every language and whatever the signs. A dash between ends
///   that may be negative reads as a minus (`−25–−2`), and words do not
///   work in all three languages: Kazakh would need case endings that
///   depend on how each number is pronounced (−25-тен −2-ге дейін). The
///   ellipsis is how Russian (and Kazakh) typography writes a range of
///   signed numbers, English readers know it from ranges, and one shape for
///   every interval keeps a column uniform. The no-break spaces keep an
///   interval on one line in a table cell, in HTML, PDF and text alike.
extension Catalogue {
    /// `x` with exactly `decimals` digits after the separator (negative
    /// `decimals` count as 0): kk/ru `4,25`, `1 234,5`; en `4.25`, `1,234.5`.
    ///
    /// - Complexity: O(d + decimals), d the number of digits of `x`.
    public func number(_ x: Double, decimals: Int) -> String {
        guard let decimal = DecimalDigits(x) else { return Self.nonFinite(x) }
        let (negative, body, _) = format(decimal, decimals: decimals)
        return (negative ? Self.minus : "") + body
    }

    /// A whole number grouped by thousands: kk/ru `1 234` (U+00A0), en `1,234`; `−5`.
    ///
    /// - Complexity: O(digits).
    public func integer(_ n: Int) -> String {
        let digits = Array(String(n.magnitude).utf8).map { $0 - UInt8(ascii: "0") }
        return (n < 0 ? Self.minus : "") + grouped(digits)
    }

    /// A share from 0 to 1 as a percentage with `decimals` digits: kk/ru
    /// `81 %` (U+00A0 before the sign, as Russian and Kazakh typography and
    /// CLDR write it), en `81%`. The share is multiplied by 100 exactly, on its
    /// decimal digits, so 0.285 is 28,5 % and rounds to 29 %.
    public func percent(_ share: Double, decimals: Int = 0) -> String {
        guard var decimal = DecimalDigits(share) else { return Self.nonFinite(share) }
        decimal.exponent += 2
        let (negative, body, _) = format(decimal, decimals: decimals)
        let sign = language == .en ? "%" : "\u{A0}%"
        return (negative ? Self.minus : "") + body + sign
    }

    /// An interval from `low` to `high`, each written as `number` writes it:
    /// `4,12 … 4,56`, `−25 … −2` (U+00A0 around U+2026).
    public func interval(_ low: Double, _ high: Double, decimals: Int) -> String {
        number(low, decimals: decimals) + Self.intervalJoin + number(high, decimals: decimals)
    }

    /// U+00A0 U+2026 U+00A0: between an interval's ends.
    static let intervalJoin = "\u{A0}\u{2026}\u{A0}"

    /// A change with its sign: `+0,12`, `−0,12` (U+2212); a change that rounds
    /// to zero has no sign (`0,00`).
    public func signed(_ x: Double, decimals: Int) -> String {
        guard let decimal = DecimalDigits(x) else {
            return x == .infinity ? "+∞" : Self.nonFinite(x)
        }
        let (negative, body, isZero) = format(decimal, decimals: decimals)
        if isZero { return body }
        return (negative ? Self.minus : "+") + body
    }

    /// U+2212 MINUS SIGN.
    static let minus = "\u{2212}"

    static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "—" : (x < 0 ? minus + "∞" : "∞")
    }

    var decimalSeparator: String { language == .en ? "." : "," }
    var groupSeparator: String { language == .en ? "," : "\u{A0}" }

    /// Whether the rounded value is negative (never for zero) and its digits, unsigned.
    private func format(_ decimal: DecimalDigits, decimals: Int) -> (negative: Bool, body: String, isZero: Bool) {
        let places = max(0, decimals)
        var scaled = decimal.rounded(decimals: places)
        let isZero = scaled.allSatisfy { $0 == 0 }
        if scaled.count < places + 1 {
            scaled.insert(contentsOf: repeatElement(0, count: places + 1 - scaled.count), at: 0)
        }
        var whole = Array(scaled[..<(scaled.count - places)])
        while whole.count > 1 && whole[0] == 0 { whole.removeFirst() }
        var body = grouped(whole)
        if places > 0 {
            body += decimalSeparator
            body += String(decoding: scaled[(scaled.count - places)...].map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        }
        return (decimal.negative && !isZero, body, isZero)
    }

    /// Decimal digits (values 0–9, most significant first) with the group
    /// separator between thousands when there are 4 digits or more.
    private func grouped(_ digits: [UInt8]) -> String {
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && digits.count >= 4 && (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.unicodeScalars.append(Unicode.Scalar(digit + UInt8(ascii: "0")))
        }
        return out
    }
}

extension Catalogue {
    /// A finite `Double` as the decimal number Swift prints for it:
    /// 0.d₁d₂d₃… × 10^exponent, with no leading or trailing zero digits
    /// (no digits at all for zero).
    struct DecimalDigits: Equatable {
        var negative: Bool
        /// Values 0–9, most significant first.
        var digits: [UInt8]
        var exponent: Int

        /// Nil for NaN and infinities.
        init?(_ x: Double) {
            guard x.isFinite else { return nil }
            negative = x.sign == .minus
            // Swift's shortest round-trip form: "4.25", "0.001", "1e-05", "1.2345e+16".
            let text = x.magnitude.description
            let parts = text.split(separator: "e", maxSplits: 1)
            let mantissa = parts[0]
            let power = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            var digits: [UInt8] = []
            var point: Int?
            for byte in mantissa.utf8 {
                if byte == UInt8(ascii: ".") { point = digits.count } else { digits.append(byte - UInt8(ascii: "0")) }
            }
            var exponent = (point ?? digits.count) + power
            while let first = digits.first, first == 0 { digits.removeFirst(); exponent -= 1 }
            while let last = digits.last, last == 0 { digits.removeLast() }
            self.digits = digits
            self.exponent = digits.isEmpty ? 0 : exponent
        }

        init(negative: Bool, digits: [UInt8], exponent: Int) {
            self.negative = negative
            self.digits = digits
            self.exponent = exponent
        }

        /// The magnitude × 10^decimals rounded half away from zero to a whole
        /// number, as its decimal digits (most significant first, at least one).
        func rounded(decimals: Int) -> [UInt8] {
            let keep = exponent + decimals
            if keep < 0 || digits.isEmpty { return [0] }
            var kept = (0..<keep).map { $0 < digits.count ? digits[$0] : 0 }
            if keep < digits.count && digits[keep] >= 5 {
                var i = kept.count - 1
                while i >= 0 {
                    if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
                }
                if i < 0 { kept.insert(1, at: 0) }
            }
            return kept.isEmpty ? [0] : kept
        }
    }
}
