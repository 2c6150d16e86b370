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
    /// Groups with fewer answers are not ranked (trainers) or are suppressed (yearly).
    public var minN: Int
    public var shrinkageK: Double
    public var includeComments: Bool

    public init(year: Int? = nil, from: String? = nil, to: String? = nil, region: String? = nil, session: String? = nil,
                minN: Int = 5, shrinkageK: Double = Shrinkage.defaultK, includeComments: Bool = true) {
        self.year = year
        self.from = from
        self.to = to
        self.region = region
        self.session = session
        self.minN = minN
        self.shrinkageK = shrinkageK
        self.includeComments = includeComments
    }

    /// The `pikir agg` arguments that select the same responses.
    var aggFilters: [String] {
        var words: [String] = []
        if let year { words += ["--where", "year=\(year)"] }
        if let from { words += ["--from", from] }
        if let to { words += ["--to", to] }
        if let region { words += ["--where", "region=\(region)"] }
        return words
    }
}

/// `ReportScope.contains` on the bytes of a scanned row, with no String made.
struct ScopeMatcher {
    private let year: [UInt8]?, from: [UInt8]?, to: [UInt8]?, region: [UInt8]?

    init(_ scope: ReportScope) {
        year = scope.year.map { Array((String($0) + "-").utf8) }
        from = scope.from.map { Array($0.utf8) }
        to = scope.to.map { Array($0.utf8) }
        region = scope.region.map { Array($0.utf8) }
    }

    func contains(date: UnsafeRawBufferPointer?, region: UnsafeRawBufferPointer?) -> Bool {
        if let wanted = self.region, !(region.map { $0.elementsEqual(wanted) } ?? false) { return false }
        if year != nil || from != nil || to != nil {
            guard let date else { return false }
            if let year, !date.starts(with: year) { return false }
            if let from, date.lexicographicallyPrecedes(from) { return false }
            if let to, to.lexicographicallyPrecedes(date) { return false }
        }
        return true
    }
}
