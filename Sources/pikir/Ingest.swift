import ArgumentParser
import Foundation
import PikirIngest
import PikirNormalise
import PikirEngine
import PikirModel

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, normalise and store exports in the warehouse.",
        discussion: """
            Each file is stored in one transaction: it lands whole or not at all. A file whose \
            SHA-256 is already in the ledger is skipped, so running the same command twice changes nothing. \
            Per file and in total the accounting balances: records = accepted + rejected + duplicates + ignored. \
            Exit status 1 when a file could not be ingested at all (the other files still are), or when the \
            warehouse could not be written (a full disk): that file is rolled back and the run stops there.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Export files, or folders of them (*.csv, *.tsv, *.txt); - reads one from standard input.")
    var inputs: [String]

    @OptionGroup var standardInput: StandardInputFlags

    @OptionGroup var warehouse: WarehouseFlags
    @OptionGroup var registries: RegistryFlags

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var read: ReadFlags

    @Option(parsing: .unconditional, help: "Files read and normalised at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        try FlagValue.check("--jobs", jobs, atLeast: 1)
        try standardInput.validate(inputs)
    }

    func run() throws {
        let store = try warehouse.open()
        let migration = store.migratedRedactions.map { IngestJSON.Migration(warehouse: store.name, redactions: $0) }
        if format == .text, let migration { print(IngestText.migration(migration)) }
        let ingestor = Ingestor(warehouse: store, settings: try registries.settings(), options: read.options)
        do {
            try ingestor.storeSessions()
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let exports = try standardInput.open(inputs)
        let reports = withExtendedLifetime(exports) {
            ingestor.ingest(inputs: exports.inputs, parallelism: jobs) { report in
                if format == .text { print(IngestText.line(report)) }
            }
        }
        let totals = IngestTotals(reports)
        switch format {
        case .text: print(IngestText.totals(totals))
        case .json: try JSONOutput.print(IngestJSON(migration: migration, files: reports, totals: totals))
        }
        // Said once more where cron keeps it: the run stopped, not just a file.
        if let failure = ingestor.warehouseFailure {
            FileHandle.standardError.write(Data("pikir: \(failure.message)\n".utf8))
        }
        if reports.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}

struct IngestJSON: Encodable {
    /// Personal data redacted in rows an earlier version stored, when opening
    /// the warehouse migrated it (null otherwise).
    struct Migration: Encodable {
        var warehouse: String
        var redactions: Int
    }

    var migration: Migration?
    var files: [IngestReport]
    var totals: IngestTotals

    private enum CodingKeys: String, CodingKey { case migration, files, totals }

    /// By hand, so `"migration": null` is written rather than left out.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(migration, forKey: .migration)
        try c.encode(files, forKey: .files)
        try c.encode(totals, forKey: .totals)
    }
}
