import PikirIngest
import PikirNormalise

/// Everything one read of an export produced, copied out of the reader's
/// borrowed views so two reads can be compared.
struct ReadOutcome: Equatable {
    /// A record as a digest of its fields (made from their bytes, no
    /// Strings: this runs on every record of every input).
    struct Record: Equatable {
        var line: Int
        var fieldCount: Int
        var digest: Int
        /// Physical lines its text covers (counted on the first read only).
        var lines: Int?
    }

    var columns: [String] = []
    var headerLine: Int?
    var records: [Record] = []
    var ignored: [IgnoredLine] = []
    var rejects: [Reject] = []
    var summary: ReadSummary?
    /// What the normaliser made of each record, in order: the reject code, or "response".
    var normalised: [String] = []
    /// Why no normaliser could be made for the file (no header, no known question).
    var setupError: String?

    /// Whether the reader found the same in both (what was normalised aside).
    func sameRead(as other: ReadOutcome) -> Bool {
        columns == other.columns && headerLine == other.headerLine
            && records.map { [$0.line, $0.fieldCount, $0.digest] } == other.records.map { [$0.line, $0.fieldCount, $0.digest] }
            && ignored == other.ignored && rejects == other.rejects && summary == other.summary
    }
}

/// A sink that keeps every record, and normalises each one while its view is valid.
final class OutcomeCollector: RecordSink {
    var outcome = ReadOutcome()
    private let normaliser: RecordNormaliser?
    private let check: (RecordView, NormaliseOutcome) throws -> Void
    private(set) var failure: Error?

    private let countLines: Bool

    init(normaliser: RecordNormaliser?, countLines: Bool, check: @escaping (RecordView, NormaliseOutcome) throws -> Void) {
        self.normaliser = normaliser
        self.countLines = countLines
        self.check = check
    }

    func header(columns: [String], line: Int?) {
        outcome.columns = columns
        outcome.headerLine = line
    }

    func record(_ record: RecordView) {
        var hasher = Hasher()
        for i in 0..<record.count {
            hasher.combine(bytes: record[i])
            hasher.combine(0xFF as UInt8)  // never inside UTF-8: fields cannot run together
        }
        let lines = countLines ? record.lineCount : nil
        outcome.records.append(.init(line: record.line, fieldCount: record.count, digest: hasher.finalize(), lines: lines))
        guard let normaliser else { return }
        let result = normaliser.normalise(record)
        switch result {
        case .response: outcome.normalised.append("response")
        case .reject(let code, _): outcome.normalised.append(code)
        }
        do { try check(record, result) } catch { if failure == nil { failure = error } }
    }

    func ignored(_ ignored: IgnoredLine) { outcome.ignored.append(ignored) }

    func rejected(_ reject: Reject) { outcome.rejects.append(reject) }
}
