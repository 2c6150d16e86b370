import GRDB
import GRDBSQLite
import PikirModel

/// Reading chosen columns of every stored response as fast as SQLite can
/// step, for aggregation: no row objects, no Strings unless asked for.
extension SQLiteWarehouse {
    /// The current row of a scan: read its columns by their position in the scan's list.
    public struct ScanRow: ResponseRow {
        let statement: OpaquePointer

        /// The column's text as UTF-8 bytes, valid until the next row; nil for NULL.
        @inline(__always)
        public func bytes(_ i: Int) -> UnsafeRawBufferPointer? {
            guard let p = sqlite3_column_text(statement, Int32(i)) else { return nil }
            return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, Int32(i))))
        }

        @inline(__always)
        public func double(_ i: Int) -> Double? {
            sqlite3_column_type(statement, Int32(i)) == SQLITE_NULL ? nil : sqlite3_column_double(statement, Int32(i))
        }

        @inline(__always)
        public func integer(_ i: Int) -> Int? {
            sqlite3_column_type(statement, Int32(i)) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, Int32(i)))
        }

        public func string(_ i: Int) -> String? {
            bytes(i).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `body` for every response, in ingest order, with `columns` readable on the row.
    ///
    /// - Complexity: O(rows); one read transaction, so the rows are a consistent snapshot.
    public func scanResponses(_ columns: [ScanColumn], _ body: (any ResponseRow) throws -> Void) throws {
        try scan(columns, body)
    }

    /// As `scanResponses`, with the row's own type.
    public func scan(_ columns: [ScanColumn], _ body: (ScanRow) throws -> Void) throws {
        let list = columns.isEmpty ? "1" : columns.map(\.name).joined(separator: ", ")
        try read { db in
            let statement = try db.makeStatement(sql: "SELECT \(list) FROM response ORDER BY id")
            let handle = statement.sqliteStatement
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                try body(ScanRow(statement: handle))
            }
        }
    }
}
