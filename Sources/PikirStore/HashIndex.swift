/// A map from a 64-bit key (a hash, or a few small ids packed together) to a
/// number: open addressing with linear probing, at most three quarters full
/// (a million entries in 32 MB). Used for the duplicate index and for
/// aggregation groups. Swift's `Dictionary` runs SipHash on every look-up,
/// which cost 3% of a million-row ingest; these keys are hashes already.
public struct HashIndex: Sendable {
    private var keys: [Int64]
    /// Row id + 1; 0 marks an empty slot.
    private var values: [Int64]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    public subscript(key: Int64) -> Int64? {
        get {
            var i = slot(key)
            while values[i] != 0 {
                if keys[i] == key { return values[i] - 1 }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let row = newValue else { preconditionFailure("HashIndex never removes a key") }
            var i = slot(key)
            while values[i] != 0 {
                if keys[i] == key { values[i] = row + 1; return }
                i = (i + 1) & mask
            }
            keys[i] = key
            values[i] = row + 1
            count += 1
            if count * 4 > (mask + 1) * 3 { grow() }
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for j in oldKeys.indices where oldValues[j] != 0 {
            var i = slot(oldKeys[j])
            while values[i] != 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
        }
    }
}
