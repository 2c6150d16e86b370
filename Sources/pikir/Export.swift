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

    /// Columns written as JSON numbers (scores, line, year, month).
    static let numeric: Set<String> = ["source_line", "year", "month", "overall", "delivery", "content", "organisation", "applicability", "nps"]

    func run() throws {
        let store = try warehouse.open(mustExist: true)
        let sink = try OutputSink(path: output)
        let columns = Warehouse.exportColumns
        switch format {
        case .csv:
            sink.write("\u{FEFF}" + CSVText.line(columns) + "\r\n")
            try store.forEachResponse { values in sink.write(CSVText.line(values) + "\r\n") }
        case .json:
            sink.write("[")
            var first = true
            try store.forEachResponse { values in
                var object: [String: Any] = [:]
                for (key, value) in zip(columns, values) {
                    guard let value else { object[key] = NSNull(); continue }
                    if Self.numeric.contains(key), let number = Double(value) {
                        object[key] = number == number.rounded() ? Int(number) as Any : number
                    } else if key == "extras", let data = value.data(using: .utf8),
                              let extras = try? JSONSerialization.jsonObject(with: data) {
                        object[key] = extras
                    } else {
                        object[key] = value
                    }
                }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                sink.write((first ? "\n" : ",\n") + String(decoding: data, as: UTF8.self))
                first = false
            }
            sink.write("\n]\n")
        }
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
