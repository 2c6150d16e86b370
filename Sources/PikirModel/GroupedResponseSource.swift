/// A source that can hand out each distinct combination of the asked columns once, with how many
/// responses have it (a GROUP BY near the data); `ResponseSource.scanResponses` stays the row-by-row path.
///
/// The combinations come in the order of each one's first response in
/// `scanResponses`' order (`ORDER BY min(id)` in SQL): an aggregation names
/// its groups, picks a trainer's shown name and breaks ties in the order it
/// first meets them, so the grouped path gives exactly the row path's output.
/// A combination may come again, with the count of later responses
/// (`ExportResponses` groups each part of a file apart): an aggregation adds
/// counts, so only the order of first meetings matters.
///
/// `SQLiteWarehouse` does not conform: SQLite groups by sorting, and on a
/// million responses its GROUP BY of `pikir agg`'s columns took 4.3 s where
/// the plain scan took 0.7 s (aggregation included, `agg --db` stays under 1 s).
public protocol GroupedResponseSource: ResponseSource {
    /// Calls `body` once per distinct combination of `columns` (missing
    /// values equal to each other), or once per run of responses that have
    /// it, with the number of responses (at least 1). A row is valid only during the call that gives it.
    /// Where grouping would not pay (columns with nearly a value per
    /// response), a source may give every response alone, with count 1.
    func scanResponseGroups(_ columns: [ScanColumn], _ body: (any ResponseRow, Int) throws -> Void) throws
}
