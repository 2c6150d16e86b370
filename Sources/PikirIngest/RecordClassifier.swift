/// Decides what each assembled record is: the header, a title or totals
/// line, a data record, or a reject; and counts each.
final class RecordClassifier: AssemblerHandler {
    private let format: FileFormat
    private let sink: RecordSink
    private let width: Int
    private let headerFirst: [UInt8]?
    private let totalsStarts = TotalsRow.firstTwoBytes
    private let headerFields: [String]
    private let delimiterName: String
    private(set) var summary = ReadSummary()
    /// More than one record can start on the header's line when a stray CR
    /// ends records mid-line: only the first is the header.
    private var headerSeen = false

    init(format: FileFormat, sink: RecordSink) {
        self.format = format
        self.sink = sink
        width = format.columns.count
        headerFields = format.columns
        headerFirst = format.headerLine == nil ? nil : format.columns.first.map { Array($0.utf8) }
        delimiterName = format.dialect.delimiter == 0x09 ? "TAB" : "'\(format.dialect.delimiterName)'"
    }

    func blankLine(_ line: Int) {
        ignore(line, .blankLine, lines: 1)
    }

    func reject(_ reject: Reject) {
        summary.rejected += 1
        sink.rejected(reject)
    }

    func record(_ view: RecordView, raw: RawText, issue: DecodeIssue?) {
        let line = view.line
        func ignore(_ line: Int, _ reason: IgnoreReason) { self.ignore(line, reason, lines: raw.lineCount) }
        if line == 1 && format.hasSepDirective { return ignore(line, .sepDirective) }
        if let header = format.headerLine {
            if line < header { return ignore(line, .titleLine) }
            if line == header && !headerSeen {
                headerSeen = true
                return
            }
        }
        if let issue {
            return reject(Reject(line: line, reason: .invalidEncoding,
                                 message: "\(issue.detail) at byte offset \(issue.fileOffset); the file was read as \(format.encoding.rawValue): if that is wrong, give the right one with --encoding (\(TextEncoding.names)), or fix the bytes",
                                 raw: raw.string))
        }
        if !view.hasNonBlankField { return ignore(line, .emptyRecord) }
        if isRepeatedHeader(view) { return ignore(line, .repeatedHeader) }
        if mayBeTotals(view), TotalsRow.matches(view.strings) { return ignore(line, .totalsRow) }
        if view.count > width {
            for i in width..<view.count where !view.isBlank(i) {
                return reject(Reject(line: line, reason: .tooManyFields,
                                     message: "the record has a filled field in column \(i + 1) but the header has only \(width) columns: an answer probably contains the delimiter \(delimiterName) without quotes; put that answer in double quotes (or check --header-line)",
                                     raw: raw.string))
            }
        }
        if view.count < width { summary.shortRecordLines.append(line) }
        summary.records += 1
        sink.record(RecordView(bytes: view.bytes, ends: view.ends, first: view.first, count: min(view.count, width), line: line, raw: raw))
    }

    private func ignore(_ line: Int, _ reason: IgnoreReason, lines: Int) {
        summary.ignored += 1
        sink.ignored(IgnoredLine(line: line, reason: reason, lines: lines))
    }

    /// Cheap test on bytes before any String is made: the first non-empty
    /// of the first two cells must start like one of the totals words.
    private func mayBeTotals(_ view: RecordView) -> Bool {
        for i in 0..<min(2, view.count) {
            let cell = view[i]
            if cell.isEmpty { continue }
            guard cell.count >= 2, cell.count <= 80 else { return false }
            return totalsStarts[Int(cell[0]) << 8 | Int(cell[1])]
        }
        return false
    }

    /// The header's first cell must match byte for byte before the rest is compared.
    private func isRepeatedHeader(_ view: RecordView) -> Bool {
        guard let first = headerFirst, view.count >= width, width > 1, view[0].elementsEqual(first) else { return false }
        return (0..<width).allSatisfy { view.string($0).trimmingCharacters(in: " \t") == headerFields[$0] }
    }
}

extension RawText {
    /// Physical lines the record covers: one, and one more for each LF,
    /// CR LF or lone CR before its final terminator (read only for the rare
    /// records that are ignored).
    var lineCount: Int {
        var breaks = 0
        var previousCR = false
        var last: UInt8 = 0
        for part in [carried, current] {
            for b in part {
                if b == 0x0D || (b == 0x0A && !previousCR) { breaks += 1 }
                previousCR = b == 0x0D
                last = b
            }
        }
        // The record's own terminator (CR LF counting once) ends its last line.
        return 1 + breaks - (last == 0x0A || last == 0x0D ? 1 : 0)
    }
}
