import ArgumentParser
import Foundation
import PikirAggregate
import PikirReport
import PikirModel
import PikirStats

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the trainer ratings, the yearly summary or a session report as text, HTML or PDF.",
        discussion: """
            trainers: one section per trainer for a region and period, and a ranking by the adjusted (shrunken) score. \
            yearly: every region for --year, with the change against the previous year, breakdowns and data quality; \
            small cells suppressed, comments left out unless --comments. session: one --session against its trainer's \
            and region's averages.
            The language is --lang, else $PIKIR_LANG, else the locale, else kk. The same warehouse and flags give the \
            same bytes: no clock time is written unless --generated-at is given. --format pdf prints the HTML with a \
            headless Chromium.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case trainers, yearly, session }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, pdf }

    @Argument(help: "trainers, yearly or session.")
    var kind: Kind

    @Option(help: ArgumentHelp("The warehouse (default: $PIKIR_DB, else ./pikir.sqlite).", valueName: "path"))
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

    @Option(help: ArgumentHelp("Language.", valueName: "kk|ru|en"))
    var lang: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("min-n"), parsing: .unconditional, help: "Trainers with fewer answers are not ranked; yearly cells with fewer are suppressed.")
    var minN: Int = 5

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
        if kind == .yearly && year == nil { throw ValidationError("the yearly report needs --year, e.g. --year 2024") }
        if kind == .session && session == nil { throw ValidationError("the session report needs --session ID (see pikir agg --by session)") }
        if format == .pdf && output == nil { throw ValidationError("--format pdf needs -o FILE") }
        if let year, !(1...9999).contains(year) { throw ValidationError("--year must be a year such as 2024 (got \(year))") }
        try FlagValue.check("--min-n", minN, atLeast: 1)
        try FlagValue.check("--k", shrinkage, atLeast: 0)
        if Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) == nil {
            let valid = Language.allCases.map(\.rawValue).joined(separator: ", ")
            if let lang { throw ValidationError("unknown language '\(lang)' in --lang; valid: \(valid)") }
            let setting = ProcessInfo.processInfo.environment["PIKIR_LANG"] ?? ""
            throw ValidationError("unknown language '\(setting)' in PIKIR_LANG; valid: \(valid) (or unset it)")
        }
        for (flag, value) in [("--from", from), ("--to", to)] where value != nil {
            guard ReportDates.iso(value!) != nil else { throw ValidationError("\(flag) '\(value!)' is not a date; write it as yyyy-mm-dd") }
        }
    }

    func run() throws {
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)!
        let catalogue = Catalogue.load(language)
        let warehouse = try WarehouseFlags(db: db).open(mustExist: true)
        let scope = ReportScope(year: year, from: from.flatMap(ReportDates.iso), to: to.flatMap(ReportDates.iso),
                                region: region.map { Dimension.region.canonical($0) }, session: session, minN: minN,
                                shrinkageK: shrinkage, includeComments: comments ?? (kind != .yearly))
        let version = PikirVersion.current
        let document: Document
        switch kind {
        case .trainers:
            document = try TrainerReport.build(warehouse, scope: scope).document(catalogue, generatedAt: generatedAt, version: version)
        case .yearly:
            document = try YearlyReport.build(warehouse, scope: scope).document(catalogue, generatedAt: generatedAt, version: version)
        case .session:
            guard let report = try SessionReport.build(warehouse, scope: scope) else {
                let list = Shell.command(["pikir", "agg", "--by", "session"] + (db.map { ["--db", $0] } ?? []))
                FileHandle.standardError.write(Data("pikir: no responses for session '\(session!)' in \(warehouse.name); list the sessions with: \(list)\n".utf8))
                throw ExitCode(65)
            }
            document = report.document(catalogue, generatedAt: generatedAt, version: version)
        }
        switch format {
        case .text:
            let colour = (output ?? "-") == "-" && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            try write(TextRenderer(colour: colour).render(document))
        case .html:
            try write(try renderHTML(document))
        case .pdf:
            do {
                try PDFPrinter.print(html: try renderHTML(document), to: output!)
            } catch let error as PDFPrinter.Failure {
                FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
                throw ExitCode(error.exitCode)
            } catch let error as OutputError {
                throw OutputFlag.fail(error)
            }
        }
    }

    private func renderHTML(_ document: Document) throws -> String {
        do {
            return try HTMLRenderer(overrides: templates).render(document)
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
            throw ExitCode(66)
        }
    }

    private func write(_ text: String) throws {
        do {
            try OutputFile.write(Data(text.utf8), to: output ?? "-")
        } catch {
            throw OutputFlag.fail(error)
        }
    }
}

enum ReportDates {
    /// A date the user typed, as ISO `yyyy-mm-dd`.
    static func iso(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}

