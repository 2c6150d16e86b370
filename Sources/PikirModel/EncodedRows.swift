import PikirNormalise

/// Responses turned into the `response` table's parameter values on the
/// thread that normalised them, so the thread holding the database only
/// binds and steps.
///
/// Every text of a batch lives in one byte buffer that SQLite reads in place;
/// the responses' own strings are freed on the thread that made them. This
/// halved the writer's non-SQLite work on a million rows (retain, release,
/// and frees of memory allocated on another thread).
public struct EncodedRows: Sendable {
    /// One parameter value; text is a range of `bytes`.
    public struct Cell: Sendable {
        public enum Kind: UInt8, Sendable { case null, integer, real, text }
        public var kind: Kind
        public var count: Int32
        public var value: Int64
    }

    /// What the writer needs besides the values: duplicate detection and provenance.
    public struct Meta: Sendable {
        public var sourceLine: Int
        public var fingerprint: Int64?
        /// Hash of the form's own id (`Fingerprint.of`), when the export has one.
        public var formIDHash: Int64?
        /// Cell holding `response_id`.
        public var firstCell: Int
    }

    /// Cells per row: the columns the normaliser fills.
    public static let columns = ResponseColumn.encoded.count

    /// The columns a batch encodes, as bits by position in `ResponseColumn.encoded`.
    public struct Columns: Sendable, Equatable {
        var bits: UInt64
        public static let all = Columns(bits: ~0)

        /// Only these: what an aggregation reads. The others are null cells,
        /// so rows keep their shape and every reader its offsets.
        public init(_ columns: some Sequence<ResponseColumn>) {
            bits = 0
            for column in columns where column.cell >= 0 { bits |= 1 << UInt64(column.cell) }
        }

        private init(bits: UInt64) { self.bits = bits }
    }

    public private(set) var bytes: [UInt8] = []
    public private(set) var cells: [Cell] = []
    public private(set) var meta: [Meta] = []
    public let columns: Columns

    public init(columns: Columns = .all) {
        self.columns = columns
    }

    public var count: Int { meta.count }

    public mutating func reserve(_ rows: Int) {
        cells.reserveCapacity(rows * Self.columns)
        meta.reserveCapacity(rows)
        bytes.reserveCapacity(rows * 256)
    }

    /// Appends one response's values, one cell per `ResponseColumn.encoded`
    /// in its order; returns its row index.
    public mutating func append(_ r: CanonicalResponse) -> Int {
        let formID = r.hasFormID ? r.responseID : nil
        meta.append(Meta(sourceLine: r.sourceLine, fingerprint: r.fingerprint,
                         formIDHash: formID.map(Fingerprint.of), firstCell: cells.count))
        let s = r.scores
        // The rule that fills each stored column (a new column fails to compile until it has one).
        for (position, column) in ResponseColumn.encoded.enumerated() {
            guard columns.bits & (1 << UInt64(position)) != 0 else {
                cells.append(Cell(kind: .null, count: 0, value: 0))
                continue
            }
            switch column {
            case .responseID: text(r.responseID)
            case .formID: text(formID)
            case .fileID: break  // assigned by the warehouse
            case .sourceLine: integer(r.sourceLine)
            case .fingerprint: integer(r.fingerprint.map(Int.init))
            case .timestamp: text(r.timestamp)
            case .region: text(r.region)
            case .city: text(r.city)
            case .sessionDate: text(r.sessionDate)
            case .year: integer(r.year)
            case .month: integer(r.month)
            case .sessionID: text(r.sessionID)
            case .trainerID: text(r.trainerID)
            case .trainerName: text(r.trainerName)
            case .module: text(r.module)
            case .participantGroup: text(r.participantGroup)
            case .lang: text(r.lang)
            case .overall: real(s.overall)
            case .delivery: real(s.delivery)
            case .content: real(s.content)
            case .organisation: real(s.organisation)
            case .applicability: real(s.applicability)
            case .nps: real(s.nps)
            case .liked: text(r.liked)
            case .improve: text(r.improve)
            case .comment: text(r.comment)
            case .extras: text(r.extras.isEmpty ? nil : ExtrasJSON.encode(r.extras))
            }
        }
        return meta.count - 1
    }

    /// Appends a response as a warehouse stored it (read back to be stored
    /// elsewhere): `row` reads `ResponseColumn.encoded` by position; returns its row index.
    public mutating func append(stored row: some ResponseRow) -> Int {
        let line = row.integer(ResponseColumn.sourceLine.cell) ?? 0
        let formID = row.bytes(ResponseColumn.formID.cell).map { String(decoding: $0, as: UTF8.self) }
        meta.append(Meta(sourceLine: line, fingerprint: row.integer(ResponseColumn.fingerprint.cell).map(Int64.init),
                         formIDHash: formID.map(Fingerprint.of), firstCell: cells.count))
        for (i, column) in ResponseColumn.encoded.enumerated() {
            switch column.storage {
            case .text:
                guard let value = row.bytes(i) else { cells.append(Cell(kind: .null, count: 0, value: 0)); continue }
                let start = bytes.count
                bytes.append(contentsOf: value)
                cells.append(Cell(kind: .text, count: Int32(value.count), value: Int64(start)))
            case .integer: integer(row.integer(i))
            case .real: real(row.double(i))
            }
        }
        return meta.count - 1
    }

    /// The text of a cell (for the rare paths that need a String).
    public func string(row: Int, column: ResponseColumn) -> String? {
        let cell = cells[meta[row].firstCell + column.cell]
        guard cell.kind == .text else { return nil }
        let start = Int(cell.value)
        return String(decoding: bytes[start..<start + Int(cell.count)], as: UTF8.self)
    }

    private mutating func text(_ value: String?) {
        guard var value else { cells.append(Cell(kind: .null, count: 0, value: 0)); return }
        let start = bytes.count
        value.withUTF8 { bytes.append(contentsOf: $0) }
        cells.append(Cell(kind: .text, count: Int32(bytes.count - start), value: Int64(start)))
    }

    private mutating func integer(_ value: Int?) {
        if let value { cells.append(Cell(kind: .integer, count: 0, value: Int64(value))) }
        else { cells.append(Cell(kind: .null, count: 0, value: 0)) }
    }

    private mutating func real(_ value: Double?) {
        if let value { cells.append(Cell(kind: .real, count: 0, value: Int64(bitPattern: value.bitPattern))) }
        else { cells.append(Cell(kind: .null, count: 0, value: 0)) }
    }
}
