import ArgumentParser
import Foundation
import PikirAggregate
import PikirEngine
import PikirModel
import PikirReport
import PikirStats

struct Agg: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Aggregate answers by region, year, trainer and more, from the warehouse or straight from exports.",
        discussion: """
            One row per group and measure. Dimensions: \(Dimension.allCases.map(\.rawValue).joined(separator: ", ")) \
            (month is yyyy-mm; --by all, or no --by, gives one overall row). Measures: \
            \(Measure.all.map(\.name).joined(separator: ", ")). Statistics: \(Stat.allCases.map(\.rawValue).joined(separator: ", ")) \
            (ci95: 95% interval of the mean that stays on the scale, a logit interval with half an answer at each end; top2/bottom2: share 0–1 of the two highest/lowest scale points; \
            nps: −100…100, for the 0–10 question; median and quartiles: Hyndman–Fan type 7). \
            Small cells (--min-n k, default \(SmallCellSuppression.defaultThreshold)): a group whose measure has 1 ≤ n < k answers \
            keeps its n but has no statistics ("suppressed"); a group with no answers is not suppressed (it identifies nobody). \
            --complementary also suppresses, per measure, the smallest other group of a table with exactly one suppressed \
            group, so the total cannot give it away (the yearly report's tables); --min-n 0 or 1 suppresses nothing.
            --where values are matched as the data stores them: --where city=Алматы and --where city=Almaty are the same; \
            a trainer by id, name, initials or alias (--where trainer="Наурызбаев Н."). A value that matches nothing is \
            said on stderr with the closest values.
            Exit status: 0 success, 64 bad flags, 65 no usable data in the exports, 66 a missing file or warehouse.
            """)

    typealias Format = AggregateOutput.Format

    @Option(help: ArgumentHelp("The warehouse (default: $PIKIR_DB, else ./pikir.sqlite).", valueName: "path"))
    var db: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Aggregate these exports (files or folders; - for standard input) directly; nothing is stored.", valueName: "file"))
    var csv: [String] = []

    @OptionGroup var standardInput: StandardInputFlags

    @Option(help: ArgumentHelp("Dimensions to group by, comma-separated.", valueName: "dim,..."))
    var by: [String] = []

    @Option(help: ArgumentHelp("Questions to aggregate (default: overall).", valueName: "q,..."))
    var measure: [String] = []

    @Option(help: ArgumentHelp("Statistics (default: n,mean,ci95,median).", valueName: "s,..."))
    var stat: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep only responses whose dimension has one of these values (repeatable).", valueName: "dim=v,..."))
    var filters: [String] = []

    @Option(help: ArgumentHelp("Keep sessions on or after this day.", valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("Keep sessions on or before this day.", valueName: "yyyy-mm-dd"))
    var to: String?

    @Option(name: .customLong("min-n"), parsing: .unconditional, help: ArgumentHelp("Suppress groups with 1 ≤ n < k answers.", valueName: "k"))
    var minN: Int = SmallCellSuppression.defaultThreshold

    @Flag(help: "Also suppress the smallest other group where one group alone is suppressed (complementary suppression).")
    var complementary = false

    // Unconditional: `--sort -mean` is a value, not a flag.
    @Option(parsing: .unconditional, help: ArgumentHelp("Order rows by a dimension, measure or statistic; prefix - for descending.", valueName: "key"))
    var sort: String?

    @Option(help: "Output format (default: from -o's extension, .csv, .tsv, .json, .ndjson, .md or .xlsx; else table on a terminal, else csv).")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (written whole, then moved into place; - is standard output; xlsx needs a file).", valueName: "file"))
    var output: String?

    @OptionGroup var registries: RegistryFlags
    @OptionGroup var read: ReadFlags

    @Option(parsing: .unconditional, help: "Exports read and normalised at once with --csv (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if db != nil && !csv.isEmpty { throw ValidationError("give either --db or --csv, not both") }
        try FlagValue.check("--jobs", jobs, atLeast: 1)
        try FlagValue.check("--min-n", minN, atLeast: 0)
        try standardInput.validate(csv)
        do {
            _ = try query()
        } catch {
            throw ValidationError(error.message)
        }
        if resolvedFormat == .xlsx, (output ?? "-") == "-" {
            throw ValidationError("--format xlsx writes a workbook, which cannot go to standard output: give -o FILE.xlsx")
        }
    }

    /// `--format`, else the one `-o`'s extension names, else table on a terminal and csv otherwise.
    var resolvedFormat: Format {
        if let format { return format }
        if let output, output != "-", let named = Format(rawValue: (output as NSString).pathExtension.lowercased()) { return named }
        return isatty(STDOUT_FILENO) != 0 && (output ?? "-") == "-" ? .table : .csv
    }

    func query() throws(QueryError) -> AggregateQuery {
        try AggregateQuery.parse(by: by, measures: measure, stats: stat, filters: filters, minN: minN, sort: sort, from: from, to: to,
                                 complementary: complementary)
    }

    func run() throws {
        var query = try query()
        let settings = try registries.settings()
        if let trainers = settings.trainers { query.resolveTrainers(with: trainers) }
        let aggregator: Aggregator
        if csv.isEmpty {
            aggregator = try Aggregator.run(query, over: WarehouseFlags(db: db).open(mustExist: true))
        } else {
            aggregator = Aggregator(query: query)
            let exports = try standardInput.open(csv)
            let source = ExportResponses(settings: settings, options: read.options, inputs: exports.inputs, parallelism: jobs)
            try withExtendedLifetime(exports) { try aggregator.add(from: source) }
            let reports = source.reports
            for report in reports where report.status == .failed {
                FileHandle.standardError.write(Data("pikir: \(report.path): \(report.message ?? "could not be read")\n".utf8))
            }
            // Nothing is lost silently: the accounting goes to stderr, the numbers to stdout.
            let t = IngestTotals(reports)
            let failed = t.failed > 0 ? "; \(Counted.english(t.failed, "file")) could not be read" : ""
            FileHandle.standardError.write(Data(("pikir agg: \(Counted.english(t.files, "file")), \(Counted.english(t.records, "record")): "
                + "\(t.accepted) accepted, \(t.rejected) rejected, \(Counted.english(t.duplicates, "duplicate")), \(t.ignored) ignored\(failed)\n").utf8))
            if reports.allSatisfy({ $0.status == .failed }) {
                let missing = exports.inputs.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) }
                throw ExitCode(missing ? 66 : 65)
            }
        }
        // A typo in --where gives no rows, which looks like an answer: said on stderr, the output stays valid.
        for unmatched in aggregator.unmatchedFilters() {
            let closest = unmatched.closest.isEmpty ? "the data has no \(unmatched.dimension.rawValue) values"
                : "closest: " + unmatched.closest.joined(separator: ", ")
            FileHandle.standardError.write(Data("pikir agg: no \(unmatched.dimension.rawValue) matches \"\(unmatched.value)\"; \(closest)\n".utf8))
        }
        let output = AggregateOutput(query: query)
        do {
            if resolvedFormat == .xlsx {
                try output.writeWorkbook(aggregator.rows(), to: self.output ?? "-")
            } else {
                try OutputFile.write(Data(output.render(aggregator.rows(), as: resolvedFormat).utf8), to: self.output ?? "-")
            }
        } catch {
            throw OutputFlag.fail(error)
        }
    }
}

extension WarehouseFlags {
    init(db: String?) {
        self.init()
        self.db = db
    }
}

extension AggregateOutput.Format: ExpressibleByArgument {}
