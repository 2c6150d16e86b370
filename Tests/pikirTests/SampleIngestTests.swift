import Foundation
import Testing

/// `pikir ingest` of the whole of `sample-data/` with both registries, as
/// `make run` does it, checked against the counts `sample-data/generate.py`
/// wrote into `expected.json` from the rows it made (not by parsing them):
/// each file's accepted, rejected, duplicate and ignored records, and each
/// reject's line and reason. Then what the round-2 files (issue 12) are for,
/// each by what the generator knows about its rows.
@Suite("ingest of every sample export, against expected.json")
struct SampleIngestTests {
    struct Expected: Decodable {
        struct Ingest: Decodable {
            var accepted: Int
            var rejected: Int
            var duplicates: Int
            var ignored: Int
            var rejects: [InspectedFile.LineReason]
        }
        var path: String
        var ingest: Ingest
    }

    struct Warehouse: Sendable {
        var directory: URL
        var db: String
        var ingestJSON: String
        var rejectsJSON: String
    }

    /// One ingest shared by the tests; the folder is left for the OS to clean.
    static let warehouse = Result<Warehouse, any Error> {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-sample-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("s.sqlite").path
        let ingest = try PikirBinary.run(["ingest", "--db", db, "--format", "json"] + AggCommandTests.registries + ["sample-data/"])
        guard ingest.status == 0 else { throw BinaryRunnerError(description: "\(ingest)") }
        let rejects = try PikirBinary.run(["rejects", "--db", db, "--format", "json"])
        guard rejects.status == 0 else { throw BinaryRunnerError(description: "\(rejects)") }
        return Warehouse(directory: dir, db: db, ingestJSON: ingest.stdout, rejectsJSON: rejects.stdout)
    }

    static func expected() throws -> [Expected] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Expected].self, from: Data(contentsOf: SampleData.expectedURL))
    }

    /// `pikir agg --db` rows for the sample warehouse.
    static func agg(_ arguments: [String]) throws -> [AggJSON.Row] {
        let w = try warehouse.get()
        let run = try PikirBinary.run(["agg", "--db", w.db, "--format", "json", "--min-n", "0"] + arguments)
        try #require(run.status == 0, "\(run)")
        return try AggJSON.rows(run.stdout)
    }

    @Test("every file: accepted, rejected, duplicates and ignored as generated; every reject on its line with its reason")
    func everyFileCounts() throws {
        let w = try Self.warehouse.get()
        let expected = try Self.expected()
        #expect(expected.count == SampleData.paths.count)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(w.ingestJSON.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as? String ?? "", $0) })
        let rejects = try #require(try JSONSerialization.jsonObject(with: Data(w.rejectsJSON.utf8)) as? [[String: Any]])
        for file in expected {
            let got = try #require(byPath[file.path], "no ingest result for \(file.path)")
            #expect(got["status"] as? String == "ingested", "\(file.path)")
            #expect(got["accepted"] as? Int == file.ingest.accepted, "\(file.path)")
            #expect(got["rejected"] as? Int == file.ingest.rejected, "\(file.path)")
            #expect(got["duplicates"] as? Int == file.ingest.duplicates, "\(file.path)")
            #expect(got["ignored"] as? Int == file.ingest.ignored, "\(file.path)")
            let lines = rejects.filter { $0["file"] as? String == file.path }
                .map { InspectedFile.LineReason(line: $0["line"] as? Int ?? 0, reasonCode: $0["reason_code"] as? String ?? "") }
                .sorted { $0.line < $1.line }
            #expect(lines == file.ingest.rejects, "\(file.path)")
        }
        #expect(byPath.count == expected.count, "a file ingested that expected.json does not list")
    }

    @Test("typed every way (Latin K in Cyrillic, NFD, NBSP, қаласы, Qaraǵandy …): all 40 rows of March 2024 in Karaganda, KZ-35")
    func typedVariantsAllInOnePlace() throws {
        let rows = try Self.agg(["--by", "region,city,module", "--measure", "overall", "--stat", "n", "--where", "month=2024-03"])
        #expect(rows.map { "\($0.text("region")) \($0.text("city")) \($0.text("module")) \($0.int("n") ?? -1)" }
                == ["KZ-35 Karaganda digital 20", "KZ-35 Karaganda specialised 20"])
        let groups = try Self.agg(["--by", "group", "--measure", "overall", "--stat", "n", "--where", "month=2024-03"])
        let known: Set = ["youth_worker", "other", "student", "working_youth", "pupil"]
        #expect(groups.allSatisfy { known.contains($0.text("group")) }, "an NFD category stayed unresolved: \(groups.map { $0.text("group") })")
    }

    @Test("Google Forms grid rows and the Russian ДП/ПП clock: every question of the Shymkent October form is a rating")
    func gridRowsAreRatings() throws {
        let rows = try Self.agg(["--by", "session", "--measure", "overall,delivery,content,organisation,applicability,nps",
                                 "--stat", "n", "--where", "month=2024-10"])
        let sessions = Set(rows.map { $0.text("session") })
        #expect(sessions == ["shymkent-2024-10-18-t03", "shymkent-2024-10-19-t03"])
        let overall = rows.filter { $0.text("measure") == "overall" }.map { $0.int("n") ?? 0 }
        #expect(overall == [19, 19], "38 answers, 19 a day")
        for measure in ["delivery", "content", "organisation", "applicability", "nps"] {
            #expect(rows.filter { $0.text("measure") == measure }.allSatisfy { ($0.int("n") ?? 0) >= 15 }, "\(measure)")
        }
    }

    @Test("en-US month-first timestamps: 5 November read as month first because 14 November settles the column")
    func monthFirstColumn() throws {
        let rows = try Self.agg(["--by", "session", "--measure", "overall", "--stat", "n", "--where", "city=Shymkent",
                                 "--where", "month=2024-11"])
        #expect(rows.map { "\($0.text("session")) \($0.int("n") ?? -1)" }
                == ["shymkent-2024-11-05-t05 20", "shymkent-2024-11-14-t05 19"], "20 a day, less the hand-typed day-first row")
    }

    @Test("ТД/ТК at GMT+6 in 2025: the answer sent at 12:20 ТД on the 18th by the form's clock is 17 February in Aktobe")
    func gmtOffsetKeepsTheKazakhstanDay() throws {
        let rows = try Self.agg(["--by", "session", "--measure", "overall", "--stat", "n", "--where", "city=Aktobe"])
        #expect(rows.map { "\($0.text("session")) \($0.int("n") ?? -1)" }
                == ["aktobe-2025-02-17-t02 20", "aktobe-2025-02-18-t02 19"])
    }

    @Test("Excel day numbers: 45632 is 6 December 2024; the one that lost a digit is the only reject")
    func excelDayNumbers() throws {
        let rows = try Self.agg(["--by", "session", "--measure", "overall", "--stat", "n", "--where", "city=Тараз"])
        #expect(rows.map { "\($0.text("session")) \($0.int("n") ?? -1)" }
                == ["taraz-2024-12-06-t01 20", "taraz-2024-12-07-t01 20"])
    }
}
