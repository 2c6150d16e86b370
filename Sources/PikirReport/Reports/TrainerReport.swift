import PikirAggregate
import PikirStats
import PikirModel

/// The centre head's report: one section per trainer for a region and
/// period, and a ranking that does not reward tiny samples.
public struct TrainerReport: Sendable {
    public struct Trainer: Sendable {
        /// The registry id when resolved, else nil (the name is the cleaned spelling).
        public var id: String?
        public var name: String
        public var sessions: Int
        public var responses: Int
        public var questions: [QuestionStats]
        /// Overall satisfaction per session, in date order.
        public var trend: [SessionPoint]
        /// The most informative distinct comments (already redacted at ingest).
        public var comments: [String]
        /// Shrunken overall mean and rank, when the trainer has enough answers.
        public var adjusted: Double?
        public var rank: Int?
        /// Comments written in all, repeats included.
        public var commentCount = 0
        public var overall: QuestionStats { questions[0] }
        /// The name matched a registry trainer.
        public var inRegistry: Bool { id != nil }
    }

    public struct SessionPoint: Sendable {
        public var session: String
        public var date: String?
        public var overall: Summary
    }

    public var scope: ReportScope
    /// Ranked trainers first (by adjusted score), then those with too few answers, by name; with a
    /// registry, names it did not resolve come last and are never ranked.
    public var trainers: [Trainer]
    /// Some trainer of the scope was resolved through a registry. Without one every name is as written
    /// in the exports, and those names are what is ranked.
    public var registryUsed: Bool {
        trainers.contains(where: \.inRegistry)
    }
    /// The overall mean all trainers are pulled towards (μ of the shrinkage).
    public var overallMean: Double?
    public var responses: Int
    public var provenance: Provenance
    /// The trainer `scope.trainer` names: the report is their page alone. Tiers are still read against
    /// every trainer's μ, so their page says what the full report says of them.
    public var focus: Trainer?

    /// Comments shown per trainer (the most informative distinct ones).
    static let commentsPerTrainer = 3

    /// The per-trainer numbers: every question, by trainer, in the scope.
    public var query: AggregateQuery {
        scope.query(by: [.trainer], stats: [.n, .mean, .ci95, .top2, .nps])
    }

    public static func build(_ warehouse: Warehouse, scope: ReportScope) throws -> TrainerReport {
        var byTrainer = scope.query(by: [.trainer], stats: [.n, .mean, .ci95, .top2, .nps])
        byTrainer.comments = scope.includeComments ? commentsPerTrainer : 0
        byTrainer.collectsFiles = true
        let bySession = scope.query(by: [.trainer, .session], measures: [Measure(.overall)], stats: [.n, .mean, .ci95, .firstDate])
        let aggregators = try Aggregator.run([byTrainer, bySession], on: warehouse)
        let trainers = aggregators[0], sessions = aggregators[1]

        // Responses with no trainer at all are in no trainer's section.
        func key(_ value: DimensionValue) -> String? { value.trainerID ?? value.text }
        let groups = Dictionary(grouping: trainers.rows().filter { key($0.dimensions[0].value) != nil }) { key($0.dimensions[0].value)! }
        let trends = Dictionary(grouping: sessions.rows().filter { key($0.dimensions[0].value) != nil }) { key($0.dimensions[0].value)! }
        let prior = groups.values.reduce(ScoreHistogram()) { $0.merging($1[0].histogram) }.summary(scale: Measure(.overall).scale).mean
        let policy = SmallCellSuppression(threshold: scope.minN)
        let shrinkage = Shrinkage(k: scope.shrinkageK)
        // With a registry, a name it did not resolve may be one of its trainers under another spelling: ranking
        // it beside them would count that trainer twice, so it is listed apart.
        let registryUsed = groups.values.contains { $0[0].dimensions[0].value.trainerID != nil }
        let ranked = shrinkage.rank(groups.compactMap { key, rows in
            let overall = rows[0]
            guard !registryUsed || overall.dimensions[0].value.trainerID != nil else { return nil }
            guard overall.n >= policy.threshold, let mean = overall.summary.mean else { return nil }
            return ShrinkageInput(id: key, n: overall.n, mean: mean)
        }, prior: prior ?? 0)
        let rankOf = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0) })

        var list = groups.map { key, rows -> Trainer in
            let value = rows[0].dimensions[0].value
            let points = trends[key] ?? []
            let trend = points.map { SessionPoint(session: $0.dimensions[1].value.text ?? "-", date: $0.group.firstDate, overall: $0.summary) }
                .sorted { ($0.date ?? "", $0.session) < ($1.date ?? "", $1.session) }
            return Trainer(id: value.trainerID, name: value.text ?? key, sessions: points.filter { $0.dimensions[1].value.text != nil }.count,
                           responses: rows[0].group.responses, questions: rows.map { QuestionStats($0.measure, $0.histogram) },
                           trend: trend, comments: rows[0].group.comments, adjusted: rankOf[key]?.score, rank: rankOf[key]?.rank,
                           commentCount: rows[0].group.commentCount)
        }
        list.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (a.inRegistry ? 0 : 1, a.name, a.id ?? "") < (b.inRegistry ? 0 : 1, b.name, b.id ?? "")
            }
        }
        let files = groups.values.reduce(into: Set<Int64>()) { $0.formUnion($1[0].group.files) }
        var report = TrainerReport(scope: scope, trainers: list, overallMean: prior, responses: list.reduce(0) { $0 + $1.responses },
                                   provenance: try Provenance(warehouse, files: files))
        if let typed = scope.trainer, !list.isEmpty {
            guard let focus = report.trainer(named: typed) else { throw UnknownTrainer(typed: typed, report: report) }
            report.focus = focus
        }
        return report
    }

    /// The `pikir agg` command that reproduces the per-trainer numbers.
    public var aggCommand: String { Shell.command(query.commandLine) }

    /// The query of one trainer's own table: the per-trainer query for that trainer.
    func query(for trainer: Trainer) -> AggregateQuery { query.narrowed(.trainer, trainer.id ?? trainer.name) }
}
