import PikirModel

extension Aggregator {
    /// One aggregator per query, all fed from one scan of the source: a
    /// report asks several queries, and reading a million responses once
    /// costs less than reading them once per query.
    public static func run(_ queries: [AggregateQuery], on source: any ResponseSource) throws -> [Aggregator] {
        // Each reads its columns at the positions of one shared list, so every row goes to each as it is.
        var aggregators: [Aggregator] = []
        for query in queries { aggregators.append(Aggregator(query: query, after: aggregators.last?.columns ?? [])) }
        try source.scanResponses(aggregators.last?.columns ?? []) { row in
            for i in aggregators.indices { aggregators[i].add(row) }
        }
        return aggregators
    }
}
