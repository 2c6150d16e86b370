import Dispatch
import Foundation
import PikirIngest
import PikirModel
import PikirNormalise

/// A batch in file order, filled in by a normaliser lane while the writer
/// may already be waiting for it.
final class PendingBatch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var batch = WriteBatch()

    func fill(_ batch: WriteBatch) {
        self.batch = batch
        done.signal()
    }

    /// Waits for the lane, then hands the batch over (once).
    func take() -> WriteBatch {
        done.wait()
        defer { batch = WriteBatch() }
        return batch
    }
}

/// Hands batches, in file order, from the thread that reads to the thread
/// that holds the database.
///
/// Bounded: the producer waits when `capacity` batches are queued, so memory
/// stays flat however large the file. Either side may stop at any moment:
/// `cancel` wakes a producer waiting for room, and `receive` answers nil at
/// once, however often it is asked, after the producer's `finish` (a writer
/// that failed at commit, after the last batch, once waited here forever).
final class WriteChannel: @unchecked Sendable {
    private var queue: [PendingBatch] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var error: Error?
    private let condition = NSCondition()
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The error that stopped the producer, once `receive` has answered nil.
    var failure: Error? {
        condition.lock()
        defer { condition.unlock() }
        return error
    }

    /// Producer side; false once the consumer has given up.
    func send(_ batch: PendingBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// Producer side: no more batches (with the error that stopped reading, if any).
    func finish(error: Error?) {
        condition.lock()
        finished = true
        self.error = error
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer side: the next batch, or nil when the producer has finished
    /// (or the consumer cancelled).
    func receive() -> PendingBatch? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !finished && !cancelled { condition.wait() }
        if head == queue.count || cancelled { return nil }
        let batch = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return batch
    }

    /// Consumer side: stop the producer (after a database error, or when the
    /// run stops); the queued batches are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer side, after `cancel`: waits until the producer has let go
    /// of the file (it finishes as soon as it sees the cancel).
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

/// Copies records into batches on the reading thread and has them
/// normalised on `lanes` threads at once, in file order for the writer.
///
/// Each lane has its own `RecordNormaliser` (their caches are not shared)
/// and thread, and takes every `lanes`-th batch; the channel keeps the batches in the
/// order they were read, so the warehouse ends the same whatever the timing.
final class BatchingSink: RecordSink, @unchecked Sendable {
    private enum Event {
        case record(Int)
        case ignored(IgnoredLine)
        case rejected(Reject)
    }

    private let channel: WriteChannel
    private let lanes: [(worker: SerialWorker, normaliser: RecordNormaliser)]
    private let layout: WriteBatch.Layout
    private var next = 0
    private var events: [Event] = []
    private var records = RecordBatch(capacity: BatchingSink.batchSize)
    private(set) var stopped = false
    static let batchSize = 512

    /// - Parameter lanes: One worker per normaliser; lane i of every file
    ///   runs on worker i, so each normaliser is only ever used by one thread.
    init(normalisers: [RecordNormaliser], lanes workers: [SerialWorker], channel: WriteChannel,
         layout: WriteBatch.Layout = .rows(.all)) {
        precondition(!normalisers.isEmpty && normalisers.count <= workers.count)
        self.channel = channel
        self.layout = layout
        lanes = normalisers.enumerated().map { (workers[$0.offset], $0.element) }
        events.reserveCapacity(Self.batchSize)
    }

    func header(columns: [String], line: Int?) {}

    func record(_ record: RecordView) {
        push(.record(records.append(record)))
    }

    func ignored(_ ignored: IgnoredLine) { push(.ignored(ignored)) }

    func rejected(_ reject: Reject) { push(.rejected(reject)) }

    private func push(_ event: Event) {
        guard !stopped else { return }
        events.append(event)
        if events.count >= Self.batchSize { flush() }
    }

    /// Sends what is gathered to the next lane (call once more at the end).
    func flush() {
        guard !events.isEmpty, !stopped else { return }
        let pending = PendingBatch()
        if !channel.send(pending) { stopped = true; return }
        let lane = lanes[next]
        next = (next + 1) % lanes.count
        let work = UncheckedBox((events, records, lane.normaliser, layout))
        lane.worker.submit {
            let (events, records, normaliser, layout) = work.value
            pending.fill(BatchingSink.normalise(events, records, with: normaliser, into: WriteBatch(layout: layout)))
        }
        events = []
        events.reserveCapacity(Self.batchSize)
        records = RecordBatch(capacity: Self.batchSize)
    }

    private static func normalise(_ events: [Event], _ records: RecordBatch, with normaliser: RecordNormaliser,
                                  into batch: WriteBatch) -> WriteBatch {
        var batch = batch
        batch.items.reserveCapacity(events.count)
        if batch.groups == nil { batch.rows.reserve(events.count) }
        var scratch = CanonicalResponse.scratch
        for event in events {
            switch event {
            case .record(let index): records.withRecord(index) { batch.add($0, normalisedBy: normaliser, scratch: &scratch) }
            case .ignored(let ignored): batch.add(ignored)
            case .rejected(let reject): batch.add(reject)
            }
        }
        return batch
    }
}

/// What a record, an ignored line and a reader's reject add to a batch:
/// written once for the lanes (`BatchingSink`) and the parts (`NormalisingSink`).
extension WriteBatch {
    /// `scratch` holds the response while it is encoded: one for all of a
    /// thread's records (see `RecordNormaliser.normalise(_:into:)`).
    mutating func add(_ record: RecordView, normalisedBy normaliser: RecordNormaliser, scratch: inout CanonicalResponse) {
        switch normaliser.normalise(record, into: &scratch) {
        case .response(let redacted):
            redactions += redacted
            if groups != nil {
                groups!.append(scratch)
            } else {
                items.append(.response(row: rows.append(scratch)))
            }
        case .reject(let code, let message):
            rejected += 1
            let raw = Redaction.redact(record.rawText)
            redactions += raw.total
            items.append(.reject(line: record.line, code: code, message: message, raw: raw.text))
        }
    }

    mutating func add(_ ignored: IgnoredLine) {
        self.ignored += 1
        items.append(.ignored(line: ignored.line, code: ignored.reason.rawValue))
    }

    mutating func add(_ reject: Reject) {
        rejected += 1
        let redacted = reject.redacted()
        redactions += redacted.items
        let reject = redacted.reject
        items.append(.reject(line: reject.line, code: reject.reason.rawValue, message: reject.message, raw: reject.raw))
    }
}
