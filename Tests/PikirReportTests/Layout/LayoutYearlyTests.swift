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
        // No registry in the fixture: no response-rate column; never a participants one (the rate says it).
        #expect(!table.headers.contains("Participants") && !table.headers.contains("Response rate"))
        #expect(table.rows[2].map(\.text).prefix(3) == ["Karaganda Region", "1", "41"])
        #expect(table.rows[2].allSatisfy { $0.style != "suppressed" })
        #expect(table.rows[3][2].text == "84", "the total of all three")
        #expect(regions.notes.contains("Cells with fewer than 5 answers are suppressed, and one more cell in the same row or column where needed so that they cannot be recovered from the totals."))
        // One chart (paired dots): only the published region and the total.
        #expect(regions.charts.count == 1)
        for chart in regions.charts {
            #expect(chart.svg.contains("Karaganda Region"))
            #expect(!chart.svg.contains("Almaty") && !chart.svg.contains("Astana"))
        }
        #expect(regions.charts[0].text.count == 3, "legend, Karaganda, total")
    }

    @Test("no chart when every region is suppressed; the table still lists them")
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
        #expect(change.map(\.text) == ["+0,60 ▲", "\u{2212}0,05", "—*", "—*"])
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
        #expect(table.headers.contains("Overall 2023") && table.headers.contains("Overall 2024"))
        #expect(table.column("Overall 2023").prefix(3) == ["3.98", "suppressed", "—*"])
        #expect(table.column("Change vs previous year").prefix(3) == ["+0.27", "suppressed", "—*"])
        #expect(try #require(report.document(F.en, version: "test").section("regions")).notes.first == "—*: no data for 2023.")
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

    @Test("the region table's numeric cells stay short in kk, ru and en (no 'нет данных за 2023' in a nowrap column); the note explains the mark")
    func shortCells() throws {
        var almaty = F.row("KZ-75", answers: Self.forty), astana = F.row("KZ-71", answers: Self.forty)
        almaty.lastYear = F.histogram([5, 5, 1])
        astana.change = ChangeResult(previousMean: 4.0, currentMean: 4.25, difference: 0.25, ci95: Interval(low: 0.1, high: 0.4), p: 0.01, welch: nil)
        astana.significant = true
        astana.lastYear = F.histogram(Self.fortyOne)
        let report = F.yearlyReport(regions: [almaty, astana, F.row("KZ-35", answers: Self.forty), F.row("KZ-79", answers: [4], suppression: .primary)])
        for language in Language.allCases {
            let c = Catalogue.load(language)
            let regions = try #require(report.document(c, version: "test").section("regions"))
            let table = try #require(regions.tables.first)
            for row in table.rows {
                for (cell, numeric) in zip(row, table.numeric) where numeric && cell.style != "suppressed" {
                    #expect(DisplayWidth.of(cell.text) <= 9, "\(language): \(cell.text)")
                }
            }
            // No header wider than its longest word needs: at most three words, none a parenthesis.
            #expect(table.headers.allSatisfy { !$0.contains("(") }, "\(table.headers)")
            #expect(regions.notes.first == c.text("yearly.no_data_note", ["mark": "—*", "year": "2023"]))
            // "no data" (—*), "suppressed" (last year under k) and "not computed" (—) stay three different cells.
            let last = table.column(c.text("question.short.overall") + " 2023")
            #expect(last == [c.text("label.suppressed"), c.number(4, decimals: 2), "—*",
                             c.text("label.suppressed"), "—*"], "\(language)")
        }
    }

    @Test("glossary: each term once, under the first table that shows it; 'suppressed' and its note only where a table hides a cell")
    func glossary() throws {
        var report = F.yearlyReport(regions: [F.row("KZ-75", answers: Self.forty), F.row("KZ-71", answers: [4, 5], suppression: .primary)])
        report.groups = [F.row("student", answers: Self.forty)]
        let document = report.document(F.ru, version: "test")
        func terms(_ document: Document, _ id: String) throws -> [String] {
            try #require(document.section(id)).blocks.flatMap { block -> [String] in
                if case .glossary(let terms) = block { terms.map(\.term) } else { [] }
            }
        }
        #expect(try terms(document, "regions") == ["95\u{a0}% интервал", "NPS", "значимо", "скрыто"])
        #expect(try terms(document, "groups") == [])
        #expect(try document.section("regions")!.blocks.firstIndex { if case .glossary = $0 { true } else { false } }!
                == document.section("regions")!.blocks.firstIndex { if case .table = $0 { true } else { false } }! + 1, "right under the table")
        // Nothing hidden among the regions, one group hidden: the term and the note move to the groups' table.
        report.regions = [F.row("KZ-75", answers: Self.forty)]
        report.groups = [F.row("student", answers: Self.forty), F.row("pupil", answers: [5], suppression: .primary)]
        let moved = report.document(F.ru, version: "test")
        #expect(try terms(moved, "regions") == ["95\u{a0}% интервал", "NPS", "значимо"])
        #expect(try terms(moved, "groups") == ["скрыто"])
        #expect(!moved.section("regions")!.notes.contains { $0.hasPrefix("Ячейки, где ответов меньше 5") })
        #expect(moved.section("groups")!.notes.contains { $0.hasPrefix("Ячейки, где ответов меньше 5") })
    }

    @Test("footer: no method the yearly report does not use (shares, quartiles, shrinkage, ranking)")
    func footerMethods() {
        let footer = F.yearlyReport(regions: [F.row("KZ-75", answers: Self.forty)]).document(F.en, version: "test").footer
        let notes = footer.compactMap { if case .note(let n) = $0 { n } else { nil } }
        #expect(notes.contains(F.en.text("methods.holm")) && notes.contains(F.en.text("methods.mean")))
        for unused in [F.en.text("methods.proportion"), F.en.text("methods.quantiles"), F.en.text("methods.min_n", ["k": "5"])] {
            #expect(!notes.contains(unused))
        }
    }

    @Test("cover: all regions or the scoped one, the year, the generation date in the report's language when given")
    func cover() {
        let report = F.yearlyReport(regions: [F.row("KZ-75", answers: Self.forty)])
        #expect(report.document(F.en, version: "test").cover == ["All regions", "2024"])
        #expect(report.document(F.ru, generatedAt: "2026-12-05", version: "test").cover == ["Все регионы", "2024", "Дата создания: 5 декабря 2026\u{A0}г."])
        var almaty = report
        almaty.scope.region = "KZ-75"
        #expect(almaty.document(Catalogue.load(.kk), generatedAt: "pipeline run 7", version: "test").cover == ["Алматы", "2024", "Жасалған уақыты: pipeline run 7"])
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
        // The fixture has no participant group or module: no empty section for them.
        #expect(document.sections.map(\.id) == ["summary", "regions", "quality"])
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
