import Foundation
import PikirIngest

/// The census of a file's date column (`Dates.Column`), taken by reading the
/// file once more, the first time a value needs it.
///
/// Only slash dates with the year last (`05/06/2024`) and plain numbers
/// (`45601`) depend on their whole column; most exports hold neither
/// (`05.11.2024`, `2024-11-05`, Google Forms' `2024/11/05 …`) and are read
/// once. A file that does is read a second time before its first such value
/// is normalised: only counts and two examples are kept, so memory stays flat,
/// and every value is then read with the whole column known, whichever
/// records came first.
///
/// One census serves every normaliser of a file (the lanes of
/// `NormalisedFiles`); the first lane that needs it takes it, the others wait.
public final class DateColumnCensus: @unchecked Sendable {
    private let path: String
    private let options: ReadOptions
    private let lock = NSLock()
    private var taken: Result<Dates.Column, Error>?

    /// - Parameters:
    ///   - path: the file, read again with `options` (the ones it was read with, so lines match).
    public init(path: String, options: ReadOptions = ReadOptions()) {
        self.path = path
        self.options = options
    }

    /// The census of column `index`, taken on the first call (which reads the file).
    func column(_ index: Int) -> Result<Dates.Column, Error> {
        lock.lock()
        defer { lock.unlock() }
        if let taken { return taken }
        let result = Result { try Self.count(path: path, options: options, column: index) }
        taken = result
        return result
    }

    private static func count(path: String, options: ReadOptions, column: Int) throws -> Dates.Column {
        let reader = try ExportReader(path: path, options: options)
        let sink = Counter(column: column)
        _ = try reader.read(into: sink)
        return sink.census
    }

    /// Counts each record's value of the date column, as the normaliser reads it.
    private final class Counter: RecordSink {
        let column: Int
        var census = Dates.Column()
        /// Readings by the cell's bytes (its date part for a timestamp).
        private let readings = ByteCache<Dates.Reading?>()

        init(column: Int) { self.column = column }

        func header(columns: [String], line: Int?) {}
        func ignored(_ ignored: IgnoredLine) {}
        func rejected(_ reject: Reject) {}

        func record(_ record: RecordView) {
            let cell = record.trimmedBytes(column)
            guard !cell.isEmpty else { return }
            // A valid time never changes how the date before it reads.
            let key = DateCell.split(cell)?.date ?? cell
            var items = 0
            guard let reading = RecordNormaliser.cached(readings, key, &items, { Dates.reading($0) }) else { return }
            census.add(reading, line: record.line, text: Redaction.redact(String(decoding: key, as: UTF8.self)).text)
        }
    }
}

/// A date cell as the normaliser reads it: a timestamp is a date, a space
/// and a valid time (see `Dates.QuickTime`), and its date part repeats from
/// row to row while the whole cell does not.
enum DateCell {
    /// The date part and the time of a timestamp; `nil` when the cell is
    /// not one (a date alone, or a time `QuickTime` does not read).
    static func split(_ cell: UnsafeRawBufferPointer) -> (date: UnsafeRawBufferPointer, time: Dates.QuickTime.Time)? {
        guard let space = cell.firstIndex(of: 0x20),
              let time = Dates.QuickTime.parse(UnsafeRawBufferPointer(rebasing: cell[(space + 1)...])) else { return nil }
        return (UnsafeRawBufferPointer(rebasing: cell[..<space]), time)
    }
}
