import Foundation
import Testing

/// `--format xlsx` end to end: the built binary writes the workbook, openpyxl
/// (an independent reader) reads it back, and every cell is checked against
/// the same query's `--format json`.
@Suite("xlsx workbooks")
struct WorkbookOutputTests {
    /// Comments a spreadsheet would run as formulas if it parsed them, with Russian, Kazakh and Latin text.
    static let trickyComments = [
        "=HYPERLINK(\"http://x\")", "+7 701… звонок не нужен", "-5 минут опоздали", "@все рахмет", "=1+1",
        "Өте пайдалы тренинг, рахмет!", "Спасибо, всё понятно", "Great session",
    ]

    /// A Google Forms export (English headers) whose comments are `trickyComments`.
    static func trickyExport(in dir: URL) throws -> String {
        let header = "Timestamp,City,Which module did you attend?,Trainer's name,You are...,How satisfied are you with the training overall?,"
            + "How clearly did the trainer deliver the material?,How relevant was the content to your work?,"
            + "\"How would you rate the organisation (venue, timing, materials)?\",Will you be able to apply what you learned?,"
            + "How likely are you to recommend this training to a colleague? (0-10),What did you like most?,What could be improved?,Any other comments?"
        var lines = [header]
        for (i, comment) in trickyComments.enumerated() {
            let quoted = "\"" + comment.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            lines.append("2022/11/05 10:0\(i):53 AM GMT+6,Astana,Digital youth work,Dmitry Kim,Student,Good,Good,Excellent,Good,Agree,\(i + 2),Әдістері,,\(quoted)")
        }
        let path = dir.appendingPathComponent("2022-11-05_astana_tricky.csv").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// What every workbook pikir writes must be: valid sheet names, a frozen header row, no formula anywhere.
    static func expectWellFormed(_ book: ReadWorkbook) {
        for sheet in book.sheets {
            #expect(ReadWorkbook.isValidSheetName(sheet.name), "sheet name \(sheet.name)")
            #expect(sheet.freezePanes == "A2", "\(sheet.name): header row frozen")
            #expect(sheet.autoFilter?.hasPrefix("A1:") == true, "\(sheet.name): autofilter \(sheet.autoFilter ?? "none")")
            for row in sheet.rows {
                for cell in row {
                    #expect(cell.type != "f", "\(sheet.name): a formula cell \(String(describing: cell.value))")
                }
            }
        }
    }

    /// A JSON number and a numeric cell: the same double (libxlsxwriter writes 17 significant digits).
    static func same(_ json: NSNumber, _ cell: ReadWorkbook.Cell) -> Bool {
        guard let x = cell.number else { return false }
        let y = json.doubleValue
        return x == y || abs(x - y) <= 1e-13 * max(abs(x), abs(y))
    }

    @Test("agg: every cell equals --format json; suppressed cells empty, grey, with a note; same bytes twice")
    func aggregate() throws {
        try AggCommandTests.withSampleWarehouse { db throws in
            let query = ["--by", "region,year", "--measure", "overall,nps", "--stat", "n,mean,ci95,top2,nps,median,dist", "--min-n", "40"]
            let json = try AggJSON.rows(try AggCommandTests.agg(db, query + ["--format", "json"]).stdout)
            try withTemporaryDirectory { dir throws in
                let first = dir.appendingPathComponent("agg.xlsx").path, second = dir.appendingPathComponent("again.xlsx").path
                // The extension names the format.
                let run = try AggCommandTests.agg(db, query + ["-o", first])
                #expect(run.status == 0 && run.stdout.isEmpty, "\(run)")
                let again = try AggCommandTests.agg(db, query + ["--format", "xlsx", "-o", second])
                #expect(again.status == 0, "\(again)")
                #expect(try Self.bytes(first) == Self.bytes(second), "the same query gives the same bytes")

                let book = try ReadWorkbook(first)
                Self.expectWellFormed(book)
                try #require(book.sheets.count == 1)
                let sheet = book.sheets[0]
                #expect(sheet.header == json.first?.keys, "exactly the JSON's columns, in its order")
                let records = sheet.records
                try #require(records.count == json.count)
                var suppressed = 0, numbers = 0
                for (row, cells) in zip(json, records) {
                    for key in row.keys {
                        let cell = try #require(cells[key], "column \(key)")
                        switch row.fields[key] {
                        case is NSNull:
                            #expect(cell.isEmpty, "\(key): null is an empty cell, got \(String(describing: cell.value))")
                            if row.fields["suppressed"] as? Bool == true {
                                #expect(cell.fill == "FFD9D9D9" && cell.comment?.contains("fewer than 40") == true, "\(key): withheld, grey, with a note")
                                suppressed += 1
                            }
                        case let flag as Bool where key == "suppressed":
                            #expect(cell.type == "s" && cell.text == (flag ? "true" : "false"), "suppressed: \(String(describing: cell.value))")
                        case let number as NSNumber:
                            #expect(Self.same(number, cell), "\(key): \(number) vs \(String(describing: cell.value)) (\(cell.type))")
                            numbers += 1
                        case let text as String:
                            #expect(cell.type == "s" && cell.text == text, "\(key): \(text) vs \(String(describing: cell.value))")
                        case let dist as [String: Any]:
                            let shown = dist.keys.sorted { Double($0)! < Double($1)! }.map { "\($0):\(dist[$0]!)" }.joined(separator: " ")
                            #expect(cell.text == shown, "dist")
                        default:
                            Issue.record("unexpected JSON value for \(key)")
                        }
                    }
                    #expect(cells["n"]?.format == "#,##0" && cells["n"]?.type == "n", "n is an integer")
                    if let mean = cells["mean"], !mean.isEmpty { #expect(mean.format == "0.00") }
                    if let top2 = cells["top2"], !top2.isEmpty { #expect(top2.format == "0.0%") }
                }
                #expect(suppressed > 0, "the query has withheld groups")
                #expect(numbers > 50)
            }
        }
    }

    @Test("agg and export refuse to write a workbook to standard output (exit 64)")
    func refusesStandardOutput() throws {
        try AggCommandTests.withSampleWarehouse { db throws in
            for arguments in [["agg", "--db", db, "--format", "xlsx"], ["agg", "--db", db, "--format", "xlsx", "-o", "-"],
                              ["export", "--db", db, "--format", "xlsx"], ["export", "--db", db, "-o", "-", "--format", "xlsx"],
                              ["agg", "--db", db, "-o", "/dev/stdout", "--format", "xlsx"]] {
                let run = try PikirBinary.run(arguments)
                #expect(run.status == 64, "\(arguments): \(run)")
                #expect(run.stdout.isEmpty && run.stderr.contains("-o FILE.xlsx"), "\(run)")
            }
        }
    }

    @Test("export: every response and column equals --format json; text never becomes a formula; same bytes twice")
    func export() throws {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("pikir.sqlite").path
            let ingest = try PikirBinary.run(["ingest", "--db", db] + AggCommandTests.registries
                                             + ["sample-data/2019-11-14_nur-sultan_google-forms_ru.csv", "sample-data/2025-02-17_aktobe_google-forms_kk.csv",
                                                Self.trickyExport(in: dir)])
            try #require(ingest.status == 0, "\(ingest)")
            let jsonRun = try PikirBinary.run(["export", "--db", db, "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonRun.stdout.utf8)) as? [[String: Any]])
            let first = dir.appendingPathComponent("responses.xlsx").path, second = dir.appendingPathComponent("again.xlsx").path
            let run = try PikirBinary.run(["export", "--db", db, "-o", first])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run)")
            _ = try PikirBinary.run(["export", "--db", db, "--format", "xlsx", "-o", second])
            #expect(try Self.bytes(first) == Self.bytes(second), "the same warehouse gives the same bytes")

            let book = try ReadWorkbook(first)
            Self.expectWellFormed(book)
            try #require(book.sheets.map(\.name) == ["Responses"])
            let records = book.sheets[0].records
            try #require(records.count == json.count && json.count > 20)
            var dates = 0
            for (object, cells) in zip(json, records) {
                #expect(Set(cells.keys) == Set(object.keys), "the CSV export's columns")
                for (key, value) in object {
                    let cell = try #require(cells[key])
                    switch value {
                    case is NSNull:
                        #expect(cell.isEmpty, "\(key): empty, got \(String(describing: cell.value))")
                    case let number as NSNumber:
                        #expect(Self.same(number, cell), "\(key): \(number) vs \(String(describing: cell.value))")
                    case let text as String where key == "session_date":
                        #expect(cell.type == "d" && cell.text == text + "T00:00:00", "session_date \(text) is an Excel date: \(String(describing: cell.value))")
                        dates += 1
                    case let text as String:
                        #expect(cell.type == "s" && cell.text == text, "\(key): \(text) vs \(String(describing: cell.value)) (\(cell.type))")
                    case let extras as [String: Any]:
                        let read = cell.text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                        #expect(read.map { NSDictionary(dictionary: $0) } == NSDictionary(dictionary: extras), "extras")
                    default:
                        Issue.record("unexpected JSON value for \(key)")
                    }
                }
            }
            #expect(dates == json.count)
            let comments = Set(records.compactMap { $0["comment"]?.text })
            for tricky in ["=HYPERLINK(\"http://x\")", "=1+1", "@все рахмет", "-5 минут опоздали", "Өте пайдалы тренинг, рахмет!"] {
                #expect(comments.contains(tricky), "\(tricky) comes back as the same text")
            }
            #expect(comments.contains { $0.hasPrefix("+7 701") }, "the +7 text stays text")
        }
    }
}

extension WorkbookOutputTests {
    @Test("a pipeline's export stage with format = \"xlsx\" writes the same bytes as pikir export -o FILE.xlsx")
    func pipelineExport() throws {
        try withTemporaryDirectory { root throws in
            let pipeline = """
                [pipeline]
                name = "xlsx"
                warehouse = "warehouse/pikir.sqlite"
                output = "out"

                [inputs]
                exports = ["in/*.csv"]

                [[stage]]
                type = "ingest"

                [[stage]]
                type = "export"
                format = "xlsx"
                output = "export/responses.xlsx"

                """
            let input = root.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            _ = try Self.trickyExport(in: input)
            try FileManager.default.copyItem(at: PikirBinary.repo.appendingPathComponent("sample-data/2025-02-17_aktobe_google-forms_kk.csv"),
                                             to: input.appendingPathComponent("kk.csv"))
            try root.writeFile("pipeline.toml", text: pipeline)
            let run = try PikirBinary.run(["run", "pipeline.toml"], in: root)
            try #require(run.status == 0, "\(run)")
            let staged = root.appendingPathComponent("out/export/responses.xlsx").path
            let direct = root.appendingPathComponent("direct.xlsx").path
            let export = try PikirBinary.run(["export", "--db", "warehouse/pikir.sqlite", "-o", direct], in: root)
            #expect(export.status == 0, "\(export)")
            #expect(try Self.bytes(staged) == Self.bytes(direct))
            let book = try ReadWorkbook(staged)
            Self.expectWellFormed(book)
            #expect(book.sheets.first?.records.contains { $0["comment"]?.text == "=HYPERLINK(\"http://x\")" } == true)
        }
    }
}
