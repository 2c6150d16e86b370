import Foundation
import PikirEngine
import PikirModel
import PikirNormalise
@testable import PikirStore
import GRDB
import Testing

/// `WarehouseCopy` between two SQLite warehouses: everything stored comes
/// out the same, and a target with other data is refused.
@Suite("Warehouse copy")
struct WarehouseCopyTests {
    static func clock() -> Date { Date(timeIntervalSince1970: 1_760_000_000) }

    static func settings() throws -> NormaliserSettings {
        let registries = repositoryRoot.appendingPathComponent("sample-data/registries")
        return try NormaliserSettings.load(trainers: registries.appendingPathComponent("trainers.csv").path,
                                           sessions: registries.appendingPathComponent("sessions.csv").path, mapping: nil)
    }

    /// More responses than one page of `SQLiteStoredFile`, with blank lines,
    /// a bad row, repeats of its own rows and of a sample file's.
    static func largeExport(in dir: URL) -> String {
        var lines = ["Timestamp,City,Which module did you attend?,Trainer's name,You are...,How satisfied are you with the training overall?,"
            + "How likely are you to recommend this training to a colleague? (0-10),Any other comments?"]
        for i in 0..<1_300 {
            let day = 1 + i % 27
            lines.append("2023/03/\(day < 10 ? "0" : "")\(day) 10:\(String(format: "%02d", i % 60)):\(String(format: "%02d", i / 60 % 60)) AM GMT+6,"
                + "\(["Almaty", "Алматы", "Караганды", "Шымкент"][i % 4]),Digital youth work,Dmitry Kim,Student,"
                + "\(["Good", "Excellent", "Average", "Poor"][i % 4]),\(i % 11),Сабақ \(i) ұнады — спасибо")
            if i % 200 == 7 { lines.append("") }
            if i % 250 == 3 { lines.append(lines[lines.count - 1]) }  // the same response again
            if i % 333 == 5 { lines.append("2023/13/45 99:99:99,Almaty,x,y,z,Good,42,bad") }
        }
        return write(lines.joined(separator: "\n") + "\n", to: "2023-03_almaty_large_en.csv", in: dir)
    }

    /// The sample exports, the large one, and the first sample again under
    /// another name, ingested with both registries.
    static func source(files: Int? = nil) throws -> SQLiteWarehouse {
        let dir = scratchDirectory()
        let warehouse = try SQLiteWarehouse(path: dir.appendingPathComponent("from.sqlite").path)
        var paths = sampleFiles() + [largeExport(in: dir)]
        let again = dir.appendingPathComponent("again.csv").path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        bytes.append(Data("\n".utf8))  // other bytes, the same records: every one a duplicate
        try bytes.write(to: URL(fileURLWithPath: again))
        paths.append(again)
        if let files { paths = Array(paths.prefix(files)) }
        let ingestor = Ingestor(warehouse: warehouse, settings: try settings(), clock: clock)
        try ingestor.storeSessions()
        _ = ingestor.ingest(paths: paths, parallelism: 1)
        return warehouse
    }

    static func exported(_ warehouse: any Warehouse) throws -> [[String?]] {
        var rows: [[String?]] = []
        try warehouse.forEachResponse { rows.append($0) }
        return rows
    }

    static func table(_ warehouse: SQLiteWarehouse, _ sql: String) throws -> [[String]] {
        try warehouse.queue.read { db in
            try GRDB.Row.fetchAll(db, sql: sql).map { row in (0..<row.count).map { (row[$0] as DatabaseValue).description } }
        }
    }

    @Test("everything stored comes out of the copy the same")
    func copiesEverything() throws {
        let from = try Self.source()
        let to = try freshWarehouse()
        let summary = try WarehouseCopy.copy(from: from, to: to)
        let ledger = try from.ledger()
        let total = ledger.reduce(Accounting()) { $0 + $1.counts }
        // The data exercises every kind of record.
        #expect(total.accepted > 1_300 && total.rejected > 0 && total.duplicates > 5 && total.ignored > 0 && total.redactions >= 0)
        #expect(summary.copied == ledger.count && summary.alreadyThere == 0 && summary.counts == total)
        #expect(summary.sessions > 0)

        let copied = try to.ledger()
        #expect(copied.count == ledger.count)
        for (a, b) in zip(ledger, copied) { #expect(WarehouseCopy.sameFile(a, b), "\(a.path)") }
        #expect(try Self.exported(to) == Self.exported(from))
        #expect(try to.rejects() == from.rejects())
        #expect(try to.rejectCounts().map { "\($0.code)=\($0.count)" } == from.rejectCounts().map { "\($0.code)=\($0.count)" })
        #expect(try to.registeredSessions() == from.registeredSessions())
        #expect(try to.fileCoverage() == from.fileCoverage())
        // What export leaves out: the stored order, form ids, fingerprints, and the other tables.
        let byFile = "SELECT f.sha256, %@ FROM %@ t JOIN file f ON f.id = t.file_id ORDER BY f.sha256, t.rowid"
        for (columns, table) in [("t.form_id, t.fingerprint, t.source_line, t.response_id", "response"),
                                 ("t.line, t.reason_code, t.raw", "reject"), ("t.line, t.reason_code", "ignored_line"),
                                 ("t.line, t.response_id, t.duplicate_of", "duplicate")] {
            let sql = String(format: byFile, columns, table)
            #expect(try Self.table(to, sql) == Self.table(from, sql), "\(table)")
        }
        #expect(try Self.table(to, "SELECT * FROM session ORDER BY session_id") == Self.table(from, "SELECT * FROM session ORDER BY session_id"))
        // Responses are read back in their stored order: the scan of aggregations sees the same rows in the same order.
        var a: [String] = [], b: [String] = []
        try from.scan([.responseID, .sessionID]) { a.append("\($0.string(0)!)|\($0.string(1) ?? "-")") }
        try to.scan([.responseID, .sessionID]) { b.append("\($0.string(0)!)|\($0.string(1) ?? "-")") }
        #expect(a == b)
    }

    @Test("a target holding other data is refused and left as it was")
    func refusesOtherData() throws {
        let from = try Self.source(files: 3)
        let to = try freshWarehouse()
        _ = Ingestor(warehouse: to, clock: { Date(timeIntervalSince1970: 0) }).ingest(path: sampleFiles()[5])
        let before = try to.ledger()
        #expect(throws: WarehouseCopy.Failure.self) { try WarehouseCopy.copy(from: from, to: to) }
        #expect(try to.ledger() == before)
        // The same file ingested there on its own is no copy either: its time of ingest differs.
        let same = try freshWarehouse()
        _ = Ingestor(warehouse: same, clock: { Date(timeIntervalSince1970: 0) }).ingest(path: sampleFiles()[0])
        let error = #expect(throws: WarehouseCopy.Failure.self) { try WarehouseCopy.copy(from: from, to: same) }
        #expect(error?.description.contains("already holds data") == true)
        #expect(try same.ledger().count == 1)
    }

    @Test("a copy that stopped is finished by copying again; a finished one copies nothing more")
    func resumes() throws {
        let first = try Self.source(files: 4)
        let whole = try Self.source()
        let to = try freshWarehouse()
        #expect(try WarehouseCopy.copy(from: first, to: to).copied == 4)
        let files = try whole.ledger().count
        let rest = try WarehouseCopy.copy(from: whole, to: to)
        #expect(rest.alreadyThere == 4 && rest.copied == files - 4)
        #expect(try Self.exported(to) == Self.exported(whole))
        let again = try WarehouseCopy.copy(from: whole, to: to)
        #expect(again.copied == 0 && again.alreadyThere == files)
        #expect(try to.ledger().count == files)
    }

    @Test("a file whose reading fails midway leaves nothing of it in the target")
    func failedFileRollsBack() throws {
        let from = try Self.source()
        let to = try freshWarehouse()
        let failing = FailingSource(from, failAfter: 1, sha256: try from.ledger().first { $0.path.hasSuffix("large_en.csv") }!.sha256)
        #expect(throws: FailingSource.Failure.self) { try WarehouseCopy.copy(from: failing, to: to) }
        let stored = try to.ledger()
        #expect(stored.allSatisfy { $0.sha256 != failing.sha256 })
        #expect(try to.count("SELECT count(*) FROM response") == stored.reduce(0) { $0 + $1.accepted })
        #expect(try to.count("SELECT count(*) FROM duplicate") == stored.reduce(0) { $0 + $1.duplicates })
        // Run again without the failure: it ends as a copy run once.
        _ = try WarehouseCopy.copy(from: from, to: to)
        #expect(try Self.exported(to) == Self.exported(from))
        #expect(try to.rejects() == from.rejects())
    }

    @Test("a file's rows are found where they lie apart from each other too")
    func rowsApart() throws {
        let from = try Self.source(files: 6)
        // Two files swap a response each: neither file's rows lie together any more.
        try from.queue.write { db in
            let a = try Int64.fetchOne(db, sql: "SELECT max(id) FROM response WHERE file_id = 2")!
            let b = try Int64.fetchOne(db, sql: "SELECT min(id) FROM response WHERE file_id = 4")!
            try db.execute(sql: "UPDATE response SET file_id = 4 WHERE id = ?", arguments: [a])
            try db.execute(sql: "UPDATE response SET file_id = 2 WHERE id = ?", arguments: [b])
        }
        let ledger = try from.ledger()
        let spans = try from.queue.read { db in
            try [2, 3].map { try SQLiteStoredFile.span(db, table: "response", fileID: Int64($0), rows: ledger[$0 - 1].accepted) }
        }
        #expect(spans[0].end == .max && spans[1].end < .max)
        let to = try freshWarehouse()
        _ = try WarehouseCopy.copy(from: from, to: to)
        #expect(try Self.exported(to) == Self.exported(from))
    }

    @Test("ingest records duplicates itself: it never gives one as given")
    func ingestFindsDuplicates() throws {
        let from = try Self.source()
        // Every duplicate names a response that is stored, under the id it names.
        #expect(try from.count("SELECT count(*) FROM duplicate d WHERE NOT EXISTS (SELECT 1 FROM response r WHERE r.response_id = d.duplicate_of)") == 0)
        let duplicates = try from.ledger().reduce(0) { $0 + $1.duplicates }
        #expect(try from.count("SELECT count(*) FROM duplicate") == duplicates)
    }
}

/// A source whose reading of one file fails after some batches (a dropped connection).
final class FailingSource: Warehouse {
    struct Failure: Error {}
    let base: SQLiteWarehouse, failAfter: Int, sha256: String
    init(_ base: SQLiteWarehouse, failAfter: Int, sha256: String) {
        self.base = base
        self.failAfter = failAfter
        self.sha256 = sha256
    }

    final class Reader: StoredFileReader {
        let base: any StoredFileReader
        var left: Int
        init(_ base: any StoredFileReader, left: Int) { self.base = base; self.left = left }
        func next() throws -> WriteBatch? {
            if left == 0 { throw Failure() }
            left -= 1
            return try base.next()
        }
    }

    func storedFile(sha256: String) throws -> any StoredFileReader {
        let reader = try base.storedFile(sha256: sha256)
        return sha256 == self.sha256 ? Reader(reader, left: failAfter) : reader
    }

    var name: String { base.name }
    var warning: String? { base.warning }
    var migratedRedactions: Int? { base.migratedRedactions }
    func ledger() throws -> [LedgerEntry] { try base.ledger() }
    func ledgerEntry(sha256: String) throws -> LedgerEntry? { try base.ledgerEntry(sha256: sha256) }
    func fileCoverage() throws -> [String: Set<String>] { try base.fileCoverage() }
    func forEachResponse(_ body: ([String?]) throws -> Void) throws { try base.forEachResponse(body) }
    func rejects() throws -> [StoredReject] { try base.rejects() }
    func rejectCounts() throws -> [(code: String, count: Int)] { try base.rejectCounts() }
    func registeredSessions() throws -> [RegisteredSession] { try base.registeredSessions() }
    func storeSessions(_ sessions: [SessionRegistry.Session]) throws { try base.storeSessions(sessions) }
    func store(_ entry: LedgerEntry, headerRedactions: Int, batches next: () throws -> WriteBatch?) throws -> StoreOutcome {
        try base.store(entry, headerRedactions: headerRedactions, batches: next)
    }
    func storing<T>(_ body: () throws -> T) rethrows -> T { try base.storing(body) }
    func settle() throws { try base.settle() }
    func scanResponses(_ columns: [ScanColumn], _ body: (any ResponseRow) throws -> Void) throws { try base.scanResponses(columns, body) }
}
