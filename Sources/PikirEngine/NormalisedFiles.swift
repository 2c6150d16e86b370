import Foundation
import PikirIngest
import PikirModel
import PikirNormalise

/// Reads and normalises files on worker threads and hands them, in the
/// order given, to one consumer: the warehouse writer for `pikir ingest`,
/// an aggregation for `pikir agg --csv`.
///
/// Up to `parallelism` files are hashed, read and normalised at once, and
/// each file's batches are normalised on `parallelism` lanes; a large file is
/// instead read in parts on `parallelism` threads, each part normalised by
/// the thread that reads it (`SplitFileRead`). A worker may
/// start a file only while fewer than `parallelism + 1` files wait for the
/// consumer, which keeps memory flat however many files there are.
struct NormalisedFiles {
    let settings: NormaliserSettings
    let options: ReadOptions
    let clock: () -> Date
    /// Named in messages about the warehouse.
    let warehouseName: String
    /// Whether a large file is read in parts on every core. `pikir ingest`
    /// reads whole files: its single writer sets the pace, and parts gained
    /// no time there (1M rows: 5.7 s either way) for 10 MB more memory.
    var splitsLargeFiles = true
    /// Bytes per part of a file read in parts, for every file; nil: by the
    /// file's size and the layout (`SplitFileRead.partBytes(forFileOf:layout:)`).
    var partBytes = SplitFileRead.partBytesSet
    /// Normalised batches a file may have waiting for the consumer.
    var channelCapacity = 16
    /// Whether a file's SHA-256 is needed (the ledger's key, the prefix of
    /// the response ids a form without ids gets). Not hashed, a file has no
    /// `report.sha256` and its ids a prefix of zeros.
    var hashes: @Sendable (ExportInput) -> Bool = { _ in true }
    /// What the consumer reads from each batch: rows (with the columns it reads), or grouped responses.
    var layout: WriteBatch.Layout = .rows(.all)

    /// Calls `consume` on this thread with each file, in order, once its
    /// worker has hashed it and found its format (or failed, or skipped it).
    /// `consume` must read the file's channel to its end or cancel it, and
    /// answers whether to go on: after false, no other file is consumed, the
    /// workers take no other file, and those they had started are abandoned.
    func run(inputs: [ExportInput], parallelism: Int, known: [String: LedgerEntry], consume: (FileJob) -> Bool) {
        let fields = settings.fields
        WorkerThread.start(name: "pikir.tables") { NormaliserTables.build(for: fields) }
        let jobs = inputs.map { FileJob($0, capacity: channelCapacity) }
        let workers = max(1, min(parallelism, jobs.count))
        let window = DispatchSemaphore(value: workers)
        let next = NextIndex()
        let lanes = (0..<max(1, parallelism)).map { SerialWorker(name: "pikir.normalise.\($0)") }
        let finished = DispatchSemaphore(value: 0)
        let context = UncheckedBox((self, jobs, known, lanes))
        for w in 0..<workers {
            WorkerThread.start(name: "pikir.read.\(w)") {
                let (files, jobs, known, lanes) = context.value
                while true {
                    window.wait()
                    guard let i = next.take(below: jobs.count) else { window.signal(); break }
                    files.prepareAndRead(jobs[i], known: known, lanes: lanes)
                }
                finished.signal()
            }
        }
        var consumed = 0
        for job in jobs {
            job.ready.wait()
            let goOn = consume(job)
            consumed += 1
            // The file's normalisers and their caches are done with: a run of
            // 200 files kept them all (300 MB) until its end.
            job.sink = nil
            window.signal()
            if !goOn { break }
        }
        if consumed < jobs.count {
            // No worker starts another file; those already started are stopped.
            let started = next.close()
            for _ in 0..<workers { window.signal() }
            for job in jobs[consumed..<started] {
                job.channel.cancel()
                job.ready.wait()
                if job.sink != nil { job.abandon() }
                job.sink = nil
            }
        }
        for _ in 0..<workers { finished.wait() }
        for lane in lanes { lane.finish() }
    }

    /// Worker side: hash, skip what the ledger has, detect the format, then
    /// read and normalise into the job's channel.
    private func prepareAndRead(_ job: FileJob, known: [String: LedgerEntry], lanes: [SerialWorker]) {
        do {
            let hashed = hashes(job.input)
            let (sha, size) = try hashed ? FileHash.sha256(path: job.input.path)
                : (String(repeating: "0", count: 64), FileHash.size(path: job.input.path))
            if hashed { job.report.sha256 = sha }
            if let entry = known[sha] {
                job.skip(entry)
                job.ready.signal()
                return
            }
            let reader = try ExportReader(path: job.input.path, options: options)
            let format = reader.format
            job.report.encoding = format.encoding.rawValue
            let delimiter = format.dialect.delimiter == 0x09 ? "\t" : format.dialect.delimiterName
            job.report.delimiter = delimiter
            // One census of the date column for all lanes: the file is read
            // again at most once, by the first lane that needs it.
            let census = DateColumnCensus(path: job.input.path, options: options)
            let normalisers = try lanes.map { _ in
                try RecordNormaliser(sourceFile: job.name, fileHash: sha, format: format, settings: settings, census: census)
            }
            job.headerRedactions = normalisers[0].headerRedactions
            job.entry = LedgerEntry(path: job.name, sha256: sha, size: size, encoding: format.encoding.rawValue,
                                    delimiter: delimiter, lineEnding: format.dialect.lineEnding.rawValue,
                                    headerLine: format.headerLine, ingestedAt: Ingestor.timestamp(clock()))
            if splitsLargeFiles, let split = try SplitFileRead.parts(of: reader, size: size, threads: lanes.count, layout: layout,
                                                                         partBytes: partBytes) {
                // One large file on every core.
                job.sink = split
                job.ready.signal()
                SplitFileRead.read(split, into: job.channel, threads: lanes.count, normalisers: normalisers, layout: layout)
                return
            }
            let sink = BatchingSink(normalisers: normalisers, lanes: lanes, channel: job.channel, layout: layout)
            job.sink = sink
            job.ready.signal()
            do {
                _ = try reader.read(into: sink)
                sink.flush()
                job.channel.finish(error: nil)
            } catch {
                job.channel.finish(error: error)
            }
        } catch {
            job.report.message = Ingestor.message(error, path: warehouseName)
            job.ready.signal()
        }
    }
}

/// One file on its way through `NormalisedFiles`: filled in by a worker,
/// then read by the consumer once `ready` is signalled.
final class FileJob: @unchecked Sendable {
    let input: ExportInput
    /// What reports and the ledger call the file.
    var name: String { input.name }
    let ready = DispatchSemaphore(value: 0)
    let channel: WriteChannel
    var report: IngestReport
    /// Personal-data items in the header row (its extras keys, its messages): counted once per file.
    var headerRedactions = 0
    /// Set when the file is ready to be consumed; nil when it failed or was skipped.
    var entry: LedgerEntry?
    /// What holds the file's normalisers: its `BatchingSink`, or its `SplitRead`.
    var sink: AnyObject?

    init(_ input: ExportInput, capacity: Int) {
        self.input = input
        channel = WriteChannel(capacity: capacity)
        report = IngestReport(path: input.name, status: .failed)
    }

    func skip(_ stored: LedgerEntry) {
        report.status = .skipped
        report.encoding = stored.encoding
        report.delimiter = stored.delimiter
        report.message = "already ingested as \(stored.path) on \(stored.ingestedAt)"
    }

    /// Stops the worker and waits until it has let go of the file.
    func abandon() {
        channel.cancel()
        channel.waitUntilFinished()
    }
}

/// Hands out job indexes to workers, in order.
final class NextIndex: @unchecked Sendable {
    private var value = 0
    private var closed = false
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit, !closed else { return nil }
        value += 1
        return value - 1
    }

    /// Hands out no more indexes; returns how many were handed out.
    func close() -> Int {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        return value
    }
}
