import Foundation
import Testing

/// The analyst's shell: exports piped in, `--sort -mean`, `--where` typed
/// the way people type, Markdown that shows what was typed, counted nouns,
/// session ids safe as file names.
@Suite("the analyst's shell")
struct AnalystShellTests {
    static let utf16 = "sample-data/2022-06-10_nur-sultan_unicode-text_kk-ru.txt"
    static let forms = "sample-data/2019-11-14_nur-sultan_google-forms_ru.csv"

    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: PikirBinary.repo.appendingPathComponent(path))
    }

    /// The rows of `pikir export --format json`: every value as stored (no
    /// formula guard), numbers as text, null as nil.
    static func export(_ db: String) throws -> [[String: String]] {
        let run = try PikirBinary.run(["export", "--db", db, "--format", "json"])
        try #require(run.status == 0, "\(run)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return objects.map { object in
            object.compactMapValues { value -> String? in
                switch value {
                case let s as String: s
                case let n as NSNumber: n.stringValue
                case is NSNull: nil
                default: String(describing: value)
                }
            }
        }
    }

    // MARK: - Standard input

    @Test("ingest -: a UTF-16 export piped in is stored under the name stdin (or --name), by its hash")
    func ingestStandardInput() throws {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("w.sqlite").path
            let piped = try PikirBinary.run(["ingest", "--db", db, "-"], input: try Self.bytes(Self.utf16))
            #expect(piped.status == 0, "\(piped)")
            let records = try #require(try InspectedFile.inspect([Self.utf16]).1.first?.records)
            #expect(piped.stdout.hasPrefix("stdin: \(records) records = \(records) accepted"), "\(piped.stdout)")
            #expect(piped.stdout.contains("(utf-16le, 'TAB')"), "\(piped.stdout)")
            #expect(Set(try Self.export(db).map { $0["source_file"] ?? "" }) == ["stdin"])

            // The same bytes named on the command line: the ledger knows them by hash.
            let again = try PikirBinary.run(["ingest", "--db", db, Self.utf16])
            #expect(again.stdout.contains("\(Self.utf16): skipped, already ingested as stdin on "), "\(again)")

            // /dev/stdin from a pipe, named with --name.
            let named = try PikirBinary.run(["ingest", "--db", db, "--name", "2019-astana.csv", "/dev/stdin"], input: try Self.bytes(Self.forms))
            #expect(named.status == 0, "\(named)")
            #expect(named.stdout.hasPrefix("2019-astana.csv: "), "\(named.stdout)")
            #expect(Set(try Self.export(db).map { $0["source_file"] ?? "" }) == ["stdin", "2019-astana.csv"])
        }
    }

    @Test("inspect - reads a pipe as it reads the file; the path shown is stdin")
    func inspectStandardInput() throws {
        let piped = try PikirBinary.run(["inspect", "--format", "json", "-"], input: try Self.bytes(Self.utf16))
        #expect(piped.status == 0, "\(piped)")
        let a = try #require(try InspectedFile.decodeAll(piped.stdout).first)
        let b = try #require(try InspectedFile.inspect([Self.utf16]).1.first)
        #expect(a.path == "stdin")
        #expect(a.encoding == "utf-16le" && a.encoding == b.encoding)
        #expect(a.columns == b.columns)
        #expect(a.records == b.records)
        #expect(a.physicalLines == b.physicalLines)
        #expect(a.sample.map(\.fields) == b.sample.map(\.fields))
    }

    @Test("agg --csv -: the same numbers as the file; the accounting counts 1 file")
    func aggStandardInput() throws {
        let query = ["--by", "trainer", "--measure", "overall,nps", "--stat", "n,mean,median,dist", "--format", "csv"]
        let piped = try PikirBinary.run(["agg", "--csv", "-"] + query, input: try Self.bytes(Self.forms))
        let direct = try PikirBinary.run(["agg", "--csv", Self.forms] + query)
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stdout == direct.stdout)
        #expect(piped.stdout.split(separator: "\n").count > 2)
        #expect(piped.stderr == "pikir agg: 1 file, 40 records: 39 accepted, 0 rejected, 1 duplicate, 0 ignored\n", "\(piped.stderr)")
    }

    @Test("empty standard input is an empty export, said with the name stdin")
    func emptyStandardInput() throws {
        let run = try PikirBinary.run(["ingest", "--db", "/tmp/pikir-never-\(UUID().uuidString).sqlite", "-"], input: Data())
        #expect(run.status == 1)
        #expect(run.stdout.contains("stdin: FAILED: the file is empty"), "\(run)")
    }

    // MARK: - agg flags

    @Test("--sort -mean (a separate word, as the README writes it) sorts descending")
    func sortDescending() throws {
        try AggCommandTests.withSampleWarehouse { db throws in
            let run = try AggCommandTests.agg(db, ["--by", "city", "--sort", "-mean", "--format", "json"])
            #expect(run.status == 0, "\(run)")
            let means = try AggJSON.rows(run.stdout).compactMap { $0.double("mean") }
            #expect(means.count == 6)
            #expect(means == means.sorted(by: >), "\(means)")
        }
    }

    @Test("--where trainer= by initials or the Latin alias: the registry's trainer, in a warehouse and in exports")
    func trainerSpelling() throws {
        try AggCommandTests.withSampleWarehouse { db throws in
            for spelling in ["Наурызбаев Н.", "Nurlybai Nauryzbayev", "Н. Наурызбаев", "T01"] {
                let run = try AggCommandTests.agg(db, ["--by", "trainer", "--where", "trainer=\(spelling)", "--format", "json"])
                #expect(run.status == 0 && run.stderr.isEmpty, "\(spelling): \(run)")
                let rows = try AggJSON.rows(run.stdout)
                #expect(rows.map { $0.string("trainer_id") } == ["T01"], "\(spelling): \(rows.map(\.fields))")
            }
            let csv = try PikirBinary.run(["agg", "--csv", "sample-data/", "--by", "trainer", "--where", "trainer=Жұмабекова А.",
                                          "--format", "json"] + AggCommandTests.registries)
            #expect(try AggJSON.rows(csv.stdout).map { $0.string("trainer_id") } == ["T02"], "\(csv)")
        }
    }

    @Test("a --where value that matches nothing: a warning with the closest values, valid output, exit 0")
    func unmatchedWhere() throws {
        try AggCommandTests.withSampleWarehouse { db throws in
            let run = try AggCommandTests.agg(db, ["--by", "city", "--where", "city=Almatu", "--format", "json"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stderr == "pikir agg: no city matches \"Almatu\"; closest: Almaty, Astana, Aktobe\n")
            #expect(try AggJSON.rows(run.stdout).isEmpty)
            let overall = try AggCommandTests.agg(db, ["--where", "module=Кулинария", "--format", "csv"])
            #expect(overall.status == 0)
            #expect(overall.stderr.hasPrefix("pikir agg: no module matches \"Кулинария\"; closest: "), "\(overall.stderr)")
            #expect(overall.stdout.split(separator: "\n").last?.hasPrefix("overall,0,") == true, "one overall row, n = 0: \(overall.stdout)")
            let found = try AggCommandTests.agg(db, ["--by", "city", "--where", "city=Алматы", "--format", "json"])
            #expect(found.stderr.isEmpty, "no warning when it matches: \(found.stderr)")
        }
    }

    @Test("--format md: what a comment or session id holds shows as typed, never as markup")
    func markdownCells() throws {
        try withTemporaryDirectory { dir throws in
            let file = try dir.writeFile("sessions.csv", text: """
                session_id,city,session_date,trainer,overall
                <b>S_1</b> & *co*,Almaty,2024-03-01,Aigerim,5
                [S2](http://x.kz) | `x`,Almaty,2024-03-02,Aigerim,4

                """)
            let run = try PikirBinary.run(["agg", "--csv", file, "--by", "session", "--min-n", "1", "--format", "md"])
            #expect(run.status == 0, "\(run)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("| &lt;b&gt;S\\_1&lt;/b&gt; &amp; \\*co\\* | overall | 1 |") }, "\(run.stdout)")
            #expect(lines.contains { $0.hasPrefix("| \\[S2\\](http://x.kz) \\| \\`x\\` | overall | 1 |") }, "\(run.stdout)")
            #expect(run.stderr == "pikir agg: 1 file, 2 records: 2 accepted, 0 rejected, 0 duplicates, 0 ignored\n", "\(run.stderr)")
        }
    }

    @Test("counted nouns: 1 file, 1 record, 1 duplicate, 1 reject")
    func plurals() throws {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("w.sqlite").path
            let file = try dir.writeFile("one.csv", text: "timestamp,city,overall\n2024/03/01 10:00:00,Almaty,5\n2024/03/01 10:00:00,Almaty,5\n2024/03/01 10:05:00,Almaty,9\n")
            let run = try PikirBinary.run(["ingest", "--db", db, file])
            #expect(run.stdout.contains(": 3 records = 1 accepted + 1 rejected + 1 duplicate + 0 ignored; 0 redactions"), "\(run.stdout)")
            #expect(run.stdout.contains("total: 1 file (1 ingested, 0 skipped, 0 failed); 3 records"), "\(run.stdout)")
            let rejects = try PikirBinary.run(["rejects", "--db", db])
            #expect(rejects.stdout.hasSuffix("1 reject\n"), "\(rejects.stdout)")
        }
    }

    // MARK: - Session ids

    @Test("derived session ids are ASCII slugs; the old form still finds them in --where and report --session")
    func sessionSlugs() throws {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("w.sqlite").path
            let ingest = try PikirBinary.run(["ingest", "--db", db, "sample-data/"])
            try #require(ingest.status == 0, "\(ingest)")
            let run = try PikirBinary.run(["agg", "--db", db, "--by", "session", "--min-n", "1", "--format", "json"])
            let ids = try AggJSON.rows(run.stdout).map { $0.text("session") }
            #expect(ids.count > 15)
            // The CRM export of 2023-04 has a session column of its own: its ids stay as written.
            let written: Set = ["ALM-2023-0414", "ALM-2023-0415"]
            #expect(written.isSubset(of: ids))
            for id in ids where !written.contains(id) {
                #expect(id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id)")
            }
            #expect(ids.contains("almaty-2024-11-05-nurlibai-naurizbaev"), "\(ids)")
            #expect(ids.contains("karaganda-2026-02-12-dmitri-kim"), "\(ids)")

            let old = try PikirBinary.run(["agg", "--db", db, "--by", "session", "--where", "session=Astana/2022-11-05/aigerim",
                                           "--min-n", "1", "--format", "json"])
            #expect(try AggJSON.rows(old.stdout).map { $0.text("session") } == ["astana-2022-11-05-aigerim"], "\(old)")
            #expect(old.stderr.isEmpty, "\(old.stderr)")
            let report = try PikirBinary.run(["report", "session", "--db", db, "--session", "Astana/2022-11-05/aigerim", "--lang", "en"])
            #expect(report.status == 0, "\(report)")
            #expect(report.stdout.contains("astana-2022-11-05-aigerim"), "\(report.stdout.prefix(300))")
        }
    }
}
