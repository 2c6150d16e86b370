#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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

/// Feeds UTF-8 text to libcsv one physical line at a time, so that every
/// record knows the line it starts on and its raw text, and a malformed or
/// never-closed quote costs one line instead of the rest of the file.
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
    private let parser: CSVParser
    private let collector: FieldCollector
    private let terminator: UInt8
    private let handler: Handler
    let maxRecordBytes: Int

    /// The physical line being fed (1-based).
    private(set) var line = 1
    private var atLineStart = true
    private var lineBeganIdle = true
    /// Where the record (or line) not yet complete began.
    private var recordLine = 1
    private var recordStart = 0
    private var rawCarry: [UInt8] = []
    private var pendingIssue: DecodeIssue?
    /// Set by a malformed quote: the rest of the line is skipped, then recovered.
    private var poisonedAtLine: Int?

    private struct Work {
        var buffer: UnsafeRawBufferPointer
        var position: Int
        var issues: [DecodeIssue]
        var nextIssue: Int
        var owned: Bool
    }
    private var work: [Work] = []

    init(delimiter: UInt8, lineEnding: LineEnding, handler: Handler, maxRecordBytes: Int = 1 << 20) throws {
        collector = FieldCollector()
        parser = try CSVParser(delimiter: delimiter, collector: collector)
        terminator = lineEnding.terminator
        self.handler = handler
        self.maxRecordBytes = maxRecordBytes
        rawCarry.reserveCapacity(4096)
    }

    /// Number of physical lines seen so far (a last line without terminator counts).
    var physicalLines: Int { atLineStart ? line - 1 : line }

    private var isPending: Bool { !atLineStart || parser.isInsideRecord || poisonedAtLine != nil }

    /// Reads one block of UTF-8 text; `issues` are its undecodable spots,
    /// with offsets into `block`. The block need not end at a line end.
    func feed(_ block: UnsafeRawBufferPointer, issues: [DecodeIssue]) throws {
        recordStart = 0
        work.append(Work(buffer: block, position: 0, issues: issues, nextIssue: 0, owned: false))
        try drain()
    }

    /// Ends the input, completing or rejecting whatever is still open.
    func finish() throws {
        while true {
            if let badLine = poisonedAtLine {
                recover(lineEnd: 0, lastLine: physicalLines, why: badLine == recordLine ? .textAfterQuoteSameLine : .textAfterQuote)
            } else if parser.isInsideQuotedField {
                recover(lineEnd: 0, lastLine: physicalLines, why: .endOfFile)
            } else {
                break
            }
            recordStart = 0
            try drain()
        }
        let hadPartialLine = !atLineStart
        parser.finish()
        if !collector.recordEnds.isEmpty {
            deliver(lineEnd: 0, in: UnsafeRawBufferPointer(start: nil, count: 0))
        } else if hadPartialLine && lineBeganIdle {
            handler.blankLine(line)
        }
    }

    private func drain() throws {
        while !work.isEmpty {
            let top = work.count - 1
            if try processLines(of: top) { continue }  // a replay was pushed
            let item = work.removeLast()
            if isPending, item.position > recordStart {
                rawCarry.append(contentsOf: UnsafeRawBufferPointer(rebasing: item.buffer[recordStart..<item.buffer.count]))
            }
            if item.owned { item.buffer.deallocate() }
            if let resumed = work.last { recordStart = resumed.position }
        }
    }

    /// Processes lines of `work[index]` until its end; true if it stopped
    /// early because a recovery pushed a replay on top of it.
    private func processLines(of index: Int) throws -> Bool {
        let buffer = work[index].buffer
        guard let base = buffer.baseAddress else { return false }
        let end = buffer.count
        var pos = work[index].position
        defer { if index < work.count { work[index].position = pos } }
        while pos < end {
            let startsLine = atLineStart
            if atLineStart {
                lineBeganIdle = !parser.isInsideRecord && poisonedAtLine == nil
                if lineBeganIdle {
                    recordLine = line
                    recordStart = pos
                    rawCarry.removeAll(keepingCapacity: true)
                    pendingIssue = nil
                }
            }
            let found = memchr(base + pos, Int32(terminator), end - pos)
            let lineEnd = found.map { UnsafeRawPointer($0) - base + 1 } ?? end
            if work[index].nextIssue < work[index].issues.count {
                noteIssues(index, before: lineEnd)
            }
            if poisonedAtLine == nil {
                let outcome = startsLine && lineBeganIdle && found != nil
                    ? try QuoteFreeLine.read(base + pos, count: lineEnd - pos, terminator: terminator, parser: parser)
                    : try parser.parse(base + pos, count: lineEnd - pos)
                if case .malformedQuote = outcome {
                    poisonedAtLine = line
                    parser.reset()
                    collector.clear()
                }
            }
            pos = lineEnd
            guard found != nil else {
                atLineStart = false
                break
            }
            atLineStart = true
            if let badLine = poisonedAtLine {
                work[index].position = pos
                recover(lineEnd: lineEnd, lastLine: line, why: badLine == recordLine ? .textAfterQuoteSameLine : .textAfterQuote)
                if work.count > index + 1 { return true }
                continue
            }
            if !collector.recordEnds.isEmpty {
                deliver(lineEnd: lineEnd, in: buffer)
            } else if lineBeganIdle && !parser.isInsideRecord {
                handler.blankLine(line)
            } else if rawCarry.count + (lineEnd - recordStart) > maxRecordBytes {
                work[index].position = pos
                recover(lineEnd: lineEnd, lastLine: line, why: .tooLong)
                if work.count > index + 1 { return true }
                continue
            }
            line += 1
        }
        return false
    }

    private func noteIssues(_ index: Int, before lineEnd: Int) {
        while work[index].nextIssue < work[index].issues.count,
              work[index].issues[work[index].nextIssue].outputOffset < lineEnd {
            if pendingIssue == nil { pendingIssue = work[index].issues[work[index].nextIssue] }
            work[index].nextIssue += 1
        }
    }

    /// Hands every completed record to the handler, then forgets them.
    private func deliver(lineEnd: Int, in buffer: UnsafeRawBufferPointer) {
        let tail = UnsafeRawBufferPointer(rebasing: buffer[min(recordStart, lineEnd)..<lineEnd])
        rawCarry.withUnsafeBytes { carried in
            let raw = RawText(carried: carried, current: tail)
            var first = 0
            for end in collector.recordEnds {
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
        var raw = rawCarry
        if let top = work.last, lineEnd > recordStart {
            raw.append(contentsOf: UnsafeRawBufferPointer(rebasing: top.buffer[recordStart..<lineEnd]))
        }
        let firstEnd = (raw.firstIndex(of: terminator).map { $0 + 1 }) ?? raw.count
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

        parser.reset()
        collector.clear()
        poisonedAtLine = nil
        pendingIssue = nil
        rawCarry.removeAll(keepingCapacity: true)
        line = badLine + 1
        atLineStart = true
        let rest = raw.count - firstEnd
        if rest > 0 {
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: rest, alignment: 1)
            raw[firstEnd...].withUnsafeBytes { copy.copyMemory(from: $0) }
            work.append(Work(buffer: UnsafeRawBufferPointer(copy), position: 0, issues: [], nextIssue: 0, owned: true))
            recordStart = 0
        }
    }
}
