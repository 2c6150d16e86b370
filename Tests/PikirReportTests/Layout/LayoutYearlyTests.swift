import Foundation
@testable import PikirReport
import PikirStats
import Testing

/// `YearlyReport.document`: suppressed cells say so and show nothing else,
/// the chart leaves them out, significant changes are marked, comments are
/// said to be left out.
@Suite("Layout: yearly report")
struct LayoutYearlyTests {
    typealias F = LayoutFixture

    static let forty = Array(repeating: 4.0, count: 30) + Array(repeating: 5.0, count: 10)
    static let fortyOne = Array(repeating: 3.0, count: 21) + Array(repeating: 5.0, count: 20)

    @Test("suppressed rows show the suppressed label in every cell; published rows and the total their numbers")
    func suppressedRows() throws {
        let report = F.yearlyReport(regions: [
            F.row("KZ-75", answers: [1, 2, 3], suppression: .primary),
            F.row("KZ-71", answers: Self.forty, suppression: .complementary),
            F.row("KZ-35", answers: Self.fortyOne),
        ])
        let document = report.document(F.en, version: "test")
        let regions = try #require(document.section("regions"))
        let table = try #require(regions.tables.first)
        #expect(table.column("Region") == ["Almaty", "Astana", "Karaganda Region", "Total"])
        for i in 0..<2 {
            #expect(table.rows[i].dropFirst().allSatisfy { $0.text == "suppressed" && $0.style == "suppressed" }, "\(table.rows[i].map(\.text))")
        }
        #expect(table.rows[2].map(\.text).prefix(4) == ["Karaganda Region", "1", "—", "41"])
        #expect(table.rows[2].allSatisfy { $0.style != "suppressed" })
        #expect(table.rows[3][3].text == "84", "the total of all three")
        #expect(regions.notes.first == "Cells with fewer than 5 answers are suppressed, and one more cell in the same row or column where needed so that they cannot be recovered from the totals.")
        // The chart: only the published region.
        let chart = try #require(regions.charts.first)
        #expect(chart.svg.contains("Karaganda Region"))
        #expect(!chart.svg.contains("Almaty") && !chart.svg.contains("Astana"))
        #expect(chart.text.count == 1)
    }

    @Test("no forest chart when every region is suppressed; the table still lists them")
    func noChartWhenAllSuppressed() throws {
        let report = F.yearlyReport(regions: [
            F.row("KZ-75", answers: [1, 2], suppression: .primary), F.row("KZ-71", answers: [4, 4, 5], suppression: .primary),
        ])
        let regions = try #require(report.document(F.en, version: "test").section("regions"))
        #expect(regions.charts.isEmpty)
        #expect(try #require(regions.tables.first).rows.count == 3, "two regions and the total")
    }

    @Test("a significant change carries an arrow and a style; an insignificant one only its number; none a dash")
    func changes() throws {
        let up = ChangeResult(previousMean: 3.5, currentMean: 4.1, difference: 0.6, ci95: Interval(low: 0.2, high: 1.0), p: 0.001, welch: nil)
        let flat = ChangeResult(previousMean: 4.0, currentMean: 3.95, difference: -0.05, ci95: Interval(low: -0.4, high: 0.3), p: 0.7, welch: nil)
        let report = F.yearlyReport(regions: [
            F.row("KZ-75", answers: Self.forty, change: up, significant: true),
            F.row("KZ-71", answers: Self.fortyOne, change: flat),
            F.row("KZ-35", answers: Self.forty),
        ])
        let table = try #require(report.document(F.ru, version: "test").section("regions")?.tables.first)
        let change = table.rows.map { $0.last! }
        #expect(change.map(\.text) == ["+0,60 ▲", "\u{2212}0,05", "—", "—"])
        #expect(change.map(\.style) == ["up", nil, "muted", "muted"])
    }

    @Test("comments: the yearly report says they are left out unless asked for")
    func commentsNote() throws {
        let regions = [F.row("KZ-75", answers: Self.forty)]
        let without = try #require(F.yearlyReport(regions: regions).document(F.en, version: "test").section("quality"))
        #expect(without.notes.contains("Free-text comments are left out of this report."))
        let with = try #require(F.yearlyReport(regions: regions, comments: true).document(F.en, version: "test").section("quality"))
        #expect(!with.notes.contains("Free-text comments are left out of this report."))
    }

    @Test("title, sections and language")
    func shape() throws {
        let document = F.yearlyReport(regions: [F.row("KZ-75", answers: Self.forty)]).document(Catalogue.load(.kk), version: "test")
        #expect(document.title == "2024 жылғы қорытынды")
        #expect(document.language == "kk")
        #expect(document.sections.map(\.id) == ["regions", "groups", "modules", "quality"])
        #expect(!TextRenderer().render(document).contains("⟦"))
    }

    @Test("--comments: each published region says how many comments it has before the distinct ones shown (ru)")
    func commentCount() throws {
        var almaty = F.row("KZ-75", answers: Self.forty)
        almaty.comments = ["Больше практики, меньше лекций", "Рақмет"]
        almaty.commentCount = 4
        var astana = F.row("KZ-71", answers: [4, 5], suppression: .primary)
        astana.comments = ["Всё понравилось"]
        astana.commentCount = 1
        let document = F.yearlyReport(regions: [almaty, astana], comments: true).document(F.ru, version: "test")
        let comments = try #require(document.section("comments"))
        #expect(comments.paragraphs == ["Алматы: 4 комментария"])
        #expect(comments.lists == [["Больше практики, меньше лекций", "Рақмет"]], "never the suppressed region's")
    }
}

extension LayoutFixture {
    static let ru = Catalogue.load(.ru)
}
