import Synchronization

/// The 64-bit hashes (form ids, fingerprints) seen so far in a run of
/// `agg --csv`: a set of keys in 64 open-addressing tables with linear
/// probing, each picked by a key's top six bits and at most 70% full.
///
/// Memory stays near the keys' own 8 bytes: a `HashIndex` keeps a row id
/// beside each key, which nothing here reads, and doubles its one table, so
/// at a million form ids it held 32 MB, 48 MB while growing, half the
/// command's peak. Here a table grows by half, one table at a time: 12–17 MB
/// for a million keys, and a sixty-fourth of that more while one grows.
/// (Tables up to 85% full, grown by a quarter, held 10–12 MB, but linear
/// probing at that load walks long runs, and growing that often rehashed
/// every key five times: 110 ns a key against 60, on this machine.)
struct SeenHashes {
    private var tables: [Table] = (0..<64).map { _ in Table() }
    /// 0 marks an empty slot; the key 0 itself is kept here.
    private var hasZero = false

    @inline(__always)
    private static func table(_ key: Int64) -> Int { Int(UInt64(bitPattern: key) >> 58) }

    func contains(_ key: Int64) -> Bool {
        key == 0 ? hasZero : tables[Self.table(key)].contains(key)
    }

    /// Loads the slot where a probe for each form id of `keys` starts, and nothing
    /// else: independent loads, so their cache misses overlap, and the
    /// probes that follow find the slots in the cache.
    func warm(_ keys: ArraySlice<(formID: Int64?, fingerprint: Int64?)>) {
        var sum: Int64 = 0
        for case (let key?, _) in keys where key != 0 { sum &+= tables[Self.table(key)].first(key) }
        // Stored where the optimiser must keep it, so the loads stay; an
        // atomic, as two aggregations in one process may warm at once.
        Self.warmth.store(sum, ordering: .relaxed)
    }

    private static let warmth = Atomic<Int64>(0)

    /// Keys kept.
    var count: Int { tables.reduce(0) { $0 + $1.count } + (hasZero ? 1 : 0) }

    /// Makes room for `total` keys in all, spread evenly over the tables,
    /// so that reading that many grows no table (growing rehashed every
    /// key about twice: a third of the duplicate check's time at a million
    /// form ids).
    mutating func reserve(_ total: Int) {
        let perTable = total / tables.count + 1
        for t in tables.indices { tables[t].reserve(perTable) }
    }

    /// Adds `key`; false when it was there already (one probe, where
    /// `contains` then inserting took two).
    @discardableResult
    mutating func insert(_ key: Int64) -> Bool {
        guard key != 0 else {
            defer { hasZero = true }
            return !hasZero
        }
        return tables[Self.table(key)].insert(key)
    }

    private struct Table {
        var slots = [Int64](repeating: 0, count: 64)
        var count = 0

        /// The first slot to look at: the key's hash scaled to the table's
        /// size (any size, not only powers of two), always below `size`.
        @inline(__always)
        static func start(_ key: Int64, _ size: Int) -> Int {
            let mixed = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
            return Int(mixed.multipliedFullWidth(by: UInt64(size)).high)
        }

        /// The slot a probe for `key` starts at, plus the one seven on
        /// (or the last): a probe at 70% load looks at several slots and
        /// often runs into the next cache line.
        func first(_ key: Int64) -> Int64 {
            slots.withUnsafeBufferPointer { slots in
                let i = Self.start(key, slots.count)
                return slots[i] &+ slots[min(i + 7, slots.count - 1)]
            }
        }

        // Every index below starts under `slots.count` (see `start`) and
        // wraps to 0 when it reaches it, so the buffer accesses stay in bounds;
        // the table is never full (at most 70%), so each probe ends at a 0.
        func contains(_ key: Int64) -> Bool {
            slots.withUnsafeBufferPointer { slots in
                var i = Self.start(key, slots.count)
                while slots[i] != 0 {
                    if slots[i] == key { return true }
                    i += 1
                    if i == slots.count { i = 0 }
                }
                return false
            }
        }

        mutating func insert(_ key: Int64) -> Bool {
            let added: Bool = slots.withUnsafeMutableBufferPointer { slots in
                var i = Self.start(key, slots.count)
                while slots[i] != 0 {
                    if slots[i] == key { return false }
                    i += 1
                    if i == slots.count { i = 0 }
                }
                slots[i] = key
                return true
            }
            guard added else { return false }
            count += 1
            if count * 10 > slots.count * 7 { grow() }
            return true
        }

        /// Room for `keys` keys without passing 70%.
        mutating func reserve(_ keys: Int) {
            let size = keys * 10 / 7 + 1
            if size > slots.count { grow(to: size) }
        }

        private mutating func grow(to size: Int? = nil) {
            let old = slots
            slots = [Int64](repeating: 0, count: size ?? old.count + old.count / 2)
            slots.withUnsafeMutableBufferPointer { slots in
                for key in old where key != 0 {
                    var i = Self.start(key, slots.count)
                    while slots[i] != 0 {
                        i += 1
                        if i == slots.count { i = 0 }
                    }
                    slots[i] = key
                }
            }
        }
    }
}
