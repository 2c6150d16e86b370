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
/// As a `ResponseSource` it reads `inputs`, and keeps each file's accounting
/// in `reports`. As a `GroupedResponseSource` (every aggregation that needs
/// no row order), the threads reading a file hand over its responses grouped
/// (`GroupedRows`), and this thread decides duplicates on their keys, in
/// file order, before counting each combination.
public final class ExportResponses: GroupedResponseSource {
    public let settings: NormaliserSettings
    public let options: ReadOptions
    /// What `scanResponses` reads, and on how many threads.
    public var inputs: [ExportInput]
    public var parallelism: Int
    /// Whether to normalise only the fields the scan reads (false: everything, as ingest does).
    public var projects = true
    /// Bytes per part of a large file read in parts on every core; nil: by
    /// the file's size (tests cut small files).
    public var partBytes: Int? = SplitFileRead.partBytesSet
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
        try scan(columns, grouped: false) { row, _ in try body(row) }
    }

    /// Each part of a file read in parts groups its responses by their
    /// values of `columns` on the thread that reads it (`GroupedRows`); a
    /// combination comes once per part (or per batch of a file read whole),
    /// in the order of its first response that is no duplicate.
    public func scanResponseGroups(_ columns: [ScanColumn], _ body: (any ResponseRow, Int) throws -> Void) throws {
        try scan(columns, grouped: true, body)
    }

    private func scan(_ columns: [ScanColumn], grouped: Bool, _ body: (any ResponseRow, Int) throws -> Void) throws {
        var failure: Error?
        reports = read(inputs: inputs, columns: columns, grouped: grouped, parallelism: parallelism) { row, count in
            guard failure == nil else { return }
            do { try body(row, count) } catch { failure = error }
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

    /// As `read(paths:)`, for inputs read from one place and named another.
    public func read(inputs: [ExportInput], columns: [ScanColumn],
                     parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                     _ body: (any ResponseRow) -> Void) -> [IngestReport] {
        read(inputs: inputs, columns: columns, grouped: false, parallelism: parallelism) { row, _ in body(row) }
    }

    /// Batches a file may have waiting for the aggregation: half of ingest's.
    /// On the 1M-row file (four alternating runs) 16 gave 62–64 MB of peak
    /// memory, 8 gave 59–60 MB and 4 gave 58 MB, all in 1.3–1.4 s.
    static let channelCapacity = 8

    /// As `read(inputs:)`; `grouped`: responses as combinations of
    /// `columns` with their counts (see `scanResponseGroups`), else one by
    /// one with a count of 1.
    func read(inputs: [ExportInput], columns: [ScanColumn], grouped: Bool, parallelism: Int,
              _ body: (any ResponseRow, Int) -> Void) -> [IngestReport] {
        var settings = settings
        settings.fields = projects ? Self.fields(reading: columns) : .all
        // A quarter of ingest's blocks: the same speed, 2 MB less of the 64 MB `agg --csv` may take.
        var options = options
        options.blockSize = min(options.blockSize, 1 << 18)
        var files = NormalisedFiles(settings: settings, options: options, clock: Date.init, warehouseName: "")
        files.channelCapacity = Self.channelCapacity
        files.partBytes = partBytes
        files.hashes = Self.hashes(inputs, readingIDs: columns.contains(.responseID))
        files.layout = grouped ? .groups(columns) : .rows(EncodedRows.Columns(columns))
        let offsets = columns.map(\.cell)
        var duplicates = DuplicateCheck()
        // Form ids guessed from the size of the first file that has them (the
        // benchmark's rows take 211 bytes; rows without comments fewer, and
        // the sets then grow). Only the first: room made again for each file
        // placed every id again each time, and room for all the files at once
        // held memory for the many exports that have no ids.
        let sizes = Dictionary(inputs.map { ($0.path, (try? FileHash.size(path: $0.path)) ?? 0) }, uniquingKeysWith: max)
        let bytesPerRow = 200
        var expected = false
        var seenFiles: Set<String> = []
        var reports: [IngestReport] = []
        var fresh: [Bool] = []
        var counts: [Int32] = []
        var order: [Int32] = []
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
            var tally = Accounting(redactions: job.headerRedactions)
            while let pending = job.channel.receive() {
                let batch = pending.take()
                // The file's first response says whether it has form ids.
                if !expected, (batch.groups.map { $0.responses.first?.formIDHash } ?? batch.rows.meta.first?.formIDHash) != nil {
                    expected = true
                    duplicates.expect(formIDs: sizes[job.input.path, default: 0] / bytesPerRow)
                }
                tally.rejected += batch.rejected
                tally.ignored += batch.ignored
                tally.redactions += batch.redactions
                if let groups = batch.groups {
                    // Each combination counted over the responses no duplicate,
                    // and given in the order of the first of them.
                    counts.removeAll(keepingCapacity: true)
                    counts.append(contentsOf: repeatElement(0, count: groups.groupCount))
                    order.removeAll(keepingCapacity: true)
                    duplicates.check(groups.responses, into: &fresh)
                    for (response, isFresh) in zip(groups.responses, fresh) {
                        guard isFresh else { tally.duplicates += 1; continue }
                        tally.accepted += 1
                        let g = Int(response.group)
                        if counts[g] == 0 { order.append(response.group) }
                        counts[g] += 1
                    }
                    for g in order { groups.withRow(Int(g)) { body($0, Int(counts[Int(g)])) } }
                    continue
                }
                duplicates.check(batch.rows.meta, into: &fresh)
                offsets.withUnsafeBufferPointer { offsets in
                    batch.rows.bytes.withUnsafeBufferPointer { bytes in
                        batch.rows.cells.withUnsafeBufferPointer { cells in
                            for item in batch.items {
                                guard case .response(let row) = item else { continue }
                                guard fresh[row] else { tally.duplicates += 1; continue }
                                tally.accepted += 1
                                body(EncodedRowView(cells: cells, base: bytes.baseAddress, first: batch.rows.meta[row].firstCell, offsets: offsets), 1)
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
            report.counts = tally
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
