import PikirStats

/// One group's answers to one measure, and the statistics `pikir agg` reports of them.
public struct AggregateRow: Sendable {
    public let dimensions: [(dimension: Dimension, value: DimensionValue)]
    public let measure: Measure
    public let histogram: ScoreHistogram
    /// Whether the statistics are withheld, and why (see `SmallCellSuppression`).
    public let suppression: CellSuppression
    /// The group's counts, the same for each of its measures.
    public let group: GroupFacts

    /// Statistics are withheld: too few answers, or the complement of a cell that has.
    public var suppressed: Bool { suppression.isSuppressed }
    public var n: Int { histogram.n }
    public let summary: Summary

    public init(dimensions: [(dimension: Dimension, value: DimensionValue)], measure: Measure, histogram: ScoreHistogram,
                suppression: CellSuppression, group: GroupFacts = GroupFacts()) {
        self.dimensions = dimensions
        self.measure = measure
        self.histogram = histogram
        self.suppression = suppression
        self.group = group
        summary = histogram.summary(scale: measure.scale)
    }

    public init(dimensions: [(dimension: Dimension, value: DimensionValue)], measure: Measure, histogram: ScoreHistogram, suppressed: Bool) {
        self.init(dimensions: dimensions, measure: measure, histogram: histogram, suppression: suppressed ? .primary : .published)
    }

    /// A statistic's value, or nil when suppressed or not computable
    /// (an empty group, the sd of one answer, NPS of a 1–5 question).
    public func value(_ stat: Stat) -> StatValue? {
        if stat == .n { return .count(n) }
        if suppressed { return nil }
        switch stat {
        case .n: return .count(n)
        case .mean: return summary.mean.map(StatValue.number)
        case .sd: return summary.sd.map(StatValue.number)
        case .se: return summary.se.map(StatValue.number)
        case .ci95: return summary.ci95.map(StatValue.interval)
        case .median: return summary.median.map(StatValue.number)
        case .p25: return summary.p25.map(StatValue.number)
        case .p75: return summary.p75.map(StatValue.number)
        case .min: return summary.min.map(StatValue.number)
        case .max: return summary.max.map(StatValue.number)
        case .top2: return histogram.topBox(scale: measure.scale).map { .number($0.share) }
        case .bottom2: return histogram.bottomBox(scale: measure.scale).map { .number($0.share) }
        case .nps: return measure.question == .nps ? histogram.nps().map { .number($0.score) } : nil
        case .dist: return histogram.isEmpty ? nil : .distribution(histogram.distribution)
        case .responses: return .count(group.responses)
        case .sessions: return group.sessions.map(StatValue.count)
        case .firstDate: return group.firstDate.map(StatValue.text)
        }
    }

    /// Rows in the query's order: by `--sort` when given (missing values
    /// last, either direction), then by the dimensions and the measures'
    /// order, so the output is the same on every run.
    static func sorted(_ rows: [AggregateRow], by query: AggregateQuery) -> [AggregateRow] {
        let measureOrder = Dictionary(uniqueKeysWithValues: query.measures.enumerated().map { ($0.element, $0.offset) })
        func natural(_ a: AggregateRow, _ b: AggregateRow) -> Bool {
            for (x, y) in zip(a.dimensions, b.dimensions) {
                if let order = DimensionValue.order(x.value, y.value, numeric: x.dimension.isNumeric) { return order }
            }
            return measureOrder[a.measure]! < measureOrder[b.measure]!
        }
        guard let sort = query.sort else { return rows.sorted(by: natural) }
        func key(_ row: AggregateRow) -> SortValue? {
            if sort.key == "measure" { return .text(row.measure.name) }
            if let i = query.by.firstIndex(where: { $0.rawValue == sort.key }) {
                let value = row.dimensions[i].value
                if let number = value.number { return .number(Double(number)) }
                return value.text.map(SortValue.text)
            }
            switch Stat(rawValue: sort.key).flatMap(row.value) {
            case .count(let n): return .number(Double(n))
            case .number(let x): return .number(x)
            case .interval(let i): return .number(i.low)
            case .text(let t): return .text(t)
            default: return nil
            }
        }
        let keyed = rows.map { (key($0), $0) }
        return keyed.sorted { a, b in
            switch (a.0, b.0) {
            case (nil, nil): return natural(a.1, b.1)
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x == y { return natural(a.1, b.1) }
                return sort.descending ? y < x : x < y
            }
        }.map(\.1)
    }
}

/// A statistic's value, in the form the formats write it.
public enum StatValue: Sendable, Equatable {
    case count(Int)
    case number(Double)
    case interval(Interval)
    case distribution([(value: Double, count: Int)])
    case text(String)

    public static func == (a: StatValue, b: StatValue) -> Bool {
        switch (a, b) {
        case (.count(let x), .count(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.interval(let x), .interval(let y)): x == y
        case (.distribution(let x), .distribution(let y)): x.elementsEqual(y) { $0 == $1 }
        case (.text(let x), .text(let y)): x == y
        default: false
        }
    }
}

enum SortValue: Comparable {
    case number(Double)
    case text(String)
}

extension DimensionValue {
    /// Ascending order of two values (numbers numerically, missing last); nil when equal.
    static func order(_ a: DimensionValue, _ b: DimensionValue, numeric: Bool) -> Bool? {
        if numeric, let x = a.number, let y = b.number { return x == y ? nil : x < y }
        switch (a.text, b.text) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return x == y ? nil : x < y
        }
    }
}
