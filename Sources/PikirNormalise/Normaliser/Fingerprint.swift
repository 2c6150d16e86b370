/// A stable 64-bit hash of a response's content (two FNV-1a 64 lanes with
/// different offsets, folded), for finding the same response exported twice.
/// At a million responses the chance of any two colliding is about 3·10⁻⁸.
///
/// Not cryptographic: it only has to tell rows apart, and be the same in every
/// run and on every machine (Swift's `Hasher` is seeded per process).
struct Fingerprint {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String?) {
        if var text {
            text.withUTF8 { for byte in $0 { mix(byte) } }
        } else {
            mix(0)
        }
        mix(0x1F)  // unit separator: "ab","c" differs from "a","bc"
    }

    mutating func add(_ number: Double?) {
        guard let number else { mix(0); mix(0x1F); return }
        var bits = number.bitPattern
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
        mix(0x1F)
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
    }

    var value: Int64 {
        Int64(bitPattern: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
    }
}
