/// A map from a 64-bit key (a hash, or a few small ids packed together) to a
/// number: open addressing with linear probing, at most three quarters full
/// (a million entries in 32 MB). Used for the duplicate index and for
/// aggregation groups. Swift's `Dictionary` runs SipHash on every look-up,
/// which cost 3% of a million-row ingest; these keys are hashes already.
public struct HashIndex: Sendable {
    /// Key and value side by side (`2i`, `2i + 1`), so a probe touches one
    /// cache line: with a million keys nearly every look-up misses the cache,
    /// and separate arrays missed twice.
    /// The value is the row id + 1; 0 marks an empty slot.
    private var slots: [Int64]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Array(repeating: 0, count: 2 * size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    public subscript(key: Int64) -> Int64? {
        get {
            let mask = self.mask
            return slots.withUnsafeBufferPointer { slots in
                var i = Self.slot(key, mask)
                while slots[2 * i + 1] != 0 {
                    if slots[2 * i] == key { return slots[2 * i + 1] - 1 }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
        set {
            guard let row = newValue else { preconditionFailure("HashIndex never removes a key") }
            let mask = self.mask
            let added: Bool = slots.withUnsafeMutableBufferPointer { slots in
                var i = Self.slot(key, mask)
                while slots[2 * i + 1] != 0 {
                    if slots[2 * i] == key { slots[2 * i + 1] = row + 1; return false }
                    i = (i + 1) & mask
                }
                slots[2 * i] = key
                slots[2 * i + 1] = row + 1
                return true
            }
            guard added else { return }
            count += 1
            if count * 4 > (mask + 1) * 3 { grow() }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count / 2 - 1
        for j in stride(from: 0, to: old.count, by: 2) where old[j + 1] != 0 {
            var i = Self.slot(old[j], mask)
            while slots[2 * i + 1] != 0 { i = (i + 1) & mask }
            slots[2 * i] = old[j]
            slots[2 * i + 1] = old[j + 1]
        }
    }
}
