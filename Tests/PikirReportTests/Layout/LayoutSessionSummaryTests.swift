import Foundation
import PikirAggregate
@testable import PikirReport
import PikirStats
import Testing

/// The session report's first screen: its mean against the trainer's earlier
/// sessions and the region's year, "above"/"below" only when the intervals
/// do not overlap.
@Suite("Layout: session summary sentences")
struct LayoutSessionSummaryTests {
    typealias F = LayoutFixture

    /// 36 × 5 and 4 × 4: mean 4.90 from 40 answers.
    static let high = Array(repeating: 5.0, count: 36) + Array(repeating: 4.0, count: 4)
    /// 100 × 3 and 100 × 2: mean 2.50 from 200 answers, far below `high` under any 95% interval.
    static let low = Array(repeating: 3.0, count: 100) + Array(repeating: 2.0, count: 100)

    static func report(mine: [Double], trainer: [Double]?, region: [Double], earlier: Int = 3) -> SessionReport {
        var report = SessionReport(session: "ALM-2024-11-A", date: "2024-11-05", region: "KZ-75", city: "Алматы", trainer: "Айгерим Сапарова",
                                   module: "open", registered: nil, questions: F.questions(mine),
                                   trainerAverage: F.questions(trainer ?? []), regionAverage: F.questions(region),
                                   comments: [], responses: mine.count, scope: ReportScope(minN: 5), provenance: F.provenance)
        if trainer != nil {
            report.trainerEarlierSessions = earlier
            report.trainerYears = 2023...2024
        }
        report.year = 2024
        return report
    }

    static func sentences(_ report: SessionReport, _ language: Language) throws -> [Document.Sentence] {
        let section = try #require(report.document(Catalogue.load(language), version: "test").sections.first)
        guard case .summary(let sentences)? = section.blocks.first else {
            Issue.record("the first block is not the summary")
            return []
        }
        #expect(sentences.allSatisfy { $0.target == "session" })
        return sentences
    }

    @Test("en: above the trainer's earlier sessions (intervals apart), in line with the region (its own answers included)")
    func aboveAndInLine() throws {
        #expect(try Self.sentences(Self.report(mine: Self.high, trainer: Self.low, region: Self.high + Self.high), .en).map(\.text) == [
            "Overall satisfaction in this session is 4.90 (40 answers), above the trainer's earlier sessions (2.50; 3 sessions, 2023–2024).",
            "That is in line with the region's 2024 average (Almaty: 4.90).",
        ])
    }

    @Test("ru: below the trainer, above the region; kk: the same")
    func belowAndAbove() throws {
        let report = Self.report(mine: Self.low, trainer: Self.high, region: Self.high + Self.high + Self.low.prefix(10), earlier: 1)
        #expect(try Self.sentences(report, .ru).map(\.text) == [
            "Общая удовлетворённость на этом тренинге — 2,50 (200 ответов): ниже, чем на прежних тренингах тренера (4,90; 1 тренинг, 2023–2024).",
            "Это ниже среднего по региону за 2024 год (Алматы: 4,69).",
        ])
        let above = Self.report(mine: Self.high, trainer: Self.low, region: Self.low, earlier: 2)
        #expect(try Self.sentences(above, .kk).map(\.text) == [
            "Осы тренингтегі жалпы қанағаттанушылық — 4,90 (40 жауап): тренердің бұрынғы тренингтерінен жоғары (2,50; 2 тренинг, 2023–2024).",
            "Бұл өңірдің 2024 жылғы орташасынан жоғары (Алматы: 2,50).",
        ])
    }

    @Test("overlapping intervals are 'in line' even when the means differ; a trainer with no earlier session says so")
    func inLineAndNone() throws {
        // 4 answers, mean 4.25: its interval is wide and covers the trainer's 4.90.
        let small = Self.report(mine: [5, 4, 4, 4], trainer: Self.high, region: Self.high)
        #expect(try Self.sentences(small, .en).first?.text
                == "Overall satisfaction in this session is 4.25 (4 answers), in line with the trainer's earlier sessions (4.90; 3 sessions, 2023–2024).")
        let first = Self.report(mine: Self.high, trainer: nil, region: Self.high)
        #expect(try Self.sentences(first, .ru).first?.text
                == "Общая удовлетворённость на этом тренинге — 4,90 (40 ответов); более ранних тренингов этого тренера в данных нет, сравнивать не с чем.")
        #expect(SessionReport.Standing.of(ScoreHistogram([4]).summary(scale: 1...5), against: ScoreHistogram(Array(repeating: 4, count: 40)).summary(scale: 1...5)) == .inLine,
                "one answer (no interval, or one around its own value) against the same mean")
        #expect(SessionReport.Standing.of(ScoreHistogram().summary(scale: 1...5), against: ScoreHistogram(Self.high).summary(scale: 1...5)) == nil)
    }

    @Test("cover: the place (the city unless the region is a city itself), the session's date, the generation date")
    func cover() {
        var report = Self.report(mine: Self.high, trainer: nil, region: Self.high)
        #expect(report.document(F.en, generatedAt: "2026-12-05", version: "test").cover == ["Almaty", "5 November 2024", "Generated: 5 December 2026"])
        report.region = "KZ-19"
        report.city = "Қонаев"
        #expect(report.document(Catalogue.load(.kk), version: "test").cover == ["Алматы облысы, Қонаев", "2024\u{A0}ж. 5 қараша"])
    }

    @Test("glossary under the question table: n, interval, top two, NPS")
    func glossary() throws {
        let section = try #require(Self.report(mine: Self.high, trainer: Self.low, region: Self.high).document(F.en, version: "test").sections.first)
        let terms = section.blocks.flatMap { block -> [String] in if case .glossary(let t) = block { t.map(\.term) } else { [] } }
        #expect(terms == ["n", "95% interval", "top two", "NPS"])
    }
}
