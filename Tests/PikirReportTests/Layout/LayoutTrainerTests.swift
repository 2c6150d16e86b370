import Foundation
@testable import PikirReport
import PikirStats
import Testing

/// `TrainerReport.document`: the ranking, the trainers under min-n, the
/// charts present only when they have something to draw.
@Suite("Layout: trainer report")
struct LayoutTrainerTests {
    typealias F = LayoutFixture
    static let noRegistry = "No trainer registry was given: trainers are compared by their names as written in the exports."

    @Test("a trainer under min-n is listed as not enough answers and is not in the ranking table or chart")
    func underMinN() throws {
        let report = F.trainerReport([
            F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 4, count: 20) + [5, 5], adjusted: 4.1, rank: 1),
            F.trainer("Ерлан Сарсенов", id: "T04", answers: [3, 4, 5]),
        ])
        let document = report.document(F.en, version: "test")
        let ranking = try #require(document.section("ranking"))
        let table = try #require(ranking.tables.first)
        #expect(table.column("Trainer") == ["Айгерім Жұмабекова"], "only the ranked trainer")
        #expect(table.column("Rank") == ["1"])
        #expect(table.column("n") == ["22"])
        #expect(ranking.notes == ["not enough answers (n < 5): Ерлан Сарсенов (n = 3)"])
        let chart = try #require(ranking.charts.first)
        #expect(chart.svg.contains("Айгерім Жұмабекова"))
        #expect(!chart.svg.contains("Ерлан"), "no unranked trainer in the forest chart")
        #expect(chart.text.count == 1 && chart.text[0].hasPrefix("Айгерім Жұмабекова"), "\(chart.text)")

        // Both trainers still get their own section, ranked first; the small one says why it is unranked.
        #expect(document.sections.map(\.heading) == ["Ranking by adjusted score", "Айгерім Жұмабекова", "Ерлан Сарсенов"])
        #expect(document.sections.map(\.id) == ["ranking", "trainer-1", "trainer-2"])
        #expect(document.sections[1].notes.isEmpty)
        #expect(document.sections[2].notes == ["not enough answers (n < 5)"])
        let facts = document.sections[2].facts
        #expect(facts.first { $0.label == "Responses" }?.value == "3 answers")
        #expect(facts.first { $0.label == "Overall" }?.value.hasPrefix("4.00 (") == true, "\(facts)")
    }

    @Test("the forest chart is drawn only with at least one ranked trainer")
    func forestNeedsARankedTrainer() throws {
        let none = F.trainerReport([F.trainer("A", answers: [4, 5]), F.trainer("B", answers: [3])]).document(F.en, version: "test")
        let ranking = try #require(none.section("ranking"))
        #expect(ranking.charts.isEmpty, "no chart without a ranked trainer")
        #expect(ranking.tables.isEmpty, "no ranking table either")
        #expect(ranking.notes == ["not enough answers (n < 5): A (n = 2), B (n = 1)", Self.noRegistry], "listed by name")
        #expect(ranking.paragraphs.count == 1, "the shrinkage explanation stays")

        let one = F.trainerReport([F.trainer("A", answers: [4, 5, 5, 4, 3], adjusted: 4.1, rank: 1)]).document(F.en, version: "test")
        #expect(try #require(one.section("ranking")).charts.count == 1)
        #expect(try #require(one.section("ranking")).tables.count == 1)
    }

    @Test("no trainers at all: the ranking says there is no data, no trainer section")
    func empty() throws {
        let document = F.trainerReport([]).document(F.en, version: "test")
        #expect(document.sections.count == 1)
        let ranking = try #require(document.section("ranking"))
        #expect(ranking.paragraphs == ["no responses"])
        #expect(ranking.charts.isEmpty && ranking.tables.isEmpty && ranking.notes.isEmpty)
    }

    @Test("--min-n is the threshold the notes name")
    func minNInNotes() throws {
        let document = F.trainerReport([F.trainer("A", answers: [4, 5])], minN: 12).document(F.en, version: "test")
        #expect(try #require(document.section("ranking")).notes == ["not enough answers (n < 12): A (n = 2)", Self.noRegistry])
        #expect(document.footer.contains { if case .note(let n) = $0 { n == "Groups under 12 answers are not ranked." } else { false } })
    }

    @Test("each trainer section: six-question table with the agg command, the distribution chart; trend with ≥ 2 sessions; comments when any")
    func trainerSection() throws {
        let report = F.trainerReport([
            F.trainer("One session", id: "T01", answers: [4, 4, 5, 5, 3, 4], sessions: 1, adjusted: 4.1, rank: 1),
            F.trainer("Two sessions", id: "T02", answers: [4, 4, 5, 5, 3], sessions: 2, comments: ["Great", "Too long"], adjusted: 4.0, rank: 2),
        ])
        let document = report.document(F.en, version: "test")
        let one = document.sections[1], two = document.sections[2]
        #expect(one.heading == "One session" && two.heading == "Two sessions")
        let table = try #require(one.tables.first)
        #expect(table.rows.count == 6, "one row per question")
        #expect(table.column("Question").first == "Overall satisfaction")
        #expect(table.column("n") == ["6", "6", "6", "6", "6", "6"])
        #expect(table.column("Mean").first == "4.17")
        #expect(table.column("NPS") == ["—", "—", "—", "—", "—", "+17"], "NPS only on the 0–10 question: 8,8,10,10,6,8 → (2 − 1)/6 = +17")
        #expect(table.reproduce?.hasSuffix("--where trainer=T01") == true, "\(table.reproduce ?? "")")
        #expect(one.charts.count == 1, "distribution only: one session has no trend")
        #expect(one.lists.isEmpty, "no comments, no list")
        #expect(two.charts.count == 2, "distribution and trend")
        #expect(two.charts[1].svg.contains("pikir-trend"))
        #expect(two.lists == [["Great", "Too long"]])
        #expect(two.paragraphs.contains("Comments: 2 comments"))
    }

    @Test("the agg command under a trainer without registry id quotes the name for the shell")
    func reproduceQuotesName() throws {
        let document = F.trainerReport([F.trainer("Ivan O'Brien <x>", answers: [4, 4, 4, 4, 4], adjusted: 4, rank: 1)]).document(F.en, version: "test")
        let table = try #require(document.sections[1].tables.first)
        #expect(table.reproduce?.hasSuffix(#" --where 'trainer=Ivan O'\''Brien <x>'"#) == true, "\(table.reproduce ?? "")")
    }

    @Test("footer: fingerprint and files always, the generated-at line only when given, the version")
    func footer() throws {
        let report = F.trainerReport([])
        func facts(_ d: Document) -> [String] {
            d.footer.flatMap { block -> [String] in if case .facts(let f) = block { f.map(\.label) } else { [] } }
        }
        let plain = report.document(F.en, version: "9.9.9")
        #expect(facts(plain) == ["Data fingerprint", "Files read"])
        let dated = report.document(F.en, generatedAt: "2026-01-01", version: "9.9.9")
        #expect(facts(dated) == ["Data fingerprint", "Files read", "Generated"])
        #expect(plain.footer.contains { if case .note(let n) = $0 { n == "Made with pikir 9.9.9" } else { false } })
    }

    @Test("the same document renders in every language with no missing key")
    func languages() throws {
        let report = F.trainerReport([
            F.trainer("A", answers: [4, 5, 5, 4, 3], sessions: 2, comments: ["c"], adjusted: 4.1, rank: 1), F.trainer("B", answers: [2]),
        ])
        for language in Language.allCases {
            let document = report.document(Catalogue.load(language), generatedAt: "x", version: "test")
            #expect(document.language == language.rawValue)
            let text = TextRenderer().render(document)
            #expect(!text.contains("⟦"), "\(language): \(text.components(separatedBy: "⟦").dropFirst().first?.prefix(40) ?? "")")
            let html = try HTMLRenderer().render(document)
            #expect(!html.contains("⟦"), "\(language)")
        }
    }
}
