#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads records one physical line at a time (see `LineEnds`).
///
/// The grammar is libcsv's in strict mode, with one rule of Excel's:
/// - fields are separated by the delimiter; spaces and tabs around an
///   unquoted field are trimmed; a line of nothing but spaces and tabs is no record;
/// - a field that begins (after blanks) with a quote runs to its closing
///   quote; `""` inside it is one quote, line breaks inside it are its own;
/// - anything but blanks between a closing quote and the next delimiter or
///   line end is a malformed quote: the record is rejected;
/// - a quote inside an unquoted field (`5" screen`, common in hand-typed
///   exports) is a literal character, as Excel reads it (strict libcsv stops there).
///
/// Unquoted fields are split here, a field at a time (`memchr` finds the
/// delimiters): libcsv's state machine costs about 6 ns a byte, and most
/// lines hold no quoted field, or only quoted fields with no line break
/// inside, which are split here too (their text is the bytes between the
/// quotes, each `""` one quote; on the 1M-row benchmark file, whose every
/// comment is quoted, libcsv was a seventh of `agg --csv`'s time). From any
/// other field that begins with a quote (one running over the line's end, or
/// with text after its closing quote), libcsv
/// reads the line, started in its initial state at that quote (where a field
/// not begun and a record not begun read a quote alike). When it stops at a
/// quote inside an unquoted field, that field began right after the last
/// delimiter it read (an unquoted field holds none): its partial record is
/// dropped, and the field and those after it are read here again, libcsv
/// restarting at the next field that begins with a quote.
/// `LineReaderTests` checks the result against libcsv on generated text.
///
/// - Complexity: O(n) in the line's length.
final class LineReader {
    enum Outcome: Equatable {
        case consumed
        /// Text after a closing quote (`"abc"def`), at this offset in the line.
        case malformedQuote(at: Int)
    }

    let delimiter: UInt8
    let collector: FieldCollector
    private let parser: CSVParser
    /// libcsv is inside a quoted field: the record goes on on the next line.
    private(set) var isInsideQuotedField = false

    private static let quote: UInt8 = 0x22

    init(delimiter: UInt8, collector: FieldCollector) throws {
        self.delimiter = delimiter
        self.collector = collector
        parser = try CSVParser(delimiter: delimiter, collector: collector)
    }

    /// Reads one physical line: with its terminator (LF, CR LF or CR), or
    /// without one when it is the last line of the input. Completed records
    /// reach the collector; a record still open at the end of the line (a
    /// quoted field going on) is continued by the next call.
    func read(_ line: UnsafeRawBufferPointer) throws -> Outcome {
        guard let base = line.baseAddress, line.count > 0 else { return .consumed }
        let end = LineEnds.contentLength(line)
        if isInsideQuotedField { return try read(base, line.count, end: end, libcsvFrom: 0) }
        var start = 0
        while start < end, isBlank(base.load(fromByteOffset: start, as: UInt8.self)) { start += 1 }
        // Nothing but blanks: libcsv never leaves "no record begun", so no record.
        if start == end { return .consumed }
        return try read(base, line.count, end: end, libcsvFrom: nil)
    }

    /// Drops the partial record, as after a reject.
    func reset() {
        parser.discard()
        isInsideQuotedField = false
    }

    /// Reads `line[..<count]` (its text ends at `end`, its terminator
    /// follows) from a field start, or hands it to libcsv at `libcsvFrom`.
    ///
    /// Every offset stays inside `0..<count`: fields are searched for
    /// between their start and `end`, and libcsv is given `count - from` bytes.
    private func read(_ line: UnsafeRawPointer, _ count: Int, end: Int, libcsvFrom: Int?) throws -> Outcome {
        var fieldStart = 0
        var libcsvStart = libcsvFrom
        while true {
            if let from = libcsvStart {
                let recordsBefore = collector.recordCount
                let read = try parser.parse(line + from, count: count - from)
                if from + read == count {
                    // A last line without terminator ends as a terminator (or
                    // `csv_fini`) would end it: the record is complete unless a
                    // quoted field is still open.
                    if end == count { _ = try Self.lineFeed.withUnsafeBytes { try parser.parse($0.baseAddress!, count: 1) } }
                    // A record ends only at the terminator, where libcsv is
                    // either between records or inside a quoted field.
                    isInsideQuotedField = collector.recordCount == recordsBefore
                    return .consumed
                }
                let stop = from + read
                parser.discard()
                isInsideQuotedField = false
                guard isQuoteInUnquotedField(line, at: stop, after: from),
                      let separator = lastDelimiter(line, from: from, before: stop) else {
                    return .malformedQuote(at: stop)
                }
                fieldStart = separator + 1
                libcsvStart = nil
            }
            // One unquoted field, or the start of a quoted one.
            var a = fieldStart
            while a < end, isBlank(line.load(fromByteOffset: a, as: UInt8.self)) { a += 1 }
            if a < end && line.load(fromByteOffset: a, as: UInt8.self) == Self.quote {
                // A quoted field that ends on this line, every quote inside it
                // doubled, closed right before a delimiter or the line's end
                // (most quoted answers): its text is the bytes between the
                // quotes, each `""` one quote, as libcsv would give it.
                if let (close, escapes) = quotedFieldEnd(line, from: a, end: end) {
                    if escapes {
                        collector.appendQuotedField(line, from: a + 1, to: close)
                    } else {
                        collector.appendField(line, count: count, from: a + 1, to: close)
                    }
                    guard close + 1 < end else { break }
                    fieldStart = close + 2
                    continue
                }
                libcsvStart = a
                continue
            }
            let found = a < end ? memchr(line + a, Int32(delimiter), end - a) : nil
            let fieldEnd = found.map { UnsafeRawPointer($0) - line } ?? end
            var b = fieldEnd
            while b > a, isBlank(line.load(fromByteOffset: b - 1, as: UInt8.self)) { b -= 1 }
            collector.appendField(line, count: count, from: a, to: b)
            guard found != nil else { break }
            fieldStart = fieldEnd + 1
        }
        collector.endRecord()
        isInsideQuotedField = false
        return .consumed
    }

    /// The offset of the closing quote of the field that opens with the
    /// quote at `open`, and whether the field holds a doubled quote, when
    /// libcsv needs not read it: the field ends on this line (no line break
    /// inside), every other quote in it is doubled, and its closing quote is
    /// followed by the delimiter or by the line's end. nil otherwise: libcsv
    /// reads the field, and says what anything else means.
    ///
    /// `memchr` searches `line[k..<end]` only, and a byte after a quote is
    /// read only when it is before `end`: every read is inside the line.
    @inline(__always)
    private func quotedFieldEnd(_ line: UnsafeRawPointer, from open: Int, end: Int) -> (close: Int, escapes: Bool)? {
        var k = open + 1
        var escapes = false
        while k < end, let found = memchr(line + k, Int32(Self.quote), end - k) {
            let quote = UnsafeRawPointer(found) - line
            if quote + 1 == end { return (quote, escapes) }
            let next = line.load(fromByteOffset: quote + 1, as: UInt8.self)
            if next == delimiter { return (quote, escapes) }
            guard next == Self.quote else { return nil }
            escapes = true
            k = quote + 2
        }
        return nil
    }

    /// Whether libcsv stopped at a quote inside an unquoted field, rather
    /// than after a closing quote. In both cases the byte is a quote after
    /// blanks; the byte before the blanks is the closing quote in the second,
    /// the field's own last character in the first. Both are on this line
    /// (after `from`, where libcsv began): a line end inside an unquoted
    /// field, or after a closing quote, would have ended the field.
    private func isQuoteInUnquotedField(_ line: UnsafeRawPointer, at stop: Int, after from: Int) -> Bool {
        guard line.load(fromByteOffset: stop, as: UInt8.self) == Self.quote else { return false }
        var k = stop
        while k > from, isBlank(line.load(fromByteOffset: k - 1, as: UInt8.self)) { k -= 1 }
        return k > from && line.load(fromByteOffset: k - 1, as: UInt8.self) != Self.quote
    }

    /// The offset of the last delimiter in `line[from..<stop]`.
    private func lastDelimiter(_ line: UnsafeRawPointer, from: Int, before stop: Int) -> Int? {
        var k = stop
        while k > from {
            k -= 1
            if line.load(fromByteOffset: k, as: UInt8.self) == delimiter { return k }
        }
        return nil
    }

    /// Space or tab, unless it is the delimiter: what libcsv trims.
    @inline(__always)
    private func isBlank(_ c: UInt8) -> Bool {
        (c == 0x20 || c == 0x09) && c != delimiter
    }

    private static let lineFeed: [UInt8] = [0x0A]
}
