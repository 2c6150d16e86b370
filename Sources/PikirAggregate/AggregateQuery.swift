import Foundation
import PikirNormalise
import PikirStats

/// What `pikir agg` is asked: group by these dimensions, keep the responses
/// these filters allow, and report these statistics of these measures.
public struct AggregateQuery: Sendable {
    /// Grouping dimensions, in output order; empty for one overall group.
    public var by: [Dimension]
    public var measures: [Measure]
    public var stats: [Stat]
    /// Every filter must hold; within one, any of its values.
    public var filters: [Filter]
    /// The suppression threshold k: a group's measure with 1 ≤ n < k answers
    /// keeps its n but has no statistics (see `SmallCellSuppression`).
    public var minN: Int
    /// The threshold of every command unless told otherwise (the suppression policy's).
    public static let defaultMinN = SmallCellSuppression.defaultThreshold
    /// Also suppress, per measure, the complement of each suppressed group,
    /// so a published total cannot give it away.
    public var complementary = false
    /// Comments kept per group (the most informative distinct ones); 0 for none.
    public var comments = 0
    /// Whether each group records the ledger ids of its responses' files.
    public var collectsFiles = false
    /// How many of the last filters narrow the query to one of its groups (see `commandLine`).
    public var narrowing = 0
    public var sort: SortKey?
    /// First and last session day kept, ISO `yyyy-mm-dd`, inclusive.
    public var from: String?
    public var to: String?

    public struct Filter: Sendable {
        public var dimension: Dimension
        /// The values, as `Dimension.canonical` writes them.
        public var values: Set<String>
        /// Each value as typed, with the forms it stands for: what a warning
        /// names when it matches nothing, and what trainer names are matched from.
        public var typed: [Value]

        public struct Value: Sendable, Hashable {
            public var text: String
            public var forms: Set<String>
        }

        public init(dimension: Dimension, typed: [Value]) {
            self.dimension = dimension
            self.typed = typed
            values = typed.reduce(into: []) { $0.formUnion($1.forms) }
        }
    }

    /// A column to order the rows by: a dimension, `measure`, or a statistic.
    public struct SortKey: Sendable {
        public var key: String
        public var descending: Bool
    }

    public init(by: [Dimension] = [], measures: [Measure] = [Measure(.overall)], stats: [Stat] = Stat.defaults,
                filters: [Filter] = [], minN: Int = defaultMinN, sort: SortKey? = nil) {
        self.by = by
        self.measures = measures
        self.stats = stats
        self.filters = filters
        self.minN = minN
        self.sort = sort
    }
}

/// A flag `pikir agg` cannot use, with the valid choices.
public struct QueryError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}

extension AggregateQuery {
    /// Trainer filters resolved through a registry too: `--where
    /// trainer="Ким Д."` (an alias, initials, another script) keeps the
    /// responses of the registry's trainer it names, by id.
    public mutating func resolveTrainers(with registry: TrainerRegistry) {
        for f in filters.indices where filters[f].dimension == .trainer {
            let typed = filters[f].typed.map { value -> Filter.Value in
                guard case .resolved(let id, _) = registry.resolve(value.text) else { return value }
                return Filter.Value(text: value.text, forms: value.forms.union([Dimension.trainer.canonical(id)]))
            }
            filters[f] = Filter(dimension: .trainer, typed: typed)
        }
    }

    /// Parses the command line's lists (each flag may be given several
    /// times, each value may be comma-separated).
    public static func parse(by: [String], measures: [String], stats: [String], filters: [String],
                             minN: Int, sort: String?, from: String? = nil, to: String? = nil,
                             complementary: Bool = false) throws(QueryError) -> AggregateQuery {
        func items(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
        let dimensionNames = Dimension.allCases.map(\.rawValue).joined(separator: ", ")
        var query = AggregateQuery()
        query.by = []
        for name in items(by) where name != "all" && name != "none" {
            guard let dimension = Dimension(rawValue: name) else {
                throw QueryError(message: "unknown dimension '\(name)' in --by; valid: \(dimensionNames), or all")
            }
            if !query.by.contains(dimension) { query.by.append(dimension) }
        }
        let measureNames = items(measures)
        if !measureNames.isEmpty {
            query.measures = []
            for name in measureNames {
                guard let measure = Measure(name: name) else {
                    throw QueryError(message: "unknown measure '\(name)' in --measure; valid: \(Measure.all.map(\.name).joined(separator: ", "))")
                }
                if !query.measures.contains(measure) { query.measures.append(measure) }
            }
        }
        let statNames = items(stats)
        if !statNames.isEmpty {
            query.stats = []
            for name in statNames {
                guard let stat = Stat(rawValue: name) else {
                    throw QueryError(message: "unknown statistic '\(name)' in --stat; valid: \(Stat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if !query.stats.contains(stat) { query.stats.append(stat) }
            }
        }
        for text in filters {
            guard let eq = text.firstIndex(of: "=") else {
                throw QueryError(message: "--where '\(text)' needs the form DIMENSION=VALUE[,VALUE...], e.g. --where region=KZ-75")
            }
            let name = text[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            guard let dimension = Dimension(rawValue: name) else {
                throw QueryError(message: "unknown dimension '\(name)' in --where; valid: \(dimensionNames)")
            }
            let values = text[text.index(after: eq)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { Filter.Value(text: $0, forms: Set(dimension.canonicalForms($0))) }
            guard !values.isEmpty else {
                throw QueryError(message: "--where \(name)= names no value; give one or more, separated by commas")
            }
            query.filters.append(Filter(dimension: dimension, typed: values))
        }
        for (flag, value) in [("--from", from), ("--to", to)] {
            guard let value else { continue }
            switch Dates.day(value, forms: .typed) {
            case .success(let day): if flag == "--from" { query.from = day } else { query.to = day }
            case .failure(let refusal): throw QueryError(message: "\(flag) \(refusal.message)")
            }
        }
        guard minN >= 0 else { throw QueryError(message: "--min-n must be 0 or more") }
        query.minN = minN
        query.complementary = complementary
        if let sort, !sort.isEmpty {
            let descending = sort.hasPrefix("-")
            let key = String(descending ? sort.dropFirst() : Substring(sort)).lowercased()
            let valid = query.by.map(\.rawValue) + ["measure"] + Stat.allCases.filter { $0 != .dist }.map(\.rawValue)
            guard valid.contains(key) else {
                throw QueryError(message: "cannot sort by '\(key)'; valid: \(valid.joined(separator: ", ")) (prefix - for descending)")
            }
            query.sort = SortKey(key: key, descending: descending)
        }
        return query
    }
}

