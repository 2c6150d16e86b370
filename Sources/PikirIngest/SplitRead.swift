import Foundation

/// One export read in parts on several threads, giving exactly what the
/// one-thread `ExportReader.read` gives: the same records, line numbers,
/// rejects, ignored lines and counts, part after part in file order.
///
/// The file is cut just after line ends (`SplitPoints`). Each part's thread
/// first counts the line ends in its bytes, so that a part knows its first
/// line once the parts before it are counted (a line end is a line end
/// inside a quoted field too: `LineEnds`). It then reads its part as if no
/// quoted field were open at its cut: a guess, checked when the read of
/// the part before it ends. That read either ends between records exactly
/// at the cut (no quoted field open: the one-thread read would be there
/// too, so the next part's read is the true one), or not (a quoted field,
/// or a stray quote the grammar takes for one, runs over the cut). Then,
/// once the part is known to be on the true read, its reader goes on into
/// the next part's bytes, and the next, until it ends between records at a
/// cut or at the end of the file: that is the one-thread read itself, and
/// the parts it went through are void (their threads stop, their output is
/// dropped).
///
/// The parts whose output counts form a chain from part 0: `next(after:)`.
/// Memory stays flat: parts stream; the caller's sinks decide what waits.
public final class SplitRead: @unchecked Sendable {
    public let reader: ExportReader
    /// Byte ranges; the first starts after the byte order mark, the last
    /// ends at the end of the file.
    public let parts: [Range<Int>]

    /// What ended a part's read.
    public enum PartEnd {
        /// Read; its counts (`physicalLines`: the lines up to the part's
        /// end, or up to the end of the parts it went on into).
        case read(ReadSummary)
        /// Not on the true read (or the read was cancelled): drop its output.
        case void
        case failed(Error)
    }

    private let condition = NSCondition()
    private var taken = 0
    private var running = 0
    private var lineCounts: [Int?]
    private var countFailure: Error?
    /// The part after each part's read, once it has ended.
    private var ends: [Int?]
    /// The first part on the chain whose read has not ended.
    private var chain = 0
    private var voided: [Bool]
    private var cancelled = false
    /// The part the caller is consuming (the last `next(after:)` answer):
    /// parts are taken at most `window` ahead of it, so that the output
    /// waiting for the caller stays bounded however fast the threads read.
    private var consumed = 0
    private var window = 1

    /// Whether a file in `encoding` can be cut at line ends found in its bytes.
    public static func canSplit(_ encoding: TextEncoding) -> Bool {
        switch encoding {
        case .utf8, .utf8BOM, .cp1251, .kz1048: return true
        case .utf16LE, .utf16BE: return false
        }
    }

    /// Parts of about `partBytes` bytes (one part when the file cannot be split).
    public convenience init(reader: ExportReader, partBytes: Int) throws {
        let start = reader.bomLength
        let targets = partBytes > 0 ? Array(stride(from: start + partBytes, to: reader.source.size, by: partBytes)) : []
        try self.init(reader: reader, cutsNear: targets)
    }

    /// Parts cut at the first line end at or after each of `targets` (file offsets).
    public init(reader: ExportReader, cutsNear targets: [Int]) throws {
        self.reader = reader
        let start = reader.bomLength
        let size = reader.source.size
        let cuts = Self.canSplit(reader.format.encoding) ? try SplitPoints.cuts(reader.source, start: start, targets: targets) : []
        let bounds = [start] + cuts + [size]
        parts = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
        lineCounts = Array(repeating: nil, count: parts.count)
        ends = Array(repeating: nil, count: parts.count)
        voided = Array(repeating: false, count: parts.count)
    }

    /// Reads the parts on up to `threads` threads of its own, and returns.
    ///
    /// - Parameters:
    ///   - sink: Part `i`'s sink, asked for on its thread when its read starts.
    ///   - voided: Called (on any thread) when part `i` is found not to be
    ///     on the true read: a sink waiting for room must stop waiting.
    ///   - ended: Called on part `i`'s thread when it is done with, with its
    ///     sink if one was made, before `next(after: i)` answers.
    public func start(threads: Int,
                      sink: @escaping (Int) -> RecordSink,
                      voided: @escaping (Int) -> Void,
                      ended: @escaping (Int, RecordSink?, PartEnd) -> Void) {
        let count = max(1, min(threads, parts.count))
        condition.lock()
        running += count
        window = count + 1
        condition.unlock()
        let work = UncheckedSendable((sink, voided, ended))
        for t in 0..<count {
            WorkerThread.start(name: "pikir.part.\(t)") { [self] in
                let (sink, voided, ended) = work.value
                while let i = take() {
                    read(i, sink: sink, voided: voided, ended: ended)
                }
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// The part whose output follows part `i`'s (`parts.count` after the
    /// last); waits until part `i`'s read has ended. The caller consumes
    /// the parts in this order: the threads read at most a few parts ahead
    /// of the last answer.
    public func next(after i: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        while ends[i] == nil { condition.wait() }
        consumed = max(consumed, ends[i]!)
        condition.broadcast()
        return ends[i]!
    }

    /// Stops every part's read soon (their output is then `void`).
    public func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every thread `start` began has ended.
    public func wait() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    // MARK: - One part's thread

    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        // The part consumed was taken, and its thread never waits here.
        while taken >= consumed + window && !cancelled { condition.wait() }
        guard taken < parts.count, !cancelled else { return nil }
        taken += 1
        return taken - 1
    }

    private func read(_ i: Int, sink makeSink: (Int) -> RecordSink, voided: (Int) -> Void,
                      ended: (Int, RecordSink?, PartEnd) -> Void) {
        // Counted first, whatever comes next: later parts need it for their first line.
        do {
            publish(count: try SplitPoints.lineEnds(reader.source, from: parts[i].lowerBound, to: parts[i].upperBound), of: i)
        } catch {
            publish(failure: error)
        }
        if shouldStop(i) {
            ended(i, nil, .void)
            return end(i, next: parts.count)
        }
        var sink: RecordSink?
        do {
            let first = try firstLine(of: i)
            let partSink = makeSink(i)
            sink = partSink
            let format = reader.format
            let classifier = RecordClassifier(format: format, sink: partSink)
            let assembler = try RecordAssembler(delimiter: format.dialect.delimiter, handler: classifier,
                                                maxRecordBytes: reader.options.maxRecordBytes, firstLine: first)
            if i == 0 { partSink.header(columns: format.columns, line: format.headerLine) }
            var j = i
            var next: Int
            while true {
                guard try feed(j, to: assembler, unless: { shouldStop(i) }) else {
                    ended(i, sink, .void)
                    return end(i, next: parts.count)
                }
                if j == parts.count - 1 {
                    try assembler.finish()
                    next = parts.count
                    break
                }
                if try assembler.endPart(), isFirstLine(assembler.nextLine, of: j + 1) {
                    next = j + 1
                    break
                }
                // The record runs over the cut: only the true read may follow it.
                guard waitUntilOnChain(i) else {
                    ended(i, sink, .void)
                    return end(i, next: parts.count)
                }
                j += 1
                void(j)
                voided(j)
            }
            var summary = classifier.summary
            summary.physicalLines = assembler.physicalLines
            summary.bytes = reader.source.size
            ended(i, sink, .read(summary))
            end(i, next: next)
        } catch is CancellationError {
            ended(i, sink, .void)
            end(i, next: parts.count)
        } catch {
            ended(i, sink, .failed(error))
            end(i, next: parts.count)
        }
    }

    /// Feeds part `j`'s bytes; false when stopped first.
    private func feed<H: AssemblerHandler>(_ j: Int, to assembler: RecordAssembler<H>, unless stop: () -> Bool) throws -> Bool {
        let blocks = BlockProducer(source: reader.source, encoding: reader.format.encoding, start: parts[j].lowerBound,
                                   end: parts[j].upperBound, blockSize: reader.options.blockSize, readsAhead: false)
        while let block = try blocks.next() {
            if stop() {
                // Read to the part's end unparsed: a producer thread left
                // waiting for its slots to be freed would never end.
                while (try? blocks.next()) != nil {}
                return false
            }
            try assembler.feed(block.text, issues: block.issues)
        }
        return true
    }

    // MARK: - Shared state

    private func publish(count: Int, of i: Int) {
        condition.lock()
        lineCounts[i] = count
        condition.broadcast()
        condition.unlock()
    }

    private func publish(failure: Error) {
        condition.lock()
        countFailure = countFailure ?? failure
        condition.broadcast()
        condition.unlock()
    }

    /// Part `i`'s first line, once the parts before it are counted (they
    /// were taken before it, and are counted before anything else is done).
    private func firstLine(of i: Int) throws -> Int {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let countFailure { throw countFailure }
            if cancelled { throw CancellationError() }
            var line = 1
            var known = true
            for k in 0..<i {
                guard let n = lineCounts[k] else { known = false; break }
                line += n
            }
            if known { return line }
            condition.wait()
        }
    }

    /// Whether a read that stops between records on `line` at part `j`'s
    /// cut has reached what part `j`'s own read guessed: the line it counted
    /// (when already counted), below the header no more (its reader knows
    /// nothing of what comes before the header).
    private func isFirstLine(_ line: Int, of j: Int) -> Bool {
        if line <= (reader.format.headerLine ?? 0) { return false }
        condition.lock()
        defer { condition.unlock() }
        var counted = 1
        for k in 0..<j {
            guard let n = lineCounts[k] else { return true }
            counted += n
        }
        return counted == line
    }

    private func shouldStop(_ i: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return voided[i] || cancelled
    }

    private func void(_ j: Int) {
        condition.lock()
        voided[j] = true
        condition.broadcast()
        condition.unlock()
    }

    private func end(_ i: Int, next: Int) {
        condition.lock()
        ends[i] = next
        while chain < parts.count, let after = ends[chain] { chain = after }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until it is known whether part `i` is on the true read: the
    /// reads before it have ended and the chain reached it (true), or a
    /// read ran over it (false). Part `i`'s own read has not ended, so the
    /// chain cannot have passed through it.
    private func waitUntilOnChain(_ i: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chain < i && !voided[i] && !cancelled { condition.wait() }
        return chain == i && !voided[i] && !cancelled
    }
}

/// A value handed to another thread by its only user.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
