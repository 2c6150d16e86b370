/// How records are written in a file: delimiter and line terminator.
public struct Dialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var lineEnding: LineEnding

    public init(delimiter: UInt8, lineEnding: LineEnding) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    /// The delimiters looked for, in order of preference when the data cannot tell.
    public static let candidateDelimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

    /// The delimiter as printed: `,` `;` `|` or `\t`.
    public var delimiterName: String { Dialect.name(of: delimiter) }

    public static func name(of delimiter: UInt8) -> String {
        delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter))
    }

    /// Parses `--delimiter`: one ASCII character, or `tab`, `\t`, `comma`, `semicolon`, `pipe`.
    public static func parseDelimiter(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t", "tsv": return 0x09
        case "comma": return 0x2C
        case "semicolon": return 0x3B
        case "pipe": return 0x7C
        default:
            guard text.utf8.count == 1, let b = text.utf8.first, b != 0x22, b != 0x0A, b != 0x0D else { return nil }
            return b
        }
    }
}

/// The line terminator a file uses, as reported. Whatever it is, a physical
/// line ends at LF, CR LF or a lone CR (see `LineEnds`), as a record does.
public enum LineEnding: String, Sendable, CaseIterable, Codable {
    case crlf, lf, cr
}
