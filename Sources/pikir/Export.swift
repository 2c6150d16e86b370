import ArgumentParser
import Foundation
import PikirStore

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

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try warehouse.open(mustExist: true)
        let sink = try OutputSink(path: output)
        try store.writeExport(format == .csv ? .csv : .json, sink.write)
        try sink.close()
    }
}

/// Buffered output to a file (written atomically) or standard output.
final class OutputSink {
    private let path: String?
    private var buffer = Data()
    private let handle: FileHandle

    init(path: String?) throws {
        self.path = path
        handle = .standardOutput
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if path == nil && buffer.count > 1 << 16 {
            handle.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func close() throws {
        if let path {
            try buffer.write(to: URL(fileURLWithPath: path), options: .atomic)
        } else {
            handle.write(buffer)
        }
    }
}
