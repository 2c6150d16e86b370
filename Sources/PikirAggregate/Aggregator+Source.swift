import PikirModel

extension Aggregator {
    /// Adds every response of `source` (the warehouse, or exports read
    /// directly), reading only the columns the query needs.
    public func add(from source: any ResponseSource) throws {
        try source.scanResponses(columns) { add($0) }
    }
}
