import Foundation
import PikirAggregate
import PikirEngine
import PikirIngest
import PikirModel
import PikirNormalise
import PikirReport
import PikirStore

/// Runs a pipeline's stages in order, skipping what has not changed.
///
/// - ingest: skipped when no export, registry or mapping changed (by size
///   and modification time, then content); new exports are ingested on all
///   cores; a changed registry or mapping, or a removed export, rebuilds the
///   warehouse from scratch beside the old one, then swaps it in.
/// - aggregate, render, export: each output has a key made of its spec, the
///   pikir version and the hashes of the files whose responses it can
///   contain (by region and year); an output whose key is unchanged is kept.
///
/// Every output is written to a temporary file and renamed into place, and a
/// stage's manifest is written last, so a killed run leaves the previous
/// outputs and the next run redoes only the unfinished stage.
public struct PipelineRunner {
    public struct Options: Sendable {
        public var stage: String?
        public var force = false
        public var dryRun = false
        public var version: String

        public init(stage: String? = nil, force: Bool = false, dryRun: Bool = false, version: String) {
            self.stage = stage
            self.force = force
            self.dryRun = dryRun
            self.version = version
        }
    }

    /// What the run did, for the closing summary and the exit status.
    public struct Summary: Sendable {
        public var files = 0, ingested = 0, skippedFiles = 0, failedFiles = 0
        /// Where the ingested files' records went.
        public var counts = Accounting()
        public var outputsWritten = 0, outputsKept = 0
        public var stagesRun: [String] = [], stagesSkipped: [String] = []
        public var failedStage: String?
        public var failure: String?
        public var seconds = 0.0
        public var writtenPaths: [String] = []

        /// Counts an output the moment it is in place, so a stage that fails
        /// later still reports the files it wrote.
        mutating func wrote(_ path: String) {
            outputsWritten += 1
            writtenPaths.append(path)
        }
    }

    let pipeline: Pipeline
    let options: Options
    let log: RunLog
    /// Where `pipeline.warehouse` is.
    var warehouse: any WarehouseLocation { WarehouseLocations.at(pipeline.warehouse) }

    public init(pipeline: Pipeline, options: Options, log: RunLog) {
        self.pipeline = pipeline
        self.options = options
        self.log = log
    }

    public func run() throws -> Summary {
        let start = Date()
        var summary = Summary()
        // A dry run writes nothing, not even the lock file.
        let lock = options.dryRun ? nil : try warehouse.lock()
        defer { withExtendedLifetime(lock) {} }
        if !options.dryRun { removeStaleTemporaries() }
        var context = StageContext(runner: self)
        for stage in pipeline.stages {
            if let only = options.stage, only != stage.name { continue }
            let stageStart = Date()
            if options.dryRun, stage.name != "ingest", context.ingestPending || !warehouse.exists {
                log.info(stage.name, "would run (after the ingest stage)")
                summary.stagesRun.append(stage.name)
                continue
            }
            do {
                let ran: Bool
                switch stage {
                case .ingest(let jobs): ran = try context.ingest(jobs: jobs, summary: &summary)
                case .aggregate(let tables): ran = try context.aggregate(tables, summary: &summary)
                case .render(let reports): ran = try context.render(reports, summary: &summary)
                case .export(let spec): ran = try context.export(spec, summary: &summary)
                }
                if ran {
                    summary.stagesRun.append(stage.name)
                    log.info(stage.name, String(format: "done in %.2f s", Date().timeIntervalSince(stageStart)))
                } else {
                    summary.stagesSkipped.append(stage.name)
                    log.info(stage.name, "unchanged since its last run; skipped")
                }
            } catch {
                summary.failedStage = stage.name
                summary.failure = "\(error)"
                log.error(stage.name, "\(error)")
                break
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Temporary files that killed or failed runs left in the output folder
    /// (and those of the pipeline's own outputs in the form before 0.2).
    /// Any pikir still writing there keeps its own.
    private func removeStaleTemporaries() {
        var removed = StaleTemporaries.clean(folder: pipeline.output)
        for path in pipeline.artefacts {
            let old = StaleTemporaries.clean(output: path)
            removed.files += old.files
            removed.bytes += old.bytes
        }
        guard removed.files > 0 else { return }
        let files = removed.files == 1 ? "1 temporary file" : "\(removed.files) temporary files"
        log.info("", "removed \(files) (\(String(format: "%.1f", Double(removed.bytes) / 1_000_000)) MB) left by stopped runs in \(pipeline.output)",
                 ["stale_temporaries": removed.files, "bytes": Int(removed.bytes)])
    }
}

/// State shared by the stages of one run.
struct StageContext {
    let runner: PipelineRunner
    var pipeline: Pipeline { runner.pipeline }
    var options: PipelineRunner.Options { runner.options }
    var log: RunLog { runner.log }
    private var coverageCache: [String: Set<String>]?
    /// Set when a dry run found exports to ingest: the later stages would run too.
    var ingestPending = false

    /// How the warehouse's rows were made: the registries and mapping the
    /// ingest stage used (its manifest's key). A changed registry rebuilds the
    /// warehouse from the same files, so the files' hashes alone would miss it.
    var normalisation: String {
        Manifest.load(output: pipeline.output, stage: "ingest")?.inputs
            .filter { [pipeline.inputs.trainers, pipeline.inputs.sessions, pipeline.inputs.mapping].contains($0.path) }
            .map { "\($0.path) \($0.sha256)" }.sorted().joined(separator: ";") ?? ""
    }
    private var ledgerCache: [LedgerEntry]?

    init(runner: PipelineRunner) { self.runner = runner }

    // MARK: - ingest

    mutating func ingest(jobs: Int?, summary: inout PipelineRunner.Summary) throws -> Bool {
        let exports: [String]
        do {
            exports = try pipeline.inputs.expand()
        } catch {
            throw RunError("\(error)")
        }
        let registries = [("trainers", pipeline.inputs.trainers), ("sessions", pipeline.inputs.sessions), ("mapping", pipeline.inputs.mapping)]
        let previous = Manifest.load(output: pipeline.output, stage: "ingest")
        let known = Dictionary((previous?.inputs ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // Inputs by size and modification time; content hashes only for files that changed.
        var inputs: [Manifest.File] = []
        for path in exports + registries.compactMap(\.1) {
            guard let stat = Hashing.stat(path) else { throw RunError("\(path): no such file") }
            if let old = known[path], old.size == stat.size, old.mtime == stat.mtime {
                inputs.append(old)
            } else {
                inputs.append(Manifest.File(path: path, sha256: try Hashing.file(path), size: stat.size, mtime: stat.mtime))
            }
        }
        let registryKey = registries.map { name, path in "\(name)=\(path.flatMap { p in inputs.first { $0.path == p }?.sha256 } ?? "-")" }
        let key = Hashing.key([options.version] + registryKey + inputs.map { "\($0.path) \($0.sha256)" })
        let location = runner.warehouse
        let warehouseExists = location.exists
        if !options.force, warehouseExists, let previous, previous.key == key { return false }

        // A changed registry or mapping changes how every file normalises, and a
        // removed export must leave the warehouse: both rebuild it from scratch.
        let previousRegistries = previous.map { p in registries.map { name, path in "\(name)=\(path.flatMap { path in p.inputs.first { $0.path == path }?.sha256 } ?? "-")" } }
        // An export removed, or edited in place (a new download under the same
        // name), must take its old rows with it: the warehouse is rebuilt.
        let removed = Set(known.keys).subtracting(inputs.map(\.path))
        let edited = inputs.contains { input in known[input.path].map { $0.sha256 != input.sha256 } ?? false }
        let rebuild = options.force || !warehouseExists || previous == nil || previousRegistries != registryKey || !removed.isEmpty || edited
        if options.dryRun { ingestPending = true }
        if options.dryRun {
            log.info("ingest", rebuild ? "would rebuild the warehouse from \(exports.count) exports" : "would ingest new or changed exports among \(exports.count)")
            return true
        }
        if rebuild {
            log.info("ingest", warehouseExists ? "registries, mapping or exports removed: rebuilding the warehouse" : "creating the warehouse")
        }
        let target = rebuild ? try location.staging() : location
        let settings: NormaliserSettings
        do {
            settings = try NormaliserSettings.load(trainers: pipeline.inputs.trainers, sessions: pipeline.inputs.sessions, mapping: pipeline.inputs.mapping)
        } catch {
            throw RunError("\(error)")
        }
        let started = Date()
        var done = 0, rows = 0
        let parallelism = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // In a scope of its own, so the warehouse is closed before a rebuilt one is moved into place.
        let reports: [IngestReport]
        do {
            reports = try {
                let warehouse = try target.open(.write)
                if let redactions = warehouse.migratedRedactions {
                    log.info("ingest", "migrated \(target): \(Counted.english(redactions, "personal-data item")) redacted in stored rows",
                             ["migrated_redactions": redactions])
                }
                let ingestor = Ingestor(warehouse: warehouse, settings: settings)
                try ingestor.storeSessions()
                let reports = ingestor.ingest(paths: exports, parallelism: parallelism) { report in
                    done += 1
                    rows += report.records
                    let seconds = max(Date().timeIntervalSince(started), 0.001)
                    log.progress("ingest", done: done, total: exports.count, rate: "\(Int(Double(rows) / seconds)) rows/s")
                    if report.status == .failed { log.error("ingest", "\(report.path): \(report.message ?? "could not be read")") }
                }
                // A warehouse that cannot be written (a full disk) fails the stage, and the run.
                if let failure = ingestor.warehouseFailure { throw RunError(failure.message) }
                // The WAL goes back into the database file, so the next run, which
                // only reads, finds the file as it will stay.
                try warehouse.settle()
                return reports
            }()
        } catch {
            // A half-made rebuild is let go of (it may be what filled the disk); the warehouse stays as it was.
            if rebuild { target.remove() }
            throw error
        }
        if rebuild {
            // The new warehouse replaces the old one whole; the old one stays until then.
            do {
                try location.replace(with: target)
            } catch {
                throw RunError("\(error)")
            }
        }
        var counts: [String: Int] = [:]
        for r in reports {
            summary.files += 1
            switch r.status {
            case .ingested: summary.ingested += 1
            case .skipped: summary.skippedFiles += 1
            case .failed: summary.failedFiles += 1
            }
            summary.counts += r.counts
        }
        let c = summary.counts
        counts = ["files": summary.files, "ingested": summary.ingested, "skipped": summary.skippedFiles, "failed": summary.failedFiles,
                  "records": c.records, "accepted": c.accepted, "rejected": c.rejected, "duplicates": c.duplicates, "ignored": c.ignored]
        log.info("ingest", "\(Counted.english(summary.files, "file")): \(summary.ingested) ingested, \(summary.skippedFiles) already in the warehouse, "
                 + "\(summary.failedFiles) unreadable; \(Counted.english(c.records, "record")) = \(c.accepted) accepted + "
                 + "\(c.rejected) rejected + \(Counted.english(c.duplicates, "duplicate")) + \(c.ignored) ignored",
                 counts)
        ledgerCache = nil
        coverageCache = nil
        let warehouseFile = Manifest.File(path: pipeline.warehouse, sha256: try location.open(.read).ledgerFingerprint(),
                                          size: location.size ?? 0, mtime: nil, key: nil)
        // Files that could not be read are not recorded, so the next run tries them again.
        let failed = Set(reports.filter { $0.status == .failed }.map(\.path))
        try Manifest(stage: "ingest", pikirVersion: options.version, key: failed.isEmpty ? key : "incomplete",
                     durationSeconds: Date().timeIntervalSince(started), inputs: inputs.filter { !failed.contains($0.path) },
                     outputs: [warehouseFile], counts: counts).save(output: pipeline.output)
        return true
    }

    // MARK: - keys of the outputs

    private mutating func ledger() throws -> [LedgerEntry] {
        if let ledgerCache { return ledgerCache }
        let entries = try runner.warehouse.open(.read).ledger()
        ledgerCache = entries
        return entries
    }

    /// The key of an output limited to `regions` and `years` (nil: any):
    /// its spec, the version, and the hashes of the files it can draw on.
    mutating func key(spec: String, regions: Set<String>?, years: Set<String>?) throws -> String {
        var files = try ledger().map(\.sha256)
        if regions != nil || years != nil {
            if coverageCache == nil { coverageCache = try runner.warehouse.open(.read).fileCoverage() }
            files = files.filter { sha in
                (coverageCache?[sha] ?? []).contains { pair in
                    let parts = pair.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                    return (regions.map { $0.contains(parts[0]) } ?? true) && (years.map { $0.contains(parts[1]) } ?? true)
                }
            }
        }
        return Hashing.key([options.version, spec, normalisation] + files)
    }

    /// The stage's previous output keys, by path.
    func previousOutputs(_ stage: String) -> [String: Manifest.File] {
        Dictionary((Manifest.load(output: pipeline.output, stage: stage)?.outputs ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether an output can be kept: same key, and the file still there with its size.
    func keep(_ path: String, key: String, previous: [String: Manifest.File]) -> Bool {
        guard !options.force, let old = previous[path], old.key == key, let stat = Hashing.stat(path) else { return false }
        return stat.size == old.size
    }

    func write(_ data: Data, to path: String, key: String) throws -> Manifest.File {
        do {
            try OutputFile.write(data, to: path, createFolders: true)
        } catch {
            throw RunError(error)
        }
        return Manifest.File(path: path, sha256: Hashing.data(data), size: data.count, mtime: nil, key: key)
    }

    func saveManifest(_ stage: String, key: String, started: Date, outputs: [Manifest.File], counts: [String: Int]) throws {
        let inputs = [Manifest.File(path: pipeline.warehouse, sha256: (try? runner.warehouse.open(.read).ledgerFingerprint()) ?? "",
                                    size: runner.warehouse.size ?? 0, mtime: nil, key: nil)]
        try Manifest(stage: stage, pikirVersion: options.version, key: key, durationSeconds: Date().timeIntervalSince(started),
                     inputs: inputs, outputs: outputs, counts: counts).save(output: pipeline.output)
    }

    /// The whole stage's key: when it equals the last run's, nothing is looked at again.
    mutating func stageKey(_ spec: String) throws -> String {
        Hashing.key([options.version, spec, normalisation] + (try ledger()).map(\.sha256))
    }
}

