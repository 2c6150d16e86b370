/// Somewhere responses can be read from, column by column: the warehouse,
/// or exports read and normalised on the fly (`ExportResponses`). An
/// aggregation asks for the columns it needs and reads each row's values by
/// their position in that list, as bytes and numbers: no `String` per row.
public protocol ResponseSource {
    /// Calls `body` for every response, in a stable order (the warehouse's:
    /// ingest order), with `columns` readable on the row by position. A row
    /// is valid only during the call that gives it.
    func scanResponses(_ columns: [ScanColumn], _ body: (any ResponseRow) throws -> Void) throws
}
