/// The cheap test that lets almost every cell of an ingest through untouched:
/// it runs on every cell of a million-row file.
enum RedactionPreCheck {
    /// Whether the text could hold anything to redact: `nil` when it has
    /// no `@` and no chain of at least 10 digits (digit groups joined by
    /// at most three separator characters, as `NumberScanner` reads them),
    /// since every IIN (12 digits) and phone number (10 or 11) is such a
    /// chain. Otherwise whether to run the number pass and the e-mail pass.
    ///
    /// - Complexity: O(n), one pass over the bytes, no allocation.
    static func mayHoldPersonalData(_ p: UnsafeRawBufferPointer) -> (hasDigit: Bool, hasAt: Bool)? {
        let n = p.count
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
            if let digit = RedactionBytes.digit(p, i) {
                chain += 1
                gap = 0
                if chain >= 10 { longChain = true }
                i += digit.length
                continue
            }
            // An @: the e-mail pass runs, and the number pass reads the rest.
            if b == 0x40 { return (true, true) }
            if chain > 0 {
                let length = RedactionBytes.separator(p, i).length
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

    /// Whether any of the eight bytes is in 0x30…0x40 (`0`–`9`, `:;<=>?`, `@`)
    /// or is a lead byte from D9 up (where non-ASCII digits start, see
    /// `RedactionBytes.mayStartDigit`); ASCII letters, Cyrillic and Kazakh
    /// letters (lead bytes D0–D3) and continuation bytes never are (SWAR
    /// "has byte between").
    @inline(__always)
    static func mayHoldDigitOrAt(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let low = x & (ones &* 0x7F)
        // High bit of a byte set in the first factor when low < 0x41, in the
        // last when low > 0x2F; ~x drops bytes ≥ 0x80.
        let ascii = ((ones &* (127 + 0x41)) &- low) & ~x & (low &+ ones &* (127 - 0x2F))
        // Bytes ≥ 0x80 whose low seven bits are ≥ 0x59: no carry leaves a byte (0x7F + 0x27 < 0x100).
        let lead = (low &+ ones &* (0x80 - 0x59)) & x
        return (ascii | lead) & high != 0
    }
}
