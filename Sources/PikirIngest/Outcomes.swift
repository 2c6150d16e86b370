/// Why a physical line produced no record: it is not a response, and is
/// counted, never silently dropped.
public enum IgnoreReason: String, Sendable, Codable, CaseIterable {
    /// An empty line (or one holding only spaces).
    case blankLine = "blank_line"
    /// Text above the header, like "Отчёт по тренингу …".
    case titleLine = "title_line"
    /// Excel's `sep=;` first line naming the delimiter.
    case sepDirective = "sep_directive"
    /// A totals row (`Итого`, `Барлығы`, `Total` …) under the data.
    case totalsRow = "totals_row"
    /// The header again, as when exports are pasted one under another.
    case repeatedHeader = "repeated_header"
    /// A record whose fields are all empty (`;;;;`).
    case emptyRecord = "empty_record"
}

/// A physical line (or a record starting on it) that was not a response.
public struct IgnoredLine: Sendable, Equatable, Codable {
    public var line: Int
    public var reason: IgnoreReason
    /// Physical lines it covers: more than one when a quoted field in a
    /// title line, totals row or repeated header holds a line break.
    public var lines: Int
    public init(line: Int, reason: IgnoreReason, lines: Int = 1) {
        self.line = line
        self.reason = reason
        self.lines = lines
    }
}

/// Why the reader could not use a record.
public enum RejectReason: String, Sendable, Codable, CaseIterable {
    /// A quoted field is never closed (it ran to the end of the file or past
    /// the record size limit); only its first line is rejected.
    case unterminatedQuote = "unterminated_quote"
    /// Text follows a closing quote (`"abc"def`).
    case malformedQuote = "malformed_quote"
    /// More non-empty fields than the header has columns: usually a text
    /// answer holding the delimiter without quotes.
    case tooManyFields = "too_many_fields"
    /// Bytes that are not valid in the file's encoding.
    case invalidEncoding = "invalid_encoding"
}

/// A record the reader could not use, with everything needed to find and fix it.
public struct Reject: Sendable, Equatable, Codable {
    /// Physical line where the record starts.
    public var line: Int
    public var reason: RejectReason
    /// A sentence for the user: what is wrong and what to do.
    public var message: String
    /// The record's text as it stands in the file (decoded, line ends kept).
    public var raw: String

    public init(line: Int, reason: RejectReason, message: String, raw: String) {
        self.line = line
        self.reason = reason
        self.message = message
        self.raw = raw
    }
}
