/// E-mail addresses: from each `@`, the local part back and the domain forward.
enum EmailScanner {
    static let token = Array(Redaction.emailToken.utf8)

    /// ASCII characters of a local part besides letters and digits: `. _ % + -`.
    @inline(__always)
    static func isLocalASCII(_ b: UInt8) -> Bool {
        isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    @inline(__always)
    static func isDomainASCII(_ b: UInt8) -> Bool {
        isAlnum(b) || b == 0x2E || b == 0x2D  // . -
    }

    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || isLetter(b)
    }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// The bytes with addresses replaced, or nil when there are none.
    ///
    /// - Complexity: O(n) in the number of bytes: each byte is read at most
    ///   twice (once forward, once back from the next `@`, never before what
    ///   is already copied).
    static func redact(_ p: UnsafeRawBufferPointer, count: inout Int) -> [UInt8]? {
        let n = p.count
        guard var i = p.firstIndex(of: 0x40) else { return nil }
        var out: [UInt8]?
        var copied = 0  // p[..<copied] is already in out
        while i < n {
            guard p[i] == 0x40 else {
                i += 1
                continue
            }
            let start = localStart(p, at: i, notBefore: copied)
            let end = domainEnd(p, at: i)
            if start < i, validDomain(p, i + 1, end) {
                if out == nil {
                    out = []
                    out!.reserveCapacity(n)
                }
                out!.append(contentsOf: p[copied..<start])
                out!.append(contentsOf: token)
                count += 1
                copied = end
                i = end
            } else {
                i += 1
            }
        }
        guard var out else { return nil }
        out.append(contentsOf: p[copied...])
        return out
    }

    /// Where the local part before the `@` at `at` starts (`at` when there is none).
    static func localStart(_ p: UnsafeRawBufferPointer, at: Int, notBefore lower: Int) -> Int {
        var start = at
        while start > lower {
            let b = p[start - 1]
            if b < 0x80 {
                guard isLocalASCII(b) else { break }
                start -= 1
            } else {
                guard let (s, begin) = RedactionBytes.scalar(p, endingAt: start, notBefore: lower),
                      RedactionBytes.isWordScalar(s) else { break }
                start = begin
            }
        }
        while start < at, p[start] == 0x2E { start += 1 }  // no leading dot
        return start
    }

    /// Where the domain after the `@` at `at` ends; trailing dots and hyphens are punctuation.
    static func domainEnd(_ p: UnsafeRawBufferPointer, at: Int) -> Int {
        let n = p.count
        var end = at + 1
        while end < n {
            let b = p[end]
            if b < 0x80 {
                guard isDomainASCII(b) else { break }
                end += 1
            } else {
                guard let (s, length) = RedactionBytes.scalar(p, at: end), RedactionBytes.isWordScalar(s) else { break }
                end += length
            }
        }
        while end > at + 1, p[end - 1] == 0x2E || p[end - 1] == 0x2D { end -= 1 }
        return end
    }

    /// `label(.label)+` in `p[from..<to]`, the last label two or more letters of any script.
    static func validDomain(_ p: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Bool {
        guard from < to, p[from] != 0x2E, p[from] != 0x2D else { return false }
        var lastDot = -1
        var previous: UInt8 = 0
        for k in from..<to {
            let b = p[k]
            if b == 0x2E {
                if previous == 0x2E { return false }
                lastDot = k
            }
            previous = b
        }
        guard lastDot >= 0 else { return false }
        var letters = 0
        var k = lastDot + 1
        while k < to {
            let b = p[k]
            if b < 0x80 {
                guard isLetter(b) else { return false }
                letters += 1
                k += 1
            } else {
                guard let (s, length) = RedactionBytes.scalar(p, at: k) else { return false }
                let properties = s.properties
                if properties.isAlphabetic {
                    letters += 1
                } else if properties.generalCategory != .nonspacingMark && properties.generalCategory != .spacingMark {
                    return false
                }
                k += length
            }
        }
        return letters >= 2
    }
}
