import Foundation
import PikirIngest
import PikirModel
import PikirNormalise

/// Normalised responses read straight from exports, with nothing written:
/// what `pikir agg --csv` aggregates.
///
/// The files go through the same reading, normalisation and duplicate rules
/// as `pikir ingest`, in the order given, so an aggregation of exports gives
/// the numbers the same aggregation of their warehouse would. One difference:
/// a form id seen before is recognised by a 64-bit hash of it, with no stored
/// copy to confirm it against (about one chance in 10⁸ of a false duplicate
/// at a million rows), so memory stays flat.
///
/// Only what the scan's columns read is normalised (`projects`): the
/// records accepted, rejected and found duplicate are the same as with a
/// full normalisation, since what decides them is always read (see
/// `ResponseFields`). Duplicate detection reads two things, as in ingest:
/// the form id (the id column's cell, when it holds no personal data) and,
/// in a file with a timestamp column, the content fingerprint (timestamp,
/// region, city, session date, trainer name, module, group, liked,
/// improve, comment, the six scores and every extra column, all redacted),
/// so such a file is normalised nearly whole (not its language or session id).
///
/// As a `ResponseSource` it reads `inputs`, and keeps each file's accounting in `reports`.
public final class ExportResponses: ResponseSource {
    public let settings: NormaliserSettings
    public let options: ReadOptions
    /// What `scanResponses` reads, and on how many threads.
    public var inputs: [ExportInput]
    public var parallelism: Int
    /// Whether to normalise only the fields the scan reads (false: everything, as ingest does).
    public var projects = true
    /// Each file's accounting from the last `scanResponses`.
    public private(set) var reports: [IngestReport] = []

    public init(settings: NormaliserSettings = NormaliserSettings(), options: ReadOptions = ReadOptions(),
                inputs: [ExportInput] = [], parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.settings = settings
        self.options = options
        self.inputs = inputs
        self.parallelism = parallelism
    }

    public func scanResponses(_ columns: [ScanColumn], _ body: (any ResponseRow) throws -> Void) throws {
        var failure: Error?
        reports = read(inputs: inputs, columns: columns, parallelism: parallelism) { row in
            guard failure == nil else { return }
            do { try body(row) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Calls `body` with every accepted, non-duplicate response, in file order,
    /// with `columns` readable by position; returns each file's accounting
    /// (status `ingested` meaning read: nothing is stored).
    public func read(paths: [String], columns: [ScanColumn],
                     parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                     _ body: (any ResponseRow) -> Void) -> [IngestReport] {
        read(inputs: paths.map { ExportInput(path: $0) }, columns: columns, parallelism: parallelism, body)
    }

    /// Batches a file may have waiting for the aggregation: half of ingest's.
    /// On the 1M-row file (four alternating runs) 16 gave 62–64 MB of peak
    /// memory, 8 gave 59–60 MB and 4 gave 58 MB, all in 1.3–1.4 s.
    static let channelCapacity = 8

    /// As `read(paths:)`, for inputs read from one place and named another.
    public func read(inputs: [ExportInput], columns: [ScanColumn],
                     parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                     _ body: (any ResponseRow) -> Void) -> [IngestReport] {
        var settings = settings
        settings.fields = projects ? Self.fields(reading: columns) : .all
        // A quarter of ingest's blocks: the same speed, 2 MB less of the 64 MB `agg --csv` may take.
        var options = options
        options.blockSize = min(options.blockSize, 1 << 18)
        var files = NormalisedFiles(settings: settings, options: options, clock: Date.init, warehouseName: "")
        files.channelCapacity = Self.channelCapacity
        files.hashes = Self.hashes(inputs, readingIDs: columns.contains(.responseID))
        files.columns = EncodedRows.Columns(columns)
        let offsets = columns.map(\.cell)
        var seenFingerprints = SeenHashes()
        var seenFormIDs = SeenHashes()
        var seenFiles: Set<String> = []
        var reports: [IngestReport] = []
        files.run(inputs: inputs, parallelism: parallelism, known: [:]) { job in
            var report = job.report
            defer { reports.append(report) }
            guard job.sink != nil else { return true }
            if let sha = report.sha256, !seenFiles.insert(sha).inserted {
                report.status = .skipped
                report.message = "the same content as a file read before in this run"
                job.abandon()
                return true
            }
            var counts = Accounting(redactions: job.headerRedactions)
            var fresh: [Bool] = []
            offsets.withUnsafeBufferPointer { offsets in
                while let pending = job.channel.receive() {
                    let batch = pending.take()
                    counts.rejected += batch.rejected
                    counts.ignored += batch.ignored
                    counts.redactions += batch.redactions
                    // The batch's duplicates first, in order, in a loop of their
                    // own, after loading the slots its form ids start at: a probe
                    // of the sets (megabytes at a million ids) is a cache miss,
                    // and misses overlap only when little else runs between them
                    // (this loop's share of the 1M run: 9.4% → 6.9% of samples).
                    fresh.removeAll(keepingCapacity: true)
                    seenFormIDs.warm(batch.rows.meta.lazy.compactMap(\.formIDHash))
                    for meta in batch.rows.meta {
                        // As `DuplicateIndex`: the same form id, or the same fingerprint.
                        if let id = meta.formIDHash, seenFormIDs.contains(id) { fresh.append(false); continue }
                        if let fingerprint = meta.fingerprint, seenFingerprints.contains(fingerprint) { fresh.append(false); continue }
                        if let id = meta.formIDHash { seenFormIDs.insert(id) }
                        if let fingerprint = meta.fingerprint { seenFingerprints.insert(fingerprint) }
                        fresh.append(true)
                    }
                    batch.rows.bytes.withUnsafeBufferPointer { bytes in
                        batch.rows.cells.withUnsafeBufferPointer { cells in
                            for item in batch.items {
                                guard case .response(let row) = item else { continue }
                                guard fresh[row] else { counts.duplicates += 1; continue }
                                counts.accepted += 1
                                body(EncodedRowView(cells: cells, base: bytes.baseAddress, first: batch.rows.meta[row].firstCell, offsets: offsets))
                            }
                        }
                    }
                }
            }
            if let failure = job.channel.failure {
                report = job.report
                report.message = Ingestor.message(failure, path: "")
                return true
            }
            report.counts = counts
            report.status = .ingested
            return true
        }
        return reports
    }

    /// Which inputs to hash. A file's SHA-256 only tells whether it was read
    /// before in this run (the same bytes under another name are skipped, as
    /// ingest skips them), which only a file of the same size can be; and
    /// it prefixes the ids of responses from forms without ids. Hashing
    /// reads the whole file once more before its first record is read: on
    /// the 1M-row file, a tenth of `agg --csv`'s time.
    static func hashes(_ inputs: [ExportInput], readingIDs: Bool) -> @Sendable (ExportInput) -> Bool {
        if readingIDs { return { _ in true } }
        // A file that cannot be sized fails when it is read; hashing it costs nothing.
        let sizes = inputs.map { (try? FileHash.size(path: $0.path)) ?? -1 }
        var count: [Int: Int] = [:]
        for size in sizes { count[size, default: 0] += 1 }
        let hashed = Set(zip(inputs, sizes).filter { count[$0.1, default: 0] > 1 || $0.1 < 0 }.map(\.0))
        return { hashed.contains($0) }
    }

    /// What the normaliser must fill in for these columns to be read.
    static func fields(reading columns: [ScanColumn]) -> ResponseFields {
        var fields: ResponseFields = []
        for column in columns {
            switch column {
            // Always filled in: ids, provenance, the date and the scores decide a record's fate.
            case .responseID, .formID, .fileID, .sourceLine, .sessionDate, .year, .month,
                 .overall, .delivery, .content, .organisation, .applicability, .nps: break
            case .fingerprint: fields.insert(.fingerprint)
            case .timestamp: fields.insert(.timestamp)
            case .region, .city: fields.insert(.place)
            case .sessionID: fields.insert(.session)
            case .trainerID, .trainerName: fields.insert(.trainer)
            case .module, .participantGroup: fields.insert(.labels)
            case .lang: fields.insert(.language)
            case .liked, .improve, .comment: fields.insert(.texts)
            case .extras: fields.insert(.extras)
            }
        }
        return fields
    }
}
