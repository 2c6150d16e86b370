import ArgumentParser
import Foundation
import PikirIngest
import PikirNormalise
import PikirStore

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

    @Argument(help: "Export files, or folders of them (*.csv, *.tsv, *.txt).")
    var inputs: [String]

    @OptionGroup var warehouse: WarehouseFlags
    @OptionGroup var registries: RegistryFlags

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var read: ReadFlags

    @Option(parsing: .unconditional, help: "Files read and normalised at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        try FlagValue.check("--jobs", jobs, atLeast: 1)
    }

    func run() throws {
        let store = try warehouse.open()
        let ingestor = Ingestor(warehouse: store, settings: try registries.settings(), options: read.options)
        do {
            try ingestor.storeSessions()
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let reports = ingestor.ingest(paths: InputFiles.expand(inputs), parallelism: jobs) { report in
            if format == .text { print(IngestText.line(report)) }
        }
        let totals = IngestTotals(reports)
        switch format {
        case .text: print(IngestText.totals(totals))
        case .json: try JSONOutput.print(IngestJSON(files: reports, totals: totals))
        }
        // Said once more where cron keeps it: the run stopped, not just a file.
        if let failure = ingestor.warehouseFailure {
            FileHandle.standardError.write(Data("pikir: \(failure.message)\n".utf8))
        }
        if reports.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}

struct IngestJSON: Encodable {
    var files: [IngestReport]
    var totals: IngestTotals
}
