import ArgumentParser
import Foundation
import PikirAggregate
import PikirNormalise
import PikirReport
import PikirModel
import PikirStats

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the trainer ratings, the yearly summary or a session report as text, HTML or PDF.",
        discussion: """
            trainers: the trainers above, in line with and below the centre's average (from the intervals of their adjusted, \
            shrunken scores), those with too few answers in one line each, and a section per compared trainer; \
            --trainer ID draws one trainer's page alone, to hand to them. \
            yearly: every region for --year, with the change against the previous year, breakdowns and data quality; \
            small cells suppressed, comments left out unless --comments. session: one --session against its trainer's \
            and region's averages.
            The language is --lang, else $PIKIR_LANG, else the locale, else kk. The same warehouse and flags give the \
            same bytes: no clock time is written unless --generated-at is given. --format pdf prints the HTML with a \
            headless Chromium; --format xlsx writes a workbook: a cover sheet, a sheet per table with its numbers as \
            numbers, and a methods sheet.
            """)

    @Argument(help: "trainers, yearly or session.")
    var kind: ReportKind

    @Option(help: ArgumentHelp("The warehouse: a SQLite file, or postgresql://user@host/dbname (default: $PIKIR_DB, else ./pikir.sqlite).", valueName: "address"))
    var db: String?

    @Option(parsing: .unconditional, help: "Year of the sessions (required for yearly).")
    var year: Int?

    @Option(help: ArgumentHelp("First session day.", valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("Last session day.", valueName: "yyyy-mm-dd"))
    var to: String?

    @Option(help: ArgumentHelp("Region: ISO code (KZ-75) or a place name (Алматы, Karaganda).", valueName: "code"))
    var region: String?

    @Option(help: "Session id (required for session).")
    var session: String?

    @Option(help: ArgumentHelp("trainers: one trainer's page alone (registry id, or their name as the registry writes it).", valueName: "id"))
    var trainer: String?

    @Option(help: ArgumentHelp("Language.", valueName: "kk|ru|en"))
    var lang: String?

    @Option(help: "Output format (default: from -o's extension, .html, .htm, .txt, .pdf or .xlsx; text for standard output).")
    var format: ReportFormat?

    @Option(name: .customLong("min-n"), parsing: .unconditional, help: "Trainers with fewer answers are not ranked; yearly cells with fewer are suppressed.")
    var minN: Int = SmallCellSuppression.defaultThreshold

    @Option(name: .customLong("k"), parsing: .unconditional, help: "Shrinkage strength: answers' worth of the overall mean added to each trainer.")
    var shrinkage: Double = Shrinkage.defaultK

    @Flag(inversion: .prefixedNo, help: "Free-text comments (default: on, off for yearly).")
    var comments: Bool?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (written whole, then moved into place; - is standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("A folder of .mustache templates replacing the built-in ones (page, section, block, style).", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("generated-at"), help: "Text to print as the report's date (none by default, so reports diff cleanly).")
    var generatedAt: String?

    func validate() throws {
        if let field = kind.missing(year: year, session: session).first {
            throw ValidationError("the \(kind) report needs \(field.flagHint)")
        }
        if trainer != nil && !kind.takesTrainer {
            throw ValidationError("--trainer is for the trainers report (a one-trainer page), not \(kind)")
        }
        if try resolvedFormat() == .pdf && output == nil { throw ValidationError("--format pdf needs -o FILE") }
        // A workbook is a zip file: nothing a terminal or a pipe reader can show.
        if try resolvedFormat() == .xlsx && (output ?? "-") == "-" { throw ValidationError("--format xlsx needs -o FILE.xlsx") }
        if let year, !(1...9999).contains(year) { throw ValidationError("--year must be a year such as 2024 (got \(year))") }
        try FlagValue.check("--min-n", minN, atLeast: 1)
        try FlagValue.check("--k", shrinkage, atLeast: 0)
        if Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) == nil {
            let valid = Language.allCases.map(\.rawValue).joined(separator: ", ")
            if let lang { throw ValidationError("unknown language '\(lang)' in --lang; valid: \(valid)") }
            let setting = ProcessInfo.processInfo.environment["PIKIR_LANG"] ?? ""
            throw ValidationError("unknown language '\(setting)' in PIKIR_LANG; valid: \(valid) (or unset it)")
        }
        _ = try days()
    }

    /// `--format`, else the one `-o`'s extension names, else text (standard output).
    private func resolvedFormat() throws -> ReportFormat {
        if let format { return format }
        guard let output, output != "-" else { return .text }
        let name = URL(fileURLWithPath: output).lastPathComponent
        let dot = name.lastIndex(of: ".").map { name.index(after: $0) }
        let ext = dot.map { String(name[$0...]).lowercased() } ?? ""
        if let format = ReportFormat.byExtension[ext] { return format }
        // A device or pipe (/dev/stdout, a FIFO) names no format: it gets what standard output gets.
        if ext.isEmpty, output.hasPrefix("/dev/") || Self.isSpecialFile(output) { return .text }
        let known = ReportFormat.byExtension.keys.sorted().map { "." + $0 }.joined(separator: ", ")
        let named = ext.isEmpty ? "'\(output)' has no extension" : "unknown extension '.\(ext)' in -o \(output)"
        throw ValidationError("\(named): use \(known), or give --format (\(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    private static func isSpecialFile(_ path: String) -> Bool {
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else { return false }
        return type != .typeRegular && type != .typeDirectory
    }

    /// `--from` and `--to` as ISO days, read as `pikir agg` reads them.
    private func days() throws -> (from: String?, to: String?) {
        func day(_ flag: String, _ value: String?) throws -> String? {
            guard let value else { return nil }
            switch Dates.day(value, forms: .typed) {
            case .success(let day): return day
            case .failure(let refusal): throw ValidationError("\(flag) \(refusal.message)")
            }
        }
        return (try day("--from", from), try day("--to", to))
    }

    func run() throws {
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)!
        let warehouse = try WarehouseFlags(db: db).open(mustExist: true)
        let (from, to) = try days()
        let scope = kind.scope(year: year, from: from, to: to, region: region.map { Dimension.region.canonical($0) }, session: session,
                               trainer: trainer, minN: minN, shrinkageK: shrinkage, comments: comments)
        let format = try resolvedFormat()
        let report: any ReportModel
        do {
            report = try kind.build(warehouse, scope: scope)
        } catch let empty as NoResponses {
            var line = "pikir: \(empty.message)"
            if empty.session != nil {
                line += " in \(warehouse.name); list the sessions with: " + Shell.command(["pikir", "agg", "--by", "session"] + (db.map { ["--db", $0] } ?? []))
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            throw ExitCode(65)
        } catch let unknown as UnknownTrainer {
            FileHandle.standardError.write(Data("pikir: --trainer: \(unknown.message)\n".utf8))
            throw ExitCode(64)
        }
        let document = report.document(Catalogue.load(language), generatedAt: generatedAt, version: PikirVersion.current)
        let colour = format == .text && (output ?? "-") == "-" && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        do {
            try ReportWriter(templates: templates, colour: colour, workbook: WorkbookWriter.opener(generatedAt: generatedAt))
                .write(document, as: format, to: output ?? "-")
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
            throw ExitCode(66)
        } catch let error as PDFPrinter.Failure {
            FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
            throw ExitCode(error.exitCode)
        } catch {
            throw OutputFlag.fail(error)
        }
    }
}

extension ReportKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = ReportKind.named(argument) else { return nil }
        self = kind
    }

    public static var allValueStrings: [String] { names }
}

extension ReportFormat: ExpressibleByArgument {
    /// The format an output file's extension (lower case, no dot) names.
    static let byExtension: [String: ReportFormat] = ["html": .html, "htm": .html, "txt": .text, "pdf": .pdf, "xlsx": .xlsx]
}
