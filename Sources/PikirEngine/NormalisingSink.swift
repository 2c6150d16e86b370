import PikirIngest
import PikirModel
import PikirNormalise

/// Normalises each record on the thread that reads it, straight from the
/// reader's view, and sends full batches to `channel`: how the parts of a
/// split file are read, one normaliser per part's thread.
///
/// The lanes of `BatchingSink` copy every record (its fields and raw text)
/// into a batch to normalise it on another thread; when every core already
/// reads a part, that copy and hand-over is all they add (1M rows: a fifth
/// of the CPU time of `agg --csv`).
final class NormalisingSink: RecordSink, @unchecked Sendable {
    private let channel: WriteChannel
    let normaliser: RecordNormaliser
    private let layout: WriteBatch.Layout
    /// Records per batch: a few hundred rows, or a part's grouped responses
    /// whole (keys and a combination: 24 bytes a response; the bound only
    /// matters for a part whose read runs on through the parts after it).
    private let batchSize: Int
    private var batch: WriteBatch
    private var scratch = CanonicalResponse.scratch
    private var stopped = false

    init(normaliser: RecordNormaliser, channel: WriteChannel, layout: WriteBatch.Layout) {
        self.normaliser = normaliser
        self.channel = channel
        self.layout = layout
        if case .groups = layout { batchSize = 1 << 16 } else { batchSize = BatchingSink.batchSize }
        batch = WriteBatch(layout: layout)
        reserve()
    }

    func header(columns: [String], line: Int?) {}

    func record(_ record: RecordView) {
        guard !stopped else { return }
        batch.add(record, normalisedBy: normaliser, scratch: &scratch)
        flushIfFull()
    }

    func ignored(_ ignored: IgnoredLine) {
        guard !stopped else { return }
        batch.add(ignored)
        flushIfFull()
    }

    func rejected(_ reject: Reject) {
        guard !stopped else { return }
        batch.add(reject)
        flushIfFull()
    }

    private func flushIfFull() {
        if batch.count >= batchSize { flush() }
    }

    /// Sends what is gathered (call once more at the end).
    func flush() {
        guard batch.count > 0, !stopped else { return }
        let pending = PendingBatch()
        pending.fill(batch)
        if !channel.send(pending) { stopped = true }
        batch = WriteBatch(layout: layout)
        reserve()
    }

    private func reserve() {
        guard batch.groups == nil else { return }
        batch.items.reserveCapacity(batchSize)
        batch.rows.reserve(batchSize)
    }
}
