import Foundation
import GRDB
import GRDBSQLite
import PikirModel

/// Writes one file's outcome inside the transaction that ingests it.
///
/// Statements are prepared once per connection (cached by GRDB) and reused for every row. A
/// response whose id or fingerprint is already in the warehouse (from this
/// file or an earlier one) is recorded as a duplicate of it, never stored twice.
///
/// Responses are stored `FileWriter.group` at a time by one multi-row
/// INSERT: each execution of a statement opens a table cursor, seeks the
/// table's end and closes it again, which for single-row inserts cost about
/// as much as building and storing the row. Rows get consecutive row ids in
/// the order they were given, exactly as one INSERT per row would.
final class FileWriter {
    private let db: Database
    let fileID: Int64
    /// `insertResponses[n]`: the INSERT of n rows, looked up when first needed.
    private var insertResponses: [Statement?] = Array(repeating: nil, count: FileWriter.group + 1)
    private let insertReject: Statement
    private let insertIgnored: Statement
    private let insertDuplicate: Statement
    private let findOriginal: Statement
    private let duplicates: DuplicateIndex
    /// Rows accepted but not yet stored, and the batch whose buffers they are in.
    private var pending: [Int] = []
    private var pendingRows = EncodedRows()

    /// Rows per INSERT: 32 rows × 27 values stay far below SQLite's limit on parameters.
    static let group = 32
    /// Every stored column is a parameter: the row's cells, and `file_id`.
    private static let parametersPerRow = Int32(ResponseColumn.allCases.count)
    /// The parameter (from 1) of each of a row's cells; `file_id`'s is `fileIDParameter`.
    private static let cellParameters: [Int32] = ResponseColumn.encoded.map { Int32(ResponseColumn.allCases.firstIndex(of: $0)! + 1) }
    private static let fileIDParameter = Int32(ResponseColumn.allCases.firstIndex(of: .fileID)! + 1)

    init(db: Database, entry: LedgerEntry, duplicates: DuplicateIndex) throws {
        self.db = db
        self.duplicates = duplicates
        try duplicates.refresh(db)
        try db.execute(sql: """
            INSERT INTO file (path, sha256, size, encoding, delimiter, line_ending, header_line,
                              records, accepted, rejected, duplicates, ignored, redactions, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)
            """, arguments: [entry.path, entry.sha256, entry.size, entry.encoding, entry.delimiter,
                             entry.lineEnding, entry.headerLine, entry.ingestedAt])
        fileID = db.lastInsertedRowID
        insertReject = try db.cachedStatement(sql: "INSERT INTO reject (file_id, line, reason_code, reason, raw) VALUES (?, ?, ?, ?, ?)")
        insertIgnored = try db.cachedStatement(sql: "INSERT INTO ignored_line (file_id, line, reason_code) VALUES (?, ?, ?)")
        insertDuplicate = try db.cachedStatement(sql: "INSERT INTO duplicate (file_id, line, response_id, duplicate_of) VALUES (?, ?, ?, ?)")
        findOriginal = try db.cachedStatement(sql: "SELECT response_id FROM response WHERE id = ?")
        pending.reserveCapacity(Self.group)
    }

    /// Accepts a response, to be stored with the next group (or by `flush`);
    /// false when it duplicates one already accepted.
    ///
    /// `rows` must stay the same batch until `flush` is called.
    func insert(row: Int, of rows: EncodedRows) throws -> Bool {
        let meta = rows.meta[row]
        if let candidate = duplicates.candidate(fingerprint: meta.fingerprint, formIDHash: meta.formIDHash) {
            try flush()  // the original may still be waiting in the group
            if let original = try String.fetchOne(findOriginal, arguments: [candidate.row]),
               !candidate.byFormID || original == rows.string(row: row, column: .formID) {
                try insertDuplicate.execute(arguments: [fileID, meta.sourceLine, rows.string(row: row, column: .responseID), original])
                return false
            }
        }
        if pending.isEmpty { pendingRows = rows }
        pending.append(row)
        // Row ids follow the largest one stored or already promised (NewRowid's rule).
        duplicates.add(rowID: duplicates.highestRowID + 1, fingerprint: meta.fingerprint, formIDHash: meta.formIDHash)
        if pending.count == Self.group { try flush() }
        return true
    }

    /// Stores the accepted responses not yet stored (call after each batch).
    ///
    /// Binds through SQLite's C API straight from the batch's buffers (see
    /// `EncodedRows`): GRDB's `StatementArguments` boxes each value, which
    /// cost more than the insert itself on a million rows. Text is bound
    /// without a copy (SQLITE_STATIC), so the statement is stepped, and its
    /// bindings cleared, inside the closure that lends the bytes: no pointer
    /// to them outlives it.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let count = pending.count
        let statement = try insertStatement(rows: count).sqliteStatement
        sqlite3_reset(statement)
        let cellParameters = Self.cellParameters
        let (code, message) = pendingRows.bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? FileWriter.empty
            return pendingRows.cells.withUnsafeBufferPointer { cells in
                for (n, row) in pending.enumerated() {
                    let first = pendingRows.meta[row].firstCell
                    let offset = Int32(n) * Self.parametersPerRow
                    sqlite3_bind_int64(statement, offset + Self.fileIDParameter, fileID)
                    for column in 0..<EncodedRows.columns {
                        let index = offset + cellParameters[column]
                        let cell = cells[first + column]
                        switch cell.kind {
                        case .null: sqlite3_bind_null(statement, index)
                        case .integer: sqlite3_bind_int64(statement, index, cell.value)
                        case .real: sqlite3_bind_double(statement, index, Double(bitPattern: UInt64(bitPattern: cell.value)))
                        case .text: sqlite3_bind_text(statement, index, base + Int(cell.value), cell.count, FileWriter.staticBytes)
                        }
                    }
                }
                let code = sqlite3_step(statement)
                let message = code == SQLITE_DONE ? "" : String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_clear_bindings(statement)
                return (code, message)
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        // The duplicate index was given these row ids in advance.
        let last = sqlite3_last_insert_rowid(db.sqliteConnection), promised = duplicates.highestRowID
        guard last == promised else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL,
                                message: "responses were stored under row ids \(last - Int64(count) + 1)…\(last), not the expected \(promised - Int64(count) + 1)…\(promised)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func insertStatement(rows: Int) throws -> Statement {
        if let statement = insertResponses[rows] { return statement }
        let statement = try db.cachedStatement(sql: Self.insertSQL[rows])
        insertResponses[rows] = statement
        return statement
    }

    /// The INSERT of n rows at index n (1...group; index 0 is never used).
    /// Statements are cached by the connection, so a run of 200 small files
    /// prepares each once, not per file.
    private static let insertSQL: [String] = [""] + (1...group).map { rows in
        let row = "(" + Array(repeating: "?", count: ResponseColumn.allCases.count).joined(separator: ", ") + ")"
        return "INSERT INTO response (\(ResponseColumn.allCases.map(\.name).joined(separator: ", ")))\n"
            + "VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))"
    }

    /// SQLite's SQLITE_STATIC: SQLite reads the bytes where they are, until the binding is cleared.
    private static let staticBytes = unsafeBitCast(0, to: sqlite3_destructor_type.self)
    /// An address for '' when a batch holds no text at all (a nil pointer would bind NULL).
    nonisolated(unsafe) private static let empty: UnsafePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    func insert(reject line: Int, code: String, message: String, raw: String) throws {
        try insertReject.execute(arguments: [fileID, line, code, message, raw])
    }

    /// A duplicate recorded as given (a copied warehouse's, see `WriteItem.duplicate`).
    func insert(duplicate line: Int, responseID: String, of original: String) throws {
        try insertDuplicate.execute(arguments: [fileID, line, responseID, original])
    }

    func insert(ignored line: Int, code: String) throws {
        try insertIgnored.execute(arguments: [fileID, line, code])
    }

    /// Writes the final counts into the ledger row.
    func finish(_ counts: Accounting) throws {
        try flush()
        try db.execute(sql: """
            UPDATE file SET records = ?, accepted = ?, rejected = ?, duplicates = ?, ignored = ?, redactions = ? WHERE id = ?
            """, arguments: [counts.records, counts.accepted, counts.rejected, counts.duplicates, counts.ignored,
                             counts.redactions, fileID])
    }
}
