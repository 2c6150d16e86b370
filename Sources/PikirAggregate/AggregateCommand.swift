extension AggregateQuery {
    /// The `pikir agg` command line that asks this query: what a report
    /// prints under each table, made from the very query behind the table.
    ///
    /// Flags in a fixed order: `--by`, `--measure`, `--stat`, each filter as
    /// typed, `--from`, `--to`, `--min-n`, `--complementary`, then the filters
    /// that narrow the query to one of its groups (``narrowed(_:_:)``). A trainer
    /// registry (`--trainers`) is not part of the query: the warehouse already
    /// holds the ids it resolved.
    public var commandLine: [String] {
        var words = ["pikir", "agg"]
        if !by.isEmpty { words += ["--by", by.map(\.rawValue).joined(separator: ",")] }
        words += ["--measure", measures.map(\.name).joined(separator: ",")]
        words += ["--stat", stats.map(\.rawValue).joined(separator: ",")]
        func add(_ filter: Filter) { words += ["--where", filter.dimension.rawValue + "=" + filter.typed.map(\.text).joined(separator: ",")] }
        filters.dropLast(narrowing).forEach(add)
        if let from { words += ["--from", from] }
        if let to { words += ["--to", to] }
        words += ["--min-n", String(minN)]
        if complementary { words.append("--complementary") }
        filters.suffix(narrowing).forEach(add)
        return words
    }

    /// The query with one more filter, as `--where dimension=value` adds it.
    public func filtered(_ dimension: Dimension, _ value: String) -> AggregateQuery {
        var query = self
        query.filters.insert(Self.filter(dimension, value), at: filters.count - narrowing)
        return query
    }

    /// The query narrowed to one of its groups (a trainer's own table under
    /// the ranking): the same command with the filter written last.
    public func narrowed(_ dimension: Dimension, _ value: String) -> AggregateQuery {
        var query = self
        query.filters.append(Self.filter(dimension, value))
        query.narrowing += 1
        return query
    }

    private static func filter(_ dimension: Dimension, _ value: String) -> Filter {
        Filter(dimension: dimension, typed: [Filter.Value(text: value, forms: Set(dimension.canonicalForms(value)))])
    }
}
