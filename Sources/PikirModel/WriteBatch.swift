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
    /// With the `.groups` layout, the responses, which are then not `items`.
    public var groups: GroupedRows?
    public var rejected = 0, ignored = 0, redactions = 0

    public init(columns: EncodedRows.Columns = .all) {
        self.init(layout: .rows(columns))
    }

    public init(layout: Layout) {
        switch layout {
        case .rows(let columns): rows = EncodedRows(columns: columns)
        case .groups(let columns):
            rows = EncodedRows(columns: EncodedRows.Columns([]))
            groups = GroupedRows(columns: columns)
        }
    }

    /// What a batch keeps of each response.
    public enum Layout: Sendable {
        /// Its encoded row, an item in file order (ingest; an aggregation that reads rows in order).
        case rows(EncodedRows.Columns)
        /// Its keys and its combination of these columns (an aggregation that counts).
        case groups([ResponseColumn])
    }

    /// Records in the batch: items, and the grouped responses.
    public var count: Int { items.count + (groups?.responses.count ?? 0) }
}
