import Foundation
import PikirIngest
import PikirNormalise

/// The promises pikir makes about any export, whatever its bytes, checked
/// on one input: by the fuzzers (`make fuzz`) and by the regression tests
/// that replay what they found.
///
/// - the read ends (no crash, no hang) with a file-level error or a result;
/// - every physical line is accounted for: `lines = header + lines of data
///   records + ignored + lines of rejects`, and the summary's counts are the
///   sink's;
/// - reading in blocks of a third of the file gives exactly what reading it in one block
///   gives (records, lines, fields, rejects), so no block boundary can move
///   a quote, a line end or a multi-byte character;
/// - every record normalises to a response or a reject with a known code;
///   scores stay on their scales and a response keeps its record's line.
public enum ExportCheck {
    /// A broken promise, said plainly for the fuzzer's crash log.
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    /// The sample registries, so trainer and session matching run too.
    static let settings: NormaliserSettings = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data/registries")
        return (try? NormaliserSettings.load(trainers: root.appendingPathComponent("trainers.csv").path,
                                             sessions: root.appendingPathComponent("sessions.csv").path,
                                             mapping: nil)) ?? NormaliserSettings()
    }()

    /// Checks one input, written to a scratch file first (the reader reads files).
    public static func check(_ bytes: UnsafeRawBufferPointer) throws {
        let path = try ScratchFile.write(bytes)
        try check(path: path)
    }

    /// Checks the export at `path`.
    public static func check(path: String) throws {
        let reader: ExportReader
        do {
            reader = try ExportReader(path: path)
        } catch is IngestError {
            return  // a file-level failure: empty, binary, unreadable
        }
        // One block holding the whole file (a 1 MiB block for a 2 KiB input
        // cost more than the rest of the check).
        var info = stat()
        let size = stat(path, &info) == 0 ? Int(info.st_size) : 0
        let whole = try read(reader, blockSize: max(64, size), normalise: true)
        // Two block boundaries, at a third and two thirds of the file, with the
        // reading thread that files over two blocks get: few hand-overs per
        // input, and as the fuzzer grows and shrinks inputs the boundaries
        // fall everywhere.
        let thirds = try read(reader, blockSize: max(16, size / 3 + 1), normalise: false)
        guard let whole, let thirds else {
            if (whole == nil) != (thirds == nil) {
                throw Violation(description: "the file was read in one block but not in thirds, or the other way round")
            }
            return
        }
        try balance(whole)
        if !whole.sameRead(as: thirds) { throw Violation(description: difference(whole, thirds)) }
    }

    /// What reading and normalising the file gives, as pikir ingest reads it.
    static func outcome(path: String) throws -> ReadOutcome? {
        guard let reader = try? ExportReader(path: path) else { return nil }
        return try read(reader, blockSize: ReadOptions().blockSize, normalise: true)
    }

    /// Reads (and normalises) the file; nil when reading fails as a whole.
    static func read(_ reader: ExportReader, blockSize: Int, normalise: Bool) throws -> ReadOutcome? {
        var normaliser: RecordNormaliser?
        var setupError: String?
        do {
            if normalise {
                normaliser = try RecordNormaliser(sourceFile: reader.path, fileHash: String(repeating: "0", count: 64),
                                                  format: reader.format, settings: settings)
            }
        } catch {
            setupError = "\(error)"
        }
        let sink = OutcomeCollector(normaliser: normaliser, countLines: normalise, check: checkNormalised)
        let summary: ReadSummary
        do {
            summary = try reader.read(into: sink, blockSize: blockSize)
        } catch is IngestError {
            return nil
        }
        if let failure = sink.failure { throw failure }
        var outcome = sink.outcome
        outcome.summary = summary
        outcome.setupError = setupError
        return outcome
    }

    /// `lines = header + lines of data records + ignored + lines of rejects`,
    /// and the summary counts what the sink was given.
    static func balance(_ o: ReadOutcome) throws {
        guard let s = o.summary else { return }
        guard s.records == o.records.count, s.ignored == o.ignored.count, s.rejected == o.rejects.count else {
            throw Violation(description: "summary says \(s.records) records, \(s.ignored) ignored, \(s.rejected) rejected; the sink got \(o.records.count), \(o.ignored.count), \(o.rejects.count)")
        }
        // A header with a quoted line break spans several lines; the reader
        // does not say how many, so they are the lines before whatever comes next.
        var header = 0
        if let headerLine = o.headerLine {
            let after = (o.records.map(\.line) + o.ignored.map(\.line) + o.rejects.map(\.line)).filter { $0 > headerLine }
            header = (after.min() ?? s.physicalLines + 1) - headerLine
        }
        let recordLines = o.records.reduce(0) { $0 + ($1.lines ?? 1) }
        let rejectLines = o.rejects.reduce(0) { $0 + lineCount($1.raw) }
        if getenv("PIKIR_FUZZ_VERBOSE") != nil {
            for r in o.records { print("record on line \(r.line) spans \(r.lines ?? 1) lines, \(r.fieldCount) fields") }
        }
        let ignoredLines = o.ignored.reduce(0) { $0 + $1.lines }
        let total = header + recordLines + ignoredLines + rejectLines
        guard total == s.physicalLines else {
            throw Violation(description: "lines do not balance: \(s.physicalLines) physical lines, but header \(header) + record lines \(recordLines) + ignored lines \(ignoredLines) + reject lines \(rejectLines) = \(total); records on lines \(o.records.map(\.line).prefix(20)), ignored \(o.ignored.map(\.line).prefix(20)), rejects \(o.rejects.map(\.line).prefix(20))")
        }
        var previous = 0
        for line in (o.records.map(\.line) + o.ignored.map(\.line) + o.rejects.map(\.line)).sorted() {
            guard line > previous, line <= max(s.physicalLines, 1) else {
                throw Violation(description: "line \(line) is used twice or lies outside the file's \(s.physicalLines) lines")
            }
            previous = line
        }
    }

    /// Physical lines a record's text spans: LF, CR LF and a lone CR each end one.
    static func lineCount(_ raw: String) -> Int {
        var lines = 1
        var previousCR = false
        for b in raw.utf8 {
            if b == 0x0D { lines += 1 } else if b == 0x0A && !previousCR { lines += 1 }
            previousCR = b == 0x0D
        }
        return lines
    }

    static func checkNormalised(_ record: RecordView, _ outcome: NormaliseOutcome) throws {
        switch outcome {
        case .reject(let code, let message):
            guard NormaliseRejectCode(rawValue: code) != nil, !message.isEmpty else {
                throw Violation(description: "line \(record.line): unknown reject code '\(code)' or empty message")
            }
        case .response(let r, _):
            guard r.sourceLine == record.line else {
                throw Violation(description: "a response from line \(record.line) says line \(r.sourceLine)")
            }
            let s = r.scores
            for (name, value, range) in [("overall", s.overall, 1.0...5.0), ("delivery", s.delivery, 1.0...5.0),
                                         ("content", s.content, 1.0...5.0), ("organisation", s.organisation, 1.0...5.0),
                                         ("applicability", s.applicability, 1.0...5.0), ("nps", s.nps, 0.0...10.0)] {
                if let value, !range.contains(value) {
                    throw Violation(description: "line \(record.line): \(name) = \(value), outside \(range)")
                }
            }
            if let year = r.year, !(1900...2100).contains(year) {
                throw Violation(description: "line \(record.line): year \(year)")
            }
        }
    }

    static func difference(_ a: ReadOutcome, _ b: ReadOutcome) -> String {
        var why = "one block and thirds read differently:"
        if a.columns != b.columns { why += " columns \(a.columns) vs \(b.columns);" }
        if a.summary != b.summary { why += " summary \(String(describing: a.summary)) vs \(String(describing: b.summary));" }
        if let i = a.records.indices.first(where: { $0 < b.records.count && a.records[$0] != b.records[$0] }) {
            why += " record \(i): \(a.records[i]) vs \(b.records[i]);"
        } else if a.records.count != b.records.count {
            why += " \(a.records.count) vs \(b.records.count) records;"
        }
        if a.rejects != b.rejects { why += " rejects \(a.rejects.prefix(3)) vs \(b.rejects.prefix(3));" }
        if a.ignored != b.ignored { why += " ignored \(a.ignored.prefix(5)) vs \(b.ignored.prefix(5));" }
        return why
    }
}
