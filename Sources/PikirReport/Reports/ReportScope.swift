import PikirAggregate
import PikirStats

/// Which responses a report covers, and the thresholds it applies.
public struct ReportScope: Sendable {
    /// Calendar year of the sessions; nil for all years (or a `from`/`to` period).
    public var year: Int?
    /// First and last session day, ISO `yyyy-mm-dd`, inclusive.
    public var from: String?
    public var to: String?
    /// ISO 3166-2:KZ code; nil for every region.
    public var region: String?
    public var session: String?
    /// One trainer (registry id, or a name the report's trainers resolve) for a page about them alone;
    /// nil for every trainer. Only the trainers report reads it.
    public var trainer: String?
    /// The suppression threshold k (`SmallCellSuppression`): trainers with fewer
    /// answers are not ranked; yearly cells with 1 ≤ n < k are suppressed.
    public var minN: Int
    public var shrinkageK: Double
    public var includeComments: Bool

    public init(year: Int? = nil, from: String? = nil, to: String? = nil, region: String? = nil, session: String? = nil,
                trainer: String? = nil, minN: Int = SmallCellSuppression.defaultThreshold, shrinkageK: Double = Shrinkage.defaultK, includeComments: Bool = true) {
        self.year = year
        self.from = from
        self.to = to
        self.region = region
        self.session = session
        self.trainer = trainer
        self.minN = minN
        self.shrinkageK = shrinkageK
        self.includeComments = includeComments
    }

    /// A query of the responses this scope covers (year, period and region as filters).
    func query(by: [Dimension], measures: [Measure] = Measure.all, stats: [Stat], minN: Int = 1) -> AggregateQuery {
        var query = AggregateQuery(by: by, measures: measures, stats: stats, minN: minN)
        if let year { query = query.filtered(.year, String(year)) }
        if let region { query = query.filtered(.region, region) }
        query.from = from
        query.to = to
        return query
    }
}
