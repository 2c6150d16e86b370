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
        /// This year's overall mean against last year's (regions only).
        public var change: ChangeResult?
        /// The change passed the Holm-corrected test at 5%.
        public var significant: Bool
        public var suppression: CellSuppression
        /// A few comments (regions only, with --comments; never shown for a suppressed row).
        public var comments: [String] = []
    }

    static let commentsPerRegion = 3

    public var year: Int
    public var scope: ReportScope
    public var regions: [Row]
    public var total: Row
    public var groups: [Row]
    public var modules: [Row]
    public var rejectsByReason: [(code: String, count: Int)]
    /// Trainer names of this year's responses that the registry did not resolve.
    public var unresolvedTrainers: [String]
    public var provenance: Provenance

    public static func build(_ warehouse: Warehouse, scope: ReportScope) throws -> YearlyReport {
        guard let year = scope.year else { preconditionFailure("the yearly report needs a year") }
        struct Group {
            var histograms = QuestionHistograms()
            var sessions: Set<Int32> = []
            var registryResponses = 0
            var comments: [String] = []

            mutating func merge(_ other: Group) {
                histograms.merge(other.histograms)
                sessions.formUnion(other.sessions)
                registryResponses += other.registryResponses
                comments += other.comments
            }
        }
        // Text columns are read as bytes and interned: a million responses
        // make no String each (the report renders in under 2 s).
        var regionIDs = Interner(), groupIDs = Interner(), moduleIDs = Interner(), sessionIDs = Interner(), unresolvedIDs = Interner()
        var regions: [Int32: Group] = [:], previous: [Int32: ScoreHistogram] = [:]
        var groups: [Int32: Group] = [:], modules: [Int32: Group] = [:], total = Group()
        var sessionInRegistry: [Bool] = [false]
        let registry = try warehouse.registeredSessions()
        let registeredIDs = Set(registry.map(\.id))
        let c = ReportColumns.self
        let thisYear = Array((String(year) + "-").utf8), lastYear = Array((String(year - 1) + "-").utf8)
        let wantedRegion = scope.region.map { Array($0.utf8) }
        try warehouse.scanResponses(ReportColumns.list) { row in
            guard let date = row.bytes(c.date), date.count >= 5 else { return }
            let regionBytes = row.bytes(c.region)
            if let wantedRegion, !(regionBytes.map { $0.elementsEqual(wantedRegion) } ?? false) { return }
            let region = regionIDs.id(regionBytes)
            if date.starts(with: lastYear) {
                if let overall = row.double(c.questions) { previous[region, default: ScoreHistogram()].ingest(overall) }
                return
            }
            guard date.starts(with: thisYear) else { return }
            let session = sessionIDs.id(row.bytes(c.session))
            if Int(session) == sessionInRegistry.count {
                sessionInRegistry.append(sessionIDs.values[Int(session)].map(registeredIDs.contains) ?? false)
            }
            let inRegistry = sessionInRegistry[Int(session)]
            func add(_ group: inout Group) {
                group.histograms.add(row, first: c.questions)
                if session != 0 { group.sessions.insert(session) }
                if inRegistry { group.registryResponses += 1 }
            }
            add(&regions[region, default: Group()])
            if scope.includeComments, regions[region]!.comments.count < commentsPerRegion, let text = row.commentText {
                regions[region]!.comments.append(text)
            }
            add(&groups[groupIDs.id(row.bytes(c.group)), default: Group()])
            add(&modules[moduleIDs.id(row.bytes(c.module)), default: Group()])
            add(&total)
            if row.bytes(c.trainerID) == nil { _ = unresolvedIDs.id(row.bytes(c.trainerName)) }
        }
        // A missing group and one written as the fallback's name ("other") are one group.
        func keyed(_ groups: [Int32: Group], _ ids: Interner, missing: String) -> [String: Group] {
            var out: [String: Group] = [:]
            for (id, group) in groups.sorted(by: { $0.key < $1.key }) {
                out[ids.values[Int(id)] ?? missing, default: Group()].merge(group)
            }
            return out
        }
        let regionGroups = keyed(regions, regionIDs, missing: "unknown")
        var previousByRegion: [String: ScoreHistogram] = [:]
        for (id, histogram) in previous { previousByRegion[regionIDs.values[Int(id)] ?? "unknown", default: ScoreHistogram()].merge(histogram) }
        let groupGroups = keyed(groups, groupIDs, missing: "other"), moduleGroups = keyed(modules, moduleIDs, missing: "unknown")
        let unresolved = Set(unresolvedIDs.values.compactMap { $0 })
        // Registered participants per region, from the registry's sessions of the year.
        var registered: [String: Int] = [:]
        for session in registry where session.dateFrom.hasPrefix(String(year) + "-") {
            guard let count = session.registered else { continue }
            let region = session.city.flatMap { Places.resolve($0)?.region } ?? "unknown"
            registered[region, default: 0] += count
        }

        func row(_ key: String, _ g: Group, registered: Int?) -> Row {
            let measures = g.histograms.stats
            let rate = registered.flatMap { $0 > 0 && g.registryResponses > 0 ? Double(g.registryResponses) / Double($0) : nil }
            return Row(key: key, sessions: g.sessions.count, registered: registered, responses: g.histograms.responses,
                       responseRate: rate, overall: measures[0], nps: measures[5], change: nil, significant: false,
                       suppression: .published, comments: g.comments)
        }
        var regionRows = regionGroups.keys.sorted().map { row($0, regionGroups[$0]!, registered: registered[$0]) }
        // Year-over-year change per region, Holm-corrected across the regions that have both years.
        var tested: [(index: Int, p: Double)] = []
        for i in regionRows.indices {
            guard let last = previousByRegion[regionRows[i].key], last.n > 0 else { continue }
            regionRows[i].change = YearOverYear.change(previous: last, current: regionRows[i].overall.histogram)
            if let p = regionRows[i].change?.p { tested.append((i, p)) }
        }
        for (t, rejected) in Holm.rejected(tested.map(\.p)).enumerated() where rejected {
            regionRows[tested[t].index].significant = true
        }
        let suppression = SmallCellSuppression(threshold: max(1, scope.minN))
        func suppress(_ rows: inout [Row]) {
            for (i, state) in suppression.suppress(counts: rows.map(\.responses)).enumerated() { rows[i].suppression = state }
        }
        suppress(&regionRows)
        var groupRows = groupGroups.keys.sorted().map { row($0, groupGroups[$0]!, registered: nil) }
        suppress(&groupRows)
        var moduleRows = moduleGroups.keys.sorted().map { row($0, moduleGroups[$0]!, registered: nil) }
        suppress(&moduleRows)
        let totalRegistered = registered.isEmpty ? nil : registered.values.reduce(0, +)
        return YearlyReport(year: year, scope: scope, regions: regionRows, total: row("total", total, registered: totalRegistered),
                            groups: groupRows, modules: moduleRows, rejectsByReason: try warehouse.rejectCounts(),
                            unresolvedTrainers: unresolved.sorted(), provenance: try Provenance(warehouse))
    }

    /// `pikir agg` commands reproducing each table.
    public func aggCommand(by dimension: String) -> String {
        Shell.command(["pikir", "agg", "--by", dimension, "--measure", "overall,nps", "--stat", "n,mean,ci95,nps", "--where", "year=\(year)"]
                      + (scope.region.map { ["--where", "region=\($0)"] } ?? []) + ["--min-n", "\(scope.minN)"])
    }
}
