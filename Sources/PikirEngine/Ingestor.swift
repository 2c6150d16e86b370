import Foundation
import PikirIngest
import PikirModel
import PikirNormalise

/// Reads, normalises and stores files into any `Warehouse`, one transaction per file.
public final class Ingestor {
    public let warehouse: any Warehouse
    public let settings: NormaliserSettings
    private let clock: () -> Date

    public init(warehouse: any Warehouse, settings: NormaliserSettings = NormaliserSettings(), options: ReadOptions = ReadOptions(),
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
        try warehouse.storeSessions(sessions)
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
        let files = NormalisedFiles(settings: settings, options: readOptions, clock: clock, warehouseName: warehouse.name,
                                    splitsLargeFiles: false)
        var reports: [IngestReport] = []
        warehouse.storing {
            files.run(inputs: inputs, parallelism: parallelism, known: known) { job in
                let result = store(job, later: inputs.count - reports.count - 1)
                reports.append(result)
                report(result)
                return warehouseFailure == nil
            }
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
        defer { if !committed { job.abandon() } }
        do {
            let outcome = try warehouse.store(entry, headerRedactions: job.headerRedactions) {
                guard let pending = channel.receive() else {
                    if let failure = channel.failure { throw ReadFailure(error: failure) }
                    return nil
                }
                return pending.take()
            }
            switch outcome {
            case .alreadyStored(let stored):
                report.status = .skipped
                report.message = "already ingested as \(stored.path) on \(stored.ingestedAt)"
            case .stored(let counts):
                committed = true
                report.counts = counts
                report.status = .ingested
            }
        } catch let failure as ReadFailure {
            report = job.report
            report.message = Self.message(failure.error, path: warehouse.name)
        } catch {
            report = job.report
            let failure = StoreError(writing: error, path: warehouse.name)
            let rest = later == 0 ? "" : later == 1 ? " and the file after it was not ingested" : " and the \(later) files after it were not ingested"
            warehouseFailure = StoreError(code: failure.code, problem: failure.problem + " while storing \(job.name)",
                                          advice: "that file was rolled back\(rest); " + failure.advice, path: warehouse.name)
            report.message = StoreError(code: failure.code, problem: failure.problem,
                                        advice: "this file was rolled back\(rest); " + failure.advice, path: warehouse.name).message
        }
        return report
    }

    /// The reader's error, told apart from the warehouse's on its way through `Warehouse.store`.
    private struct ReadFailure: Error {
        let error: Error
    }

    static func message(_ error: Error, path: String) -> String {
        switch error {
        case let error as IngestError: error.message
        case let error as NormaliseSetupError: error.message
        case let error as StoreError: error.message
        default: "\(error)"
        }
    }

    /// `date` in UTC as RFC 3339 to the second (`2024-11-05T10:15:32Z`),
    /// what `ISO8601DateFormatter` writes with `.withInternetDateTime`; made
    /// here, as that formatter loads the time zone tables on its first use
    /// (3 ms before `agg --csv` could read a row).
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var utc = tm()
        gmtime_r(&seconds, &utc)
        func pad(_ n: Int32, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(utc.tm_year + 1900, 4))-\(pad(utc.tm_mon + 1, 2))-\(pad(utc.tm_mday, 2))T"
            + "\(pad(utc.tm_hour, 2)):\(pad(utc.tm_min, 2)):\(pad(utc.tm_sec, 2))Z"
    }
}

/// Carries non-Sendable values to the reading thread; the writer does not
/// touch them until the channel says the reader is done.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
