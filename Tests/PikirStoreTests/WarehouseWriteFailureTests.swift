import Foundation
import GRDB
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// The warehouse fails under the writer (a full disk): the file being stored
/// is rolled back, the run stops there at once, the files after it are
/// reported as not ingested, and the warehouse keeps exactly its rows.
///
/// Two real failures, with no root needed: SQLite's `max_page_count` makes
/// the file unable to grow (SQLITE_FULL in the middle of a file, as a full
/// disk does while pages spill), and a commit that fails with SQLITE_FULL
/// (as a full disk does when the log is written at commit, after the last
/// batch: that run used to wait forever). The real full disk, a 2 MB tmpfs,
/// is `FullDiskTests` in the end-to-end tests.
@Suite(.serialized)
struct WarehouseWriteFailureTests {
    /// Rows that take several 64 KiB pages, in batches of many records.
    static func export(rows: Int, seed: Int) -> String {
        var text = "Timestamp;Город;ФИО тренера;Общая оценка;Комментарий\n"
        let cities = ["Алматы", "Астана", "Караганда"]
        for i in 0..<rows {
            let n = (i * 7919 + seed) % 100_000
            text += "05.11.2024 \(10 + n % 8):\(10 + n % 50):\(10 + i % 50);\(cities[n % 3]);Айгерим Жумабекова;\(1 + n % 5);\"Пікір \(seed)-\(i), рақмет, бәрі түсінікті болды\"\n"
        }
        return text
    }

    /// Every table's row count: what "the warehouse stays as it was" means.
    static func counts(_ warehouse: SQLiteWarehouse) throws -> [String: Int] {
        try warehouse.queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try Dictionary(uniqueKeysWithValues: tables.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\($0)\"") ?? -1) })
        }
    }

    /// Runs the ingest on a thread of its own, so a hang fails the test instead of the whole run.
    static func ingestWithin(_ seconds: Double, _ ingestor: Ingestor, _ paths: [String]) -> [IngestReport]? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let work = UncheckedBox((ingestor, paths))
        Thread.detachNewThread {
            let (ingestor, paths) = work.value
            box.reports = ingestor.ingest(paths: paths, parallelism: 2)
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.reports : nil
    }

    final class ResultBox: @unchecked Sendable { var reports: [IngestReport]? }

    private func expectStopped(_ reports: [IngestReport], failingAt failing: Int, paths: [String], warehouse: SQLiteWarehouse, ingestor: Ingestor) {
        #expect(reports.map(\.path) == paths, "every file has a report, in order")
        for report in reports[..<failing] { #expect(report.status == .ingested, "\(report.path): \(report.message ?? "")") }
        let failed = reports[failing]
        #expect(failed.status == .failed)
        #expect(failed.message?.contains(warehouse.path) == true, "\(failed.message ?? "")")
        #expect(failed.message?.contains("no space left on device") == true, "\(failed.message ?? "")")
        #expect(failed.message?.contains("rolled back") == true, "\(failed.message ?? "")")
        let later = paths.count - failing - 1
        #expect(failed.message?.contains("the \(later) files after it were not ingested") == true, "\(failed.message ?? "")")
        #expect(failed.records == 0 && failed.accepted == 0)
        for report in reports[(failing + 1)...] {
            #expect(report.status == .failed)
            #expect(report.message?.contains("not ingested: the run stopped at \(paths[failing])") == true, "\(report.message ?? "")")
        }
        let failure = ingestor.warehouseFailure
        #expect(failure?.code == .full)
        #expect(failure?.message.contains("while storing \(paths[failing])") == true, "\(failure?.message ?? "nil")")
        #expect(failure?.message.contains("free some space") == true)
    }

    @Test func aFileThatCannotGrowTheWarehouseIsRolledBackAndTheRunStops() throws {
        let dir = scratchDirectory()
        let small = write(Self.export(rows: 50, seed: 1), to: "a-small.csv", in: dir)
        let big = write(Self.export(rows: 20_000, seed: 2), to: "b-big.csv", in: dir)
        let after = (3...5).map { write(Self.export(rows: 30, seed: $0), to: "c-\($0).csv", in: dir) }
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        #expect(ingestor.ingest(path: small).status == .ingested)
        let before = try Self.counts(warehouse)
        // The file may grow by two pages, not by the ~40 the big file needs.
        try warehouse.queue.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }

        let paths = [big] + after
        let reports = try #require(Self.ingestWithin(60, ingestor, paths), "the ingest did not end within 60 s")
        expectStopped(reports, failingAt: 0, paths: paths, warehouse: warehouse, ingestor: ingestor)
        #expect(try Self.counts(warehouse) == before)
    }

    /// Fails every commit with SQLITE_FULL, as a full disk does when the log is written.
    final class FullAtCommit: TransactionObserver {
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseWillCommit() throws {
            throw DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        }
        func databaseDidCommit(_ db: Database) {}
        func databaseDidRollback(_ db: Database) {}
    }

    @Test func aCommitThatFailsAfterTheLastBatchEndsTheRunAtOnce() throws {
        let dir = scratchDirectory()
        let first = write(Self.export(rows: 40, seed: 11), to: "a.csv", in: dir)
        let second = write(Self.export(rows: 3_000, seed: 12), to: "b.csv", in: dir)
        let third = write(Self.export(rows: 3_000, seed: 13), to: "c.csv", in: dir)
        let fourth = write(Self.export(rows: 10, seed: 14), to: "d.csv", in: dir)
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        #expect(ingestor.ingest(path: first).status == .ingested)
        let before = try Self.counts(warehouse)
        let observer = FullAtCommit()
        warehouse.queue.inDatabase { db in db.add(transactionObserver: observer, extent: .observerLifetime) }

        let paths = [second, third, fourth]
        let reports = try #require(Self.ingestWithin(60, ingestor, paths), "the ingest did not end within 60 s")
        expectStopped(reports, failingAt: 0, paths: paths, warehouse: warehouse, ingestor: ingestor)
        withExtendedLifetime(observer) {}
        warehouse.queue.inDatabase { db in db.remove(transactionObserver: observer) }
        #expect(try Self.counts(warehouse) == before)

        // Once the disk has room again, the same command stores everything.
        let again = ingestor.ingest(paths: paths)
        #expect(again.allSatisfy { $0.status == .ingested }, "\(again.map { $0.message ?? "" })")
        #expect(ingestor.warehouseFailure == nil)
    }
}
