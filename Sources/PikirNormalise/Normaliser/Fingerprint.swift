/// A stable 128-bit hash (two FNV-1a 64 passes with different offsets) of a
/// response's content, for finding the same response exported twice.
///
/// Not cryptographic: it only has to tell rows apart, and be the same in every
/// run and on every machine (Swift's `Hasher` is seeded per process).
struct Fingerprint {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String?) {
        for byte in (text ?? "\u{0}").utf8 { mix(byte) }
        mix(0x1F)  // unit separator: "ab","c" differs from "a","bc"
    }

    mutating func add(_ number: Double?) {
        add(number.map { String($0) })
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
    }

    var hex: String {
        let hi = String(a, radix: 16), lo = String(b, radix: 16)
        return String(repeating: "0", count: 16 - hi.count) + hi + String(repeating: "0", count: 16 - lo.count) + lo
    }
}
