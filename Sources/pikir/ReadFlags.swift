import ArgumentParser
import PikirIngest

/// Overrides for what the reader detects, shared by every command that reads exports.
struct ReadFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Encoding instead of detecting it.", valueName: "utf-8|utf-8-bom|utf-16le|utf-16be|cp1251|kz1048"))
    var encoding: String?

    @Option(help: ArgumentHelp("Delimiter instead of detecting it: , ; | or tab.", valueName: "char"))
    var delimiter: String?

    @Option(name: .customLong("line-ending"), help: ArgumentHelp("Line ending to report instead of the detected one (lines end at LF, CR LF or a lone CR in every file).", valueName: "lf|crlf|cr"))
    var lineEnding: String?

    @Option(name: .customLong("header-line"), parsing: .unconditional, help: ArgumentHelp("Line number of the header (0: the file has no header).", valueName: "n"))
    var headerLine: Int?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use one of: \(TextEncoding.names)")
        }
        if let delimiter, Dialect.parseDelimiter(delimiter) == nil {
            throw ValidationError("--delimiter takes one character such as , ; | or the word tab, not '\(delimiter)'")
        }
        if let lineEnding, LineEnding(rawValue: lineEnding.lowercased()) == nil {
            throw ValidationError("unknown line ending '\(lineEnding)'; use one of: lf, crlf, cr")
        }
        if let headerLine, headerLine < 0 {
            throw ValidationError("--header-line must be 0 (no header) or a line number (got \(headerLine))")
        }
    }

    var options: ReadOptions {
        ReadOptions(
            encoding: encoding.flatMap(TextEncoding.init(name:)),
            delimiter: delimiter.flatMap(Dialect.parseDelimiter),
            lineEnding: lineEnding.flatMap { LineEnding(rawValue: $0.lowercased()) },
            headerLine: headerLine)
    }
}
