import PikirAggregate
import PikirNormalise
import PikirStats
import PikirModel

/// One session against its trainer's earlier sessions and its region's year.
public struct SessionReport: Sendable {
    public var session: String
    public var date: String?
    public var region: String?
    public var city: String?
    public var trainer: String?
    public var module: String?
    public var registered: Int?
    public var questions: [QuestionStats]
    /// The trainer's answers in their sessions before this one (up to the day
    /// before its first day, so a later session never colours the reference),
    /// and the region's in the session's year, this session included.
    public var trainerAverage: [QuestionStats]
    public var regionAverage: [QuestionStats]
    /// The trainer's earlier sessions: how many, and the years they span; 0 and nil when none.
    public var trainerEarlierSessions = 0
    public var trainerYears: ClosedRange<Int>?
    /// The year the region's average covers (the session's).
    public var year: Int?
    /// The most informative distinct comments, and how many were written in all.
    public var comments: [String]
    public var commentCount = 0
    public var responses: Int
    public var scope: ReportScope
    public var provenance: Provenance

    /// The session's own numbers, as its table shows them.
    public var query: AggregateQuery { Self.query(session) }

    static func query(_ session: String) -> AggregateQuery {
        AggregateQuery(by: [.session], measures: Measure.all, stats: [.n, .mean, .ci95, .top2, .nps, .dist], minN: 1).filtered(.session, session)
    }

    /// Nil when the warehouse has no response for the session.
    public static func build(_ warehouse: Warehouse, scope: ReportScope) throws -> SessionReport? {
        guard let typed = scope.session else { preconditionFailure("the session report needs a session") }
        // As typed, or the old derived form (`Almaty/2024-11-05/T01`) of a slug: the session filter knows both.
        var own = query(typed)
        own.comments = scope.includeComments ? commentsShown : 0
        own.collectsFiles = true
        // Whose and where it was.
        let place = AggregateQuery(by: [.session, .region, .city, .trainer, .module], measures: [Measure(.overall)], stats: [.firstDate], minN: 0)
            .filtered(.session, typed)
        let aggregators = try Aggregator.run([own, place], on: warehouse)

        let rows = aggregators[0].rows()
        guard let first = rows.first, first.group.responses > 0 else { return nil }
        let id = first.dimensions[0].value.text ?? typed
        let mine = rows.filter { $0.dimensions[0].value.text == id }
        // The most answered combination, should a session's responses disagree on where and whose it was.
        let where_ = aggregators[1].rows().filter { $0.dimensions[0].value.text == id }.max { a, b in a.group.responses < b.group.responses }
        let region = where_?.dimensions[1].value.text, city = where_?.dimensions[2].value.text
        let trainer = where_?.dimensions[3].value, module = where_?.dimensions[4].value.text
        let date = where_?.group.firstDate
        let trainerKey = trainer.flatMap { $0.trainerID ?? $0.text }
        let year = date.flatMap { Int($0.prefix(4)) }

        // What to compare with: the trainer's sessions up to the day before this one's first day,
        // and every region's year.
        let cutoff = Self.dayBefore(date)
        let comparisons = try Aggregator.run(Self.comparisons(before: cutoff), on: warehouse)
        func isTrainer(_ row: AggregateRow) -> Bool {
            trainerKey != nil && (row.dimensions[0].value.trainerID ?? row.dimensions[0].value.text) == trainerKey
        }
        // Without a date there is no "before": nothing of the trainer's to compare with.
        let byTrainer = cutoff == nil ? [] : comparisons[1].rows().filter(isTrainer)
        let earlierYears = cutoff == nil ? [] : comparisons[2].rows().filter { isTrainer($0) && $0.group.responses > 0 }.compactMap { $0.dimensions[1].value.number }
        let byRegion = comparisons[0].rows().filter { row in
            region != nil && row.dimensions[0].value.text == region && year != nil && row.dimensions[1].value.number == year
        }
        func stats(_ rows: [AggregateRow]) -> [QuestionStats] {
            Measure.all.map { m in QuestionStats(m, rows.first { $0.measure == m }?.histogram ?? ScoreHistogram()) }
        }
        var files = mine[0].group.files
        for row in byTrainer + byRegion { files.formUnion(row.group.files) }
        let registered = try warehouse.registeredSessions().first { $0.id == id }?.registered
        var report = SessionReport(session: id, date: date, region: region, city: city, trainer: trainer?.text, module: module,
                                   registered: registered, questions: stats(mine), trainerAverage: stats(byTrainer),
                                   regionAverage: stats(byRegion), comments: mine[0].group.comments, commentCount: mine[0].group.commentCount,
                                   responses: mine[0].group.responses, scope: scope, provenance: try Provenance(warehouse, files: files))
        report.trainerEarlierSessions = byTrainer.first?.group.sessions ?? 0
        report.trainerYears = earlierYears.min().flatMap { low in earlierYears.max().map { low...$0 } }
        report.year = year
        return report
    }

    /// Every region's years; and, given the last day kept, every trainer's
    /// averages, sessions and years up to it.
    static func comparisons(before cutoff: String?) -> [AggregateQuery] {
        var regions = AggregateQuery(by: [.region, .year], measures: Measure.all, stats: [.n, .mean], minN: 0)
        regions.collectsFiles = true
        guard let cutoff else { return [regions] }
        var trainers = AggregateQuery(by: [.trainer], measures: Measure.all, stats: [.n, .mean, .sessions], minN: 0)
        trainers.to = cutoff
        trainers.collectsFiles = true
        var years = AggregateQuery(by: [.trainer, .year], measures: [Measure(.overall)], stats: [.responses], minN: 0)
        years.to = cutoff
        return [regions, trainers, years]
    }

    /// The ISO day before an ISO `yyyy-mm-dd` day.
    static func dayBefore(_ iso: String?) -> String? {
        guard let parts = iso?.split(separator: "-").compactMap({ Int($0) }), parts.count == 3 else { return nil }
        return Dates.CalendarDate(year: parts[0], month: parts[1], day: parts[2])?.previous?.iso
    }

    public var aggCommand: String { Shell.command(query.commandLine) }

    /// Comments shown (the most informative distinct ones).
    static let commentsShown = 10
}
