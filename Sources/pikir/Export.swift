import ArgumentParser
import Foundation
import PikirReport
import PikirModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the normalised (redacted) responses as CSV for Excel or as JSON.",
        discussion: """
            CSV starts with a UTF-8 byte order mark so Excel reads Kazakh and Russian correctly, and any cell \
            that starts with =, +, -, @, TAB or CR gets a leading apostrophe so it can never run as a formula. \
            Its header uses the canonical field names, so the file reads back into pikir. \
            --format xlsx (or -o FILE.xlsx) writes an Excel workbook with the same columns: scores as numbers, \
            the session date as a date, text as text (never a formula); past 1,048,575 responses they continue \
            on a second sheet, "Responses 2".
            """)

    @OptionGroup var warehouse: WarehouseFlags

    @Option(help: "Output format (default: xlsx when -o ends in .xlsx, else csv).")
    var format: ResponseExport.Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (written whole, then moved into place; - is standard output).", valueName: "file"))
    var output: String?

    var resolvedFormat: ResponseExport.Format {
        format ?? (output.map { ($0 as NSString).pathExtension.lowercased() == "xlsx" } == true ? .xlsx : .csv)
    }

    func validate() throws {
        if resolvedFormat == .xlsx, (output ?? "-") == "-" {
            throw ValidationError("--format xlsx writes a workbook, which cannot go to standard output: give -o FILE.xlsx")
        }
    }

    func run() throws {
        let store = try warehouse.open(mustExist: true)
        do {
            try ResponseExport.write(store, as: resolvedFormat, to: output ?? "-")
        } catch {
            throw OutputFlag.fail(error)
        }
    }
}

extension ResponseExport.Format: ExpressibleByArgument {}
