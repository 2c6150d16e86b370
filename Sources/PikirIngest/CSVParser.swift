import CLibCSV

/// The one Swift owner of a libcsv `csv_parser`, freed in `deinit`.
///
/// libcsv runs in strict mode so that a malformed quote stops it at the exact
/// byte instead of silently swallowing the rest of the file into one field.
/// Two strict errors are then told apart: a quote inside an unquoted field
/// (`5" screen`, common in hand-typed exports) is put back as a literal
/// character and parsing goes on, as Excel reads it; text after a closing
/// quote is reported to the caller, which rejects the record.
///
/// Fields are delivered to `FieldCollector`, which copies their bytes before
/// libcsv reuses its entry buffer.
final class CSVParser {
    enum Outcome {
        case consumed
        /// Text after a closing quote (`"abc"def`), at this offset in the input.
        case malformedQuote(at: Int)
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    let delimiter: UInt8
    let collector: FieldCollector

    init(delimiter: UInt8, collector: FieldCollector) throws {
        parser = .allocate(capacity: 1)
        self.delimiter = delimiter
        self.collector = collector
        guard csv_init(parser, UInt8(CSV_STRICT)) == 0 else {
            parser.deallocate()
            throw IngestError(code: .outOfMemory, path: nil, message: "libcsv could not be initialised")
        }
        csv_set_delim(parser, delimiter)
        csv_set_blk_size(parser, 4096)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Whether libcsv is inside a record (some field of it has begun).
    var isInsideRecord: Bool { parser.pointee.pstate != 0 }

    /// Whether libcsv is inside a quoted field that has not been closed.
    var isInsideQuotedField: Bool { parser.pointee.pstate == 2 && parser.pointee.quoted != 0 }

    /// Feeds bytes; completed fields and records reach the collector.
    func parse(_ bytes: UnsafeRawPointer, count: Int) throws -> Outcome {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var offset = 0
        while offset < count {
            let done = csv_parse(parser, bytes + offset, count - offset, fieldCallback, recordCallback, context)
            offset += done
            if offset >= count { break }
            let status = parser.pointee.status
            if status == CSV_EPARSE {
                parser.pointee.status = 0
                if parser.pointee.pstate == 2 && parser.pointee.quoted == 0 {
                    try appendLiteralQuote()
                    offset += 1
                    continue
                }
                return .malformedQuote(at: offset)
            }
            throw IngestError(code: .outOfMemory, path: nil, message: String(cString: csv_strerror(status)))
        }
        return .consumed
    }

    /// Ends the input: a last record without a line terminator is completed.
    func finish() {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        csv_fini(parser, fieldCallback, recordCallback, context)
    }

    /// Drops whatever partial record libcsv holds, as after a reject.
    func reset() {
        let p = parser
        p.pointee.pstate = 0
        p.pointee.quoted = 0
        p.pointee.spaces = 0
        p.pointee.entry_pos = 0
        p.pointee.status = 0
    }

    /// Puts libcsv where it stands after a delimiter, for a record whose
    /// first fields were read without it (see `QuoteFreeLine`).
    func resumeAtField() {
        parser.pointee.pstate = 1  // FIELD_NOT_BEGUN
    }

    private func appendLiteralQuote() throws {
        let p = parser
        if p.pointee.entry_pos >= p.pointee.entry_size {
            let size = p.pointee.entry_size + 4096
            guard let grown = realloc(p.pointee.entry_buf, size) else {
                throw IngestError(code: .outOfMemory, path: nil, message: "out of memory while reading a field")
            }
            p.pointee.entry_buf = grown.assumingMemoryBound(to: UInt8.self)
            p.pointee.entry_size = size
        }
        p.pointee.entry_buf[p.pointee.entry_pos] = p.pointee.quote_char
        p.pointee.entry_pos += 1
        p.pointee.spaces = 0
    }
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
    Unmanaged<FieldCollector>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.appendField(data, length) }
}

private let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    Unmanaged<FieldCollector>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord() }
}
