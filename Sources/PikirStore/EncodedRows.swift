import PikirNormalise

/// Responses turned into the `response` table's parameter values on the
/// thread that normalised them, so the thread holding the database only
/// binds and steps.
///
/// Every text of a batch lives in one byte buffer that SQLite reads in place;
/// the responses' own strings are freed on the thread that made them. This
/// halved the writer's non-SQLite work on a million rows (retain, release,
/// and frees of memory allocated on another thread).
struct EncodedRows {
    /// One parameter value; text is a range of `bytes`.
    struct Cell {
        enum Kind: UInt8 { case null, integer, real, text }
        var kind: Kind
        var count: Int32
        var value: Int64
    }

    /// What the writer needs besides the values: duplicate detection and provenance.
    struct Meta {
        var sourceLine: Int
        var fingerprint: Int64?
        /// Hash of the form's own id (`Fingerprint.of`), when the export has one.
        var formIDHash: Int64?
        /// Cell holding `response_id`.
        var firstCell: Int
    }

    /// The `response` columns after `file_id`, in `FileWriter`'s insert order.
    static let columns = 26

    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Cell] = []
    private(set) var meta: [Meta] = []

    var count: Int { meta.count }

    mutating func reserve(_ rows: Int) {
        cells.reserveCapacity(rows * Self.columns)
        meta.reserveCapacity(rows)
        bytes.reserveCapacity(rows * 256)
    }

    /// Appends one response's values; returns its row index.
    mutating func append(_ r: CanonicalResponse) -> Int {
        let formID = r.hasFormID ? r.responseID : nil
        meta.append(Meta(sourceLine: r.sourceLine, fingerprint: r.fingerprint,
                         formIDHash: formID.map(Fingerprint.of), firstCell: cells.count))
        let s = r.scores
        text(r.responseID)
        text(formID)
        integer(r.sourceLine)
        integer(r.fingerprint.map(Int.init))
        text(r.timestamp)
        text(r.region)
        text(r.city)
        text(r.sessionDate)
        integer(r.year)
        integer(r.month)
        text(r.sessionID)
        text(r.trainerID)
        text(r.trainerName)
        text(r.module)
        text(r.participantGroup)
        text(r.lang)
        real(s.overall)
        real(s.delivery)
        real(s.content)
        real(s.organisation)
        real(s.applicability)
        real(s.nps)
        text(r.liked)
        text(r.improve)
        text(r.comment)
        text(r.extras.isEmpty ? nil : ExtrasJSON.encode(r.extras))
        return meta.count - 1
    }

    /// Position of each scannable column among a row's cells.
    static func cell(_ column: Warehouse.ScanColumn) -> Int {
        switch column {
        case .formID: 1
        case .fingerprint: 3
        case .region: 5
        case .city: 6
        case .sessionDate: 7
        case .year: 8
        case .month: 9
        case .sessionID: 10
        case .trainerID: 11
        case .trainerName: 12
        case .module: 13
        case .participantGroup: 14
        case .lang: 15
        case .overall: 16
        case .delivery: 17
        case .content: 18
        case .organisation: 19
        case .applicability: 20
        case .nps: 21
        case .liked: 22
        case .improve: 23
        case .comment: 24
        case .extras: 25
        case .fileID: -1  // not known before the file is stored
        }
    }

    /// The text of a cell (for the rare paths that need a String).
    func string(row: Int, column: Int) -> String? {
        let cell = cells[meta[row].firstCell + column]
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
