import Foundation
import GRDB
import Testing
import PikirEngine
import PikirModel
import PikirNormalise
@testable import PikirStore

/// Everything a warehouse holds, as readers see it through `Warehouse`
/// (and the duplicates, which only the tables show): two warehouses with
/// the same contents give the same `export`, `rejects` and `agg`.
func contents(_ warehouse: any Warehouse, duplicates: [String]) throws -> [String] {
    var rows: [String] = []
    try warehouse.forEachResponse { rows.append("export " + $0.map { $0 ?? "∅" }.joined(separator: "|")) }
    // What `agg` reads: every stored column of every row, by id, as bytes and numbers.
    try warehouse.scanResponses(ResponseColumn.allCases) { row in
        rows.append("scan " + ResponseColumn.allCases.enumerated().map { i, column in
            switch column.storage {
            case .text: row.bytes(i).map { String(decoding: $0, as: UTF8.self) } ?? "∅"
            case .integer: row.integer(i).map(String.init) ?? "∅"
            case .real: row.double(i).map { "\($0)" } ?? "∅"
            }
        }.joined(separator: "|"))
    }
    rows += try warehouse.rejects().map { "reject \($0.file):\($0.line):\($0.reason_code):\($0.reason):\($0.raw)" }
    rows += try warehouse.rejectCounts().map { "reasons \($0.code)=\($0.count)" }
    rows += try warehouse.ledger().map { "file \($0.id ?? -1) \($0.path) \($0.sha256) \($0.size) \($0.encoding) \($0.delimiter) \($0.headerLine ?? -1) \($0.counts)" }
    rows += try warehouse.fileCoverage().sorted { $0.key < $1.key }.map { "coverage \($0.key) \($0.value.sorted())" }
    rows += try warehouse.registeredSessions().map { "session \($0)" }
    return rows + duplicates.map { "duplicate " + $0 }
}

func duplicates(_ warehouse: SQLiteWarehouse) throws -> [String] {
    try warehouse.queue.read { db in
        try Row.fetchAll(db, sql: "SELECT f.path, d.line, d.response_id, d.duplicate_of FROM duplicate d JOIN file f ON f.id = d.file_id ORDER BY f.path, d.line")
            .map { "\($0[0] as String):\($0[1] as Int):\($0[2] as String)=\($0[3] as String)" }
    }
}

func duplicates(_ database: TestDatabase) throws -> [String] {
    let result = try database.connect().execute("""
        SELECT f.path, d.line, d.response_id, d.duplicate_of FROM duplicate d JOIN file f ON f.id = d.file_id ORDER BY f.path COLLATE "C", d.line
        """)
    return (0..<result.rows).map { "\(result[$0, 0]!):\(result[$0, 1]!):\(result[$0, 2]!)=\(result[$0, 3]!)" }
}

@Suite(.enabled(if: TestPostgres.available, "PIKIR_TEST_POSTGRES is not set (make test sets it)"))
struct PostgresWarehouseTests {
    /// Ingests into a fresh SQLite warehouse and a fresh PostgreSQL one; both reports.
    static func ingestIntoBoth(_ paths: [String]) throws -> (sqlite: SQLiteWarehouse, postgres: TestDatabase, [IngestReport], [IngestReport]) {
        let sqlite = try freshWarehouse()
        let database = try TestDatabase()
        let fromSQLite = Ingestor(warehouse: sqlite).ingest(paths: paths, parallelism: 1)
        let fromPostgres = Ingestor(warehouse: try database.open()).ingest(paths: paths, parallelism: 1)
        return (sqlite, database, fromSQLite, fromPostgres)
    }

    static func summary(_ reports: [IngestReport]) -> [String] {
        reports.map { "\($0.path) \($0.status) \($0.counts) \($0.message ?? "")" }
    }

    @Test func theSampleExportsMakeTheSameWarehouseAsInSQLite() throws {
        let (sqlite, database, fromSQLite, fromPostgres) = try Self.ingestIntoBoth(sampleFiles())
        #expect(fromPostgres.allSatisfy { $0.status == .ingested && $0.balances }, "\(Self.summary(fromPostgres))")
        #expect(Self.summary(fromPostgres) == Self.summary(fromSQLite))
        let postgres = try database.open()
        let expected = try contents(sqlite, duplicates: duplicates(sqlite))
        #expect(expected.count > 600)
        #expect(try contents(postgres, duplicates: duplicates(database)) == expected)
        #expect(try database.count("SELECT count(*) FROM response") == fromPostgres.reduce(0) { $0 + $1.accepted })

        // The ledger by SHA-256: nothing again, however the files are named.
        let again = Ingestor(warehouse: postgres).ingest(paths: sampleFiles(), parallelism: 2)
        #expect(again.allSatisfy { $0.status == .skipped })
        #expect(try contents(postgres, duplicates: duplicates(database)) == expected)
    }

    @Test func textWithBackslashesTabsAndLineBreaksComesBackAsStored() throws {
        let dir = scratchDirectory()
        let text = "Күні;Қала;Жалпы баға;Пікір\n"
            + "05.11.2024;Алматы;5;\"C:\\Users\\Айгерим\\N жол\tбір\nекінші жол\r\nүшінші \\\\ «соңы»\"\n"
            + "05.11.2024;Астана;4;\\N\n"
            + "05.11.2024;Шымкент;3;\n"
        let (sqlite, database, fromSQLite, fromPostgres) = try Self.ingestIntoBoth([write(text, to: "escapes.csv", in: dir)])
        #expect(fromPostgres.first?.accepted == 3)
        #expect(Self.summary(fromPostgres) == Self.summary(fromSQLite))
        let stored = try contents(sqlite, duplicates: [])
        #expect(stored.contains { $0.contains("C:\\Users\\Айгерим\\N жол") })
        #expect(try contents(database.open(), duplicates: []) == stored)
    }

    @Test func aNULCharacterInARejectedRecordIsKeptVisiblyNotFailingTheFile() throws {
        let text = "\u{FEFF}Город\tОбщая оценка\tКомментарий\nАлматы\t5\tхорошо\nАстана\t4\tпло\u{0}хо\n"
        var bytes: [UInt8] = []
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = scratchDirectory().appendingPathComponent("utf16-nul.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let database = try TestDatabase()
        let report = Ingestor(warehouse: try database.open()).ingest(path: path)
        #expect(report.status == .ingested, "\(report.message ?? "")")
        #expect(report.accepted == 1 && report.rejected == 1)
        let rejects = try database.open().rejects()
        #expect(rejects.map(\.reason_code) == ["invalid_encoding"])
        #expect(rejects.first?.raw.contains("пло\u{2400}хо") == true, "\(rejects)")
    }

    @Test func duplicatesAreFoundAcrossFilesByFingerprintAndByFormID() throws {
        let dir = scratchDirectory()
        let header = "Timestamp,City,Overall rating,Comment\n"
        let october = header + "2024/10/05 10:00:01 AM GMT+6,Almaty,5,Great\n2024/10/05 10:02:13 AM GMT+6,Almaty,4,\n"
        let november = october + "2024/11/05 11:00:00 AM GMT+6,Astana,3,Ok\n"
        let forms = "Response ID;Город;Общая оценка\nR-101;Алматы;5\nR-102;Астана;4\n"
        let again = "Response ID;Город;Общая оценка\nR-102;Астана;2\nR-103;Караганда;3\nR-103;Караганда;3\n"
        let paths = [write(october, to: "october.csv", in: dir), write(november, to: "november.csv", in: dir),
                     write(forms, to: "forms.csv", in: dir), write(again, to: "forms-again.csv", in: dir)]
        let (sqlite, database, fromSQLite, fromPostgres) = try Self.ingestIntoBoth(paths)
        #expect(fromPostgres.map(\.accepted) == [2, 1, 2, 1])
        #expect(fromPostgres.map(\.duplicates) == [0, 2, 0, 2])
        #expect(Self.summary(fromPostgres) == Self.summary(fromSQLite))
        let found = try duplicates(database)
        #expect(found.contains { $0.hasSuffix("forms-again.csv:2:R-102=R-102") }, "\(found)")
        #expect(try contents(database.open(), duplicates: found) == contents(sqlite, duplicates: duplicates(sqlite)))
    }

    /// A batch of `rows` responses with long comments (more than one COPY buffer), and a reject.
    static func batch(rows: Int, file: String) -> WriteBatch {
        var batch = WriteBatch()
        for line in 2..<(2 + rows) {
            var response = CanonicalResponse(responseID: "\(file)-\(line)", sourceFile: file, sourceLine: line)
            response.city = "Алматы"
            response.comment = String(repeating: "Тренинг өте пайдалы болды. ", count: 8)
            response.scores.overall = Double(1 + line % 5)
            batch.items.append(.response(row: batch.rows.append(response)))
        }
        batch.items.append(.reject(line: rows + 2, code: "too_many_fields", message: "too many fields", raw: "a;b;c"))
        batch.rejected = 1
        return batch
    }

    struct Interrupted: Error {}

    @Test func aFileWhoseInputFailsMidwayLeavesNothingAndStoresWholeLater() throws {
        let database = try TestDatabase()
        let warehouse = try database.open()
        let entry = LedgerEntry(path: "midway.csv", sha256: String(repeating: "ab", count: 32), size: 1, encoding: "UTF-8",
                                delimiter: ";", lineEnding: "LF", headerLine: 1, ingestedAt: "2026-12-05T12:00:00Z")
        var given = 0
        #expect(throws: Interrupted.self) {
            _ = try warehouse.store(entry, headerRedactions: 0) {
                given += 1
                if given == 3 { throw Interrupted() }
                return Self.batch(rows: 1500, file: "midway-\(given)")
            }
        }
        for table in ["file", "response", "reject", "duplicate", "ignored_line"] {
            #expect(try database.count("SELECT count(*) FROM \(table)") == 0, "\(table)")
        }
        // The same connection goes on: the file again, whole.
        given = 0
        let outcome = try warehouse.store(entry, headerRedactions: 0) {
            given += 1
            return given <= 2 ? Self.batch(rows: 1500, file: "midway-\(given)") : nil
        }
        #expect(outcome == .stored(Accounting(accepted: 3000, rejected: 2)))
        #expect(try database.count("SELECT count(*) FROM response") == 3000)
        #expect(try database.connect().value("SELECT min(id) || '-' || max(id) FROM response") == "1-3000")
    }

    @Test func aDroppedConnectionMidFileLeavesNothingAndTheNextRunFinishesIt() throws {
        let database = try TestDatabase()
        let file = write(WarehouseWriteFailureTests.export(rows: 3000, seed: 7), to: "dropped.csv")
        let warehouse = try database.open()
        let killer = try database.connect()
        let entry = LedgerEntry(path: file, sha256: String(repeating: "cd", count: 32), size: 1, encoding: "UTF-8",
                                delimiter: ";", lineEnding: "LF", headerLine: 1, ingestedAt: "2026-12-05T12:00:00Z")
        var given = 0
        let pid = PQbackendPIDOf(warehouse)
        #expect(throws: StoreError.self) {
            _ = try warehouse.store(entry, headerRedactions: 0) {
                given += 1
                // The server ends this client's session, as when the client is killed or the network drops.
                if given == 3 { try killer.execute("SELECT pg_terminate_backend(\(pid))") }
                return Self.batch(rows: 1500, file: "dropped-\(given)")
            }
        }
        for table in ["file", "response", "reject"] {
            #expect(try database.count("SELECT count(*) FROM \(table)") == 0, "\(table)")
        }
        let rerun = Ingestor(warehouse: try database.open()).ingest(path: file)
        #expect(rerun.status == .ingested, "\(rerun.message ?? "")")
        #expect(try database.count("SELECT count(*) FROM response") == rerun.accepted)
    }

    @Test func contentAnotherCentreStoredIsSkippedByItsSHA256() throws {
        let database = try TestDatabase()
        let text = "Қала;Жалпы баға\nАлматы;5\nАстана;4\n"
        let dir = scratchDirectory()
        let a = Ingestor(warehouse: try database.open()).ingest(path: write(text, to: "almaty-centre.csv", in: dir))
        let b = Ingestor(warehouse: try database.open()).ingest(path: write(text, to: "astana-centre.csv", in: dir))
        #expect(a.status == .ingested)
        #expect(b.status == .skipped)
        #expect(b.message?.contains("almaty-centre.csv") == true, "\(b.message ?? "")")
        #expect(try database.count("SELECT count(*) FROM response") == 2)
    }

    /// Four writers, each its own connection as four centres' machines would
    /// be, storing different files at once: the same warehouse as one writer's.
    @Test func fourWritersAtOnceEndAsOneWriterDoes() throws {
        let dir = scratchDirectory()
        let first = write("Дата;Город;Тренер;Общая оценка;Комментарий\n05.11.2024;Алматы;Нурлыбай Наурызбаев;5;Отлично\n", to: "twin-a.csv", in: dir)
        let twin = write("Күні;Қала;Тренер;Жалпы баға;Пікір\n05.11.2024;Алматы;Нурлыбай Наурызбаев;5;Отлично\n06.11.2024;Астана;Aigerim;4;Jaqsy\n", to: "twin-b.csv", in: dir)
        let paths = sampleFiles() + [first, twin]
        let serial = try TestDatabase()
        let serialReports = Ingestor(warehouse: try serial.open()).ingest(paths: paths, parallelism: 1)

        let shared = try TestDatabase()
        let groups = (0..<4).map { n in paths.enumerated().filter { $0.offset % 4 == n }.map(\.element) }
        let warehouses = try groups.map { _ in try shared.open() }
        let results = ResultsBox()
        let group = DispatchGroup()
        for (warehouse, paths) in zip(warehouses, groups) {
            let work = UncheckedBox((warehouse, paths))
            group.enter()
            Thread.detachNewThread {
                let reports = Ingestor(warehouse: work.value.0).ingest(paths: work.value.1, parallelism: 1)
                results.add(reports)
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 300) == .success)
        let reports = results.all
        #expect(reports.allSatisfy { $0.status == .ingested }, "\(Self.summary(reports))")
        let total = reports.reduce(Accounting()) { $0 + $1.counts }
        #expect(total == serialReports.reduce(Accounting()) { $0 + $1.counts })

        // Which twin was stored first depends on timing; everything else must not.
        let twins = [first, twin].map { URL(fileURLWithPath: $0).lastPathComponent }
        func steady(_ rows: [String]) -> [String] {
            rows.filter { row in !twins.contains { row.contains($0) } && !row.hasPrefix("file ") && !row.hasPrefix("scan ") }
        }
        let expected = try contents(serial.open(), duplicates: duplicates(serial))
        let got = try contents(shared.open(), duplicates: duplicates(shared))
        #expect(steady(got) == steady(expected))
        #expect(got.filter { $0.hasPrefix("scan ") }.count == expected.filter { $0.hasPrefix("scan ") }.count)
        #expect(try Set(shared.open().ledger().map(\.sha256)) == Set(serial.open().ledger().map(\.sha256)))
        #expect(try shared.count("SELECT count(DISTINCT id) FROM response") == serial.count("SELECT count(*) FROM response"))
    }

    final class ResultsBox: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [IngestReport] = []
        func add(_ more: [IngestReport]) { lock.withLock { reports += more } }
        var all: [IngestReport] { lock.withLock { reports } }
    }

    @Test func sessionsAreStoredAndReplacedByID() throws {
        let database = try TestDatabase()
        let warehouse = try database.open()
        let registry = try NormaliserSettings.load(trainers: nil, sessions: write("""
            session_id,city,date_from,date_to,trainer,module,registered
            S-01,Алматы,2024-11-05,2024-11-06,Айгерим Жумабекова,Цифрлық сауат,25
            S-02,Астана,2024-11-07,2024-11-07,,,
            """, to: "sessions.csv"), mapping: nil).sessions!
        try warehouse.storeSessions(registry.sessions)
        try warehouse.storeSessions(registry.sessions)
        let stored = try warehouse.registeredSessions()
        #expect(stored.map(\.id) == ["S-01", "S-02"])
        #expect(stored.first?.registered == 25)
        #expect(stored.last?.registered == nil)
    }
}

/// The server process serving a warehouse's connection.
func PQbackendPIDOf(_ warehouse: PostgresWarehouse) -> Int32 { warehouse.connection.backendPID }
