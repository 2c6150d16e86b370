import PikirModel

/// Whether two sources give the same numbers: the check after `pikir
/// warehouse copy`, by the aggregations reports are made of.
public enum AggregateAgreement {
    /// Overall, by region, by year, and by both, of every score, with the
    /// counts, mean, sd, median and NPS; nothing suppressed, so every group is compared.
    public static let queries: [AggregateQuery] = [[], [.region], [.year], [.region, .year]].map { by in
        AggregateQuery(by: by, measures: Measure.all, stats: [.n, .mean, .sd, .median, .nps, .responses], minN: 1)
    }

    /// The command line of each query whose rows differ between `a` and `b`
    /// (empty when they agree), and how many rows were compared.
    public static func differences(_ a: any ResponseSource, _ b: any ResponseSource) throws -> (differing: [String], rows: Int) {
        let left = try Aggregator.run(queries, on: a), right = try Aggregator.run(queries, on: b)
        var differing: [String] = [], rows = 0
        for (x, y) in zip(left, right) {
            let xs = x.rows().map(text), ys = y.rows().map(text)
            rows += xs.count
            if xs != ys { differing.append(x.query.commandLine.joined(separator: " ")) }
        }
        return (differing, rows)
    }

    /// A row's groups and statistics, as compared.
    static func text(_ row: AggregateRow) -> String {
        let groups = row.dimensions.map { "\($0.value.text ?? "-")" }
        let stats = [Stat.n, .mean, .sd, .median, .nps, .responses].map { stat in row.value(stat).map { "\($0)" } ?? "-" }
        return (groups + [row.measure.name] + stats).joined(separator: "|")
    }
}
