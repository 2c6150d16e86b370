import PikirModel

extension Aggregator {
    /// Adds every response of `source` (the warehouse, or exports read
    /// directly), reading only the columns the query needs: grouped near
    /// the data when the source can and the query allows (see `run(_:on:)`).
    public func add(from source: any ResponseSource) throws {
        if let grouped = source as? any GroupedResponseSource, !needsRowOrder {
            try grouped.scanResponseGroups(columns) { add($0, count: $1) }
        } else {
            try source.scanResponses(columns) { add($0) }
        }
    }
}
