import CLibPQ
import Foundation
import PikirModel

/// One stored file read back as the batches `Warehouse.store` takes, for
/// `pikir warehouse copy`, from PostgreSQL.
///
/// The file's responses, rejects, ignored lines and duplicates are one
/// query, ordered as `SQLiteStoredFile` merges them (by line; on one line a
/// response first; responses in the order stored), read through a cursor a
/// batch at a time on a connection of its own, inside one read-only
/// transaction: the server sorts, and only a batch is in memory here.
final class PostgresStoredFile: StoredFileReader {
    private let connection: PGConnection
    private var done = false
    static let batchSize = 512

    /// The encoded columns, then line, kind (0 response, 1 reject, 2 ignored, 3 duplicate) and three texts.
    private static let encoded = ResponseColumn.encoded
    private static let lineField = encoded.count, kindField = encoded.count + 1, textFields = encoded.count + 2

    private static func query(fileID: Int64) -> String {
        let nulls = { (count: Int) in Array(repeating: "NULL", count: count).joined(separator: ", ") }
        let columns = encoded.map(\.name).joined(separator: ", ")
        let none = nulls(encoded.count)
        return """
            DECLARE stored_file NO SCROLL CURSOR FOR
            SELECT * FROM (
                SELECT \(columns), source_line AS line, 0 AS kind, NULL::text, NULL::text, NULL::text, id AS seq
                FROM response WHERE file_id = \(fileID)
                UNION ALL SELECT \(none), line, 1, reason_code, reason, raw, id FROM reject WHERE file_id = \(fileID)
                UNION ALL SELECT \(none), line, 2, reason_code, NULL, NULL, 0 FROM ignored_line WHERE file_id = \(fileID)
                UNION ALL SELECT \(none), line, 3, response_id, duplicate_of, NULL, 0 FROM duplicate WHERE file_id = \(fileID)
            ) items ORDER BY line, kind, seq
            """
    }

    init(location: PostgresLocation, sha256: String) throws {
        connection = try location.connect()
        guard let entry = try PostgresWarehouse.ledgerEntry(sha256: sha256, connection), let id = entry.id else {
            throw StoreError(code: .database, problem: "no stored file has the SHA-256 \(sha256)",
                             advice: "list the warehouse's files with `pikir rejects --db \(location.description)` and give one of them",
                             path: location.description)
        }
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try connection.execute(Self.query(fileID: id))
    }

    func next() throws -> WriteBatch? {
        guard !done else { return nil }
        let result = try connection.execute("FETCH \(Self.batchSize) FROM stored_file")
        if result.rows < Self.batchSize {
            done = true
            try connection.execute("COMMIT")
        }
        guard result.rows > 0 else { return nil }
        var batch = WriteBatch()
        for r in 0..<result.rows {
            let line = result.int(r, Self.lineField) ?? 0
            let text = { (k: Int) in result[r, Self.textFields + k] ?? "" }
            switch result.int(r, Self.kindField) {
            case 0:
                let index = batch.rows.append(stored: PGResultRow(result: result, row: r))
                batch.items.append(.response(row: index))
            case 1:
                batch.items.append(.reject(line: line, code: text(0), message: text(1), raw: text(2)))
                batch.rejected += 1
            case 2:
                batch.items.append(.ignored(line: line, code: text(0)))
                batch.ignored += 1
            default:
                batch.items.append(.duplicate(line: line, responseID: text(0), of: text(1)))
            }
        }
        return batch
    }
}

/// A row of a query's result read as a `ResponseRow`: the text libpq holds,
/// valid while the result lives (the caller keeps it for the call).
struct PGResultRow: ResponseRow {
    let result: PGResult
    let row: Int

    func bytes(_ column: Int) -> UnsafeRawBufferPointer? {
        let (r, c) = (Int32(row), Int32(column))
        guard PQgetisnull(result.handle, r, c) == 0, let value = PQgetvalue(result.handle, r, c) else { return nil }
        return UnsafeRawBufferPointer(start: value, count: Int(PQgetlength(result.handle, r, c)))
    }

    func double(_ column: Int) -> Double? { result[row, column].flatMap(Double.init) }
    func integer(_ column: Int) -> Int? { result.int(row, column) }
}

extension PostgresWarehouse {
    public func storedFile(sha256: String) throws -> any StoredFileReader {
        try PostgresStoredFile(location: location, sha256: sha256)
    }
}
