/// A stable 64-bit hash of a response's content, for finding the same
/// response exported twice. At a million responses the chance of any two
/// colliding is about 3·10⁻⁸.
///
/// Not cryptographic: it only has to tell rows apart, and be the same in every
/// run and on every machine (Swift's `Hasher` is seeded per process). Text is
/// mixed eight bytes at a time (multiply, xor-shift), a field separator after
/// each value so that "ab","c" differs from "a","bc".
public struct Fingerprint {
    private var h: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
    }

    public init() {}

    public mutating func add(_ text: String?) {
        guard var text else { mix(0x5EED_0000_0000_0001); return }
        text.withUTF8 { add(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A text as a response holds it, or only its UTF-8 bytes: the same
    /// hash either way, so a reader that keeps no texts (an aggregation
    /// reading a timestamped export) hashes the record's bytes and makes
    /// no String for them.
    public enum Text {
        case missing
        case string(String)
        /// A text's exact UTF-8 (as `String(decoding:as:)` would keep it).
        case utf8(UnsafeRawBufferPointer)

        public init(_ text: String?) { self = text.map(Text.string) ?? .missing }
    }

    public mutating func add(_ text: Text) {
        switch text {
        case .missing: add(nil as String?)
        case .string(let string): add(string)
        case .utf8(let bytes): add(utf8: bytes)
        }
    }

    private mutating func add(utf8 bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        if let raw = bytes.baseAddress {
            while i + 8 <= n {
                mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var last: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                last |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            mix(last)
        }
        mix(UInt64(n) | 0x1F00_0000_0000_0000)
    }

    public mutating func add(_ number: Double?) {
        guard let number else { mix(0x5EED_0000_0000_0002); return }
        mix(number.bitPattern)
    }

    /// The hash of one text alone (a form id, for the duplicate index).
    public static func of(_ text: String) -> Int64 {
        var f = Fingerprint()
        f.add(text)
        return f.value
    }

    public var value: Int64 {
        var x = h
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return Int64(bitPattern: x)
    }
}

extension CanonicalResponse {
    /// The fingerprint duplicates are found by: timestamp, every answer and
    /// every extra; nil without a timestamp, where identical answers may well
    /// come from two people. Computed from the stored (redacted) values, so a
    /// warehouse migration can compute it again.
    public var contentFingerprint: Int64? {
        contentFingerprint(liked: .init(liked), improve: .init(improve), comment: .init(comment))
    }

    /// As `contentFingerprint`, with the three texts given (as bytes, by a
    /// normaliser that keeps no texts: see `Fingerprint.Text`).
    public func contentFingerprint(liked: Fingerprint.Text, improve: Fingerprint.Text, comment: Fingerprint.Text) -> Int64? {
        guard let timestamp else { return nil }
        var f = Fingerprint()
        f.add(timestamp)
        // One call per field: an array literal here would allocate on every row.
        f.add(region); f.add(city); f.add(sessionDate); f.add(trainerName); f.add(module)
        f.add(participantGroup); f.add(liked); f.add(improve); f.add(comment)
        let s = scores
        f.add(s.overall); f.add(s.delivery); f.add(s.content); f.add(s.organisation); f.add(s.applicability); f.add(s.nps)
        for (header, value) in extras { f.add(header); f.add(value) }
        return f.value
    }
}
