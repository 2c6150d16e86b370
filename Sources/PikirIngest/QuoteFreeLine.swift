#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Splits the start of a physical line, up to its first quote character,
/// into fields exactly as libcsv would, a field at a time instead of a byte
/// at a time.
///
/// libcsv's state machine costs about 6 ns per byte: 1.7 s of CPU for a
/// million survey rows, the largest single cost of reading. Without a quote
/// its grammar is simple: fields are the text between delimiters, with
/// spaces and tabs trimmed from both ends, and a line holding nothing but
/// spaces and tabs is no record at all. From the field holding the first
/// quote on, libcsv reads the line, resumed in the state it would have
/// reached itself (a field not begun). Lines with a carriage return or line
/// feed before their terminator (which libcsv reads as several records) are
/// all libcsv's. `QuoteFreeLineTests` checks both ways agree on generated lines.
///
/// - Complexity: O(n) in the line's length, with `memchr` finding quotes,
///   stray terminators and delimiters.
enum QuoteFreeLine {
    /// Reads one physical line that starts a record (libcsv is between
    /// records): the fields before the first quote here, the rest by libcsv.
    ///
    /// - Parameter line: One physical line with its terminator (LF, CR LF, or CR
    ///   when `terminator` is CR).
    static func read(_ line: UnsafeRawPointer, count: Int, terminator: UInt8, parser: CSVParser) throws -> CSVParser.Outcome {
        switch split(line, count: count, delimiter: parser.delimiter, terminator: terminator, into: parser.collector) {
        case .whole:
            return .consumed
        case .fieldsBefore(let offset):
            parser.resumeAtField()
            return try parser.parse(line + offset, count: count - offset)
        case .none:
            return try parser.parse(line, count: count)
        }
    }

    enum Split: Equatable {
        /// The line was read: its record is in the collector (or it was blank).
        case whole
        /// The fields before this offset are in the collector; a quote follows.
        case fieldsBefore(Int)
        /// Nothing was read.
        case none
    }

    /// Appends the fields of the line that come before any quote to
    /// `collector`, and the record when no quote follows.
    static func split(_ line: UnsafeRawPointer, count: Int, delimiter: UInt8, terminator: UInt8,
                      into collector: FieldCollector) -> Split {
        guard count > 0, line.load(fromByteOffset: count - 1, as: UInt8.self) == terminator else { return .none }
        var end = count - 1
        if terminator == 0x0A, end > 0, line.load(fromByteOffset: end - 1, as: UInt8.self) == 0x0D { end -= 1 }
        if end > 0, memchr(line, 0x0D, end) != nil || memchr(line, 0x0A, end) != nil { return .none }
        let quote = end > 0 ? memchr(line, 0x22, end).map { UnsafeRawPointer($0) - line } : nil
        // No delimiter and nothing but blanks: libcsv never leaves its
        // "row not begun" state, so there is no record.
        var start = 0
        while start < end, isBlank(line.load(fromByteOffset: start, as: UInt8.self), delimiter) { start += 1 }
        if start == end { return .whole }
        var fieldStart = 0
        while true {
            let rest = end - fieldStart
            let found = rest > 0 ? memchr(line + fieldStart, Int32(delimiter), rest) : nil
            let fieldEnd = found.map { UnsafeRawPointer($0) - line } ?? end
            if let quote, quote < fieldEnd {
                // The field holding the quote, and all after it, are libcsv's.
                return fieldStart == 0 ? .none : .fieldsBefore(fieldStart)
            }
            var a = fieldStart, b = fieldEnd
            while a < b, isBlank(line.load(fromByteOffset: a, as: UInt8.self), delimiter) { a += 1 }
            while b > a, isBlank(line.load(fromByteOffset: b - 1, as: UInt8.self), delimiter) { b -= 1 }
            collector.appendField(copying: line + a, b - a)
            guard found != nil else { break }
            fieldStart = fieldEnd + 1
        }
        collector.endRecord()
        return .whole
    }

    /// Space or tab, unless it is the delimiter: what libcsv trims.
    @inline(__always)
    private static func isBlank(_ c: UInt8, _ delimiter: UInt8) -> Bool {
        (c == 0x20 || c == 0x09) && c != delimiter
    }
}
