import GRDB
import GRDBSQLite
import PikirModel

/// One stored file read back as the batches `Warehouse.store` takes, for
/// `pikir warehouse copy`.
///
/// Each table is read a page at a time (by row id, after the last one read),
/// each page in its own short read: a stored file never changes, so the pages
/// fit together without one long transaction held across the caller's writes
/// elsewhere, and only a page per table is in memory.
///
/// No table has an index on `file_id`, so each is read only within the row
/// ids that hold the file (`Span`): a file's rows are written in one
/// transaction, after those of the files stored before it, so they lie
/// between two row ids a binary search finds. That is checked by counting
/// them against the ledger; where it does not hold, the whole table is read.
final class SQLiteStoredFile: StoredFileReader {
    private let warehouse: SQLiteWarehouse
    private let fileID: Int64
    /// Items per batch, and rows per page of each table.
    static let batchSize = 512

    /// The row ids `first..<end` of a table that hold all of the file's rows.
    struct Span {
        var first: Int64 = 0, end: Int64 = .max
    }

    private struct Pending<T> {
        var items: [(line: Int, item: T)] = []
        var next = 0
        var lastRowID: Int64
        var end: Int64
        var exhausted = false
        var head: (line: Int, item: T)? { next < items.count ? items[next] : nil }
        var usedUp: Bool { head == nil && !exhausted }

        init(_ span: Span) {
            lastRowID = span.first - 1
            end = span.end
        }

        mutating func startPage() {
            items.removeAll(keepingCapacity: true)
            next = 0
        }
    }

    private var responses: Pending<Int>
    private var responseRows = EncodedRows()
    private var rejects: Pending<WriteItem>
    private var ignored: Pending<WriteItem>
    private var duplicates: Pending<WriteItem>

    init(warehouse: SQLiteWarehouse, sha256: String) throws {
        self.warehouse = warehouse
        guard let entry = try warehouse.read({ db in try LedgerEntry.fetch(db, sha256: sha256) }), let id = entry.id else {
            throw StoreError(code: .database, problem: "no stored file has the SHA-256 \(sha256)",
                             advice: "list the warehouse's files with `pikir rejects --db \(warehouse.path)` and give one of them", path: warehouse.path)
        }
        fileID = id
        let spans = try warehouse.read { db in
            try [("response", entry.accepted), ("reject", entry.rejected), ("ignored_line", entry.ignored), ("duplicate", entry.duplicates)]
                .map { try Self.span(db, table: $0.0, fileID: id, rows: $0.1) }
        }
        responses = Pending(spans[0])
        rejects = Pending(spans[1])
        ignored = Pending(spans[2])
        duplicates = Pending(spans[3])
    }

    /// The row ids of `table` holding the file's `rows` rows, when they lie
    /// between the rows of files before and after it; else the whole table.
    ///
    /// - Complexity: O(log n) look-ups by row id, and a count of the span.
    static func span(_ db: Database, table: String, fileID: Int64, rows: Int) throws -> Span {
        guard let low = try Int64.fetchOne(db, sql: "SELECT min(rowid) FROM \(table)"),
              let high = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") else { return Span() }
        let probe = try db.makeStatement(sql: "SELECT file_id FROM \(table) WHERE rowid >= ? ORDER BY rowid LIMIT 1")
        // The first row id from which file ids are above `limit`, were they in order.
        func firstAbove(_ limit: Int64) throws -> Int64 {
            var a = low, b = high + 1
            while a < b {
                let middle = a + (b - a) / 2
                if try Int64.fetchOne(probe, arguments: [middle]) ?? .max > limit { b = middle } else { a = middle + 1 }
            }
            return a
        }
        let span = Span(first: try firstAbove(fileID - 1), end: try firstAbove(fileID))
        let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE rowid >= ? AND rowid < ? AND file_id = ?",
                                     arguments: [span.first, span.end, fileID])
        return found == rows ? span : Span()
    }

    /// The encoded columns, then the row id.
    private static let responseSQL = """
        SELECT \(ResponseColumn.encoded.map(\.name).joined(separator: ", ")), id FROM response
        WHERE file_id = ? AND id > ? AND id < ? ORDER BY id LIMIT \(batchSize)
        """

    func next() throws -> WriteBatch? {
        var batch = WriteBatch()
        try refill()
        // The items name rows of the current page of responses: the batch carries that page.
        batch.rows = responseRows
        while batch.items.count < Self.batchSize {
            // The earliest line first; on one line, a response before what else that line holds.
            var best: (line: Int, kind: Int)?
            for (kind, line) in [(0, responses.head?.line), (1, rejects.head?.line), (2, ignored.head?.line), (3, duplicates.head?.line)] {
                guard let line else { continue }
                if best == nil || line < best!.line { best = (line, kind) }
            }
            guard let best else { break }
            switch best.kind {
            case 0:
                batch.items.append(.response(row: responses.head!.item))
                responses.next += 1
            case 1:
                batch.items.append(rejects.head!.item)
                batch.rejected += 1
                rejects.next += 1
            case 2:
                batch.items.append(ignored.head!.item)
                batch.ignored += 1
                ignored.next += 1
            default:
                batch.items.append(duplicates.head!.item)
                duplicates.next += 1
            }
            // A page used up is read again for the next batch: this one's rows must stay as they are,
            // and the next page may hold an earlier line than the other tables' heads.
            if responses.usedUp || rejects.usedUp || ignored.usedUp || duplicates.usedUp { break }
        }
        return batch.items.isEmpty ? nil : batch
    }

    /// Reads the next page of each table whose page is used up.
    private func refill() throws {
        try warehouse.read { db in
            if responses.usedUp {
                responses.startPage()
                responseRows = EncodedRows()
                let statement = try db.makeStatement(sql: Self.responseSQL)
                try statement.setArguments([fileID, responses.lastRowID, responses.end])
                let handle = statement.sqliteStatement
                let idColumn = ResponseColumn.encoded.count
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    let row = SQLiteWarehouse.ScanRow(statement: handle)
                    let index = responseRows.append(stored: row)
                    responses.items.append((responseRows.meta[index].sourceLine, index))
                    responses.lastRowID = Int64(row.integer(idColumn)!)
                }
                responses.exhausted = responses.items.count < Self.batchSize
            }
            try page(&rejects, db, table: "reject", columns: "line, reason_code, reason, raw") { row in
                .reject(line: row[1], code: row[2], message: row[3], raw: row[4])
            }
            try page(&ignored, db, table: "ignored_line", columns: "line, reason_code") { row in
                .ignored(line: row[1], code: row[2])
            }
            try page(&duplicates, db, table: "duplicate", columns: "line, response_id, duplicate_of") { row in
                .duplicate(line: row[1], responseID: row[2], of: row[3])
            }
        }
    }

    /// The next page of a table, in the order stored, when its page is used
    /// up; `item` reads a row of `rowid, line, columns…`.
    private func page(_ pending: inout Pending<WriteItem>, _ db: Database, table: String, columns: String, _ item: (Row) -> WriteItem) throws {
        guard pending.usedUp else { return }
        pending.startPage()
        let rows = try Row.fetchAll(db, sql: """
            SELECT rowid, \(columns) FROM \(table) WHERE file_id = ? AND rowid > ? AND rowid < ? ORDER BY rowid LIMIT \(Self.batchSize)
            """, arguments: [fileID, pending.lastRowID, pending.end])
        for row in rows {
            pending.items.append((row[1], item(row)))
            pending.lastRowID = row[0]
        }
        pending.exhausted = rows.count < Self.batchSize
    }
}

extension SQLiteWarehouse {
    public func storedFile(sha256: String) throws -> any StoredFileReader {
        try SQLiteStoredFile(warehouse: self, sha256: sha256)
    }
}
