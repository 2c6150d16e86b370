import Foundation
import Testing

/// Every table of every report kind prints the `pikir agg` command of the
/// query behind it; run, that command gives the table's numbers, suppressed
/// cells included (kk, ru, en; the sample data and a generated year of small cells).
@Suite("report tables reproduced by their printed pikir agg commands")
struct ReportAggReproduceTests {
    /// 2031: Almaty 3 answers, Shymkent 7, Astana 40, Karaganda 82 (Kazakh and Russian spellings),
    /// a quarter without NPS, so the NPS column is suppressed apart from the overall one in places;
    /// four responses with no participant category.
    static var smallCells: String {
        var lines = ReportFixture.exportHeader
        let cities: [(String, String, Int)] = [("Алматы", "GEN-ALM", 3), ("Шымкент", "GEN-SHY", 7), ("Астана", "GEN-AST", 40), ("Караганда", "GEN-KAR", 82)]
        let groups = ["Student", "Pupil", "Working youth", "Youth worker"], modules = ["Open youth work", "Street youth work", "Digital youth work"]
        for (city, session, count) in cities {
            for i in 0..<count {
                let nps = i % 4 == 1 ? "" : String(i % 11)
                // A few Karaganda answers name no category: a group of their own, small.
                let group = count > 80 && i % 19 == 5 ? "" : count > 10 && i % 13 == 0 ? "Pupil" : groups[i % 2 == 0 ? 0 : 3]
                lines += "\(session)-\(i % 2),\(city),2031-0\(3 + i % 2)-1\(i % 3),Ким Д.,\(modules[(i + count) % 3]),\(group),\(1 + i % 5),4,4,4,4,\(nps),,,\n"
            }
        }
        return lines
    }

    struct Table {
        var rows: [[String]]
        var command: String
    }

    /// Each table of a report's HTML with the command printed under it.
    static func tables(_ html: String) -> [Table] {
        html.components(separatedBy: "<table").dropFirst().compactMap { part -> Table? in
            guard let end = part.range(of: "</table>"), let details = part.range(of: "<details class=\"reproduce\">"),
                  let code = part[details.upperBound...].range(of: "<code>"),
                  let close = part[code.upperBound...].range(of: "</code>") else { return nil }
            let body = part[..<end.lowerBound].components(separatedBy: "<tbody>").last ?? ""
            let rows = body.split(separator: "\n").filter { $0.hasPrefix("<tr>") }.map { HTMLStructure.cellsOf(String($0)).map(\.text) }
            let command = ReproduceText.unescape(String(part[code.upperBound..<close.lowerBound]))
            // The data quality's rejects table says `pikir rejects`: not an aggregate.
            return command.hasPrefix("pikir agg ") ? Table(rows: rows, command: command) : nil
        }
    }

    /// A cell's number: decimal comma, minus sign, thousands spaces, %, + taken off.
    static func number(_ cell: String) -> Double? {
        var s = cell.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
        s.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "%" || $0 == "+" }
        return Double(s)
    }

    static func interval(_ cell: String) -> (Double, Double)? {
        let parts = cell.components(separatedBy: "\u{A0}\u{2026}\u{A0}")
        guard parts.count == 2, let low = number(parts[0]), let high = number(parts[1]) else { return nil }
        return (low, high)
    }

    /// Whether a shown cell is the agg value rounded as the report rounds it ("—" for none).
    static func agrees(_ cell: String, _ value: Double?, decimals: Double, scale: Double = 1) -> Bool {
        guard let value else { return cell == "—" }
        guard let shown = number(cell) else { return false }
        return abs(shown - value * scale) <= 0.5 * pow(10, -decimals) + 1e-9
    }

    struct Checker {
        let db: String
        let shell: FakePikirShell
        var cache: [String: [AggJSON.Row]] = [:]
        var checked = 0

        /// The JSON rows of a printed command, run against the warehouse.
        mutating func rows(_ command: String) throws -> [AggJSON.Row] {
            if let rows = cache[command] { return rows }
            let arguments = try shell.arguments(of: command)
            try #require(arguments.first == "agg", "\(command)")
            let run = try PikirBinary.run(arguments + ["--db", db, "--format", "json"])
            try #require(run.status == 0, "\(command): \(run)")
            let rows = try AggJSON.rows(run.stdout)
            cache[command] = rows
            return rows
        }

        /// A question table (trainer and session): one row per measure, in order, of the group `matches` picks.
        mutating func questions(_ table: Table, _ label: String, suppressed: String, matches: (AggJSON.Row) -> Bool) throws {
            let agg = try rows(table.command).filter(matches)
            #expect(agg.count == table.rows.count, "\(label): \(agg.count) agg rows for \(table.rows.count) table rows: \(table.command)")
            for (row, a) in zip(table.rows, agg) {
                let where_ = "\(label) \(a.string("measure") ?? "")"
                #expect(number(row[1]).map(Int.init) == a.int("n"), "\(where_) n: \(row[1]) vs \(a.int("n") ?? -1)")
                #expect(agrees(row[2], a.double("mean"), decimals: 2), "\(where_) mean: \(row[2]) vs \(String(describing: a.double("mean")))")
                if let (low, high) = interval(row[3]) {
                    #expect(abs(low - a.double("ci95_low")!) <= 0.005 + 1e-9 && abs(high - a.double("ci95_high")!) <= 0.005 + 1e-9, "\(where_) ci95: \(row[3])")
                } else {
                    #expect(a.isNull("ci95_low"), "\(where_) ci95 shown as \(row[3])")
                }
                #expect(agrees(row[4], a.double("top2"), decimals: 0, scale: 100), "\(where_) top2: \(row[4])")
                #expect(agrees(row[5], a.double("nps"), decimals: 0), "\(where_) nps: \(row[5])")
                #expect((a.fields["suppressed"] as? Bool) == row.dropFirst().contains(suppressed), "\(where_) suppressed")
                checked += 1
            }
        }

        /// A yearly table: one row per group in agg's order (then the total), overall and NPS cells.
        mutating func yearly(_ table: Table, _ label: String, suppressed: String, lang: String) throws {
            var agg = try rows(table.command)
            let width = table.rows.first?.count ?? 0
            // The region table (9 columns, 10 with the registry's response rate): last year's column, the change,
            // and it ends with the total; a group or module table has 7.
            let regional = width > 7
            let body = regional ? Array(table.rows.dropLast()) : table.rows
            #expect(agg.count == body.count * 2, "\(label): \(agg.count) agg rows for \(body.count) groups: \(table.command)")
            if regional {
                // The report orders regions by name in its language, agg by code: pair them by the region's name.
                let catalogue = try CatalogueFile.load(lang)
                func name(_ row: AggJSON.Row) -> String {
                    let code = row.string("region") ?? "unknown"
                    return catalogue["region." + code] as? String ?? code
                }
                let pairs = stride(from: 0, to: agg.count - 1, by: 2).map { (agg[$0], agg[$0 + 1]) }
                agg = body.flatMap { row in pairs.first { name($0.0) == row[0] }.map { [$0.0, $0.1] } ?? [] }
                #expect(agg.count == body.count * 2, "\(label): every region row is one of agg's: \(body.map { $0[0] })")
            }
            let (responses, mean, ci, nps) = regional ? (2, width - 5, width - 4, width - 3) : (2, 3, 4, 5)
            for (i, row) in body.enumerated() where 2 * i + 1 < agg.count {
                let overall = agg[2 * i], promoter = agg[2 * i + 1]
                let where_ = "\(label) row \(i) \(row[0])"
                let hidden = overall.fields["suppressed"] as? Bool == true, npsHidden = promoter.fields["suppressed"] as? Bool == true
                #expect((row[1] == suppressed) == hidden && (row[mean] == suppressed) == hidden, "\(where_): overall suppressed \(hidden): \(row)")
                #expect((row[nps] == suppressed) == npsHidden, "\(where_): nps suppressed \(npsHidden): \(row)")
                if !hidden {
                    #expect(number(row[1]).map(Int.init) == overall.int("sessions"), "\(where_) sessions")
                    #expect(number(row[responses]).map(Int.init) == overall.int("responses"), "\(where_) responses")
                    #expect(agrees(row[mean], overall.double("mean"), decimals: 2), "\(where_) mean")
                    if let (low, high) = interval(row[ci]) {
                        #expect(abs(low - overall.double("ci95_low")!) <= 0.005 + 1e-9 && abs(high - overall.double("ci95_high")!) <= 0.005 + 1e-9, "\(where_) ci95")
                    }
                }
                if !npsHidden && !hidden { #expect(agrees(row[nps], promoter.double("nps"), decimals: 0), "\(where_) nps: \(row[nps])") }
                checked += 1
            }
        }
    }

    static func check(db: String, dir: URL, reports: [(kind: String, arguments: [String], session: String?)]) throws -> Int {
        var checker = Checker(db: db, shell: try FakePikirShell(in: dir))
        for lang in ReportFixture.languages {
            let suppressed = try CatalogueFile.text(lang, "label.suppressed")
            for report in reports {
                let run = try ReportFixture.report(db, report.arguments + ["--format", "html", "--lang", lang])
                try #require(run.status == 0, "\(report.arguments): \(run)")
                let tables = Self.tables(run.stdout)
                let label = "\(lang) \(report.arguments.joined(separator: " "))"
                try #require(!tables.isEmpty, "\(label): no table with a command")
                for (t, table) in tables.enumerated() {
                    switch report.kind {
                    case "yearly":
                        try checker.yearly(table, "\(label) table \(t)", suppressed: suppressed, lang: lang)
                    case "session":
                        try checker.questions(table, label, suppressed: suppressed) { $0.string("session") == report.session }
                    default:
                        if t == 0 {
                            // The ranking: rank, trainer, n, mean, interval, adjusted score.
                            let agg = try checker.rows(table.command).filter { $0.string("measure") == "overall" }
                            for row in table.rows {
                                let a = try #require(agg.first { $0.string("trainer") == row[1] }, "\(label): \(row[1]) in \(table.command)")
                                #expect(number(row[2]).map(Int.init) == a.int("n") && agrees(row[3], a.double("mean"), decimals: 2), "\(label) \(row)")
                            }
                        } else {
                            let id = try #require(table.command.components(separatedBy: "trainer=").last?.components(separatedBy: " ").first)
                            let name = id.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
                            try checker.questions(table, "\(label) \(name)", suppressed: suppressed) {
                                $0.string("trainer_id") == name || ($0.isNull("trainer_id") && $0.string("trainer") == name)
                            }
                        }
                    }
                }
            }
        }
        return checker.checked
    }

    @Test("sample data: trainers, yearly 2022 and 2024, session ALM-2024-11-A")
    func sampleData() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let checked = try Self.check(db: db, dir: dir, reports: [
                ("trainers", ["trainers"], nil), ("yearly", ["yearly", "--year", "2022"], nil), ("yearly", ["yearly", "--year", "2024"], nil),
                ("session", ["session", "--session", "ALM-2024-11-A"], "ALM-2024-11-A"),
            ])
            #expect(checked > 100, "\(checked) rows compared")
        }
    }

    @Test("a generated year of small cells: suppression with complements, reproduced")
    func smallCellYear() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("small-2031.csv", Self.smallCells)]) { dir, db throws in
            let checked = try Self.check(db: db, dir: dir, reports: [
                ("trainers", ["trainers", "--year", "2031"], nil), ("yearly", ["yearly", "--year", "2031"], nil),
                ("session", ["session", "--session", "GEN-SHY-1"], "GEN-SHY-1"),
            ])
            #expect(checked > 20, "\(checked) rows compared")
            let html = try ReportFixture.report(db, ["yearly", "--year", "2031", "--format", "html", "--lang", "en"]).stdout
            #expect(HTMLStructure.row(html, firstCell: "Almaty")?[3].text == "suppressed", "3 answers: primary")
            #expect(HTMLStructure.row(html, firstCell: "Shymkent")?[3].text == "suppressed", "7: the smallest complement, not Astana's 40 or Karaganda's 82")
            #expect(HTMLStructure.row(html, firstCell: "Astana")?[2].text == "40", "region, sessions, responses (no registry: no response rate)")
        }
    }
}
