/// Reads one survey export: detects its format, then streams its records.
///
/// `init` looks at the start of the file (encoding, line ending, delimiter,
/// header), `read(into:)` reads the whole file in blocks of
/// `ReadOptions.blockSize`: memory stays flat whatever the file size.
///
/// ```swift
/// let reader = try ExportReader(path: "2023-almaty.csv")
/// print(reader.format.encoding, reader.format.columns)
/// let summary = try reader.read(into: mySink)
/// ```
public final class ExportReader {
    public let path: String
    public let format: FileFormat
    let options: ReadOptions
    let source: ByteSource
    let bomLength: Int

    public init(path: String, options: ReadOptions = ReadOptions()) throws {
        self.path = path
        self.options = options
        source = try ByteSource(path: path)
        guard source.size > 0 else {
            throw IngestError(code: .emptyFile, path: path, message: "the file is empty; export the survey answers again")
        }
        (format, bomLength) = try FormatDetector.detect(source, path: path, options: options)
        // What Excel saves for an empty sheet: a byte order mark and nothing after it.
        guard source.size > bomLength else {
            throw IngestError(code: .emptyFile, path: path,
                              message: "the file is empty (only a byte order mark); nothing to ingest: export the survey answers again")
        }
    }

    /// Reads every record of the file into `sink`, in blocks of `blockSize`
    /// bytes (the options' unless given: what is read never depends on it).
    public func read(into sink: RecordSink, blockSize: Int? = nil) throws -> ReadSummary {
        let classifier = RecordClassifier(format: format, sink: sink)
        let assembler = try RecordAssembler(delimiter: format.dialect.delimiter, handler: classifier, maxRecordBytes: options.maxRecordBytes)
        let blocks = BlockProducer(source: source, encoding: format.encoding, start: bomLength, blockSize: blockSize ?? options.blockSize)
        sink.header(columns: format.columns, line: format.headerLine)
        while let block = try blocks.next() {
            try assembler.feed(block.text, issues: block.issues)
        }
        try assembler.finish()
        var summary = classifier.summary
        summary.physicalLines = assembler.physicalLines
        summary.bytes = source.size
        return summary
    }
}
