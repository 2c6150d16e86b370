import Foundation
import Testing

/// `pikir report` refuses what would surprise its reader: a scope with no
/// responses (exit 65 naming the years that have some, no file written), an
/// output file whose extension says another format than the one written;
/// and the trainer report always says which period it covers.
@Suite("pikir report: empty scopes, format from -o, the period")
struct ReportScopeErrorTests {
    /// The years `pikir agg --by year` lists (the independent path to the warehouse's years).
    static func years(_ db: String) throws -> [Int] {
        let run = try PikirBinary.run(["agg", "--by", "year", "--db", db, "--min-n", "1", "--format", "csv"])
        try #require(run.status == 0, "\(run)")
        return Set(run.stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",").first ?? "") }).sorted()
    }

    /// `2019–2026` when no year is missing between, else the list.
    static func span(_ years: [Int]) -> String {
        years.count > 1 && years.last! - years.first! + 1 == years.count
            ? "\(years.first!)–\(years.last!)" : years.map(String.init).joined(separator: ", ")
    }

    @Test("a year without responses: exit 65, one line naming the years that have data, no file written")
    func emptyYear() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let years = try Self.years(db)
            try #require(!years.isEmpty)
            let empty = (years.last ?? 2024) + 5
            for kind in ["yearly", "trainers"] {
                let path = dir.appendingPathComponent("\(kind).html").path
                let run = try ReportFixture.report(db, [kind, "--year", String(empty), "--format", "html", "-o", path])
                #expect(run.status == 65, "\(kind): \(run)")
                #expect(run.stderr == "pikir: no responses for \(empty); the warehouse has responses for \(Self.span(years))\n", "\(kind): \(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: path), "\(kind): no empty report is written")
                #expect(run.stdout == "")
            }
        }
    }

    @Test("an empty period or region names the years of the region asked for")
    func emptyPeriodAndRegion() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let period = try ReportFixture.report(db, ["trainers", "--from", "1990-01-01", "--to", "1990-12-31"])
            #expect(period.status == 65, "\(period)")
            #expect(period.stderr.hasPrefix("pikir: no responses from 1990-01-01 to 1990-12-31; the warehouse has responses for "), "\(period.stderr)")
            // Almaty's years, from agg, against the whole warehouse's.
            let agg = try PikirBinary.run(["agg", "--by", "year", "--where", "region=KZ-75", "--db", db, "--min-n", "1", "--format", "csv"])
            try #require(agg.status == 0, "\(agg)")
            let almaty = agg.stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",").first ?? "") }
            let missing = try #require(((try Self.years(db)).first! ... 2030).first { !almaty.contains($0) })
            let region = try ReportFixture.report(db, ["trainers", "--region", "Алматы", "--year", String(missing)])
            #expect(region.status == 65, "\(region)")
            #expect(region.stderr == "pikir: no responses for \(missing) in KZ-75; the warehouse has responses in KZ-75 for \(Self.span(Set(almaty).sorted()))\n",
                    "\(region.stderr)")
        }
    }

    @Test("the format follows -o's extension unless --format says; an unknown extension is a usage error naming the known ones")
    func formatFromExtension() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            for (name, html) in [("a.html", true), ("b.htm", true), ("C.HTML", true), ("d.txt", false)] {
                let path = dir.appendingPathComponent(name).path
                let run = try ReportFixture.report(db, ["trainers", "--lang", "ru", "-o", path])
                #expect(run.status == 0, "\(name): \(run)")
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(text.hasPrefix("<!DOCTYPE html") == html, "\(name): \(text.prefix(80))")
            }
            let explicit = dir.appendingPathComponent("e.txt").path
            #expect(try ReportFixture.report(db, ["trainers", "--format", "html", "-o", explicit]).status == 0)
            #expect(try String(contentsOfFile: explicit, encoding: .utf8).hasPrefix("<!DOCTYPE html"), "an explicit --format wins")
            let stdout = try ReportFixture.report(db, ["trainers", "-o", "-"])
            #expect(stdout.status == 0 && !stdout.stdout.hasPrefix("<"), "standard output is text: \(stdout.stdout.prefix(80))")
            let device = try ReportFixture.report(db, ["trainers", "-o", "/dev/stdout"])
            #expect(device.status == 0 && !device.stdout.hasPrefix("<"), "/dev/stdout is standard output: \(device)")
            for name in ["f.docx", "noextension"] {
                let path = dir.appendingPathComponent(name).path
                let run = try ReportFixture.report(db, ["trainers", "-o", path])
                #expect(run.status == 64, "\(name): \(run)")
                for known in [".html", ".htm", ".txt", ".pdf", "--format"] {
                    #expect(run.stderr.contains(known), "\(name): names \(known): \(run.stderr)")
                }
                #expect(!FileManager.default.fileExists(atPath: path), "\(name): nothing written")
            }
        }
    }

    @Test("the trainer report names its period: the flags', else the years of its data")
    func trainerPeriod() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let years = try Self.years(db)
            let all = try ReportFixture.report(db, ["trainers", "--lang", "en"])
            try #require(all.status == 0, "\(all)")
            let lines = all.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count > 1 && lines[1] == "\(years.first!)–\(years.last!)", "\(lines.prefix(2))")
            let agg = try PikirBinary.run(["agg", "--by", "year", "--where", "region=KZ-75", "--db", db, "--min-n", "1", "--format", "csv"])
            let almaty = agg.stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",").first ?? "") }.sorted()
            try #require(!almaty.isEmpty, "\(agg)")
            let region = try ReportFixture.report(db, ["trainers", "--lang", "en", "--region", "KZ-75"])
            let second = region.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
            let period = almaty.count == 1 ? "\(almaty[0])" : "\(almaty.first!)–\(almaty.last!)"
            #expect(second.hasSuffix(", " + period), "\(second)")
        }
    }

    @Test("a pipeline's report of a year without responses fails the run with the same line")
    func pipelineEmptyYear() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let text = RunWorkspace.pipelineText()
            try #require(text.contains("year = 2023"))
            try dir.writeFile("pipeline.toml", text: text.replacingOccurrences(of: "year = 2023", with: "year = 2031"))
            let run = try workspace.run("run")
            #expect(run.status == 1, "\(run)")
            #expect(run.stderr.contains("render: report yearly: no responses for 2031; the warehouse has responses for "), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: workspace.path("reports/yearly-2031-ru.html")), "no empty report")
        }
    }
}
