import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `pikir ingest` killed with SIGKILL mid-file, and two ingests at once on one
/// warehouse: the warehouse must end exactly as a clean run leaves it.
@Suite(.serialized)
struct IngestDurabilityTests {
    /// A file big enough that ingesting it takes a good fraction of a second.
    static func bigExport(rows: Int, seed: Int) -> String {
        var text = "Timestamp;Город;ФИО тренера;Общая оценка;Оцените работу тренера;Комментарий\n"
        let cities = ["Алматы", "Астана", "Караганда", "Нур-Султан", "Алма-Ата"]
        let trainers = ["Нұрлыбай Наурызбаев", "Айгерим Жумабекова", "Zhanar Omarova"]
        for i in 0..<rows {
            let n = (i * 7919 + seed) % 100_000
            text += "05.11.2024 \(10 + n % 8):\(10 + n % 50):\(10 + i % 50);\(cities[n % 5]);\(trainers[n % 3]);\(1 + n % 5);\(1 + (n / 5) % 5);\"Пікір \(i), рақмет\"\n"
        }
        return text
    }

    private func export(_ db: String) throws -> String {
        let run = try PikirBinary.run("export", "--db", db, "--format", "csv")
        #expect(run.status == 0, "\(run)")
        return run.stdout
    }

    @Test(arguments: [0.2, 0.6, 1.2])
    func killedIngestResumesToTheCleanState(after seconds: Double) throws {
        try withTemporaryDirectory { dir in
            let small = try dir.writeFile("a-small.csv", text: "Город;Общая оценка\nАлматы;5\nАстана;4\n")
            let big = try dir.writeFile("b-big.csv", text: Self.bigExport(rows: 10_000, seed: 1))
            let clean = dir.appendingPathComponent("clean.sqlite").path
            let killed = dir.appendingPathComponent("killed.sqlite").path

            let cleanRun = try PikirBinary.run("ingest", "--db", clean, small, big)
            #expect(cleanRun.status == 0, "\(cleanRun)")

            let child = Process()
            child.executableURL = PikirBinary.url
            child.arguments = ["ingest", "--db", killed, small, big]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            Thread.sleep(forTimeInterval: seconds)
            let wasRunning = child.isRunning
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()

            // Whatever the moment, the ledger and the responses agree.
            let afterKill = try PikirBinary.run("export", "--db", killed, "--format", "csv")
            if afterKill.status == 0 {
                let rows = afterKill.stdout.split(separator: "\r\n").count - 1
                #expect(rows == 0 || rows == 2 || rows == 10_002, "a file landed partly: \(rows) rows (killed while running: \(wasRunning))")
            }

            let resumed = try PikirBinary.run("ingest", "--db", killed, small, big)
            #expect(resumed.status == 0, "\(resumed)")
            #expect(try export(killed) == export(clean))
        }
    }

    @Test func twoIngestsAtOnceOnOneWarehouseBothLand() throws {
        try withTemporaryDirectory { dir in
            let one = try dir.writeFile("one.csv", text: Self.bigExport(rows: 4_000, seed: 2))
            let two = try dir.writeFile("two.csv", text: Self.bigExport(rows: 4_000, seed: 3))
            let db = dir.appendingPathComponent("shared.sqlite").path
            let first = Process(), second = Process()
            for (process, file) in [(first, one), (second, two)] {
                process.executableURL = PikirBinary.url
                process.arguments = ["ingest", "--db", db, file]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
            }
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0)
            #expect(second.terminationStatus == 0)
            let rows = try export(db).split(separator: "\r\n").count - 1
            #expect(rows == 8_000)
        }
    }

    /// Creating a warehouse races: the tables, the migrations table and each
    /// migration (the redaction migration creates no table, so a second run
    /// of it only clashes on its identifier). Eight at once, three times over.
    @Test func eightIngestsCreatingOneWarehouseAllLand() throws {
        try withTemporaryDirectory { dir in
            var files: [String] = []
            for i in 0..<8 {
                files.append(try dir.writeFile("f\(i).csv", text: Self.bigExport(rows: 20, seed: 10 + i)))
            }
            for round in 0..<3 {
                let db = dir.appendingPathComponent("shared-\(round).sqlite").path
                let processes = files.map { file -> Process in
                    let process = Process()
                    process.executableURL = PikirBinary.url
                    process.arguments = ["ingest", "--db", db, file]
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    return process
                }
                for process in processes { try process.run() }
                for process in processes { process.waitUntilExit() }
                #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 8), "round \(round)")
                #expect(try export(db).split(separator: "\r\n").count - 1 == 160, "round \(round)")
            }
        }
    }

    @Test func exportsNeutraliseFormulasAndStartWithABOM() throws {
        try withTemporaryDirectory { dir in
            let file = try dir.writeFile("f.csv", text: "Город;Общая оценка;Комментарий\nАлматы;5;\"=HYPERLINK(\"\"http://evil\"\";\"\"click\"\")\"\nАстана;4;@SUM(A1)\n")
            let db = dir.appendingPathComponent("f.sqlite").path
            #expect(try PikirBinary.run("ingest", "--db", db, file).status == 0)
            let csv = try export(db)
            #expect(csv.hasPrefix("\u{FEFF}response_id,"))
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\";\"\"click\"\")\""))
            #expect(csv.contains(",'@SUM(A1),"))
            #expect(!csv.contains(",=HYPERLINK"))
        }
    }

    @Test func anExportIngestsBackWithEveryColumnRecognised() throws {
        try withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("a.sqlite").path
            let sample = PikirBinary.repo.appendingPathComponent("sample-data").path
            #expect(try PikirBinary.run("ingest", "--db", db, sample).status == 0)
            let exported = try dir.writeFile("export.csv", text: try export(db))
            let inspect = try PikirBinary.run("ingest", "--db", dir.appendingPathComponent("b.sqlite").path, "--format", "json", exported)
            #expect(inspect.status == 0, "\(inspect)")
            let again = try export(dir.appendingPathComponent("b.sqlite").path)
            let columns = { (csv: String) in csv.split(separator: "\r\n").first.map(String.init) ?? "" }
            #expect(columns(again) == columns(try export(db)))
            let rows = { (csv: String) in csv.split(separator: "\r\n").count }
            #expect(rows(again) == rows(try export(db)))
        }
    }
}
