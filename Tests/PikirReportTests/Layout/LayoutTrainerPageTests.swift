@testable import PikirReport
import PikirStats
import Testing

/// `--trainer`: one trainer's page, with their sentences and section and nothing of anyone else's;
/// and how a typed id or name finds the trainer.
@Suite("Layout: one trainer's page")
struct LayoutTrainerPageTests {
    typealias F = LayoutFixture

    static let trainers = [
        F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 5, count: 24) + Array(repeating: 4, count: 6), sessions: 2,
                  comments: ["Жақсы түсіндірді"]),
        F.trainer("Жанар Омарова", id: "T03", answers: Array(repeating: 3, count: 20) + Array(repeating: 2, count: 10), sessions: 3,
                  comments: ["Слишком быстро"]),
        F.trainer("Ерлан Сарсенов", id: "T04", answers: [4, 5, 3], comments: ["Ерлан, рахмет"]),
    ]

    static func page(_ typed: String) throws -> TrainerReport {
        var report = F.trainerReport(trainers)
        report.focus = try #require(report.trainer(named: typed), "\(typed)")
        return report
    }

    @Test("the page of a trainer below μ: their sentences, their chart row and section; no other trainer's name or comment")
    func onePage() throws {
        let report = try Self.page("T03")
        let document = report.document(F.en, generatedAt: "2026-01-05", version: "test")
        #expect(document.title == "Participants' feedback on a trainer")
        #expect(document.sections.map(\.id) == ["trainer"])
        #expect(document.cover == ["Жанар Омарова", "All regions", "2024", "Generated: 5 January 2026"])
        let section = document.sections[0]
        #expect(section.heading == "Жанар Омарова")
        guard case .summary(let sentences)? = section.blocks.first else { Issue.record("no summary first"); return }
        #expect(sentences == [
            Document.Sentence("Жанар Омарова is below the centre's average, with confidence: adjusted score 3.00 against 4.00.", target: "trainer"),
            Document.Sentence("Based on 30 answers from 3 sessions, 2024.", target: "trainer"),
        ])
        let svg = try #require(section.charts.first).svg
        let root = try #require(parseChartSVG(svg))
        #expect(root.all(class: "pk-row").count == 1)
        #expect(section.tables.count == 1 && section.tables[0].rows.count == 6, "their six-question table")
        #expect(section.lists == [["Слишком быстро"]])
        let text = TextRenderer().render(document), html = try HTMLRenderer().render(document)
        for other in ["Айгерім", "Жұмабекова", "Ерлан", "Сарсенов", "Жақсы түсіндірді", "рахмет", "4.60"] {
            #expect(!text.contains(other) && !html.contains(other), "\(other) is another trainer's")
        }
    }

    @Test("the sentence names the trainer's own period; the cover the report's, which μ covers")
    func ownPeriod() throws {
        var trainers = Self.trainers
        trainers[1].trend = trainers[1].trend.map { var p = $0; p.date = "2023-03-01"; return p }
        var report = F.trainerReport(trainers)
        report.focus = report.trainers[1]
        let document = report.document(F.en, version: "test")
        #expect(document.cover == ["Жанар Омарова", "All regions", "2023–2024"])
        guard case .summary(let sentences)? = document.sections[0].blocks.first else { Issue.record("no summary first"); return }
        #expect(sentences.last?.text == "Based on 30 answers from 3 sessions, 2023.")
    }

    @Test("the page in ru and kk says the tier in words")
    func translated() throws {
        let report = try Self.page("Жұмабекова А.")
        guard case .summary(let ru)? = report.document(Catalogue.load(.ru), version: "test").sections[0].blocks.first,
              case .summary(let kk)? = report.document(Catalogue.load(.kk), version: "test").sections[0].blocks.first
        else { Issue.record("no summary"); return }
        #expect(ru.map(\.text) == ["Айгерім Жұмабекова: уверенно выше среднего по центру — скорректированная оценка 4,60 при среднем 4,00.",
                                   "По данным: 30 ответов, 2 тренинга, 2024."])
        #expect(kk.map(\.text) == ["Айгерім Жұмабекова: орталық бойынша орташадан сенімді түрде жоғары — түзетілген баға 4,60, орташа 4,00.",
                                   "Дерек: 30 жауап, 2 тренинг, 2024."])
    }

    @Test("under k: the sentences and the counts only; no table, chart or comment")
    func underK() throws {
        let document = try Self.page("ерлан сарсенов").document(F.en, version: "test")
        let section = document.sections[0]
        guard case .summary(let sentences)? = section.blocks.first else { Issue.record("no summary first"); return }
        #expect(sentences.map(\.text) == ["Ерлан Сарсенов has too few answers to judge (fewer than 5).", "Based on 3 answers from 1 session, 2024."])
        #expect(section.tables.isEmpty && section.charts.isEmpty && section.lists.isEmpty)
        #expect(section.facts.map(\.value) == ["1 session", "3 answers"])
    }

    @Test("finding the trainer: id in any case, the name folded, a spelling the registry's names resolve; else nil with the closest")
    func lookup() throws {
        let report = F.trainerReport(Self.trainers + [F.trainer("Айгерим", answers: [4, 4, 4, 4, 4])])
        #expect(report.trainer(named: "t02")?.id == "T02")
        #expect(report.trainer(named: " АЙГЕРІМ  жұмабекова ")?.id == "T02")
        #expect(report.trainer(named: "Aigerim Zhumabekova")?.id == "T02", "transliterated")
        #expect(report.trainer(named: "Омарова Ж.")?.id == "T03", "surname and initial")
        #expect(report.trainer(named: "Айгерим")?.name == "Айгерим", "an unresolved name as written")
        #expect(report.trainer(named: "T09") == nil)
        let unknown = UnknownTrainer(typed: "Омарва", report: report)
        #expect(unknown.closest.first == "T03 (Жанар Омарова)", "\(unknown.closest)")
        #expect(unknown.message.hasPrefix("no trainer 'Омарва' in the report's scope; closest: T03 (Жанар Омарова)"), "\(unknown.message)")
        #expect(unknown.message.contains("all: T02 (Айгерім Жұмабекова), T03 (Жанар Омарова), T04 (Ерлан Сарсенов), Айгерим"), "\(unknown.message)")
    }
}
