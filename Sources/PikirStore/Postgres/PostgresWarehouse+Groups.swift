import Foundation
import PikirModel

/// Aggregation near the data: the scales are small and discrete, so a
/// GROUP BY of the columns an aggregation reads hands it a few thousand
/// combinations with their counts instead of a million rows over the socket,
/// and the statistics stay exact (`Aggregator.add(_:count:)`).
extension PostgresWarehouse: GroupedResponseSource {
    public func scanResponseGroups(_ columns: [ScanColumn], _ body: (any ResponseRow, Int) throws -> Void) throws {
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
