/// Overrides for each thing the reader otherwise detects.
public struct ReadOptions: Sendable {
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    public var lineEnding: LineEnding?
    /// 1-based line of the header; 0 means the file has no header.
    public var headerLine: Int?
    /// Bytes read per block.
    public var blockSize: Int = 1 << 20
    /// A quoted field still open after this many bytes is taken as unterminated.
    public var maxRecordBytes: Int = 1 << 20
    /// How much of the file detection looks at.
    public var sniffBytes: Int = 256 * 1024

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil, lineEnding: LineEnding? = nil, headerLine: Int? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.headerLine = headerLine
    }
}

/// What the reader detected (or was told) about a file.
public struct FileFormat: Sendable, Equatable {
    public var encoding: TextEncoding
    public var encodingEvidence: String
    public var dialect: Dialect
    public var delimiterEvidence: String
    /// Line 1 is Excel's `sep=` directive.
    public var hasSepDirective: Bool
    /// 1-based line of the header, nil when the file has none.
    public var headerLine: Int?
    /// Header cells, trimmed, trailing empty columns dropped
    /// (`column1`, `column2` … for a file without a header).
    public var columns: [String]
}

/// The counts of one read; with the sink's calls they account for every line.
public struct ReadSummary: Sendable, Equatable {
    public var records = 0
    public var ignored = 0
    public var rejected = 0
    public var physicalLines = 0
    public var bytes = 0
    /// Lines of records with fewer fields than the header (kept: the missing cells are missing).
    public var shortRecordLines: [Int] = []
}
