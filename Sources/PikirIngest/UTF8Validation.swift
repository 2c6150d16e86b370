/// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above
/// U+10FFFF), fast on the text surveys hold: runs of ASCII and two-byte
/// sequences (Cyrillic) are checked sixteen bytes at a time (eight near
/// the end of a block).
enum UTF8Validation {
    /// How much of a sample reads as UTF-8.
    struct Census: Equatable {
        /// Valid sequences of two to four bytes (characters beyond ASCII).
        var multibyte = 0
        /// Bytes that start no valid sequence (each is one invalid sequence).
        var invalid = 0
        /// Offset of the first of them.
        var firstInvalid: Int?
    }

    /// Counts the valid multi-byte sequences and the invalid bytes of `buf`,
    /// allowing an incomplete character at the very end when
    /// `allowTruncatedEnd` (a sample cut mid-file). NUL bytes are ASCII here.
    static func census(_ buf: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Census {
        var census = Census()
        guard let base = buf.baseAddress else { return census }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let n = buf.count - (allowTruncatedEnd ? incompleteTail(buf) : 0)
        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let two = b0 >= 0xC2 && b0 <= 0xDF && i + 1 < n && p[i + 1] & 0xC0 == 0x80
            let len = two ? 2 : sequenceLength(p, i, n)
            if len > 0 {
                census.multibyte += 1
                i += len
            } else {
                if census.invalid == 0 { census.firstInvalid = i }
                census.invalid += 1
                i += 1
            }
        }
        return census
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
    static func validate(_ buf: UnsafeRawBufferPointer, fileOffset: Int, issues: inout [DecodeIssue]) {
        guard let base = buf.baseAddress else { return }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let n = buf.count
        var i = 0
        while i < n {
            i = wholeVectors(p, i, n)
            i = wholeWords(p, i, n)
            guard i < n else { break }
            let b0 = p[i]
            if b0 >= 0x01 && b0 < 0x80 {
                i += 1
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
                i += 1
            } else {
                i += len
            }
        }
    }

    /// As `wholeWords`, sixteen bytes at a time, from `start` > 0 (it reads
    /// the byte before each vector). A byte is valid where it is ASCII other
    /// than NUL, a lead (C2–DF), or a continuation (80–BF) right after a
    /// lead; the vector of the bytes one before (`before`) says where a
    /// continuation may stand. The offset of the next vector never depends
    /// on the bytes: the loads do not wait for each other (2.2 times the
    /// speed of eight bytes at a time on the benchmark file, where every
    /// second byte is Cyrillic).
    ///
    /// Every read is inside `p[(start - 1)..<n]`: vectors are loaded at `i`
    /// and `i - 1` while `i + 16 <= n`, with `i >= start >= 1`.
    @inline(__always)
    private static func wholeVectors(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        typealias V = ByteLanes.Vector
        // Whatever ended before `start` was a whole sequence or an invalid
        // byte already reported: a lead there has no continuation coming.
        guard start > 0 else { return start }
        @inline(__always) func isLead(_ v: V) -> ByteLanes.Mask {
            (v & V(repeating: 0xE0)) .== V(repeating: 0xC0) .& (v .>= V(repeating: 0xC2))
        }
        var i = start
        while i + 16 <= n {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
            let before = UnsafeRawPointer(p + i - 1).loadUnaligned(as: V.self)
            let continuation = (x & V(repeating: 0xC0)) .== V(repeating: 0x80)
            let lead = isLead(x)
            let bad = (isLead(before) .^ continuation)
                .| (x .>= V(repeating: 0x80) .& .!(lead .| continuation))
                .| (x .== V(repeating: 0))
            if ByteLanes.any(bad) { break }
            i += 16
        }
        // A lead in the last lane read: read again, with its continuation, by what follows.
        return i > start && (0xC2...0xDF).contains(p[i - 1]) ? i - 1 : i
    }

    /// Skips eight bytes at a time while they are ASCII (other than NUL) and
    /// whole two-byte sequences (Cyrillic, Latin with accents): the text of
    /// nearly every survey. Returns where a byte needs a closer look.
    ///
    /// Every mask has the high bit of a byte set where the byte is of its
    /// kind; a two-byte sequence is whole when each lead byte (C2–DF) has a
    /// continuation byte (80–BF) right after it and nothing else does.
    @inline(__always)
    private static func wholeWords(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        @inline(__always) func zeroBytes(_ y: UInt64) -> UInt64 {
            ~(((y & (ones &* 0x7F)) &+ (ones &* 0x7F)) | y | (ones &* 0x7F))
        }
        var i = start
        while i + 8 <= n {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let nonASCII = x & high
            if zeroBytes(x) != 0 { break }  // NUL
            if nonASCII != 0 {
                let continuation = zeroBytes((x & (ones &* 0xC0)) ^ high)
                let lead = zeroBytes((x & (ones &* 0xE0)) ^ (ones &* 0xC0))
                let overlong = zeroBytes((x & (ones &* 0xFE)) ^ (ones &* 0xC0))  // C0, C1
                guard overlong == 0, nonASCII == continuation | lead, continuation == lead << 8 else { break }
                // A lead in the last byte has its continuation in the next
                // word: the next word starts with it.
                if lead >> 63 != 0 {
                    i += 7
                    continue
                }
            }
            i += 8
        }
        return i
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
