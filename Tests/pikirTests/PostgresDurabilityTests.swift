import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL warehouse as a national programme uses it, through the
/// binary: clients killed mid-file, four centres ingesting at once, and
/// logins that see one region or read everything.
@Suite("PostgreSQL warehouse: kills, concurrent ingests, access by region", .serialized,
       .enabled(if: TestCluster.server != nil, TestCluster.skipped))
struct PostgresDurabilityTests {
    typealias Database = PostgresCommandTests.Database

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func run(_ arguments: [String]) throws -> PikirRun { try PikirBinary.run(arguments, timeout: 180) }

    /// The address of `database` as another login.
    static func url(_ database: Database, as role: String) -> String { database.url + "&user=\(role)" }

    @Test(arguments: [0.15, 0.4, 0.8, 1.5])
    func aKilledIngestEndsAsTheUninterruptedOne(after seconds: Double) throws {
        let dir = try Self.scratch()
        let small = try Self.write("Город;Общая оценка\nАлматы;5\nАстана;4\n", "a-small.csv", in: dir)
        let big = try Self.write(IngestDurabilityTests.bigExport(rows: 20_000, seed: 3), "b-big.csv", in: dir)
        let clean = try Database(), killed = try Database()
        #expect(try Self.run(["ingest", "--db", clean.url, small, big]).status == 0)

        let child = Process()
        child.executableURL = PikirBinary.url
        child.arguments = ["ingest", "--db", killed.url, small, big]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        Thread.sleep(forTimeInterval: seconds)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()

        // Whatever the moment, no file is there in part.
        let afterKill = try Self.run(["export", "--db", killed.url, "--format", "csv"])
        if afterKill.status == 0 {
            let rows = afterKill.stdout.split(separator: "\r\n").count - 1
            #expect([0, 2, 20_002].contains(rows), "a file landed in part: \(rows) rows")
        }
        let resumed = try Self.run(["ingest", "--db", killed.url, small, big])
        #expect(resumed.status == 0, "\(resumed)")
        for command in [["export", "--format", "csv"], ["rejects"], ["agg", "--by", "city,trainer", "--format", "csv"]] {
            let a = try Self.run([command[0], "--db", clean.url] + command.dropFirst())
            let b = try Self.run([command[0], "--db", killed.url] + command.dropFirst())
            #expect(a.status == 0 && a.stdout == b.stdout, "\(command[0]) after the kill at \(seconds) s differs")
        }
    }

    @Test func fourProcessesAtOnceEndAsOneProcessDoes() throws {
        let dir = try Self.scratch()
        var files = try PostgresCommandTests.samples().map { PikirBinary.repo.appendingPathComponent($0).path }
        for seed in 1...4 {
            files.append(try Self.write(IngestDurabilityTests.bigExport(rows: 5_000, seed: seed * 17), "big-\(seed).csv", in: dir))
        }
        let one = try Database(), four = try Database()
        let serial = try Self.run(["ingest", "--db", one.url] + files)
        #expect(serial.status == 0 || serial.status == 2, "\(serial)")
        // The schema is created by whichever process comes first.
        let children = try (0..<4).map { k in
            let child = Process()
            child.executableURL = PikirBinary.url
            child.arguments = ["ingest", "--db", four.url, "--jobs", "1"] + files.enumerated().filter { $0.offset % 4 == k }.map(\.element)
            child.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            child.standardError = errors
            try child.run()
            return (child, errors)
        }
        for (child, errors) in children {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            #expect(child.terminationStatus == 0 || child.terminationStatus == 2, "\(said)")
            #expect(!said.contains("could not serialize") && !said.contains("deadlock"), "\(said)")
        }
        for command in [["export", "--format", "csv"], ["rejects"], ["agg", "--by", "region,year", "--stat", "n,mean,sd,median,responses", "--format", "csv"]] {
            let a = try Self.run([command[0], "--db", one.url] + command.dropFirst())
            let b = try Self.run([command[0], "--db", four.url] + command.dropFirst())
            #expect(a.status == 0 && !a.stdout.isEmpty && a.stdout == b.stdout, "\(command[0]) of four processes differs from one's")
        }
    }

    @Test func aCentreSeesItsRegionOnlyAndTheMinistryReadsEverything() throws {
        let database = try Database()
        let suffix = String(database.name.suffix(8))
        let almaty = "almaty_\(suffix)", ministry = "ministry_\(suffix)"
        try Database.psql("CREATE ROLE \(almaty) LOGIN; CREATE ROLE \(ministry) LOGIN")
        defer {
            try? Database.psql("DROP DATABASE IF EXISTS \(database.name) WITH (FORCE)")
            try? Database.psql("DROP ROLE IF EXISTS \(almaty)")
            try? Database.psql("DROP ROLE IF EXISTS \(ministry)")
        }
        #expect(try Self.run(["warehouse", "init", database.url]).status == 0)
        #expect(try Self.run(["warehouse", "grant", almaty, "--region", "KZ-75", "--db", database.url]).status == 0)
        #expect(try Self.run(["warehouse", "grant", ministry, "--all", "--read-only", "--db", database.url]).status == 0)

        // The programme's owner stores every region's exports; the centre then ingests one of its own with strangers in it.
        let samples = try PostgresCommandTests.samples()
        #expect(try Self.run(["ingest", "--db", database.url] + samples).status == 0)
        let mixed = try Self.write("""
            Город;ФИО тренера;Общая оценка;Комментарий
            Алматы;Айгерим Жумабекова;5;Өте жақсы
            Астана;Zhanar Omarova;4;Хорошо
            ;Айгерим Жумабекова;3;без города
            Алматы;Zhanar Omarova;4;Рақмет

            """, "almaty-mixed.csv", in: try Self.scratch())
        let ingest = try Self.run(["ingest", "--db", Self.url(database, as: almaty), mixed])
        #expect(ingest.status == 0 && ingest.stdout.contains("4 records = 2 accepted + 2 rejected"), "\(ingest)")
        let rejects = try Self.run(["rejects", "--db", Self.url(database, as: almaty), "--format", "csv"])
        #expect(rejects.stdout.components(separatedBy: "region_not_allowed").count - 1 == 2, "\(rejects)")

        let mine = try Self.run(["agg", "--db", Self.url(database, as: almaty), "--by", "region", "--format", "csv", "--min-n", "1"])
        let regions = mine.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(!regions.isEmpty && Set(regions) == ["KZ-75"], "\(mine)")
        let export = try Self.run(["export", "--db", Self.url(database, as: almaty), "--format", "json"])
        #expect(export.status == 0 && export.stdout.contains("KZ-75") && !export.stdout.contains("\"KZ-71\""), "\(export.stderr)")

        let report = try Self.run(["report", "yearly", "--year", "2024", "--lang", "ru", "--db", Self.url(database, as: almaty)])
        #expect(report.status == 0, "\(report)")
        let ownersReport = try Self.run(["report", "yearly", "--year", "2024", "--lang", "ru", "--db", database.url])
        for other in ["Шымкент", "Караганд", "Жамбыл"] {
            #expect(!report.stdout.contains(other), "the centre's report names \(other)")
        }
        #expect(report.stdout.contains("Алматы") && ownersReport.stdout.contains("Шымкент"), "\(ownersReport)")

        // The ministry reads what the owner reads, and cannot write.
        let owner = try Self.run(["agg", "--db", database.url, "--by", "region,year", "--format", "csv"])
        let read = try Self.run(["agg", "--db", Self.url(database, as: ministry), "--by", "region,year", "--format", "csv"])
        #expect(read.status == 0 && read.stdout == owner.stdout)
        let fresh = try Self.write("Город;ФИО тренера;Общая оценка\nАлматы;Айгерим Жумабекова;5\nАлматы;Zhanar Omarova;4\n",
                                   "ministry-new.csv", in: try Self.scratch())
        let write = try Self.run(["ingest", "--db", Self.url(database, as: ministry), fresh])
        #expect(write.status != 0 && (write.stdout + write.stderr).contains("read"), "\(write)")
        #expect(try Self.run(["agg", "--db", database.url, "--by", "region,year", "--format", "csv"]).stdout == owner.stdout)
    }
}
