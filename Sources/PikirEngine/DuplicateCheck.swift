import PikirModel

/// `DuplicateIndex`'s rule, as `agg --csv` applies it while reading: a
/// response is a duplicate when its form id, or else its fingerprint, is
/// the hash of one met before on a response that was not a duplicate.
struct DuplicateCheck {
    private var formIDs = SeenHashes()
    private var fingerprints = SeenHashes()
    /// A run's keys, copied out of the batch so that the loops below are tight.
    private var keys: [(formID: Int64?, fingerprint: Int64?)] = []

    /// Makes room for `count` more form ids (an estimate: more only grows the sets).
    mutating func expect(formIDs count: Int) {
        formIDs.reserve(formIDs.count + count)
    }

    /// Whether each grouped response, in order, is new, into `fresh`; keeps the keys of those that are.
    mutating func check(_ responses: [GroupedRows.Response], into fresh: inout [Bool]) {
        keys.removeAll(keepingCapacity: true)
        for response in responses { keys.append((response.formIDHash, response.fingerprint)) }
        checkKeys(into: &fresh)
    }

    /// As `check(_:into:)`, for encoded rows.
    mutating func check(_ rows: [EncodedRows.Meta], into fresh: inout [Bool]) {
        keys.removeAll(keepingCapacity: true)
        for row in rows { keys.append((row.formIDHash, row.fingerprint)) }
        checkKeys(into: &fresh)
    }

    /// As `check(_:into:)`, for the keys themselves.
    mutating func check(keys: [(formID: Int64?, fingerprint: Int64?)], into fresh: inout [Bool]) {
        self.keys = keys
        checkKeys(into: &fresh)
    }

    private mutating func checkKeys(into fresh: inout [Bool]) {
        fresh.removeAll(keepingCapacity: true)
        let keys = self.keys
        // In runs of 256, the slots their form ids start at loaded first, in a
        // loop of their own: a probe of the sets (megabytes at a million ids)
        // is a cache miss, and misses overlap only when little else runs
        // between them (this loop's share of the 1M run: 9.4% → 6.9% of
        // samples); longer runs are pushed out of the first-level cache
        // before they are probed, and a loop through closures (a lazy map)
        // kept too few loads in flight to overlap (twice the time).
        var start = 0
        while start < keys.count {
            let run = keys[start..<min(start + 256, keys.count)]
            formIDs.warm(run)
            for (id, fingerprint) in run {
                switch (id, fingerprint) {
                case let (id?, nil): fresh.append(formIDs.insert(id))
                case let (nil, fingerprint?): fresh.append(fingerprints.insert(fingerprint))
                case let (id?, fingerprint?):
                    // The id is kept only when the fingerprint is new too.
                    let new = !formIDs.contains(id) && fingerprints.insert(fingerprint)
                    if new { formIDs.insert(id) }
                    fresh.append(new)
                case (nil, nil): fresh.append(true)
                }
            }
            start = run.endIndex
        }
    }
}
