import Dispatch
import PikirIngest
import PikirNormalise

/// One thing to write for a file, in file order.
enum WriteItem {
    case response(CanonicalResponse)
    case normaliseReject(line: Int, code: String, message: String, raw: String)
    case readerReject(Reject)
    case ignored(IgnoredLine)
}

/// Hands batches of write items from the thread that reads and normalises to
/// the thread that holds the database, so the two run on both cores.
///
/// Bounded: the producer waits when `capacity` batches are queued, so memory
/// stays flat however large the file.
final class WriteChannel: @unchecked Sendable {
    private var queue: [[WriteItem]] = []
    private var finished = false
    private(set) var failure: Error?
    private var cancelled = false
    private let lock = DispatchQueue(label: "pikir.write-channel")
    private let items = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore

    init(capacity: Int = 8) {
        space = DispatchSemaphore(value: capacity)
    }

    /// Producer side; false once the consumer has given up.
    func send(_ batch: [WriteItem]) -> Bool {
        space.wait()
        let stop = lock.sync { () -> Bool in
            if cancelled { return true }
            queue.append(batch)
            return false
        }
        if stop { space.signal(); return false }
        items.signal()
        return true
    }

    /// Producer side: no more batches (with the error that stopped reading, if any).
    func finish(error: Error?) {
        lock.sync {
            finished = true
            failure = error
        }
        items.signal()
    }

    /// Consumer side: the next batch, or nil when the producer has finished.
    func receive() -> [WriteItem]? {
        items.wait()
        return lock.sync { () -> [WriteItem]? in
            if queue.isEmpty { return nil }  // only `finish` signals without a batch
            let batch = queue.removeFirst()
            space.signal()
            return batch
        }
    }

    /// Consumer side: stop the producer (after a database error).
    func cancel() {
        lock.sync { cancelled = true }
        space.signal()
    }
}

/// Reads and normalises on its thread, batching what it finds for the writer.
final class NormalisingSink: RecordSink {
    let normaliser: RecordNormaliser
    let channel: WriteChannel
    private var batch: [WriteItem] = []
    private(set) var stopped = false
    var rejected = 0, ignored = 0, redactions = 0
    static let batchSize = 512

    init(normaliser: RecordNormaliser, channel: WriteChannel) {
        self.normaliser = normaliser
        self.channel = channel
        batch.reserveCapacity(Self.batchSize)
    }

    func header(columns: [String], line: Int?) {}

    func record(_ record: RecordView) {
        switch normaliser.normalise(record) {
        case .response(let response, let redacted):
            redactions += redacted
            push(.response(response))
        case .reject(let code, let message):
            rejected += 1
            push(.normaliseReject(line: record.line, code: code, message: message, raw: record.rawText))
        }
    }

    func ignored(_ ignored: IgnoredLine) {
        self.ignored += 1
        push(.ignored(ignored))
    }

    func rejected(_ reject: Reject) {
        rejected += 1
        push(.readerReject(reject))
    }

    private func push(_ item: WriteItem) {
        guard !stopped else { return }
        batch.append(item)
        if batch.count >= Self.batchSize { flush() }
    }

    func flush() {
        guard !batch.isEmpty, !stopped else { return }
        if !channel.send(batch) { stopped = true }
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }
}
