import PikirModel

extension Aggregator {
    /// One aggregator per query, all fed from one scan of the source: a
    /// report asks several queries, and reading a million responses once
    /// costs less than reading them once per query.
    ///
    /// A source that can group near the data (`GroupedResponseSource`)
    /// gives each distinct combination of the columns once, with its count,
    /// unless a query needs the responses in order (`needsRowOrder`).
    public static func run(_ queries: [AggregateQuery], on source: any ResponseSource) throws -> [Aggregator] {
        // Each reads its columns at the positions of one shared list, so every row goes to each as it is.
        var aggregators: [Aggregator] = []
        for query in queries { aggregators.append(Aggregator(query: query, after: aggregators.last?.columns ?? [])) }
        let columns = aggregators.last?.columns ?? []
        if let grouped = source as? any GroupedResponseSource, !aggregators.contains(where: \.needsRowOrder) {
            try grouped.scanResponseGroups(columns) { row, count in
                for i in aggregators.indices { aggregators[i].add(row, count: count) }
            }
        } else {
            try source.scanResponses(columns) { row in
                for i in aggregators.indices { aggregators[i].add(row) }
            }
        }
        return aggregators
    }
}
