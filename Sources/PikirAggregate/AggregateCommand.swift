extension AggregateQuery {
    /// The `pikir agg` command line that asks this query: what a report
    /// prints under each table, made from the very query behind the table.
    ///
    /// Flags in a fixed order: `--by`, `--measure`, `--stat`, each filter as
    /// typed, `--from`, `--to`, `--min-n`, `--complementary`. A trainer
    /// registry (`--trainers`) is not part of the query: the warehouse already
    /// holds the ids it resolved.
    public var commandLine: [String] {
        var words = ["pikir", "agg"]
        if !by.isEmpty { words += ["--by", by.map(\.rawValue).joined(separator: ",")] }
        words += ["--measure", measures.map(\.name).joined(separator: ",")]
        words += ["--stat", stats.map(\.rawValue).joined(separator: ",")]
        for filter in filters { words += ["--where", filter.dimension.rawValue + "=" + filter.typed.map(\.text).joined(separator: ",")] }
        if let from { words += ["--from", from] }
        if let to { words += ["--to", to] }
        words += ["--min-n", String(minN)]
        if complementary { words.append("--complementary") }
        return words
    }

    /// The query with one more filter, as `--where dimension=value` adds it.
    public func filtered(_ dimension: Dimension, _ value: String) -> AggregateQuery {
        var query = self
        query.filters.append(Filter(dimension: dimension, typed: [Filter.Value(text: value, forms: Set(dimension.canonicalForms(value)))]))
        return query
    }
}
