import Foundation
import Testing

/// The yearly report's first screen on the sample data, end to end. What it
/// must say follows from the sample files' names and dates: 2024 has answers
/// from Almaty, Karaganda, Shymkent and Taraz (Jambyl Region); 2023 only from
/// Almaty and Karaganda. So Shymkent and Jambyl have no 2023 to compare with,
/// and the report reads the 5 files of 2024 and the 2 of 2023.
@Suite("pikir report yearly: the answer first", .serialized)
struct ReportYearlySummaryTests {
    @Test("the summary is the first section, links each sentence to the region table, names the regions without 2023")
    func firstScreen() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let en = try ReportFixture.report(db, ["yearly", "--year", "2024", "--format", "html", "--lang", "en"])
            try #require(en.status == 0, "\(en)")
            let main = try #require(en.stdout.components(separatedBy: "<main>").dropFirst().first)
            #expect(main.drop { $0 == "\n" }.hasPrefix("<section id=\"summary\">"), "the answer comes first")
            let summary = try #require(main.components(separatedBy: "</section>").first)
            let links = summary.matches(of: #/<a href="#([a-z]+)">(.*?)</a>/#).map { (String($0.output.1), HTMLStructure.text(String($0.output.2))) }
            #expect(links.count >= 2 && links.allSatisfy { $0.0 == "regions" }, "\(links)")
            #expect(links.contains { $0.1 == "No comparison for 2 regions: no data for 2023 (Jambyl Region and Shymkent)." }, "\(links)")
            #expect(links.first?.1.hasPrefix("Overall satisfaction") == true)
            #expect(en.stdout.contains("id=\"regions\""))

            let ru = try ReportFixture.report(db, ["yearly", "--year", "2024", "--format", "text", "--lang", "ru"])
            #expect(ru.stdout.contains("Нет сравнения для 2 регионов: нет данных за 2023 год (Жамбылская область и Шымкент)."), "\(ru.stdout.prefix(800))")
            // Only the summary, the chart (last → this year) and the note under the table say "no data" in words;
            // the table's cells carry the short mark.
            for line in ru.stdout.split(separator: "\n") where line.contains("нет данных за 2023") {
                #expect(line.hasPrefix("  »") || line.contains("→") || line.hasPrefix("—*: "), "\(line)")
            }
            #expect(ru.stdout.split(separator: "\n").contains { $0.hasPrefix("Шымкент ") && $0.contains("—*") })
        }
    }

    @Test("the footer's files are the year's and last year's (5 + 2), not the whole warehouse's 15")
    func provenance() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let run = try ReportFixture.report(db, ["yearly", "--year", "2024", "--format", "text", "--lang", "en"])
            try #require(run.status == 0, "\(run)")
            let footer = try #require(run.stdout.components(separatedBy: String(repeating: "─", count: 40)).last)
            #expect(footer.contains("Files read") && footer.contains("7 files"), "\(footer)")
            #expect(footer.contains("2023-04-14_almaty_crm-export_utf16be.csv") && !footer.contains("2025-02-17_aktobe"), "\(footer)")
        }
    }
}
