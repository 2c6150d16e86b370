import Foundation
import PikirIngest
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
public struct ExportResponses {
    public let settings: NormaliserSettings
    public let options: ReadOptions

    public init(settings: NormaliserSettings = NormaliserSettings(), options: ReadOptions = ReadOptions()) {
        self.settings = settings
        self.options = options
    }

    /// Calls `body` with every accepted, non-duplicate response, in file order,
    /// with `columns` readable by position; returns each file's accounting
    /// (status `ingested` meaning read: nothing is stored).
    public func read(paths: [String], columns: [Warehouse.ScanColumn],
                     parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                     _ body: (any ResponseRow) -> Void) -> [IngestReport] {
        read(inputs: paths.map { ExportInput(path: $0) }, columns: columns, parallelism: parallelism, body)
    }

    /// As `read(paths:)`, for inputs read from one place and named another.
    public func read(inputs: [ExportInput], columns: [Warehouse.ScanColumn],
                     parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                     _ body: (any ResponseRow) -> Void) -> [IngestReport] {
        let files = NormalisedFiles(settings: settings, options: options, clock: Date.init, warehousePath: "")
        let offsets = columns.map(EncodedRows.cell)
        var seenFingerprints = HashIndex()
        var seenFormIDs = HashIndex()
        var seenFiles: Set<String> = []
        var reports: [IngestReport] = []
        files.run(inputs: inputs, parallelism: parallelism, known: [:]) { job in
            var report = job.report
            defer { reports.append(report) }
            guard job.sink != nil, let sha = report.sha256 else { return true }
            guard seenFiles.insert(sha).inserted else {
                report.status = .skipped
                report.message = "the same content as a file read before in this run"
                job.abandon()
                return true
            }
            var accepted = 0, duplicates = 0
            report.redactions = job.headerRedactions
            offsets.withUnsafeBufferPointer { offsets in
                while let pending = job.channel.receive() {
                    let batch = pending.take()
                    report.rejected += batch.rejected
                    report.ignored += batch.ignored
                    report.redactions += batch.redactions
                    batch.rows.bytes.withUnsafeBufferPointer { bytes in
                        batch.rows.cells.withUnsafeBufferPointer { cells in
                            for item in batch.items {
                                guard case .response(let row) = item else { continue }
                                let meta = batch.rows.meta[row]
                                // As `DuplicateIndex`: the same form id, or the same fingerprint.
                                if let id = meta.formIDHash, seenFormIDs[id] != nil { duplicates += 1; continue }
                                if let fingerprint = meta.fingerprint, seenFingerprints[fingerprint] != nil { duplicates += 1; continue }
                                if let id = meta.formIDHash { seenFormIDs[id] = 0 }
                                if let fingerprint = meta.fingerprint { seenFingerprints[fingerprint] = 0 }
                                accepted += 1
                                body(EncodedRowView(cells: cells, base: bytes.baseAddress, first: meta.firstCell, offsets: offsets))
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
            report.accepted = accepted
            report.duplicates = duplicates
            report.records = accepted + duplicates + report.rejected + report.ignored
            report.status = .ingested
            return true
        }
        return reports
    }
}
