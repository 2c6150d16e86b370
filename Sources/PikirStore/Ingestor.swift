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
        try warehouse.queue.write { db in
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
        var report = IngestReport(path: path, status: .failed)
        do {
            let (sha, size) = try FileHash.sha256(path: path)
            report.sha256 = sha
            if let entry = try warehouse.ledgerEntry(sha256: sha) {
                report.status = .skipped
                report.encoding = entry.encoding
                report.delimiter = entry.delimiter
                report.message = "already ingested as \(entry.path) on \(entry.ingestedAt)"
                return report
            }
            let reader = try ExportReader(path: path, options: readOptions)
            let format = reader.format
            report.encoding = format.encoding.rawValue
            report.delimiter = format.dialect.delimiter == 0x09 ? "\t" : format.dialect.delimiterName
            let normaliser = try RecordNormaliser(sourceFile: path, fileHash: sha, format: format, settings: settings)
            let entry = LedgerEntry(path: path, sha256: sha, size: size, encoding: format.encoding.rawValue,
                                    delimiter: report.delimiter!, lineEnding: format.dialect.lineEnding.rawValue,
                                    headerLine: format.headerLine, ingestedAt: Self.timestamp(clock()))
            var committed = false
            defer { if committed { duplicates.commit() } else { duplicates.rollBack() } }
            try warehouse.queue.inTransaction(.immediate) { db in
                let writer = try FileWriter(db: db, entry: entry, duplicates: duplicates)
                // Read and normalise on another thread while this one writes.
                let channel = WriteChannel()
                let sink = NormalisingSink(normaliser: normaliser, channel: channel)
                let box = UncheckedBox((reader, sink))
                DispatchQueue.global(qos: .userInitiated).async {
                    let (reader, sink) = box.value
                    do {
                        _ = try reader.read(into: sink)
                        sink.flush()
                        channel.finish(error: nil)
                    } catch {
                        channel.finish(error: error)
                    }
                }
                var accepted = 0, duplicates = 0
                do {
                    while let batch = channel.receive() {
                        for item in batch {
                            switch item {
                            case .response(let response):
                                if try writer.insert(response) { accepted += 1 } else { duplicates += 1 }
                            case .normaliseReject(let line, let code, let message, let raw):
                                try writer.insert(reject: line, code: code, message: message, raw: raw)
                            case .readerReject(let reject):
                                try writer.insert(reject)
                            case .ignored(let ignored):
                                try writer.insert(ignored)
                            }
                        }
                    }
                } catch {
                    channel.cancel()
                    while channel.receive() != nil {}  // let the reader finish before unwinding
                    throw error
                }
                if let failure = channel.failure { throw failure }
                let sinkCounts = (rejected: sink.rejected, ignored: sink.ignored, redactions: sink.redactions)
                var counts = entry
                counts.records = accepted + sinkCounts.rejected + duplicates + sinkCounts.ignored
                counts.accepted = accepted
                counts.rejected = sinkCounts.rejected
                counts.duplicates = duplicates
                counts.ignored = sinkCounts.ignored
                counts.redactions = sinkCounts.redactions
                try writer.finish(counts)
                report.records = counts.records
                report.accepted = counts.accepted
                report.rejected = counts.rejected
                report.duplicates = counts.duplicates
                report.ignored = counts.ignored
                report.redactions = counts.redactions
                return .commit
            }
            committed = true
            report.status = .ingested
        } catch let error as IngestError {
            report.message = error.message
        } catch let error as NormaliseSetupError {
            report.message = error.message
        } catch let error as DatabaseError {
            report.message = StoreError(database: error, path: warehouse.path).message
        } catch {
            report.message = "\(error)"
        }
        return report
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
