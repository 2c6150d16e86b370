import Foundation
import Testing

/// `pikir report … -o FILE.xlsx` end to end: openpyxl reads the workbook back
/// and each table sheet is checked against the `pikir agg` command its
/// Methods sheet names, run with `--format json`: numbers numeric and equal,
/// intervals as two columns, suppressed cells empty, grey and explained.
@Suite("xlsx report workbooks")
struct ReportWorkbookOutputTests {
    /// The yearly groups sheet's columns, in order: code, name, sessions, responses, mean, its interval's
    /// two ends, NPS (then the NPS interval, which `agg` has no stat for).
    static let groupColumns: [(sheet: Int, json: String, measure: String)] = [
        (2, "sessions", "overall"), (3, "responses", "overall"), (4, "mean", "overall"),
        (5, "ci95_low", "overall"), (6, "ci95_high", "overall"), (7, "nps", "nps"),
    ]

    @Test("yearly 2022 (ru): every sheet well formed; the groups sheet equals its agg command's JSON, suppressed cells grey with a note")
    func yearly() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let path = dir.appendingPathComponent("итоги-2022.xlsx").path
            let run = try ReportFixture.report(db, ["yearly", "--year", "2022", "--lang", "ru", "-o", path])
            try #require(run.status == 0, "\(run)")
            let again = dir.appendingPathComponent("again.xlsx").path
            _ = try ReportFixture.report(db, ["yearly", "--year", "2022", "--lang", "ru", "--format", "xlsx", "-o", again])
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)), "same bytes twice")

            let book = try ReadWorkbook(path)
            let names = book.sheets.map(\.name)
            #expect(names.first == "Отчёт" && names.last == "Методы", "\(names)")
            #expect(Set(names.map { $0.lowercased() }).count == names.count, "unique names")
            for sheet in book.sheets {
                #expect(ReadWorkbook.isValidSheetName(sheet.name), "\(sheet.name)")
                for cell in sheet.rows.joined() { #expect(cell.type != "f", "\(sheet.name): a formula") }
            }
            let tables = book.sheets.dropFirst().dropLast()
            for sheet in tables {
                #expect(sheet.freezePanes == "A2", "\(sheet.name): header row frozen")
                #expect(sheet.autoFilter?.hasPrefix("A1:") == true, "\(sheet.name): autofilter")
            }
            // The summary sentences are on the first sheet.
            let cover = book.sheets[0].rows.compactMap { $0.first?.text }
            #expect(cover.contains { $0.hasPrefix("В целом удовлетворённость") }, "\(cover)")

            // Methods: sheet name → its reproduce command.
            let methods = try #require(book.sheets.last)
            let commands = Dictionary(methods.rows.compactMap { row -> (String, String)? in
                guard row.count >= 2, let name = row[0].text, let command = row[1].text, command.hasPrefix("pikir agg ") else { return nil }
                return (name, command)
            }, uniquingKeysWith: { a, _ in a })
            let groups = try #require(tables.first { $0.name == "По категориям участников" })
            let command = try #require(commands[groups.name], "the Methods sheet names the groups sheet's command")
            let arguments = Array(command.split(separator: " ").map(String.init).dropFirst())
            let agg = try PikirBinary.run(arguments + ["--db", db, "--format", "json"])
            try #require(agg.status == 0, "\(agg)")
            let json = try AggJSON.rows(agg.stdout)

            var compared = 0, suppressed = 0
            for row in groups.rows.dropFirst() {
                let code = try #require(row.first?.text)
                for column in Self.groupColumns {
                    let source = try #require(json.first { $0.string("group") == code && $0.string("measure") == column.measure }, "\(code)")
                    let cell = row[column.sheet]
                    if source.fields["suppressed"] as? Bool == true {
                        #expect(cell.isEmpty && cell.fill == "FFD9D9D9" && cell.comment?.isEmpty == false, "\(code) \(column.json): withheld, grey, explained")
                        suppressed += 1
                    } else if let number = source.fields[column.json] as? NSNumber {
                        #expect(WorkbookOutputTests.same(number, cell), "\(code) \(column.json): \(number) vs \(String(describing: cell.value))")
                        compared += 1
                    } else {
                        #expect(cell.isEmpty, "\(code) \(column.json): no value is an empty cell")
                    }
                }
            }
            #expect(compared >= 12 && suppressed >= 6, "compared \(compared), suppressed \(suppressed)")
        }
    }

    @Test("trainers (en): the ranking sheet keeps ids apart from names and splits the interval; refused without -o")
    func trainers() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let path = dir.appendingPathComponent("trainers.xlsx").path
            let run = try ReportFixture.report(db, ["trainers", "--lang", "en", "-o", path])
            try #require(run.status == 0, "\(run)")
            let book = try ReadWorkbook(path)
            let ranking = try #require(book.sheets.dropFirst().first)
            let header = ranking.header
            let id = try #require(header.firstIndex { $0.hasSuffix("code") }), low = try #require(header.firstIndex { $0.hasSuffix("low") })
            for row in ranking.rows.dropFirst() {
                #expect(row[id].text?.hasPrefix("T") == true, "registry id in its own column: \(String(describing: row[id].value))")
                let lower = try #require(row[low].number), upper = try #require(row[low + 1].number)
                #expect(1 <= lower && lower < upper && upper <= 5, "the interval's two ends on the scale")
            }
            let refused = try ReportFixture.report(db, ["trainers", "--format", "xlsx"])
            #expect(refused.status == 64 && refused.stdout.isEmpty, "\(refused)")
        }
    }
}
