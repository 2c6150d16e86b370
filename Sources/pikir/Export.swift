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
            Its header uses the canonical field names, so the file reads back into pikir.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var warehouse: WarehouseFlags

    @Option(help: "Output format.")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (written whole, then moved into place; - is standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try warehouse.open(mustExist: true)
        do {
            // Opened first, so an unwritable -o fails before the export is read.
            let file = try OutputFile(output ?? "-")
            defer { file.discard() }
            var failure: OutputError?
            try store.writeExport(format == .csv ? .csv : .json) { text in
                guard failure == nil else { return }
                do throws(OutputError) { try file.write(text) } catch { failure = error }
            }
            if let failure { throw failure }
            try file.commit()
        } catch {
            throw OutputFlag.fail(error)
        }
    }
}
