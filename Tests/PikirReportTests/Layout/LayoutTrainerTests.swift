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

    @Test("a trainer under min-n is in one line under 'too few answers', not in the table or chart, with no section")
    func underMinN() throws {
        let report = F.trainerReport([
            F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 4, count: 20) + [5, 5], adjusted: 4.1, rank: 1),
            F.trainer("Ерлан Сарсенов", id: "T04", answers: [3, 4, 5]),
        ])
        let document = report.document(F.en, version: "test")
        let ranking = try #require(document.section("ranking"))
        let table = try #require(ranking.tables.first)
        #expect(table.column("Trainer") == ["Айгерім Жұмабекова"], "only the compared trainer")
        #expect(table.column("n") == ["22"])
        #expect(ranking.notes.isEmpty)
        let chart = try #require(ranking.charts.first)
        #expect(chart.svg.contains("Айгерім Жұмабекова"))
        #expect(!chart.svg.contains("Ерлан"), "no trainer under k in the forest chart")
        #expect(chart.text.count == 1 && chart.text[0].hasPrefix("Айгерім Жұмабекова"), "\(chart.text)")

        #expect(try #require(document.section("too-few")).lists == [["Ерлан Сарсенов — 3 answers"]])
        #expect(document.sections.map(\.heading) == ["Trainers against the centre's average", "Too few answers to judge", "Айгерім Жұмабекова"])
        #expect(document.sections.map(\.id) == ["ranking", "too-few", "trainer-1"])
        #expect(document.sections[2].notes.isEmpty)
    }

    @Test("the forest chart and table are drawn only with at least one compared trainer")
    func forestNeedsARankedTrainer() throws {
        let none = F.trainerReport([F.trainer("A", answers: [4, 5]), F.trainer("B", answers: [3])]).document(F.en, version: "test")
        let ranking = try #require(none.section("ranking"))
        #expect(ranking.charts.isEmpty, "no chart without a compared trainer")
        #expect(ranking.tables.isEmpty, "no table either")
        #expect(ranking.notes == [Self.noRegistry])
        #expect(try #require(none.section("too-few")).lists == [["A — 2 answers", "B — 1 answer"]], "listed by name")
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
        let tooFew = try #require(document.section("too-few"))
        #expect(tooFew.notes == ["Fewer than 12 answers: these trainers are not compared, and no statistics or comments are shown for them."])
        #expect(tooFew.lists == [["A — 2 answers"]])
        #expect(document.footer.contains { if case .note(let n) = $0 { n == "Groups under 12 answers are not ranked." } else { false } })
    }

    @Test("each trainer section: six-question table with the agg command, the distribution chart; trend with ≥ 2 sessions; comments when any")
    func trainerSection() throws {
        let report = F.trainerReport([
            F.trainer("One session", id: "T01", answers: [4, 4, 5, 5, 3, 4], sessions: 1, adjusted: 4.1, rank: 1),
            F.trainer("Two sessions", id: "T02", answers: [4, 4, 5, 5, 3], sessions: 2, comments: ["Great", "Too long"], adjusted: 4.0, rank: 2),
        ])
        let document = report.document(F.en, version: "test")
        let one = try #require(document.sections.first { $0.heading == "One session" })
        let two = try #require(document.sections.first { $0.heading == "Two sessions" })
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
