import Foundation
import Testing

/// `pikir agg` end to end with the built binary, on a warehouse of the ten
/// sample exports (ingested with both registries), and `--csv` on the exports.
@Suite("pikir agg")
struct AggCommandTests {
    static let registries = ["--trainers", "sample-data/registries/trainers.csv", "--sessions", "sample-data/registries/sessions.csv"]
    static let allMeasures = "overall,delivery,content,organisation,applicability,nps"
    static let allStats = "n,mean,sd,se,ci95,median,p25,p75,min,max,top2,bottom2,nps,dist"

    /// A fresh warehouse of `sample-data/` for one test: 595 accepted responses.
    static func withSampleWarehouse<T>(_ body: (String) throws -> T) throws -> T {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("pikir.sqlite").path
            let ingest = try PikirBinary.run(["ingest", "--db", db] + registries + ["sample-data/"])
            try #require(ingest.status == 0, "\(ingest)")
            return try body(db)
        }
    }

    /// `pikir agg --db db arguments...`.
    static func agg(_ db: String, _ arguments: [String]) throws -> PikirRun {
        try PikirBinary.run(["agg", "--db", db] + arguments)
    }

    @Test("no --by: one overall row; sum of n over any grouping is the same 399 answers")
    func overall() throws {
        try Self.withSampleWarehouse { db throws in
            let run = try Self.agg(db, ["--format", "json"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stderr == "", "nothing on stderr with --db")
            let rows = try AggJSON.rows(run.stdout)
            #expect(rows.count == 1)
            #expect(rows.first?.keys == ["measure", "n", "mean", "ci95_low", "ci95_high", "median", "suppressed"], "default statistics")
            #expect(rows.first?.int("n") == 595)
            #expect(rows.first?.string("measure") == "overall")
            let all = try AggJSON.rows(try Self.agg(db, ["--by", "all", "--format", "json"]).stdout)
            #expect(all.map(\.fields.count) == rows.map(\.fields.count), "--by all is the same one row")
        }
    }
}

// MARK: - Output formats

extension AggCommandTests {
    @Suite("pikir agg output formats")
    struct Formats {
        static let query = ["--by", "trainer,year", "--measure", "overall,nps", "--stat", "n,mean,ci95,top2,nps,dist"]

        @Test("json, ndjson, csv, tsv, md and table describe the same rows")
        func everyFormat() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                func output(_ format: String) throws -> String {
                    let run = try AggCommandTests.agg(db, Self.query + ["--format", format])
                    #expect(run.status == 0, "--format \(format): \(run)")
                    return run.stdout
                }
                let json = try AggJSON.rows(try output("json"))
                #expect(json.count > 10, "\(json.count) rows")
                #expect(json.count % 2 == 0, "two measures per group")

                // NDJSON: one object per line, the same objects as the JSON array.
                let ndjson = try output("ndjson")
                #expect(ndjson.hasSuffix("\n"))
                let lines = ndjson.split(separator: "\n").map(String.init)
                #expect(lines.count == json.count)
                let objects = try lines.map { try AggJSON.object(Data($0.utf8)) }
                #expect(objects.map(\.keys) == json.map(\.keys))
                #expect(objects.map { $0.string("trainer") } == json.map { $0.string("trainer") })
                #expect(objects.map { $0.double("mean") } == json.map { $0.double("mean") }, "parsed the same way, the same numbers")

                // CSV and TSV: a header of the JSON keys, then one record per row.
                for (format, separator) in [("csv", ","), ("tsv", "\t")] {
                    let records = try output(format).split(separator: "\n").map { $0.components(separatedBy: separator) }
                    #expect(records.first == ["trainer_id", "trainer", "year", "measure", "n", "mean", "ci95_low", "ci95_high", "top2", "nps", "dist", "suppressed"], "\(format) header")
                    #expect(records.count == json.count + 1, "\(format): header + one line per row")
                    #expect(records.allSatisfy { $0.count == 12 }, "\(format): 12 cells on every line (no cell holds the separator)")
                    #expect(records.dropFirst().map { $0[1] } == json.map { $0.string("trainer") ?? "" }, "\(format) trainer column")
                    // Full precision: JSONSerialization may read the last digit differently (an ulp), so 1e-15.
                    let means = records.dropFirst().map { Double($0[5]) }
                    let jsonMeans = json.map { $0.double("mean") }
                    #expect(zip(means, jsonMeans).allSatisfy(AggJSON.sameNumber), "\(format) mean column: \(means)")
                    #expect(means.compactMap { $0 }.contains { String($0).count > 15 }, "\(format): more digits than a table shows")
                }

                // Markdown: pipes on every line, an alignment row, one line per row.
                let md = try output("md").split(separator: "\n").map(String.init)
                #expect(md.count == json.count + 2)
                #expect(md.allSatisfy { $0.hasPrefix("| ") && $0.hasSuffix(" |") }, "\(md.prefix(3))")
                #expect(md.first == "| trainer | year | measure | n | mean | ci95 | top2 | nps | dist |")
                #expect(md[1] == "| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | --- |")

                // Table: header, underline, one line per row, columns lined up.
                let table = try output("table")
                let tableLines = table.split(separator: "\n").map(String.init)
                #expect(tableLines.count == json.count + 2)
                #expect(tableLines[1].allSatisfy { $0 == "─" || $0 == " " }, "underline: \(tableLines[1])")
                #expect(AggTable.columnsLineUp(table), "\(table)")
                #expect(table.contains("Айгерім Жұмабекова (T02)"), "trainer shown as name (id)")
            }
        }

        @Test("no --format and stdout not a terminal: CSV")
        func defaultIsCSV() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let plain = try AggCommandTests.agg(db, ["--by", "city"])
                let csv = try AggCommandTests.agg(db, ["--by", "city", "--format", "csv"])
                #expect(plain.status == 0)
                #expect(plain.stdout == csv.stdout)
                #expect(plain.stdout.hasPrefix("city,measure,n,mean,ci95_low,ci95_high,median,suppressed\n"))
            }
        }

        @Test("no --format on a terminal: the aligned table", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
        func defaultOnTerminalIsTable() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let command = "\(PikirBinary.url.path) agg --db \(db) --by city"
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
                process.arguments = ["-qec", command, "/dev/null"]
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardInput = FileHandle.nullDevice
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                #expect(process.terminationStatus == 0, "\(text)")
                #expect(text.hasPrefix("city       measure    n  mean  ci95        median\n"), "\(text)")
                #expect(text.contains("─────────  ───────"), "\(text)")
                #expect(AggTable.columnsLineUp(text), "\(text)")
            }
        }

        @Test("json: trainer_id and trainer, year as a number, dist an object of counts, suppressed a boolean")
        func jsonTypes() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let run = try AggCommandTests.agg(db, Self.query + ["--format", "json", "--min-n", "1"])
                let rows = try AggJSON.rows(run.stdout)
                let t02 = try #require(rows.first { $0.string("trainer_id") == "T02" && $0.int("year") == 2023 && $0.string("measure") == "nps" })
                #expect(t02.string("trainer") == "Айгерім Жұмабекова")
                #expect(t02.fields["year"] is NSNumber, "year is a JSON number")
                #expect(t02.fields["suppressed"] as? Bool == false)
                let dist = try #require(t02.fields["dist"] as? [String: Any])
                #expect(dist.values.compactMap { ($0 as? NSNumber)?.intValue }.reduce(0, +) == t02.int("n"), "dist counts add up to n")
                #expect(dist.keys.allSatisfy { Double($0).map { (0...10).contains($0) } ?? false }, "dist keys are answer values: \(dist.keys)")
                let unresolved = try #require(rows.first { $0.string("trainer") == "Айгерим" })
                #expect(unresolved.isNull("trainer_id"), "a trainer not in the registry has a null id")
            }
        }
    }
}

// MARK: - Dimensions and statistics

extension AggCommandTests {
    @Suite("pikir agg dimensions and statistics")
    struct DimensionsAndStats {
        /// Distinct values of each dimension in the sample warehouse.
        static let groups: [(String, Int)] = [
            ("region", 6), ("city", 6), ("year", 8), ("month", 14), ("session", 30), ("trainer", 6),
            ("module", 4), ("group", 5), ("lang", 3),
        ]

        @Test("each dimension: its key(s) first, one row per value, n adding up to every answer")
        func eachDimension() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                for (dimension, count) in Self.groups {
                    let run = try AggCommandTests.agg(db, ["--by", dimension, "--format", "json", "--min-n", "0"])
                    #expect(run.status == 0, "--by \(dimension): \(run)")
                    let rows = try AggJSON.rows(run.stdout)
                    let keys = dimension == "trainer" ? ["trainer_id", "trainer"] : [dimension]
                    #expect(rows.allSatisfy { Array($0.keys.prefix(keys.count + 1)) == keys + ["measure"] }, "--by \(dimension): \(rows.first?.keys ?? [])")
                    #expect(rows.count == count, "--by \(dimension): \(rows.count) groups")
                    #expect(rows.reduce(0) { $0 + ($1.int("n") ?? 0) } == 595, "--by \(dimension): every answer in one group")
                    #expect(Set(rows.map { $0.text(dimension) }).count == rows.count, "--by \(dimension): distinct values")
                }
            }
        }

        @Test("dimension values as the warehouse stores them, in order")
        func values() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                func column(_ dimension: String) throws -> [String] {
                    try AggJSON.rows(try AggCommandTests.agg(db, ["--by", dimension, "--format", "json"]).stdout).map { $0.text(dimension) }
                }
                #expect(try column("region") == ["KZ-15", "KZ-31", "KZ-35", "KZ-71", "KZ-75", "KZ-79"])
                #expect(try column("city") == ["Aktobe", "Almaty", "Astana", "Karaganda", "Shymkent", "Taraz"])
                #expect(try column("year") == ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"])
                #expect(try column("month").first == "2019-11")
                #expect(try column("month").allSatisfy { $0.wholeMatch(of: /20\d\d-\d\d/) != nil }, "yyyy-mm")
                #expect(try column("module") == ["digital", "open", "specialised", "street"])
                #expect(try column("group") == ["other", "pupil", "student", "working_youth", "youth_worker"])
                #expect(try column("lang") == ["en", "kk", "ru"])
                #expect(try column("trainer") == ["Айгерим", "Айгерім Жұмабекова", "Дмитрий Ким", "Ерлан Сарсенов", "Жанар Омарова", "Нұрлыбай Наурызбаев"])
            }
        }

        @Test("every statistic under its own key; ci95 as ci95_low/ci95_high; nps only for the 0–10 question")
        func everyStat() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let run = try AggCommandTests.agg(db, ["--by", "module", "--measure", AggCommandTests.allMeasures, "--stat", AggCommandTests.allStats, "--format", "ndjson"])
                #expect(run.status == 0, "\(run)")
                let rows = try run.stdout.split(separator: "\n").map { try AggJSON.object(Data($0.utf8)) }
                #expect(rows.count == 4 * 6)
                for row in rows {
                    #expect(row.keys == ["module", "measure", "n", "mean", "sd", "se", "ci95_low", "ci95_high", "median", "p25", "p75",
                                         "min", "max", "top2", "bottom2", "nps", "dist", "suppressed"])
                    let nps = row.string("measure") == "nps"
                    let scale: ClosedRange<Double> = nps ? 0...10 : 1...5
                    for key in ["mean", "median", "p25", "p75", "min", "max", "ci95_low"] {
                        let x = row.double(key)
                        #expect(x != nil, "\(key) of \(row)")
                        if key != "ci95_low" { #expect(x.map { scale.contains($0) } == true, "\(key) on the scale: \(row.fields)") }
                    }
                    #expect((row.double("min")!...row.double("max")!).contains(row.double("median")!))
                    #expect(row.double("p25")! <= row.double("median")! && row.double("median")! <= row.double("p75")!)
                    #expect(row.double("ci95_low")! < row.double("mean")! && row.double("mean")! < row.double("ci95_high")!)
                    #expect(abs(row.double("se")! - row.double("sd")! / Double(row.int("n")!).squareRoot()) < 1e-12, "se = sd/√n")
                    for key in ["top2", "bottom2"] { #expect(row.double(key).map { (0...1).contains($0) } == true, "\(key) is a share") }
                    if nps {
                        #expect(row.double("nps").map { (-100...100).contains($0) } == true, "nps: \(row)")
                    } else {
                        #expect(row.isNull("nps"), "no NPS for \(row.string("measure") ?? "")")
                    }
                    let dist = row.fields["dist"] as? [String: Any] ?? [:]
                    #expect(dist.values.compactMap { ($0 as? NSNumber)?.intValue }.reduce(0, +) == row.int("n"))
                    #expect(row.fields["suppressed"] as? Bool == false)
                }
            }
        }
    }
}

// MARK: - --where, --min-n, --sort

extension AggCommandTests {
    @Suite("pikir agg --where, --min-n and --sort")
    struct Selection {
        @Test("--where city in Russian, Latin or with г. selects Almaty")
        func whereCity() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                for value in ["Алматы", "Almaty", "г. Алматы", "Алма-Ата"] {
                    let rows = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "city", "--where", "city=\(value)", "--format", "json"]).stdout)
                    #expect(rows.map { $0.text("city") } == ["Almaty"], "--where city=\(value)")
                    #expect(rows.map { $0.int("n") } == [122], "--where city=\(value)")
                }
                let two = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "city", "--where", "city=Алматы,Қарағанды", "--format", "json"]).stdout)
                #expect(two.map { $0.text("city") } == ["Almaty", "Karaganda"], "OR within one --where")
            }
        }

        @Test("--where region=Алматы is the city (KZ-75); two --where flags must both hold")
        func whereRegionAndModule() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let region = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "region", "--where", "region=Алматы", "--format", "json"]).stdout)
                #expect(region.map { $0.text("region") } == ["KZ-75"])
                let both = try AggCommandTests.agg(db, ["--by", "city,module", "--where", "city=Алматы,Астана", "--where", "module=цифровая", "--format", "json"])
                let rows = try AggJSON.rows(both.stdout)
                #expect(!rows.isEmpty, "\(both)")
                #expect(rows.allSatisfy { $0.text("module") == "digital" && ["Almaty", "Astana"].contains($0.text("city")) }, "\(rows.map(\.fields))")
            }
        }

        @Test("--where on a dimension that is not grouped by")
        func whereUngrouped() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                // Fixed in 7c4d595: this crashed (Index out of range in DimensionReader.allows).
                let run = try AggCommandTests.agg(db, ["--by", "module", "--where", "city=Алматы", "--format", "json"])
                #expect(run.status == 0, "\(run.stderr.prefix(300))")
                let rows = try AggJSON.rows(run.stdout)
                #expect(rows.count == 4, "four modules in Almaty")
                #expect(rows.reduce(0) { $0 + ($1.int("n") ?? 0) } == 122, "Almaty's 122 answers across modules")
                let overall = try AggJSON.rows(try AggCommandTests.agg(db, ["--where", "region=Алматы", "--where", "year=2024", "--format", "json"]).stdout)
                #expect(overall.map { $0.int("n") } == [40], "Almaty in 2024: one session file of 40 answers")
            }
        }

        @Test("--from/--to keep the sessions between two days, inclusive")
        func dateRange() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let years = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "year", "--from", "2023-01-01", "--to", "31.12.2024", "--format", "json"]).stdout)
                #expect(years.map { $0.int("year") } == [2023, 2024])
                #expect(years.map { $0.int("n") } == [81, 197])
                let day = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "session", "--from", "5 ноября 2024", "--to", "2024-11-05", "--format", "json"]).stdout)
                #expect(day.map { $0.text("session") } == ["ALM-2024-11-A", "shymkent-2024-11-05-t05"], "one day: Almaty's and Shymkent's sessions")
                let bad = try AggCommandTests.agg(db, ["--to", "2024-13-01"])
                #expect(bad.status == 64, "\(bad)")
                #expect(bad.stderr.contains("--to '2024-13-01'"))
            }
        }

        @Test("--min-n: groups under it keep n, have null statistics and suppressed true")
        func minN() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let run = try AggCommandTests.agg(db, ["--by", "session", "--min-n", "20", "--stat", AggCommandTests.allStats, "--format", "json"])
                #expect(run.status == 0, "\(run)")
                let rows = try AggJSON.rows(run.stdout)
                let suppressed = rows.filter { $0.fields["suppressed"] as? Bool == true }
                let shown = rows.filter { $0.fields["suppressed"] as? Bool == false }
                #expect(!suppressed.isEmpty && !shown.isEmpty)
                #expect(suppressed.count + shown.count == rows.count)
                for row in suppressed {
                    #expect(row.int("n").map { $0 < 20 } == true, "n is kept: \(row.fields)")
                    for key in ["mean", "sd", "se", "ci95_low", "ci95_high", "median", "p25", "p75", "min", "max", "top2", "bottom2", "nps", "dist"] {
                        #expect(row.isNull(key), "\(key) of a suppressed group is null")
                    }
                }
                #expect(shown.allSatisfy { ($0.int("n") ?? 0) >= 20 && $0.double("mean") != nil })

                let csv = try AggCommandTests.agg(db, ["--by", "session", "--min-n", "20", "--format", "csv"]).stdout
                let small = try #require(csv.split(separator: "\n").first { $0.hasSuffix(",true") })
                #expect(small.wholeMatch(of: /[^,]+,overall,\d+,,,,,true/) != nil, "empty cells in CSV: \(small)")
                let table = try AggCommandTests.agg(db, ["--by", "session", "--min-n", "20", "--format", "table"]).stdout
                #expect(table.contains("suppressed"), "the table says so")
            }
        }

        @Test("--min-n default is 5: a group of 5 is shown; --min-n 0 shows everything")
        func minNDefault() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let rows = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "trainer", "--format", "json"]).stdout)
                let five = try #require(rows.first { $0.string("trainer") == "Айгерим" })
                #expect(five.int("n") == 5)
                #expect(five.fields["suppressed"] as? Bool == false)
                let bySessionTrainer = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "session,trainer", "--measure", "nps", "--format", "json", "--min-n", "0"]).stdout)
                #expect(!bySessionTrainer.isEmpty)
                #expect(bySessionTrainer.allSatisfy { $0.fields["suppressed"] as? Bool == false })
            }
        }

        @Test("--sort=-mean: means descending, suppressed groups last; --sort n ascending")
        func sort() throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let rows = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "session", "--sort=-mean", "--min-n", "20", "--format", "json"]).stdout)
                let means = rows.map { $0.double("mean") }
                let known = means.prefix { $0 != nil }.map { $0! }
                #expect(known.count < means.count, "some groups are suppressed")
                #expect(means.dropFirst(known.count).allSatisfy { $0 == nil }, "suppressed last: \(means)")
                #expect(known == known.sorted(by: >), "descending: \(known)")

                let byN = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "year", "--sort", "n", "--format", "json"]).stdout).map { $0.int("n") ?? -1 }
                #expect(byN == byN.sorted(), "\(byN)")
                let byYear = try AggJSON.rows(try AggCommandTests.agg(db, ["--by", "year", "--sort=-year", "--format", "json"]).stdout).map { $0.int("year") ?? -1 }
                #expect(byYear == [2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019])
            }
        }
    }
}

// MARK: - --csv straight from the exports

extension AggCommandTests {
    @Suite("pikir agg --csv")
    struct FromExports {
        @Test("--csv sample-data/ gives byte for byte the JSON of the warehouse", arguments: [
            "all", "region,year", "trainer", "month", "session", "module,group", "lang,city",
        ])
        func sameAsWarehouse(by: String) throws {
            try AggCommandTests.withSampleWarehouse { db throws in
                let query = ["--by", by, "--measure", AggCommandTests.allMeasures, "--stat", AggCommandTests.allStats, "--format", "json", "--min-n", "3"]
                let stored = try AggCommandTests.agg(db, query)
                let direct = try PikirBinary.run(["agg", "--csv", "sample-data/"] + AggCommandTests.registries + query)
                #expect(stored.status == 0, "\(stored)")
                #expect(direct.status == 0, "\(direct)")
                #expect(!stored.stdout.isEmpty)
                #expect(direct.stdout == stored.stdout, "--by \(by)")
            }
        }

        @Test("--csv writes one line of accounting to stderr and stores nothing")
        func accounting() throws {
            try withTemporaryDirectory { dir throws in
                func path(_ relative: String) -> String { PikirBinary.repo.appendingPathComponent(relative).path }
                let run = try PikirBinary.run(["agg", "--csv", path("sample-data"),
                                               "--trainers", path("sample-data/registries/trainers.csv"),
                                               "--sessions", path("sample-data/registries/sessions.csv"), "--format", "json"], in: dir)
                #expect(run.status == 0, "\(run)")
                #expect(run.stderr == "pikir agg: 15 files, 613 records: 595 accepted, 4 rejected, 1 duplicate, 13 ignored\n")
                #expect(try AggJSON.rows(run.stdout).first?.int("n") == 595)
                let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                #expect(files.isEmpty, "nothing written in the working directory: \(files)")
            }
        }

        @Test("the same export twice is read once; one reading lane or several give the same bytes")
        func duplicatesAndJobs() throws {
            let file = "sample-data/2024-11-05_almaty_excel-utf8_kk-ru_bad-row.csv"
            let once = try PikirBinary.run(["agg", "--csv", file, "--by", "session", "--format", "json"])
            let twice = try PikirBinary.run(["agg", "--csv", file, file, "--by", "session", "--format", "json"])
            #expect(once.status == 0, "\(once)")
            #expect(twice.status == 0, "\(twice)")
            #expect(twice.stdout == once.stdout, "the second copy adds nothing")
            #expect(try AggJSON.rows(once.stdout).reduce(0) { $0 + ($1.int("n") ?? 0) } == 40)
            let query = ["--by", "trainer,month", "--stat", AggCommandTests.allStats, "--format", "json"]
            let one = try PikirBinary.run(["agg", "--csv", "sample-data/", "--jobs", "1"] + AggCommandTests.registries + query)
            let two = try PikirBinary.run(["agg", "--csv", "sample-data/", "--jobs", "2"] + AggCommandTests.registries + query)
            #expect(one.status == 0 && two.status == 0)
            #expect(one.stdout == two.stdout, "--jobs 1 and --jobs 2")
        }

        /// Only files of the same size are hashed: a copy under another name
        /// must still be found, and a file of the same size with one answer
        /// changed must still be read.
        @Test("a copy under another name is read once; a same-size file with one answer changed is read")
        func sameSizeFiles() throws {
            try withTemporaryDirectory { dir throws in
                let original = "sample-data/2024-11-05_almaty_excel-utf8_kk-ru_bad-row.csv"
                // Bytes, not a String: the byte order mark stays.
                let bytes = try Array(Data(contentsOf: PikirBinary.repo.appendingPathComponent(original)))
                let copy = try dir.writeFile("copy.csv", bytes: bytes)
                let text = String(decoding: bytes, as: UTF8.self)
                let changed = Array(text.replacingOccurrences(of: ";Отлично;10;Обмен", with: ";Отлично;09;Обмен").utf8)
                try #require(changed != bytes && changed.count == bytes.count)
                let variant = try dir.writeFile("variant.csv", bytes: changed)
                let query = ["--by", "region", "--measure", "nps", "--stat", "n,mean", "--format", "json"]
                let run = try PikirBinary.run(["agg", "--csv", original, copy, variant] + query)
                #expect(run.status == 0, "\(run)")
                #expect(run.stderr == "pikir agg: 3 files, 82 records: 80 accepted, 2 rejected, 0 duplicates, 0 ignored\n")
                let both = try AggJSON.rows(run.stdout), one = try AggJSON.rows(PikirBinary.run(["agg", "--csv", original] + query).stdout)
                #expect(both.map { $0.int("n") } == one.map { $0.int("n").map { $0 * 2 } }, "the copy adds nothing, the variant its rows")
                #expect(both.map { $0.double("mean") } != one.map { $0.double("mean") }, "the variant's 09 is read")
            }
        }

        @Test("one unreadable and one good export: the good one is aggregated, the bad one named, exit 0")
        func oneBadOneGood() throws {
            try withTemporaryDirectory { dir throws in
                let bad = try dir.writeFile("broken.csv", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00] + Array(repeating: 0, count: 64))
                let good = "sample-data/2022-11-05_astana_google-forms_en.csv"
                let run = try PikirBinary.run(["agg", "--csv", bad, good, "--format", "json"])
                #expect(run.status == 0, "\(run)")
                #expect(run.stderr.contains("broken.csv"), "the bad file is named: \(run.stderr)")
                #expect(run.stderr.contains("2 files, 36 records: 36 accepted"), "\(run.stderr)")
                #expect(run.stderr.contains("1 file could not be read"), "\(run.stderr)")
                #expect(try AggJSON.rows(run.stdout).map { $0.int("n") } == [36])

                let missing = try PikirBinary.run(["agg", "--csv", dir.appendingPathComponent("nope.csv").path, good, "--format", "json"])
                #expect(missing.status == 0, "a missing file next to a good one: \(missing)")
                #expect(missing.stderr.contains("nope.csv"))
            }
        }

        @Test("responses with a missing value group under null (json), empty (csv), — (table), listed last")
        func missingValues() throws {
            try withTemporaryDirectory { dir throws in
                let file = try dir.writeFile("mixed.csv", text: """
                    Город;Общая оценка
                    Алматы;5
                    ;4
                    Караганда;3
                    Алматы;4

                    """)
                let json = try PikirBinary.run(["agg", "--csv", file, "--by", "city", "--format", "json", "--min-n", "1"])
                #expect(json.status == 0, "\(json)")
                let rows = try AggJSON.rows(json.stdout)
                #expect(rows.map { $0.fields["city"] is NSNull } == [false, false, true], "\(json.stdout)")
                #expect(rows.map { $0.int("n") } == [2, 1, 1])
                let csv = try PikirBinary.run(["agg", "--csv", file, "--by", "city", "--format", "csv", "--min-n", "1"])
                #expect(csv.stdout.split(separator: "\n").last?.hasPrefix(",overall,1,") == true, "\(csv.stdout)")
                let table = try PikirBinary.run(["agg", "--csv", file, "--by", "city", "--format", "table", "--min-n", "1"])
                #expect(table.stdout.split(separator: "\n").last?.hasPrefix("—") == true, "\(table.stdout)")
            }
        }
    }
}

// MARK: - Exit status

extension AggCommandTests {
    @Suite("pikir agg exit status")
    struct ExitStatus {
        @Test("64: an unknown dimension, measure or statistic, named with the valid ones; nothing on stdout", arguments: [
            (["--by", "oblast"], "'oblast'", "region, city, year, month, session, trainer, module, group, lang"),
            (["--by", "year,регион"], "'регион'", "region, city, year, month, session, trainer, module, group, lang"),
            (["--measure", "q1"], "'q1'", "overall, delivery, content, organisation, applicability, nps"),
            (["--stat", "mean,avg"], "'avg'", "n, mean, sd, se, ci95, median, p25, p75, min, max, top2, bottom2, nps, dist"),
            (["--where", "town=Алматы"], "'town'", "region, city, year, month, session, trainer, module, group, lang"),
            (["--sort", "dist"], "'dist'", "measure, n, mean"),
        ])
        func badFlag(arguments: [String], named: String, valid: String) throws {
            try withTemporaryDirectory { dir throws in
                let db = dir.appendingPathComponent("pikir.sqlite").path
                let run = try PikirBinary.run(["agg", "--db", db] + arguments)
                #expect(run.status == 64, "\(arguments): \(run)")
                #expect(run.stdout == "")
                #expect(run.stderr.contains(named), "names the bad value: \(run.stderr)")
                #expect(run.stderr.contains(valid), "lists the valid values: \(run.stderr)")
            }
        }

        @Test("64: --db and --csv together, or a bad --format")
        func otherUsage() throws {
            let both = try PikirBinary.run("agg", "--db", "x.sqlite", "--csv", "sample-data/")
            #expect(both.status == 64)
            #expect(both.stderr.contains("--db") && both.stderr.contains("--csv"), "\(both.stderr)")
            let format = try PikirBinary.run("agg", "--csv", "sample-data/", "--format", "xlsx")
            #expect(format.status == 64)
            #expect(format.stderr.contains("xlsx"))
        }

        @Test("66: no warehouse at --db")
        func missingWarehouse() throws {
            try withTemporaryDirectory { dir throws in
                let db = dir.appendingPathComponent("nowhere.sqlite").path
                let run = try PikirBinary.run("agg", "--db", db)
                #expect(run.status == 66, "\(run)")
                #expect(run.stdout == "")
                #expect(run.stderr.contains("nowhere.sqlite"), "\(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: db), "no warehouse is created")
            }
        }

        @Test("66: every --csv file missing")
        func missingExport() throws {
            try withTemporaryDirectory { dir throws in
                let run = try PikirBinary.run("agg", "--csv", dir.appendingPathComponent("gone.csv").path, "--format", "json")
                #expect(run.status == 66, "\(run)")
                #expect(run.stdout == "")
                #expect(run.stderr.contains("gone.csv"), "\(run.stderr)")
            }
        }

        @Test("65: no --csv file has usable data (binary, empty, no known columns, no header)", arguments: [
            ("binary.csv", [UInt8]([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]) + Array(repeating: 0, count: 200)),
            ("empty.csv", []),
            ("columns.csv", Array("foo,bar,baz\n1,2,3\n4,5,6\n".utf8)),
            ("prose.txt", Array("Просто текст\nбез столбцов\n".utf8)),
        ])
        func unusable(name: String, bytes: [UInt8]) throws {
            try withTemporaryDirectory { dir throws in
                let file = try dir.writeFile(name, bytes: bytes)
                let run = try PikirBinary.run("agg", "--csv", file, "--format", "json")
                #expect(run.status == 65, "\(name): \(run)")
                #expect(run.stdout == "", "\(name)")
                #expect(run.stderr.contains(name), "names the file: \(run.stderr)")
            }
        }
    }
}

// MARK: - Golden values

extension AggCommandTests {
    /// `pikir agg` against Reference/agg_golden.json, written by
    /// Reference/agg_golden.py (NumPy/SciPy) from Reference/sample-export.csv.
    @Suite("pikir agg against the NumPy/SciPy golden values")
    struct Golden {
        static let reference = PikirBinary.repo.appendingPathComponent("Tests/pikirTests/Reference")

        struct Query {
            var by: [String]
            var arguments: [String]
            var rows: [AggJSON.Row]
        }

        static func load() throws -> (responses: Int, queries: [Query]) {
            let data = try Data(contentsOf: reference.appendingPathComponent("agg_golden.json"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let queries = try #require(root["queries"] as? [[String: Any]])
            return (root["responses"] as? Int ?? -1, try queries.map { q in
                Query(by: q["by"] as? [String] ?? [], arguments: q["arguments"] as? [String] ?? [],
                      rows: try (q["rows"] as? [[String: Any]] ?? []).map { try AggJSON.Row(fields: $0, keys: nil) })
            })
        }

        @Test("every value of --by region,year and --by trainer over all six measures, to 1e-9")
        func golden() throws {
            let golden = try Self.load()
            #expect(golden.queries.map(\.by) == [["region", "year"], ["trainer"]])
            try withTemporaryDirectory { dir throws in
                // The export ingests back as the same responses, with the
                // trainer ids of its trainer_id column.
                let db = dir.appendingPathComponent("golden.sqlite").path
                let ingest = try PikirBinary.run(["ingest", "--db", db] + AggCommandTests.registries
                                                 + ["Tests/pikirTests/Reference/sample-export.csv"])
                try #require(ingest.status == 0, "\(ingest)")
                #expect(ingest.stdout.contains("\(golden.responses) accepted"), "\(ingest.stdout)")
                for query in golden.queries {
                    let run = try AggCommandTests.agg(db, query.arguments)
                    #expect(run.status == 0, "\(query.arguments): \(run)")
                    let rows = try AggJSON.rows(run.stdout)
                    #expect(rows.count == query.rows.count, "--by \(query.by): rows")
                    for (got, want) in zip(rows, query.rows) {
                        let label = "\(query.by) \(want.fields.filter { query.by.contains($0.key) || $0.key == "measure" })"
                        #expect(Set(got.keys) == Set(want.fields.keys), "\(label): keys")
                        for (key, expected) in want.fields {
                            #expect(AggJSON.matches(got.fields[key], expected, flag: key == "suppressed"), "\(label) \(key): got \(String(describing: got.fields[key])), want \(expected)")
                        }
                    }
                }
            }
        }
    }
}

// MARK: - Helpers

/// `pikir agg` JSON, parsed with JSONSerialization; key order read from the text.
enum AggJSON {
    struct Row {
        var fields: [String: Any]
        /// Keys in the order written (nil when unknown).
        var keys: [String]

        init(fields: [String: Any], keys: [String]?) throws {
            self.fields = fields
            self.keys = keys ?? fields.keys.sorted()
        }

        func string(_ key: String) -> String? { fields[key] as? String }
        func double(_ key: String) -> Double? { (fields[key] as? NSNumber)?.doubleValue }
        func int(_ key: String) -> Int? { (fields[key] as? NSNumber)?.intValue }
        func isNull(_ key: String) -> Bool { fields[key] is NSNull }

        /// A dimension's value as text ("—" when null); the trainer by name.
        func text(_ dimension: String) -> String {
            switch fields[dimension] {
            case let s as String: s
            case let n as NSNumber: n.stringValue
            default: "—"
            }
        }
    }

    struct NotJSON: Error, CustomStringConvertible { var description: String }

    /// The rows of `--format json` (an array, one object per line).
    static func rows(_ text: String) throws -> [Row] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw NotJSON(description: "not an array of objects: \(text.prefix(200))")
        }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("{") }
        guard lines.count == array.count else { throw NotJSON(description: "not one object per line: \(text.prefix(200))") }
        return try zip(array, lines).map { try Row(fields: $0, keys: topLevelKeys($1)) }
    }

    /// One object (an NDJSON line).
    static func object(_ data: Data) throws -> Row {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NotJSON(description: "not an object: \(String(decoding: data, as: UTF8.self))")
        }
        return try Row(fields: object, keys: topLevelKeys(String(decoding: data, as: UTF8.self)))
    }

    /// The keys of a one-line JSON object, in order (nested objects skipped).
    static func topLevelKeys(_ line: String) -> [String] {
        var keys: [String] = []
        var depth = 0, inString = false, escaped = false
        var current = "", last: String?
        for c in line {
            if inString {
                if escaped { escaped = false; current.append(c) } else if c == "\\" { escaped = true } else if c == "\"" { inString = false; last = current } else { current.append(c) }
                continue
            }
            switch c {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; last = nil
            case "}", "]": depth -= 1; last = nil
            case ":": if depth == 1, let key = last { keys.append(key) }; last = nil
            case " ": break
            default: last = nil
            }
        }
        return keys
    }

    /// Whether two optional numbers agree to 1e-15 (JSONSerialization can miss the last bit).
    static func sameNumber(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-15 * abs(b)
    }

    /// Whether a parsed value matches the golden one: numbers to 1e-9 (relative
    /// above 1), null to null, strings and booleans (`flag`) exactly, objects key by key.
    static func matches(_ got: Any?, _ want: Any, flag: Bool = false) -> Bool {
        if flag { return (got as? Bool) != nil && (got as? Bool) == (want as? Bool) }
        switch want {
        case is NSNull: return got is NSNull
        case let w as String: return (got as? String) == w
        case let w as [String: Any]:
            guard let g = got as? [String: Any], Set(g.keys) == Set(w.keys) else { return false }
            return w.allSatisfy { matches(g[$0.key], $0.value) }
        case let w as NSNumber:
            guard let g = got as? NSNumber else { return false }
            return abs(g.doubleValue - w.doubleValue) <= 1e-9 * max(1, abs(w.doubleValue))
        default: return false
        }
    }
}

/// Alignment of `--format table` output, judged by display columns.
enum AggTable {
    /// Display columns of a scalar: the same rule as a terminal (wide East Asian 2, marks 0).
    static func width(_ s: Unicode.Scalar) -> Int {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF: return 2
        default: return 1
        }
    }

    /// Whether each column (a run of ─ in the underline) starts at a cell
    /// boundary on every line: the slot before each column is a space.
    static func columnsLineUp(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").map { line -> [Character] in
            var slots: [Character] = []
            for s in line.unicodeScalars {
                let w = width(s)
                if w == 0 { continue }
                slots.append(Character(s))
                if w == 2 { slots.append("\u{0}") }
            }
            return slots
        }
        guard lines.count >= 2 else { return false }
        let underline = lines[1]
        var starts: [Int] = [], ends: [Int] = []
        for i in underline.indices where underline[i] == "─" {
            if i == 0 || underline[i - 1] != "─" { starts.append(i) }
            if i == underline.count - 1 || underline[i + 1] != "─" { ends.append(i + 1) }
        }
        guard !starts.isEmpty else { return false }
        for line in lines {
            // Between columns: blank. A cell never runs into the gap before the next column.
            for (end, start) in zip(ends, starts.dropFirst()) {
                for i in end..<start where i < line.count && line[i] != " " { return false }
            }
            if line.count > ends.last! { return false }
        }
        return true
    }
}
