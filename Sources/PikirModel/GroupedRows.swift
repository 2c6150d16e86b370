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

    public mutating func append(_ r: CanonicalResponse) {
        let formID = r.hasFormID ? r.responseID : nil
        let start = cells.count, textStart = bytes.count
        for column in columns {
            let cell = EncodedRows.cell(column, of: r, formID: formID) { EncodedRows.text($0, in: &bytes) }
            cells.append(cell ?? .null)
        }
        let hash = self.hash(from: start)
        let first = index[hash].map(Int32.init) ?? -1
        var group = first
        while group >= 0 && !same(Int(group), asFrom: start) { group = sameHash[Int(group)] }
        if group >= 0 {
            cells.removeSubrange(start...)
            bytes.removeSubrange(textStart...)
        } else {
            group = Int32(sameHash.count)
            sameHash.append(first)
            index[hash] = Int64(group)
        }
        responses.append(Response(formIDHash: formID.map(Fingerprint.of), fingerprint: r.fingerprint, group: group))
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

    /// The cells from `start` to the end, hashed: kinds, numbers, and texts by their bytes.
    private func hash(from start: Int) -> Int64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for cell in cells[start...] {
            h = (h ^ UInt64(cell.kind.rawValue)) &* 0x1000_0000_01B3
            if cell.kind == .text {
                let from = Int(cell.value)
                for b in bytes[from..<from + Int(cell.count)] { h = (h ^ UInt64(b)) &* 0x1000_0000_01B3 }
                h = (h ^ UInt64(cell.count)) &* 0x1000_0000_01B3
            } else {
                h = (h ^ UInt64(bitPattern: cell.value)) &* 0x1000_0000_01B3
                h ^= h >> 29
            }
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int64(bitPattern: h)
    }

    /// Whether combination `group` has the cells from `start` on.
    private func same(_ group: Int, asFrom start: Int) -> Bool {
        let width = columns.count
        for k in 0..<width {
            let a = cells[group * width + k], b = cells[start + k]
            guard a.kind == b.kind else { return false }
            if a.kind == .text {
                guard a.count == b.count else { return false }
                let x = Int(a.value), y = Int(b.value)
                if !bytes[x..<x + Int(a.count)].elementsEqual(bytes[y..<y + Int(b.count)]) { return false }
            } else if a.value != b.value {
                return false
            }
        }
        return true
    }
}
