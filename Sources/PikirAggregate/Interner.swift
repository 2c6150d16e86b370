/// Gives each distinct text of a column a small id, looking the bytes up
/// without making a String (one is made per distinct value only).
///
/// Id 0 is reserved for a missing value.
///
/// - Complexity: O(length) per look-up, amortised; open addressing on an FNV-1a hash.
public struct Interner: Sendable {
    /// The text of each id; `values[0]` is nil (missing).
    public private(set) var values: [String?] = [nil]
    private var slots: [Int32]
    private var hashes: [UInt64]
    private var mask: Int

    public init() {
        slots = Array(repeating: -1, count: 64)
        hashes = Array(repeating: 0, count: 64)
        mask = 63
    }

    public var count: Int { values.count }

    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The id of these bytes' text, made on first sight.
    public mutating func id(_ bytes: UnsafeRawBufferPointer?) -> Int32 {
        guard let bytes else { return 0 }
        let h = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            if hashes[i] == h, Self.equal(values[Int(slots[i])]!, bytes) { return slots[i] }
            i = (i + 1) & mask
        }
        let id = Int32(values.count)
        values.append(String(decoding: bytes, as: UTF8.self))
        slots[i] = id
        hashes[i] = h
        if values.count * 2 > mask { grow() }
        return id
    }

    /// The id of a text given as a String (for integer dimensions written as text).
    public mutating func id(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { id(UnsafeRawBufferPointer($0)) }
    }

    private static func equal(_ s: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var s = s
        return s.withUTF8 { $0.count == bytes.count && ($0.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, $0.count) == 0) }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        mask = size - 1
        for id in 1..<values.count {
            var value = values[id]!
            let h = value.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
            hashes[i] = h
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
