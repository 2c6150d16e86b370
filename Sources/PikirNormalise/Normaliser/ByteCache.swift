#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A cache keyed by a cell's raw UTF-8 bytes, so that a value seen before
/// (a city, a trainer, an answer word) is found without making a String or
/// hashing one: open addressing, a multiplicative hash over the bytes, keys kept in one arena.
///
/// - Complexity: O(key length) per look-up and insert, amortised.
final class ByteCache<Value> {
    private var hashes: [UInt64]
    private var starts: [Int]
    private var lengths: [Int]
    private var values: [Value?]
    private var arena: [UInt8] = []
    private var mask: Int
    private(set) var count = 0
    /// Past this many keys nothing more is cached (timestamps would fill it).
    let limit: Int

    init(limit: Int = 200_000) {
        self.limit = limit
        mask = 255
        hashes = Array(repeating: 0, count: 256)
        starts = Array(repeating: 0, count: 256)
        lengths = Array(repeating: 0, count: 256)
        values = Array(repeating: nil, count: 256)
    }

    /// Eight bytes at a time (a byte at a time cost 3% of an ingest: every
    /// timestamp, date and name passes here), then a final mix so the low
    /// bits that pick the slot depend on every byte.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
        guard let base = bytes.baseAddress else { return h | 1 }
        var i = 0
        while i + 8 <= n {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) << (8 * UInt64(k - i)) }
            h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h | 1  // 0 marks an empty slot
    }

    subscript(_ bytes: UnsafeRawBufferPointer) -> Value? {
        let h = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h && lengths[slot] == bytes.count && matches(slot, bytes) { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func insert(_ bytes: UnsafeRawBufferPointer, _ value: Value) {
        guard count < limit else { return }
        if (count + 1) * 2 > mask + 1 { grow() }
        let h = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h && lengths[slot] == bytes.count && matches(slot, bytes) {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        hashes[slot] = h
        starts[slot] = arena.count
        lengths[slot] = bytes.count
        values[slot] = value
        arena.append(contentsOf: bytes)
        count += 1
    }

    @inline(__always)
    private func matches(_ slot: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return lengths[slot] == 0 }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + starts[slot], base, bytes.count) == 0 }
    }

    private func grow() {
        let oldHashes = hashes, oldStarts = starts, oldLengths = lengths, oldValues = values
        let size = (mask + 1) * 2
        mask = size - 1
        hashes = Array(repeating: 0, count: size)
        starts = Array(repeating: 0, count: size)
        lengths = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        for i in oldHashes.indices where oldHashes[i] != 0 {
            var slot = Int(truncatingIfNeeded: oldHashes[i]) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[i]
            starts[slot] = oldStarts[i]
            lengths[slot] = oldLengths[i]
            values[slot] = oldValues[i]
        }
    }
}
