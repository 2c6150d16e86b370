import Foundation
import PikirAggregate
@testable import PikirReport
import PikirStats
import PikirStore
import Testing

/// Hand-built report values and ways to look into the `Document` a layout makes.
enum LayoutFixture {
    /// The provenance of an empty warehouse (made in a temporary folder, then removed).
    static let provenance: Provenance = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-layout-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let warehouse = try! SQLiteWarehouse(path: dir.appendingPathComponent("empty.sqlite").path)
        return try! Provenance(warehouse)
    }()

    static let en = Catalogue.load(.en)

    /// Six questions' stats from the overall answers given (every question gets the same answers; NPS twice the value).
    static func questions(_ overall: [Double]) -> [QuestionStats] {
        Measure.all.map { m in
            QuestionStats(m, ScoreHistogram(m.question == .nps ? overall.map { $0 * 2 } : overall))
        }
    }

    static func trainer(_ name: String, id: String? = nil, answers: [Double], sessions: Int = 1, comments: [String] = [],
                        adjusted: Double? = nil, rank: Int? = nil) -> TrainerReport.Trainer {
        let questions = questions(answers)
        let trend = (0..<sessions).map { s in
            TrainerReport.SessionPoint(session: "S\(s)", date: "2024-0\(s + 1)-01", overall: ScoreHistogram(answers).summary(scale: 1...5))
        }
        return TrainerReport.Trainer(id: id, name: name, sessions: sessions, responses: answers.count, questions: questions,
                                     trend: trend, comments: comments, adjusted: adjusted, rank: rank)
    }

    static func trainerReport(_ trainers: [TrainerReport.Trainer], minN: Int = 5) -> TrainerReport {
        TrainerReport(scope: ReportScope(minN: minN), trainers: trainers, overallMean: 4.0,
                      responses: trainers.map(\.responses).reduce(0, +), provenance: provenance)
    }

    static func row(_ key: String, answers: [Double], suppression: CellSuppression = .published, change: ChangeResult? = nil,
                    significant: Bool = false) -> YearlyReport.Row {
        let q = questions(answers)
        return YearlyReport.Row(key: key, sessions: 1, registered: nil, responses: answers.count, responseRate: nil,
                                overall: q[0], nps: q[5], change: change, significant: significant, suppression: suppression)
    }

    static func histogram(_ answers: [Double]) -> ScoreHistogram { questions(answers)[0].histogram }

    static func yearlyReport(regions: [YearlyReport.Row], comments: Bool = false, minN: Int = 5) -> YearlyReport {
        let all = regions.flatMap { r in r.overall.histogram.distribution.flatMap { Array(repeating: $0.value, count: $0.count) } }
        return YearlyReport(year: 2024, scope: ReportScope(year: 2024, minN: minN, includeComments: comments), regions: regions,
                            total: row("total", answers: all), groups: [], modules: [], rejectsByReason: [],
                            unresolvedTrainers: [], provenance: provenance, quality: provenance)
    }
}

extension Document {
    func section(_ id: String) -> Section? { sections.first { $0.id == id } }
}

extension Document.Section {
    var tables: [Document.Table] { blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }
    var charts: [Document.Chart] { blocks.compactMap { if case .chart(let c) = $0 { c } else { nil } } }
    var notes: [String] { blocks.compactMap { if case .note(let n) = $0 { n } else { nil } } }
    var paragraphs: [String] { blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } } }
    var lists: [[String]] { blocks.compactMap { if case .list(let l) = $0 { l } else { nil } } }
    var facts: [(label: String, value: String)] {
        blocks.flatMap { block -> [(label: String, value: String)] in if case .facts(let f) = block { f } else { [] } }
    }
}

extension Document.Table {
    /// The texts of the column whose header is `header`.
    func column(_ header: String) -> [String] {
        guard let i = headers.firstIndex(of: header) else { return [] }
        return rows.map { $0[i].text }
    }
}
