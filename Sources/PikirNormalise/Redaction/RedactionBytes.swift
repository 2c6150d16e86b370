/// What the redaction scanners read in UTF-8 bytes: digits of any script,
/// the separators that join digit groups, and scalars for e-mail addresses.
///
/// Every function reads only inside the buffer it is given: indexes are
/// checked against its count before each byte is read.
enum RedactionBytes {
    /// The decimal digit at byte `i`: its value and its length in bytes.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func digit(_ p: UnsafeRawBufferPointer, _ i: Int) -> (value: Int, length: Int)? {
        let b = p[i]
        if b &- 0x30 < 10 { return (Int(b &- 0x30), 1) }
        guard mayStartDigit(b) else { return nil }
        return nonASCIIDigit(p, i)
    }

    /// Whether `b` is the lead byte of a block holding non-ASCII decimal
    /// digits (Arabic-Indic, Devanagari…, full-width U+FF10–FF19,
    /// mathematical digits): D9 DB DF E0 E1 EA EF F0, checked against every
    /// scalar Unicode calls a decimal digit. Cyrillic (D0–D3) never is.
    @inline(__always)
    static func mayStartDigit(_ b: UInt8) -> Bool {
        switch b {
        case 0xD9, 0xDB, 0xDF, 0xE0, 0xE1, 0xEA, 0xEF, 0xF0: true
        default: false
        }
    }

    static func nonASCIIDigit(_ p: UnsafeRawBufferPointer, _ i: Int) -> (value: Int, length: Int)? {
        guard let (scalar, length) = scalar(p, at: i), scalar.properties.numericType == .decimal,
              let value = scalar.properties.numericValue else { return nil }
        return (Int(value), length)
    }

    /// Length of a separator character at `i` (space, NBSP, narrow NBSP,
    /// hyphen, non-breaking hyphen, en/em dash, brackets), or 0. `simple`
    /// says whether it may join the groups of a written IIN. Delimiters
    /// (`,` `;` TAB `|`) and quotes never are separators, so a line's cells
    /// are never joined.
    @inline(__always)
    static func separator(_ p: UnsafeRawBufferPointer, _ i: Int) -> (length: Int, simple: Bool) {
        switch p[i] {
        case 0x20, 0x2D: return (1, true)
        case 0x28, 0x29: return (1, false)
        case 0xC2 where i + 1 < p.count && p[i + 1] == 0xA0: return (2, true)
        case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80:
            switch p[i + 2] {
            case 0xAF, 0x91: return (3, true)  // narrow NBSP, non-breaking hyphen
            case 0x93, 0x94: return (3, false)  // en dash, em dash
            default: return (0, false)
            }
        default: return (0, false)
        }
    }

    /// The scalar whose UTF-8 starts at `i`, and its length; nil for a byte
    /// that starts none (a continuation byte, or a sequence cut short).
    static func scalar(_ p: UnsafeRawBufferPointer, at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = p[i]
        var value: UInt32
        let length: Int
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: value = UInt32(lead & 0x1F); length = 2
        case 0xE0...0xEF: value = UInt32(lead & 0x0F); length = 3
        case 0xF0...0xF4: value = UInt32(lead & 0x07); length = 4
        default: return nil
        }
        guard i + length <= p.count else { return nil }
        for k in 1..<length {
            let b = p[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The scalar that ends just before `end`, and where it starts (never
    /// before `lower`).
    static func scalar(_ p: UnsafeRawBufferPointer, endingAt end: Int, notBefore lower: Int) -> (Unicode.Scalar, start: Int)? {
        var start = end - 1
        while start > lower, end - start < 4, p[start] & 0xC0 == 0x80 { start -= 1 }
        guard let (s, length) = scalar(p, at: start), start + length == end else { return nil }
        return (s, start)
    }

    /// A letter, mark or digit of any script (for e-mail addresses).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let properties = s.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
