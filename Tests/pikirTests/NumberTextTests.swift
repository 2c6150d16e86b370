import Foundation
import Testing

/// Numbers as the reader and as a machine get them: report intervals whose
/// ends may be negative read unambiguously and never break over two lines;
/// the NPS row is not under a 1–5 header; and no machine-readable output
/// (agg csv/tsv/json/ndjson and the rounded md/table, export csv/json)
/// carries the typographic minus or other non-ASCII number characters.
@Suite("Number text: report intervals, headers, ASCII in machine outputs")
struct NumberTextTests {
    /// A session in Taraz, 2025, whose NPS is far below zero (answers 0–6 but one 9),
    /// so NPS and both ends of its interval are negative.
    static let negativeNPS: [(name: String, text: String)] = [(
        "2025-09-10_taraz_low-nps.csv",
        ReportFixture.exportHeader + (0..<14).map { i in
            ReportFixture.exportLine(session: "TRZ-2025-09-A", city: "Тараз", date: "2025-09-10", trainer: "Айжан Сейтқали",
                                     overall: 2 + i % 3, nps: i < 1 ? 9 : i % 7)
        }.joined()
    )]

    /// Characters that are right on a page but must never be in a number a program reads.
    static let typographic: [(Character, String)] = [
        ("\u{2212}", "U+2212 MINUS SIGN"), ("\u{2013}", "U+2013 EN DASH"), ("\u{2026}", "U+2026 ELLIPSIS"),
        ("\u{A0}", "U+00A0 NO-BREAK SPACE"), ("\u{202F}", "U+202F NARROW NO-BREAK SPACE"), ("\u{2009}", "U+2009 THIN SPACE"),
        ("\u{066B}", "U+066B ARABIC DECIMAL SEPARATOR"), ("\u{FF0D}", "U+FF0D FULLWIDTH HYPHEN-MINUS"),
    ]

    static func typographicCharacters(_ text: String) -> [String] {
        typographic.filter { text.contains($0.0) }.map(\.1)
            + (text.unicodeScalars.contains { $0.properties.numericType != nil && !$0.isASCII } ? ["a non-ASCII digit"] : [])
    }

    @Test("yearly report in kk and ru: every interval cell is `low … high` with no-break spaces; negative NPS ends read unambiguously")
    func yearlyIntervals() throws {
        try ReportFixture.withWarehouse(extra: Self.negativeNPS) { _, db throws in
            for lang in ["kk", "ru"] {
                let run = try ReportFixture.report(db, ["yearly", "--year", "2025", "--min-n", "5", "--format", "html", "--lang", lang])
                try #require(run.status == 0, "\(run)")
                let cells = HTMLStructure.tableTexts(run.stdout)
                let intervals = cells.filter { $0.contains("\u{2026}") }
                #expect(!intervals.isEmpty, "\(lang): interval cells")
                let number = #"−?\d{1,3}(\u{A0}\d{3})*(,\d+)?"#
                let shape = try Regex("^" + number + "\u{A0}\u{2026}\u{A0}" + number + "$")
                for cell in intervals {
                    #expect(cell.wholeMatch(of: shape) != nil, "\(lang): \(cell.debugDescription)")
                    #expect(!cell.contains(" ") && !cell.contains("\u{2013}") && !cell.contains("-"), "\(lang): breaks or reads as a minus: \(cell)")
                }
                #expect(intervals.contains { $0.hasPrefix("−") && $0.contains("\u{A0}\u{2026}\u{A0}−") },
                        "\(lang): the Taraz NPS interval has two negative ends: \(intervals)")
                #expect(!cells.contains { $0.contains("–−") }, "\(lang): no dash before a minus")
            }
        }
    }

    @Test("session report: the column under which the NPS row shows its top-two share does not name the 1–5 scale's 4–5")
    func npsRowHeader() throws {
        try ReportFixture.withWarehouse(extra: Self.negativeNPS) { _, db throws in
            for lang in ReportFixture.languages {
                let run = try ReportFixture.report(db, ["session", "--session", "TRZ-2025-09-A", "--format", "html", "--lang", lang])
                try #require(run.status == 0, "\(run)")
                let npsName = try CatalogueFile.text(lang, "question.nps")
                let lines = run.stdout.split(separator: "\n").map(String.init)
                let row = try #require(lines.firstIndex { HTMLStructure.cellsOf($0).first?.text == npsName }, "\(lang): the NPS row")
                let head = try #require(lines[..<row].last { $0.hasPrefix("<thead>") }, "\(lang): its table's header")
                let headers = head.matches(of: #/<th[^>]*>(.*?)</th>/#).map { HTMLStructure.text(String($0.output.1)) }
                #expect(headers.count >= 5, "\(lang): \(headers)")
                #expect(!headers.contains { $0.contains("4–5") || $0.contains("4-5") }, "\(lang): \(headers)")
            }
        }
    }

    @Test("agg in every format and export in every format: ASCII numbers, negative values with '-'")
    func machineOutputsAreASCII() throws {
        try ReportFixture.withWarehouse(extra: Self.negativeNPS) { _, db throws in
            for format in ["csv", "tsv", "json", "ndjson", "md", "table"] {
                let run = try PikirBinary.run(["agg", "--by", "region,year", "--measure", "overall,nps", "--stat", AggCommandTests.allStats,
                                               "--min-n", "1", "--format", format, "--db", db])
                try #require(run.status == 0, "\(format): \(run)")
                var found = Self.typographicCharacters(run.stdout)
                // The table shows a missing value as "—"; the machine formats leave it empty or null.
                if !["md", "table"].contains(format), run.stdout.contains("\u{2014}") { found.append("U+2014 EM DASH") }
                #expect(found.isEmpty, "\(format): \(found)")
                #expect(run.stdout.contains(try Regex(#"(^|[^0-9A-Za-z])-[0-9]"#)), "\(format): a negative number, written with '-'")
            }
            for format in ["csv", "json"] {
                let run = try PikirBinary.run(["export", "--format", format, "--db", db])
                try #require(run.status == 0, "\(format): \(run)")
                #expect(!run.stdout.contains("\u{2212}"), "export \(format): U+2212 MINUS SIGN")
            }
        }
    }

    @Test("a pipeline's tables (CSV, JSON) and export: no typographic minus or other non-ASCII number characters")
    func pipelineOutputsAreASCII() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            for relative in RunWorkspace.outputs where relative.hasPrefix("tables/") {
                let text = try String(contentsOfFile: workspace.path(relative), encoding: .utf8)
                #expect(Self.typographicCharacters(text).isEmpty, "\(relative): \(Self.typographicCharacters(text))")
                #expect(text.contains(try Regex(#"[0-9]\.[0-9]"#)), "\(relative): numbers with '.'")
            }
            let export = try String(contentsOfFile: workspace.path("export/responses.csv"), encoding: .utf8)
            #expect(!export.contains("\u{2212}"), "export/responses.csv: U+2212 MINUS SIGN")
        }
    }
}
