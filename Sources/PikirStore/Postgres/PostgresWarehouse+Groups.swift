import Foundation
import PikirModel

/// Aggregation near the data: the scales are small and discrete, so a
/// GROUP BY of the columns an aggregation reads hands it a few thousand
/// combinations with their counts instead of a million rows over the socket,
/// and the statistics stay exact (`Aggregator.add(_:count:)`).
extension PostgresWarehouse: GroupedResponseSource {
    /// Columns with about as many values as responses, or thousands: grouped
    /// with them, a million rows stay most of a million combinations, and
    /// the GROUP BY costs more than it saves (the yearly report's columns,
    /// with `file_id` and `session_id`: 723,705 combinations of 993,000
    /// rows, 3.1 s grouped against 0.9 s row by row).
    static let ungroupable: Set<ScanColumn> = [
        .responseID, .formID, .fileID, .sourceLine, .fingerprint, .timestamp, .sessionDate, .sessionID,
        .liked, .improve, .comment, .extras,
    ]

    public func scanResponseGroups(_ columns: [ScanColumn], _ body: (any ResponseRow, Int) throws -> Void) throws {
        guard Self.ungroupable.isDisjoint(with: columns) else {
            try scanResponses(columns) { try body($0, 1) }
            return
        }
        let list = columns.map(\.name).joined(separator: ", ")
        // In the order of each combination's first response, as the row path meets them.
        let sql = columns.isEmpty
            ? "COPY (SELECT count(*) FROM response HAVING count(*) > 0) TO STDOUT"
            : "COPY (SELECT \(list), count(*) FROM response GROUP BY \(list) ORDER BY min(id)) TO STDOUT"
        let row = CopyTextRow()
        let countField = columns.count
        try connection.copyOut(sql) { line in
            row.parse(line)
            try body(PostgresScanRow(row: row), row.integer(countField) ?? 0)
        }
    }
}
