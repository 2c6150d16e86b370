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
final class SQLiteStoredFile: StoredFileReader {
    private let warehouse: SQLiteWarehouse
    private let fileID: Int64
    /// Items per batch, and rows per page of each table.
    static let batchSize = 512

    private struct Pending<T> {
        var items: [(line: Int, rowID: Int64, item: T)] = []
        var next = 0
        var lastRowID: Int64 = 0
        var exhausted = false
        var head: (line: Int, rowID: Int64, item: T)? { next < items.count ? items[next] : nil }
    }

    private var responses = Pending<Int>()
    private var responseRows = EncodedRows()
    private var rejects = Pending<WriteItem>()
    private var ignored = Pending<WriteItem>()
    private var duplicates = Pending<WriteItem>()

    init(warehouse: SQLiteWarehouse, sha256: String) throws {
        self.warehouse = warehouse
        guard let id = try warehouse.read({ db in try LedgerEntry.fetch(db, sha256: sha256)?.id }) else {
            throw StoreError(code: .database, problem: "no stored file has the SHA-256 \(sha256)",
                             advice: "list the warehouse's files with `pikir rejects --db \(warehouse.path)` and give one of them", path: warehouse.path)
        }
        fileID = id
    }

    /// The encoded columns, then the row id.
    private static let responseSQL = """
        SELECT \(ResponseColumn.encoded.map(\.name).joined(separator: ", ")), id FROM response
        WHERE file_id = ? AND id > ? ORDER BY id LIMIT \(batchSize)
        """

    func next() throws -> WriteBatch? {
        var batch = WriteBatch()
        try refill()
        // Responses move whole into the batch's rows: keep the page's rows and take the items from it.
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
            // A page used up is read again only in the next batch: the rows of this one must stay as they are.
            if responses.head == nil && !responses.exhausted { break }
            if [rejects.head == nil && !rejects.exhausted, ignored.head == nil && !ignored.exhausted,
                duplicates.head == nil && !duplicates.exhausted].contains(true) { break }
        }
        return batch.items.isEmpty ? nil : batch
    }

    /// Reads the next page of each table whose page is used up.
    private func refill() throws {
        try warehouse.read { db in
            if responses.head == nil && !responses.exhausted {
                responses = Pending(lastRowID: responses.lastRowID)
                responseRows = EncodedRows()
                let statement = try db.makeStatement(sql: Self.responseSQL)
                try statement.setArguments([fileID, responses.lastRowID])
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
                    let id = Int64(row.integer(idColumn)!)
                    responses.items.append((responseRows.meta[index].sourceLine, id, index))
                    responses.lastRowID = id
                }
                responses.exhausted = responses.items.count < Self.batchSize
            }
            try page(&rejects, db, sql: "SELECT rowid, line, reason_code, reason, raw FROM reject") { row in
                .reject(line: row[1], code: row[2], message: row[3], raw: row[4])
            }
            try page(&ignored, db, sql: "SELECT rowid, line, reason_code FROM ignored_line") { row in
                .ignored(line: row[1], code: row[2])
            }
            try page(&duplicates, db, sql: "SELECT rowid, line, response_id, duplicate_of FROM duplicate") { row in
                .duplicate(line: row[1], responseID: row[2], of: row[3])
            }
        }
    }

    /// The next page of a table whose rows are `(rowid, line, …)`, by line as stored (row id order).
    private func page(_ pending: inout Pending<WriteItem>, _ db: Database, sql: String, _ item: (Row) -> WriteItem) throws {
        guard pending.head == nil && !pending.exhausted else { return }
        pending = Pending(lastRowID: pending.lastRowID)
        let rows = try Row.fetchAll(db, sql: sql + " WHERE file_id = ? AND rowid > ? ORDER BY rowid LIMIT \(Self.batchSize)",
                                    arguments: [fileID, pending.lastRowID])
        for row in rows {
            let rowID: Int64 = row[0]
            pending.items.append((row[1], rowID, item(row)))
            pending.lastRowID = rowID
        }
        pending.exhausted = rows.count < Self.batchSize
    }
}

extension SQLiteWarehouse {
    public func storedFile(sha256: String) throws -> any StoredFileReader {
        try SQLiteStoredFile(warehouse: self, sha256: sha256)
    }
}
