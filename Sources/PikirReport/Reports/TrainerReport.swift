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
            var sessions: [Int32: (date: String?, overall: ScoreHistogram)] = [:]
            /// The most recent comments so far, newest first (at most `commentsPerTrainer`).
            var comments: [(date: [UInt8], row: Int, text: String)] = []
        }
        // Text columns are read as bytes and interned, so a million responses
        // make a String only for each new trainer, session and kept comment.
        var trainerIDs = Interner(), sessionIDs = Interner()
        var accumulators: [Accumulator] = []
        var total = 0
        var files: Set<Int64> = []
        let c = ReportColumns.self
        let matcher = ScopeMatcher(scope)
        try warehouse.scanResponses(ReportColumns.list) { row in
            let dateBytes = row.bytes(c.date)
            guard matcher.contains(date: dateBytes, region: row.bytes(c.region)) else { return }
            let idBytes = row.bytes(c.trainerID)
            let t = Int(trainerIDs.id(idBytes ?? row.bytes(c.trainerName)))
            guard t > 0 else { return }
            total += 1
            if let file = row.integer(c.file) { files.insert(Int64(file)) }
            if t > accumulators.count {
                let name = row.string(c.trainerName) ?? trainerIDs.values[t]!
                accumulators.append(Accumulator(id: idBytes.map { String(decoding: $0, as: UTF8.self) }, name: name))
            }
            let i = t - 1
            accumulators[i].histograms.add(row, first: c.questions)
            let session = sessionIDs.id(row.bytes(c.session))
            if accumulators[i].sessions[session] == nil {
                accumulators[i].sessions[session] = (dateBytes.map { String(decoding: $0, as: UTF8.self) }, ScoreHistogram())
            }
            if let overall = row.double(c.questions) { accumulators[i].sessions[session]!.overall.ingest(overall) }
            if scope.includeComments {
                let date = dateBytes.map(Array.init) ?? []
                let kept = accumulators[i].comments
                // Newest sessions first; within a day, the file's order.
                if kept.count < commentsPerTrainer || kept.last!.date.lexicographicallyPrecedes(date), let text = row.commentText {
                    var comments = kept + [(date, total, text)]
                    comments.sort { a, b in a.date != b.date ? b.date.lexicographicallyPrecedes(a.date) : a.row < b.row }
                    accumulators[i].comments = Array(comments.prefix(commentsPerTrainer))
                }
            }
        }
        var byKey: [String: Accumulator] = [:]
        for (i, acc) in accumulators.enumerated() { byKey[trainerIDs.values[i + 1]!] = acc }
        let prior = byKey.values.reduce(ScoreHistogram()) { $0.merging($1.histograms.overall) }.summary().mean
        let shrinkage = Shrinkage(k: scope.shrinkageK)
        let eligible = byKey.filter { $0.value.histograms.overall.n >= scope.minN }
        let ranked = shrinkage.rank(eligible.compactMap { key, acc in
            acc.histograms.overall.summary().mean.map { ShrinkageInput(id: key, n: acc.histograms.overall.n, mean: $0) }
        }, prior: prior ?? 0)
        let rankOf = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0) })

        var trainers = byKey.map { key, acc -> Trainer in
            let trend = acc.sessions.map { SessionPoint(session: sessionIDs.values[Int($0.key)] ?? "-", date: $0.value.date, overall: $0.value.overall.summary()) }
                .sorted { ($0.date ?? "", $0.session) < ($1.date ?? "", $1.session) }
            let comments = acc.comments.map(\.text)
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
                             provenance: try Provenance(warehouse, files: files))
    }

    /// The `pikir agg` command that reproduces the per-trainer numbers.
    public var aggCommand: String { Shell.command(aggWords) }

    /// The command's words, for a trainer's own table to add its filter.
    var aggWords: [String] {
        ["pikir", "agg", "--by", "trainer", "--measure", "overall,delivery,content,organisation,applicability,nps",
         "--stat", "n,mean,ci95,top2,nps"] + scope.aggFilters + ["--min-n", "1"]
    }
}
