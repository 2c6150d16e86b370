/// Group number by packed group key: open addressing with linear probing,
/// at most half full. `Dictionary` hashes every key with SipHash, a tenth
/// of a million-row aggregation; these keys are a few small ids.
struct GroupIndex {
    private var keys: [UInt64]
    /// Group number + 1; 0 marks an empty slot.
    private var values: [Int]
    private var mask: Int
    private var count = 0

    init() {
        keys = Array(repeating: 0, count: 64)
        values = Array(repeating: 0, count: 64)
        mask = 63
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(key: UInt64) -> Int? {
        get {
            var i = slot(key)
            while values[i] != 0 {
                if keys[i] == key { return values[i] - 1 }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let group = newValue else { preconditionFailure("groups are never removed") }
            var i = slot(key)
            while values[i] != 0 {
                if keys[i] == key { values[i] = group + 1; return }
                i = (i + 1) & mask
            }
            keys[i] = key
            values[i] = group + 1
            count += 1
            if count * 2 > mask { grow() }
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
