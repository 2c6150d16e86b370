/// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above
/// U+10FFFF), fast on the text surveys hold: runs of ASCII are checked eight
/// bytes at a time and two-byte sequences (Cyrillic) inline.
enum UTF8Validation {
    /// Whether the whole buffer is valid UTF-8, allowing an incomplete
    /// character at the very end when `allowTruncatedEnd` (a sample cut mid-file).
    static func isValid(_ buf: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Bool {
        var issues: [DecodeIssue] = []
        let tail = allowTruncatedEnd ? incompleteTail(buf) : 0
        validate(UnsafeRawBufferPointer(rebasing: buf[0..<(buf.count - tail)]), fileOffset: 0, issues: &issues, limit: 1)
        return issues.isEmpty
    }

    /// Bytes at the end that start a sequence the buffer does not complete.
    static func incompleteTail(_ buf: UnsafeRawBufferPointer) -> Int {
        let n = buf.count
        var back = 0
        while back < min(3, n) {
            let b = buf[n - 1 - back]
            if b & 0xC0 != 0x80 {
                let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return need > back + 1 ? back + 1 : 0
            }
            back += 1
        }
        return 0
    }

    /// Appends an issue for each invalid sequence and each NUL byte.
    static func validate(_ buf: UnsafeRawBufferPointer, fileOffset: Int, issues: inout [DecodeIssue], limit: Int = .max) {
        guard let base = buf.baseAddress else { return }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let n = buf.count
        var i = 0
        var found = 0
        while i < n {
            let b0 = p[i]
            if b0 >= 0x01 && b0 < 0x80 {
                i += 1
                // Eight at a time while no byte has its high bit set or is zero.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    if (word | ((word &- 0x0101_0101_0101_0101) & ~word)) & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                continue
            }
            if b0 & 0xE0 == 0xC0 && b0 >= 0xC2 && i + 1 < n && p[i + 1] & 0xC0 == 0x80 {
                i += 2
                continue
            }
            let len = b0 == 0 ? 0 : sequenceLength(p, i, n)
            if len == 0 {
                issues.append(DecodeIssue(outputOffset: i, fileOffset: fileOffset + i,
                                          detail: b0 == 0 ? "NUL byte" : "byte 0x\(hex(b0)) is not valid UTF-8"))
                found += 1
                if found >= limit { return }
                i += 1
            } else {
                i += len
            }
        }
    }

    /// Length of the valid sequence of three or four bytes starting at `i`, or 0.
    @inline(__always)
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xE0:
            return i + 1 < n && (0xA0...0xBF).contains(p[i + 1]) && cont(2) ? 3 : 0
        case 0xED:
            return i + 1 < n && (0x80...0x9F).contains(p[i + 1]) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xF0:
            return i + 1 < n && (0x90...0xBF).contains(p[i + 1]) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return i + 1 < n && (0x80...0x8F).contains(p[i + 1]) && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}
