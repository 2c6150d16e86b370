import CLibCSV

/// The one Swift owner of a libcsv `csv_parser`, freed in `deinit`.
///
/// Only the functions csv.h declares are called: the struct's fields are
/// libcsv's own, never read or written here, so any libcsv 3 build behaves
/// the same. libcsv runs in strict mode, so that a quote where its grammar
/// allows none stops it at that exact byte instead of silently swallowing the
/// rest of the file into one field; `LineReader` decides what the stop means.
///
/// Fields are delivered to `FieldCollector`, which copies their bytes before
/// libcsv reuses its entry buffer.
final class CSVParser {
    private let parser: UnsafeMutablePointer<csv_parser>
    let collector: FieldCollector

    init(delimiter: UInt8, collector: FieldCollector) throws {
        parser = .allocate(capacity: 1)
        self.collector = collector
        guard csv_init(parser, UInt8(CSV_STRICT)) == 0 else {
            parser.deallocate()
            throw IngestError(code: .outOfMemory, path: nil, message: "libcsv could not be initialised")
        }
        csv_set_delim(parser, delimiter)
        // Long answers grow the entry buffer 4 KiB at a time, not 128 bytes.
        csv_set_blk_size(parser, 4096)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Feeds bytes; completed fields and records reach the collector.
    ///
    /// - Returns: how many bytes libcsv read: all of them, or fewer when a
    ///   quote broke its grammar at the byte with that offset.
    func parse(_ bytes: UnsafeRawPointer, count: Int) throws -> Int {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let done = csv_parse(parser, bytes, count, fieldCallback, recordCallback, context)
        if done < count {
            let status = csv_error(parser)
            guard status == CSV_EPARSE else {
                throw IngestError(code: .outOfMemory, path: nil, message: String(cString: csv_strerror(status)))
            }
        }
        return done
    }

    /// Drops whatever partial record libcsv holds and puts it back in its
    /// initial state (no record begun, no error): `csv_fini` without callbacks.
    func discard() {
        csv_fini(parser, nil, nil, nil)
    }
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
    Unmanaged<FieldCollector>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.appendField(data, length) }
}

private let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    Unmanaged<FieldCollector>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord() }
}
