import Foundation
import PikirModel

/// Reading responses back: every row streamed by one `COPY … TO STDOUT` (one
/// statement, so one consistent snapshot), parsed in place (`CopyTextRow`).
extension PostgresWarehouse {
    /// Calls `body` for every response, in ingest order, with `columns` readable on the row.
    public func scanResponses(_ columns: [ScanColumn], _ body: (any ResponseRow) throws -> Void) throws {
        let list = columns.isEmpty ? "1" : columns.map(\.name).joined(separator: ", ")
        let row = CopyTextRow()
        try connection.copyOut("COPY (SELECT \(list) FROM response ORDER BY id) TO STDOUT") { line in
            row.parse(line)
            try body(PostgresScanRow(row: row))
        }
    }

    /// `ResponseColumn.exported`, as selected: the file's path for `file_id`.
    private static let exportSelect = ResponseColumn.exported.map { $0 == .fileID ? "f.path" : "r." + $0.name }.joined(separator: ", ")
    private static let exportedReal = ResponseColumn.exported.map { $0.storage == .real }

    /// By path (byte for byte, as SQLite compares), line and id.
    public func forEachResponse(_ body: ([String?]) throws -> Void) throws {
        let row = CopyTextRow()
        let real = Self.exportedReal
        try connection.copyOut("""
            COPY (SELECT \(Self.exportSelect) FROM response r JOIN file f ON f.id = r.file_id
                  ORDER BY f.path COLLATE "C", r.source_line, r.id) TO STDOUT
            """) { line in
            row.parse(line)
            var values: [String?] = []
            values.reserveCapacity(real.count)
            for i in 0..<real.count {
                values.append(real[i] ? row.double(i).map(ResponseColumn.exportText) : row.string(i))
            }
            try body(values)
        }
    }
}
