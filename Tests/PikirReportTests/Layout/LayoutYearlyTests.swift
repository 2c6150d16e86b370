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
        // The charts (paired dots, then the forest): only the published region (and the total in the paired one).
        #expect(regions.charts.count == 2)
        for chart in regions.charts {
            #expect(chart.svg.contains("Karaganda Region"))
            #expect(!chart.svg.contains("Almaty") && !chart.svg.contains("Astana"))
        }
        #expect(regions.charts[1].text.count == 1)
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
        var almaty = F.row("KZ-75", answers: Self.forty, change: up, significant: true)
        var astana = F.row("KZ-71", answers: Self.fortyOne, change: flat)
        almaty.lastYear = F.histogram(Self.fortyOne)
        astana.lastYear = F.histogram(Self.forty)
        let report = F.yearlyReport(regions: [almaty, astana, F.row("KZ-35", answers: Self.forty)])
        let table = try #require(report.document(F.ru, version: "test").section("regions")?.tables.first)
        let change = table.rows.map { $0.last! }
        #expect(change.map(\.text) == ["+0,60 ▲", "\u{2212}0,05", "нет данных за 2023", "нет данных за 2023"])
        #expect(change.map(\.style) == ["up", nil, "muted", "muted"])
    }

    @Test("last year's value beside this year's; 'no data for 2023' and 'suppressed' (under k last year) are different markers (en)")
    func lastYearColumn() throws {
        var almaty = F.row("KZ-75", answers: Self.forty), astana = F.row("KZ-71", answers: Self.forty)
        almaty.lastYear = F.histogram(Self.fortyOne)  // 3.98
        almaty.change = YearlyReport.change(last: almaty.lastYear, current: almaty.overall.histogram, minN: 5)
        astana.lastYear = F.histogram([5, 5, 1])  // 3 answers last year: under k = 5
        astana.change = YearlyReport.change(last: astana.lastYear, current: astana.overall.histogram, minN: 5)
        #expect(astana.change == nil, "a change from 3 answers would reveal last year's small cell")
        let report = F.yearlyReport(regions: [almaty, astana, F.row("KZ-35", answers: Self.forty)])
        let table = try #require(report.document(F.en, version: "test").section("regions")?.tables.first)
        #expect(table.headers.contains("2023 (last year)"))
        #expect(table.column("2023 (last year)").prefix(3) == ["3.98", "suppressed", "no data for 2023"])
        #expect(table.column("Change vs previous year").prefix(3) == ["+0.27", "suppressed", "no data for 2023"])
        #expect(table.rows[1].last?.style == "suppressed" && table.rows[2].last?.style == "muted")
    }

    @Test("regions are ordered by their name in the report's language, not by ISO code (kk alphabet: Қ after К, Ұ after У; ru)")
    func orderByName() throws {
        let report = F.yearlyReport(regions: ["KZ-35", "KZ-47", "KZ-62", "KZ-71", "KZ-75"].map { F.row($0, answers: Self.forty) })
        let kk = try #require(report.document(Catalogue.load(.kk), version: "test").section("regions")?.tables.first)
        #expect(kk.rows.map { $0[0].text } == ["Алматы", "Астана", "Қарағанды облысы", "Маңғыстау облысы", "Ұлытау облысы", "Барлығы"])
        let ru = try #require(report.document(F.ru, version: "test").section("regions")?.tables.first)
        #expect(ru.rows.map { $0[0].text } == ["Алматы", "Астана", "Карагандинская область", "Мангистауская область", "область Ұлытау", "Всего"])
        #expect(NameOrder.sorted(["Шымкент", "Қызылорда", "Көкшетау", "Ақтау", "Әбай", "Арқалық"], language: .kk) { $0 }
                == ["Ақтау", "Арқалық", "Әбай", "Көкшетау", "Қызылорда", "Шымкент"])
    }

    @Test("paired-dot chart: a hollow dot at last year, a filled one at this year, per region and the total; text ○──●")
    func pairedDots() throws {
        var almaty = F.row("KZ-75", answers: Self.forty), astana = F.row("KZ-71", answers: Self.fortyOne)
        almaty.lastYear = F.histogram(Self.fortyOne)
        let report = F.yearlyReport(regions: [almaty, astana])
        let chart = try #require(report.document(F.en, version: "test").section("regions")?.charts.first)
        #expect(chart.svg.contains("Overall satisfaction: 2023 → 2024"))
        #expect(chart.svg.contains("<title>Almaty: 2023 3.98, 2024 4.25</title>"))
        #expect(chart.svg.contains("<title>Astana: 2023 no data for 2023, 2024 3.98</title>"))
        // Legend plus one hollow dot (Almaty's last year): Astana and the total have none.
        let wide = try #require(chartVariants(chart.svg).first)
        #expect(wide.components(separatedBy: "class=\"pk-last\"").count - 1 == 2)
        #expect(wide.components(separatedBy: "class=\"pk-current\"").count - 1 == 4)
        #expect(chart.text.first == "○ 2023  ● 2024")
        #expect(chart.text[1].hasSuffix(" 3.98 → 4.25"))
        #expect(PairedDotChart.text(last: 2, current: 4, scale: 1...5, width: 9) == "  ○───●  ")
        #expect(PairedDotChart.text(last: 4, current: 2, scale: 1...5, width: 9) == "  ●───○  ")
        #expect(PairedDotChart.text(last: nil, current: 5, scale: 1...5, width: 9) == "        ●")
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
