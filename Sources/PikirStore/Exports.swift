import Foundation
import GRDB
import PikirModel

/// Reading the warehouse back out: responses for export, rejects for review.
extension SQLiteWarehouse {
    /// `ResponseColumn.exported`, as selected: the file's path for `file_id`.
    private static let exportSelect = ResponseColumn.exported.map { $0 == .fileID ? "f.path" : "r." + $0.name }.joined(separator: ", ")

    public func forEachResponse(_ body: ([String?]) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(Self.exportSelect)
                FROM response r JOIN file f ON f.id = r.file_id
                ORDER BY f.path, r.source_line, r.id
                """)
            while let row = try cursor.next() {
                var values: [String?] = []
                values.reserveCapacity(row.count)
                for i in 0..<row.count {
                    let value = row[i] as DatabaseValue
                    switch value.storage {
                    case .null: values.append(nil)
                    case .int64(let n): values.append(String(n))
                    case .double(let d): values.append(ResponseColumn.exportText(d))
                    case .string(let s): values.append(s)
                    case .blob: values.append(nil)
                    }
                }
                try body(values)
            }
        }
    }

    public func rejects() throws -> [StoredReject] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.path, j.line, j.reason_code, j.reason, j.raw FROM reject j JOIN file f ON f.id = j.file_id
                ORDER BY f.path, j.line
                """).map { StoredReject(file: $0[0], line: $0[1], reason_code: $0[2], reason: $0[3], raw: $0[4]) }
        }
    }
}
