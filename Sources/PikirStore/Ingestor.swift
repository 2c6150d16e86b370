import Foundation
import GRDB
import PikirIngest
import PikirNormalise

/// What happened to one file, with the accounting that always balances:
/// `records = accepted + rejected + duplicates + ignored`.
public struct IngestReport: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case ingested, skipped = "skipped-already-ingested", failed }
    public var path: String
    public var sha256: String?
    public var encoding: String?
    public var delimiter: String?
    public var records = 0
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    public var ignored = 0
    public var redactions = 0
    public var status: Status
    /// Why a file failed, or the ledger's word on a skipped one.
    public var message: String?

    public var balances: Bool { records == accepted + rejected + duplicates + ignored }
}

/// Reads, normalises and stores files, one transaction per file.
public final class Ingestor {
    public let warehouse: Warehouse
    public let settings: NormaliserSettings
    private let clock: () -> Date
    private let duplicates = DuplicateIndex()

    public init(warehouse: Warehouse, settings: NormaliserSettings = NormaliserSettings(), options: ReadOptions = ReadOptions(),
                clock: @escaping () -> Date = Date.init) {
        self.warehouse = warehouse
        self.settings = settings
        self.readOptions = options
        self.clock = clock
    }

    private let readOptions: ReadOptions

    /// Stores the sessions registry (replacing entries with the same id), so
    /// reports can compute response rates from the registered counts.
    public func storeSessions() throws {
        guard let sessions = settings.sessions?.sessions, !sessions.isEmpty else { return }
        try warehouse.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO session (session_id, city, date_from, date_to, trainer_key, module, registered)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for s in sessions {
                try statement.execute(arguments: [s.id, s.city, s.from.iso, s.to.iso, s.trainerKey, s.module, s.registered])
            }
        }
    }

    /// Ingests one file; never throws: a file that cannot be read is a `failed` report.
    public func ingest(path: String) -> IngestReport {
        ingest(paths: [path])[0]
    }

    /// Ingests files in the order given, each in its own transaction; never throws.
    ///
    /// Files are read and normalised on `parallelism` threads (see
    /// `NormalisedFiles`) while this thread stores them one after the other,
    /// in order, so the warehouse ends the same whatever the timing.
    ///
    /// When the warehouse itself cannot be written (a full disk, an I/O
    /// error, another writer past the busy timeout), the file being stored is
    /// rolled back, the run stops there, the files after it are reported
    /// as not ingested, and `warehouseFailure` says why.
    ///
    /// - Parameter report: Called on this thread with each file's report, in order.
    public func ingest(paths: [String], parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                       report: (IngestReport) -> Void = { _ in }) -> [IngestReport] {
        ingest(inputs: paths.map { ExportInput(path: $0) }, parallelism: parallelism, report: report)
    }

    /// As `ingest(paths:)`, for inputs read from one place and named another
    /// (standard input copied to a temporary file, named `stdin`).
    public func ingest(inputs: [ExportInput], parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                       report: (IngestReport) -> Void = { _ in }) -> [IngestReport] {
        warehouseFailure = nil
        let known = (try? warehouse.ledger()).map { Dictionary($0.map { ($0.sha256, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let files = NormalisedFiles(settings: settings, options: readOptions, clock: clock, warehousePath: warehouse.path)
        var reports: [IngestReport] = []
        let checkpointer = backgroundCheckpoints()
        defer { endBackgroundCheckpoints(checkpointer) }
        var uncheckpointed = 0
        files.run(inputs: inputs, parallelism: parallelism, known: known) { job in
            let result = store(job, later: inputs.count - reports.count - 1)
            if result.status == .ingested {
                // About 10 MB of log: a checkpoint per small file cost two disk syncs each.
                uncheckpointed += result.records
                if uncheckpointed >= 32_768 {
                    checkpointer?.request()
                    uncheckpointed = 0
                }
            }
            reports.append(result)
            report(result)
            return warehouseFailure == nil
        }
        if warehouseFailure != nil, let stoppedAt = reports.last?.path {
            for input in inputs[reports.count...] {
                var notIngested = IngestReport(path: input.name, status: .failed)
                notIngested.message = "not ingested: the run stopped at \(stoppedAt), where the warehouse could not be written"
                reports.append(notIngested)
                report(notIngested)
            }
        }
        return reports
    }

    /// Why the last `ingest` stopped early: the warehouse could not be
    /// written. Nil when every file was stored, skipped or failed on its own.
    public private(set) var warehouseFailure: StoreError?

    /// Moves checkpoints off the writing connection for this run (see `Checkpointer`).
    private func backgroundCheckpoints() -> Checkpointer? {
        guard let checkpointer = Checkpointer(path: warehouse.path) else { return nil }
        guard (try? warehouse.queue.writeWithoutTransaction({ try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") })) != nil else {
            checkpointer.finish()  // let its thread end
            return nil
        }
        return checkpointer
    }

    private func endBackgroundCheckpoints(_ checkpointer: Checkpointer?) {
        guard let checkpointer else { return }
        checkpointer.finish()
        try? warehouse.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
    }

    /// Writer side: stores one prepared file in one transaction.
    ///
    /// A problem of the file's own (its reader's error) fails that file; any
    /// other error is the warehouse's: it sets `warehouseFailure`.
    /// - Parameter later: How many files come after this one.
    private func store(_ job: FileJob, later: Int) -> IngestReport {
        var report = job.report
        guard let entry = job.entry, job.sink != nil else { return report }
        let channel = job.channel
        var committed = false
        var readFailed = false
        defer {
            // A skipped file added nothing to the index: only a failed one must be forgotten.
            if committed || report.status == .skipped { duplicates.commit() } else { duplicates.rollBack() }
            if !committed || report.status == .skipped { job.abandon() }
        }
        do {
            try warehouse.queue.inTransaction(.immediate) { db in
                // Another process may have stored the same content since the ledger was read.
                if let stored = try LedgerEntry.fetch(db, sha256: entry.sha256) {
                    report.status = .skipped
                    report.message = "already ingested as \(stored.path) on \(stored.ingestedAt)"
                    return .rollback
                }
                let writer = try FileWriter(db: db, entry: entry, duplicates: duplicates)
                var accepted = 0, duplicates = 0, rejected = 0, ignored = 0, redactions = job.headerRedactions
                while let pending = channel.receive() {
                    let batch = pending.take()
                    rejected += batch.rejected
                    ignored += batch.ignored
                    redactions += batch.redactions
                    for item in batch.items {
                        switch item {
                        case .response(let row):
                            if try writer.insert(row: row, of: batch.rows) { accepted += 1 } else { duplicates += 1 }
                        case .normaliseReject(let line, let code, let message, let raw):
                            try writer.insert(reject: line, code: code, message: message, raw: raw)
                        case .readerReject(let reject):
                            try writer.insert(reject)
                        case .ignored(let ignored):
                            try writer.insert(ignored)
                        }
                    }
                    try writer.flush()  // before the batch's buffers are let go
                }
                if let failure = channel.failure {
                    readFailed = true
                    throw failure
                }
                var counts = entry
                counts.records = accepted + rejected + duplicates + ignored
                counts.accepted = accepted
                counts.rejected = rejected
                counts.duplicates = duplicates
                counts.ignored = ignored
                counts.redactions = redactions
                try writer.finish(counts)
                report.records = counts.records
                report.accepted = counts.accepted
                report.rejected = counts.rejected
                report.duplicates = counts.duplicates
                report.ignored = counts.ignored
                report.redactions = counts.redactions
                return .commit
            }
            if report.status != .skipped {
                committed = true
                report.status = .ingested
            }
        } catch {
            report = job.report
            if readFailed {
                report.message = Self.message(error, path: warehouse.path)
            } else {
                let failure = StoreError(writing: error, path: warehouse.path)
                let rest = later == 0 ? "" : later == 1 ? " and the file after it was not ingested" : " and the \(later) files after it were not ingested"
                warehouseFailure = StoreError(code: failure.code, problem: failure.problem + " while storing \(job.name)",
                                              advice: "that file was rolled back\(rest); " + failure.advice, path: warehouse.path)
                report.message = StoreError(code: failure.code, problem: failure.problem,
                                            advice: "this file was rolled back\(rest); " + failure.advice, path: warehouse.path).message
            }
        }
        return report
    }

    static func message(_ error: Error, path: String) -> String {
        switch error {
        case let error as IngestError: error.message
        case let error as NormaliseSetupError: error.message
        case let error as DatabaseError: StoreError(database: error, path: path).message
        default: "\(error)"
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Carries non-Sendable values to the reading thread; the writer does not
/// touch them until the channel says the reader is done.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
