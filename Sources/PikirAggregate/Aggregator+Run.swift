import PikirModel

extension Aggregator {
    /// `query` over every response of `source`: the one run behind
    /// `pikir agg` (a warehouse, or exports read directly) and a pipeline's
    /// aggregate tables.
    public static func run(_ query: AggregateQuery, over source: any ResponseSource) throws -> Aggregator {
        let aggregator = Aggregator(query: query)
        try aggregator.add(from: source)
        return aggregator
    }
}
