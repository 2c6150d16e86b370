import PikirStore

extension Aggregator {
    /// `query` over every response in `warehouse`: the one run behind
    /// `pikir agg --db` and a pipeline's aggregate tables.
    public static func run(_ query: AggregateQuery, over warehouse: Warehouse) throws -> Aggregator {
        let aggregator = Aggregator(query: query)
        try warehouse.scanResponses(aggregator.columns) { aggregator.add($0) }
        return aggregator
    }
}
