import PikirNormalise

/// A batch's responses as the distinct combinations of the columns an
/// aggregation reads, each response keeping only its keys for duplicate
/// detection and which combination it has: what the parts of an export hand
/// to `pikir agg --csv` when the aggregation counts (`GroupedResponseSource`).
///
/// A row of 27 encoded cells cost a part's thread more than the aggregation
/// of it did, and the thread aggregating every row was the slowest of the
/// three; a combination is encoded once per batch and counted later, by the
/// consumer, once it knows which responses are duplicates.
public struct GroupedRows: Sendable {
    /// One response: its duplicate keys, and its combination.
    public struct Response: Sendable {
        private let id: Int64
        private let print: Int64
        private let has: UInt8
        /// Index of its combination.
        public let group: Int32

        init(formIDHash: Int64?, fingerprint: Int64?, group: Int32) {
            id = formIDHash ?? 0
            print = fingerprint ?? 0
            has = (formIDHash == nil ? 0 : 1) | (fingerprint == nil ? 0 : 2)
            self.group = group
        }

        /// Hash of the form's own id (`Fingerprint.of`), when the export has one.
        public var formIDHash: Int64? { has & 1 != 0 ? id : nil }
        public var fingerprint: Int64? { has & 2 != 0 ? print : nil }
    }

    /// The columns of each combination, in the scan's order.
    public let columns: [ResponseColumn]
    /// In the order read.
    public private(set) var responses: [Response] = []
    /// `columns.count` cells per combination, in the order first met; texts are ranges of `bytes`.
    public private(set) var cells: [EncodedRows.Cell] = []
    public private(set) var bytes: [UInt8] = []
    /// Combination by hash of its cells; `sameHash` chains the rare others with that hash.
    private var index = HashIndex(capacity: 256)
    private var sameHash: [Int32] = []

    /// Each column's cell in a combination: its position.
    private let offsets: [Int]

    public init(columns: [ResponseColumn]) {
        self.columns = columns
        offsets = Array(columns.indices)
    }

    /// Distinct combinations.
    public var groupCount: Int { sameHash.count }

    /// Adds a response: its keys, and its combination, new or met before.
    ///
    /// The combination is hashed and compared straight from the response's
    /// fields, and encoded only when it is new: appending every response's
    /// cells and texts, to hash them and take them off again, cost more than
    /// the rest of the grouping.
    public mutating func append(_ r: CanonicalResponse) {
        let formID = r.hasFormID ? r.responseID : nil
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for column in columns {
            let cell = EncodedRows.cell(column, of: r, formID: formID) { text in
                guard var text else { return .null }
                let count = text.withUTF8 { utf8 in
                    for b in utf8 { h = (h ^ UInt64(b)) &* 0x1000_0000_01B3 }
                    return utf8.count
                }
                return EncodedRows.Cell(kind: .text, count: Int32(count), value: 0)
            } ?? .null
            h = (h ^ UInt64(cell.kind.rawValue)) &* 0x1000_0000_01B3
            h = (h ^ (cell.kind == .text ? UInt64(cell.count) : UInt64(bitPattern: cell.value))) &* 0x1000_0000_01B3
            h ^= h >> 29
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        let hash = Int64(bitPattern: h)
        let first = index[hash].map(Int32.init) ?? -1
        var group = first
        while group >= 0 && !isCombination(Int(group), of: r, formID: formID) { group = sameHash[Int(group)] }
        if group < 0 {
            group = Int32(sameHash.count)
            sameHash.append(first)
            index[hash] = Int64(group)
            for column in columns {
                let cell = EncodedRows.cell(column, of: r, formID: formID) { EncodedRows.text($0, in: &bytes) }
                cells.append(cell ?? .null)
            }
        }
        responses.append(Response(formIDHash: formID.map(Fingerprint.of), fingerprint: r.fingerprint, group: group))
    }

    /// Whether combination `group` holds the response's values of `columns`.
    /// Its walk over the cells is written out beside `append`'s, not shared
    /// through a helper taking a closure: that put the variables the closures
    /// capture under run-time exclusivity checks (11% of `agg --csv`).
    private func isCombination(_ group: Int, of r: CanonicalResponse, formID: String?) -> Bool {
        var k = group * columns.count
        for column in columns {
            let stored = cells[k]
            k += 1
            var sameText = false
            let cell = EncodedRows.cell(column, of: r, formID: formID) { text in
                guard var text else { return .null }
                let count = text.withUTF8 { utf8 in
                    if stored.kind == .text && Int(stored.count) == utf8.count {
                        let from = Int(stored.value)
                        sameText = bytes[from..<(from + utf8.count)].elementsEqual(utf8)
                    }
                    return utf8.count
                }
                return EncodedRows.Cell(kind: .text, count: Int32(count), value: 0)
            } ?? .null
            guard cell.kind == stored.kind else { return false }
            if cell.kind == .text ? !sameText : cell.value != stored.value { return false }
        }
        return true
    }

    /// Combination `group` as a row of `columns`, for the call of `body`.
    public func withRow<T>(_ group: Int, _ body: (any ResponseRow) throws -> T) rethrows -> T {
        try cells.withUnsafeBufferPointer { cells in
            try bytes.withUnsafeBufferPointer { bytes in
                try offsets.withUnsafeBufferPointer { offsets in
                    try body(EncodedRowView(cells: cells, base: bytes.baseAddress, first: group * columns.count, offsets: offsets))
                }
            }
        }
    }
}
