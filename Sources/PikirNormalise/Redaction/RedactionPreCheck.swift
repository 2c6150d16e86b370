/// The cheap test that lets almost every cell of an ingest through untouched:
/// it runs on every cell of a million-row file.
enum RedactionPreCheck {
    /// Whether the text could hold anything to redact: false when it has
    /// no `@` and no chain of at least 10 digits (digit groups joined by
    /// at most three separator characters, as `NumberScanner` reads them),
    /// since every IIN (12 digits) and phone number (10 or 11) is such a
    /// chain. Returns at the first `@` or long chain.
    ///
    /// - Complexity: O(n), one pass over the bytes, no allocation.
    static func mayHoldPersonalData(_ p: UnsafeRawBufferPointer) -> Bool {
        let n = p.count
        // The shortest address (`a@b.kz`) is six bytes, a phone ten: most
        // answers (`5`, `ru`, `4,5`) are decided here.
        if n < 6 { return false }
        // Short cells (timestamps, ids) are mostly digits: counted eight bytes
        // at a time. Longer ones are mostly words: read below, where a digit
        // or an @ stops the eight-byte steps only where it stands.
        if n <= 32 && !mayHoldEnough(p) { return false }
        var chain = 0  // digits in the current chain
        var gap = 0  // separator characters since the chain's last digit
        var i = 0
        while i < n {
            if chain == 0 {
                // Eight bytes at a time to the next byte that may be a digit or an @.
                guard let next = nextCandidate(p, from: i) else { return false }
                i = next
            }
            let b = p[i]
            var digits = 0
            if b &- 0x30 < 10 {
                // A run of ASCII digits (timestamps, ids) in a tight loop.
                var j = i + 1
                while j < n, p[j] &- 0x30 < 10 { j += 1 }
                digits = j - i
                i = j
            } else if b >= 0x80, RedactionBytes.mayStartDigit(b), let digit = RedactionBytes.nonASCIIDigit(p, i) {
                digits = 1
                i += digit.length
            }
            if digits > 0 {
                chain += digits
                gap = 0
                if chain >= 10 { return true }
                continue
            }
            if b == 0x40 { return true }
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
        return false
    }

    /// Whether the text has ten digits, an `@`, or a lead byte that may start a
    /// non-ASCII digit (E2, the lead of dashes, quotes and ellipses, never
    /// does): without any, no chain of ten digits can be in it. Eight bytes
    /// at a time, so a timestamp or an id (`CRM23-0000001`) is decided
    /// without a look at each byte.
    ///
    /// - Complexity: O(n), no allocation.
    static func mayHoldEnough(_ p: UnsafeRawBufferPointer) -> Bool {
        let n = p.count
        var digits = 0
        var i = 0
        while i + 8 <= n {
            if count(UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)), &digits) { return true }
            i += 8
        }
        if i < n {
            // The last bytes in a word padded with zeros, which count as nothing.
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(p[k]) << (8 * UInt64(k - i)) }
            if count(tail, &digits) { return true }
        }
        return digits >= 10
    }

    /// Adds the ASCII digits among the eight bytes to `digits`; true when
    /// one of them is an `@` or a lead byte from D9 up other than E2.
    @inline(__always)
    static func count(_ x: UInt64, _ digits: inout Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let low7 = ones &* 0x7F
        let low = x & low7
        // High bit set for bytes in 0x30…0x39 (as in `candidates`).
        let digit = ((ones &* (127 + 0x3A)) &- low) & ~x & (low &+ ones &* (127 - 0x2F)) & high
        digits += Int(truncatingIfNeeded: ((digit >> 7) &* ones) >> 56)
        return nonASCIILeads(x) | bytes(of: x, equalTo: 0x40) != 0
    }

    /// The first byte from `i` on that may be a digit or an `@` (see
    /// `candidates`), or nil: eight bytes at a time, the last few in a word
    /// padded with zeros (which are never candidates).
    @inline(__always)
    static func nextCandidate(_ p: UnsafeRawBufferPointer, from i: Int) -> Int? {
        let n = p.count
        var i = i
        while i + 8 <= n {
            let mask = candidates(UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            if mask != 0 { return i + mask.trailingZeroBitCount >> 3 }
            i += 8
        }
        guard i < n else { return nil }
        var tail: UInt64 = 0
        for k in i..<n { tail |= UInt64(p[k]) << (8 * UInt64(k - i)) }
        let mask = candidates(tail)
        return mask == 0 ? nil : i + mask.trailingZeroBitCount >> 3
    }

    /// Which of the eight bytes are in 0x30…0x40 (`0`–`9`, `:;<=>?`, `@`) or
    /// lead bytes from D9 up (where non-ASCII digits start, see
    /// `RedactionBytes.mayStartDigit`); ASCII letters, Cyrillic and Kazakh
    /// letters (lead bytes D0–D3) and continuation bytes never are (SWAR
    /// "has byte between"). The high bit of each such byte is set in the
    /// result; the first in memory is the lowest (the word is read little-endian).
    @inline(__always)
    static func candidates(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let low = x & (ones &* 0x7F)
        // High bit of a byte set in the first factor when low < 0x41, in the
        // last when low > 0x2F; ~x drops bytes ≥ 0x80.
        let ascii = ((ones &* (127 + 0x41)) &- low) & ~x & (low &+ ones &* (127 - 0x2F))
        // Bytes ≥ 0x80 whose low seven bits are ≥ 0x59 (no carry leaves a byte: 0x7F + 0x27 < 0x100).
        let lead = (low &+ ones &* (0x80 - 0x59)) & x
        return (ascii | lead) & high
    }

    /// High bit set for the bytes of `x` from D9 up other than E2: those whose
    /// low seven bits are ≥ 0x59 (no carry leaves a byte: 0x7F + 0x27 < 0x100),
    /// less the bytes equal to E2 (zero in x ^ E2…E2).
    @inline(__always)
    static func nonASCIILeads(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let low7 = ones &* 0x7F
        let lead = ((x & low7) &+ ones &* (0x80 - 0x59)) & x & high
        return lead & ~bytes(of: x, equalTo: 0xE2)
    }

    /// High bit set for the bytes of `x` equal to `b`.
    @inline(__always)
    static func bytes(of x: UInt64, equalTo b: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = ones &* 0x7F
        let y = x ^ (ones &* b)
        return ~(((y & low7) &+ low7) | y) & (ones &* 0x80)
    }
}
