import PikirIngest
import PikirNormalise

/// Everything one read of an export produced, copied out of the reader's
/// borrowed views so two reads can be compared.
struct ReadOutcome: Equatable {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
        var raw: String
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
}

/// A sink that keeps every record, and normalises each one while its view is valid.
final class OutcomeCollector: RecordSink {
    var outcome = ReadOutcome()
    private let normaliser: RecordNormaliser?
    private let check: (RecordView, NormaliseOutcome) throws -> Void
    private(set) var failure: Error?

    init(normaliser: RecordNormaliser?, check: @escaping (RecordView, NormaliseOutcome) throws -> Void) {
        self.normaliser = normaliser
        self.check = check
    }

    func header(columns: [String], line: Int?) {
        outcome.columns = columns
        outcome.headerLine = line
    }

    func record(_ record: RecordView) {
        outcome.records.append(.init(line: record.line, fields: record.strings, raw: record.rawText))
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
