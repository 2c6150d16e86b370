/// The text of a record as it stands in the file, borrowed for one callback.
struct RawText {
    /// Bytes of the record carried over from earlier blocks.
    let carried: UnsafeRawBufferPointer
    /// The rest of the record, in the block being read.
    let current: UnsafeRawBufferPointer

    var byteCount: Int { carried.count + current.count }

    /// The text without its final line terminator.
    var string: String {
        var bytes = [UInt8](carried)
        bytes.append(contentsOf: current)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Receives what the assembler finds, physical line by physical line.
protocol AssemblerHandler: AnyObject {
    /// A complete record starting on `view.line`; `issue` is the first
    /// undecodable spot inside it, if any.
    func record(_ view: RecordView, raw: RawText, issue: DecodeIssue?)
    /// A line holding nothing but spaces.
    func blankLine(_ line: Int)
    /// A record the CSV grammar cannot accept.
    func reject(_ reject: Reject)
}

/// Feeds UTF-8 text to a `LineReader` one whole physical line at a time (see
/// `LineEnds`), so that every record knows the line it starts on and its raw
/// text, and a malformed or never-closed quote costs one line instead of the
/// rest of the file. A line split between two blocks is joined first.
///
/// Recovery: when a quoted field opened on line S turns out to be broken
/// (text after its closing quote on a later line E, no closing quote before
/// the end of the file, or a record longer than `maxRecordBytes`), line S is
/// rejected and lines S+1…E are read again from a copy, as if line S had not
/// been there. A legitimate multi-line answer never triggers this.
///
/// - Complexity: O(n) over the input; a recovery re-reads at most
///   `maxRecordBytes`.
final class RecordAssembler<Handler: AssemblerHandler> {
    private let reader: LineReader
    private let collector: FieldCollector
    private let handler: Handler
    let maxRecordBytes: Int

    /// The physical line read next (1-based).
    private var line = 1
    /// The line on which the record not yet complete began.
    private var recordLine = 1
    /// Where the record not yet complete begins in the buffer being read;
    /// its earlier bytes are in `carry`.
    private var recordStart = 0
    /// Bytes from earlier buffers: the record not yet complete, then the
    /// start of a line the buffer ended in (from `carriedLineStart` on).
    private var carry: [UInt8] = []
    private var carriedLineStart: Int?
    /// Undecodable spots in `carry`, with offsets into it.
    private var carryIssues: [DecodeIssue] = []
    /// The first undecodable spot of the record not yet complete.
    private var pendingIssue: DecodeIssue?

    private struct Work {
        var buffer: UnsafeRawBufferPointer
        var position: Int
        var issues: [DecodeIssue]
        var nextIssue: Int
        /// A copy made by a recovery (freed when read), which ends at a line end.
        var owned: Bool
        var ends = LineEnds()
    }
    private var work: [Work] = []

    /// - Parameter firstLine: The line the input starts on: 1, or a part's
    ///   first line when a file is read in parts (`SplitRead`).
    init(delimiter: UInt8, handler: Handler, maxRecordBytes: Int = 1 << 20, firstLine: Int = 1) throws {
        line = firstLine
        recordLine = firstLine
        collector = FieldCollector()
        reader = try LineReader(delimiter: delimiter, collector: collector)
        self.handler = handler
        self.maxRecordBytes = maxRecordBytes
        carry.reserveCapacity(4096)
    }

    /// Number of physical lines read (after `finish`: in the whole input).
    var physicalLines: Int { line - 1 }

    /// Reads one block of UTF-8 text; `issues` are its undecodable spots,
    /// with offsets into `block`. The block need not end at a line end.
    func feed(_ block: UnsafeRawBufferPointer, issues: [DecodeIssue]) throws {
        work.append(Work(buffer: block, position: 0, issues: issues, nextIssue: 0, owned: false))
        recordStart = 0
        try drain()
    }

    /// The line the next byte fed would start on.
    var nextLine: Int { line }

    /// Ends a part of the input that ends at a line end: reads its last line
    /// if it ends in a CR (held back in case the next block starts with the
    /// LF of a CR LF; a part never ends between the two). True when the
    /// reader is then between records, where the one-thread read would be
    /// too; false when a quoted field goes on, and the next part must be fed
    /// to this assembler.
    func endPart() throws -> Bool {
        while carriedLineStart != nil {
            if try readCarriedLine(through: 0, in: nil) { try drain() }
        }
        return !reader.isInsideQuotedField
    }

    /// Ends the input: reads its last line if it has no terminator, and
    /// rejects a quoted field it leaves open.
    func finish() throws {
        while true {
            if carriedLineStart != nil, try readCarriedLine(through: 0, in: nil) {
                try drain()
                continue
            }
            guard reader.isInsideQuotedField else { break }
            recover(lineEnd: 0, lastLine: physicalLines, why: .endOfFile)
            try drain()
        }
    }

    private func drain() throws {
        while !work.isEmpty {
            if try readLines(of: work.count - 1) { continue }  // a recovery pushed a copy to read first
            let item = work.removeLast()
            carryRest(of: item)
            if item.owned { item.buffer.deallocate() }
            if let resumed = work.last { recordStart = resumed.position }
        }
    }

    /// Reads the lines of `work[index]` up to its end; true if it stopped
    /// early because a recovery pushed a copy on top of it.
    private func readLines(of index: Int) throws -> Bool {
        let buffer = work[index].buffer
        guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
        var pos = work[index].position
        defer { if index < work.count { work[index].position = pos } }
        if carriedLineStart != nil && pos == 0 {
            // The line a previous buffer ended in: joined, then read from `carry`.
            let end: Int?
            if carry.last == 0x0D {
                end = buffer[0] == 0x0A ? 1 : 0
            } else {
                end = work[index].ends.end(of: buffer, from: 0, endIsFinal: work[index].owned)
            }
            guard let end else {
                // The line goes on in the next buffer.
                appendToCarry(index, upTo: buffer.count)
                pos = buffer.count
                recordStart = buffer.count
                return false
            }
            pos = end
            if try readCarriedLine(through: end, in: index) { return true }
        }
        while pos < buffer.count {
            guard let end = work[index].ends.end(of: buffer, from: pos, endIsFinal: work[index].owned) else { break }
            let startsRecord = !reader.isInsideQuotedField
            if startsRecord {
                recordLine = line
                recordStart = pos
                if !carry.isEmpty { carry.removeAll(keepingCapacity: true); carryIssues.removeAll() }
                pendingIssue = nil
            }
            if pendingIssue == nil { pendingIssue = firstIssue(index, before: end) } else { skipIssues(index, before: end) }
            let outcome = try reader.read(UnsafeRawBufferPointer(start: base + pos, count: end - pos))
            pos = end
            if try lineRead(outcome, startsRecord: startsRecord, lineEnd: end, in: index) { return true }
        }
        return false
    }

    /// Completes the line that starts at `carriedLineStart` in `carry` with
    /// `work[index].buffer[..<end]` (nothing at the end of the input) and
    /// reads it; true if a recovery pushed a copy.
    @discardableResult
    private func readCarriedLine(through end: Int, in index: Int?) throws -> Bool {
        guard let start = carriedLineStart else { return false }
        if let index { appendToCarry(index, upTo: end) }
        carriedLineStart = nil
        recordStart = end
        let startsRecord = !reader.isInsideQuotedField
        if startsRecord {
            // A line that starts a record was carried alone (see `carryRest`).
            recordLine = line
            pendingIssue = carryIssues.first
        } else if pendingIssue == nil {
            pendingIssue = carryIssues.first { $0.outputOffset >= start }
        }
        let outcome = try carry.withUnsafeBytes { try reader.read(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        return try lineRead(outcome, startsRecord: startsRecord, lineEnd: end, in: index)
    }

    /// Acts on a line just read, which ends at `lineEnd` in `work[index]`;
    /// true if a recovery pushed a copy.
    private func lineRead(_ outcome: LineReader.Outcome, startsRecord: Bool, lineEnd: Int, in index: Int?) throws -> Bool {
        if case .malformedQuote = outcome {
            reader.reset()
            collector.clear()
            if let index { work[index].position = lineEnd }
            recover(lineEnd: lineEnd, lastLine: line, why: recordLine == line ? .textAfterQuoteSameLine : .textAfterQuote)
            return work.count > (index ?? -1) + 1
        }
        if collector.recordCount > 0 {
            deliver(lineEnd: lineEnd, in: index.map { work[$0].buffer })
        } else if startsRecord && !reader.isInsideQuotedField {
            handler.blankLine(line)
        } else if carry.count + (lineEnd - recordStart) > maxRecordBytes {
            if let index { work[index].position = lineEnd }
            recover(lineEnd: lineEnd, lastLine: line, why: .tooLong)
            return work.count > (index ?? -1) + 1
        }
        line += 1
        return false
    }

    /// At the end of a buffer, keeps what the next one continues: the record
    /// not yet complete (or only the line not yet complete, when it starts one).
    private func carryRest(of item: Work) {
        // A line that spans the whole buffer is in `carry` already.
        guard carriedLineStart == nil else { return }
        let n = item.buffer.count
        let lineStart = item.position
        if reader.isInsideQuotedField {
            if recordStart < n { append(item, from: recordStart, upTo: n) }
        } else {
            carry.removeAll(keepingCapacity: true)
            carryIssues.removeAll()
            if lineStart < n { append(item, from: lineStart, upTo: n) }
        }
        if lineStart < n { carriedLineStart = carry.count - (n - lineStart) }
    }

    private func appendToCarry(_ index: Int, upTo end: Int) {
        append(work[index], from: 0, upTo: end)
        skipIssues(index, before: end)
    }

    private func append(_ item: Work, from start: Int, upTo end: Int) {
        for issue in item.issues where issue.outputOffset >= start && issue.outputOffset < end {
            var shifted = issue
            shifted.outputOffset += carry.count - start
            carryIssues.append(shifted)
        }
        carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: item.buffer[start..<end]))
    }

    /// The first undecodable spot of `work[index]` before `end` not yet seen.
    private func firstIssue(_ index: Int, before end: Int) -> DecodeIssue? {
        guard work[index].nextIssue < work[index].issues.count,
              work[index].issues[work[index].nextIssue].outputOffset < end else { return nil }
        let first = work[index].issues[work[index].nextIssue]
        skipIssues(index, before: end)
        return first
    }

    private func skipIssues(_ index: Int, before end: Int) {
        while work[index].nextIssue < work[index].issues.count,
              work[index].issues[work[index].nextIssue].outputOffset < end {
            work[index].nextIssue += 1
        }
    }

    /// Hands every completed record to the handler, then forgets them.
    private func deliver(lineEnd: Int, in buffer: UnsafeRawBufferPointer?) {
        let tail = buffer.map { UnsafeRawBufferPointer(rebasing: $0[min(recordStart, lineEnd)..<lineEnd]) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
        carry.withUnsafeBytes { carried in
            let raw = RawText(carried: carried, current: tail)
            var first = 0
            for k in 0..<collector.recordCount {
                let end = collector.recordEnd(k)
                handler.record(collector.view(fields: first..<end, line: recordLine), raw: raw, issue: pendingIssue)
                first = end
            }
        }
        collector.clear()
        pendingIssue = nil
    }

    private enum RecoveryCause { case textAfterQuoteSameLine, textAfterQuote, endOfFile, tooLong }

    /// Rejects the first line of the pending record and queues the lines
    /// after it to be read again.
    private func recover(lineEnd: Int, lastLine: Int, why: RecoveryCause) {
        var raw = carry
        var issues = carryIssues
        if let top = work.last, lineEnd > recordStart {
            // The spots of this buffer's part of the record, which were passed already.
            var k = top.nextIssue
            while k > 0 && top.issues[k - 1].outputOffset >= recordStart { k -= 1 }
            for issue in top.issues[k..<top.nextIssue] where issue.outputOffset < lineEnd {
                var shifted = issue
                shifted.outputOffset += raw.count - recordStart
                issues.append(shifted)
            }
            raw.append(contentsOf: UnsafeRawBufferPointer(rebasing: top.buffer[recordStart..<lineEnd]))
        }
        let firstEnd = raw.withUnsafeBytes { LineEnds.firstLineEnd($0) }
        let badLine = recordLine
        let reason: RejectReason = why == .textAfterQuoteSameLine ? .malformedQuote : .unterminatedQuote
        let message: String
        switch why {
        case .textAfterQuoteSameLine:
            message = "text follows a closing quote; quote the whole field and write a quote inside it as two quotes (\"\")"
        case .textAfterQuote:
            message = "a quoted field opened on this line is not closed properly (it runs on to line \(max(lastLine, badLine + 1))); only this line is rejected and reading resumes on line \(badLine + 1). Close the quote, or remove it"
        case .endOfFile:
            message = "a quoted field opened on this line is never closed (it runs to the end of the file); only this line is rejected and reading resumes on line \(badLine + 1). Close the quote, or remove it"
        case .tooLong:
            message = "a quoted field opened on this line is still open after \(maxRecordBytes) bytes; only this line is rejected and reading resumes on line \(badLine + 1). Close the quote, or remove it"
        }
        var first = Array(raw[..<firstEnd])
        while let last = first.last, last == 0x0A || last == 0x0D { first.removeLast() }
        handler.reject(Reject(line: badLine, reason: reason, message: message, raw: String(decoding: first, as: UTF8.self)))

        reader.reset()
        collector.clear()
        pendingIssue = nil
        carry.removeAll(keepingCapacity: true)
        carryIssues.removeAll()
        carriedLineStart = nil
        line = badLine + 1
        let rest = raw.count - firstEnd
        if rest > 0 {
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: rest, alignment: 1)
            raw[firstEnd...].withUnsafeBytes { copy.copyMemory(from: $0) }
            let replayed = issues.compactMap { issue -> DecodeIssue? in
                guard issue.outputOffset >= firstEnd else { return nil }
                var shifted = issue
                shifted.outputOffset -= firstEnd
                return shifted
            }
            work.append(Work(buffer: UnsafeRawBufferPointer(copy), position: 0, issues: replayed, nextIssue: 0, owned: true))
            recordStart = 0
        }
    }
}
