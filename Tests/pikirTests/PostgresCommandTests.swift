import Foundation
import Testing

/// The cluster `make test` starts (scripts/pg-test-cluster.sh).
enum TestCluster {
    static let server = ProcessInfo.processInfo.environment["PIKIR_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipped: Comment = "PIKIR_TEST_POSTGRES is not set: the PostgreSQL command tests are skipped (`make test` sets it)"
}

/// The commands on a PostgreSQL warehouse give what they give on SQLite:
/// a warehouse copied from SQLite to PostgreSQL and back, `agg` (grouped in
/// SQL on PostgreSQL, row by row on SQLite), `export`, `rejects`, `report`.
/// Needs the test cluster `make test` starts (PIKIR_TEST_POSTGRES).
@Suite("commands on a PostgreSQL warehouse", .enabled(if: TestCluster.server != nil, TestCluster.skipped))
struct PostgresCommandTests {
    static var server: String? { TestCluster.server }

    /// A database of its own on the test cluster (pikir never creates one), dropped when the test ends.
    final class Database {
        let name = "pikir_cmd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        var url: String { PostgresCommandTests.server! + (PostgresCommandTests.server!.contains("?") ? "&" : "?") + "dbname=\(name)" }
        init() throws { try Self.psql("CREATE DATABASE \(name)") }
        deinit { try? Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

        static func psql(_ sql: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = [PostgresCommandTests.server!, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BinaryRunnerError(description: "psql failed: \(sql)") }
        }
    }

    static let registries = ["--trainers", "sample-data/registries/trainers.csv", "--sessions", "sample-data/registries/sessions.csv"]

    static func samples() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: PikirBinary.repo.appendingPathComponent("sample-data").path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }.sorted().map { "sample-data/" + $0 }
    }

    @Test("a warehouse copied to PostgreSQL and back gives the same agg, export, rejects and report")
    func sameAnswersOnBoth() throws {
        let database = try Database()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let sqlite = dir.appendingPathComponent("центр.sqlite").path
        let ingest = try PikirBinary.run(["ingest", "--db", sqlite] + Self.registries + (try Self.samples()))
        #expect(ingest.status == 0 || ingest.status == 2, "\(ingest)")

        let there = try PikirBinary.run(["warehouse", "copy", sqlite, database.url], timeout: 120)
        #expect(there.status == 0, "\(there)")
        #expect(there.stdout.contains("give the same numbers on both"), "\(there)")

        let queries: [[String]] = [
            ["--by", "region,year"],
            ["--by", "trainer", "--stat", "n,mean,sd,median,ci95,nps,responses", "--min-n", "1"],
            ["--by", "session", "--where", "region=Алматы", "--stat", "n,mean,sessions,first_date"],
            ["--by", "month,lang", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "json"],
            ["--by", "city", "--where", "region=Астана", "--where", "region=Қарағанды", "--format", "csv"],
        ]
        for query in queries {
            let a = try PikirBinary.run(["agg", "--db", sqlite] + query)
            let b = try PikirBinary.run(["agg", "--db", database.url] + query)
            #expect(a.status == 0 && b.status == a.status, "\(query): \(a)\n\(b)")
            #expect(a.stdout == b.stdout, "agg \(query.joined(separator: " ")) differs:\nSQLite:\n\(a.stdout)\nPostgreSQL:\n\(b.stdout)")
            #expect(!a.stdout.isEmpty)
        }
        for command in [["export", "--format", "csv"], ["rejects"]] {
            let a = try PikirBinary.run([command[0], "--db", sqlite] + command.dropFirst())
            let b = try PikirBinary.run([command[0], "--db", database.url] + command.dropFirst())
            #expect(a.status == 0 && b.status == 0, "\(a)\n\(b)")
            #expect(a.stdout == b.stdout, "\(command[0]) differs")
        }
        let reportA = dir.appendingPathComponent("a.txt").path, reportB = dir.appendingPathComponent("b.txt").path
        let ra = try PikirBinary.run(["report", "yearly", "--db", sqlite, "--year", "2024", "--lang", "ru", "-o", reportA])
        let rb = try PikirBinary.run(["report", "yearly", "--db", database.url, "--year", "2024", "--lang", "ru", "-o", reportB])
        #expect(ra.status == 0 && rb.status == 0, "\(ra)\n\(rb)")
        let textA = try String(contentsOfFile: reportA, encoding: .utf8), textB = try String(contentsOfFile: reportB, encoding: .utf8)
        // The cover names the warehouse's fingerprint, not its address: the same ledger, the same report.
        #expect(textA == textB)

        let back = dir.appendingPathComponent("обратно.sqlite").path
        let returned = try PikirBinary.run(["warehouse", "copy", database.url, back], timeout: 120)
        #expect(returned.status == 0, "\(returned)")
        let e1 = try PikirBinary.run(["export", "--db", sqlite, "--format", "csv"])
        let e2 = try PikirBinary.run(["export", "--db", back, "--format", "csv"])
        #expect(e1.stdout == e2.stdout && !e1.stdout.isEmpty)
    }

    @Test("warehouse grant is refused on a SQLite warehouse with a message, and checks its flags")
    func grantFlags() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let sqlite = dir.appendingPathComponent("w.sqlite").path
        #expect(try PikirBinary.run(["warehouse", "init", sqlite]).status == 0)
        let onSQLite = try PikirBinary.run(["warehouse", "grant", "almaty", "--region", "KZ-75", "--db", sqlite])
        #expect(onSQLite.status == 1 && onSQLite.stderr.contains("permissions"), "\(onSQLite)")
        let writingMinistry = try PikirBinary.run(["warehouse", "grant", "ministry", "--all", "--db", sqlite])
        #expect(writingMinistry.status == 64 && writingMinistry.stderr.contains("--read-only"), "\(writingMinistry)")
        let neither = try PikirBinary.run(["warehouse", "grant", "centre", "--db", sqlite])
        #expect(neither.status == 64, "\(neither)")

        let database = try Database()
        #expect(try PikirBinary.run(["warehouse", "init", database.url]).status == 0)
        try Database.psql("DROP ROLE IF EXISTS almaty_cmd; CREATE ROLE almaty_cmd LOGIN")
        defer { try? Database.psql("DROP OWNED BY almaty_cmd; DROP ROLE IF EXISTS almaty_cmd") }
        let granted = try PikirBinary.run(["warehouse", "grant", "almaty_cmd", "--region", "KZ-75", "--db", database.url])
        #expect(granted.status == 0 && granted.stdout.contains("almaty_cmd may read and write region KZ-75"), "\(granted)")
    }
}

/// The test pipeline (ingest, tables, reports, export) with its warehouse in
/// PostgreSQL gives byte for byte the outputs it gives with SQLite, and a
/// forced run gives them again.
@Suite("pipelines on a PostgreSQL warehouse", .serialized, .enabled(if: TestCluster.server != nil, TestCluster.skipped))
struct PostgresPipelineTests {
    @Test func thePipelineGivesTheSameOutputsOnBoth() throws {
        try withTemporaryDirectory { dir in
            let sqlite = try RunWorkspace.make(in: dir.appendingPathComponent("sqlite"))
            try sqlite.runClean()
            let database = try PostgresCommandTests.Database()
            let text = RunWorkspace.pipelineText().replacingOccurrences(of: "warehouse = \"warehouse/pikir.sqlite\"",
                                                                         with: "warehouse = \"\(database.url)\"")
            #expect(text.contains("postgresql://"))
            let postgres = try RunWorkspace.make(in: dir.appendingPathComponent("postgres"), pipeline: text)
            try postgres.runClean()
            // The export names each input by its path, which holds the workspace's folder.
            func outputs(_ workspace: RunWorkspace) throws -> [String: Data] {
                try Dictionary(uniqueKeysWithValues: RunWorkspace.outputs.map {
                    let text = String(decoding: try Data(contentsOf: workspace.output.appendingPathComponent($0)), as: UTF8.self)
                    return ($0, Data(text.replacingOccurrences(of: workspace.root.path, with: "WORKSPACE").utf8))
                })
            }
            let expected = try outputs(sqlite)
            let got = try outputs(postgres)
            for name in RunWorkspace.outputs where got[name] != expected[name] {
                Issue.record("\(name) differs:\n\(String(decoding: expected[name] ?? Data(), as: UTF8.self).prefix(600))\n---\n\(String(decoding: got[name] ?? Data(), as: UTF8.self).prefix(600))")
            }
            #expect(!FileManager.default.fileExists(atPath: postgres.root.appendingPathComponent("warehouse").path))

            try postgres.runClean("--force")
            #expect(try outputs(postgres) == expected)
        }
    }
}
