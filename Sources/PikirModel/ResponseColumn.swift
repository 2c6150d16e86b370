/// The stored columns of a canonical response, described once, in the
/// `response` table's order (after its `id`): the schema, the INSERT, the
/// cells of `EncodedRows`, the scans and the exports are all derived from
/// this list, so a new stored field is a new case here and its rule in
/// `EncodedRows.append`.
///
/// A column is never renamed or retyped: warehouses made before keep it as
/// it was. A new one gets `since` = the schema version whose migration adds it.
public enum ResponseColumn: String, Sendable, CaseIterable {
    case responseID = "response_id", formID = "form_id", fileID = "file_id", sourceLine = "source_line", fingerprint
    case timestamp, region, city, sessionDate = "session_date", year, month
    case sessionID = "session_id", trainerID = "trainer_id", trainerName = "trainer_name", module
    case participantGroup = "participant_group", lang
    case overall, delivery, content, organisation, applicability, nps, liked, improve, comment
    /// Source columns that mapped to nothing, as a JSON object (`ExtrasJSON`).
    case extras

    /// How a value is stored and read back: text as UTF-8, whole numbers as
    /// 64-bit integers, scores as doubles.
    public enum Storage: String, Sendable {
        case text = "TEXT", integer = "INTEGER", real = "REAL"
    }

    public var name: String { rawValue }

    public var storage: Storage {
        switch self {
        case .fileID, .sourceLine, .fingerprint, .year, .month: .integer
        case .overall, .delivery, .content, .organisation, .applicability, .nps: .real
        default: .text
        }
    }

    /// Never missing: every response has an id, a file and a line.
    public var required: Bool { self == .responseID || self == .fileID || self == .sourceLine }

    /// The schema version that added the column.
    public var since: Int { 1 }

    /// The column's name in `pikir export`, which reads back in as the
    /// canonical field of that name; nil for what is not exported. `file_id`
    /// is exported as the file's path, as `source_file`.
    public var exportName: String? {
        switch self {
        case .formID, .fingerprint: nil
        case .fileID: "source_file"
        case .trainerName: "trainer"
        default: rawValue
        }
    }

    /// The exported columns, in order.
    public static let exported: [ResponseColumn] = allCases.filter { $0.exportName != nil }

    /// Exported as a number (in JSON): `file_id` is exported as the file's path.
    public var exportsNumber: Bool { exportName != nil && storage != .text && self != .fileID }

    /// A stored number as an export writes it: scores are whole numbers
    /// unless rescaled, so 4, not 4.0.
    public static func exportText(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// Filled in by the warehouse as the file is stored, not by the normaliser
    /// (so it is no cell of `EncodedRows`).
    public var isAssignedOnStore: Bool { self == .fileID }

    /// The columns the normaliser fills, in order: one cell each in `EncodedRows`.
    public static let encoded: [ResponseColumn] = allCases.filter { !$0.isAssignedOnStore }

    /// Position of each column among a row's cells of `EncodedRows`; -1 for `file_id`.
    public var cell: Int { Self.cells[Self.allCases.firstIndex(of: self)!] }

    private static let cells: [Int] = allCases.map { column in encoded.firstIndex(of: column) ?? -1 }

    /// The SQL definition of the column (SQLite's types; another warehouse maps `storage` to its own).
    public var definition: String {
        var sql = "\(rawValue) \(storage.rawValue)"
        if required { sql += " NOT NULL" }
        if self == .fileID { sql += " REFERENCES file(id)" }
        return sql
    }
}

/// A column a scan may read: any stored column of a response.
public typealias ScanColumn = ResponseColumn
