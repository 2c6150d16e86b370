import PikirAggregate
import PikirStats
import PikirStore

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
        /// A few recent comments (already redacted at ingest).
        public var comments: [String]
        /// Shrunken overall mean and rank, when the trainer has enough answers.
        public var adjusted: Double?
        public var rank: Int?
        public var overall: QuestionStats { questions[0] }
    }

    public struct SessionPoint: Sendable {
        public var session: String
        public var date: String?
        public var overall: Summary
    }

    public var scope: ReportScope
    /// Ranked trainers first (by adjusted score), then those with too few answers, by name.
    public var trainers: [Trainer]
    /// The overall mean all trainers are pulled towards (μ of the shrinkage).
    public var overallMean: Double?
    public var responses: Int
    public var provenance: Provenance

    /// Comments shown per trainer.
    static let commentsPerTrainer = 3

    public static func build(_ warehouse: Warehouse, scope: ReportScope) throws -> TrainerReport {
        struct Accumulator {
            var id: String?
            var name: String
            var histograms = QuestionHistograms()
            var sessions: [String: (date: String?, overall: ScoreHistogram)] = [:]
            var comments: [(date: String, text: String)] = []
        }
        var byKey: [String: Accumulator] = [:]
        var total = 0
        let c = ReportColumns.self
        try warehouse.scanResponses(ReportColumns.list) { row in
            let date = row.string(c.date)
            guard scope.contains(date: date, region: row.string(c.region)) else { return }
            let id = row.string(c.trainerID)
            guard let key = id ?? row.string(c.trainerName) else { return }
            total += 1
            var acc = byKey[key] ?? Accumulator(id: id, name: row.string(c.trainerName) ?? key)
            acc.histograms.add(row, first: c.questions)
            let session = row.string(c.session) ?? "-"
            var point = acc.sessions[session] ?? (date, ScoreHistogram())
            if let overall = row.double(c.questions) { point.overall.ingest(overall) }
            acc.sessions[session] = point
            if scope.includeComments, let text = row.commentText { acc.comments.append((date ?? "", text)) }
            byKey[key] = acc
        }
        let prior = byKey.values.reduce(ScoreHistogram()) { $0.merging($1.histograms.overall) }.summary().mean
        let shrinkage = Shrinkage(k: scope.shrinkageK)
        let eligible = byKey.filter { $0.value.histograms.overall.n >= scope.minN }
        let ranked = shrinkage.rank(eligible.compactMap { key, acc in
            acc.histograms.overall.summary().mean.map { ShrinkageInput(id: key, n: acc.histograms.overall.n, mean: $0) }
        }, prior: prior ?? 0)
        let rankOf = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0) })

        var trainers = byKey.map { key, acc -> Trainer in
            let trend = acc.sessions.map { SessionPoint(session: $0.key, date: $0.value.date, overall: $0.value.overall.summary()) }
                .sorted { ($0.date ?? "", $0.session) < ($1.date ?? "", $1.session) }
            // Most recent first; the order of answers within a day is the file's.
            let comments = acc.comments.enumerated().sorted { ($0.element.date, -$0.offset) > ($1.element.date, -$1.offset) }
                .prefix(commentsPerTrainer).map(\.element.text)
            return Trainer(id: acc.id, name: acc.name, sessions: acc.sessions.count, responses: acc.histograms.responses,
                           questions: acc.histograms.stats, trend: trend, comments: Array(comments),
                           adjusted: rankOf[key]?.score, rank: rankOf[key]?.rank)
        }
        trainers.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (a.name, a.id ?? "") < (b.name, b.id ?? "")
            }
        }
        return TrainerReport(scope: scope, trainers: trainers, overallMean: prior, responses: total,
                             provenance: try Provenance(warehouse))
    }

    /// The `pikir agg` command that reproduces the per-trainer numbers.
    public var aggCommand: String {
        ["pikir agg --by trainer --measure overall,delivery,content,organisation,applicability,nps --stat n,mean,ci95,top2,nps",
         scope.aggFilters, "--min-n 1"].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
