import Foundation
import Testing

/// The same answers by two roads must give the same numbers: a warehouse
/// and its export ingested into a new one (no registry), a warehouse and
/// `pikir agg --csv` of the files it was made from.
@Suite("round trips")
struct RoundTripTests {
    static let dimensions = ["region", "city", "year", "month", "session", "trainer", "module", "group", "lang"]
    static let statistics = ["--measure", AggCommandTests.allMeasures, "--stat", AggCommandTests.allStats, "--min-n", "0"]

    /// `pikir agg --format json` of one warehouse or set of exports, by `by`.
    static func agg(_ source: [String], by: String) throws -> String {
        let run = try PikirBinary.run(["agg"] + source + ["--by", by, "--format", "json"] + statistics)
        try #require(run.status == 0, "\(source) --by \(by): \(run)")
        return run.stdout
    }

    /// Exports ingested into A, A exported, the export ingested into B with no registry.
    static func warehouses(_ dir: URL, inputs: [String], registries: [String]) throws -> (a: String, b: String, export: String) {
        let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
        let export = dir.appendingPathComponent("a-export.csv").path
        let ingestA = try PikirBinary.run(["ingest", "--db", a] + registries + inputs)
        try #require(ingestA.status == 0, "\(ingestA)")
        let exported = try PikirBinary.run(["export", "--db", a, "--format", "csv", "-o", export])
        try #require(exported.status == 0, "\(exported)")
        let ingestB = try PikirBinary.run(["ingest", "--db", b, export])
        try #require(ingestB.status == 0, "\(ingestB)")
        return (a, b, export)
    }

    @Test("sample-data → A (both registries) → export → B (none): the same agg by every dimension, every statistic")
    func exportIngestsBackAsTheSameNumbers() throws {
        try withTemporaryDirectory { dir throws in
            let (a, b, _) = try Self.warehouses(dir, inputs: ["sample-data/"], registries: AggCommandTests.registries)
            for by in ["all"] + Self.dimensions + [Self.dimensions.joined(separator: ",")] {
                let fromA = try Self.agg(["--db", a], by: by), fromB = try Self.agg(["--db", b], by: by)
                #expect(fromA == fromB, "--by \(by)")
            }
            let trainers = try AggJSON.rows(try Self.agg(["--db", b], by: "trainer")).compactMap { $0.string("trainer_id") }
            #expect(Set(trainers) == ["T01", "T02", "T03", "T04", "T05"], "registry ids come back without the registry")
        }
    }

    @Test("every stored field comes back as stored: session ids, region codes, formula-guarded cells, unknown places")
    func storedFieldsComeBackExactly() throws {
        try withTemporaryDirectory { dir throws in
            let file = try dir.writeFile("hostile.csv", text: """
                response_id,session_id,city,region,session_date,trainer,module,overall,nps,liked,improve,comment
                r1,"=HYPERLINK(""http://x.kz"")",Almaty,,2024-03-01,Aigerim,Open youth work,5,9,=SUM(A1:A9),-5 градусов в зале,@channel рахмет
                r2,'=guarded,Жаңаауыл,KZ-63,2024-03-02,Наурызбаев Н.,Цифрлық,4,8,+ кофе,'quoted,''=twice
                r3,,Қарағанды,,2024-03-03,Дмитрий Ким,,3,,,,-
                r4,S/4 with/slashes,Gotham,,2024-03-04,李雷,,2,,Жақсы,,

                """)
            let (a, b, export) = try Self.warehouses(dir, inputs: [file], registries: ["--trainers", "sample-data/registries/trainers.csv"])
            func rows(_ db: String) throws -> [String: [String: String]] {
                Dictionary(uniqueKeysWithValues: try AnalystShellTests.export(db).map { ($0["response_id"] ?? "", $0) })
            }
            let fromA = try rows(a), fromB = try rows(b)
            #expect(fromA.count == 4 && fromB.count == 4)
            for (id, rowA) in fromA {
                let columns = Set(rowA.keys).union(fromB[id].map { Array($0.keys) } ?? []).subtracting(["source_file", "source_line", "extras"])
                for column in columns {
                    #expect(fromB[id]?[column] == rowA[column], "\(id) \(column): \(rowA[column] ?? "nil") → \(fromB[id]?[column] ?? "nil")")
                }
            }
            // What the export holds, checked against what was typed (so the test is not circular).
            let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: export)), as: UTF8.self)
            for guarded in ["'=SUM(A1:A9)", "'-5 градусов в зале", "'@channel рахмет", "''=twice", "\"'=HYPERLINK(\"\"http://x.kz\"\")\""] {
                #expect(written.contains(guarded), "\(guarded) in \(written)")
            }
            #expect(fromB["r1"]?["session_id"] == "=HYPERLINK(\"http://x.kz\")")
            #expect(fromB["r1"]?["liked"] == "=SUM(A1:A9)")
            #expect(fromB["r1"]?["improve"] == "-5 градусов в зале")
            #expect(fromB["r2"]?["session_id"] == "=guarded", "a guarded cell of the first export is stored without its guard")
            #expect(fromB["r2"]?["comment"] == "'=twice")
            #expect(fromB["r2"]?["improve"] == "'quoted")
            #expect(fromB["r2"]?["region"] == "KZ-63")
            #expect(fromB["r2"]?["trainer_id"] == "T01")
            #expect(fromB["r3"]?["session_id"] == "karaganda-2024-03-03-t05")
            #expect(fromB["r3"]?["comment"] == "-")
            #expect(fromB["r4"]?["session_id"] == "S/4 with/slashes")
        }
    }

    @Test("agg --csv FILES and agg --db of the same files ingested agree on every group and statistic of sample-data/")
    func exportsAndWarehouseAgree() throws {
        try AggCommandTests.withSampleWarehouse { db throws in
            for by in ["all"] + Self.dimensions + ["region,year,trainer", Self.dimensions.joined(separator: ",")] {
                let fromDB = try Self.agg(["--db", db], by: by)
                let fromCSV = try Self.agg(["--csv", "sample-data/"] + AggCommandTests.registries, by: by)
                #expect(fromDB == fromCSV, "--by \(by)")
                #expect(try AggJSON.rows(fromDB).reduce(0) { $0 + (($1.string("measure") == "overall") ? ($1.int("n") ?? 0) : 0) } > 0)
            }
        }
    }
}
