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
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
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
