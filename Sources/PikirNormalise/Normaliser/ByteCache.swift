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
    /// One slot per key: its hash (0 when empty), its length, its first
    /// eight bytes (the whole of a score, a date's day and month, a short
    /// name) and where the rest of its bytes start in `arena`, side by side so a probe
    /// reads one place and short keys are compared without `memcmp`.
    private struct Slot {
        var hash: UInt64 = 0
        var head: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = 0
    }
    private var slots: [Slot]
    private var values: [Value?]
    /// Keys of one byte (most scores: `5`, `4`) need no hash at all.
    private var single: [Value?] = Array(repeating: nil, count: 256)
    private var arena: [UInt8] = []
    private var mask: Int
    private(set) var count = 0
    /// Past this many keys of two bytes or more nothing more is cached (timestamps would fill it).
    let limit: Int

    /// `capacity`: the slots to start with (a power of two; they double as keys come).
    init(limit: Int = 200_000, capacity: Int = 256) {
        precondition(capacity > 0 && capacity & (capacity - 1) == 0, "capacity \(capacity) is not a power of two")
        self.limit = limit
        mask = capacity - 1
        slots = Array(repeating: Slot(), count: capacity)
        values = Array(repeating: nil, count: capacity)
    }

    /// Eight bytes at a time (a byte at a time cost 3% of an ingest: every
    /// timestamp, date and name passes here), then a final mix so the low
    /// bits that pick the slot depend on every byte.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer, head: UInt64) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
        h = (h ^ head) &* 0x9E37_79B9_7F4A_7C15
        if n > 8, let base = bytes.baseAddress {
            var i = 8
            while i + 8 <= n {
                h ^= h >> 29
                h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                i += 8
            }
            if i < n {
                h ^= h >> 29
                h = (h ^ tail(base, from: i, to: n)) &* 0x9E37_79B9_7F4A_7C15
            }
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h | 1  // 0 marks an empty slot
    }

    /// Bytes `from..<to` (at most eight) as the low bytes of a word, the
    /// first lowest. Read as whole words that overlap, not byte by byte (a
    /// loop of up to seven loads was a tenth of every look-up): a word ending
    /// at `to` when the key has eight bytes before it, else two halves (or
    /// quarters) from each end, whose shared bytes are equal, so or-ing them
    /// keeps them. Every load is inside `base[0..<to]`: only `to - 8 >= 0`,
    /// or `from..<to` itself, is read.
    @inline(__always)
    private static func tail(_ base: UnsafeRawPointer, from: Int, to: Int) -> UInt64 {
        let n = to - from
        if n <= 0 { return 0 }
        if to >= 8 {
            return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: to - 8, as: UInt64.self)) >> (8 * UInt64(8 - n))
        }
        if n >= 4 {
            let low = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: from, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: to - 4, as: UInt32.self)))
            return low | high << (8 * UInt64(n - 4))
        }
        if n >= 2 {
            let low = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: from, as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: to - 2, as: UInt16.self)))
            return low | high << (8 * UInt64(n - 2))
        }
        return UInt64(base.load(fromByteOffset: from, as: UInt8.self))
    }

    /// The first eight bytes (fewer for a shorter key) as a word.
    @inline(__always)
    private static func head(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        return bytes.count >= 8 ? base.loadUnaligned(as: UInt64.self) : tail(base, from: 0, to: bytes.count)
    }

    subscript(_ bytes: UnsafeRawBufferPointer) -> Value? {
        if bytes.count == 1 { return single[Int(bytes[0])] }
        let head = Self.head(bytes)
        let found = position(bytes, head: head, hash: Self.hash(bytes, head: head))
        return found.isKey ? values[found.slot] : nil
    }

    func insert(_ bytes: UnsafeRawBufferPointer, _ value: Value) {
        if bytes.count == 1 {
            single[Int(bytes[0])] = value
            return
        }
        guard count < limit, bytes.count < Int(Int32.max), arena.count < Int(Int32.max) - bytes.count else { return }
        if (count + 1) * 2 > mask + 1 { grow() }
        let head = Self.head(bytes)
        let h = Self.hash(bytes, head: head)
        let found = position(bytes, head: head, hash: h)
        values[found.slot] = value
        guard !found.isKey else { return }
        slots[found.slot] = Slot(hash: h, head: head, start: Int32(arena.count), length: Int32(bytes.count))
        if bytes.count > 8 { arena.append(contentsOf: bytes[8...]) }  // the head holds the first eight
        count += 1
    }

    /// The slot holding these bytes, or the empty slot where they would go.
    @inline(__always)
    private func position(_ bytes: UnsafeRawBufferPointer, head: UInt64, hash h: UInt64) -> (slot: Int, isKey: Bool) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let candidate = slots[slot]
            if candidate.hash == 0 { return (slot, false) }
            if candidate.hash == h && candidate.head == head && Int(candidate.length) == bytes.count
                && restMatches(candidate, bytes) {
                return (slot, true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the bytes after the first eight are the slot's (its head and length already match).
    @inline(__always)
    private func restMatches(_ slot: Slot, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 8, let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + Int(slot.start), base + 8, bytes.count - 8) == 0 }
    }

    private func grow() {
        let oldSlots = slots, oldValues = values
        let size = (mask + 1) * 2
        mask = size - 1
        slots = Array(repeating: Slot(), count: size)
        values = Array(repeating: nil, count: size)
        for i in oldSlots.indices where oldSlots[i].hash != 0 {
            var slot = Int(truncatingIfNeeded: oldSlots[i].hash) & mask
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = oldSlots[i]
            values[slot] = oldValues[i]
        }
    }
}
