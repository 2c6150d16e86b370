import PikirAggregate
import PikirNormalise
import PikirStats
import PikirModel

/// One session against its trainer's and its region's averages.
public struct SessionReport: Sendable {
    public var session: String
    public var date: String?
    public var region: String?
    public var city: String?
    public var trainer: String?
    public var module: String?
    public var registered: Int?
    public var questions: [QuestionStats]
    /// The trainer's answers over all their sessions, and the region's in the session's year.
    public var trainerAverage: [QuestionStats]
    public var regionAverage: [QuestionStats]
    public var comments: [String]
    public var responses: Int
    public var scope: ReportScope
    public var provenance: Provenance

    /// Nil when the warehouse has no response for the session.
    public static func build(_ warehouse: Warehouse, scope: ReportScope) throws -> SessionReport? {
        guard let typed = scope.session else { preconditionFailure("the session report needs a session") }
        // As typed, or the old derived form (`Almaty/2024-11-05/T01`) of a slug.
        let candidates = SessionKey.typed(typed)
        var id = typed
        let c = ReportColumns.self
        var this = QuestionHistograms(), comments: [String] = [], files: Set<Int64> = []
        var date: String?, region: String?, city: String?, trainerKey: String?, trainer: String?, module: String?
        // First pass: the session itself, and whose and where it was.
        try warehouse.scanResponses(ReportColumns.list) { row in
            guard let session = row.string(c.session), candidates.contains(session) else { return }
            id = session
            this.add(row, first: c.questions)
            if let file = row.integer(c.file) { files.insert(Int64(file)) }
            if date == nil {
                date = row.string(c.date)
                region = row.string(c.region)
                city = row.string(c.city)
                trainerKey = row.string(c.trainerID) ?? row.string(c.trainerName)
                trainer = row.string(c.trainerName)
                module = row.string(c.module)
            }
            if scope.includeComments, let text = row.commentText { comments.append(text) }
        }
        guard this.responses > 0 else { return nil }
        var byTrainer = QuestionHistograms(), byRegion = QuestionHistograms()
        let year = date.map { String($0.prefix(5)) }
        try warehouse.scanResponses(ReportColumns.list) { row in
            if let trainerKey, (row.string(c.trainerID) ?? row.string(c.trainerName)) == trainerKey {
                byTrainer.add(row, first: c.questions)
                if let file = row.integer(c.file) { files.insert(Int64(file)) }
            }
            if let region, row.string(c.region) == region, let year, row.string(c.date)?.hasPrefix(year) == true {
                byRegion.add(row, first: c.questions)
                if let file = row.integer(c.file) { files.insert(Int64(file)) }
            }
        }
        let registered = try warehouse.registeredSessions().first { $0.id == id }?.registered
        return SessionReport(session: id, date: date, region: region, city: city, trainer: trainer, module: module,
                             registered: registered, questions: this.stats, trainerAverage: byTrainer.stats,
                             regionAverage: byRegion.stats, comments: comments, responses: this.responses,
                             scope: scope, provenance: try Provenance(warehouse, files: files))
    }

    public var aggCommand: String {
        Shell.command(["pikir", "agg", "--by", "session", "--measure", "overall,delivery,content,organisation,applicability,nps",
                       "--stat", "n,mean,ci95,dist", "--where", "session=\(session)", "--min-n", "1"])
    }
}
