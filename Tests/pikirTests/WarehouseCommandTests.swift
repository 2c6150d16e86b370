import Foundation
import Testing

/// `pikir warehouse init` and `pikir warehouse copy`, run as a user would.
@Suite("pikir warehouse init|copy")
struct WarehouseCommandTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-warehouse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("init creates an empty warehouse, then finds it up to date; ingest and agg work on it")
    func initCreates() throws {
        let db = try Self.scratch().appendingPathComponent("новый склад.sqlite").path
        let created = try PikirBinary.run(["warehouse", "init", db])
        #expect(created.status == 0, "\(created)")
        #expect(created.stdout.contains("created an empty warehouse"), "\(created)")
        #expect(FileManager.default.fileExists(atPath: db))
        let again = try PikirBinary.run(["warehouse", "init", db])
        #expect(again.status == 0 && again.stdout.contains("already up to date (0 files"), "\(again)")
        let agg = try PikirBinary.run(["agg", "--db", db, "--format", "json"])
        #expect(agg.status == 0, "\(agg)")
    }

    @Test("init brings an older warehouse up to date and refuses a newer one, saying so")
    func initMigratesOrRefuses() throws {
        let dir = try Self.scratch()
        let old = dir.appendingPathComponent("old.sqlite").path
        #expect(try PikirBinary.run(["ingest", "--db", old, "sample-data/2025-02-17_aktobe_google-forms_kk.csv"]).status == 0)
        // As a pikir before migration v4 left it.
        _ = try sqlite(old, "DELETE FROM grdb_migrations WHERE identifier LIKE 'v4:%'")
        _ = try sqlite(old, "PRAGMA user_version = 3")
        let migrated = try PikirBinary.run(["warehouse", "init", old])
        #expect(migrated.status == 0 && migrated.stdout.contains("brought up to date") && migrated.stdout.contains("1 file"), "\(migrated)")
        #expect(try sqlite(old, "SELECT count(*) FROM grdb_migrations WHERE identifier LIKE 'v4:%'") == "[(1,)]\n")

        let newer = dir.appendingPathComponent("newer.sqlite").path
        #expect(try PikirBinary.run(["warehouse", "init", newer]).status == 0)
        _ = try sqlite(newer, "PRAGMA user_version = 99")
        let refused = try PikirBinary.run(["warehouse", "init", newer])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("\(newer): made by pikir schema v99") && refused.stderr.contains("upgrade pikir"), "\(refused)")
        #expect(try sqlite(newer, "PRAGMA user_version") == "[(99,)]\n")
    }

    @Test("init refuses a file that is not a warehouse, and names it")
    func initRefusesOtherFiles() throws {
        let path = try Self.scratch().appendingPathComponent("notes.sqlite").path
        try Data("просто текст, не база\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = try PikirBinary.run(["warehouse", "init", path])
        #expect(run.status != 0, "\(run)")
        #expect(run.stderr.contains(path) && run.stderr.split(separator: "\n").count == 1, "\(run)")
    }

    @Test("copy: export, rejects, ledger and agg of the copy equal the original's; a second copy into it is refused")
    func copy() throws {
        let dir = try Self.scratch()
        let from = dir.appendingPathComponent("centre.sqlite").path, to = dir.appendingPathComponent("copy.sqlite").path
        let ingest = try PikirBinary.run(["ingest", "--db", from] + AggCommandTests.registries + ["sample-data/"])
        #expect(ingest.status == 0, "\(ingest)")

        let copy = try PikirBinary.run(["warehouse", "copy", from, to])
        #expect(copy.status == 0, "\(copy)")
        #expect(copy.stdout.contains("give the same numbers on both"), "\(copy)")
        #expect(copy.stdout.contains("copied 15 files"), "\(copy)")

        for command in [["export", "--format", "csv"], ["rejects", "--format", "json"],
                        ["agg", "--by", "region,year", "--measure", AggCommandTests.allMeasures, "--stat", AggCommandTests.allStats,
                         "--min-n", "1", "--format", "json"],
                        ["agg", "--by", "trainer,session", "--stat", "n,mean,responses,sessions,first_date", "--format", "csv"],
                        ["report", "yearly", "--year", "2024", "--format", "text", "--lang", "ru"]] {
            let a = try PikirBinary.run([command[0], "--db", from] + command.dropFirst())
            let b = try PikirBinary.run([command[0], "--db", to] + command.dropFirst())
            #expect(a.status == 0 && !a.stdout.isEmpty, "\(command) \(a)")
            #expect(a.stdout == b.stdout, "\(command)")
        }

        let ledger = "SELECT path, sha256, size, encoding, delimiter, line_ending, header_line, records, accepted, rejected, duplicates, ignored, redactions, ingested_at FROM file ORDER BY id"
        #expect(try sqlite(from, ledger) == sqlite(to, ledger))
        #expect(try sqlite(from, "SELECT count(*) FROM duplicate") == sqlite(to, "SELECT count(*) FROM duplicate"))

        // Into a warehouse that holds other data: refused, and it is left as it was.
        let other = dir.appendingPathComponent("other.sqlite").path
        #expect(try PikirBinary.run(["ingest", "--db", other, "sample-data/2025-02-17_aktobe_google-forms_kk.csv"]).status == 0)
        let before = try sqlite(other, ledger)
        let refused = try PikirBinary.run(["warehouse", "copy", from, other])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("\(other): already holds data"), "\(refused)")
        #expect(try sqlite(other, ledger) == before)

        // Copying again into the finished copy adds nothing.
        let again = try PikirBinary.run(["warehouse", "copy", from, to])
        #expect(again.status == 0 && again.stdout.contains("copied 0 files") && again.stdout.contains("15 copied before"), "\(again)")
    }

    @Test("copy from a missing warehouse says so, with status 66, and makes no target")
    func copyFromNothing() throws {
        let dir = try Self.scratch()
        let to = dir.appendingPathComponent("copy.sqlite").path
        let run = try PikirBinary.run(["warehouse", "copy", dir.appendingPathComponent("нет.sqlite").path, to])
        #expect(run.status == 66, "\(run)")
        #expect(!FileManager.default.fileExists(atPath: to))
    }

    /// The rows of a query, read by Python's sqlite3: not by the pikir under test.
    func sqlite(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchall()); c.commit()", db, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
