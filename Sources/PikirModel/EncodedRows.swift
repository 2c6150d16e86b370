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
    /// A row of null cells, appended in one copy.
    private static let nullRow = [Cell](repeating: .null, count: columns)

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
    /// The encoded columns `columns` keeps, with their positions.
    private let chosen: [(position: Int, column: ResponseColumn)]

    public init(columns: Columns = .all) {
        self.columns = columns
        chosen = ResponseColumn.encoded.enumerated().filter { columns.bits & (1 << UInt64($0.offset)) != 0 }
            .map { (position: $0.offset, column: $0.element) }
    }

    public var count: Int { meta.count }

    public mutating func reserve(_ rows: Int) {
        cells.reserveCapacity(rows * Self.columns)
        meta.reserveCapacity(rows)
        bytes.reserveCapacity(rows * 256)
    }

    /// Appends one response's values, one cell per `ResponseColumn.encoded`
    /// in its order (null where `columns` leaves a column out); returns its row index.
    public mutating func append(_ r: CanonicalResponse) -> Int {
        let formID = r.hasFormID ? r.responseID : nil
        let first = cells.count
        meta.append(Meta(sourceLine: r.sourceLine, fingerprint: r.fingerprint,
                         formIDHash: formID.map(Fingerprint.of), firstCell: first))
        // One append for the row's cells, then only the chosen ones filled in:
        // an aggregation reads four or five of the 27.
        cells.append(contentsOf: Self.nullRow)
        for (position, column) in chosen {
            guard let cell = Self.cell(column, of: r, formID: formID, text: { text($0) }) else { continue }
            cells[first + position] = cell
        }
        return meta.count - 1
    }

    /// The rule that fills each stored column from a response (a new column
    /// fails to compile until it has one): written once, for the rows a
    /// writer stores and for the combinations an aggregation counts
    /// (`GroupedRows`). `text` keeps a text and gives its cell; nil for the
    /// file id, which the warehouse assigns (never encoded).
    @inline(__always)
    static func cell(_ column: ResponseColumn, of r: CanonicalResponse, formID: String?,
                     text: (String?) -> Cell) -> Cell? {
        let s = r.scores
        switch column {
        case .responseID: return text(r.responseID)
        case .formID: return text(formID)
        case .fileID: return nil
        case .sourceLine: return .integer(r.sourceLine)
        case .fingerprint: return .integer(r.fingerprint.map(Int.init))
        case .timestamp: return text(r.timestamp)
        case .region: return text(r.region)
        case .city: return text(r.city)
        case .sessionDate: return text(r.sessionDate)
        case .year: return .integer(r.year)
        case .month: return .integer(r.month)
        case .sessionID: return text(r.sessionID)
        case .trainerID: return text(r.trainerID)
        case .trainerName: return text(r.trainerName)
        case .module: return text(r.module)
        case .participantGroup: return text(r.participantGroup)
        case .lang: return text(r.lang)
        case .overall: return .real(s.overall)
        case .delivery: return .real(s.delivery)
        case .content: return .real(s.content)
        case .organisation: return .real(s.organisation)
        case .applicability: return .real(s.applicability)
        case .nps: return .real(s.nps)
        case .liked: return text(r.liked)
        case .improve: return text(r.improve)
        case .comment: return text(r.comment)
        case .extras: return text(r.extras.isEmpty ? nil : ExtrasJSON.encode(r.extras))
        }
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
                guard let value = row.bytes(i) else { cells.append(.null); continue }
                let start = bytes.count
                bytes.append(contentsOf: value)
                cells.append(Cell(kind: .text, count: Int32(value.count), value: Int64(start)))
            case .integer: cells.append(.integer(row.integer(i)))
            case .real: cells.append(.real(row.double(i)))
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

    private mutating func text(_ value: String?) -> Cell { Self.text(value, in: &bytes) }

    /// A text cell, its bytes appended to `bytes`.
    @inline(__always)
    static func text(_ value: String?, in bytes: inout [UInt8]) -> Cell {
        guard var value else { return .null }
        let start = bytes.count
        value.withUTF8 { bytes.append(contentsOf: $0) }
        return Cell(kind: .text, count: Int32(bytes.count - start), value: Int64(start))
    }
}

extension EncodedRows.Cell {
    static let null = Self(kind: .null, count: 0, value: 0)

    static func integer(_ value: Int?) -> Self {
        value.map { Self(kind: .integer, count: 0, value: Int64($0)) } ?? .null
    }

    static func real(_ value: Double?) -> Self {
        value.map { Self(kind: .real, count: 0, value: Int64(bitPattern: $0.bitPattern)) } ?? .null
    }
}
