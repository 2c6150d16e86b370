/// The first records of a file, as strings, for sniffing the dialect and header.
final class SampleRecords: AssemblerHandler {
    struct Record {
        var line: Int
        var fields: [String]
        var nonBlank: Int { fields.reduce(0) { $0 + ($1.allSatisfy { $0 == " " || $0 == "\t" } ? 0 : 1) } }
    }

    let limit: Int
    private(set) var records: [Record] = []
    private(set) var rejects = 0

    init(limit: Int) { self.limit = limit }

    func record(_ view: RecordView, raw: RawText, issue: DecodeIssue?) {
        if records.count < limit { records.append(Record(line: view.line, fields: view.strings)) }
    }
    func blankLine(_ line: Int) {}
    func reject(_ reject: Reject) { rejects += 1 }

    /// Parses `text` (UTF-8, cut at a line end) with the given dialect.
    static func parse(_ text: UnsafeRawBufferPointer, dialect: Dialect, limit: Int) throws -> SampleRecords {
        let sample = SampleRecords(limit: limit)
        let assembler = try RecordAssembler(delimiter: dialect.delimiter, handler: sample, maxRecordBytes: 64 * 1024)
        try assembler.feed(text, issues: [])
        try assembler.finish()
        return sample
    }
}
