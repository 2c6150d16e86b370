import Foundation
import GRDB
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// Warehouses this pikir did not make, or that are damaged: each is refused
/// (or read with a warning) with one line naming the file, what is wrong and
/// what to do, never SQLite's SQL.
struct WarehouseOpeningTests {
    static let known = Schema.migrator.migrations.count

    /// A warehouse with the sample files in it, closed again; returns its path.
    static func sampleWarehouse() throws -> String {
        let path = scratchDirectory().appendingPathComponent("pikir.sqlite").path
        let warehouse = try SQLiteWarehouse(path: path)
        let reports = Ingestor(warehouse: warehouse).ingest(paths: sampleFiles())
        #expect(reports.allSatisfy { $0.status == .ingested })
        try warehouse.checkpoint()
        return path
    }

    static func storeError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
        } catch let error as StoreError {
            return error
        } catch {
            Issue.record("not a StoreError: \(error)")
        }
        return nil
    }

    @Test func aNewWarehouseRecordsTheSchemaVersionItWasMadeWith() throws {
        let warehouse = try freshWarehouse()
        let version = try warehouse.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == Self.known)
    }

    @Test func aWarehouseWithAMigrationThisPikirDoesNotKnowIsNeverWrittenButStillRead() throws {
        let path = try Self.sampleWarehouse()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from a newer pikir')")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

        let error = try #require(Self.storeError { _ = try SQLiteWarehouse(path: path) })
        #expect(error.code == .newerWarehouse)
        #expect(error.message.hasPrefix("\(path): made by pikir schema v\(Self.known + 1), this pikir knows up to v\(Self.known)"), "\(error.message)")
        #expect(error.message.contains("“v99: from a newer pikir”"))
        #expect(error.message.hasSuffix("upgrade pikir to write to it"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the refused warehouse was written to")

        let reader = try SQLiteWarehouse(path: path, readOnly: true)
        #expect(reader.warning?.contains("made by pikir schema v\(Self.known + 1), this pikir knows up to v\(Self.known)") == true, "\(reader.warning ?? "nil")")
        #expect(reader.warning?.contains("reading it anyway; upgrade pikir") == true)
        #expect(try reader.ledger().count == sampleFiles().count)
    }

    @Test func aWarehouseWithAHigherUserVersionIsNeverWritten() throws {
        let path = try Self.sampleWarehouse()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(Self.known + 5)")
        }
        let error = try #require(Self.storeError { _ = try SQLiteWarehouse(path: path) })
        #expect(error.code == .newerWarehouse)
        #expect(error.message == "\(path): made by pikir schema v\(Self.known + 5), this pikir knows up to v\(Self.known); upgrade pikir to write to it")
        #expect(try SQLiteWarehouse(path: path, readOnly: true).warning != nil)
    }

    @Test func anEmptyFileIsANewWarehouseForIngestAndNoWarehouseYetForReaders() throws {
        let dir = scratchDirectory()
        let path = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = try #require(Self.storeError { _ = try SQLiteWarehouse(path: path, readOnly: true) })
        #expect(error.code == .missingWarehouse)
        #expect(error.message == "\(path): no warehouse here yet (the file is empty); run `pikir ingest --db \(path) FILE…` first")

        let warehouse = try SQLiteWarehouse(path: path)
        let report = Ingestor(warehouse: warehouse).ingest(path: write("Қала;Жалпы баға\nАлматы;5\nАстана;4\n", to: "a.csv", in: dir))
        #expect(report.status == .ingested)
        #expect(try warehouse.count("SELECT count(*) FROM response") == 2)
    }

    @Test func randomBytesAreNotAWarehouse() throws {
        let path = scratchDirectory().appendingPathComponent("random.sqlite").path
        var generator = SystemRandomNumberGenerator()
        try Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
        for readOnly in [true, false] {
            let error = try #require(Self.storeError { _ = try SQLiteWarehouse(path: path, readOnly: readOnly) })
            #expect(error.code == .damaged)
            #expect(error.message == "\(path): not a pikir warehouse, or it is damaged (SQLite: file is not a database); "
                + "restore it from a backup, or ingest the exports into a new --db")
        }
    }

    @Test func anSQLiteFileOfAnotherProgramIsNeitherReadNorWritten() throws {
        let path = scratchDirectory().appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        for readOnly in [true, false] {
            let error = try #require(Self.storeError { _ = try SQLiteWarehouse(path: path, readOnly: readOnly) })
            #expect(error.message.hasPrefix("\(path): not a pikir warehouse"), "\(error.message)")
        }
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["notes"])
    }

    /// A damaged page found only while reading: the error names the file and
    /// says what to do; the SELECT that met it is not shown.
    @Test func damageFoundWhileReadingIsOneLineWithoutSQL() throws {
        let path = try Self.sampleWarehouse()
        let (root, pageSize) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'reject'") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        #expect(root > 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        try handle.close()

        let warehouse = try SQLiteWarehouse(path: path, readOnly: true)
        let error = try #require(Self.storeError { _ = try warehouse.rejects() })
        #expect(error.code == .damaged)
        #expect(error.message.hasPrefix("\(path): not a pikir warehouse, or it is damaged (SQLite: "), "\(error.message)")
        #expect(error.message.hasSuffix("restore it from a backup, or ingest the exports into a new --db"))
        #expect(!error.message.contains("SELECT") && !error.message.contains("while executing"))
    }
}
