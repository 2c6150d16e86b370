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

    @OptionGroup var warehouse: WarehouseFlags

    @Option(help: "Output format.")
    var format: ResponseExport.Format = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (written whole, then moved into place; - is standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try warehouse.open(mustExist: true)
        do {
            try ResponseExport.write(store, as: format, to: output ?? "-")
        } catch {
            throw OutputFlag.fail(error)
        }
    }
}

extension ResponseExport.Format: ExpressibleByArgument {}
