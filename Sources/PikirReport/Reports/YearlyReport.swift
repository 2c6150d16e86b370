import PikirAggregate
import PikirNormalise
import PikirStats
import PikirModel

/// The ministry's yearly summary: every region's satisfaction and NPS with
/// intervals, the change against the previous year where a Holm-corrected
/// test finds it real, breakdowns by group and module, and the data quality,
/// with small cells suppressed.
public struct YearlyReport: Sendable {
    public struct Row: Sendable {
        /// Region code, participant group or module.
        public var key: String
        public var sessions: Int
        /// Registered participants of the registry's sessions (nil without a registry).
        public var registered: Int?
        public var responses: Int
        /// Responses to registry sessions divided by their registered participants.
        public var responseRate: Double?
        public var overall: QuestionStats
        public var nps: QuestionStats
        /// This year's overall mean against last year's (regions and the total); nil without
        /// last year's answers or with fewer than `minN` of them (the change would reveal last year's small cell).
        public var change: ChangeResult?
        /// The change passed the Holm-corrected test at 5%.
        public var significant: Bool
        /// The row's counts, overall satisfaction and change (the overall measure's cell).
        public var suppression: CellSuppression
        /// The NPS cells (the nps measure's cell): hidden with the row, or on their own.
        public var npsSuppression: CellSuppression = .published
        /// A few comments (regions only, with --comments; never shown for a suppressed row).
        public var comments: [String] = []
        /// Comments written in all (with --comments), repeats included.
        public var commentCount = 0
        /// Last year's overall answers (regions and the total); nil when last year has none.
        public var lastYear: ScoreHistogram? = nil
    }

    static let commentsPerRegion = 3

    public var year: Int
    public var scope: ReportScope
    public var regions: [Row]
    public var total: Row
    public var groups: [Row]
    public var modules: [Row]
    /// Rejected records of the year's files (`quality`), per reason code, most frequent first.
    public var rejectsByReason: [(code: String, count: Int)]
    /// Trainer names of this year's responses that the registry did not resolve.
    public var unresolvedTrainers: [String]
    /// The files of the year's and last year's responses: the numbers of the report, the change included, come from them.
    public var provenance: Provenance
    /// The data quality of the files that hold responses of the year (and region, when given): whole files, all their records.
    public var quality: Provenance

    /// The query behind the table by region, participant group or module:
    /// the year's overall satisfaction and NPS, small cells suppressed with
    /// their complements.
    public static func query(by dimension: Dimension, scope: ReportScope) -> AggregateQuery {
        var query = scope.query(by: [dimension], measures: [Measure(.overall), Measure(.nps)],
                                stats: [.sessions, .responses, .n, .mean, .ci95, .nps], minN: scope.minN)
        query.complementary = true
        query.from = nil
        query.to = nil
        return query
    }

    public static func build(_ warehouse: Warehouse, scope: ReportScope) throws -> YearlyReport {
        guard let year = scope.year else { preconditionFailure("the yearly report needs a year") }
        var yearOnly = scope
        yearOnly.from = nil
        yearOnly.to = nil
        var byRegion = query(by: .region, scope: scope)
        byRegion.comments = scope.includeComments ? commentsPerRegion : 0
        let tables = [byRegion, query(by: .group, scope: scope), query(by: .module, scope: scope)]
        // Responses per session (for the response rate and the total's sessions), last year's overall (for the change),
        // and the trainers the registry did not resolve.
        var sessions = yearOnly.query(by: [.region, .session], measures: [Measure(.overall)], stats: [.responses])
        sessions.collectsFiles = true
        var lastYear = yearOnly
        lastYear.year = year - 1
        var previous = lastYear.query(by: [.region], measures: [Measure(.overall)], stats: [.n, .mean], minN: 0)
        previous.collectsFiles = true
        let trainers = yearOnly.query(by: [.trainer], measures: [Measure(.overall)], stats: [.responses])
        let aggregators = try Aggregator.run(tables + [sessions, previous, trainers], on: warehouse)

        let registry = try warehouse.registeredSessions()
        let registeredIDs = Set(registry.map(\.id))
        var registryResponses: [String?: Int] = [:], totalRegistryResponses = 0
        var allSessions: Set<String> = []
        var yearFiles: Set<Int64> = []
        for row in aggregators[3].rows() {
            yearFiles.formUnion(row.group.files)
            guard let session = row.dimensions[1].value.text else { continue }
            allSessions.insert(session)
            if registeredIDs.contains(session) {
                registryResponses[row.dimensions[0].value.text, default: 0] += row.group.responses
                totalRegistryResponses += row.group.responses
            }
        }
        // Registered participants per region, from the registry's sessions of the year.
        var registered: [String: Int] = [:]
        for session in registry where session.dateFrom.hasPrefix(String(year) + "-") {
            guard let count = session.registered else { continue }
            let region = session.city.flatMap { Places.resolve($0)?.region } ?? "unknown"
            registered[region, default: 0] += count
        }
        func rate(_ responses: Int, _ registered: Int?) -> Double? {
            registered.flatMap { $0 > 0 && responses > 0 ? Double(responses) / Double($0) : nil }
        }
        // One row per group: the overall measure's row, then the nps one. A missing value is a row of its own
        // (`missing` names it), as `pikir agg` shows it, so the printed command gives the same rows.
        func rows(_ aggregate: [AggregateRow], missing: String, registry: Bool) -> [Row] {
            stride(from: 0, to: aggregate.count, by: 2).map { i in
                let overall = aggregate[i], nps = aggregate[i + 1]
                let value = overall.dimensions[0].value.text
                let key = value ?? missing
                return Row(key: key, sessions: overall.group.sessions ?? 0, registered: registry ? registered[key] : nil,
                           responses: overall.group.responses,
                           responseRate: registry ? rate(registryResponses[value] ?? 0, registered[key]) : nil,
                           overall: QuestionStats(overall.measure, overall.histogram), nps: QuestionStats(nps.measure, nps.histogram),
                           change: nil, significant: false, suppression: overall.suppression, npsSuppression: nps.suppression,
                           comments: overall.group.comments, commentCount: overall.group.commentCount)
            }
        }
        let regionAggregate = aggregators[0].rows()
        var regionRows = rows(regionAggregate, missing: "unknown", registry: true)
        // Year-over-year change per region, Holm-corrected across the regions that have both years.
        let previousByRegion = Dictionary(aggregators[4].rows().map { ($0.dimensions[0].value.text ?? "unknown", $0.histogram) }) { a, _ in a }
        var tested: [(index: Int, p: Double)] = []
        for i in regionRows.indices {
            regionRows[i].lastYear = previousByRegion[regionRows[i].key].flatMap { $0.n > 0 ? $0 : nil }
            regionRows[i].change = Self.change(last: regionRows[i].lastYear, current: regionRows[i].overall.histogram, minN: scope.minN)
            if let p = regionRows[i].change?.p { tested.append((i, p)) }
        }
        for (t, rejected) in Holm.rejected(tested.map(\.p)).enumerated() where rejected {
            regionRows[tested[t].index].significant = true
        }
        let totalOverall = regionAggregate.filter { $0.measure.question == .overall }.reduce(ScoreHistogram()) { $0.merging($1.histogram) }
        // The total's change is one question of its own (did the whole scope change?), not one more region:
        // tested alone at 5%, outside the regions' Holm family, whose hypotheses it would overlap.
        let totalLast = previousByRegion.values.reduce(ScoreHistogram()) { $0.merging($1) }
        let totalChange = Self.change(last: totalLast.n > 0 ? totalLast : nil, current: totalOverall, minN: scope.minN)
        let totalNPS = regionAggregate.filter { $0.measure.question == .nps }.reduce(ScoreHistogram()) { $0.merging($1.histogram) }
        let totalRegistered = registered.isEmpty ? nil : registered.values.reduce(0, +)
        let total = Row(key: "total", sessions: allSessions.count, registered: totalRegistered,
                        responses: regionRows.reduce(0) { $0 + $1.responses }, responseRate: rate(totalRegistryResponses, totalRegistered),
                        overall: QuestionStats(Measure(.overall), totalOverall), nps: QuestionStats(Measure(.nps), totalNPS),
                        change: totalChange, significant: totalChange?.p.map { $0 < 0.05 } ?? false,
                        // A year with fewer than k answers in all is itself a small cell.
                        suppression: totalOverall.n < scope.minN ? .primary : .published,
                        lastYear: totalLast.n > 0 ? totalLast : nil)
        let quality = try Provenance(warehouse, files: yearFiles)
        let qualityPaths = Set(quality.files)
        var rejects: [String: Int] = [:]
        for reject in try warehouse.rejects() where qualityPaths.contains(reject.file) { rejects[reject.reason_code, default: 0] += 1 }
        let rejectsByReason = rejects.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map { (code: $0.key, count: $0.value) }
        let unresolved = aggregators[5].rows().compactMap { $0.dimensions[0].value.trainerID == nil ? $0.dimensions[0].value.text : nil }
        return YearlyReport(year: year, scope: scope, regions: regionRows, total: total,
                            groups: rows(aggregators[1].rows(), missing: "unknown", registry: false),
                            modules: rows(aggregators[2].rows(), missing: "unknown", registry: false),
                            rejectsByReason: rejectsByReason, unresolvedTrainers: unresolved.sorted(),
                            provenance: try Provenance(warehouse, files: yearFiles.union(aggregators[4].rows().flatMap(\.group.files))),
                            quality: quality)
    }

    /// The change from last year's answers, when last year has at least `minN` of them.
    static func change(last: ScoreHistogram?, current: ScoreHistogram, minN: Int) -> ChangeResult? {
        guard let last, last.n >= max(minN, 1) else { return nil }
        return YearOverYear.change(previous: last, current: current)
    }

    /// The `pikir agg` command reproducing the table by this dimension.
    public func aggCommand(by dimension: Dimension) -> String {
        Shell.command(Self.query(by: dimension, scope: scope).commandLine)
    }
}
