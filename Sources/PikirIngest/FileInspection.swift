/// Everything `pikir inspect` shows about one file: what was detected, and
/// where every line went.
public struct FileInspection: Sendable, Codable, Equatable {
    public struct IgnoredEntry: Sendable, Codable, Equatable {
        public var line: Int
        public var reason_code: String
    }
    public struct RejectEntry: Sendable, Codable, Equatable {
        public var line: Int
        public var reason_code: String
        public var reason: String
        public var raw: String
    }
    /// How a column maps onto a canonical field (filled in by the normaliser's caller).
    public struct ColumnMapping: Sendable, Codable, Equatable {
        /// The words that decided a mapping.
        public struct DecidedBy: Sendable, Codable, Equatable {
            /// `header`, `grid_row` (a grid question's row label), `grid_question`
            /// (its question, under a generic label) or `mapping` (the user's file).
            public var part: String
            /// That part as written.
            public var text: String
            /// What matched in it, folded: a heading, or the words of a keyword clue.
            public var words: [String]

            public init(part: String, text: String, words: [String]) {
                self.part = part
                self.text = text
                self.words = words
            }
        }

        public var column: String
        /// The canonical field, or nil: the column is kept as an extra.
        public var field: String?
        /// How it matched: canonical, synonym, keyword or user.
        public var match: String?
        /// The words that decided the match; nil when nothing matched.
        public var decided_by: DecidedBy?
        /// Why the column is an extra when that is not obvious (its field already comes from another column).
        public var note: String?

        public init(column: String, field: String?, match: String?, decided_by: DecidedBy? = nil, note: String? = nil) {
            self.column = column
            self.field = field
            self.match = match
            self.decided_by = decided_by
            self.note = note
        }

        private enum CodingKeys: String, CodingKey { case column, field, match, decided_by, note }

        /// Written by hand so that every entry has the same keys (`null` when absent).
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(column, forKey: .column)
            try c.encode(field, forKey: .field)
            try c.encode(match, forKey: .match)
            try c.encode(decided_by, forKey: .decided_by)
            try c.encode(note, forKey: .note)
        }
    }
    public struct SampleRecord: Sendable, Codable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    public var path: String
    public var encoding: String
    public var encoding_evidence: String
    public var delimiter: String
    public var delimiter_evidence: String
    public var line_ending: String
    public var header_line: Int?
    public var columns: [String]
    public var records: Int
    public var ignored: Int
    public var rejected: Int
    public var physical_lines: Int
    public var bytes: Int
    public var ignored_lines: [IgnoredEntry]
    public var rejects: [RejectEntry]
    public var short_record_lines: [Int]
    public var sample: [SampleRecord]
    /// How many ignored lines and rejects were counted but not listed.
    public var unlisted: Int
    /// One entry per column: the field it fills.
    public var mapping: [ColumnMapping] = []

    private enum CodingKeys: String, CodingKey {
        case path, encoding, encoding_evidence, delimiter, delimiter_evidence, line_ending, header_line, columns,
             records, ignored, rejected, physical_lines, bytes, ignored_lines, rejects, short_record_lines, sample, unlisted,
             mapping
    }

    /// Written by hand so that a file without a header has `"header_line": null`
    /// instead of no key: every object has the same keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(encoding_evidence, forKey: .encoding_evidence)
        try c.encode(delimiter, forKey: .delimiter)
        try c.encode(delimiter_evidence, forKey: .delimiter_evidence)
        try c.encode(line_ending, forKey: .line_ending)
        if let header_line { try c.encode(header_line, forKey: .header_line) } else { try c.encodeNil(forKey: .header_line) }
        try c.encode(columns, forKey: .columns)
        try c.encode(records, forKey: .records)
        try c.encode(ignored, forKey: .ignored)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(physical_lines, forKey: .physical_lines)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(ignored_lines, forKey: .ignored_lines)
        try c.encode(rejects, forKey: .rejects)
        try c.encode(short_record_lines, forKey: .short_record_lines)
        try c.encode(sample, forKey: .sample)
        try c.encode(unlisted, forKey: .unlisted)
        try c.encode(mapping, forKey: .mapping)
    }

    /// Reads the whole file once and keeps the first `sampleSize` records.
    public static func inspect(path: String, options: ReadOptions = ReadOptions(),
                               sampleSize: Int = 5, listLimit: Int = 1000) throws -> FileInspection {
        let reader = try ExportReader(path: path, options: options)
        let collector = Collector(sampleSize: sampleSize, listLimit: listLimit)
        let summary = try reader.read(into: collector)
        let format = reader.format
        return FileInspection(
            path: path, encoding: format.encoding.rawValue, encoding_evidence: format.encodingEvidence,
            delimiter: format.dialect.delimiter == 0x09 ? "\t" : format.dialect.delimiterName,
            delimiter_evidence: format.delimiterEvidence,
            line_ending: format.dialect.lineEnding.rawValue, header_line: format.headerLine, columns: format.columns,
            records: summary.records, ignored: summary.ignored, rejected: summary.rejected,
            physical_lines: summary.physicalLines, bytes: summary.bytes,
            ignored_lines: collector.ignoredLines, rejects: collector.rejects,
            short_record_lines: summary.shortRecordLines, sample: collector.sample, unlisted: collector.unlisted)
    }

    private final class Collector: RecordSink {
        let sampleSize: Int
        let listLimit: Int
        var sample: [SampleRecord] = []
        var ignoredLines: [IgnoredEntry] = []
        var rejects: [RejectEntry] = []
        var unlisted = 0

        init(sampleSize: Int, listLimit: Int) {
            self.sampleSize = sampleSize
            self.listLimit = listLimit
        }

        func header(columns: [String], line: Int?) {}

        func record(_ record: RecordView) {
            if sample.count < sampleSize { sample.append(SampleRecord(line: record.line, fields: record.strings)) }
        }

        func ignored(_ ignored: IgnoredLine) {
            guard ignoredLines.count < listLimit else { unlisted += 1; return }
            ignoredLines.append(IgnoredEntry(line: ignored.line, reason_code: ignored.reason.rawValue))
        }

        func rejected(_ reject: Reject) {
            guard rejects.count < listLimit else { unlisted += 1; return }
            rejects.append(RejectEntry(line: reject.line, reason_code: reject.reason.rawValue, reason: reject.message, raw: reject.raw))
        }
    }
}
