/// One thing to store for a file, in file order.
public enum WriteItem: Sendable {
    /// A row of the batch's `rows`.
    case response(row: Int)
    /// A record that could not be read or normalised; `raw` is redacted.
    case reject(line: Int, code: String, message: String, raw: String)
    /// A line that is no record (a blank line, a totals row).
    case ignored(line: Int, code: String)
    /// A response recorded as given as the duplicate of the stored response
    /// `of`, without looking for its original: only a warehouse's own records
    /// read back (`Warehouse.storedFile`) are this. An ingest gives
    /// `.response` and the warehouse decides.
    case duplicate(line: Int, responseID: String, of: String)
}

/// What crosses from a normaliser lane to the thread that stores, at once:
/// a few hundred records' outcomes, in file order.
public struct WriteBatch: Sendable {
    public var items: [WriteItem] = []
    public var rows: EncodedRows
    public var rejected = 0, ignored = 0, redactions = 0

    public init(columns: EncodedRows.Columns = .all) {
        rows = EncodedRows(columns: columns)
    }
}
